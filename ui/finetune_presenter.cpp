#include "finetune_presenter.h"

#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <thread>

#include "finetune_panel.h"
#include "function_panel.h"
#include "model_presenter.h"
#include "session/thread_policy.h"

namespace cardioseg::ui {

FinetunePresenter::FinetunePresenter(FinetunePanel* panel, JobList* jobs, ModelPresenter* model, Context context,
                                     QObject* parent)
    : QObject(parent), m_panel(panel), m_jobs(jobs), m_model(model), m_context(std::move(context)) {
    connect(m_panel, &FinetunePanel::updateRequested, this, &FinetunePresenter::start);
    connect(m_panel, &FinetunePanel::cancelRequested, this, &FinetunePresenter::cancel);
    connect(m_panel, &FinetunePanel::useAnywayRequested, this, &FinetunePresenter::useRejected);
    connect(&m_run, &QFutureWatcher<FinetuneJobResult>::finished, this, &FinetunePresenter::onFinished);
    connect(&m_versionSave, &QFutureWatcher<VersionSave>::finished, this, [this] {
        const auto [file, error] = m_versionSave.result();
        if (!error.isEmpty()) Q_EMIT failed(tr("Update model"), tr("The model could not be saved: %1").arg(error));
        else Q_EMIT versionChosen(file);
        refreshVersions();
    });
}

FinetunePresenter::~FinetunePresenter() {
    // The job list may be gone already (a widget of the window): the job's own flag.
    if (m_row.cancel) m_row.cancel->store(true);
    m_run.waitForFinished();
    m_versionSave.waitForFinished();
}

std::vector<training::LabelledImage> FinetunePresenter::collectCorrections() const {
    const auto s = session();
    std::vector<training::LabelledImage> out;
    for (const auto& r : s->reviewedImages())
        out.push_back(training::labelledImage(s->series(r.series), r.cell.first, r.cell.second, *r.labels));
    return out;
}

void FinetunePresenter::start() {
    if (m_run.isRunning() || m_versionSave.isRunning()) return;
    if (session()->isReadOnly()) {  // its versions belong to the workstation that holds the study
        Q_EMIT message(tr("Read-only: the model is updated by the workstation that holds this study"), 8000);
        return;
    }
    const QString base = m_model->activeModel();
    if (!QFileInfo::exists(base)) {
        Q_EMIT failed(tr("Update model"), tr("No model at %1 to start from.").arg(base));
        return;
    }
    auto corrections = collectCorrections();
    if (corrections.empty()) {
        Q_EMIT message(tr("Correct or confirm images first: the model learns from them"), 8000);
        return;
    }
    m_rejected.reset();
    m_reviewedAtLastUpdate = static_cast<int>(corrections.size());
    m_runSession = session();
    const AppSettings settings = m_context.settings();
    training::FinetuneOptions o;
    o.seconds = settings.finetuneSeconds;
    o.device = engine::parseDevice(settings.engine.device.toStdString());
    // Every core: the run has background priority (session::runInBackground), so the
    // interface takes a core back the moment it needs one and the run has them all otherwise.
    o.threads = settings.engine.threads > 0 ? settings.engine.threads
                                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_panel->setRunning(true);
    Q_EMIT message(tr("Updating the model from %n reviewed image(s) in the background…", "",
                      static_cast<int>(corrections.size())),
                   8000);
    // Progress reaches the panel through the event queue, at most a few times a second. Its row
    // in the job list follows the training steps (the panel's Cancel and the row's are one).
    QPointer<FinetunePanel> panel = m_panel;
    const double budget = o.seconds;
    m_run.setFuture(m_jobs->run<FinetuneJobResult>(
        tr("Updating the model"),
        [panel, budget, base, corrections = std::move(corrections), o,
         folder = m_context.versionsFolder()](const io::ProgressFn& row) {
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
        &m_row));
}

void FinetunePresenter::cancel() { m_jobs->cancel(m_row); }

void FinetunePresenter::onFinished() {
    m_row = {};
    m_panel->setRunning(false);
    const FinetuneJobResult r = m_run.result();
    const bool sameStudy = m_runSession.lock() == session();
    QString text;
    bool accepted = false;
    if (!r.error.empty()) {
        text = tr("The model was not updated: %1").arg(QString::fromStdString(r.error));
    } else if (!r.candidate) {
        // Cancelled, diverged or out of memory: the active model is untouched.
        text = tr("The model was not updated: %1").arg(QString::fromStdString(r.report.outcome.message));
    } else if (r.saved) {
        accepted = true;
        if (!sameStudy) {  // another study is open now: it keeps its model
            text = tr("The model of the previous study was updated (%1)").arg(QString::fromStdString(r.saved->id));
            Q_EMIT message(text, 15000);
            Q_EMIT finished(true, text);
            return;
        }
        text = tr("New model %1 is active (%2 training steps of %3 images in %4 s). %5")
                   .arg(QString::fromStdString(r.saved->id))
                   .arg(r.report.outcome.iterations)
                   .arg(r.report.batch)
                   .arg(QLocale().toString(r.report.seconds, 'f', 0))
                   .arg(decisionText(r.report, training::FinetuneOptions().forgetTolerance));
        Q_EMIT versionChosen(QString::fromStdString(r.saved->file));
    } else {
        if (sameStudy) {
            m_rejected = r.candidate;
            m_rejectedReport = r.report;
            m_rejectedParent = QFileInfo(m_model->activeModel()).fileName();
        }
        text = tr("The current model stays active (%1 training steps of %2 images in %3 s): %4")
                   .arg(r.report.outcome.iterations)
                   .arg(r.report.batch)
                   .arg(QLocale().toString(r.report.seconds, 'f', 0))
                   .arg(decisionText(r.report, training::FinetuneOptions().forgetTolerance));
    }
    m_panel->showOutcome(text, static_cast<bool>(m_rejected));
    Q_EMIT message(text, 15000);
    refreshVersions();
    Q_EMIT finished(accepted, text);
}

void FinetunePresenter::useRejected() {
    if (!m_rejected || m_versionSave.isRunning()) return;
    auto model = m_rejected;
    m_rejected.reset();
    m_versionSave.setFuture(m_jobs->run<VersionSave>(
        tr("Saving the model version"), JobList::Cancellable::No,
        [model, report = m_rejectedReport, folder = m_context.versionsFolder(),
         parent = m_rejectedParent](const io::ProgressFn&) {
            try {
                const auto saved = saveVersion(*model, report, folder, parent, report.decision + "; made active by the user");
                return VersionSave{QString::fromStdString(saved.file), QString()};
            } catch (const std::exception& e) {
                return VersionSave{QString(), QString::fromStdString(e.what())};
            }
        }));
}

void FinetunePresenter::refreshVersions() {
    std::vector<io::ModelVersion> versions;
    const QString folder = m_context.versionsFolder();
    if (!folder.isEmpty()) {
        try {
            versions = io::ModelVersions(folder.toStdString()).list();
        } catch (const std::exception& e) {
            Q_EMIT message(QString::fromStdString(e.what()), 10000);
        }
    }
    m_panel->setVersions(versions, m_model->baseModel(), m_model->activeModel());
    updateAvailability();
}

void FinetunePresenter::updateAvailability() {
    const int reviewed = session()->reviewedImageCount();
    m_panel->setAvailable(reviewed, std::max(0, reviewed - m_reviewedAtLastUpdate));
    // Automatic updates only after enough new reviewed images, never on every edit.
    const int after = m_context.settings().autoFinetuneAfter;
    if (after > 0 && !m_run.isRunning() && reviewed - m_reviewedAtLastUpdate >= after)
        QTimer::singleShot(0, this, &FinetunePresenter::start);
}

void FinetunePresenter::studyChanged() {
    m_measuresBefore.reset();
    m_rejected.reset();
    m_panel->showOutcome(QString(), false);
    m_reviewedAtLastUpdate = session()->reviewedImageCount();
    refreshVersions();
}

void FinetunePresenter::rememberMeasures(int series, const analysis::CardiacFunction& before) {
    m_measuresBefore = std::make_pair(series, before);
}

void FinetunePresenter::seriesSegmented(int series, const analysis::CardiacFunction& after,
                                        std::pair<double, double> dice) {
    if (!m_measuresBefore || m_measuresBefore->first != series) return;
    // A fine-tuned model became active and has now segmented the series: what moved, and how
    // far its labels agree with the corrections it learned from.
    QString text = describeMeasureChanges(m_measuresBefore->second, after);
    const auto [bp, myo] = dice;
    if (!std::isnan(bp))
        text += QLatin1Char(' ') +
                tr("On the corrected images the new model's labels agree with the corrections by Dice %1 "
                   "(blood pool) and %2 (myocardium).")
                    .arg(QLocale().toString(bp, 'f', 3),
                         std::isnan(myo) ? QStringLiteral("–") : QLocale().toString(myo, 'f', 3));
    m_panel->showMeasureChanges(text);
    m_measuresBefore.reset();
}

}  // namespace cardioseg::ui
