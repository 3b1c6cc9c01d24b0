// Opening a study as the workstation does, without a window: the series, the expert contours of
// a dataset in SCD layout, the workspace (beside the study or under the root) and what it kept.
#include <QtTest>

#include <fstream>

#include "io/study.h"
#include "io/workspace.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

class TestStudy : public QObject {
    Q_OBJECT

private slots:
    void scdRootIsFoundFromThePatientFolderOrTheRoot() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.phantom = true;
        testing::writeScdDataset(dir / "scd", s);
        const fs::path root = fs::absolute(dir / "scd");
        QCOMPARE(io::scdRootFor(dir / "scd" / "dicoms" / s.patientId), root);
        QCOMPARE(io::scdRootFor((dir / "scd" / "dicoms" / s.patientId).string() + "/"), root);
        QCOMPARE(io::scdRootFor(dir / "scd"), root);
        // A folder of DICOM files elsewhere is no dataset.
        testing::writeSeries(dir / "plain", s);
        QVERIFY(io::scdRootFor(dir / "plain").empty());
        // "dicoms" without link.csv above it is no dataset either.
        testing::writeSeries(dir / "other" / "dicoms" / "p", s);
        QVERIFY(io::scdRootFor(dir / "other" / "dicoms" / "p").empty());
    }

    void workspaceBesideTheStudyOrUnderTheRoot() {
        testing::TempDir dir;
        fs::create_directories(dir / "study");
        const io::WorkspacePlacement beside{dir / "root", true}, underRoot{dir / "root", false};
        bool moved = true;
        QCOMPARE(io::workspaceFolderFor(dir / "study", beside, &moved),
                 fs::absolute(dir / "study") / io::kWorkspaceFolderName);
        QVERIFY(!moved);
        QVERIFY(fs::is_directory(dir / "study" / io::kWorkspaceFolderName));
        QVERIFY(!fs::exists(dir / "study" / io::kWorkspaceFolderName / ".write-test"));  // the probe is gone
        const fs::path atRoot = io::Workspace::defaultFolder(dir / "root", (dir / "study").string());
        QCOMPARE(io::workspaceFolderFor(dir / "study", underRoot, &moved), atRoot);
        QVERIFY(!moved);
        // A folder that cannot hold the workspace (a file sits in its place): under the root, said.
        fs::create_directories(dir / "blocked");
        std::ofstream(dir / "blocked" / io::kWorkspaceFolderName) << "not a folder";
        QCOMPARE(io::workspaceFolderFor(dir / "blocked", beside, &moved),
                 io::Workspace::defaultFolder(dir / "root", (dir / "blocked").string()));
        QVERIFY(moved);
    }

    void loadsSeriesExpertContoursAndSavedWork() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.phantom = true;
        const auto labelled = testing::writeScdDataset(dir / "scd", s);
        const fs::path studyPath = dir / "scd" / "dicoms" / s.patientId;
        const io::WorkspacePlacement placement{dir / "root", false};

        io::Study first = io::loadStudy(studyPath, placement, {});
        QCOMPARE(first.result.series.size(), std::size_t(1));
        QVERIFY2(first.result.skipped.empty(), first.result.skipped.empty() ? "" : first.result.skipped[0].reason.c_str());
        QCOMPARE(first.path, studyPath);
        QCOMPARE(first.workspaceFolder, io::Workspace::defaultFolder(placement.root, studyPath.string()));
        QVERIFY(first.activeModel.empty());
        QCOMPARE(first.work.size(), std::size_t(1));
        QVERIFY(first.work[0].review.empty());
        // Endocardia at phases 0 and phases/2 of every slice, epicardia at phase 0.
        const auto& series = first.result.series[0];
        QCOMPARE(first.expertContours[0].size(), labelled.size());
        QCOMPARE(int(first.expertContours[0].size()), 2 * series.slices);
        for (int k = 0; k < series.slices; ++k) {
            QVERIFY(first.expertContours[0].at({k, 0}).epicardium.has_value());
            QVERIFY(first.expertContours[0].at({k, 0}).endocardium.has_value());
            QVERIFY(!first.expertContours[0].at({k, series.phases / 2}).epicardium.has_value());
        }
        QCOMPARE(int(first.expertLabels[0].labelledCount()), 2 * series.slices);

        // What was saved in the workspace comes back, with the study's model version.
        io::SeriesWork work;
        work.corrections = image::SeriesLabels::like(series);
        image::LabelMap m(series.geometry.columns, series.geometry.rows, image::label::Background);
        m.at(3, 4) = image::label::BloodPool;
        work.corrections.at(1, 2) = m;
        work.review[{1, 2}] = io::ReviewState::Corrected;
        const io::Workspace ws(first.workspaceFolder, studyPath.string());
        ws.save(series, work);
        ws.setActiveModel((dir / "v1.pt").string());
        const io::Study again = io::loadStudy(studyPath, placement, {});
        QCOMPARE(again.activeModel, (dir / "v1.pt").string());
        QCOMPARE(again.work.at(0).review.size(), std::size_t(1));
        QCOMPARE(again.work[0].review.at({1, 2}), io::ReviewState::Corrected);
        QCOMPARE(again.work[0].corrections.at(1, 2).at(3, 4), image::label::BloodPool);
    }

    void unreadableDatasetIsSkippedAndTheImagesStillLoad() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.phantom = true;
        testing::writeScdDataset(dir / "scd", s);
        std::ofstream(dir / "scd" / "link.csv", std::ios::trunc) << "\x01\x02 not,a,link\nfile";
        fs::remove_all(dir / "scd" / "contourfiles");
        const io::Study study = io::loadStudy(dir / "scd" / "dicoms" / s.patientId, {dir / "root", false}, {});
        QCOMPARE(study.result.series.size(), std::size_t(1));
        QVERIFY(study.expertContours[0].empty());
        QVERIFY(!study.result.skipped.empty());  // the dataset's problem, with its file and reason
    }

    void cancelledLoadingStopsBeforeTheDataset() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.phantom = true;
        testing::writeScdDataset(dir / "scd", s);
        const io::Study study =
            io::loadStudy(dir / "scd" / "dicoms" / s.patientId, {dir / "root", false},
                          [](double, const std::string&) { return false; });
        QVERIFY(study.result.cancelled);
        for (const auto& contours : study.expertContours) QVERIFY(contours.empty());
    }
};

QTEST_APPLESS_MAIN(TestStudy)
#include "test_study.moc"
