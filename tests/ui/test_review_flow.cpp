// A cardiologist's review in the workstation, driven from the keyboard where a person would:
// redo, explicit confirmation, the next unreviewed image, a whole slice cleared, labels carried
// to the next phase, ED/ES and body size entered by hand, the model's labels kept for the next
// opening, measures that wait for the images they need, and the report's wording.
#include <QtTest>
#include <fstream>
#include <QMessageBox>

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>
#include <map>

#include "cine_grid.h"
#include "engine/model.h"
#include "finetune_panel.h"
#include "function_panel.h"
#include "io/prediction_cache.h"
#include "io/resources.h"
#include "io/study_lock.h"
#include "io/workspace.h"
#include "language.h"
#include "main_window.h"
#include "report.h"
#include "segmentation_job.h"
#include "slice_view.h"
#include "process_memory.h"
#include "synthetic_dicom.h"
#include "ui_test_support.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

/// Opens a study in a shown window (the model of the settings unless `model` is given) and
/// waits until it is on screen.
bool openShown(ui::MainWindow& w, const QString& study, const QString& model = {}) {
    if (!model.isEmpty()) w.setModelPath(model, false);
    QSignalSpy shown(&w, &ui::MainWindow::studyShown);
    w.show();
    w.openStudy(study);
    return shown.wait(30000);
}

/// Opens a synthetic study (no model: images only) in a shown window.
bool openWithoutModel(ui::MainWindow& w, const testing::TempDir& dir,
                      const testing::SyntheticSeries& s) {
    testing::writeSeries(dir / "study", s);
    return openShown(w, QString::fromStdString((dir / "study").string()),
                     QString::fromStdString((dir / "none.pt").string())) &&
           QTest::qWaitForWindowExposed(&w);
}

/// Paints a short blood-pool stroke on the current image (one undo step).
void paint(ui::MainWindow& w, QPointF from, QPointF to) {
    w.editing()->setBrushLabel(image::label::BloodPool);
    Q_EMIT w.sliceView()->strokeBegan(from);
    Q_EMIT w.sliceView()->strokeMoved(from, to);
    Q_EMIT w.sliceView()->strokeEnded();
}

testing::SyntheticSeries smallPhantom() {
    testing::SyntheticSeries s;
    s.rows = s.columns = 96;
    s.slices = 2;
    s.phases = 3;
    s.phantom = true;
    return s;
}

}  // namespace

class TestReviewFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_review_flow");
        QSettings().clear();
        ui::installLanguage("en");  // English carries the plural forms ("6 images")
    }

    void init() { m_dir = std::make_unique<testing::TempDir>(); }
    void cleanup() {
        QSettings().clear();
        m_dir.reset();
    }

    void redoFromTheKeyboard() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        ui::MainWindow w;
        QVERIFY(openWithoutModel(w, *m_dir, s));
        const int k = w.viewer()->slice(), p = w.viewer()->phase();
        paint(w, {20, 20}, {40, 30});
        const auto painted = w.session().corrections(0).at(k, p);
        QVERIFY(!painted.empty());
        // The keys, not the menu.
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(w.session().corrections(0).at(k, p).empty());
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(w.session().corrections(0).at(k, p) == painted);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(w.session().corrections(0).at(k, p).empty());
        QTest::keyClick(&w, Qt::Key_Y, Qt::ControlModifier);
        QVERIFY(w.session().corrections(0).at(k, p) == painted);
    }

    void noTwoActionsShareAKey() {
        ui::MainWindow w;
        std::map<QString, QString> owner;
        QStringList clashes;
        for (QAction* a : w.findChildren<QAction*>())
            for (const QKeySequence& key : a->shortcuts()) {
                const QString k = key.toString();
                const auto [it, fresh] = owner.emplace(k, a->text());
                if (!fresh) clashes << k + ": " + it->second + " / " + a->text();
            }
        QVERIFY(owner.size() > 40);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join('\n')));
    }

    void confirmIsExplicit() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s;
        ui::MainWindow w;
        QVERIFY(openWithoutModel(w, *m_dir, s));
        w.viewer()->setPosition(1, 1);
        QAction* confirm = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text() == "&Confirm This Image") confirm = a;
        QVERIFY(confirm);
        QVERIFY(!confirm->isChecked());
        QCOMPARE(w.sliceView()->badge(), QString("Not reviewed"));

        QTest::keyClick(&w, Qt::Key_C);
        QCOMPARE(int(w.session().reviewState(0, {1, 1})), int(io::ReviewState::Confirmed));
        QVERIFY(!w.session().corrections(0).at(1, 1).empty());  // no model, no edit: confirmed as empty
        QVERIFY(confirm->isChecked());
        QVERIFY(w.sliceView()->badge().contains("Confirmed"));

        // C again does not take it back: it stays confirmed, and the window says so.
        QTest::keyClick(&w, Qt::Key_C);
        QCOMPARE(int(w.session().reviewState(0, {1, 1})), int(io::ReviewState::Confirmed));
        QVERIFY(confirm->isChecked());
        QVERIFY2(w.statusBar()->currentMessage().contains("already confirmed"),
                 qPrintable(w.statusBar()->currentMessage()));

        // Shift+C takes the confirmation back; the labels stay (corrected).
        QTest::keyClick(&w, Qt::Key_C, Qt::ShiftModifier);
        QCOMPARE(int(w.session().reviewState(0, {1, 1})), int(io::ReviewState::Corrected));
        QVERIFY(!confirm->isChecked());
        QCOMPARE(w.sliceView()->badge(), QString("Corrected"));
        // Both are undo steps.
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(int(w.session().reviewState(0, {1, 1})), int(io::ReviewState::Confirmed));
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(int(w.session().reviewState(0, {1, 1})), int(io::ReviewState::Unreviewed));
        QVERIFY(w.session().corrections(0).at(1, 1).empty());
    }

    void nextUnreviewedImage() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s;  // 4 slices × 5 phases
        ui::MainWindow w;
        QVERIFY(openWithoutModel(w, *m_dir, s));
        w.viewer()->setPosition(0, 0);
        w.editing()->confirmImage();
        w.viewer()->setPosition(0, 2);
        w.editing()->confirmImage();
        w.viewer()->setPosition(0, 0);
        QTest::keyClick(&w, Qt::Key_N);
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), std::make_pair(0, 1));
        QTest::keyClick(&w, Qt::Key_N);  // (0, 2) is confirmed
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), std::make_pair(0, 3));
        w.viewer()->setPosition(3, 4);
        QTest::keyClick(&w, Qt::Key_N);  // wraps to the base
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), std::make_pair(0, 1));

        // At ED and ES only (set by hand here: phases 1 and 3).
        io::ClinicalInputs c;
        c.edPhase = 1;
        c.esPhase = 3;
        w.editing()->setClinicalInputs(c);
        w.viewer()->setPosition(0, 1);
        w.editing()->confirmImage();
        QTest::keyClick(&w, Qt::Key_N, Qt::ShiftModifier);
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), std::make_pair(0, 3));
        w.editing()->confirmImage();
        QTest::keyClick(&w, Qt::Key_N, Qt::ShiftModifier);
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), std::make_pair(1, 1));
        QVERIFY(w.sliceView()->badge().contains("ED"));
    }

    void wholeSliceAndNeighbouringPhase() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        ui::MainWindow w;
        QVERIFY(openWithoutModel(w, *m_dir, s));
        w.viewer()->setPosition(2, 1);
        paint(w, {20, 20}, {40, 30});
        const auto painted = w.session().corrections(0).at(2, 1);
        const int steps = w.editing()->undoStack()->count();

        // Ctrl+Right: the labels go to the next phase as a starting point, and the view follows.
        QTest::keyClick(&w, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), std::make_pair(2, 2));
        QVERIFY(w.session().corrections(0).at(2, 2) == painted);
        QCOMPARE(int(w.session().reviewState(0, {2, 2})), int(io::ReviewState::Corrected));
        QCOMPARE(w.editing()->undoStack()->count(), steps + 1);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(w.session().corrections(0).at(2, 2).empty());

        // The whole slice cleared (no ventricle there): every phase background, one step.
        w.editing()->clearSlice();
        QCOMPARE(w.editing()->undoStack()->count(), steps + 1);
        for (int p = 0; p < s.phases; ++p) {
            const auto& m = w.session().corrections(0).at(2, p);
            QVERIFY(!m.empty());
            QVERIFY(std::all_of(m.data.begin(), m.data.end(),
                                [](std::uint8_t v) { return v == image::label::Background; }));
            QCOMPARE(int(w.session().reviewState(0, {2, p})), int(io::ReviewState::Corrected));
        }
        w.editing()->undoStack()->undo();
        QVERIFY(w.session().corrections(0).at(2, 1) == painted);
        QVERIFY(w.session().corrections(0).at(2, 0).empty());
    }

    void edEsAndBodySizeByHand() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        s.slices = 3;
        s.phases = 6;
        s.phantom = true;
        {
            ui::MainWindow w;
            QVERIFY(openWithoutModel(w, *m_dir, s));
            std::vector<std::pair<int, int>> all;
            for (int k = 0; k < s.slices; ++k)
                for (int p = 0; p < s.phases; ++p) all.emplace_back(k, p);
            testing::outlinePhantom(w, s, all);
            w.measures()->update();
            QCOMPARE(w.measures()->function(true).edPhase, 0);
            QCOMPARE(w.measures()->function(true).esPhase, s.phases / 2);
            QVERIFY(
                std::isnan(w.measures()->function(true).bsaM2));  // no height or weight in the images

            // ED and ES from the panel's buttons, on the phase on screen.
            w.viewer()->setPosition(1, 1);
            Q_EMIT w.functionPanel()->edRequested();
            w.viewer()->setPosition(1, 4);
            Q_EMIT w.functionPanel()->esRequested();
            const auto& f = w.measures()->function(true);
            QCOMPARE(f.edPhase, 1);
            QCOMPARE(f.esPhase, 4);
            QVERIFY(f.edEsByHand);
            QCOMPARE(w.cineGrid()->edPhase(), 1);
            QCOMPARE(w.cineGrid()->esPhase(), 4);
            QVERIFY(w.functionPanel()->rowOf("ED phase (set by hand)") >= 0);
            QCOMPARE(f.edvMl, f.phases[1].bloodPoolMl);

            // Height and weight typed in: BSA and the indexed values appear, marked as entered.
            Q_EMIT w.functionPanel()->bodySizeEntered(1.80, 80.0);
            QCOMPARE(w.measures()->function(true).bsaM2, std::sqrt(180.0 * 80.0 / 3600.0));
            QVERIFY(w.measures()->function(true).bodySizeEntered);
            QVERIFY(w.functionPanel()->rowOf("BSA (m², from entered height and weight)") >= 0);
            QVERIFY(w.functionPanel()->note().contains("entered by hand"));
            w.studies()->save();
            QTRY_VERIFY_WITH_TIMEOUT(io::Workspace::isWorkspace(w.studies()->workspaceFolder().toStdString()),
                                     5000);
        }
        // Saved: the next opening uses them.
        ui::MainWindow again;
        QVERIFY(openShown(again, QString::fromStdString((*m_dir / "study").string()),
                          QString::fromStdString((*m_dir / "none.pt").string())));
        const auto c = again.session().clinicalInputs(0);
        QCOMPARE(c.edPhase, 1);
        QCOMPARE(c.esPhase, 4);
        QCOMPARE(c.heightM, 1.80);
        QCOMPARE(c.weightKg, 80.0);
        QCOMPARE(again.measures()->function(true).edPhase, 1);
        // Back to automatic.
        Q_EMIT again.functionPanel()->automaticEdEsRequested();
        QCOMPARE(again.measures()->function(true).edPhase, 0);
        QVERIFY(!again.measures()->function(true).edEsByHand);
    }

    void measuresShownOnceEdAndEsAreSegmented() {
        // Opening order: the slice on screen's phases, then ED and ES of every slice, then the
        // rest. The measures appear after the second stage, marked provisional, and are
        // measured again over every phase at the end.
        testing::SyntheticSeries s = smallPhantom();
        s.rows = s.columns = 192;
        s.slices = 3;
        s.phases = 16;
        s.seriesUid = "1.2.826.0.1.3680043.10.511.1.77";
        testing::writeSeries(*m_dir / "provisional", s);
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        std::size_t labelledWhenShown = 0;
        int provisionalSlice = -1;
        analysis::CardiacFunction provisional;
        connect(w.functionPanel(), &ui::FunctionPanel::functionsShown, this, [&] {
            auto* panel = w.functionPanel();
            if (provisionalSlice >= 0 || panel->waiting() > 0 || panel->provisionalSlice() < 0) return;
            provisionalSlice = panel->provisionalSlice();
            labelledWhenShown = w.session().prediction(0).labelledCount();
            provisional = w.measures()->function(false);
            QVERIFY(panel->note().startsWith("Provisional"));
            QVERIFY(panel->cell(panel->rowOf("EDV (mL)"), 0) != QString("waiting"));
        });
        QVERIFY(openShown(w, QString::fromStdString((*m_dir / "provisional").string())));
        QVERIFY(done.wait(120000));
        qInfo("%s; measures first shown with %zu images segmented", qPrintable(w.statusBar()->currentMessage()),
              labelledWhenShown);
        QVERIFY2(provisionalSlice >= 0, "no provisional measures before the series was done");
        // Shown with the first two stages done: 16 phases of one slice, ED and ES of two others.
        QVERIFY2(labelledWhenShown >= 20 && labelledWhenShown < 48, qPrintable(QString::number(labelledWhenShown)));
        QVERIFY(!provisional.edEsByHand);
        // Done: over every phase, no longer provisional; this phantom's ED and ES are the same
        // on every slice, so the figures stand.
        const auto& measured = w.measures()->function(false);
        QCOMPARE(w.session().prediction(0).labelledCount(), std::size_t(48));
        QCOMPARE(w.functionPanel()->provisionalSlice(), -1);
        QVERIFY(!w.functionPanel()->note().contains("Provisional"));
        QCOMPARE(measured.edPhase, provisional.edPhase);
        QCOMPARE(measured.esPhase, provisional.esPhase);
        QCOMPARE(measured.edvMl, provisional.edvMl);
        QCOMPARE(measured.esvMl, provisional.esvMl);
    }

    void anotherStudyOpensWithoutWaitingAndTheEditsAreKept() {
        // Opening another study while the model segments: the window never waits for the work
        // to stop (it is cancelled, the corrections saved, then the next study loads).
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries a = smallPhantom();
        a.rows = a.columns = 192;
        a.slices = 6;
        a.phases = 20;
        a.seriesUid = "1.2.826.0.1.3680043.10.511.1.81";
        testing::SyntheticSeries b = smallPhantom();
        b.seriesUid = "1.2.826.0.1.3680043.10.511.1.82";
        testing::writeSeries(*m_dir / "a", a);
        testing::writeSeries(*m_dir / "b", b);
        const QString studyA = QString::fromStdString((*m_dir / "a").string());
        const QString studyB = QString::fromStdString((*m_dir / "b").string());
        ui::MainWindow w;
        QVERIFY(openShown(w, studyA));
        QVERIFY(w.model()->isSegmenting());
        w.editing()->setBrushLabel(image::label::BloodPool);
        Q_EMIT w.sliceView()->strokeBegan(QPointF(30, 30));
        Q_EMIT w.sliceView()->strokeEnded();
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(1));
        QSignalSpy shown(&w, &ui::MainWindow::studyShown);
        w.openStudy(studyB);
        QVERIFY(w.studies()->isLoading());  // asked for; it loads once the segmentation has stopped
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.studies()->path(), studyB);
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(0));
        // Back to the first study: its correction was saved on the way out.
        w.openStudy(studyA);
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.studies()->path(), studyA);
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(1));
    }

    void closingWritesTheCorrectionsFirstAndAFailedSaveKeepsTheWindow() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        {
            // Closed right after an edit: the window closes once the edit is written.
            ui::MainWindow w;
            QVERIFY(openWithoutModel(w, *m_dir, s));
            paint(w, {20, 20}, {40, 30});
            w.close();  // closes now, or once the save has ended
            QTRY_VERIFY(!w.isVisible());
        }
        ui::MainWindow w;
        QVERIFY(openWithoutModel(w, *m_dir, s));
        QCOMPARE(w.session().corrections(0).labelledCount(), std::size_t(1));  // the edit was saved
        // The workspace cannot be written any more (a file where its folder was): closing keeps
        // the window open and says why; the correction stays in memory, unsaved.
        const fs::path folder = w.studies()->workspaceFolder().toStdString();
        fs::remove_all(folder);
        { std::ofstream(folder) << "not a folder"; }
        const int k = w.viewer()->slice(), p = w.viewer()->phase();
        paint(w, {10, 10}, {12, 12});
        const auto painted = w.session().corrections(0).at(k, p);
        QVERIFY(!w.close());
        QTRY_VERIFY(w.findChild<QMessageBox*>() != nullptr);
        QVERIFY(w.isVisible());
        QVERIFY(w.findChild<QMessageBox*>()->text().contains("NOT saved"));
        QVERIFY(w.session().corrections(0).at(k, p) == painted);
        QVERIFY(w.session().hasUnsaved());
        // Once it can be written again, closing saves and closes.
        w.findChild<QMessageBox*>()->close();
        fs::remove(folder);
        w.close();
        QTRY_VERIFY(!w.isVisible());
        QVERIFY(!w.session().hasUnsaved());
    }

    void aSecondWorkstationOnTheSameStudyIsReadOnly() {
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        const QString study = QString::fromStdString((*m_dir / "study").string());
        const QString noModel = QString::fromStdString((*m_dir / "none.pt").string());
        auto first = std::make_unique<ui::MainWindow>();
        QVERIFY(openWithoutModel(*first, *m_dir, s));
        QVERIFY(first->studies()->readOnlyReason().isEmpty());
        const fs::path lockFile = fs::path(first->studies()->workspaceFolder().toStdString()) / io::StudyLock::kFileName;
        io::LockHolder holder;
        QVERIFY(io::StudyLock::read(lockFile, holder));
        QCOMPARE(holder.pid, static_cast<long>(QCoreApplication::applicationPid()));

        // The second opener is told who holds the study, and nothing it does changes the study.
        {
            ui::MainWindow second;
            QVERIFY(openShown(second, study, noModel));
            const QString reason = second.studies()->readOnlyReason();
            QVERIFY2(reason.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())),
                     qPrintable(reason));
            QVERIFY(second.windowTitle().contains("read-only"));
            const auto* badge = second.findChild<QLabel*>("readOnlyBadge");
            QVERIFY(badge && badge->isVisible());
            QCOMPARE(badge->toolTip(), reason);
            second.editing()->setTool(ui::EditingPresenter::Tool::Brush);
            QCOMPARE(second.editing()->tool(), ui::EditingPresenter::Tool::Navigate);
            paint(second, {20, 20}, {40, 30});
            second.editing()->confirmImage();
            second.editing()->clearSlice();
            QCOMPARE(second.session().corrections(0).labelledCount(), std::size_t(0));
            QVERIFY(!second.session().hasUnsaved());
            QCOMPARE(second.editing()->undoStack()->count(), 0);
        }
        QVERIFY(fs::exists(lockFile));  // the read-only window leaves the holder's lock alone

        // The holder edits and saves as before; its lock goes with it, and the next opener edits.
        paint(*first, {20, 20}, {40, 30});
        QCOMPARE(first->session().corrections(0).labelledCount(), std::size_t(1));
        first->close();
        QTRY_VERIFY(!first->isVisible());
        first.reset();
        QVERIFY(!fs::exists(lockFile));
        ui::MainWindow third;
        QVERIFY(openShown(third, study, noModel));
        QVERIFY(third.studies()->readOnlyReason().isEmpty());
        QVERIFY(!third.findChild<QLabel*>("readOnlyBadge")->isVisible());
        QCOMPARE(third.session().corrections(0).labelledCount(), std::size_t(1));
        paint(third, {5, 5}, {8, 8});
        QVERIFY(third.session().hasUnsaved());
    }

    void aThreeThousandImageStudyOpensWithinTheMemoryBound() {
        // Ten cine series of 15 slices × 20 phases, 128 × 128: the workstation holds the images
        // (32-bit values) and at most a quarter more and 96 MiB for everything else (views, grid,
        // session, workspace). It held them twice (the loader's result copied) before.
        if (testing::underAddressSanitizer())
            QSKIP("AddressSanitizer's shadow memory changes what memory measures: the bound is checked in the normal build");
        const double pixelsMiB =
            testing::writeThreeThousandImageStudy(*m_dir / "large", "1.2.826.0.1.3680043.10.511.4") / (1 << 20);
        const testing::PeakMemory peak;
        if (!peak.ok()) QSKIP("the peak memory cannot be reset here");
        ui::MainWindow w;
        QVERIFY(openShown(w, QString::fromStdString((*m_dir / "large").string()),
                          QString::fromStdString((*m_dir / "none.pt").string())));
        QCOMPARE(w.session().seriesCount(), 10);
        QTest::qWait(200);  // the first image and the grid drawn
        const double grownMiB = peak.grownMiB();
        qInfo("3000 images (%.0f MiB of pixels): the workstation's peak memory grew by %.0f MiB opening them", pixelsMiB,
              grownMiB);
        QVERIFY2(grownMiB <= 1.25 * pixelsMiB + 96, qPrintable(QString::number(grownMiB)));
    }

    void closingWhileJobsRunWaitsForThemWithoutBlocking() {
        // Closed while a study loads and another waits to open: both are cancelled, the window
        // closes once the loading job has ended, and no job is left for the destructor to await.
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries big;
        big.rows = big.columns = 192;
        big.slices = 12;
        big.phases = 25;
        testing::writeSeries(*m_dir / "big", big);
        testing::SyntheticSeries small;
        testing::writeSeries(*m_dir / "small", small);
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((*m_dir / "none.pt").string()), false);
        w.show();
        w.openStudy(QString::fromStdString((*m_dir / "big").string()));
        QVERIFY(w.studies()->isLoading());
        w.openStudy(QString::fromStdString((*m_dir / "small").string()));  // waits for the first
        QVERIFY(!w.close());  // not yet: the loading job runs
        QVERIFY(w.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), 20000);
        QCOMPARE(w.jobs()->count(), 0);
        QVERIFY(!w.studies()->isLoading());
        QCOMPARE(w.session().seriesCount(), 0);  // neither study opened
    }

    void reopeningShowsTheModelsLabelsAtOnce() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        const testing::SyntheticSeries s = smallPhantom();
        testing::writeSeries(*m_dir / "study", s);
        const QString study = QString::fromStdString((*m_dir / "study").string());
        image::SeriesLabels first;
        QString workspace;
        {
            ui::MainWindow w;
            QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
            QVERIFY(openShown(w, study));
            // Until the model has segmented the images the measures need, none is shown.
            QVERIFY(w.functionPanel()->waiting() > 0);
            QCOMPARE(w.functionPanel()->cell(w.functionPanel()->rowOf("EDV (mL)"), 0),
                     QString("waiting"));
            QVERIFY(done.wait(120000));
            QVERIFY2(w.statusBar()->currentMessage().startsWith("Segmented 6 images"),
                     qPrintable(w.statusBar()->currentMessage()));
            QCOMPARE(w.functionPanel()->waiting(), 0);
            QVERIFY(w.functionPanel()->cell(w.functionPanel()->rowOf("EDV (mL)"), 0) !=
                    QString("waiting"));
            first = w.session().prediction(0);
            QCOMPARE(first.labelledCount(), std::size_t(6));
            workspace = w.studies()->workspaceFolder();
            const io::PredictionCache cache(workspace.toStdString());
            QTRY_VERIFY_WITH_TIMEOUT(fs::exists(cache.fileFor(w.session().series(0))), 10000);
        }
        // Reopened: the labels come from the workspace; the model does not run.
        {
            ui::MainWindow w;
            QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
            QVERIFY(openShown(w, study));
            QVERIFY(done.wait(30000));
            QVERIFY2(w.statusBar()->currentMessage().contains("restored from the workspace"),
                     qPrintable(w.statusBar()->currentMessage()));
            QVERIFY(w.session().prediction(0).maps == first.maps);
            // Asked for by the user, the model runs again.
            w.model()->segment(ui::ModelPresenter::Scope::Image, w.viewer()->series(), w.viewer()->cell());
            QVERIFY(done.wait(60000));
            QVERIFY2(w.statusBar()->currentMessage().startsWith("Segmented 1 image"),
                     qPrintable(w.statusBar()->currentMessage()));
        }
        // Another model version: its own labels, not the cached ones.
        engine::Model other = engine::Model::load(io::defaultModelPath());
        other.info().version = "v-test";
        const fs::path otherFile = *m_dir / "other.pt";
        other.save(otherFile);
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QVERIFY(openShown(w, study, QString::fromStdString(otherFile.string())));
        QVERIFY(done.wait(120000));
        QVERIFY2(w.statusBar()->currentMessage().startsWith("Segmented 6 images"),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    void coverageSetByHandAndExtendedByEdits() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s = smallPhantom();
        s.slices = 4;
        testing::writeSeries(*m_dir / "study", s);
        const QString study = QString::fromStdString((*m_dir / "study").string());
        {
            ui::MainWindow w;
            QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
            QVERIFY(openShown(w, study));
            QVERIFY(done.wait(120000));
            QCOMPARE(w.session().coverage(0).size(), std::size_t(s.phases));  // found once every image is segmented
            QVERIFY(w.functionPanel()->coverageText().contains("Left ventricle at phase"));

            // Base by hand at slice 2 (index 1) of the phase on screen: slice 1 is outside.
            const int p = 1;
            w.viewer()->setPosition(1, p);
            const int steps = w.editing()->undoStack()->count();
            w.editing()->setCoverageLimit(true, false);
            QCOMPARE(w.editing()->undoStack()->count(), steps + 1);
            QCOMPARE(w.session().coverage(0)[p].base, 1);
            QCOMPARE(w.session().clinicalInputs(0).coverage.at(p).base, 1);
            const auto& outside = w.session().prediction(0).at(0, p);
            QVERIFY(std::none_of(outside.data.begin(), outside.data.end(), [](std::uint8_t v) {
                return v == image::label::BloodPool || v == image::label::Myocardium;
            }));
            QVERIFY(w.cineGrid()->flags(0, p) & ui::CineGrid::OutsideCoverage);
            QVERIFY(!(w.cineGrid()->flags(1, p) & ui::CineGrid::OutsideCoverage));
            QVERIFY(w.functionPanel()->coverageText().contains("set by hand"));
            w.viewer()->setPosition(0, p);
            QVERIFY(w.sliceView()->badge().contains("outside the left ventricle"));

            // Painting ventricle there says otherwise: the coverage grows, in the same undo step.
            const int before = w.editing()->undoStack()->count();
            paint(w, {40, 40}, {50, 45});
            QCOMPARE(w.session().coverage(0)[p].base, 0);
            QCOMPARE(w.editing()->undoStack()->count(), before + 1);
            w.editing()->undoStack()->undo();
            QCOMPARE(w.session().coverage(0)[p].base, 1);
            QVERIFY(w.session().corrections(0).at(0, p).empty());
            w.studies()->save();
            auto saved = [&] {
                std::vector<io::SkippedFile> skipped;
                const io::Workspace ws(w.studies()->workspaceFolder().toStdString());
                return ws.load(w.session().series(0), skipped).clinical.coverage.size();
            };
            QTRY_VERIFY_WITH_TIMEOUT(saved() > std::size_t(p), 5000);
        }
        // Saved with the study.
        ui::MainWindow again;
        QSignalSpy done(&again, &ui::MainWindow::segmentationFinished);
        QVERIFY(openShown(again, study));
        QVERIFY(done.wait(60000));
        QCOMPARE(again.session().coverage(0)[1].base, 1);
        again.viewer()->setPosition(0, 1);
        again.editing()->automaticCoverage(false);
        QVERIFY(again.session().clinicalInputs(0).coverage.at(1).base < 0);
    }

    void suggestionsPointWhereTheModelDoubts() {
        QSettings().setValue("workspace/root", QString::fromStdString((*m_dir / "ws").string()));
        testing::SyntheticSeries s = smallPhantom();
        s.slices = 4;
        s.phases = 4;
        testing::writeSeries(*m_dir / "study", s);
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QVERIFY(openShown(w, QString::fromStdString((*m_dir / "study").string())));
        QVERIFY(done.wait(120000));
        const auto& f = w.measures()->function(true);
        const auto list = w.measures()->suggestions();
        QVERIFY(!list.empty());
        for (const auto& g : list) {
            QVERIFY(g.cell.second == f.edPhase || g.cell.second == f.esPhase);
            QVERIFY(g.uncertainty >= 0 && g.uncertainty <= 1);
        }
        if (std::any_of(list.begin(), list.end(), [](const auto& g) { return g.region == "mid"; }))
            QCOMPARE(list.front().region, std::string("mid"));  // the mid-ventricular pair first
        QVERIFY(w.finetunePanel()->suggestions().contains("slice"));
        // J goes to the first; once confirmed it is no longer suggested.
        QTest::keyClick(&w, Qt::Key_J);
        QCOMPARE(std::make_pair(w.viewer()->slice(), w.viewer()->phase()), list.front().cell);
        w.editing()->confirmImage();
        for (const auto& g : w.measures()->suggestions()) QVERIFY(g.cell != list.front().cell);
    }

    void reportSpeaksPlainly() {
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        s.slices = 3;
        s.phases = 4;
        const auto shared = std::make_shared<image::CineSeries>(testing::makeCineSeries(s));
        image::CineSeries& series = *shared;
        series.info.patientName = "Doe^Jane";
        series.info.patientBirthDate = "00000000";
        series.info.studyDate = "20120000";
        series.info.patientSex = "";
        series.info.studyDescription = "";
        ui::ReportInput in;
        in.series = shared;
        in.modelName = "default.pt";
        const QString header = ui::reportHeader(in).join('\n');
        for (const char* raw : {"00000000", "20120000", "sex", "born", "Study of", " · ·", "^"})
            QVERIFY2(!header.contains(raw), qPrintable(header));
        QVERIFY(header.contains("Doe Jane"));
        series.info.patientBirthDate = "19700315";
        series.info.studyDate = "20120402";
        series.info.patientSex = "F";
        const QString dated = ui::reportHeader(in).join('\n');
        QVERIFY2(dated.contains("1970") && dated.contains("2012") && dated.contains("female"),
                 qPrintable(dated));
        // De-identified: none of the patient's or study's values, and it says so.
        series.info.patientId = "MRN-4711";
        series.info.studyDescription = "Cardiac MRI of Jane";
        series.info.seriesDescription = "SA cine (Dr House)";
        in.deidentify = true;
        const QString anonymous = ui::reportHeader(in).join('\n');
        for (const char* value : {"Doe", "Jane", "MRN-4711", "1970", "2012", "female", "House"})
            QVERIFY2(!anonymous.contains(value), qPrintable(anonymous));
        QVERIFY2(anonymous.contains("de-identified"), qPrintable(anonymous));
        in.deidentify = false;

        // The key images show one slice at both phases: the largest at ED that ES still has.
        in.reviewedFunction.edPhase = 0;
        in.reviewedFunction.esPhase = 2;
        in.reviewedFunction.phases.resize(4);
        in.reviewedFunction.phases[0].bloodPoolMm2 = {300, 500, 900};
        in.reviewedFunction.phases[2].bloodPoolMm2 = {200, 300, NAN};
        QCOMPARE(ui::keySliceForBoth(in), 1);

        // The report draws in the colours taken when its input was made on the GUI thread,
        // whatever the settings say while its worker runs.
        ui::setLabelColors(QColor(0, 0, 255), QColor(0, 255, 255));
        ui::ReportInput coloured;
        coloured.series = shared;
        coloured.reviewed = image::SeriesLabels::like(series);
        image::LabelMap disc(series.geometry.columns, series.geometry.rows, image::label::Background);
        for (int y = 0; y < disc.height; ++y)
            for (int x = 0; x < disc.width; ++x)
                if (std::hypot(x - disc.width / 2.0, y - disc.height / 2.0) < disc.width / 4.0)
                    disc.at(x, y) = image::label::BloodPool;
        coloured.reviewed.at(1, 0) = disc;
        ui::setLabelColors(QColor(255, 0, 0), QColor(0, 255, 0));  // changed afterwards
        const QImage key = ui::keyImage(coloured, 1, 0, 200);
        int blue = 0, red = 0;
        for (int y = 0; y < key.height(); ++y)
            for (int x = 0; x < key.width(); ++x) {
                const QColor c = key.pixelColor(x, y);
                blue += c.blue() > 200 && c.red() < 60 && c.green() < 60;
                red += c.red() > 200 && c.blue() < 60 && c.green() < 60;
            }
        QVERIFY2(blue > 50 && red == 0, qPrintable(QString("%1 blue, %2 red").arg(blue).arg(red)));
        ui::setLabelColors(ui::defaultLabelColor(image::label::BloodPool), ui::defaultLabelColor(image::label::Myocardium));
    }

    void measureChangesAreNamed() {
        analysis::CardiacFunction before, after;
        before.edvMl = 219.2;
        after.edvMl = 220.0;  // +0.4 %: not a move
        before.efPercent = 20.7;
        after.efPercent = 22.1;  // +1.4 points
        before.lvMassG = 175.8;
        after.lvMassG = 193.7;
        const QString text = ui::describeMeasureChanges(before, after);
        QVERIFY2(text.contains("LV mass 175.8 → 193.7 g"), qPrintable(text));
        QVERIFY2(text.contains("EF 20.7 → 22.1"), qPrintable(text));
        QVERIFY2(!text.contains("EDV"), qPrintable(text));
        after = before;
        QVERIFY(ui::describeMeasureChanges(before, after).contains("no measure moved"));
    }

private:
    std::unique_ptr<testing::TempDir> m_dir;
};

QTEST_MAIN(TestReviewFlow)
#include "test_review_flow.moc"
