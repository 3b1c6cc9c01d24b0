// Study workspaces: corrected labels and review states survive a save and a reload.
#include <QtTest>

#include <fstream>

#include "io/dicom_loader.h"
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
