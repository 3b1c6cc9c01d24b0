// Rasterisation of contours into label maps, checked against hand-computed small polygons.
#include <QtTest>

#include "image/polygon.h"

using namespace cardioseg::image;

class TestPolygon : public QObject {
    Q_OBJECT

private:
    static std::vector<std::pair<int, int>> setPixels(const LabelMap& m, std::uint8_t v) {
        std::vector<std::pair<int, int>> out;
        for (int y = 0; y < m.height; ++y)
            for (int x = 0; x < m.width; ++x)
                if (m.at(x, y) == v) out.emplace_back(x, y);
        return out;
    }

private slots:
    void rectangleOnPixelCentresCoversHalfOpenSpan() {
        // Corners on pixel centres (1,1)-(4,3): centres with 1 <= x < 4 and 1 <= y < 3.
        LabelMap m(8, 6);
        const std::size_t n = fillPolygon(m, {{1, 1}, {4, 1}, {4, 3}, {1, 3}}, 7);
        QCOMPARE(n, std::size_t(6));
        const std::vector<std::pair<int, int>> expected{{1, 1}, {2, 1}, {3, 1}, {1, 2}, {2, 2}, {3, 2}};
        QCOMPARE(setPixels(m, 7), expected);
    }

    void rectangleOnPixelEdgesCoversEnclosedCentres() {
        // Sunnybrook-style half-pixel corners: (0.5,0.5)-(3.5,2.5) encloses centres x=1..3, y=1..2.
        LabelMap m(6, 5);
        fillPolygon(m, {{0.5, 0.5}, {3.5, 0.5}, {3.5, 2.5}, {0.5, 2.5}}, 1);
        const std::vector<std::pair<int, int>> expected{{1, 1}, {2, 1}, {3, 1}, {1, 2}, {2, 2}, {3, 2}};
        QCOMPARE(setPixels(m, 1), expected);
    }

    void triangleMatchesHandCount() {
        // Right triangle (0,0),(4,0),(0,4): centre (x,y) inside when x + y < 4 (hypotenuse is a
        // right edge, so centres on it are out), x >= 0, y >= 0 and y < 4.
        LabelMap m(6, 6);
        fillPolygon(m, {{0, 0}, {4, 0}, {0, 4}}, 1);
        std::vector<std::pair<int, int>> expected;
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 6; ++x)
                if (x + y < 4) expected.emplace_back(x, y);
        QCOMPARE(setPixels(m, 1), expected);
        QCOMPARE(expected.size(), std::size_t(10));
    }

    void vertexOrderDoesNotMatter() {
        LabelMap a(10, 10), b(10, 10);
        const Polygon cw{{2.2, 1.7}, {7.9, 2.4}, {6.1, 8.3}, {1.4, 6.6}};
        Polygon ccw(cw.rbegin(), cw.rend());
        fillPolygon(a, cw, 1);
        fillPolygon(b, ccw, 1);
        QVERIFY(a == b);
        QVERIFY(!setPixels(a, 1).empty());
    }

    void sharedEdgeIsClaimedOnce() {
        LabelMap m(8, 4);
        const std::size_t left = fillPolygon(m, {{0, 0}, {3, 0}, {3, 3}, {0, 3}}, 1);
        LabelMap m2(8, 4);
        const std::size_t right = fillPolygon(m2, {{3, 0}, {6, 0}, {6, 3}, {3, 3}}, 1);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 8; ++x) QVERIFY(!(m.at(x, y) && m2.at(x, y)));
        QCOMPARE(left + right, std::size_t(18));  // 6 columns × 3 rows, no overlap, no gap
    }

    void polygonClippedToImage() {
        LabelMap m(4, 4);
        const std::size_t n = fillPolygon(m, {{-10, -10}, {10, -10}, {10, 10}, {-10, 10}}, 3);
        QCOMPARE(n, std::size_t(16));
    }

    void degeneratePolygonsFillNothing() {
        LabelMap m(4, 4);
        QCOMPARE(fillPolygon(m, {{1, 1}, {2, 2}}, 1), std::size_t(0));
        QCOMPARE(fillPolygon(m, {{1, 1}, {2, 1}, {3, 1}}, 1), std::size_t(0));  // zero area
    }

    void areaOfUnitSquare() {
        QCOMPARE(std::abs(polygonArea({{0, 0}, {2, 0}, {2, 3}, {0, 3}})), 6.0);
    }

    void contoursBecomeLabels() {
        const Polygon epi{{1, 1}, {9, 1}, {9, 9}, {1, 9}};
        const Polygon endo{{3, 3}, {7, 3}, {7, 7}, {3, 7}};
        const LabelMap both = rasterizeContours(10, 10, &endo, &epi);
        QCOMPARE(both.at(0, 0), label::Background);
        QCOMPARE(both.at(1, 1), label::Myocardium);
        QCOMPARE(both.at(3, 3), label::BloodPool);
        QCOMPARE(both.at(6, 6), label::BloodPool);
        QCOMPARE(both.at(7, 7), label::Myocardium);
        QCOMPARE(setPixels(both, label::BloodPool).size(), std::size_t(16));
        QCOMPARE(setPixels(both, label::Myocardium).size(), std::size_t(64 - 16));

        // Endocardium only: outside it, not blood pool, but background or myocardium unknown.
        const LabelMap endoOnly = rasterizeContours(10, 10, &endo, nullptr);
        QCOMPARE(endoOnly.at(0, 0), label::NotBloodPool);
        QCOMPARE(endoOnly.at(1, 1), label::NotBloodPool);
        QCOMPARE(endoOnly.at(4, 4), label::BloodPool);
        QCOMPARE(setPixels(endoOnly, label::NotBloodPool).size(), std::size_t(100 - 16));

        // Epicardium only: inside it blood pool and myocardium cannot be told apart.
        const LabelMap epiOnly = rasterizeContours(10, 10, nullptr, &epi);
        QCOMPARE(epiOnly.at(0, 0), label::Background);
        QCOMPARE(epiOnly.at(4, 4), label::Ignore);
    }
};

QTEST_GUILESS_MAIN(TestPolygon)
#include "test_polygon.moc"
