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
    QMenu* model = m_modelMenu = menuBar()->addMenu(tr("&Model"));
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
    if (!QFileInfo::exists(m_model->activeModel())) {
        showError(tr("Segmentation"), tr("No model at %1. Choose one with Model ▸ Choose Model File…")
                                          .arg(m_model->activeModel()));
        return;
    }
    const auto& s = m_session->series(m_series);
    // Asked for by the user: the model runs again, whatever the workspace holds.
    switch (scope) {
        case Scope::Image: m_model->queue({m_series, {{currentSlice(), currentPhase()}}, false, std::nullopt}); break;
        case Scope::Slice: {
            SegmentationRequest r{m_series, {}, false, std::nullopt};
            for (int p = 0; p < s.phases; ++p) r.cells.emplace_back(currentSlice(), p);
            m_model->queue(std::move(r));
            break;
        }
        case Scope::Series:
            m_model->queue({m_series, {}, false, std::make_pair(currentSlice(), currentPhase())});
            break;
        case Scope::Study:
            for (int i = 0; i < m_session->seriesCount(); ++i) m_model->queue({i, {}, false, std::nullopt});
            break;
    }
}




void MainWindow::onSegmentationFinished(const SegmentationResult& r) {
    const auto resume = qScopeGuard([this] { startPendingOpen(); });  // a study waiting for it
    // The function panel waits for arriving labels to settle; when the job ends they have.
    m_measures->update();  // the job's labels have settled
    if (!r.error.empty()) {
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
        !r.cancelled && m_model->queueEmpty()) {
        // A fine-tuned model became active and has now segmented the series: what moved, and how
        // far its labels agree with the corrections it learned from.
        QString text = describeMeasureChanges(*m_measuresBeforeUpdate, m_measures->function(false));
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
    if (!m_model->queueEmpty()) {
        m_model->startNext();
        return;
    }
    if (!m_screenshotPath.isEmpty()) QTimer::singleShot(300, this, &MainWindow::takeScreenshot);
}

QString MainWindow::modelPath() const { return m_model->activeModel(); }

void MainWindow::onModelChanged(const QString& path, const QString& error) {
    if (error.isEmpty()) m_updates->refreshVersions();
    Q_EMIT modelChanged(path, error);
    // The new model's view of this series, from the image on screen.
    if (error.isEmpty() && QFileInfo::exists(path) && m_series >= 0)
        m_model->queue({m_series, {}, true, std::make_pair(currentSlice(), currentPhase())});
}

void MainWindow::setModelPath(const QString& path, bool remember) {
    m_model->setBaseModel(path, [this, path, remember] {
        if (remember && path != m_settings.modelPath) {
            m_settings.modelPath = path;
            m_settings.save();
        }
        m_updates->refreshVersions();
    });
}



void MainWindow::chooseModelFile() {
    const QString f = QFileDialog::getOpenFileName(this, tr("Choose a model file"), QFileInfo(m_model->activeModel()).path(),
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
    if (engineChanged) m_model->engineChanged();  // the next job creates a segmenter with them
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
    input.algorithmName = analysis::algorithmName(m_model->segmenter() ? engine::archName(m_model->segmenter()->model().config()) : "",
                                                  m_model->activeModel().toStdString());
    for (const auto& [cell, state] : m_session->reviewStates(m_series))
        input.states[cell] = state == io::ReviewState::Confirmed ? "confirmed" : "corrected";
    const QString folder = QString::fromStdString(options.folder.string());
    statusBar()->showMessage(tr("Exporting to %1…").arg(folder));
    m_export.setFuture(m_jobs->run<analysis::ExportResult>(
        tr("Exporting to %1").arg(QFileInfo(folder).fileName()),
        [input = std::move(input), options](const io::ProgressFn& progress) {
            return analysis::exportSeries(input, options, progress);
        },
        &m_exportJob));
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
