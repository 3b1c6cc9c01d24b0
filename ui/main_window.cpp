#include "main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>

#include "cine_grid.h"
#include "finetune_panel.h"
#include "function_panel.h"
#include "image_adapters.h"
#include "main_menus.h"
#include "metrics_panel.h"
#include "pacs_presenter.h"
#include "slice_view.h"
#include "viewer_controls.h"

namespace cardioseg::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_settings(AppSettings::load()) {
    setWindowTitle(tr("CardioSeg"));
    setAcceptDrops(true);
    setLabelColors(m_settings.bloodPool, m_settings.myocardium);
    buildUi();
    buildPresenters();
    m_menus = new MainMenus(this);
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    if (!settings.contains("window/geometry")) {
        // As large as is comfortable, never larger than the screen (1366 × 768 laptops).
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1360, 860);
        resize(std::min(1360, screen.width()), std::min(860, screen.height()));
    }
}

MainWindow::~MainWindow() {
    // Each presenter finishes what must not be left half-done (closing waits for it first, see
    // closeEvent): the model update, the report, the study's saving, the model's cache writes;
    // all while the job list is still there.
    delete m_updates;
    delete m_measures;
    delete m_studies;
    delete m_model;
}

void MainWindow::buildUi() {
    m_view = new SliceView(this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);
    m_navigation = new NavigationBar(central);
    layout->addWidget(m_navigation);
    setCentralWidget(central);
    m_display = new DisplayToolBar(this);  // the tools follow in a toolbar of their own
    addToolBar(m_display);

    auto* dock = new QDockWidget(tr("Series"), this);
    dock->setObjectName("seriesDock");
    auto* side = new QWidget(dock);
    auto* sideLayout = new QVBoxLayout(side);
    m_seriesList = new QListWidget(side);
    m_seriesList->setMinimumWidth(250);
    m_seriesList->setIconSize(QSize(48, 48));
    m_details = new QLabel(side);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_skippedButton = new QPushButton(side);
    m_skippedButton->hide();
    m_grid = new CineGrid(side);
    sideLayout->addWidget(m_seriesList, 1);
    sideLayout->addWidget(m_details);
    sideLayout->addWidget(m_grid);
    sideLayout->addWidget(m_skippedButton);
    dock->setWidget(side);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    auto* metricsDock = new QDockWidget(tr("Model vs corrections"), this);
    metricsDock->setObjectName("metricsDock");
    m_metrics = new MetricsPanel(metricsDock);
    metricsDock->setWidget(scrollable(m_metrics, metricsDock));
    addDockWidget(Qt::RightDockWidgetArea, metricsDock);

    m_finetuneDock = new QDockWidget(tr("Model updates"), this);
    m_finetuneDock->setObjectName("finetuneDock");
    m_finetunePanel = new FinetunePanel(m_finetuneDock);
    m_finetuneDock->setWidget(scrollable(m_finetunePanel, m_finetuneDock));
    addDockWidget(Qt::RightDockWidgetArea, m_finetuneDock);
    m_functionDock = new QDockWidget(tr("Cardiac function"), this);
    m_functionDock->setObjectName("functionDock");
    m_functionPanel = new FunctionPanel(m_functionDock);
    m_functionDock->setWidget(scrollable(m_functionPanel, m_functionDock, 400));
    addDockWidget(Qt::RightDockWidgetArea, m_functionDock);
    tabifyDockWidget(m_finetuneDock, m_functionDock);

    m_cursorLabel = new QLabel(this);
    statusBar()->addWidget(m_cursorLabel, 1);
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);  // another workstation edits this study
    m_readOnlyLabel->setObjectName("readOnlyBadge");
    m_readOnlyLabel->setStyleSheet("QLabel { background: #b3261e; color: white; padding: 1px 6px; border-radius: 3px; }");
    m_readOnlyLabel->hide();
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    m_reviewLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_reviewLabel);
    m_toolLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_toolLabel);
    m_jobs = new JobList(this);  // loading, segmentation, export…: each its own bar and Cancel
    statusBar()->addPermanentWidget(m_jobs);
    connect(m_view, &SliceView::cursorInfoChanged, m_cursorLabel, &QLabel::setText);
    connect(m_skippedButton, &QPushButton::clicked, this,
            [this] { showSkippedFiles(this, m_studies->study().result.skipped); });
}

