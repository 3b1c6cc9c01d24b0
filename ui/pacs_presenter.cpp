#include "pacs_presenter.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "dicomweb/dicomweb_client.h"
#include "io/atomic_file.h"
#include "io/result_objects.h"

namespace fs = std::filesystem;

namespace cardioseg::ui {

namespace {

QString describe(const std::exception& e) { return QString::fromStdString(e.what()); }

}  // namespace

void PacsPresenter::Outcome::failedWith(const std::exception& e) {
    const auto* network = dynamic_cast<const pacs::NetworkError*>(&e);
    cancelled = network && network->kind() == pacs::NetworkError::Kind::Cancelled;
    error = describe(e);
}

PacsPresenter::PacsPresenter(JobList* jobs, Context context, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_context(std::move(context)) {
    connect(&m_verify, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_jobs->finish(m_verifyJob);
        const Outcome o = m_verify.result();
        Q_EMIT verified(m_verifyNode, o.error.isEmpty(),
                        o.error.isEmpty() ? tr("%1 answered in %2 ms").arg(m_verifyNode).arg(o.count) : o.error);
    });
    connect(&m_query, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_jobs->finish(m_queryJob);
        const Outcome o = m_query.result();
        Q_EMIT queryFinished(m_queryId, o.cancelled ? tr("cancelled") : o.error);
    });
    connect(&m_retrieve, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_jobs->finish(m_retrieveJob);
        const Outcome o = m_retrieve.result();
        const QString error = o.cancelled ? tr("cancelled (what arrived is kept: retrieving again asks for the rest)") : o.error;
        if (error.isEmpty())
            Q_EMIT message(tr("Retrieved %n image(s)", "", o.count), 10000);
        else
            Q_EMIT message(tr("Retrieval: %1").arg(error), 30000);
        if (!o.error.isEmpty() && !o.cancelled) Q_EMIT failed(tr("Retrieve from PACS"), o.error);
        if (o.evicted > 0)
            Q_EMIT message(tr("The study cache was over its limit: %n study(ies) removed, oldest first", "", o.evicted),
                           15000);
        Q_EMIT cacheChanged();
        Q_EMIT retrieveFinished(QString::fromStdString(o.studyUid), error);
    });
    connect(&m_send, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_jobs->finish(m_sendJob);
        m_sendDir.reset();
        const Outcome o = m_send.result();
        const QString error = o.cancelled ? tr("cancelled") : o.error;
        if (error.isEmpty() && o.failed.isEmpty())
            Q_EMIT message(tr("Sent %n object(s) to the PACS", "", o.count), 10000);
        else if (!o.cancelled)
            Q_EMIT failed(tr("Send to PACS"), error.isEmpty() ? tr("Not sent:\n%1").arg(o.failed.join('\n')) : error);
        Q_EMIT sendFinished(o.count, o.failed, error);
    });
}

PacsPresenter::~PacsPresenter() {
    // The job list may be gone already (a sibling in the window): cancel through the jobs' own
    // flags, which the work reads.
    for (JobList::Job* job : {&m_verifyJob, &m_queryJob, &m_retrieveJob, &m_sendJob})
        if (*job && job->cancel) job->cancel->store(true);
    for (QFutureWatcher<Outcome>* w : {&m_verify, &m_query, &m_retrieve, &m_send}) {
        w->disconnect(this);
        w->waitForFinished();
    }
    for (QFuture<Outcome>& f : m_oldQueries) f.waitForFinished();  // already cancelled
}

std::vector<pacs::Node> PacsPresenter::nodes() {
    return pacs::nodesFromJson(QSettings().value("pacs/nodes", "[]").toString().toStdString());
}

