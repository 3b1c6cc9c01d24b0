// The main window on a synthetic study and on the sample study: loading in the background,
// navigation, cine playback, expert overlays, cancel, bad input.
#include <QtTest>

#include <fstream>

#include <QCheckBox>
#include <QFileInfo>
#include <QListWidget>
#include <QSlider>
#include <QStatusBar>

#include "io/resources.h"
#include "main_window.h"
#include "slice_view.h"
#include "synthetic_dicom.h"

using namespace cardioseg;

namespace {

bool waitShown(ui::MainWindow& w) {
    QSignalSpy spy(&w, &ui::MainWindow::studyShown);
    return spy.wait(30000);
}

/// Writes a synthetic study and opens it in a shown window; true once it is on screen.
bool openSynthetic(ui::MainWindow& w, const testing::TempDir& dir, const testing::SyntheticSeries& s) {
    testing::writeSeries(dir.path(), s);
    w.show();
    w.openStudy(QString::fromStdString(dir.path().string()));
    return waitShown(w);
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_main_window");
    }

    void opensSyntheticStudyAndNavigates() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        QVERIFY(openSynthetic(w, dir, s));
        QCOMPARE(w.findChild<QListWidget*>()->count(), 1);
        QCOMPARE(w.currentSeries(), 0);
        QCOMPARE(w.currentSlice(), s.slices / 2);  // no labels: middle slice, first phase
        QCOMPARE(w.currentPhase(), 0);

        w.setPosition(0, 0);
        QTest::keyClick(&w, Qt::Key_Down);
        QCOMPARE(w.currentSlice(), 1);
        QTest::keyClick(&w, Qt::Key_Up);
        QTest::keyClick(&w, Qt::Key_Up);  // stays at the base
        QCOMPARE(w.currentSlice(), 0);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(w.currentPhase(), 1);
        QTest::keyClick(&w, Qt::Key_Left);
        QTest::keyClick(&w, Qt::Key_Left);  // the cardiac cycle wraps
        QCOMPARE(w.currentPhase(), s.phases - 1);
    }

    void cinePlaysThroughPhases() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        QVERIFY(openSynthetic(w, dir, s));
        const int start = w.currentPhase();
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPhase() != start, 5000);
        QTest::keyClick(&w, Qt::Key_Space);
        const int stopped = w.currentPhase();
        QTest::qWait(300);
        QCOMPARE(w.currentPhase(), stopped);
    }

    void cursorReportsValueAndMillimetres() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        w.resize(1000, 700);
        QVERIFY(openSynthetic(w, dir, s));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::SliceView* view = w.sliceView();
        QSignalSpy spy(view, &ui::SliceView::cursorInfoChanged);
        QTest::mouseMove(view, view->rect().center());
        QTRY_VERIFY(!spy.isEmpty());
        const QString text = spy.last().first().toString();
        QVERIFY2(text.contains("value") && text.contains("mm"), qPrintable(text));
    }

    void sampleStudyShowsExpertContours() {
        ui::MainWindow w;
        w.show();
        w.openStudy(QString::fromStdString(io::sampleStudyDir().string()));
        QVERIFY(waitShown(w));
        const auto& study = w.study();
        QCOMPARE(study.result.series.size(), std::size_t(1));
        QCOMPARE(study.expertLabels[0].labelledCount(), std::size_t(18));
        // It starts on an image with both expert contours.
        const auto it = study.expertContours[0].find({w.currentSlice(), w.currentPhase()});
        QVERIFY(it != study.expertContours[0].end());
        QVERIFY(it->second.endocardium && it->second.epicardium);
        QVERIFY(w.findChild<QCheckBox*>()->isChecked());
    }

    void modelSegmentsTheStudyInTheBackground() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 96;
        s.slices = 2;
        s.phases = 3;
        s.phantom = true;
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QVERIFY(openSynthetic(w, dir, s));
        QVERIFY(QFileInfo::exists(w.modelPath()));
        // The interface keeps answering while the model runs.
        QVERIFY(w.isSegmenting() || !done.isEmpty());
        QTest::keyClick(&w, Qt::Key_Down);
        QVERIFY(done.wait(120000) || !done.isEmpty());
        QCOMPARE(done.first().first().toInt(), 0);
        QCOMPARE(w.prediction(0).labelledCount(), std::size_t(s.slices * s.phases));
        QCOMPARE(w.prediction(0).at(0, 0).width, 96);
    }

    void missingModelStillShowsImages() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        QVERIFY(openSynthetic(w, dir, s));
        QVERIFY(!w.isSegmenting());
        QVERIFY(w.statusBar()->currentMessage().contains("No model"));
        QVERIFY(w.prediction(0).maps.empty() || w.prediction(0).labelledCount() == 0);
    }

    void cancelStopsLoading() {
        ui::MainWindow w;
        w.openStudy(QString::fromStdString(io::sampleStudyDir().string()));
        QMetaObject::invokeMethod(&w, [&w] { w.close(); });  // close cancels the worker
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), 10000);
        QVERIFY(w.study().result.series.empty());
    }

    void unreadableFolderLoadsNothing() {
        testing::TempDir dir;
        { std::ofstream(dir / "x.txt") << "no images"; }
        ui::MainWindow w;
        w.openStudy(QString::fromStdString(dir.path().string()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), 10000);
        QTest::qWait(50);
        QVERIFY(w.study().result.series.empty());
        QVERIFY(w.statusBar()->currentMessage().contains("No DICOM image"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
