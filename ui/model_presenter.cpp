#include "model_presenter.h"

#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <mutex>

#include "engine/model.h"
#include "io/prediction_cache.h"

namespace cardioseg::ui {

ModelPresenter::ModelPresenter(JobList* jobs, Context context, const QString& model, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_context(std::move(context)), m_activeModel(model), m_baseModel(model) {
    connect(&m_job, &QFutureWatcher<SegmentationResult>::finished, this, &ModelPresenter::onFinished);
    connect(&m_check, &QFutureWatcher<std::pair<QString, QString>>::finished, this, &ModelPresenter::onChecked);
    connect(&m_baseCheck, &QFutureWatcher<std::pair<QString, QString>>::finished, this, [this] {
        const auto [path, error] = m_baseCheck.result();
        if (path != m_baseRequest.path) return;  // another session model chosen since
        if (!error.isEmpty()) {
            m_baseRequest = {};
            const QString msg = tr("The model was not changed: %1").arg(error);
            Q_EMIT message(msg, 15000);
            Q_EMIT failed(tr("Model"), msg);
            return;
        }
        completeBase(path);
    });
}

namespace {

/// Reads a model file (any thread): the file, and why it cannot be used (empty when it can).
std::pair<QString, QString> checkModel(const QString& path) {
    try {
        engine::Model::load(path.toStdString());
        return {path, QString()};
    } catch (const std::exception& e) {
        return {path, QString::fromStdString(e.what())};
    }
}

}  // namespace

void ModelPresenter::setBaseModel(const QString& path, const std::function<void()>& onBase) {
    m_baseRequest = {path, onBase};
    activate(path, [this, path] { completeBase(path); });
}

void ModelPresenter::completeBase(const QString& path) {
    if (m_baseRequest.path != path) return;
    const auto onBase = std::move(m_baseRequest.onActive);
    m_baseRequest = {};
    m_baseModel = path;
    if (onBase) onBase();
}

ModelPresenter::~ModelPresenter() {
    // The job list may be gone already (it is a widget of the window): the job's own flag.
    m_queue.clear();
    if (m_row.cancel) m_row.cancel->store(true);
    m_job.waitForFinished();
    m_check.waitForFinished();
    m_baseCheck.waitForFinished();
    for (auto& f : m_cacheWrites) f.waitForFinished();
}

void ModelPresenter::queue(SegmentationRequest request) {
    const bool queued = std::any_of(m_queue.begin(), m_queue.end(), [&](const SegmentationRequest& q) {
        return q.series == request.series && q.cells == request.cells && q.useCache == request.useCache;
    });
    if (!queued) m_queue.push_back(std::move(request));
    startNext();
}

void ModelPresenter::cancel() {
    m_queue.clear();
    if (m_row) m_jobs->cancel(m_row);
}

void ModelPresenter::startNext() {
    // A model choice awaiting its check goes first: its answer (queued to this thread even once
    // the check's thread is done) says which model segments.
    if (m_job.isRunning() || m_queue.empty() || checking() || m_context.held()) return;
    const SegmentationRequest request = m_queue.front();
    m_queue.pop_front();
    const auto session = m_context.session();
    if (!session->hasSeries(request.series)) return;
    m_openingSlice = request.cells.empty() && request.onScreen
                         ? std::optional(std::make_pair(request.series, request.onScreen->first))
                         : std::nullopt;
    const int count = request.cells.empty() ? static_cast<int>(session->series(request.series).imageCount())
                                            : static_cast<int>(request.cells.size());
    Q_EMIT message(tr("Segmenting %n image(s) with %1…", "", count).arg(QFileInfo(m_activeModel).fileName()), 0);
    // Each image's labels go to the session on the GUI thread as soon as they are ready, unless
    // another study or model has come meanwhile.
    QPointer<ModelPresenter> self = this;
    std::weak_ptr<session::ReviewSession> target = session;
    m_jobGeneration = m_modelGeneration;
    const unsigned generation = m_modelGeneration;
    const int series = request.series;
    auto onImage = [self, target, generation, series](int slice, int phase, image::LabelMap labels, double doubt) {
        auto shared = std::make_shared<image::LabelMap>(std::move(labels));
        QMetaObject::invokeMethod(self, [self, target, generation, series, slice, phase, shared, doubt] {
            const auto s = target.lock();
            if (!self || !s || s != self->m_context.session() || generation != self->m_modelGeneration) return;
            s->setPrediction(series, {slice, phase}, std::move(*shared), doubt);
        }, Qt::QueuedConnection);
    };
    // The job holds the series: it stays alive and unchanged whatever the window opens meanwhile.
    m_job.setFuture(m_jobs->run<SegmentationResult>(
        tr("Segmenting %n image(s)", "", count),
        [segmenter = m_segmenter, path = m_activeModel, engine = m_context.engine(), s = session->sharedSeries(series),
         request, workspace = m_context.workspaceFolder(), onImage](const io::ProgressFn& progress) {
            return runSegmentation(segmenter, path, engine, *s, request, workspace, progress, onImage);
        },
        &m_row));
    Q_EMIT started(series);
}

void ModelPresenter::onFinished() {
    m_jobs->finish(m_row);
    m_row = {};
    const SegmentationResult r = m_job.result();
    const bool current = m_jobGeneration == m_modelGeneration;  // no other model or engine since it started
    if (current && r.segmenter) m_segmenter = r.segmenter;
    const auto session = m_context.session();
    if (current && session->hasSeries(r.series)) {
        if (r.images > 0 && r.error.empty()) savePredictions(r.series, r.modelKey);
        // Every image there: where the ventricle is.
        if (r.error.empty() && !r.cancelled) session->refreshCoverage(r.series);
    }
    // Waiting measures see the job end: the labels have settled.
    m_openingSlice.reset();
    if (!r.error.empty()) m_queue.clear();  // the same model would fail again
    if (!r.error.empty()) {
        const QString msg = tr("Segmentation failed: %1").arg(QString::fromStdString(r.error));
        Q_EMIT message(msg, 15000);
        Q_EMIT failed(tr("Segmentation"), msg);
    } else if (r.cancelled) {
        Q_EMIT message(tr("Segmentation cancelled; the images already segmented are kept"), 5000);
    } else if (r.images == 0 && r.cached > 0) {
        Q_EMIT message(tr("The model's labels of %n image(s) restored from the workspace", "",
                          static_cast<int>(r.cached)),
                       10000);
    } else {
        Q_EMIT message(tr("Segmented %n image(s) in %1 s (%2)", "", static_cast<int>(r.images))
                           .arg(QLocale().toString(r.seconds, 'f', 1))
                           .arg(QString::fromStdString(r.device)),
                       10000);
    }
    Q_EMIT finished(r);
    startNext();
}

void ModelPresenter::segment(Scope scope, int series, session::Cell cell) {
    const auto session = m_context.session();
    if (!session->hasSeries(series)) return;
    if (!QFileInfo::exists(m_activeModel)) {
        Q_EMIT failed(tr("Segmentation"),
                      tr("No model at %1. Choose one with Model ▸ Choose Model File…").arg(m_activeModel));
        return;
    }
    // Asked for by the user: the model runs again, whatever the workspace holds.
    switch (scope) {
        case Scope::Image: queue({series, {cell}, false, std::nullopt}); break;
        case Scope::Slice: {
            SegmentationRequest r{series, {}, false, std::nullopt};
            for (int p = 0; p < session->series(series).phases; ++p) r.cells.emplace_back(cell.first, p);
            queue(std::move(r));
            break;
        }
        case Scope::Series: queue({series, {}, false, cell}); break;
        case Scope::Study:
            for (int i = 0; i < session->seriesCount(); ++i) queue({i, {}, false, std::nullopt});
            break;
    }
}

void ModelPresenter::savePredictions(int series, const std::string& modelKey) {
    const QString folder = m_context.workspaceFolder();
    const auto session = m_context.session();
    if (folder.isEmpty() || !session->hasSeries(series)) return;
    // A copy goes to the worker; writes run one after another, the newest last.
    static std::mutex order;
    m_cacheWrites.push_back(QtConcurrent::run([folder = folder.toStdString(), series = session->sharedSeries(series),
                                               labels = session->rawPrediction(series),
                                               uncertainty = session->uncertainty(series), modelKey] {
        const std::lock_guard<std::mutex> lock(order);
        try {
            io::PredictionCache(folder).save(*series, modelKey, labels, uncertainty);
        } catch (const std::exception& e) {
            qWarning("prediction cache: %s", e.what());  // only costs a new run when the study is reopened
        }
    }));
    // Finished writes need no handle any more.
    m_cacheWrites.erase(std::remove_if(m_cacheWrites.begin(), m_cacheWrites.end(),
                                       [](const QFuture<void>& f) { return f.isFinished(); }),
                        m_cacheWrites.end());
}

void ModelPresenter::engineChanged() {
    // The running job keeps its segmenter; what it hands back is not kept.
    ++m_modelGeneration;
    m_segmenter.reset();
}

void ModelPresenter::activate(const QString& path, const std::function<void()>& onActive) {
    if (path == m_activeModel && (m_segmenter || !QFileInfo::exists(path))) {
        m_request = {};  // back to the active model: a pending check is dropped
        if (onActive) onActive();
        return;
    }
    // A choice of the session's model superseded before its check ended is checked on its own:
    // it still becomes the session's model.
    if (checking() && m_request.path == m_baseRequest.path && path != m_baseRequest.path)
        m_baseCheck.setFuture(QtConcurrent::run([base = m_baseRequest.path] { return checkModel(base); }));
    // The running job stops; the next one uses the model chosen.
    cancel();
    if (!QFileInfo::exists(path)) {
        // Nothing to check: kept as the choice, and said so when a study needs it.
        m_request = {};
        ++m_modelGeneration;  // images of the last model still on their way are not taken
        m_activeModel = path;
        m_segmenter.reset();
        if (onActive) onActive();
        Q_EMIT modelChanged(path, QString());
        return;
    }
    // Checked in the background: a model that cannot be read never replaces a working one. The
    // latest choice wins: a check still running for an earlier one is left to finish and its
    // result ignored (onChecked compares the file).
    m_request = {path, onActive};
    Q_EMIT message(tr("Loading model %1…").arg(QFileInfo(path).fileName()), 0);
    m_check.setFuture(QtConcurrent::run([path] { return checkModel(path); }));
}

void ModelPresenter::onChecked() {
    const auto [path, error] = m_check.result();
    if (path != m_request.path) {  // superseded by a later choice, already in effect
        startNext();                // it waited for this check
        return;
    }
    const auto onActive = std::move(m_request.onActive);
    m_request = {};
    if (!error.isEmpty()) {
        if (path == m_baseRequest.path) m_baseRequest = {};  // nor the session's model
        const QString msg = tr("The model was not changed: %1").arg(error);
        Q_EMIT message(msg, 15000);
        Q_EMIT failed(tr("Model"), msg);
        Q_EMIT modelChanged(m_activeModel, error);
        startNext();
        return;
    }
    ++m_modelGeneration;  // images of the last model still on their way are not taken
    m_activeModel = path;
    m_segmenter.reset();
    if (onActive) onActive();
    Q_EMIT message(tr("Model: %1").arg(QFileInfo(path).fileName()), 8000);
    Q_EMIT modelChanged(path, QString());
}

}  // namespace cardioseg::ui