void PacsPresenter::setNodes(const std::vector<pacs::Node>& nodes) {
    QSettings s;
    s.setValue("pacs/nodes", QString::fromStdString(pacs::nodesToJson(nodes)));
    s.sync();
    // The settings hold passwords: readable by the user only.
    QFile::setPermissions(s.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

pacs::StudyCache PacsPresenter::cache() {
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/studies";
    return pacs::StudyCache(root.toStdString());
}

double PacsPresenter::cacheLimitGiB() { return QSettings().value("pacs/cacheLimitGiB", 20.0).toDouble(); }
void PacsPresenter::setCacheLimitGiB(double gib) { QSettings().setValue("pacs/cacheLimitGiB", gib); }

void PacsPresenter::verify(const pacs::Node& node) {
    if (m_verify.isRunning()) return;
    m_verifyNode = QString::fromStdString(node.label());
    m_verify.setFuture(m_jobs->run<Outcome>(
        tr("Verifying %1").arg(m_verifyNode),
        [node](const io::ProgressFn&) {
            Outcome o;
            try {
                o.count = static_cast<int>(net::makeClient(node)->echo() + 0.5);
            } catch (const std::exception& e) {
                o.failedWith(e);
            }
            return o;
        },
        &m_verifyJob));
}

void PacsPresenter::query(const pacs::Node& node, const pacs::Query& query) {
    // A running query is cancelled but not waited for (the node may be slow to answer): its
    // late matches carry its own id, which the browser ignores. Closing waits for it.
    cancelQuery();
    m_oldQueries.erase(std::remove_if(m_oldQueries.begin(), m_oldQueries.end(), [](const QFuture<Outcome>& f) { return f.isFinished(); }),
                       m_oldQueries.end());
    if (m_query.isRunning()) m_oldQueries.push_back(m_query.future());
    const int id = ++m_queryId;
    m_query.setFuture(m_jobs->run<Outcome>(
        tr("Querying %1").arg(QString::fromStdString(node.label())),
        [this, node, query, id](const io::ProgressFn& progress) {
            Outcome o;
            try {
                net::makeClient(node)->find(query, [&](const pacs::Match& m) {
                    ++o.count;
                    QMetaObject::invokeMethod(this, [this, id, m] { Q_EMIT matchFound(id, m); }, Qt::QueuedConnection);
                    return progress(0.0, {});
                });
            } catch (const std::exception& e) {
                o.failedWith(e);
            }
            o.cancelled = o.cancelled || !progress(1.0, {});
            return o;
        },
        &m_queryJob));
}

void PacsPresenter::cancelQuery() {
    if (m_queryJob && m_queryJob.cancel) m_queryJob.cancel->store(true);
}

void PacsPresenter::retrieve(const pacs::Node& node, const pacs::Match& study, const std::vector<std::string>& series,
                             bool open) {
    if (m_retrieve.isRunning()) {
        Q_EMIT message(tr("A retrieval is running: wait for it or cancel it"), 10000);
        return;
    }
    pacs::StudyCache cache = PacsPresenter::cache();
    fs::path folder;
    try {
        folder = cache.folderOf(study.studyUid);
    } catch (const std::exception& e) {
        Q_EMIT failed(tr("Retrieve from PACS"), describe(e));
        return;
    }
    // The cache is trimmed by the job too (measuring it walks every file): what must stay is
    // decided from what is open now.
    const io::WorkspacePlacement placement = m_context.placement();
    const std::string openStudy = m_context.openStudyPath().toStdString();
    const auto limit = static_cast<std::uint64_t>(cacheLimitGiB() * 1024.0 * 1024.0 * 1024.0);
    const QString title = tr("Retrieving %1").arg(QString::fromStdString(study.patientName.empty() ? study.studyUid : study.patientName));
    m_retrieve.setFuture(m_jobs->run<Outcome>(
        title,
        [this, node, study, series, open, cache, folder, placement, openStudy, limit](const io::ProgressFn& progress) mutable {
            Outcome o;
            o.studyUid = study.studyUid;
            pacs::CachedStudy entry;
            entry.studyUid = study.studyUid;
            entry.patientName = study.patientName;
            entry.patientId = study.patientId;
            entry.studyDate = study.studyDate;
            entry.description = study.studyDescription;
            entry.node = node.label();
            bool opened = false;
            try {
                io::ensureDirectory(folder);
                cache.record(entry);  // listed while it arrives
                const auto r = net::makeClient(node)->retrieve(
                    {study.studyUid, series, folder}, [&](const pacs::RetrieveProgress& p) {
                        QMetaObject::invokeMethod(
                            this, [this, p] { Q_EMIT retrievalProgress(p.received, p.expected); }, Qt::QueuedConnection);
                        if (p.seriesComplete && open && !opened) {
                            opened = true;
                            const QString f = QString::fromStdString(folder.string());
                            QMetaObject::invokeMethod(this, [this, f] { Q_EMIT studyReady(f); }, Qt::QueuedConnection);
                        }
                        return progress(p.expected > 0 ? double(p.received) / p.expected : 0.0, {});
                    });
                o.count = r.files + r.alreadyHere;
                entry.complete = true;
                entry.retrieved = std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count();
            } catch (const std::exception& e) {
                o.failedWith(e);
            }
            try {
                cache.record(entry);
                o.evicted = static_cast<int>(cache
                                                 .evict(limit,
                                                        [&](const pacs::CachedStudy& s) {
                                                            return s.studyUid == study.studyUid ||
                                                                   (!openStudy.empty() && fs::path(openStudy) == cache.folderOf(s.studyUid)) ||
                                                                   pacs::hasUnsentWork(cache, s, placement);
                                                        })
                                                 .size());
            } catch (const std::exception& e) {
                if (o.error.isEmpty()) o.error = describe(e);
            }
            return o;
        },
        &m_retrieveJob));
}

void PacsPresenter::removeCached(const std::string& studyUid) {
    try {
        cache().remove(studyUid);
    } catch (const std::exception& e) {
        Q_EMIT failed(tr("Study cache"), describe(e));
    }
    Q_EMIT cacheChanged();
}

void PacsPresenter::send(const pacs::Node& node, const SendChoice& choice) {
    if (isSending()) {
        Q_EMIT message(tr("Results are being sent: wait for it or cancel it"), 10000);
        return;
    }
    if (!m_context.results()) {
        Q_EMIT failed(tr("Send to PACS"), tr("Open a study first"));
        return;
    }
    m_sendDir = std::make_unique<QTemporaryDir>();
    if (!m_sendDir->isValid()) {
        Q_EMIT failed(tr("Send to PACS"), tr("No room for the results to send: %1").arg(m_sendDir->errorString()));
        m_sendDir.reset();
        return;
    }
    if (!choice.report) {
        startSend(node, choice, {});
        return;
    }
    const QString pdf = m_sendDir->filePath("report.pdf");
    m_pendingSend = PendingSend{node, choice, pdf};
    m_context.writeReport(pdf);
}

void PacsPresenter::reportWritten(const QString& file, const QString& error) {
    if (!m_pendingSend || file != m_pendingSend->pdf) return;
    const PendingSend p = *m_pendingSend;
    m_pendingSend.reset();
    if (!error.isEmpty()) {
        m_sendDir.reset();
        Q_EMIT sendFinished(0, {}, tr("the report could not be written: %1").arg(error));
        return;
    }
    startSend(p.node, p.choice, p.pdf);
}

void PacsPresenter::startSend(const pacs::Node& node, const SendChoice& choice, const QString& pdf) {
    const auto results = m_context.results();
    if (!results) {
        m_sendDir.reset();
        Q_EMIT sendFinished(0, {}, tr("the study was closed"));
        return;
    }
    const fs::path dir = m_sendDir->path().toStdString();
    const std::string openPath = m_context.openStudyPath().toStdString();
    m_send.setFuture(m_jobs->run<Outcome>(
        tr("Sending to %1").arg(QString::fromStdString(node.label())),
        [node, choice, pdf, dir, openPath, input = results->first, function = results->second](const io::ProgressFn& progress) {
            Outcome o;
            try {
                analysis::ExportOptions options;
                options.folder = dir;
                options.source = choice.source;
                options.png = false;
                options.dicomSeg = choice.segmentation;
                options.measurementsSr = choice.measurements;
                options.function = function;
                std::vector<fs::path> files;
                if (choice.segmentation || choice.measurements) {
                    const auto r = analysis::exportSeries(input, options, {});
                    if (!r.error.empty()) throw std::runtime_error(r.error);
                    files.assign(r.files.begin(), r.files.end());
                }
                if (!pdf.isEmpty()) {
                    io::writeEncapsulatedPdf(dir / "report.dcm", *input.series, pdf.toStdString(), "Left-ventricular function");
                    files.push_back(dir / "report.dcm");
                }
                const auto sent = net::makeClient(node)->send(files, [&](double f, const std::string& s) { return progress(f, s); });
                o.count = sent.sent;
                for (const auto& f : sent.failed)
                    o.failed << QString::fromStdString(fs::path(f.file).filename().string() + ": " + f.reason);
                // Results are safe in the PACS: the cache may let the study go.
                const std::string& study = input.series->info.studyUid;
                pacs::StudyCache c = PacsPresenter::cache();
                if (o.failed.isEmpty() && pacs::isFileSafeUid(study) && c.folderOf(study) == fs::path(openPath))
                    c.markSent(study);
            } catch (const std::exception& e) {
                o.failedWith(e);
            }
            return o;
        },
        &m_sendJob));
}

}  // namespace cardioseg::ui
