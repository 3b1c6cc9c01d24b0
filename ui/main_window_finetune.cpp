// The main window's fine-tuning: "Update model" in the background, model versions per study.
#include <QDockWidget>
#include <QFileInfo>
#include <QScrollArea>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <thread>

#include "finetune_panel.h"
#include "io/resources.h"
#include "main_window.h"
#include "session/thread_policy.h"

namespace cardioseg::ui {

void MainWindow::buildFinetuneDock() {
    auto* dock = new QDockWidget(tr("Model updates"), this);
    dock->setObjectName("finetuneDock");
    m_finetunePanel = new FinetunePanel(dock);
    dock->setWidget(scrollable(m_finetunePanel, dock));
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_finetunePanel, &FinetunePanel::updateRequested, this, &MainWindow::startFinetune);
    connect(m_finetunePanel, &FinetunePanel::cancelRequested, this, &MainWindow::cancelFinetune);
    connect(m_finetunePanel, &FinetunePanel::useAnywayRequested, this, &MainWindow::useRejectedModel);
    connect(m_finetunePanel, &FinetunePanel::modelChosen, this, &MainWindow::chooseVersion);
    connect(&m_finetune, &QFutureWatcher<FinetuneJobResult>::finished, this, &MainWindow::onFinetuneFinished);
    connect(&m_versionSave, &QFutureWatcher<VersionSave>::finished, this, [this] {
        const auto [file, error] = m_versionSave.result();
        if (!error.isEmpty()) showError(tr("Update model"), tr("The model could not be saved: %1").arg(error));
        else chooseVersion(file);
        refreshVersions();
    });
    QMenu* model = nullptr;
    for (QAction* a : menuBar()->actions())
        if (a->menu() && a->menu()->objectName() == "modelMenu") model = a->menu();
    if (model) {
        model->addSeparator();
        model->addAction(tr("&Update Model from Corrections"), QKeySequence(Qt::CTRL | Qt::Key_U), this,
                         &MainWindow::startFinetune);
    }
    refreshVersions();
}

QString MainWindow::versionsFolder() const {
    return m_study.workspaceFolder.isEmpty() ? QString() : m_study.workspaceFolder + "/models";
}

int MainWindow::reviewedImageCount() const { return m_session->reviewedImageCount(); }

std::vector<training::LabelledImage> MainWindow::collectCorrections() const {
    std::vector<training::LabelledImage> out;
    for (const auto& r : m_session->reviewedImages())
        out.push_back(training::labelledImage(m_session->series(r.series), r.cell.first, r.cell.second, *r.labels));
    return out;
}

bool MainWindow::isFinetuning() const { return m_finetune.isRunning(); }

void MainWindow::startFinetune() {
    if (m_finetune.isRunning() || m_versionSave.isRunning()) return;
    if (!QFileInfo::exists(m_model->activeModel())) {
        showError(tr("Update model"), tr("No model at %1 to start from.").arg(m_model->activeModel()));
        return;
    }
    auto corrections = collectCorrections();
    if (corrections.empty()) {
        statusBar()->showMessage(tr("Correct or confirm images first: the model learns from them"), 8000);
        return;
    }
    m_rejected.reset();
    m_reviewedAtLastUpdate = static_cast<int>(corrections.size());
    m_finetuneGeneration = m_generation;
    training::FinetuneOptions o;
    o.seconds = m_settings.finetuneSeconds;
    o.device = engine::parseDevice(m_settings.engine.device.toStdString());
    // Every core: the run has background priority (session::runInBackground), so the
    // interface takes a core back the moment it needs one and the run has them all otherwise.
    o.threads = m_settings.engine.threads > 0 ? m_settings.engine.threads
                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_finetunePanel->setRunning(true);
    statusBar()->showMessage(tr("Updating the model from %n reviewed image(s) in the background…", "",
                                static_cast<int>(corrections.size())),
                             8000);
    // Progress reaches the panel through the event queue, at most a few times a second.
    // Its row in the job list follows the training steps (the panel's Cancel and the row's
    // are one); it goes on when another study is opened.
    QPointer<FinetunePanel> panel = m_finetunePanel;
    const double budget = o.seconds;
    m_finetune.setFuture(m_jobs->run<FinetuneJobResult>(
        tr("Updating the model"),
        [panel, budget, base = m_model->activeModel(), corrections = std::move(corrections), o,
         folder = versionsFolder()](const io::ProgressFn& row) {
            auto last = std::chrono::steady_clock::time_point();
            auto progress = [&](const training::FinetuneProgress& p) {
                const auto now = std::chrono::steady_clock::now();
                if (p.stage != "training" || now - last > std::chrono::milliseconds(200)) {
                    last = now;
                    QMetaObject::invokeMethod(panel, [panel, p, budget] {
                        if (panel) panel->showProgress(p, budget);
                    }, Qt::QueuedConnection);
                }
                const double done = p.train.total > 0 ? static_cast<double>(p.train.iteration) / p.train.total : 0.0;
                return row(done, p.stage);
            };
            FinetuneJobResult result;
            session::runInBackground([&] { result = runFinetuneJob(base, corrections, o, folder, progress); });
            return result;
        },
        &m_finetuneJob));
}

