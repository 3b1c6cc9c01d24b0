// The main window on a synthetic study and on the sample study: loading in the background,
// navigation, cine playback, expert overlays, cancel, bad input.
#include <QScopeGuard>
#include <QtTest>
#include <QToolButton>

#include <thread>

#include <fstream>

#include <QSettings>

#include <QCheckBox>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSlider>
#include <QStatusBar>

#include "io/resources.h"
#include <QUndoStack>

#include "cardioseg_version.h"
#include "cine_grid.h"
#include "image_adapters.h"
#include "io/png_masks.h"
#include "io/workspace.h"
#include "job_list.h"
#include "main_window.h"
#include "metrics_panel.h"
#include "slice_view.h"
#include "synthetic_dicom.h"
#include "tool_icons.h"

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

/// Copies four phases of a mid-ventricular slice of the sample study (real anatomy, so the
/// shipped model finds the ventricle; only four images to segment), opens them in a shown
/// window and waits for the model's labels.
bool openSampleSlice(ui::MainWindow& w, const testing::TempDir& dir, QSignalSpy& done) {
    for (int instance = 121; instance <= 124; ++instance)
        fs::copy_file(io::sampleStudyDir() / (std::to_string(instance) + ".dcm"), dir / (std::to_string(instance) + ".dcm"));
    w.show();
    w.openStudy(QString::fromStdString(dir.path().string()));
    return waitShown(w) && (done.wait(120000) || !done.isEmpty());
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_main_window");
        QSettings().clear();  // every run starts from the defaults
    }

    void aboutBoxNamesThisVersion() {
        // Help ▸ About: the version CMake's project() gives, the application's icon.
        ui::MainWindow w;
        w.show();
        QAction* about = nullptr;
        for (QAction* menu : w.menuBar()->actions())
            for (QAction* a : menu->menu() ? menu->menu()->actions() : QList<QAction*>())
                if (a->text() == "&About CardioSeg") about = a;
        QVERIFY(about);
        QApplication::setWindowIcon(ui::applicationIcon());
        QString text;
        bool hasIcon = false;
        QTimer::singleShot(0, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) return;
            text = box->text();
            hasIcon = !box->iconPixmap().isNull();
            box->accept();
        });
        about->trigger();
        QVERIFY2(text.contains(QStringLiteral("CardioSeg</b> " CARDIOSEG_VERSION)), qPrintable(text));
        QVERIFY(hasIcon);
        QVERIFY(!ui::applicationIcon().pixmap(48, 48).isNull());
        QCOMPARE(ui::applicationIcon().availableSizes().size(), 7);
    }

    void opensSyntheticStudyAndNavigates() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        QVERIFY(openSynthetic(w, dir, s));
        QCOMPARE(w.findChild<QListWidget*>()->count(), 1);
        QCOMPARE(w.viewer()->series(), 0);
        QCOMPARE(w.viewer()->slice(), s.slices / 2);  // no labels: middle slice, first phase
        QCOMPARE(w.viewer()->phase(), 0);

        w.viewer()->setPosition(0, 0);
        QTest::keyClick(&w, Qt::Key_Down);
        QCOMPARE(w.viewer()->slice(), 1);
        QTest::keyClick(&w, Qt::Key_Up);
        QTest::keyClick(&w, Qt::Key_Up);  // stays at the base
        QCOMPARE(w.viewer()->slice(), 0);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(w.viewer()->phase(), 1);
        QTest::keyClick(&w, Qt::Key_Left);
        QTest::keyClick(&w, Qt::Key_Left);  // the cardiac cycle wraps
        QCOMPARE(w.viewer()->phase(), s.phases - 1);
    }

    void opensA512Study() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 512;
        s.slices = 2;
        s.phases = 3;
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        testing::writeSeries(dir.path(), s);
        w.show();
        // Dropped on the window, as from a file manager.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(dir.path().string()))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(waitShown(w));
        QCOMPARE(w.session().series(0).geometry.columns, 512);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(w.viewer()->phase(), 1);
        QVERIFY(w.sliceView()->zoom() > 0);
    }

    void cinePlaysThroughPhases() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        QVERIFY(openSynthetic(w, dir, s));
        const int start = w.viewer()->phase();
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->phase() != start, 5000);
        QTest::keyClick(&w, Qt::Key_Space);
        const int stopped = w.viewer()->phase();
        QTest::qWait(300);
        QCOMPARE(w.viewer()->phase(), stopped);
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
        const auto& study = w.studies()->study();
        QCOMPARE(w.session().seriesCount(), 1);
        QCOMPARE(study.expertLabels[0].labelledCount(), std::size_t(18));
        // It starts on an image with both expert contours.
        const auto it = study.expertContours[0].find({w.viewer()->slice(), w.viewer()->phase()});
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
        QVERIFY(w.model()->isSegmenting() || !done.isEmpty());
        QTest::keyClick(&w, Qt::Key_Down);
        QVERIFY(done.wait(120000) || !done.isEmpty());
        QCOMPARE(done.first().first().toInt(), 0);
        QCOMPARE(w.session().prediction(0).labelledCount(), std::size_t(s.slices * s.phases));
        QCOMPARE(w.session().prediction(0).at(0, 0).width, 96);
        // The slices × phases grid shows every image as segmented, and a click navigates.
        ui::CineGrid* grid = w.cineGrid();
        for (int k = 0; k < s.slices; ++k)
            for (int p = 0; p < s.phases; ++p) QVERIFY(grid->flags(k, p) & ui::CineGrid::Predicted);
        QVERIFY(!(grid->flags(0, 0) & ui::CineGrid::Corrected));
        const QPoint cell = grid->cellCentre(1, 2);
        QCOMPARE(grid->cellAt(cell), std::make_pair(1, 2));
        QTest::mouseClick(grid, Qt::LeftButton, {}, cell);
        QCOMPARE(w.viewer()->slice(), 1);
        QCOMPARE(w.viewer()->phase(), 2);
    }

    void missingModelStillShowsImages() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        QVERIFY(openSynthetic(w, dir, s));
        QVERIFY(!w.model()->isSegmenting());
        QVERIFY(w.statusBar()->currentMessage().contains("No model"));
        QVERIFY(w.session().prediction(0).maps.empty() || w.session().prediction(0).labelledCount() == 0);
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
        const auto cell = std::make_pair(w.viewer()->slice(), w.viewer()->phase());
        auto current = [&] { return w.session().corrections(0).at(cell.first, cell.second); };
        QVERIFY(current().empty());

        w.editing()->setBrushLabel(image::label::BloodPool);  // switches to the brush
        QCOMPARE(w.editing()->tool(), ui::EditingPresenter::Tool::Brush);
        w.editing()->setBrushRadius(3);
        const QPoint c = view->rect().center();
        QTest::mousePress(view, Qt::LeftButton, {}, c);
        QTest::mouseMove(view, c + QPoint(40, 0));
        QTest::mouseRelease(view, Qt::LeftButton, {}, c + QPoint(40, 0));
        const auto afterFirst = current();
        QVERIFY(!afterFirst.empty());
        const auto painted = std::count(afterFirst.data.begin(), afterFirst.data.end(), image::label::BloodPool);
        QVERIFY2(painted > 20, qPrintable(QString::number(painted)));
        QCOMPARE(w.editing()->undoStack()->count(), 1);

        w.editing()->setTool(ui::EditingPresenter::Tool::Eraser);
        QTest::mousePress(view, Qt::LeftButton, {}, c);
        QTest::mouseRelease(view, Qt::LeftButton, {}, c);
        const auto erased = current();
        QVERIFY(std::count(erased.data.begin(), erased.data.end(), image::label::BloodPool) < painted);
        QCOMPARE(w.editing()->undoStack()->count(), 2);

        w.editing()->undoStack()->undo();
        QVERIFY(current() == afterFirst);
        w.editing()->undoStack()->undo();
        QVERIFY(current().empty());  // the image had no corrections before the first stroke
        w.editing()->undoStack()->redo();
        QVERIFY(current() == afterFirst);

        // Navigation mode: a drag paints nothing.
        w.editing()->setTool(ui::EditingPresenter::Tool::Navigate);
        QTest::mousePress(view, Qt::LeftButton, {}, c + QPoint(-60, -60));
        QTest::mouseRelease(view, Qt::LeftButton, {}, c + QPoint(-60, -60));
        QVERIFY(current() == afterFirst);
    }

    void acceptPredictionIsOneStep() {
        testing::TempDir dir;
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QVERIFY(openSampleSlice(w, dir, done));
        const int slice = w.viewer()->slice(), phase = w.viewer()->phase();
        const auto predicted = w.session().prediction(0).at(slice, phase);
        QVERIFY(std::count(predicted.data.begin(), predicted.data.end(), image::label::BloodPool) > 50);
        w.editing()->acceptPrediction(ui::EditingPresenter::Scope::Image);
        QVERIFY(w.session().corrections(0).at(slice, phase) == predicted);
        QCOMPARE(w.editing()->undoStack()->count(), 1);
        QCOMPARE(int(w.session().reviewState(0, {slice, phase})), int(io::ReviewState::Corrected));
        // Accepted as is: the model agrees perfectly with the corrections.
        QCOMPARE(w.metricsPanel()->cell(0, 0), QString("1.000"));
        QCOMPARE(w.metricsPanel()->cell(0, 2), QString("1.000"));  // the slice
        QCOMPARE(w.metricsPanel()->cell(1, 4), QString("1.000"));  // the series, myocardium
        QCOMPARE(w.metricsPanel()->chartValue(0, 0), 1.0);
        QVERIFY2(w.metricsPanel()->summary().contains("Mean Dice 1.000"), qPrintable(w.metricsPanel()->summary()));

        // Erasing at the blood pool's centre lowers the image's Dice below 1; undo restores it.
        double cx = 0, cy = 0, n = 0;
        for (int y = 0; y < predicted.height; ++y)
            for (int x = 0; x < predicted.width; ++x)
                if (predicted.at(x, y) == image::label::BloodPool) {
                    cx += x;
                    cy += y;
                    ++n;
                }
        w.editing()->setTool(ui::EditingPresenter::Tool::Eraser);
        w.editing()->setBrushRadius(4);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(cx / n, cy / n));
        Q_EMIT w.sliceView()->strokeEnded();
        QVERIFY(w.metricsPanel()->cell(0, 0).toDouble() < 1.0);
        w.editing()->undoStack()->undo();
        QCOMPARE(w.metricsPanel()->cell(0, 0), QString("1.000"));
        w.editing()->undoStack()->undo();
        QVERIFY(w.session().corrections(0).at(slice, phase).empty());
        QCOMPARE(int(w.session().reviewState(0, {slice, phase})), int(io::ReviewState::Unreviewed));
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
            w.editing()->setBrushLabel(image::label::Myocardium);
            Q_EMIT w.sliceView()->strokeBegan(QPointF(20, 20));
            Q_EMIT w.sliceView()->strokeMoved(QPointF(20, 20), QPointF(40, 30));
            Q_EMIT w.sliceView()->strokeEnded();
            painted = w.session().corrections(0).at(s.slices / 2, 0);  // the study opens on the middle slice
            w.viewer()->setPosition(0, 1);
            w.editing()->confirmImage();
            QVERIFY(!painted.empty());
            // Saved within seconds, without closing the window.
            QTRY_VERIFY_WITH_TIMEOUT(fs::exists(fs::path(w.studies()->workspaceFolder().toStdString()) / "workspace.json"), 5000);
        }
        ui::MainWindow again;
        again.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        again.show();
        again.openStudy(study);
        QVERIFY(waitShown(again));
        QVERIFY(again.session().corrections(0).at(s.slices / 2, 0) == painted);
        QCOMPARE(int(again.session().reviewState(0, {s.slices / 2, 0})), int(io::ReviewState::Corrected));
        QCOMPARE(int(again.session().reviewState(0, {0, 1})), int(io::ReviewState::Confirmed));
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
        w.editing()->setBrushLabel(image::label::BloodPool);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(30, 30));
        Q_EMIT w.sliceView()->strokeEnded();

        QSignalSpy finished(&w, &ui::MainWindow::exportFinished);
        analysis::ExportOptions o;
        o.folder = dir / "out";
        o.nifti = o.dicomSeg = o.deidentify = o.contoursJson = o.contoursCsv = true;
        w.studies()->exportSeries(w.viewer()->series(), o);
        QVERIFY(finished.wait(30000));
        const QStringList files = finished.first().at(0).toStringList();
        QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
        // One PNG (one corrected image), the NIfTI, the SEG, the contours as JSON and CSV.
        QCOMPARE(files.size(), 5);
        for (const QString& f : files) QVERIFY(QFileInfo::exists(f));
        // Round trip: the PNG holds the corrections of that image.
        const auto corrected = w.session().corrections(0).at(w.viewer()->slice(), w.viewer()->phase());
        std::vector<io::SkippedFile> skipped;
        const auto back = io::readPngMasks(w.session().series(0), dir / "out" / "png", skipped);
        QVERIFY(skipped.empty());
        QVERIFY(back.at(w.viewer()->slice(), w.viewer()->phase()) == corrected);
        QCOMPARE(back.labelledCount(), std::size_t(1));

        // The model's labels only: there are none (no model), so a clear error.
        o.source = analysis::LabelSource::Prediction;
        w.studies()->exportSeries(w.viewer()->series(), o);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(1).toString().contains("no labels"), qPrintable(finished.last().at(1).toString()));

        // An unwritable folder: the file and the reason.
        o.source = analysis::LabelSource::Corrections;
        { std::ofstream(dir / "afile") << "x"; }
        o.folder = dir / "afile" / "sub";
        w.studies()->exportSeries(w.viewer()->series(), o);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.last().at(1).toString().contains("afile"));
    }

    void polygonLassoFloodFillContourAndClear() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        ui::MainWindow w;
        w.resize(1000, 760);
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        QVERIFY(openSynthetic(w, dir, s));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::SliceView* view = w.sliceView();
        const int slice = w.viewer()->slice(), phase = w.viewer()->phase();
        auto current = [&] { return w.session().corrections(0).at(slice, phase); };
        auto count = [&](std::uint8_t v) {
            const auto m = current();
            return static_cast<long>(std::count(m.data.begin(), m.data.end(), v));
        };
        auto at = [&](double x, double y) { return view->imageToWidgetPoint({x, y}).toPoint(); };

        // Polygon by clicks: a 10 × 10 square with corners on pixel centres, closed by Enter.
        QTest::keyClick(&w, Qt::Key_G);
        QCOMPARE(w.editing()->tool(), ui::EditingPresenter::Tool::Polygon);
        w.editing()->setBrushLabel(image::label::BloodPool);
        QCOMPARE(w.editing()->tool(), ui::EditingPresenter::Tool::Polygon);  // choosing a label keeps the tool
        for (const auto& [x, y] : {std::pair{10, 10}, {20, 10}, {20, 20}, {10, 20}}) QTest::mouseClick(view, Qt::LeftButton, {}, at(x, y));
        QCOMPARE(view->draftPolygon().size(), std::size_t(4));
        QTest::keyClick(view, Qt::Key_Escape);  // abandons the polygon (not a window shortcut)
        QVERIFY(view->draftPolygon().empty());
        QCOMPARE(w.editing()->undoStack()->count(), 0);
        for (const auto& [x, y] : {std::pair{10, 10}, {20, 10}, {20, 20}, {10, 20}}) QTest::mouseClick(view, Qt::LeftButton, {}, at(x, y));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(count(image::label::BloodPool), 100L);  // half-open spans: exactly 10 × 10
        QCOMPARE(w.editing()->undoStack()->count(), 1);
        QCOMPARE(int(w.session().reviewState(0, {slice, phase})), int(io::ReviewState::Corrected));

        // Lasso: a drag with the button held, filled on release, with myocardium.
        w.editing()->setBrushLabel(image::label::Myocardium);
        QTest::mousePress(view, Qt::LeftButton, {}, at(40, 40));
        for (const auto& [x, y] : {std::pair{50, 40}, {50, 50}, {40, 50}}) QTest::mouseMove(view, at(x, y));
        QTest::mouseRelease(view, Qt::LeftButton, {}, at(40, 50));
        QVERIFY2(count(image::label::Myocardium) > 50, qPrintable(QString::number(count(image::label::Myocardium))));
        QCOMPARE(w.editing()->undoStack()->count(), 2);
        const long myocardium = count(image::label::Myocardium);

        // Flood fill: the blood-pool square becomes myocardium, nothing else changes.
        QTest::keyClick(&w, Qt::Key_K);
        QCOMPARE(w.editing()->tool(), ui::EditingPresenter::Tool::FloodFill);
        QTest::mouseClick(view, Qt::LeftButton, {}, at(15, 15));
        QCOMPARE(count(image::label::BloodPool), 0L);
        QCOMPARE(count(image::label::Myocardium), myocardium + 100);
        w.editing()->undoStack()->undo();
        QCOMPARE(count(image::label::BloodPool), 100L);

        // Contour tool on the blood pool: drag a vertex outwards; the region grows there only.
        w.editing()->setBrushLabel(image::label::BloodPool);
        QTest::keyClick(&w, Qt::Key_T);
        QCOMPARE(w.editing()->tool(), ui::EditingPresenter::Tool::Contour);
        const image::Polygon outline = view->editableContour();
        QVERIFY(outline.size() >= 4);
        std::size_t k = 0;  // the vertex nearest the square's top-left corner
        for (std::size_t i = 0; i < outline.size(); ++i)
            if (outline[i].x + outline[i].y < outline[k].x + outline[k].y) k = i;
        const QPoint from = view->imageToWidgetPoint({outline[k].x, outline[k].y}).toPoint();
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, at(outline[k].x - 4, outline[k].y - 4));
        QTest::mouseRelease(view, Qt::LeftButton, {}, at(outline[k].x - 4, outline[k].y - 4));
        QVERIFY2(count(image::label::BloodPool) > 100, qPrintable(QString::number(count(image::label::BloodPool))));
        QCOMPARE(current().at(30, 30), image::label::Background);  // far from the edit
        const auto edited = current();
        QCOMPARE(view->editableContour().size(), outline.size());  // the user's outline stays
        // Right click on a vertex removes it (one more undo step).
        const int steps = w.editing()->undoStack()->count();
        const auto& v = view->editableContour()[0];
        QTest::mouseClick(view, Qt::RightButton, {}, view->imageToWidgetPoint({v.x, v.y}).toPoint());
        QCOMPARE(view->editableContour().size(), outline.size() - 1);
        QCOMPARE(w.editing()->undoStack()->count(), steps + 1);
        w.editing()->undoStack()->undo();
        QVERIFY(current() == edited);

        // Clear: background everywhere, one step; undo brings the labels back.
        w.editing()->clearImage();
        QCOMPARE(count(image::label::Background), 64L * 64L);
        w.editing()->undoStack()->undo();
        QVERIFY(current() == edited);
    }

    void sliceScopeSegmentsAndAcceptsInOneStep() {
        testing::TempDir dir;
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QVERIFY(openSampleSlice(w, dir, done));
        const auto& s = w.session().series(0);
        QCOMPARE(s.slices * s.phases, 4);
        QCOMPARE(w.session().prediction(0).labelledCount(), std::size_t(4));
        QVERIFY(!w.model()->isSegmenting());

        // The current image only, then the current slice: the status says how many.
        done.clear();
        w.model()->segment(ui::ModelPresenter::Scope::Image, w.viewer()->series(), w.viewer()->cell());
        QVERIFY(done.wait(60000));
        QVERIFY2(w.statusBar()->currentMessage().startsWith("Segmented 1 image"),
                 qPrintable(w.statusBar()->currentMessage()));
        w.model()->segment(ui::ModelPresenter::Scope::Slice, w.viewer()->series(), w.viewer()->cell());
        QVERIFY(done.wait(60000));
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QString("Segmented %1 image").arg(s.phases)),
                 qPrintable(w.statusBar()->currentMessage()));

        w.editing()->acceptPrediction(ui::EditingPresenter::Scope::Slice);
        QCOMPARE(w.editing()->undoStack()->count(), 1);
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(s.phases));
        for (int p = 0; p < s.phases; ++p) QVERIFY(w.session().corrections(0).at(w.viewer()->slice(), p) == w.session().prediction(0).at(w.viewer()->slice(), p));

        // Compare mode: erase part of the blood pool; exactly the erased pixels are highlighted.
        w.viewer()->setOverlaySource(ui::OverlaySource::Compare);
        QCOMPARE(w.sliceView()->overlay().disagreement, std::size_t(0));
        const auto before = w.session().corrections(0).at(w.viewer()->slice(), w.viewer()->phase());
        double cx = 0, cy = 0, n = 0;
        for (int y = 0; y < before.height; ++y)
            for (int x = 0; x < before.width; ++x)
                if (before.at(x, y) == image::label::BloodPool) {
                    cx += x;
                    cy += y;
                    ++n;
                }
        w.editing()->setTool(ui::EditingPresenter::Tool::Eraser);
        w.editing()->setBrushRadius(3);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(cx / n, cy / n));
        Q_EMIT w.sliceView()->strokeEnded();
        const auto after = w.session().corrections(0).at(w.viewer()->slice(), w.viewer()->phase());
        std::size_t changed = 0;
        for (std::size_t i = 0; i < after.data.size(); ++i) changed += after.data[i] != before.data[i];
        QVERIFY(changed > 10);
        QCOMPARE(w.sliceView()->overlay().disagreement, changed);
        // The panel's image Dice is the hand count's: truth = corrections, prediction = model.
        {
            const auto& model = w.session().prediction(0).at(w.viewer()->slice(), w.viewer()->phase());
            long tp = 0, fp = 0, fn = 0;
            for (std::size_t i = 0; i < after.data.size(); ++i) {
                const bool t = after.data[i] == image::label::BloodPool, p = model.data[i] == image::label::BloodPool;
                tp += t && p;
                fp += !t && p;
                fn += t && !p;
            }
            QCOMPARE(w.metricsPanel()->cell(0, 0), QString::number(2.0 * tp / (2.0 * tp + fp + fn), 'f', 3));
            QCOMPARE(w.metricsPanel()->cell(0, 1), QString::number(double(tp) / (tp + fp + fn), 'f', 3));
            QCOMPARE(w.metricsPanel()->cell(1, 0), QString("1.000"));  // the myocardium is untouched
        }
        bool dashed = false;
        for (const auto& c : w.sliceView()->overlay().contours) dashed |= c.dashed;
        QVERIFY(dashed);  // the model's outline, dashed
        w.viewer()->setOverlayStyle(ui::OverlayStyle::Contours);
        QVERIFY(w.sliceView()->overlay().fill.isNull());

        // Metrics CSV: the model against the corrections.
        QSignalSpy exported(&w, &ui::MainWindow::exportFinished);
        analysis::ExportOptions o;
        o.folder = dir / "out";
        o.png = false;
        o.metricsCsv = true;
        w.studies()->exportSeries(w.viewer()->series(), o);
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.first().at(1).toString().isEmpty(), qPrintable(exported.first().at(1).toString()));
        std::ifstream csv(dir / "out" / "metrics.csv");
        int lines = 0;
        for (std::string l; std::getline(csv, l);) ++lines;
        QCOMPARE(lines, 1 + s.phases + 1);  // header, each image, the series

        // Undo of the slice acceptance removes all four corrections at once.
        w.editing()->undoStack()->undo();
        w.editing()->undoStack()->undo();
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(0));
    }

    void unreadableModelKeepsTheCurrentOne() {
        testing::TempDir dir;
        { std::ofstream(dir / "bad.pt") << "not a model"; }
        ui::MainWindow w;
        const QString before = w.modelPath();
        QSignalSpy changed(&w, &ui::MainWindow::modelChanged);
        w.setModelPath(QString::fromStdString((dir / "bad.pt").string()), false);
        QVERIFY(changed.wait(20000));
        QCOMPARE(changed.first().at(0).toString(), before);
        QVERIFY(changed.first().at(1).toString().contains("bad.pt"));
        QCOMPARE(w.modelPath(), before);
    }

    void jobsShowEachTheirOwnProgressAndCancel() {
        // Two jobs on the thread pool, each reporting through its own row; `step` lets them on.
        ui::JobList jobs;
        std::atomic<int> step{0};
        auto waitFor = [&step](int n) {
            while (step.load() < n) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        };
        ui::JobList::Job load, exporting;
        QFuture<int> loading = jobs.run<int>(
            "Loading study",
            [&](const io::ProgressFn& progress) {
                if (!progress(0.5, "Loading")) return -1;
                waitFor(1);
                if (!progress(0.8, "Loading")) return -2;
                waitFor(2);
                return progress(0.9, "Loading") ? 1 : 2;  // cancelled by then: 2
            },
            &load);
        QFuture<int> exported = jobs.run<int>(
            "Exporting to out",
            [&](const io::ProgressFn& progress) {
                waitFor(1);
                return progress(0.7, "Exporting") ? 10 : 7;  // its Cancel was pressed: 7, what it has
            },
            &exporting);
        // Whatever happens below, the jobs end before what they point to goes.
        const auto end = qScopeGuard([&] {
            step = 99;
            loading.waitForFinished();
            exported.waitForFinished();
        });
        QCOMPARE(jobs.count(), 2);
        QTRY_COMPARE(jobs.progress(load), 500);
        QCOMPARE(jobs.progress(exporting), 0);
        // Cancelling the export leaves the loading running.
        jobs.cancelButton(exporting)->click();
        QVERIFY(exporting.cancel->load());
        QVERIFY(!load.cancel->load());
        QVERIFY(!jobs.cancelButton(exporting)->isEnabled());
        QVERIFY(jobs.title(exporting).contains("cancelling"));
        QTest::qWait(60);  // a future passes on at most 25 progress changes a second
        step = 1;
        // The export ends with its result; its row goes by itself.
        QTRY_COMPARE(jobs.count(), 1);
        QCOMPARE(exported.result(), 7);
        QCOMPARE(jobs.progress(exporting), -1);
        QTRY_COMPARE(jobs.progress(load), 800);
        jobs.finish(exporting);  // a row already gone: nothing
        jobs.cancelAll();
        QVERIFY(load.cancel->load());
        step = 2;
        QTRY_COMPARE(jobs.count(), 0);
        QCOMPARE(loading.result(), 2);
        QVERIFY(jobs.isHidden());

        // The workstation: a job while the study loads, none once it is shown (no model).
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        QSignalSpy shown(&w, &ui::MainWindow::studyShown);
        w.openStudy(QString::fromStdString((dir / "study").string()));
        QCOMPARE(w.jobs()->count(), 1);
        QVERIFY(shown.wait(30000));
        QCOMPARE(w.jobs()->count(), 0);
    }

    void theLatestModelChoiceWins() {
        // A model chosen while the previous choice is still being read: the earlier check's
        // outcome is dropped, never applied to (or reported for) the later choice.
        testing::TempDir dir;
        { std::ofstream(dir / "bad.pt") << "not a model"; }
        ui::MainWindow w;
        QSignalSpy changed(&w, &ui::MainWindow::modelChanged);
        const QString none = QString::fromStdString((dir / "none.pt").string());
        w.setModelPath(QString::fromStdString((dir / "bad.pt").string()), false);
        w.setModelPath(none, false);
        QTest::qWait(3000);  // the unreadable file's check has long finished
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toString(), none);
        QVERIFY(changed.first().at(1).toString().isEmpty());
        QCOMPARE(w.modelPath(), none);
    }

    void settingsPersistAndWorkspaceBesideTheStudy() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        ui::MainWindow w;
        ui::AppSettings a = w.settings();
        a.bloodPool = QColor(10, 20, 200);
        a.opacity = 150;
        a.engine.threads = 1;
        a.engine.device = "cpu";
        a.workspaceBesideStudy = true;
        a.modelPath = QString::fromStdString((dir / "none.pt").string());
        w.applySettings(a);
        QCOMPARE(ui::labelColor(image::label::BloodPool), QColor(10, 20, 200));
        const ui::AppSettings stored = ui::AppSettings::load();
        QCOMPARE(stored.bloodPool, QColor(10, 20, 200));
        QCOMPARE(stored.opacity, 150);
        QCOMPARE(stored.engine.threads, 1);
        QCOMPARE(stored.engine.device, QString("cpu"));
        QVERIFY(stored.workspaceBesideStudy);
        QCOMPARE(stored.modelPath, a.modelPath);

        w.show();
        w.openStudy(QString::fromStdString((dir / "study").string()));
        QVERIFY(waitShown(w));
        QCOMPARE(w.studies()->workspaceFolder(), QString::fromStdString((dir / "study" / io::kWorkspaceFolderName).string()));
        QVERIFY(!w.findChild<QListWidget*>()->item(0)->icon().isNull());  // a thumbnail
        w.editing()->setBrushLabel(image::label::BloodPool);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(10, 10));
        Q_EMIT w.sliceView()->strokeEnded();
        w.studies()->save();
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists(dir / "study" / io::kWorkspaceFolderName / "workspace.json"), 5000);
        // Reopened: the workspace's masks are not mistaken for files of the study.
        w.openStudy(QString::fromStdString((dir / "study").string()));
        QVERIFY(waitShown(w));
        QVERIFY(w.studies()->study().result.skipped.empty());
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(1));

        ui::setLabelColors(ui::defaultLabelColor(image::label::BloodPool), ui::defaultLabelColor(image::label::Myocardium));
        QSettings().clear();
    }

    void cancelStopsLoading() {
        ui::MainWindow w;
        w.openStudy(QString::fromStdString(io::sampleStudyDir().string()));
        QMetaObject::invokeMethod(&w, [&w] { w.close(); });  // close cancels the worker
        QTRY_VERIFY_WITH_TIMEOUT(!w.studies()->isLoading(), 10000);
        QVERIFY((w.session().seriesCount() == 0));
    }

    void unreadableFolderLoadsNothing() {
        testing::TempDir dir;
        { std::ofstream(dir / "x.txt") << "no images"; }
        ui::MainWindow w;
        w.openStudy(QString::fromStdString(dir.path().string()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.studies()->isLoading(), 10000);
        QTest::qWait(50);
        QVERIFY((w.session().seriesCount() == 0));
        QVERIFY(w.statusBar()->currentMessage().contains("No DICOM image"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
