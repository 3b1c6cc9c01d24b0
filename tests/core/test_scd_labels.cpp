// Expert contours in SCD layout become label maps on the right images.
#include <QtTest>

#include <fstream>

#include "io/dicom_loader.h"
#include "io/resources.h"
#include "io/scd_dataset.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using testing::TempDir;

namespace {

std::size_t count(const image::LabelMap& m, std::uint8_t v) {
    return static_cast<std::size_t>(std::count(m.data.begin(), m.data.end(), v));
}

void writeContour(const fs::path& file, const std::vector<std::pair<double, double>>& pts) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file);
    for (const auto& [x, y] : pts) out << x << " " << y << "\n";
}

}  // namespace

class TestScdLabels : public QObject {
    Q_OBJECT

private slots:
    void sampleDatasetContours() {
        const auto ds = io::readScdDataset(io::sampleDatasetDir());
        QCOMPARE(ds.skipped.size(), std::size_t(0));
        QCOMPARE(ds.patients.size(), std::size_t(1));
        const auto& p = ds.patients[0];
        QCOMPARE(p.patientId, std::string("SCD0000101"));
        QCOMPARE(p.originalId, std::string("SC-HF-I-1"));
        std::size_t endo = 0, epi = 0;
        for (const auto& [instance, c] : p.contours) {
            QCOMPARE(c.instanceNumber, instance);
            endo += c.endocardium ? 1 : 0;
            epi += c.epicardium ? 1 : 0;
        }
        QCOMPARE(endo, std::size_t(18));
        QCOMPARE(epi, std::size_t(9));
        // The first endocardial contour file starts with "120.50 137.50".
        const auto& first = p.contours.at(48).endocardium;
        QVERIFY(first);
        QCOMPARE(first->front().x, 120.5);
        QCOMPARE(first->front().y, 137.5);
    }

    void sampleLabelsOnTheirImages() {
        const auto ds = io::readScdDataset(io::sampleDatasetDir());
        io::LoadOptions opt;
        opt.decodePixels = false;
        const auto loaded = io::loadDicom({ds.patients[0].dicomDir}, opt);
        QCOMPARE(loaded.series.size(), std::size_t(1));
        const auto& series = loaded.series[0];
        std::vector<io::SkippedFile> skipped;
        const auto labels = io::expertLabels(ds.patients[0], series, &skipped);
        QVERIFY(skipped.empty());
        QCOMPARE(labels.labelledCount(), std::size_t(18));
        for (const auto& [instance, c] : ds.patients[0].contours) {
            const auto where = series.findInstance(instance);
            QVERIFY(where);
            const auto& map = labels.at(where->first, where->second);
            QCOMPARE(map.width, 256);
            const std::size_t blood = count(map, image::label::BloodPool);
            // Raster area agrees with the polygon's area to within its perimeter band.
            const double area = std::abs(image::polygonArea(*c.endocardium));
            QVERIFY2(std::abs(double(blood) - area) < 0.12 * area + 10,
                     qPrintable(QString("instance %1: %2 px vs %3").arg(instance).arg(blood).arg(area)));
            if (c.epicardium) {
                QVERIFY(count(map, image::label::Myocardium) > 0);
                QCOMPARE(count(map, image::label::Ignore), std::size_t(0));
            } else {
                QCOMPARE(count(map, image::label::Myocardium), std::size_t(0));
                QCOMPARE(count(map, image::label::NotBloodPool) + blood, map.data.size());
            }
        }
        // Endocardial contours come at two phases of each contoured slice (ED and ES).
        std::map<int, int> perSlice;
        for (int s = 0; s < labels.slices; ++s)
            for (int p = 0; p < labels.phases; ++p) perSlice[s] += labels.at(s, p).empty() ? 0 : 1;
        int contoured = 0;
        for (auto [s, n] : perSlice) {
            QVERIFY(n == 0 || n == 2);
            contoured += n ? 1 : 0;
        }
        QCOMPARE(contoured, 9);
    }

