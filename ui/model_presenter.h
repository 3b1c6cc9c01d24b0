#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "job_list.h"
#include "segmentation_job.h"
#include "session/review_session.h"

namespace cardioseg::ui {

/// The model in use and its segmentation queue, between the review session and the window:
/// which model file segments (checked in the background before it replaces a working one), the
/// queue of segmentation requests (one job at a time, each with its own row in the job list),
/// each image's labels handed to the session as they arrive, and the labels kept in the
/// workspace's prediction cache. Nothing here waits on the GUI thread.
class ModelPresenter : public QObject {
    Q_OBJECT

public:
    /// What the presenter reads from the window.
    struct Context {
        std::function<std::shared_ptr<session::ReviewSession>()> session;
        std::function<QString()> workspaceFolder;  ///< where the prediction cache is (empty: none)
        std::function<EngineSettings()> engine;
        /// Nothing starts while this holds (another study is about to open).
        std::function<bool()> held;
    };

    ModelPresenter(JobList* jobs, Context context, const QString& model, QObject* parent = nullptr);
    /// Closing: the queue is dropped, the job cancelled, and its end and the cache writes awaited
    /// (nothing half-written is left behind).
    ~ModelPresenter() override;

    /// The model file in use.
    QString activeModel() const { return m_activeModel; }
    /// The model of this session (settings, --model, a chosen file): studies without a version use it.
    QString baseModel() const { return m_baseModel; }
    /// Makes a model file the session's model once it has been read successfully (`onBase` runs
    /// then), and the model in use. A study opened meanwhile with a version of its own keeps its
    /// version in use; the file still becomes the session's model once checked.
    void setBaseModel(const QString& path, const std::function<void()>& onBase = {});
    /// Makes a model file the one in use once it has been read successfully (`onActive` runs
    /// then); the latest choice wins. The running job is cancelled: the next one uses the model.
    void activate(const QString& path, const std::function<void()>& onActive = {});
    /// A model choice is awaiting its check.
    bool checking() const { return !m_request.path.isEmpty(); }
    /// The segmenter of the model in use (null until a job created it).
    const std::shared_ptr<engine::Segmenter>& segmenter() const { return m_segmenter; }
    /// The device or threads changed: the next job creates a segmenter with them.
    void engineChanged();

    /// Which images "segment" runs on.
    enum class Scope { Image, Slice, Series, Study };
    /// Segments the image `cell` of `series`, its slice (all phases), the series from that image
    /// on, or every series of the study, whatever the workspace holds (asked for by the user).
    void segment(Scope scope, int series, session::Cell cell);
    /// Queues a request (the same request twice is queued once) and starts it when nothing runs.
    void queue(SegmentationRequest request);
    /// Starts the next request when nothing runs and nothing holds it back.
    void startNext();
    /// Drops the queue and cancels the running job (its images already done are kept).
    void cancel();
    void clearQueue() { m_queue.clear(); }
    bool isSegmenting() const { return isRunning() || !m_queue.empty(); }
    bool isRunning() const { return m_job.isRunning(); }
    bool queueEmpty() const { return m_queue.empty(); }
    /// Series and slice the running job segments in the opening order from
    /// (session::openingFirstStage); nothing for other jobs.
    const std::optional<std::pair<int, int>>& openingSlice() const { return m_openingSlice; }

Q_SIGNALS:
    /// A job started on `series`.
    void started(int series);
    /// A job ended (its segmenter kept, its labels cached and the coverage found when whole).
    void finished(const SegmentationResult& result);
    /// The model file in use changed (after its check), or could not be read (error).
    void modelChanged(const QString& path, const QString& error);
    void message(const QString& text, int timeoutMs);
    /// Something the user should see in a dialog.
    void failed(const QString& title, const QString& text);

private:
    void onFinished();
    void onChecked();
    /// Keeps the model's labels of a series in the study's workspace (in the background).
    void savePredictions(int series, const std::string& modelKey);

    JobList* m_jobs;
    Context m_context;
    QString m_activeModel;
    QString m_baseModel;
    std::shared_ptr<engine::Segmenter> m_segmenter;
    /// Counts model and engine changes: a job started before one hands back its images and
    /// segmenter for nothing.
    unsigned m_modelGeneration = 0;
    unsigned m_jobGeneration = 0;  ///< m_modelGeneration when the running job started
    QFutureWatcher<SegmentationResult> m_job;
    JobList::Job m_row;
    std::deque<SegmentationRequest> m_queue;
    std::optional<std::pair<int, int>> m_openingSlice;
    /// Reads the chosen model file in the background: (the file, why it cannot be used).
    QFutureWatcher<std::pair<QString, QString>> m_check;
    struct Request {
        QString path;
        std::function<void()> onActive;
    };
    Request m_request;  ///< the model choice awaiting its check (the latest one)
    Request m_baseRequest;  ///< the session's model awaiting its check
    /// Checks the session's model on its own once another choice superseded its activation.
    QFutureWatcher<std::pair<QString, QString>> m_baseCheck;
    void completeBase(const QString& path);
    std::vector<QFuture<void>> m_cacheWrites;
};

}  // namespace cardioseg::ui
