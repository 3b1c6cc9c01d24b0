// Region outlines (contour tool, contour overlays and exports), contour edits, and the contour
// and agreement exports.
#include <QtTest>

#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/contours.h"
#include "analysis/label_export.h"
#include "image/label_edit.h"
#include "image/polygon.h"
#include "io/atomic_file.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
using analysis::Boundary;
namespace fs = std::filesystem;

namespace {

/// A blood pool inside a myocardial ring, off-centre, with a dent: not a trivial shape.
image::LabelMap heart(int w = 64, int h = 56) {
    image::LabelMap m(w, h, image::label::Background);
    image::paintDisc(m, 30, 27, 14.3, image::label::Myocardium);
    image::paintDisc(m, 31, 26, 8.6, image::label::BloodPool);
    image::paintDisc(m, 38, 26, 2.5, image::label::Myocardium);
    return m;
}

/// A synthetic series of 56 × 64 images, the size of heart().
image::CineSeries series56x64() {
    testing::SyntheticSeries spec;
    spec.rows = 56;
    spec.columns = 64;
    return testing::makeCineSeries(spec);
}

long count(const image::LabelMap& m, std::uint8_t v) { return std::count(m.data.begin(), m.data.end(), v); }

std::vector<std::string> lines(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

class TestContours : public QObject {
    Q_OBJECT

private slots:
    void outlinesFillBackToTheRegion() {
        const image::LabelMap m = heart();
        for (const Boundary b : {Boundary::Endocardium, Boundary::Epicardium}) {
            const auto contours = analysis::regionContours(m, b);
            QCOMPARE(contours.size(), std::size_t(1));
            image::LabelMap filled(m.width, m.height, 0);
            image::fillPolygon(filled, contours[0], 1);
            for (std::size_t i = 0; i < m.data.size(); ++i) {
                const bool inRegion = m.data[i] == image::label::BloodPool ||
                                      (b == Boundary::Epicardium && m.data[i] == image::label::Myocardium);
                QCOMPARE(bool(filled.data[i]), inRegion);
            }
        }
        // Random blobs, several regions: largest first, each filling back exactly.
        std::mt19937 rng(7);
        for (int trial = 0; trial < 20; ++trial) {
            image::LabelMap r(40, 40, image::label::Background);
            for (int k = 0; k < 6; ++k)
                image::paintDisc(r, rng() % 40, rng() % 40, 1.0 + rng() % 6, image::label::BloodPool);
            const auto contours = analysis::regionContours(r, Boundary::Endocardium);
            QVERIFY(!contours.empty());
            image::LabelMap filled(40, 40, 0);
            double lastArea = 1e9;
            for (const auto& c : contours) {
                image::fillPolygon(filled, c, 1);
                QVERIFY(std::abs(image::polygonArea(c)) <= lastArea + 1e-9);
                lastArea = std::abs(image::polygonArea(c));
            }
            // Outer outlines: holes (background the outside cannot reach) are filled too.
            image::LabelMap outside = r;
            for (int k = 0; k < 40; ++k)
                for (const auto& [x, y] : {std::pair{k, 0}, {k, 39}, {0, k}, {39, k}})
                    if (outside.at(x, y) == image::label::Background) image::floodFill(outside, x, y, 9);
            for (std::size_t i = 0; i < r.data.size(); ++i)
                QCOMPARE(bool(filled.data[i]), outside.data[i] != 9);
        }
        QVERIFY(analysis::regionContours(image::LabelMap(8, 8, 0), Boundary::Endocardium).empty());
    }

    void simplifiedOutlineHasFewerVertices() {
        const image::LabelMap m = heart();
        const auto full = analysis::regionContours(m, Boundary::Epicardium);
        const auto simple = analysis::regionContours(m, Boundary::Epicardium, 0.6);
        QVERIFY(simple[0].size() < full[0].size());
        QVERIFY(simple[0].size() >= 8);
        // Within the tolerance of the region: its area within a pixel per vertex.
        QVERIFY(std::abs(std::abs(image::polygonArea(simple[0])) - std::abs(image::polygonArea(full[0]))) <
                double(simple[0].size()));
    }

    void contourEditChangesOnlyTheEditedPart() {
        const image::LabelMap m = heart();
        const auto endo = analysis::regionContours(m, Boundary::Endocardium, 0.6)[0];
        // Pull the leftmost vertex 5 px further left: the blood pool grows there only.
        std::size_t k = 0;
        for (std::size_t i = 0; i < endo.size(); ++i)
            if (endo[i].x < endo[k].x) k = i;
        image::Polygon moved = endo;
        moved[k].x -= 5;
        image::LabelMap edited = m;
        const std::size_t changed = analysis::applyContourEdit(edited, Boundary::Endocardium, endo, moved);
        QVERIFY2(changed >= 6, qPrintable(QString::number(changed)));
        QCOMPARE(count(edited, image::label::BloodPool), count(m, image::label::BloodPool) + long(changed));
        for (int y = 0; y < m.height; ++y)
            for (int x = 0; x < m.width; ++x)
                if (edited.at(x, y) != m.at(x, y)) {
                    QCOMPARE(edited.at(x, y), image::label::BloodPool);
                    // Only inside the triangle the moved vertex makes with its neighbours.
                    const auto& a = endo[(k + endo.size() - 1) % endo.size()];
                    const auto& b = endo[(k + 1) % endo.size()];
                    QVERIFY(x <= std::max(a.x, b.x) && y >= std::min(a.y, b.y) && y <= std::max(a.y, b.y));
                }
        // Undoing the move with the reverse edit restores the image; pulling it inwards gives
        // myocardium back (this image has myocardium).
        image::LabelMap back = edited;
        analysis::applyContourEdit(back, Boundary::Endocardium, moved, endo);
        QVERIFY(back == m);
        image::Polygon inward = endo;
        inward[k].x += 3;
        image::LabelMap shrunk = m;
        analysis::applyContourEdit(shrunk, Boundary::Endocardium, endo, inward);
        QVERIFY(count(shrunk, image::label::Myocardium) > count(m, image::label::Myocardium));
        QCOMPARE(count(shrunk, image::label::Background), count(m, image::label::Background));

        // Epicardium pulled outwards: background becomes myocardium; pushed inwards through the
        // blood pool: both become background.
        // (The unsimplified outline: it encloses every pixel of the region, so a cut removes all.)
        const auto epi = analysis::regionContours(m, Boundary::Epicardium)[0];
        image::Polygon out = epi, in = epi;
        for (auto& p : out) p.x += (p.x > 30 ? 2 : 0);
        for (auto& p : in) p.x = std::min(p.x, 28.0);
        image::LabelMap grown = m, cut = m;
        analysis::applyContourEdit(grown, Boundary::Epicardium, epi, out);
        QVERIFY(count(grown, image::label::Myocardium) > count(m, image::label::Myocardium));
        QCOMPARE(count(grown, image::label::BloodPool), count(m, image::label::BloodPool));
        analysis::applyContourEdit(cut, Boundary::Epicardium, epi, in);
        for (int y = 0; y < m.height; ++y)
            for (int x = 30; x < m.width; ++x) QCOMPARE(cut.at(x, y), image::label::Background);
    }

    void contoursExportInPixelsAndMillimetres() {
        testing::TempDir dir;
        const image::CineSeries series = series56x64();
        image::SeriesLabels labels = image::SeriesLabels::like(series);
        labels.at(1, 2) = heart();
        analysis::writeContoursJson(dir / "c.json", series, labels, true);
        std::ifstream in(dir / "c.json");
        const auto doc = nlohmann::json::parse(in);
        QCOMPARE(doc["images"].size(), std::size_t(1));
        const auto& img = doc["images"][0];
        QCOMPARE(img["slice"].get<int>(), 1);
        QCOMPARE(img["phase"].get<int>(), 2);
        QCOMPARE(img["instance_number"].get<int>(), series.frames[series.frameAt(1, 2)].instanceNumber);
        QCOMPARE(img["contours"].size(), std::size_t(2));
        QVERIFY(!doc.contains("patient_id"));  // de-identified
        for (const auto& c : img["contours"]) {
            QCOMPARE(c["points_px"].size(), c["points_mm"].size());
            for (std::size_t k = 0; k < c["points_px"].size(); ++k) {
                const double x = c["points_px"][k][0], y = c["points_px"][k][1];
                const image::Vec3 mm = series.geometry.toPatient(x, y, 1);
                for (int a = 0; a < 3; ++a) QCOMPARE(c["points_mm"][k][a].get<double>(), mm[a]);
            }
        }
        const auto endo = analysis::regionContours(labels.at(1, 2), Boundary::Endocardium)[0];
        QCOMPARE(img["contours"][0]["name"].get<std::string>(), std::string("endocardium"));
        QCOMPARE(img["contours"][0]["points_px"].size(), endo.size());

        analysis::writeContoursCsv(dir / "c.csv", series, labels);
        const auto rows = lines(dir / "c.csv");
        const auto epi = analysis::regionContours(labels.at(1, 2), Boundary::Epicardium)[0];
        QCOMPARE(rows.size(), 1 + endo.size() + epi.size());
        QCOMPARE(rows[0], std::string("slice,phase,instance,contour,region,point,x_px,y_px,x_mm,y_mm,z_mm"));
        QVERIFY(rows[1].rfind("1,2,", 0) == 0);
        QVERIFY(rows[1].find(",endocardium,0,0,") != std::string::npos);
    }

    void agreementCsvHasImageAndSeriesRows() {
        testing::TempDir dir;
        const image::CineSeries series = series56x64();
        image::SeriesLabels prediction = image::SeriesLabels::like(series), corrections = prediction;
        prediction.at(0, 0) = prediction.at(0, 1) = heart();
        corrections.at(0, 0) = heart();
        // Image (0, 1): the corrections erase half the blood pool on the right.
        corrections.at(0, 1) = heart();
        auto& c = corrections.at(0, 1);
        const long bp = count(c, image::label::BloodPool);
        long erased = 0;
        for (int y = 0; y < c.height; ++y)
            for (int x = 31; x < c.width; ++x)
                if (c.at(x, y) == image::label::BloodPool) {
                    c.at(x, y) = image::label::Background;
                    ++erased;
                }
        analysis::writeAgreementCsv(dir / "m.csv", series, prediction, corrections, {{{0, 0}, "confirmed"}});
        const auto rows = lines(dir / "m.csv");
        QCOMPARE(rows.size(), std::size_t(4));  // header, two images, the series
        QVERIFY(rows[1].rfind("image,0,0,", 0) == 0);
        QVERIFY(rows[1].find(",confirmed,1.0000,1.0000,1.0000,1.0000,") != std::string::npos);
        // Dice of the blood pool on image (0, 1): 2·(bp − erased) / (bp + bp − erased).
        const double dice = 2.0 * (bp - erased) / double(2 * bp - erased);
        std::stringstream expect;
        expect << ",unreviewed," << std::fixed << std::setprecision(4) << dice << ',';
        QVERIFY2(rows[2].find(expect.str()) != std::string::npos, rows[2].c_str());
        QVERIFY(rows[3].rfind("series,", 0) == 0);
        // No image with both: a clear error.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 analysis::writeAgreementCsv(dir / "n.csv", series, image::SeriesLabels::like(series),
                                                             corrections, {}));
    }

    void fullDiskIsReported() {
        try {
            io::writeFileDurably("/dev/full", std::string(4096, 'x'));
            QFAIL("writing to a full device did not fail");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("No space left on device") != std::string::npos, e.what());
        }
        // Atomic writes into a missing folder under a file name the file and the reason.
        testing::TempDir dir;
        { std::ofstream(dir / "afile") << "x"; }
        try {
            io::writeFileAtomically(dir / "afile" / "x.csv", "a,b\n");
            QFAIL("writing under a file did not fail");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("afile") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestContours)
#include "test_contours.moc"