    void badInputIsReportedAndTheRestLoads() {
        TempDir dir;
        testing::SyntheticSeries s;
        s.slices = 2;
        s.phases = 2;
        testing::writeSeries(dir / "dicoms" / "P1", s);
        { std::ofstream(dir / "link.csv") << "patient_id,original_id\nP1,C1\nP2,C2\nbroken line\n"; }
        const fs::path c1 = dir / "contourfiles" / "C1";
        writeContour(c1 / "i-contours" / "IM-0001-0001-icontour-manual.txt", {{5, 5}, {15, 5}, {15, 15}, {5, 15}});
        writeContour(c1 / "o-contours" / "IM-0001-0001-ocontour-manual.txt", {{3, 3}, {18, 3}, {18, 18}, {3, 18}});
        writeContour(c1 / "i-contours" / "IM-0001-0099-icontour-manual.txt", {{5, 5}, {15, 5}, {15, 15}});
        { std::ofstream(c1 / "i-contours" / "IM-0001-0002-icontour-manual.txt") << "1 2\nthree four\n"; }
        { std::ofstream(c1 / "i-contours" / "readme.txt") << "x"; }

        const auto ds = io::readScdDataset(dir.path());
        QCOMPARE(ds.patients.size(), std::size_t(1));  // P2 has no DICOM folder
        auto reasonFor = [&](const std::string& needle) -> std::string {
            for (const auto& sk : ds.skipped)
                if (sk.file.find(needle) != std::string::npos) return sk.reason;
            return {};
        };
        QVERIFY(reasonFor("P2").find("missing") != std::string::npos);
        QVERIFY(reasonFor("link.csv").find("line 4") != std::string::npos);
        QVERIFY(reasonFor("0002-icontour").find("line 2") != std::string::npos);
        QVERIFY(!reasonFor("readme.txt").empty());
        QCOMPARE(ds.skipped.size(), std::size_t(4));

        const auto loaded = io::loadDicom({ds.patients[0].dicomDir});
        std::vector<io::SkippedFile> skipped;
        const auto labels = io::expertLabels(ds.patients[0], loaded.series[0], &skipped);
        QCOMPARE(labels.labelledCount(), std::size_t(1));
        QCOMPARE(skipped.size(), std::size_t(1));  // instance 99 is not in the series
        const auto where = loaded.series[0].findInstance(1);
        const auto& map = labels.at(where->first, where->second);
        QCOMPARE(count(map, image::label::BloodPool), std::size_t(100));           // 10 × 10
        QCOMPARE(count(map, image::label::Myocardium), std::size_t(15 * 15 - 100));
    }

    void notADataset() {
        TempDir dir;
        try {
            io::readScdDataset(dir.path());
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("link.csv") != std::string::npos);
        }
    }

    void sharedDatasetContours() {
        const fs::path scd = testing::sharedScdDir();
        if (scd.empty()) QSKIP("../shared/data/scd is absent: skipping the three-patient contour check");
        const auto ds = io::readScdDataset(scd);
        QCOMPARE(ds.skipped.size(), std::size_t(0));
        QCOMPARE(ds.patients.size(), std::size_t(3));
        const std::map<std::string, std::pair<int, int>> expected{
            {"SCD0000101", {18, 9}}, {"SCD0000201", {18, 9}}, {"SCD0000301", {20, 10}}};
        io::LoadOptions opt;
        opt.decodePixels = false;
        for (const auto& p : ds.patients) {
            int endo = 0, epi = 0;
            for (const auto& [i, c] : p.contours) {
                endo += c.endocardium ? 1 : 0;
                epi += c.epicardium ? 1 : 0;
            }
            QCOMPARE(std::make_pair(endo, epi), expected.at(p.patientId));
            const auto loaded = io::loadDicom({p.dicomDir}, opt);
            std::vector<io::SkippedFile> skipped;
            const auto labels = io::expertLabels(p, loaded.series.at(0), &skipped);
            QVERIFY(skipped.empty());
            QCOMPARE(int(labels.labelledCount()), endo);
        }
    }
};

QTEST_GUILESS_MAIN(TestScdLabels)
#include "test_scd_labels.moc"
