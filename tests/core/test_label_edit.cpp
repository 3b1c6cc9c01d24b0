// Region-limited label patches (undo/redo records) and brush painting.
#include <QtTest>

#include <cmath>
#include <random>

#include "image/label_edit.h"

using namespace cardioseg::image;

class TestLabelEdit : public QObject {
    Q_OBJECT

private slots:
    void floodFillStopsAtOtherLabels() {
        // A myocardial ring around a background hole: filling the hole with blood pool fills
        // exactly the hole (4-connected), not the outside.
        LabelMap m(40, 40, label::Background);
        paintDisc(m, 20, 20, 10, label::Myocardium);
        paintDisc(m, 20, 20, 6, label::Background);
        const auto hole = std::count(m.data.begin(), m.data.end(), label::Background);
        LabelMap filled = m;
        const std::size_t n = floodFill(filled, 20, 20, label::BloodPool);
        QVERIFY(n > 100);
        QCOMPARE(std::count(filled.data.begin(), filled.data.end(), label::BloodPool), static_cast<long>(n));
        QCOMPARE(std::count(filled.data.begin(), filled.data.end(), label::Background), hole - static_cast<long>(n));
        QCOMPARE(filled.at(0, 0), label::Background);   // the outside is another region
        QCOMPARE(filled.at(20, 11), label::Myocardium);  // the ring is untouched
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 40; ++x)
                if (filled.at(x, y) == label::BloodPool) QVERIFY(std::hypot(x - 20, y - 20) <= 6.0);
        // Filling with the label already there, or outside the image, changes nothing.
        QCOMPARE(floodFill(filled, 20, 20, label::BloodPool), std::size_t(0));
        QCOMPARE(floodFill(filled, -1, 3, label::BloodPool), std::size_t(0));
        // Diagonal neighbours do not connect: two squares touching at a corner.
        LabelMap d(6, 6, label::Background);
        d.at(1, 1) = d.at(2, 2) = label::Myocardium;
        QCOMPARE(floodFill(d, 1, 1, label::BloodPool), std::size_t(1));
        QCOMPARE(d.at(2, 2), label::Myocardium);
    }

    void patchRoundTrip() {
        LabelMap before(64, 48, label::Background);
        LabelMap after = before;
        paintDisc(after, 20, 20, 5, label::BloodPool);
        paintDisc(after, 24, 22, 3, label::Myocardium);
        const LabelPatch p = makePatch(before, after);
        QVERIFY(!p.empty());
        QCOMPARE(p.width, 13);  // columns 15..27 (disc of radius 5 at x = 20, disc of 3 at 24)
        LabelMap m = before;
        applyPatch(m, p, true);
        QVERIFY(m == after);
        applyPatch(m, p, false);
        QVERIFY(m == before);
        // Far smaller than two copies of the map.
        QVERIFY(p.bytes() < before.data.size() / 4);
        QVERIFY(makePatch(before, before).empty());
    }

    void mergedPatchesUndoBothSteps() {
        LabelMap s0(32, 32, label::Background);
        LabelMap s1 = s0;
        paintSegment(s1, 2, 2, 10, 4, 2, label::BloodPool);
        LabelMap s2 = s1;
        paintSegment(s2, 10, 4, 25, 28, 2, label::BloodPool);
        const LabelPatch merged = mergePatches(makePatch(s0, s1), makePatch(s1, s2), s2);
        LabelMap m = s2;
        applyPatch(m, merged, false);
        QVERIFY(m == s0);
        applyPatch(m, merged, true);
        QVERIFY(m == s2);
    }

    void randomEditsRoundTrip() {
        std::mt19937 rng(5);
        LabelMap m(40, 30, label::Background);
        std::vector<LabelMap> states{m};
        std::vector<LabelPatch> patches;
        for (int i = 0; i < 25; ++i) {
            LabelMap next = states.back();
            paintDisc(next, rng() % 40, rng() % 30, 1 + rng() % 6, static_cast<std::uint8_t>(rng() % 3));
            patches.push_back(makePatch(states.back(), next));
            states.push_back(next);
        }
        m = states.back();
        for (int i = 24; i >= 0; --i) {
            applyPatch(m, patches[i], false);
            QVERIFY(m == states[i]);
        }
    }

    void brushCountsAndClips() {
        LabelMap m(10, 10);
        QCOMPARE(paintDisc(m, 0, 0, 1.0, 1), std::size_t(3));  // (0,0), (1,0), (0,1); the rest is outside
        QCOMPARE(paintDisc(m, 0, 0, 1.0, 1), std::size_t(0));  // already painted
        QCOMPARE(paintDisc(m, 5, 5, 0.0, 2), std::size_t(1));
        LabelMap other(5, 5);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makePatch(m, other));
    }
};

QTEST_GUILESS_MAIN(TestLabelEdit)
#include "test_label_edit.moc"
