#include "study_presenter.h"

#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <utility>

#include "analysis/coverage.h"
#include "engine/model.h"
#include "engine/segmenter.h"
#include "model_presenter.h"

namespace cardioseg::ui {

namespace {

constexpr int kMaxRecent = 8;

constexpr const char* kRecentKey = "recent/studies";

void addRecent(const QString& path) {
    QStringList recent = StudyPresenter::recentStudies();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent) recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

}  // namespace

QStringList StudyPresenter::recentStudies() { return QSettings().value(kRecentKey).toStringList(); }

StudyPresenter::StudyPresenter(JobList* jobs, ModelPresenter* model, Context context, QObject* parent)
    : QObject(parent),
      m_jobs(jobs),
      m_model(model),
      m_context(std::move(context)),
      m_session(std::make_shared<session::ReviewSession>(nullptr)),
      m_autosave(new QTimer(this)),
      m_lockRefresh(new QTimer(this)) {
    connect(m_lockRefresh, &QTimer::timeout, this, &StudyPresenter::refreshLock);
    m_lockRefresh->start(std::chrono::duration_cast<std::chrono::milliseconds>(io::StudyLock::kRefreshEvery));
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(1500);
    connect(m_autosave, &QTimer::timeout, this, &StudyPresenter::save);
    connect(&m_loader, &QFutureWatcher<std::shared_ptr<io::Study>>::finished, this, &StudyPresenter::onLoaded);
    connect(&m_saving, &QFutureWatcher<SaveOutcome>::finished, this, &StudyPresenter::onSaved);
    connect(&m_export, &QFutureWatcher<analysis::ExportResult>::finished, this, &StudyPresenter::onExported);
    // A study waiting to open goes on once a segmentation job of the current one has ended.
    connect(m_model, &ModelPresenter::finished, this, &StudyPresenter::startPendingOpen);
}

StudyPresenter::~StudyPresenter() {
    cancel();
    m_export.waitForFinished();
    // A save still in flight first (what it could not write is written again), then the rest.
    m_saving.waitForFinished();
    if (std::exchange(m_saveInFlight, false)) {
        const SaveOutcome r = m_saving.result();
        if (!r.error.isEmpty() && r.session.lock() == m_session) m_session->markUnsaved(r.series);
    }
    save();
    m_saving.waitForFinished();
    m_loader.waitForFinished();
}

QString StudyPresenter::workspaceFolder() const { return QString::fromStdString(m_study.workspaceFolder.string()); }

QString StudyPresenter::versionsFolder() const {
    return m_study.workspaceFolder.empty() ? QString() : QString::fromStdString((m_study.workspaceFolder / "models").string());
}

void StudyPresenter::open(const QString& path) {
    if (!QFileInfo::exists(path)) {
        Q_EMIT openFailed(tr("%1: no such file or folder").arg(path));
        return;
    }
    // Nothing waits on the GUI thread: the current study's work is cancelled, its corrections
    // saved, and the new study loads once that is done (startPendingOpen, called again as each
    // job ends). Its predictions' cache files are written atomically: they need no wait.
    cancel();
    m_pendingOpen = path;
    m_pendingOpenSaved = false;
    startPendingOpen();
}

bool StudyPresenter::isLoading() const { return m_loader.isRunning() || !m_pendingOpen.isEmpty(); }

void StudyPresenter::cancel() {
    m_pendingOpen.clear();  // a study waiting to open does not open either
    m_model->cancel();
    m_jobs->cancel(m_loadJob);
    m_jobs->cancel(m_exportJob);
}

void StudyPresenter::startPendingOpen() {
    if (m_pendingOpen.isEmpty()) return;
    // The current study's unsaved corrections are written first (once: a save that fails says
    // so and is not retried forever before the next study opens).
    if (!m_pendingOpenSaved && !m_saveInFlight) {
        m_pendingOpenSaved = true;
        save();
    }
    if (m_saveInFlight) return;  // its end calls back
    if (m_loader.isRunning() || m_model->isRunning() || m_export.isRunning()) return;  // their ends call back
    const QString path = std::exchange(m_pendingOpen, QString());
    m_model->clearQueue();
    // Its lock goes now (its corrections are written): reopening the same study takes it again.
    if (m_study.lock) m_study.lock->release();
    Q_EMIT message(tr("Loading %1…").arg(path), 0);
    const io::WorkspacePlacement placement = m_context.placement();
    m_loader.setFuture(m_jobs->run<std::shared_ptr<io::Study>>(
        tr("Loading %1").arg(QFileInfo(path).fileName()),
        [file = path.toStdString(), placement](const io::ProgressFn& progress) {
            auto study = std::make_shared<io::Study>(io::loadStudy(file, placement, progress));
            // One workstation edits a study at a time: a second one opens it read-only.
            if (!study->result.series.empty() && !study->result.cancelled && !study->workspaceFolder.empty())
                study->lock = std::make_shared<io::StudyLock>(io::StudyLock::acquire(study->workspaceFolder));
            return study;
        },
        &m_loadJob));
}

void StudyPresenter::onLoaded() {
    m_jobs->finish(m_loadJob);
    m_loadJob = {};
    if (!m_pendingOpen.isEmpty()) {  // another study was asked for meanwhile: it goes first
        if (const auto& skipped = m_loader.result(); skipped && skipped->lock) skipped->lock->release();
        startPendingOpen();
        return;
    }
    // Moved out, not copied: a copy would hold every image twice.
    io::Study loaded = std::move(*m_loader.result());
    if (loaded.result.cancelled) {
        Q_EMIT message(tr("Loading cancelled"), 5000);
        return;
    }
    if (loaded.result.series.empty()) {
        Q_EMIT openFailed(tr("No DICOM image could be read from %1 (%n file(s) skipped).", "",
                             static_cast<int>(loaded.result.skipped.size()))
                              .arg(QString::fromStdString(loaded.path.string())));
        return;
    }
    Q_EMIT aboutToOpen();
    m_study = std::move(loaded);
    // The session owns the series from here (shared read-only with background work) and the
    // corrections restored from the workspace.
    m_session = std::make_shared<session::ReviewSession>(
        std::make_shared<const session::ReviewSession::Study>(std::move(m_study.result.series)),
        std::move(m_study.work));
    m_study.result.series.clear();
    m_study.work.clear();
    m_session->setListener([this](const session::Change& c) {
        using C = session::Change;
        // A person's change: saved 1.5 s after the first unsaved one, even while editing goes on.
        if ((c.kinds & (C::Corrections | C::Review | C::Inputs)) && !m_autosave->isActive()) m_autosave->start();
        Q_EMIT changed(c);
    });
    addRecent(path());
    m_readOnly = lockMessage();
    m_session->setReadOnly(!m_readOnly.isEmpty());
    Q_EMIT message(!m_readOnly.isEmpty() ? m_readOnly : m_study.workspaceMoved
                       ? tr("The study's folder is not writable; corrections are saved under %1")
                             .arg(QString::fromStdString(m_context.placement().root.string()))
                       : tr("Loaded %n series", "", m_session->seriesCount()),
                   8000);
    Q_EMIT opened();
}

void StudyPresenter::setActiveModel(const QString& file) {
    m_study.activeModel = file.toStdString();
    m_activeDirty = true;
    if (!m_autosave->isActive()) m_autosave->start();
}

QString StudyPresenter::lockMessage() {
    using O = io::StudyLock::Outcome;
    const io::StudyLock* lock = m_study.lock.get();
    if (!lock) return {};
    const QString holder = QString::fromStdString(io::describe(lock->holder()));
    switch (lock->outcome()) {
        case O::HeldByOther:
            return tr("Read-only: another CardioSeg is editing this study (%1). Close it there to edit here.").arg(holder);
        case O::TookOverStale:
            Q_EMIT failed(tr("Study lock taken over"),
                          tr("This study was locked by a CardioSeg that is no longer running (%1). Its saved "
                             "corrections are loaded; this workstation edits the study now.")
                              .arg(holder));
            break;
        case O::Unavailable:
            Q_EMIT failed(tr("Study not locked"),
                          tr("No lock could be taken for this study (%1): another workstation could edit it at the "
                             "same time.")
                              .arg(QString::fromStdString(lock->error())));
            break;
        case O::Acquired: break;
    }
    return {};
}

void StudyPresenter::refreshLock() {
    if (m_study.lock && m_study.lock->held() && !m_study.lock->refresh())
        Q_EMIT message(tr("This study's lock file was removed or replaced: another workstation may edit it too"), 0);
}

void StudyPresenter::save() {
    m_autosave->stop();
    if (m_session->isReadOnly()) return;  // another workstation holds the study
    if ((!m_session->hasUnsaved() && !m_activeDirty) || m_study.workspaceFolder.empty()) return;
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
    SaveOutcome outcome{QString(), std::move(series), std::exchange(m_activeDirty, false), m_session};
    m_saveInFlight = true;
    m_saving.setFuture(m_jobs->run<SaveOutcome>(
        tr("Saving corrections"), JobList::Cancellable::No,
        [jobs = std::move(jobs), folder = m_study.workspaceFolder, study = m_study.path.string(),
         active = m_study.activeModel, outcome](const io::ProgressFn& progress) mutable {
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

void StudyPresenter::onSaved() {
    m_saveInFlight = false;
    const SaveOutcome r = m_saving.result();
    if (!r.error.isEmpty()) {
        // Nothing is dropped: what was not saved stays to be saved, and saving is tried again.
        Q_EMIT message(tr("Corrections NOT saved: %1").arg(r.error), 30000);
        if (r.session.lock() == m_session) {  // else another study is open now
            m_session->markUnsaved(r.series);
            m_activeDirty = m_activeDirty || r.activeModel;
            m_autosave->start();
        }
    }
    Q_EMIT saved(r.error);
    startPendingOpen();  // the new study may be this one again: read once the corrections are written
}

analysis::ExportInput StudyPresenter::exportInput(int series) const {
    analysis::ExportInput input;
    // The worker shares the series: another study may be opened while it writes.
    input.series = m_session->sharedSeries(series);
    input.prediction = m_session->prediction(series);
    const auto ranges = m_session->coverage(series);  // nothing outside the ventricle's coverage is exported
    const auto& corrections = m_session->corrections(series);
    input.corrections = ranges.empty() ? corrections : analysis::applyCoverage(corrections, ranges);
    const auto& segmenter = m_model->segmenter();
    input.algorithmName = analysis::algorithmName(segmenter ? engine::archName(segmenter->model().config()) : "",
                                                  m_model->activeModel().toStdString());
    for (const auto& [cell, state] : m_session->reviewStates(series))
        input.states[cell] = state == io::ReviewState::Confirmed ? "confirmed" : "corrected";
    return input;
}

void StudyPresenter::exportSeries(int series, const analysis::ExportOptions& options) {
    if (!m_session->hasSeries(series) || m_export.isRunning()) return;
    analysis::ExportInput input = exportInput(series);
    const QString folder = QString::fromStdString(options.folder.string());
    Q_EMIT message(tr("Exporting to %1…").arg(folder), 0);
    m_export.setFuture(m_jobs->run<analysis::ExportResult>(
        tr("Exporting to %1").arg(QFileInfo(folder).fileName()),
        [input = std::move(input), options](const io::ProgressFn& progress) {
            return analysis::exportSeries(input, options, progress);
        },
        &m_exportJob));
}

void StudyPresenter::onExported() {
    m_jobs->finish(m_exportJob);
    m_exportJob = {};
    const analysis::ExportResult r = m_export.result();
    QStringList files;
    for (const auto& f : r.files) files << QString::fromStdString(f);
    QString error = QString::fromStdString(r.error);
    if (r.cancelled && error.isEmpty()) error = tr("cancelled");
    if (error.isEmpty() && !r.warnings.empty()) {
        // Complete; the values of the source the DICOM SEG could not carry go to the log.
        for (const auto& w : r.warnings) qInfo("export: %s", w.c_str());
        Q_EMIT message(tr("Exported %n file(s)", "", files.size()) + QStringLiteral("; ") +
                           tr("the DICOM SEG left out or repaired %n invalid value(s) of the source "
                              "images (listed in the log)",
                              "", static_cast<int>(r.warnings.size())),
                       15000);
    } else if (error.isEmpty()) {
        Q_EMIT message(tr("Exported %n file(s)", "", files.size()), 10000);
    } else {
        const QString msg = tr("Export failed: %1").arg(error);
        Q_EMIT message(msg, 30000);
        if (!r.cancelled) Q_EMIT failed(tr("Export"), msg);
    }
    Q_EMIT exportFinished(files, error);
    startPendingOpen();  // a study waiting for it
}

}  // namespace cardioseg::ui