void MainWindow::buildPresenters() {
    const auto session = [this] { return m_studies->session(); };
    const auto series = [this] { return m_viewer->series(); };
    const auto cell = [this] { return m_viewer->cell(); };
    const auto segmenting = [this] { return m_model->isSegmenting(); };
    const auto message = [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); };

    m_model = new ModelPresenter(m_jobs,
                                 {session, [this] { return m_studies->workspaceFolder(); },
                                  [this] { return m_settings.engine; }, [this] { return m_studies->hasPendingOpen(); }},
                                 m_settings.modelPath, this);
    connect(m_model, &ModelPresenter::message, this, message);
    connect(m_model, &ModelPresenter::failed, this, &MainWindow::showError);
    connect(m_model, &ModelPresenter::started, this, [this](int s) {
        if (s == m_viewer->series()) m_measures->update();  // measures wait for the images they need
    });
    connect(m_model, &ModelPresenter::finished, this, &MainWindow::onSegmentationFinished);
    connect(m_model, &ModelPresenter::modelChanged, this, [this](const QString& path, const QString& error) {
        if (error.isEmpty()) m_updates->refreshVersions();
        Q_EMIT modelChanged(path, error);
        // The new model's view of this series, from the image on screen.
        if (error.isEmpty() && QFileInfo::exists(path) && m_viewer->series() >= 0)
            m_model->queue({m_viewer->series(), {}, true, m_viewer->cell()});
    });

    m_studies = new StudyPresenter(m_jobs, m_model, {[this] {
                                       return io::WorkspacePlacement{m_settings.workspaceRoot.toStdString(),
                                                                     m_settings.workspaceBesideStudy};
                                   }},
                                   this);
    connect(m_studies, &StudyPresenter::message, this, message);
    connect(m_studies, &StudyPresenter::failed, this, &MainWindow::showError);
    connect(m_studies, &StudyPresenter::openFailed, this, &MainWindow::openFailed);
    connect(m_studies, &StudyPresenter::aboutToOpen, this, [this] {
        m_measures->clearSurfaces();  // its surfaces were the previous study's
        m_editing->reset();           // the undo history and a stroke in progress were the previous study's
    });
    connect(m_studies, &StudyPresenter::opened, this, &MainWindow::onStudyOpened);
    connect(m_studies, &StudyPresenter::changed, this, &MainWindow::onSessionChanged);
    connect(m_studies, &StudyPresenter::exportFinished, this, &MainWindow::exportFinished);
    connect(m_studies, &StudyPresenter::saved, this, [this](const QString& error) {
        if (!m_closing || error.isEmpty()) return;  // closing goes on once every job has ended
        m_closing = false;  // the window stays open: nothing is lost without being told
        showError(tr("Close"), tr("Corrections NOT saved: %1").arg(error) + QStringLiteral("\n\n") +
                                   tr("The window stays open. Free some space or choose another workspace "
                                      "folder in Settings, then close it again."));
    });

    m_viewer = new ViewerPresenter({m_view, m_navigation, m_display, m_seriesList, m_details, m_grid, m_metrics,
                                    m_reviewLabel},
                                   {session, [this]() -> const io::Study& { return m_studies->study(); },
                                    [this] { return m_settings.opacity; },
                                    [this]() -> const analysis::CardiacFunction& { return m_measures->function(true); }},
                                   this);
    connect(m_viewer, &ViewerPresenter::message, this, message);
    connect(m_viewer, &ViewerPresenter::seriesShown, this, [this](int index) {
        m_measures->update();
        if (QFileInfo::exists(m_model->activeModel()) && m_studies->session()->prediction(index).labelledCount() == 0)
            m_model->queue({index, {}, true, m_viewer->cell()});
    });

    m_editing = new EditingPresenter(m_view, {session, series, cell, segmenting}, this);
    connect(m_editing, &EditingPresenter::message, this, message);
    connect(m_editing, &EditingPresenter::toolChanged, this, [this] { m_toolLabel->setText(m_editing->toolStatus()); });
    connect(m_editing, &EditingPresenter::overlayChanged, m_viewer, &ViewerPresenter::updateOverlay);
    connect(m_editing, &EditingPresenter::goTo, m_viewer, &ViewerPresenter::setPosition);
    connect(m_editing, &EditingPresenter::showEdited, this, [this](int series, int slice, int phase) {
        m_viewer->showSeries(series);
        if (slice >= 0) m_viewer->setPosition(slice, phase >= 0 ? phase : m_viewer->phase());  // show what was undone
    });
    connect(m_viewer, &ViewerPresenter::reviewStateShown, m_editing, &EditingPresenter::showReviewState);
    m_toolLabel->setText(m_editing->toolStatus());

    m_measures = new FunctionPresenter(m_functionPanel, m_grid, m_editing, m_jobs,
                                       {session, series, cell, segmenting, [this] { return m_model->openingSlice(); }},
                                       this);
    connect(m_viewer, &ViewerPresenter::imageShown, this, [this] {
        m_editing->refreshEditableContour();
        m_measures->imageShown();
    });
    // ED and ES on the image (the presenter marks them on the grid itself).
    connect(m_measures, &FunctionPresenter::updated, m_viewer, &ViewerPresenter::updateReviewStatus);
    connect(m_measures, &FunctionPresenter::suggestionsChanged, this,
            [this](const QStringList& lines, const std::vector<std::pair<int, int>>& cells) {
                m_finetunePanel->setSuggestions(lines);
                m_grid->setSuggested(cells);
            });
    connect(m_measures, &FunctionPresenter::goTo, m_viewer, &ViewerPresenter::setPosition);
    connect(m_measures, &FunctionPresenter::message, this, message);
    connect(m_measures, &FunctionPresenter::failed, this, &MainWindow::showError);
    connect(m_measures, &FunctionPresenter::reportFinished, this, [this](const QString& file, const QString& error) {
        if (!error.isEmpty()) showError(tr("Report"), error);
        Q_EMIT reportFinished(file, error);
    });
    connect(m_functionPanel, &FunctionPanel::show3dRequested, this, [this] { m_measures->showSurfaces(this); });
    connect(m_functionPanel, &FunctionPanel::reportRequested, this, [this] {
        if (m_viewer->series() < 0) return;
        const QString f = QFileDialog::getSaveFileName(this, tr("Save report"), QString(), tr("PDF (*.pdf)"));
        if (!f.isEmpty()) writeReport(f.endsWith(".pdf", Qt::CaseInsensitive) ? f : f + ".pdf");
    });

    m_updates = new FinetunePresenter(
        m_finetunePanel, m_jobs, m_model,
        {session, [this] { return m_studies->versionsFolder(); }, [this] { return m_settings; }}, this);
    connect(m_finetunePanel, &FinetunePanel::modelChosen, this, &MainWindow::chooseVersion);
    connect(m_updates, &FinetunePresenter::versionChosen, this, &MainWindow::chooseVersion);
    connect(m_updates, &FinetunePresenter::finished, this, &MainWindow::finetuneFinished);
    connect(m_updates, &FinetunePresenter::message, this, message);
    connect(m_updates, &FinetunePresenter::failed, this, &MainWindow::showError);
    m_updates->refreshVersions();

    m_pacs = new PacsPresenter(
        m_jobs,
        {[this] { return io::WorkspacePlacement{m_settings.workspaceRoot.toStdString(), m_settings.workspaceBesideStudy}; },
         [this] { return m_viewer->series() >= 0 ? m_studies->path() : QString(); },
         [this]() -> std::optional<std::pair<analysis::ExportInput, analysis::FunctionOptions>> {
             const int s = m_viewer->series();
             if (s < 0 || !m_studies->session()->hasSeries(s)) return std::nullopt;
             const io::ClinicalInputs& c = m_studies->session()->clinicalInputs(s);
             analysis::FunctionOptions o;
             o.edPhase = c.edPhase;
             o.esPhase = c.esPhase;
             o.heightM = c.heightM;
             o.weightKg = c.weightKg;
             return std::make_pair(m_studies->exportInput(s), o);
         },
         [this](const QString& file) { writeReport(file); }},
        this);
    connect(this, &MainWindow::reportFinished, m_pacs, &PacsPresenter::reportWritten);
    connect(m_pacs, &PacsPresenter::message, this, message);
    connect(m_pacs, &PacsPresenter::failed, this, &MainWindow::showError);
    connect(m_pacs, &PacsPresenter::studyReady, this, &MainWindow::openStudy);
}

