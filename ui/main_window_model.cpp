// The main window's model: segmentation jobs (queued, results shown as they arrive), the model
// file, settings, and export.
#include <QFileDialog>
#include <QFileInfo>
#include <QScopeGuard>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "analysis/coverage.h"
#include "engine/model.h"
#include "engine/segmenter.h"
#include "finetune_panel.h"
#include "function_panel.h"
#include "image_adapters.h"
#include "job_list.h"
#include "io/prediction_cache.h"
#include "io/resources.h"
#include "main_window.h"
#include "metrics_panel.h"

namespace cardioseg::ui {

void MainWindow::buildModelMenu() {
    QMenu* model = menuBar()->addMenu(tr("&Model"));
    model->setObjectName("modelMenu");
    model->addAction(tr("Segment This &Image"), QKeySequence(Qt::Key_R), this, [this] { segment(Scope::Image); });
    model->addAction(tr("Segment This &Slice (All Phases)"), QKeySequence(Qt::SHIFT | Qt::Key_R), this,
                     [this] { segment(Scope::Slice); });
    model->addAction(tr("Segment This S&eries"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                     [this] { segment(Scope::Series); });
    model->addAction(tr("Segment the Whole S&tudy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this,
                     [this] { segment(Scope::Study); });
    model->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, [this] {
        if (isSegmenting() || isExporting() || isLoading()) cancelWork();
    });
    model->addSeparator();
    model->addAction(tr("Choose Model &File…"), this, &MainWindow::chooseModelFile);
    model->addAction(tr("Use the &Default Model"), this,
                     [this] { setModelPath(QString::fromStdString(io::defaultModelPath().string())); });
}

void MainWindow::segment(Scope scope) {
    if (m_series < 0) return;
    if (!QFileInfo::exists(m_activeModel)) {
        showError(tr("Segmentation"), tr("No model at %1. Choose one with Model ▸ Choose Model File…")
                                          .arg(m_activeModel));
        return;
    }
    const auto& s = m_session->series(m_series);
    // Asked for by the user: the model runs again, whatever the workspace holds.
    switch (scope) {
        case Scope::Image: queueSegmentation({m_series, {{currentSlice(), currentPhase()}}, false, std::nullopt}); break;
        case Scope::Slice: {
            SegmentationRequest r{m_series, {}, false, std::nullopt};
            for (int p = 0; p < s.phases; ++p) r.cells.emplace_back(currentSlice(), p);
            queueSegmentation(std::move(r));
            break;
        }
        case Scope::Series:
            queueSegmentation({m_series, {}, false, std::make_pair(currentSlice(), currentPhase())});
            break;
        case Scope::Study:
            for (int i = 0; i < m_session->seriesCount(); ++i) queueSegmentation({i, {}, false, std::nullopt});
            break;
    }
}

void MainWindow::queueSegmentation(SegmentationRequest request) {
    bool queued = false;  // asked already?
    for (const auto& q : m_segmentQueue)
        queued = queued || (q.series == request.series && q.cells == request.cells && q.useCache == request.useCache);
    if (!queued) m_segmentQueue.push_back(std::move(request));
    startNextSegmentation();
}

void MainWindow::startNextSegmentation() {
    // A model choice awaiting its check goes first: its answer (queued to this thread even once
    // the check's thread is done) says which model segments.
    if (m_segmentation.isRunning() || m_segmentQueue.empty() || !m_modelRequest.path.isEmpty() ||
        !m_pendingOpen.isEmpty())
        return;
    const SegmentationRequest request = m_segmentQueue.front();
    m_segmentQueue.pop_front();
    if (request.series < 0 || request.series >= m_session->seriesCount()) return;
    m_openingSlice = request.cells.empty() && request.onScreen
                         ? std::optional(std::make_pair(request.series, request.onScreen->first))
                         : std::nullopt;
    const int count = request.cells.empty() ? m_session->series(request.series).imageCount()
                                            : static_cast<int>(request.cells.size());
    m_segmentJob = m_jobs->start(tr("Segmenting %n image(s)", "", count));
    statusBar()->showMessage(
        tr("Segmenting %n image(s) with %1…", "", count).arg(QFileInfo(m_activeModel).fileName()));
    auto progress = m_jobs->reporter(m_segmentJob);
    // Each image's labels go to the GUI thread as soon as they are ready.
    QPointer<MainWindow> self = this;
    const unsigned generation = m_generation;
    const int series = request.series;
    auto onImage = [self, generation, series](int slice, int phase, image::LabelMap labels, double uncertainty) {
        auto shared = std::make_shared<image::LabelMap>(std::move(labels));
        QMetaObject::invokeMethod(self, [self, generation, series, slice, phase, shared, uncertainty] {
            if (!self || self->m_generation != generation) return;
            self->m_session->setPrediction(series, {slice, phase}, std::move(*shared), uncertainty);
        }, Qt::QueuedConnection);
    };
    // The job holds the series: it stays alive and unchanged whatever the window opens meanwhile.
    std::shared_ptr<const image::CineSeries> s = m_session->sharedSeries(series);
    m_segmentation.setFuture(QtConcurrent::run([segmenter = m_segmenter, path = m_activeModel,
                                                engine = m_settings.engine, s, request,
                                                workspace = m_study.workspaceFolder, progress, onImage] {
        return runSegmentation(segmenter, path, engine, *s, request, workspace, progress, onImage);
    }));
    if (series == m_series) updateFunction();  // measures wait for the images they need
}

void MainWindow::savePredictions(int series, const std::string& modelKey) {
    if (m_study.workspaceFolder.isEmpty() || !m_session->hasSeries(series)) return;
    // A copy goes to the worker; saves run one after another, the newest last.
    static std::mutex order;
    m_predictionSaves.push_back(QtConcurrent::run([folder = m_study.workspaceFolder.toStdString(),
                                                   series = m_session->sharedSeries(series),
                                                   labels = m_session->rawPrediction(series),
                                                   uncertainty = m_session->uncertainty(series), modelKey] {
        const std::lock_guard<std::mutex> lock(order);
        try {
            io::PredictionCache(folder).save(*series, modelKey, labels, uncertainty);
        } catch (const std::exception& e) {
            qWarning("prediction cache: %s", e.what());  // only costs a new run when the study is reopened
        }
    }));
    // Finished saves need no handle any more.
    m_predictionSaves.erase(std::remove_if(m_predictionSaves.begin(), m_predictionSaves.end(),
                                           [](const QFuture<void>& f) { return f.isFinished(); }),
                            m_predictionSaves.end());
}

void MainWindow::onSegmentationFinished() {
    m_jobs->finish(m_segmentJob);
    m_segmentJob = {};
    const auto resume = qScopeGuard([this] { startPendingOpen(); });  // a study waiting for it
    SegmentationResult r = m_segmentation.result();
    if (r.segmenter) m_segmenter = r.segmenter;
    if (r.images > 0 && r.error.empty()) savePredictions(r.series, r.modelKey);
    if (r.error.empty() && !r.cancelled && m_session->hasSeries(r.series)) m_session->refreshCoverage(r.series);  // every image there: where the ventricle is
    // The function panel waits for arriving labels to settle; when the job ends they have.
    m_openingSlice.reset();
    m_functionTimer->stop();
    updateFunction();
    if (!r.error.empty()) {
        m_segmentQueue.clear();  // the same model would fail again
        const QString msg = tr("Segmentation failed: %1").arg(QString::fromStdString(r.error));
        statusBar()->showMessage(msg, 15000);
        if (m_screenshotPath.isEmpty()) showError(tr("Segmentation"), msg);
    } else if (r.cancelled) {
        statusBar()->showMessage(tr("Segmentation cancelled; the images already segmented are kept"), 5000);
    } else if (r.images == 0 && r.cached > 0) {
        statusBar()->showMessage(tr("The model's labels of %n image(s) restored from the workspace", "",
                                    static_cast<int>(r.cached)),
                                 10000);
    } else {
        statusBar()->showMessage(tr("Segmented %n image(s) in %1 s (%2)", "", static_cast<int>(r.images))
                                     .arg(QLocale().toString(r.seconds, 'f', 1))
                                     .arg(QString::fromStdString(r.device)),
                                 10000);
    }
    if (m_measuresBeforeUpdate && r.series == m_measuresSeries && r.series == m_series && r.error.empty() &&
        !r.cancelled && m_segmentQueue.empty()) {
        // A fine-tuned model became active and has now segmented the series: what moved, and how
        // far its labels agree with the corrections it learned from.
        QString text = describeMeasureChanges(*m_measuresBeforeUpdate, m_function[0]);
        const double bp = m_metrics->chartValue(2, 0), myo = m_metrics->chartValue(2, 1);
        if (!std::isnan(bp))
            text += QLatin1Char(' ') +
                    tr("On the corrected images the new model's labels agree with the corrections by Dice %1 "
                       "(blood pool) and %2 (myocardium).")
                        .arg(QLocale().toString(bp, 'f', 3),
                             std::isnan(myo) ? QStringLiteral("–") : QLocale().toString(myo, 'f', 3));
        m_finetunePanel->showMeasureChanges(text);
        m_measuresBeforeUpdate.reset();
    }
    Q_EMIT segmentationFinished(r.series);
    if (!m_segmentQueue.empty()) {
        startNextSegmentation();
        return;
    }
    if (!m_screenshotPath.isEmpty()) QTimer::singleShot(300, this, &MainWindow::takeScreenshot);
}

void MainWindow::setModelPath(const QString& path, bool remember) {
    activateModel(path, [this, path, remember] {
        m_baseModel = path;
        if (remember && path != m_settings.modelPath) {
            m_settings.modelPath = path;
            m_settings.save();
        }
        refreshVersions();
    });
}

void MainWindow::activateModel(const QString& path, const std::function<void()>& onActive) {
    if (path == m_activeModel && (m_segmenter || !QFileInfo::exists(path))) {
        m_modelRequest = {};  // back to the active model: a pending check is dropped
        if (onActive) onActive();
        return;
    }
    m_segmentQueue.clear();
    m_jobs->cancel(m_segmentJob);
    m_segmentation.waitForFinished();
    // The latest choice wins: a check still running for an earlier one is left to finish and
    // its result ignored (onModelChecked compares the file).
    m_modelRequest = {path, onActive};
    if (!QFileInfo::exists(path)) {
        // Nothing to check: kept as the choice, and said so when a study needs it.
        m_modelRequest = {};
        m_activeModel = path;
        m_segmenter.reset();
        if (onActive) onActive();
        Q_EMIT modelChanged(path, QString());
        return;
    }
    // Checked in the background: a model that cannot be read never replaces a working one.
    statusBar()->showMessage(tr("Loading model %1…").arg(QFileInfo(path).fileName()));
    connect(&m_modelCheck, &QFutureWatcher<std::pair<QString, QString>>::finished, this, &MainWindow::onModelChecked,
            Qt::UniqueConnection);
    m_modelCheck.setFuture(QtConcurrent::run([path] {
        try {
            engine::Model::load(path.toStdString());
            return std::make_pair(path, QString());
        } catch (const std::exception& e) {
            return std::make_pair(path, QString::fromStdString(e.what()));
        }
    }));
}

void MainWindow::onModelChecked() {
    const auto [path, error] = m_modelCheck.result();
    if (path != m_modelRequest.path) {  // superseded by a later choice, already in effect
        startNextSegmentation();            // it waited for this check
        return;
    }
    const auto onActive = std::move(m_modelRequest.onActive);
    m_modelRequest = {};
    if (!error.isEmpty()) {
        const QString msg = tr("The model was not changed: %1").arg(error);
        statusBar()->showMessage(msg, 15000);
        if (m_screenshotPath.isEmpty() && isVisible()) showError(tr("Model"), msg);
        Q_EMIT modelChanged(m_activeModel, error);
        startNextSegmentation();
        return;
    }
    m_activeModel = path;
    m_segmenter.reset();
    if (onActive) onActive();
    statusBar()->showMessage(tr("Model: %1").arg(QFileInfo(path).fileName()), 8000);
    refreshVersions();
    Q_EMIT modelChanged(path, QString());
    if (m_series >= 0)  // the new model's view of this series, from the image on screen
        queueSegmentation({m_series, {}, true, std::make_pair(currentSlice(), currentPhase())});
}

void MainWindow::chooseModelFile() {
    const QString f = QFileDialog::getOpenFileName(this, tr("Choose a model file"), QFileInfo(m_activeModel).path(),
                                                   tr("CardioSeg models (*.pt);;All files (*)"));
    if (!f.isEmpty()) setModelPath(f);
}

void MainWindow::applySettings(const AppSettings& settings) {
    const bool engineChanged =
        settings.engine.device != m_settings.engine.device || settings.engine.threads != m_settings.engine.threads;
    const QString model = settings.modelPath;
    const QString oldModel = m_settings.modelPath;
    m_settings = settings;
    m_settings.modelPath = oldModel;  // changes only once checked (setModelPath)
    m_settings.save();
    setLabelColors(settings.bloodPool, settings.myocardium);
    if (engineChanged) {
        m_segmentation.waitForFinished();
        m_segmenter.reset();  // the next job creates one with the new device and threads
    }
    if (model != oldModel) setModelPath(model, true);
    updateImage();
}

void MainWindow::showSettingsDialog() {
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted) applySettings(dialog.settings());
}

bool MainWindow::isExporting() const { return m_export.isRunning(); }

void MainWindow::exportSeries(const analysis::ExportOptions& options) {
    if (m_series < 0 || m_export.isRunning()) return;
    analysis::ExportInput input;
    // The worker shares the series: another study may be opened while it writes.
    input.series = m_session->sharedSeries(m_series);
    input.prediction = prediction(m_series);
    const auto ranges = coverage(m_series);  // nothing outside the ventricle's coverage is exported
    input.corrections = ranges.empty() ? corrections(m_series) : analysis::applyCoverage(corrections(m_series), ranges);
    input.algorithmName = analysis::algorithmName(m_segmenter ? engine::archName(m_segmenter->model().config()) : "",
                                                  m_activeModel.toStdString());
    for (const auto& [cell, state] : m_session->reviewStates(m_series))
        input.states[cell] = state == io::ReviewState::Confirmed ? "confirmed" : "corrected";
    const QString folder = QString::fromStdString(options.folder.string());
    m_exportJob = m_jobs->start(tr("Exporting to %1").arg(QFileInfo(folder).fileName()));
    statusBar()->showMessage(tr("Exporting to %1…").arg(folder));
    auto progress = m_jobs->reporter(m_exportJob);
    m_export.setFuture(QtConcurrent::run([input = std::move(input), options, progress] {
        return analysis::exportSeries(input, options, progress);
    }));
}

void MainWindow::showExportDialog() {
    if (m_series < 0) {
        statusBar()->showMessage(tr("Open a study first"), 5000);
        return;
    }
    ExportDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) exportSeries(dialog.options());
}

}  // namespace cardioseg::ui
