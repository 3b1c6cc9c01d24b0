#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "analysis/function.h"

#include "dialogs.h"
#include "finetune_job.h"
#include "job_list.h"
#include "session/review_session.h"

namespace cardioseg::ui {

class FinetunePanel;
class ModelPresenter;

/// Fine-tuning between the review session and the "Model updates" panel: "Update model" on the
/// study's corrected and confirmed images in the background (a job of its own, which goes on
/// when another study opens), the outcome (a new version made active, or the current model kept
/// with the reason and "use anyway"), the study's model versions, and automatic updates after
/// enough new reviewed images.
class FinetunePresenter : public QObject {
    Q_OBJECT

public:
    /// What the presenter reads from the window.
    struct Context {
        std::function<std::shared_ptr<session::ReviewSession>()> session;
        std::function<QString()> versionsFolder;  ///< the study's model versions (empty: none)
        std::function<AppSettings()> settings;
    };

    FinetunePresenter(FinetunePanel* panel, JobList* jobs, ModelPresenter* model, Context context,
                      QObject* parent = nullptr);
    /// Closing: the run is cancelled and its end awaited (a version is never half-written).
    ~FinetunePresenter() override;

    /// Starts fine-tuning the model in use on the corrected and confirmed images; nothing while
    /// a run (or saving a version) is active.
    void start();
    void cancel();
    bool isRunning() const { return m_run.isRunning(); }
    /// Makes the last run's model, which was not better, a version and active anyway.
    void useRejected();
    /// The study's versions in the panel.
    void refreshVersions();
    /// How many reviewed images there are (and new since the last update) in the panel; starts an
    /// automatic update when enough are new.
    void updateAvailability();
    /// Another study is open: its outcome, rejected model and counts start afresh.
    void studyChanged();
    /// The study switches to another model version: the measures of the model in use on
    /// `series`, to say which of them moved once the other version has segmented it.
    void rememberMeasures(int series, const analysis::CardiacFunction& before);
    /// The model in use has segmented `series` (nothing left queued): with measures remembered
    /// for it, the panel says which moved and how far the new labels agree with the corrections
    /// (`dice`: blood pool and myocardium, NaN when unknown).
    void seriesSegmented(int series, const analysis::CardiacFunction& after, std::pair<double, double> dice);
    /// The corrected and confirmed images of the study, ready to train on.
    std::vector<training::LabelledImage> collectCorrections() const;

Q_SIGNALS:
    /// A run ended: whether a new version became active, and what happened.
    void finished(bool accepted, const QString& message);
    /// A version to make the study's model (a run's accepted model, or one used anyway).
    void versionChosen(const QString& file);
    void message(const QString& text, int timeoutMs);
    void failed(const QString& title, const QString& text);

private:
    void onFinished();
    std::shared_ptr<session::ReviewSession> session() const { return m_context.session(); }

    FinetunePanel* m_panel;
    JobList* m_jobs;
    ModelPresenter* m_model;
    Context m_context;
    QFutureWatcher<FinetuneJobResult> m_run;
    JobList::Job m_row;
    std::weak_ptr<session::ReviewSession> m_runSession;  ///< the study a running update started on
    struct VersionSave {
        QString file;   ///< the version written
        QString error;  ///< why it could not be
    };
    QFutureWatcher<VersionSave> m_versionSave;
    std::shared_ptr<engine::Model> m_rejected;  ///< a finished run that was not better, kept for "use anyway"
    training::FinetuneReport m_rejectedReport;
    QString m_rejectedParent;
    int m_reviewedAtLastUpdate = 0;
    /// The model's measures before another version became active, and their series.
    std::optional<std::pair<int, analysis::CardiacFunction>> m_measuresBefore;
};

}  // namespace cardioseg::ui