void MainWindow::openStudy(const QString& path) {
    m_viewer->setPlaying(false);
    m_studies->open(path);
}

void MainWindow::openFailed(const QString& message) {
    statusBar()->showMessage(message, 10000);
    if (m_screenshotPath.isEmpty()) {
        showError(tr("Open study"), message);
        return;
    }
    std::fprintf(stderr, "cardioseg: %s\n", qPrintable(message));
    QTimer::singleShot(0, qApp, [] { qApp->exit(1); });
}

void MainWindow::onStudyOpened() {
    const io::Study& study = m_studies->study();
    const QString& readOnly = m_studies->readOnlyReason();
    setWindowTitle(readOnly.isEmpty() ? tr("CardioSeg — %1").arg(QFileInfo(m_studies->path()).fileName())
                                      : tr("CardioSeg — %1 [read-only]").arg(QFileInfo(m_studies->path()).fileName()));
    m_editing->setReadOnly(readOnly);
    m_readOnlyLabel->setVisible(!readOnly.isEmpty());
    m_readOnlyLabel->setToolTip(readOnly);
    m_menus->rebuildRecent();
    const int skipped = static_cast<int>(study.result.skipped.size());
    m_skippedButton->setVisible(skipped > 0);
    m_skippedButton->setText(tr("%n file(s) skipped…", "", skipped));
    m_viewer->studyOpened();
    // The study's own model version when it has one, else the default model.
    const QString version = m_studies->activeModel();
    if (!version.isEmpty() && QFileInfo::exists(version)) m_model->activate(version);
    else if (m_model->activeModel() != m_model->baseModel()) m_model->activate(m_model->baseModel());
    m_updates->studyChanged();
    m_viewer->showSeries(0);  // queues the series' segmentation when there is a model
    Q_EMIT studyShown();
    if (!QFileInfo::exists(m_model->activeModel())) {
        statusBar()->showMessage(tr("No model at %1: showing images only").arg(m_model->activeModel()), 10000);
        if (!m_screenshotPath.isEmpty()) QTimer::singleShot(400, this, &MainWindow::takeScreenshot);
    }
}

