// "Update model" in the workstation: a background run while the interface keeps answering,
// its outcome, model versions remembered per study, cancel leaving the model alone.
#include <QtTest>

#include <QElapsedTimer>
#include <QSettings>
#include <QTimer>

#include "engine/model.h"
#include "engine/model_config.h"
#include "finetune_panel.h"
#include "io/model_versions.h"
#include "io/workspace.h"
#include "main_window.h"
#include "slice_view.h"
#include "synthetic_dicom.h"
#include "ui_test_support.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

/// A very small untrained model file: fine-tuning it on phantoms takes seconds.
QString tinyModel(const testing::TempDir& dir) {
    auto config = engine::configFromArch("deeplabv3-resnet18-w8-os8");
    config.asppChannels = 32;
    engine::Model m = engine::Model::create(config, 2);
    const fs::path file = dir / "tiny.pt";
    m.save(file);
    return QString::fromStdString(file.string());
}

/// Opens a phantom study with the tiny model and corrects four images with the phantom's own
/// outlines (myocardium, then blood pool inside it).
bool openAndCorrect(ui::MainWindow& w, const testing::TempDir& dir, const QString& model) {
    testing::SyntheticSeries s;
    s.rows = s.columns = 64;
    s.slices = 2;
    s.phases = 4;
    s.phantom = true;
    testing::writeSeries(dir / "study", s);
    w.setModelPath(model, false);
    QSignalSpy shown(&w, &ui::MainWindow::studyShown);
    w.show();
    w.openStudy(QString::fromStdString((dir / "study").string()));
    if (!shown.wait(30000)) return false;
    // Not the untrained model's labels: the phantom's own.
    testing::outlinePhantom(w, s, {{0, 0}, {0, 2}, {1, 0}, {1, 2}});
    return w.session().reviewedImageCount() == 4;
}

}  // namespace

class TestFinetuneGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_finetune_gui");
        QSettings().clear();
        QSettings().setValue("finetune/seconds", 8);
    }

    void aModelChosenJustBeforeAStudyWithItsOwnVersionStillBecomesTheSessionsModel() {
        // A study whose workspace names a version of its own.
        testing::TempDir dir;
        QSettings().setValue("workspace/root", QString::fromStdString((dir / "workspaces").string()));
        const QString model = tinyModel(dir);
        const QString version = QString::fromStdString((dir / "version.pt").string());
        const QString other = QString::fromStdString((dir / "other.pt").string());
        fs::copy_file(model.toStdString(), version.toStdString());
        fs::copy_file(model.toStdString(), other.toStdString());
        testing::SyntheticSeries s;
        s.rows = s.columns = 48;
        s.slices = 2;
        s.phases = 2;
        testing::writeSeries(dir / "study", s);
        const QString study = QString::fromStdString((dir / "study").string());
        QString workspace;
        {
            ui::MainWindow w;
            w.setModelPath(model, false);
            QSignalSpy shown(&w, &ui::MainWindow::studyShown);
            w.openStudy(study);
            QVERIFY(shown.wait(30000));
            workspace = w.studies()->workspaceFolder();
        }
        io::Workspace(workspace.toStdString(), study.toStdString()).setActiveModel(version.toStdString());
        // The session's model chosen, and the study opened at once: the study uses its version;
        // the file chosen still becomes the session's model, remembered in the settings.
        ui::MainWindow w;
        QSignalSpy shown(&w, &ui::MainWindow::studyShown);
        w.setModelPath(other, true);
        w.openStudy(study);
        QVERIFY(shown.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(w.modelPath(), version, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(w.settings().modelPath, other, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.model()->isSegmenting(), 60000);
        QCOMPARE(w.modelPath(), version);

        // The same without waiting on any timing: the version chosen before the session's model's
        // check could end (its activation superseded at once).
        QSettings().setValue("model/path", model);
        ui::MainWindow at;
        at.setModelPath(other, true);
        at.chooseVersion(version);
        // Both checks run at once: either may end first (under the sanitizers the session model's
        // often does); in the end the version is in use and the file chosen is remembered.
        QTRY_COMPARE_WITH_TIMEOUT(at.settings().modelPath, other, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(at.modelPath(), version, 30000);
        QCOMPARE(at.settings().modelPath, other);
    }

    void updateRunsInTheBackgroundAndAddsAVersion() {
        testing::TempDir dir;
        QSettings().setValue("workspace/root", QString::fromStdString((dir / "workspaces").string()));
        const QString model = tinyModel(dir);
        ui::MainWindow w;
        QVERIFY(openAndCorrect(w, dir, model));
        QTRY_VERIFY_WITH_TIMEOUT(!w.model()->isSegmenting(), 60000);
        QCOMPARE(w.finetunePanel()->versionRows(), 1);  // the default model only

        // The interface keeps answering while the model trains: a 20 ms timer keeps firing.
        QSignalSpy finished(&w, &ui::MainWindow::finetuneFinished);
        QElapsedTimer clock;
        qint64 last = 0, worstGap = 0;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = std::max(worstGap, now - last);
            last = now;
            ++ticks;
        });
        w.updates()->start();
        QVERIFY(w.updates()->isRunning());
        clock.start();
        timer.start(20);
        QTest::keyClick(&w, Qt::Key_Right);  // navigation works meanwhile
        QVERIFY(finished.wait(60000));
        timer.stop();
        QVERIFY2(ticks > 100, qPrintable(QString::number(ticks)));
        QVERIFY2(worstGap < 500, qPrintable(QString("longest pause of the event loop: %1 ms").arg(worstGap)));

        // Accepted, or kept aside for the user to accept: either way one click makes it a version.
        if (!finished.first().at(0).toBool()) {
            QVERIFY(w.finetunePanel()->outcome().contains("stays active"));
            QSignalSpy changed(&w, &ui::MainWindow::modelChanged);
            w.updates()->useRejected();
            QVERIFY(changed.wait(30000));
        }
        // The message says how many steps ran; once the new version has segmented the series,
        // the panel says which measures moved (or that none did).
        QVERIFY2(finished.first().at(1).toString().contains("training steps"), qPrintable(finished.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(w.finetunePanel()->measureChanges().contains("With the new model"), 60000);
        const fs::path versionsDir = fs::path(w.studies()->workspaceFolder().toStdString()) / "models";
        const auto versions = io::ModelVersions(versionsDir).list();
        QCOMPARE(versions.size(), std::size_t(1));
        QCOMPARE(versions[0].corrections + versions[0].heldOut, 4);
        QTRY_COMPARE_WITH_TIMEOUT(w.modelPath(), QString::fromStdString(versions[0].file), 30000);
        QCOMPARE(w.finetunePanel()->versionRows(), 2);
        const auto info = engine::Model::load(versions[0].file).info();
        QCOMPARE(info.version, std::string("v1"));
        QCOMPARE(info.parent, std::string("tiny.pt"));

        // The study remembers its model: reopened, it uses v1; one click goes back to the default.
        w.studies()->save();
        QTRY_VERIFY_WITH_TIMEOUT(!io::Workspace(versionsDir.parent_path()).activeModel().empty(), 10000);
        ui::MainWindow again;
        again.setModelPath(model, false);
        QSignalSpy shown(&again, &ui::MainWindow::studyShown);
        again.show();
        again.openStudy(QString::fromStdString((dir / "study").string()));
        QVERIFY(shown.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(again.modelPath(), QString::fromStdString(versions[0].file), 30000);
        QSignalSpy back(&again, &ui::MainWindow::modelChanged);
        again.finetunePanel()->chooseRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(again.modelPath(), model, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!again.model()->isSegmenting(), 60000);
    }

    void cancelLeavesTheModelAlone() {
        testing::TempDir dir;
        QSettings().setValue("workspace/root", QString::fromStdString((dir / "workspaces").string()));
        const QString model = tinyModel(dir);
        ui::MainWindow w;
        QVERIFY(openAndCorrect(w, dir, model));
        QSignalSpy finished(&w, &ui::MainWindow::finetuneFinished);
        w.updates()->start();
        QTest::qWait(300);
        w.updates()->cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains("not updated"), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(w.modelPath(), model);
        QVERIFY(io::ModelVersions(fs::path(w.studies()->workspaceFolder().toStdString()) / "models").list().empty());
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(TestFinetuneGui)
#include "test_finetune_gui.moc"