void MainWindow::cancelFinetune() { m_jobs->cancel(m_finetuneJob); }

void MainWindow::onFinetuneFinished() {
    m_finetunePanel->setRunning(false);
    FinetuneJobResult r = m_finetune.result();
    QString message;
    bool accepted = false;
    if (!r.error.empty()) {
        message = tr("The model was not updated: %1").arg(QString::fromStdString(r.error));
    } else if (!r.candidate) {
        // Cancelled, diverged or out of memory: the active model is untouched.
        message = tr("The model was not updated: %1").arg(QString::fromStdString(r.report.outcome.message));
    } else if (r.saved) {
        accepted = true;
        if (m_finetuneGeneration != m_generation) {  // another study is open now: it keeps its model
            message = tr("The model of the previous study was updated (%1)").arg(QString::fromStdString(r.saved->id));
            statusBar()->showMessage(message, 15000);
            Q_EMIT finetuneFinished(true, message);
            return;
        }
        message = tr("New model %1 is active (%2 training steps of %3 images in %4 s). %5")
                      .arg(QString::fromStdString(r.saved->id))
                      .arg(r.report.outcome.iterations)
                      .arg(r.report.batch)
                      .arg(QLocale().toString(r.report.seconds, 'f', 0))
                      .arg(decisionText(r.report, training::FinetuneOptions().forgetTolerance));
        chooseVersion(QString::fromStdString(r.saved->file));
    } else {
        if (m_finetuneGeneration == m_generation) {
            m_rejected = r.candidate;
            m_rejectedReport = r.report;
            m_rejectedParent = QFileInfo(m_model->activeModel()).fileName();
        }
        message = tr("The current model stays active (%1 training steps of %2 images in %3 s): %4")
                      .arg(r.report.outcome.iterations)
                      .arg(r.report.batch)
                      .arg(QLocale().toString(r.report.seconds, 'f', 0))
                      .arg(decisionText(r.report, training::FinetuneOptions().forgetTolerance));
    }
    m_finetunePanel->showOutcome(message, static_cast<bool>(m_rejected));
    statusBar()->showMessage(message, 15000);
    refreshVersions();
    updateFinetuneAvailability();
    Q_EMIT finetuneFinished(accepted, message);
}

void MainWindow::useRejectedModel() {
    if (!m_rejected || m_versionSave.isRunning()) return;
    auto model = m_rejected;
    m_rejected.reset();
    m_versionSave.setFuture(m_jobs->run<VersionSave>(
        tr("Saving the model version"), JobList::Cancellable::No,
        [model, report = m_rejectedReport, folder = versionsFolder(), parent = m_rejectedParent](const io::ProgressFn&) {
            try {
                return VersionSave{QString::fromStdString(
                                       saveVersion(*model, report, folder, parent,
                                                   report.decision + "; made active by the user")
                                           .file),
                                   QString()};
            } catch (const std::exception& e) {
                return VersionSave{QString(), QString::fromStdString(e.what())};
            }
        }));
}

void MainWindow::chooseVersion(const QString& file) {
    // The measures from the labels of the model in use, to say once the series is segmented by
    // the other version which of them moved.
    if (m_series >= 0 && !isSegmenting() && m_measures->function(false).edPhase >= 0 &&
        QFileInfo(file).absoluteFilePath() != QFileInfo(m_model->activeModel()).absoluteFilePath()) {
        m_measuresBeforeUpdate = m_measures->function(false);
        m_measuresSeries = m_series;
    }
    // The study remembers its model; the session's model is remembered as "none".
    m_study.activeModel = QFileInfo(file).absoluteFilePath() == QFileInfo(m_model->baseModel()).absoluteFilePath() ? QString() : file;
    m_activeDirty = true;
    if (!m_autosave->isActive()) m_autosave->start();
    m_model->activate(file);
    refreshVersions();
}

void MainWindow::refreshVersions() {
    if (!m_finetunePanel) return;
    std::vector<io::ModelVersion> versions;
    if (!versionsFolder().isEmpty()) {
        try {
            versions = io::ModelVersions(versionsFolder().toStdString()).list();
        } catch (const std::exception& e) {
            statusBar()->showMessage(QString::fromStdString(e.what()), 10000);
        }
    }
    m_finetunePanel->setVersions(versions, m_model->baseModel(), m_model->activeModel());
    updateFinetuneAvailability();
}

void MainWindow::updateFinetuneAvailability() {
    if (!m_finetunePanel) return;
    const int reviewed = reviewedImageCount();
    m_finetunePanel->setAvailable(reviewed, std::max(0, reviewed - m_reviewedAtLastUpdate));
    // Automatic updates only after enough new reviewed images, never on every edit.
    if (m_settings.autoFinetuneAfter > 0 && !m_finetune.isRunning() &&
        reviewed - m_reviewedAtLastUpdate >= m_settings.autoFinetuneAfter)
        QTimer::singleShot(0, this, &MainWindow::startFinetune);
}

}  // namespace cardioseg::ui