void MainWindow::onSessionChanged(const session::Change& change) {
    using C = session::Change;
    if (change.kinds & (C::Corrections | C::Review | C::Inputs)) m_updates->updateAvailability();
    if (change.series != m_viewer->series()) return;
    if (change.kinds & (C::Corrections | C::Review | C::Prediction)) {
        m_measures->labelsChanged();
        m_viewer->labelsChanged(change.series, change.slice, change.phase);
    }
    if (change.kinds & C::Inputs) {
        m_measures->update();  // and the review badge (updated)
        m_viewer->updateGrid();
    }
}

void MainWindow::onSegmentationFinished(const SegmentationResult& r) {
    m_measures->update();  // the job's labels have settled
    if (r.series == m_viewer->series() && r.error.empty() && !r.cancelled && m_model->queueEmpty())
        m_updates->seriesSegmented(r.series, m_measures->function(false), seriesDice());
    Q_EMIT segmentationFinished(r.series);
    if (!m_screenshotPath.isEmpty() && m_model->queueEmpty())
        QTimer::singleShot(300, this, &MainWindow::takeScreenshot);
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

void MainWindow::chooseVersion(const QString& file) {
    // The measures from the labels of the model in use, to say once the series is segmented by
    // the other version which of them moved.
    const QString path = QFileInfo(file).absoluteFilePath();
    if (m_viewer->series() >= 0 && !m_model->isSegmenting() && m_measures->function(false).edPhase >= 0 &&
        path != QFileInfo(m_model->activeModel()).absoluteFilePath())
        m_updates->rememberMeasures(m_viewer->series(), m_measures->function(false));
    // The study remembers its model; the session's model is remembered as "none".
    m_studies->setActiveModel(path == QFileInfo(m_model->baseModel()).absoluteFilePath() ? QString() : file);
    m_model->activate(file);
    m_updates->refreshVersions();
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
    m_viewer->refresh();
}

void MainWindow::writeReport(const QString& file) {
    m_measures->writeReport(file, QFileInfo(m_model->activeModel()).fileName(), seriesDice());
}

std::pair<double, double> MainWindow::seriesDice() const {
    return {m_metrics->chartValue(2, 0), m_metrics->chartValue(2, 1)};  // the series' column
}

void MainWindow::showError(const QString& title, const QString& message) {
    if (!m_screenshotPath.isEmpty() || !isVisible()) return;  // said in the status bar
    // Window-modal but not blocking: the event loop (and any worker) keeps running.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::takeScreenshot() {
    const bool ok = grab().save(m_screenshotPath, "PNG");
    if (!ok) std::fprintf(stderr, "cardioseg: cannot write screenshot %s\n", qPrintable(m_screenshotPath));
    qApp->exit(ok ? 0 : 1);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    event->acceptProposedAction();
    openStudy(urls.first().toLocalFile());
}

bool MainWindow::jobsEnded() const {
    return m_jobs->count() == 0 && !m_studies->isSaving() && !m_studies->isLoading() && !m_model->isRunning() &&
           !m_updates->isRunning();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue("window/geometry", saveGeometry());
    m_studies->cancel();
    m_updates->cancel();
    m_jobs->cancelAll();  // the report, the 3-D surfaces
    m_studies->save();
    if (!jobsEnded()) {
        // The window closes once its jobs have ended and the last corrections are written (a
        // failed save keeps it open and says why); nothing waits on this thread meanwhile.
        event->ignore();
        if (!std::exchange(m_closing, true)) {
            statusBar()->showMessage(tr("Saving the corrections before closing…"));
            auto* poll = new QTimer(this);
            connect(poll, &QTimer::timeout, this, [this, poll] {
                if (!m_closing) poll->deleteLater();  // a failed save stopped closing
                else if (jobsEnded()) close();
            });
            poll->start(50);
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

}  // namespace cardioseg::ui
