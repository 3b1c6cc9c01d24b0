// The main window's study: opening (never waiting on the GUI thread), loading, the review
// session it starts, saving corrections, recent studies and skipped files.
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

#include "finetune_panel.h"
#include "image_adapters.h"
#include "job_list.h"
#include "main_window.h"
#include "surface_view.h"

namespace cardioseg::ui {

namespace {

constexpr int kMaxRecent = 8;

/// A series thumbnail: its middle slice at the first phase, windowed, on a square.
QIcon thumbnail(const image::CineSeries& s) {
    const image::FloatImage* img = s.image(s.slices / 2, 0);
    QPixmap pix(64, 64);
    pix.fill(Qt::black);
    if (img) {
        const QImage q = toQImage(*img, io::percentileWindow(s)).scaled(64, 64, Qt::KeepAspectRatio,
                                                                        Qt::SmoothTransformation);
        QPainter p(&pix);
        p.drawImage((64 - q.width()) / 2, (64 - q.height()) / 2, q);
    }
    return QIcon(pix);
}

}  // namespace

void MainWindow::openStudy(const QString& path) {
    if (!QFileInfo::exists(path)) {
        const QString msg = tr("%1: no such file or folder").arg(path);
        if (!m_screenshotPath.isEmpty()) {
            std::fprintf(stderr, "cardioseg: %s\n", qPrintable(msg));
            QTimer::singleShot(0, qApp, [] { qApp->exit(1); });
            return;
        }
        showError(tr("Open study"), msg);
        return;
    }
    // Nothing waits on the GUI thread: the current study's work is cancelled, its corrections
    // saved, and the new study loads once that is done (startPendingOpen, called again as each
    // job ends). Its predictions' cache files are written atomically: they need no wait.
    cancelWork();
    togglePlay(false);
    m_pendingOpen = path;
    m_pendingOpenSaved = false;
    startPendingOpen();
}

void MainWindow::startPendingOpen() {
    if (m_pendingOpen.isEmpty()) return;
    // The current study's unsaved corrections are written first (once: a save that fails says
    // so and is not retried forever before the next study opens).
    if (!m_pendingOpenSaved && !m_saveInFlight) {
        m_pendingOpenSaved = true;
        saveWorkspace();
    }
    if (m_saveInFlight) return;  // its end calls back
    if (m_loader.isRunning() || m_model->isRunning() || m_export.isRunning()) return;  // their ends call back
    const QString path = std::exchange(m_pendingOpen, QString());
    m_model->clearQueue();
    statusBar()->showMessage(tr("Loading %1…").arg(path));
    const WorkspacePlacement placement{m_settings.workspaceRoot, m_settings.workspaceBesideStudy};
    m_loader.setFuture(m_jobs->run<LoadedStudy>(
        tr("Loading %1").arg(QFileInfo(path).fileName()),
        [path, placement](const io::ProgressFn& progress) { return loadStudy(path, placement, progress); }, &m_loadJob));
}

bool MainWindow::isLoading() const { return m_loader.isRunning() || !m_pendingOpen.isEmpty(); }

void MainWindow::cancelWork() {
    // The study's work; a model update goes on (it belongs to the model, not to the study).
    m_model->cancel();
    m_jobs->cancel(m_loadJob);
    m_jobs->cancel(m_exportJob);
}

void MainWindow::onStudyLoaded() {
    m_jobs->finish(m_loadJob);
    m_loadJob = {};
    if (!m_pendingOpen.isEmpty()) {  // another study was asked for meanwhile: it goes first
        startPendingOpen();
        return;
    }
    LoadedStudy loaded = m_loader.result();
    if (loaded.result.cancelled) {
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
        return;
    }
    if (loaded.result.series.empty()) {
        const QString msg = tr("No DICOM image could be read from %1 (%n file(s) skipped).", "",
                               static_cast<int>(loaded.result.skipped.size())).arg(loaded.path);
        statusBar()->showMessage(msg, 10000);
        if (!m_screenshotPath.isEmpty()) {
            std::fprintf(stderr, "cardioseg: %s\n", qPrintable(msg));
            qApp->exit(1);
            return;
        }
        showError(tr("Open study"), msg);
        return;
    }
    m_measures->clearSurfaces();  // its surfaces were the previous study's
    m_editing->reset();  // the undo history and a stroke in progress were the previous study's
    m_study = std::move(loaded);
    // The session owns the series from here (shared read-only with background work) and the
    // corrections restored from the workspace.
    m_session = std::make_shared<session::ReviewSession>(
        std::make_shared<const session::ReviewSession::Study>(std::move(m_study.result.series)),
        std::move(m_study.work));
    m_study.result.series.clear();
    m_study.work.clear();
    m_session->setListener([this](const session::Change& c) { onSessionChanged(c); });
    addRecent(m_study.path);
    setWindowTitle(tr("CardioSeg — %1").arg(QFileInfo(m_study.path).fileName()));

    const QSignalBlocker block(m_seriesList);
    m_seriesList->clear();
    for (const auto& s : *m_session->study()) {
        const QString desc = s.info.seriesDescription.empty() ? tr("(no description)")
                                                              : QString::fromStdString(s.info.seriesDescription);
        auto* item = new QListWidgetItem(thumbnail(s), tr("%1 · %2\n%3 slices × %4 phases, %5")
                                                           .arg(QString::fromStdString(s.info.patientId), desc)
                                                           .arg(s.slices).arg(s.phases)
                                                           .arg(QString::fromStdString(s.info.modality)));
        m_seriesList->addItem(item);
    }
    const std::size_t skipped = m_study.result.skipped.size();
    m_skippedButton->setVisible(skipped > 0);
    m_skippedButton->setText(tr("%n file(s) skipped…", "", static_cast<int>(skipped)));
    statusBar()->showMessage(m_study.workspaceNote.isEmpty()
                                 ? tr("Loaded %n series", "", m_session->seriesCount())
                                 : m_study.workspaceNote,
                             8000);
    m_seriesList->setCurrentRow(0);
    m_series = -1;
    // The study's own model version when it has one, else the default model.
    if (!m_study.activeModel.isEmpty() && QFileInfo::exists(m_study.activeModel)) m_model->activate(m_study.activeModel);
    else if (m_model->activeModel() != m_model->baseModel()) m_model->activate(m_model->baseModel());
    m_updates->studyChanged();
    showSeries(0);  // queues the series' segmentation when there is a model
    Q_EMIT studyShown();
    if (!QFileInfo::exists(m_model->activeModel())) {
        statusBar()->showMessage(tr("No model at %1: showing images only").arg(m_model->activeModel()), 10000);
        if (!m_screenshotPath.isEmpty()) QTimer::singleShot(400, this, &MainWindow::takeScreenshot);
    }
}

void MainWindow::onSessionChanged(const session::Change& change) {
    using C = session::Change;
    if (change.kinds & (C::Corrections | C::Review | C::Inputs)) {
        // A person's change: saved 1.5 s after the first unsaved one, even while editing goes on.
        m_updates->updateAvailability();
        if (!m_autosave->isActive()) m_autosave->start();
    }
    if (change.kinds & (C::Corrections | C::Review | C::Prediction))
        labelsChanged(change.series, change.slice, change.phase);
    if ((change.kinds & C::Inputs) && change.series == m_series) {
        m_measures->update();
        updateGrid();
        updateReviewStatus();
    }
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value("recent/studies").toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue("recent/studies", recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recent/studies").toStringList();
    for (const QString& p : recent) m_recentMenu->addAction(p, this, [this, p] { openStudy(p); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showSkipped() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Skipped files"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(static_cast<int>(m_study.result.skipped.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("File"), tr("Reason")});
    for (int i = 0; i < table->rowCount(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(m_study.result.skipped[i].file)));
        table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(m_study.result.skipped[i].reason)));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(900, 400);
    dialog.exec();
}

void MainWindow::saveWorkspace() {
    m_autosave->stop();
    if ((!m_session->hasUnsaved() && !m_activeDirty) || m_study.workspaceFolder.isEmpty()) return;
    if (m_saveInFlight) {  // one writer at a time; try again shortly
        m_autosave->start();
        return;
    }
    // The worker gets copies: editing goes on while it writes.
    std::vector<std::pair<std::shared_ptr<const image::CineSeries>, io::SeriesWork>> jobs;
    std::set<int> series;
    for (auto& [s, work] : m_session->takeUnsaved()) {
        jobs.emplace_back(m_session->sharedSeries(s), std::move(work));
        series.insert(s);
    }
    const bool activeDirty = m_activeDirty;
    m_activeDirty = false;
    const std::string folder = m_study.workspaceFolder.toStdString();
    const std::string study = m_study.path.toStdString();
    const std::string active = m_study.activeModel.toStdString();
    SaveOutcome outcome{QString(), std::move(series), activeDirty, m_session};
    m_saveInFlight = true;
    m_saving.setFuture(m_jobs->run<SaveOutcome>(
        tr("Saving corrections"), JobList::Cancellable::No,
        [jobs = std::move(jobs), folder, study, active, outcome](const io::ProgressFn& progress) mutable {
            try {
                const io::Workspace ws(folder, study);
                double done = 0;
                for (const auto& [s, work] : jobs) {
                    ws.save(*s, work);  // a series once begun is written whole (atomic files)
                    progress(++done / static_cast<double>(jobs.size() + 1), "Saving");
                }
                if (outcome.activeModel) ws.setActiveModel(active);
            } catch (const std::exception& e) {
                outcome.error = QString::fromStdString(e.what());
            }
            return outcome;
        }));
}

void MainWindow::onSaved() {
    m_saveInFlight = false;
    const SaveOutcome r = m_saving.result();
    if (!r.error.isEmpty()) {
        // Nothing is dropped: what was not saved stays to be saved, and saving is tried again.
        const QString msg = tr("Corrections NOT saved: %1").arg(r.error);
        statusBar()->showMessage(msg, 30000);
        if (r.session.lock() == m_session) {  // else another study is open now
            m_session->markUnsaved(r.series);
            m_activeDirty = m_activeDirty || r.activeModel;
            m_autosave->start();
        }
        if (m_closing) {  // the window stays open: nothing is lost without being told
            m_closing = false;
            showError(tr("Close"), msg + QStringLiteral("\n\n") +
                                       tr("The window stays open. Free some space or choose another workspace "
                                          "folder in Settings, then close it again."));
        }
    }
    if (m_closing) close();
    else startPendingOpen();  // the new study may be this one again: read once the corrections are written
}

}  // namespace cardioseg::ui
