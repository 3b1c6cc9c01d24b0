#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <set>

#include "analysis/series_export.h"
#include "io/study.h"
#include "job_list.h"
#include "session/review_session.h"

class QTimer;

namespace cardioseg::ui {

class ModelPresenter;

/// The study under review and its life: opening (never waiting on the GUI thread: the current
/// study's work is cancelled and its corrections written first), loading in the background,
/// the review session it starts, saving corrections shortly after each change, the study's
/// model version, and exports.
class StudyPresenter : public QObject {
    Q_OBJECT

public:
    struct Context {
        std::function<io::WorkspacePlacement()> placement;
    };

    StudyPresenter(JobList* jobs, ModelPresenter* model, Context context, QObject* parent = nullptr);
    /// Closing: a load or export running is cancelled and awaited, the corrections written.
    ~StudyPresenter() override;

    /// Opens a study folder or file once the current study's work has stopped and its
    /// corrections are written; `opened` tells when it is shown, `openFailed` why it could not be.
    void open(const QString& path);
    /// The studies opened last, most recent first (kept in the settings).
    static QStringList recentStudies();
    /// Loading, or a study waiting to load.
    bool isLoading() const;
    /// Another study was asked for: the current one's work must not start anything new.
    bool hasPendingOpen() const { return !m_pendingOpen.isEmpty(); }
    /// Cancels the study's work (loading, segmentation, export) and a study waiting to open; a
    /// model update goes on.
    void cancel();

    /// The review of the open study (never null: an empty study before the first opens).
    const std::shared_ptr<session::ReviewSession>& session() const { return m_session; }
    /// The study as loaded: path, workspace, expert labels, skipped files (its series are the
    /// session's).
    const io::Study& study() const { return m_study; }
    QString path() const { return QString::fromStdString(m_study.path.string()); }
    QString workspaceFolder() const;
    /// The study's model versions (empty without a workspace).
    QString versionsFolder() const;

    /// Writes pending corrections to the workspace now (also done 1.5 s after each change).
    void save();
    /// Why the open study cannot be edited here (another workstation holds its lock); empty
    /// when it can.
    const QString& readOnlyReason() const { return m_readOnly; }
    /// A save is running or its outcome not yet handled.
    bool isSaving() const { return m_saveInFlight; }
    /// The study uses this model file from now on (empty: the session's model), remembered in
    /// its workspace.
    void setActiveModel(const QString& file);
    QString activeModel() const { return QString::fromStdString(m_study.activeModel); }

    /// Exports a series in the background (the model's labels, the corrections within the
    /// ventricle's coverage, the review states); `exportFinished` tells the outcome.
    void exportSeries(int series, const analysis::ExportOptions& options);
    /// What an export of a series reads: its labels (corrections within the ventricle's
    /// coverage), review states and the model's name; the series shared, not copied.
    analysis::ExportInput exportInput(int series) const;
    bool isExporting() const { return m_export.isRunning(); }

Q_SIGNALS:
    /// Another study is about to replace the open one.
    void aboutToOpen();
    /// A study was loaded: the session and study are the new ones.
    void opened();
    /// A study could not be opened (no such file, no image in it).
    void openFailed(const QString& message);
    /// What the session says changed (each edit, prediction, input).
    void changed(const session::Change& change);
    /// A save ended (error empty: written).
    void saved(const QString& error);
    /// An export ended: the files written, or the error (file and reason).
    void exportFinished(const QStringList& files, const QString& error);
    void message(const QString& text, int timeoutMs);
    /// Something the user should see in a dialog.
    void failed(const QString& title, const QString& text);

private:
    /// Starts loading the study asked for once nothing of the current one runs (called again
    /// as each of its jobs ends).
    void startPendingOpen();
    void onLoaded();
    void onSaved();
    void onExported();
    /// Says what the study's lock means (read-only, a stale lock taken over, none possible);
    /// returns the read-only reason.
    QString lockMessage();
    /// Keeps the lock alive for other hosts.
    void refreshLock();

    JobList* m_jobs;
    ModelPresenter* m_model;
    Context m_context;
    io::Study m_study;  ///< its series moved to the session
    std::shared_ptr<session::ReviewSession> m_session;
    QFutureWatcher<std::shared_ptr<io::Study>> m_loader;  ///< shared: its images are moved out, never copied
    JobList::Job m_loadJob, m_exportJob;  ///< running jobs (empty when none)
    QString m_pendingOpen;            ///< a study asked for, waiting for the current one's work to stop
    bool m_pendingOpenSaved = false;  ///< the current study's corrections were saved for it
    bool m_activeDirty = false;       ///< the study's active model is to be recorded in its workspace
    QTimer* m_autosave;
    QTimer* m_lockRefresh;
    QString m_readOnly;  ///< why the study is read-only here (empty: editable)
    /// What a save wrote, or why it could not (then its series are unsaved again).
    struct SaveOutcome {
        QString error;
        std::set<int> series;
        bool activeModel = false;  ///< the study's active model was among it
        std::weak_ptr<session::ReviewSession> session;
    };
    QFutureWatcher<SaveOutcome> m_saving;
    /// A save is running or its outcome not yet handled (until then its failure could still put
    /// its series back: nothing may close or start another save as if it were done).
    bool m_saveInFlight = false;
    QFutureWatcher<analysis::ExportResult> m_export;
};

}  // namespace cardioseg::ui
