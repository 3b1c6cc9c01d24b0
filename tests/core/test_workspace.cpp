// Study workspaces: corrected labels and review states survive a save and a reload.
#include <QtTest>

#include <cmath>
#include <fstream>

#include "io/dicom_loader.h"
#include "io/model_versions.h"
#include "io/prediction_cache.h"
#include "io/workspace.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

class TestWorkspace : public QObject {
    Q_OBJECT

private slots:
    void saveAndRestore() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        const auto series = io::loadDicom({dir / "study"}).series.at(0);
        io::SeriesWork work;
        work.corrections = image::SeriesLabels::like(series);
        image::LabelMap m(series.geometry.columns, series.geometry.rows, image::label::Background);
        m.at(3, 4) = image::label::BloodPool;
        m.at(5, 6) = image::label::Myocardium;
        work.corrections.at(1, 2) = m;
        work.corrections.at(3, 0) = m;
        work.review[{1, 2}] = io::ReviewState::Corrected;
        work.review[{3, 0}] = io::ReviewState::Confirmed;

        const fs::path folder = io::Workspace::defaultFolder(dir / "ws", (dir / "study").string());
        QCOMPARE(folder, io::Workspace::defaultFolder(dir / "ws", (dir / "study").string()));  // stable
        io::Workspace ws(folder);
        ws.save(series, work);
        std::vector<io::SkippedFile> skipped;
        io::SeriesWork back = io::Workspace(folder).load(series, skipped);
        QVERIFY(skipped.empty());
        QVERIFY(back.corrections.maps == work.corrections.maps);
        QCOMPARE(back.review.size(), std::size_t(2));
        QCOMPARE(int(back.review.at({3, 0})), int(io::ReviewState::Confirmed));

        // An image that is no longer corrected loses its mask on the next save.
        work.corrections.at(3, 0) = image::LabelMap();
        work.review.erase({3, 0});
        ws.save(series, work);
        back = ws.load(series, skipped);
        QCOMPARE(back.corrections.labelledCount(), std::size_t(1));
        QCOMPARE(back.review.size(), std::size_t(1));

        // Values a clinician entered travel with the series; impossible ones are not restored.
        work.clinical.edPhase = 3;
        work.clinical.esPhase = 1;
        work.clinical.heightM = 1.72;
        work.clinical.weightKg = 68.5;
        ws.save(series, work);
        QVERIFY(ws.load(series, skipped).clinical == work.clinical);
        work.clinical.edPhase = s.phases + 4;  // not a phase of this series
        ws.save(series, work);
        QCOMPARE(ws.load(series, skipped).clinical.edPhase, -1);
    }

    void modelLabelsCachedPerSeriesAndModel() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        const auto series = io::loadDicom({dir / "study"}).series.at(0);
        image::SeriesLabels labels = image::SeriesLabels::like(series);
        for (int k = 0; k < series.slices; ++k)
            for (int p = 0; p < series.phases; p += 2) {
                image::LabelMap m(series.geometry.columns, series.geometry.rows, image::label::Background);
                for (int y = 2; y < 9; ++y)
                    for (int x = 3 + k; x < 12; ++x) m.at(x, y) = x < 7 ? image::label::BloodPool : image::label::Myocardium;
                m.at(0, 0) = image::label::Ignore;
                labels.at(k, p) = std::move(m);
            }
        const io::PredictionCache cache(dir / "ws");
        cache.save(series, "model-a", labels);
        const auto back = cache.load(series, "model-a");
        QVERIFY(back);
        QVERIFY(back->labels.maps == labels.maps);  // images without labels stay without
        QVERIFY(std::isnan(back->uncertainty[1]));    // none given
        // Another model version, or the series changed (an image replaced): nothing.
        QVERIFY(!cache.load(series, "model-b"));
        image::CineSeries changed = series;
        changed.frames[changed.grid[3]].sopInstanceUid += ".9";
        QVERIFY(!cache.load(changed, "model-a"));
        // Compressed: far smaller than the label maps themselves.
        const auto bytes = fs::file_size(cache.fileFor(series));
        QVERIFY2(bytes * 10 < labels.labelledCount() * series.geometry.columns * series.geometry.rows,
                 qPrintable(QString::number(bytes)));
        // A damaged file is no cache, never a crash.
        std::string damaged;
        {
            std::ifstream in(cache.fileFor(series), std::ios::binary);
            damaged.assign(std::istreambuf_iterator<char>(in), {});
        }
        for (std::size_t cut : {std::size_t(5), damaged.size() / 2, damaged.size() - 1}) {
            std::ofstream(cache.fileFor(series), std::ios::binary | std::ios::trunc) << damaged.substr(0, cut);
            QVERIFY(!cache.load(series, "model-a"));
        }
        // A file's digest names its bytes.
        { std::ofstream(dir / "m1.pt") << "weights one"; }
        { std::ofstream(dir / "m2.pt") << "weights two"; }
        QVERIFY(io::fileDigest(dir / "m1.pt") != io::fileDigest(dir / "m2.pt"));
        QCOMPARE(io::fileDigest(dir / "m1.pt"), io::fileDigest(dir / "m1.pt"));
    }

    void versionsIndexWithCountsThatAreNoCounts() {
        // Found by fuzzing: a count that is not a number (or far out of range) was converted
        // as is, undefined behaviour; it reads as 0 and the rest of the entry still loads.
        testing::TempDir dir;
        fs::create_directories(dir / "models");
        std::ofstream(dir / "models" / "versions.json")
            << R"({"format": 1, "versions": [{"id": "v1", "file": "v1.pt", "corrections": "three",
                 "held_out": 1e300, "iterations": -5, "dice_after": 0.86, "decision": "kept"}]})";
        const auto all = io::ModelVersions(dir / "models").list();
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(all[0].corrections, 0);
        QCOMPARE(all[0].heldOut, 0);
        QCOMPARE(all[0].iterations, 0LL);
        QCOMPARE(all[0].checks.diceAfter, 0.86);
        QCOMPARE(all[0].decision, std::string("kept"));
        QCOMPARE(all[0].file, (dir / "models" / "v1.pt").string());
    }

    void absentOrDamagedWorkspace() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        const auto series = io::loadDicom({dir / "study"}).series.at(0);
        std::vector<io::SkippedFile> skipped;
        const auto empty = io::Workspace(dir / "none").load(series, skipped);
        QCOMPARE(empty.corrections.labelledCount(), std::size_t(0));
        QVERIFY(skipped.empty());
        fs::create_directories(dir / "bad");
        { std::ofstream(dir / "bad" / "workspace.json") << "{ not json"; }
        io::Workspace(dir / "bad").load(series, skipped);
        QCOMPARE(skipped.size(), std::size_t(1));
        QVERIFY(skipped[0].reason.find("workspace") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
