// The main window on a synthetic study and on the sample study: loading in the background,
// navigation, cine playback, expert overlays, cancel, bad input.
#include <QtTest>

#include <fstream>

#include <QSettings>

#include <QCheckBox>
#include <QFileInfo>
#include <QListWidget>
#include <QSlider>
#include <QStatusBar>

#include "io/resources.h"
#include <QUndoStack>

#include "cine_grid.h"
#include "io/workspace.h"
#include "main_window.h"
#include "metrics_panel.h"
#include "slice_view.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

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
        // The slices × phases grid shows every image as segmented, and a click navigates.
        ui::CineGrid* grid = w.cineGrid();
        for (int k = 0; k < s.slices; ++k)
            for (int p = 0; p < s.phases; ++p) QVERIFY(grid->flags(k, p) & ui::CineGrid::Predicted);
        QVERIFY(!(grid->flags(0, 0) & ui::CineGrid::Corrected));
        const QPoint cell(4 + int((2 + 0.5) * (grid->width() - 8) / s.phases), 4 + int((1 + 0.5) * (grid->height() - 8) / s.slices));
        QCOMPARE(grid->cellAt(cell), std::make_pair(1, 2));
        QTest::mouseClick(grid, Qt::LeftButton, {}, cell);
        QCOMPARE(w.currentSlice(), 1);
        QCOMPARE(w.currentPhase(), 2);
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

    void brushStrokesUndoAndRedo() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        ui::MainWindow w;
        w.resize(900, 700);
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        QVERIFY(openSynthetic(w, dir, s));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::SliceView* view = w.sliceView();
        const auto cell = std::make_pair(w.currentSlice(), w.currentPhase());
        auto current = [&] { return w.corrections(0).at(cell.first, cell.second); };
        QVERIFY(current().empty());

        w.setBrushLabel(image::label::BloodPool);  // switches to the brush
        QCOMPARE(w.tool(), ui::MainWindow::Tool::Brush);
        w.setBrushRadius(3);
        const QPoint c = view->rect().center();
        QTest::mousePress(view, Qt::LeftButton, {}, c);
        QTest::mouseMove(view, c + QPoint(40, 0));
        QTest::mouseRelease(view, Qt::LeftButton, {}, c + QPoint(40, 0));
        const auto afterFirst = current();
        QVERIFY(!afterFirst.empty());
        const auto painted = std::count(afterFirst.data.begin(), afterFirst.data.end(), image::label::BloodPool);
        QVERIFY2(painted > 20, qPrintable(QString::number(painted)));
        QCOMPARE(w.undoStack()->count(), 1);

        w.setTool(ui::MainWindow::Tool::Eraser);
        QTest::mousePress(view, Qt::LeftButton, {}, c);
        QTest::mouseRelease(view, Qt::LeftButton, {}, c);
        const auto erased = current();
        QVERIFY(std::count(erased.data.begin(), erased.data.end(), image::label::BloodPool) < painted);
        QCOMPARE(w.undoStack()->count(), 2);

        w.undoStack()->undo();
        QVERIFY(current() == afterFirst);
        w.undoStack()->undo();
        QVERIFY(current().empty());  // the image had no corrections before the first stroke
        w.undoStack()->redo();
        QVERIFY(current() == afterFirst);

        // Navigation mode: a drag paints nothing.
        w.setTool(ui::MainWindow::Tool::Navigate);
        QTest::mousePress(view, Qt::LeftButton, {}, c + QPoint(-60, -60));
        QTest::mouseRelease(view, Qt::LeftButton, {}, c + QPoint(-60, -60));
        QVERIFY(current() == afterFirst);
    }

    void acceptPredictionIsOneStep() {
        // Four phases of a mid-ventricular slice of the sample study: real anatomy, so the
        // shipped model finds the ventricle, and only four images to segment.
        testing::TempDir dir;
        for (int instance = 121; instance <= 124; ++instance)
            fs::copy_file(io::sampleStudyDir() / (std::to_string(instance) + ".dcm"),
                          dir / (std::to_string(instance) + ".dcm"));
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        w.show();
        w.openStudy(QString::fromStdString(dir.path().string()));
        QVERIFY(waitShown(w));
        QVERIFY(done.wait(120000) || !done.isEmpty());
        const int slice = w.currentSlice(), phase = w.currentPhase();
        const auto predicted = w.prediction(0).at(slice, phase);
        QVERIFY(std::count(predicted.data.begin(), predicted.data.end(), image::label::BloodPool) > 50);
        w.acceptPrediction();
        QVERIFY(w.corrections(0).at(slice, phase) == predicted);
        QCOMPARE(w.undoStack()->count(), 1);
        QCOMPARE(int(w.reviewState(0, slice, phase)), int(io::ReviewState::Corrected));
        // Accepted as is: the model agrees perfectly with the corrections.
        QCOMPARE(w.metricsPanel()->cell(0, 0), QString("1.000"));
        QCOMPARE(w.metricsPanel()->cell(0, 2), QString("1.000"));
        QVERIFY(w.metricsPanel()->summary().startsWith("1 image"));

        // Erasing at the blood pool's centre lowers the image's Dice below 1; undo restores it.
        double cx = 0, cy = 0, n = 0;
        for (int y = 0; y < predicted.height; ++y)
            for (int x = 0; x < predicted.width; ++x)
                if (predicted.at(x, y) == image::label::BloodPool) {
                    cx += x;
                    cy += y;
                    ++n;
                }
        w.setTool(ui::MainWindow::Tool::Eraser);
        w.setBrushRadius(4);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(cx / n, cy / n));
        Q_EMIT w.sliceView()->strokeEnded();
        QVERIFY(w.metricsPanel()->cell(0, 0).toDouble() < 1.0);
        w.undoStack()->undo();
        QCOMPARE(w.metricsPanel()->cell(0, 0), QString("1.000"));
        w.undoStack()->undo();
        QVERIFY(w.corrections(0).at(slice, phase).empty());
        QCOMPARE(int(w.reviewState(0, slice, phase)), int(io::ReviewState::Unreviewed));
    }

    void correctionsAreSavedAndRestored() {
        testing::TempDir dir;
        QSettings().setValue("workspace/root", QString::fromStdString((dir / "workspaces").string()));
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        testing::writeSeries(dir / "study", s);
        const QString study = QString::fromStdString((dir / "study").string());
        image::LabelMap painted;
        {
            ui::MainWindow w;
            w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
            w.show();
            w.openStudy(study);
            QVERIFY(waitShown(w));
            w.setBrushLabel(image::label::Myocardium);
            Q_EMIT w.sliceView()->strokeBegan(QPointF(20, 20));
            Q_EMIT w.sliceView()->strokeMoved(QPointF(20, 20), QPointF(40, 30));
            Q_EMIT w.sliceView()->strokeEnded();
            painted = w.corrections(0).at(s.slices / 2, 0);  // the study opens on the middle slice
            w.setPosition(0, 1);
            w.toggleConfirmed();
            QVERIFY(!painted.empty());
            // Saved within seconds, without closing the window.
            QTRY_VERIFY_WITH_TIMEOUT(fs::exists(fs::path(w.workspaceFolder().toStdString()) / "workspace.json"), 5000);
        }
        ui::MainWindow again;
        again.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        again.show();
        again.openStudy(study);
        QVERIFY(waitShown(again));
        QVERIFY(again.corrections(0).at(s.slices / 2, 0) == painted);
        QCOMPARE(int(again.reviewState(0, s.slices / 2, 0)), int(io::ReviewState::Corrected));
        QCOMPARE(int(again.reviewState(0, 0, 1)), int(io::ReviewState::Confirmed));
        QSettings().remove("workspace/root");
    }

    void exportWritesMasksAndReportsErrors() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        testing::writeSeries(dir / "study", s);
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        w.show();
        w.openStudy(QString::fromStdString((dir / "study").string()));
        QVERIFY(waitShown(w));
        w.setBrushLabel(image::label::BloodPool);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(30, 30));
        Q_EMIT w.sliceView()->strokeEnded();

        QSignalSpy finished(&w, &ui::MainWindow::exportFinished);
        ui::ExportOptions o;
        o.folder = QString::fromStdString((dir / "out").string());
        o.nifti = o.dicomSeg = o.deidentify = true;
        w.exportMasks(o);
        QVERIFY(finished.wait(30000));
        const QStringList files = finished.first().at(0).toStringList();
        QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(files.size(), 3);  // one PNG (one corrected image), the NIfTI, the SEG
        for (const QString& f : files) QVERIFY(QFileInfo::exists(f));

        { std::ofstream(dir / "afile") << "x"; }
        o.folder = QString::fromStdString((dir / "afile" / "sub").string());
        w.exportMasks(o);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.last().at(1).toString().contains("afile"));
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
