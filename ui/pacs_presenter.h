#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/series_export.h"
#include "io/study.h"
#include "job_list.h"
#include "pacs/pacs.h"
#include "pacs/study_cache.h"

namespace cardioseg::ui {

/// The hospital connection in the workstation: the configured nodes, queries (matches shown as
/// they arrive), retrieval into the local study cache (the study opens once its largest
/// series has arrived; the rest keeps coming), the cache's size limit, and sending results
/// back. Every network call runs as a job of the job list; the window never waits.
class PacsPresenter : public QObject {
    Q_OBJECT

public:
    struct Context {
        std::function<io::WorkspacePlacement()> placement;
        std::function<QString()> openStudyPath;  ///< the study on screen ("" when none)
        /// The series on screen as an export reads it, and its function options; nothing when
        /// no study is open.
        std::function<std::optional<std::pair<analysis::ExportInput, analysis::FunctionOptions>>()> results;
        /// Writes the PDF report of the series on screen to a file; reportWritten() follows.
        std::function<void(const QString& file)> writeReport;
    };
    PacsPresenter(JobList* jobs, Context context, QObject* parent = nullptr);
    /// Closing: running network jobs are cancelled and waited for (files stay whole).
    ~PacsPresenter() override;

    /// The configured nodes (settings "pacs/nodes"); passwords and tokens are stored with the
    /// settings, readable by the user only.
    static std::vector<pacs::Node> nodes();
    static void setNodes(const std::vector<pacs::Node>& nodes);
    /// The local study cache (`<data folder>/studies`) and its size limit.
    static pacs::StudyCache cache();
    static double cacheLimitGiB();
    static void setCacheLimitGiB(double gib);

    /// Verifies a node (C-ECHO or a QIDO-RS request): verified() follows.
    void verify(const pacs::Node& node);
    /// Queries a node: matchFound() for each match as it arrives, then queryFinished(). A new
    /// query cancels the one running.
    void query(const pacs::Node& node, const pacs::Query& query);
    void cancelQuery();
    bool isQuerying() const { return m_query.isRunning(); }
    /// Retrieves a study (or some of its series) into the cache; with `open`, the study opens
    /// (studyReady) as soon as its largest series has arrived.
    void retrieve(const pacs::Node& node, const pacs::Match& study, const std::vector<std::string>& series, bool open);
    bool isRetrieving() const { return m_retrieve.isRunning(); }
    /// What to send of the series on screen.
    struct SendChoice {
        bool segmentation = true;
        bool measurements = true;
        bool report = true;
        analysis::LabelSource source = analysis::LabelSource::CorrectionsElsePrediction;
    };
    /// Sends results of the series on screen to a node: sendFinished() follows.
    void send(const pacs::Node& node, const SendChoice& choice);
    bool isSending() const { return m_send.isRunning() || m_pendingSend.has_value(); }
    /// The window's report writer finished (connect to it).
    void reportWritten(const QString& file, const QString& error);
    /// Removes a study from the cache (its workspace stays).
    void removeCached(const std::string& studyUid);

Q_SIGNALS:
    void verified(const QString& node, bool ok, const QString& text);
    void matchFound(int queryId, const cardioseg::pacs::Match& match);
    void queryFinished(int queryId, const QString& error);
    void retrievalProgress(int received, int expected);
    /// The study can be opened from `folder` (its largest series is whole).
    void studyReady(const QString& folder);
    void retrieveFinished(const QString& studyUid, const QString& error);
    void sendFinished(int sent, const QStringList& failed, const QString& error);
    void cacheChanged();
    void message(const QString& text, int timeoutMs);
    void failed(const QString& title, const QString& text);

public:
    int currentQueryId() const { return m_queryId; }

private:
    struct Outcome {
        QString error;
        bool cancelled = false;
        int count = 0;          ///< matches, files received or files sent
        QStringList failed;     ///< files not sent, with their reasons
        std::string studyUid;
        int evicted = 0;        ///< studies the cache let go after a retrieval
        /// The work failed with `e` (cancelled when it is the user's cancel).
        void failedWith(const std::exception& e);
    };
    void startSend(const pacs::Node& node, const SendChoice& choice, const QString& pdf);
    JobList* m_jobs;
    Context m_context;
    QFutureWatcher<Outcome> m_verify, m_query, m_retrieve, m_send;
    JobList::Job m_verifyJob, m_queryJob, m_retrieveJob, m_sendJob;
    int m_queryId = 0;
    std::vector<QFuture<Outcome>> m_oldQueries;  ///< cancelled, perhaps still ending
    QString m_verifyNode;
    struct PendingSend {
        pacs::Node node;
        SendChoice choice;
        QString pdf;
    };
    std::optional<PendingSend> m_pendingSend;  ///< waiting for its PDF report
    std::unique_ptr<QTemporaryDir> m_sendDir;
};

}  // namespace cardioseg::ui
