#include "main_window.h"

#include <QLocale>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QScopeGuard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <cstdio>
#include <utility>

#include "cine_grid.h"
#include "finetune_panel.h"
#include "function_panel.h"
#include "image_adapters.h"
#include "job_list.h"
#include "io/dicom_loader.h"
#include "language.h"
#include "metrics_panel.h"
#include "session/review_navigation.h"
#include "slice_view.h"
#include "surface_view.h"

namespace cardioseg::ui {

QScrollArea* scrollable(QWidget* panel, QWidget* parent, int minimumWidth) {
    // Panels scroll rather than push the window past a small screen (1366 × 768 laptops).
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(std::max(minimumWidth, panel->minimumSizeHint().width() + 12));
    scroll->setWidget(panel);
    return scroll;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(std::make_shared<session::ReviewSession>(nullptr)) {
    setWindowTitle(tr("CardioSeg"));
    setAcceptDrops(true);
    m_settings = AppSettings::load();
    setLabelColors(m_settings.bloodPool, m_settings.myocardium);
    buildUi();
    m_model = new ModelPresenter(m_jobs,
                                 {[this] { return m_session; }, [this] { return m_study.workspaceFolder; },
                                  [this] { return m_settings.engine; }, [this] { return !m_pendingOpen.isEmpty(); }},
                                 m_settings.modelPath, this);
    connect(m_model, &ModelPresenter::message, statusBar(), &QStatusBar::showMessage);
    connect(m_model, &ModelPresenter::failed, this, [this](const QString& title, const QString& text) {
        if (m_screenshotPath.isEmpty() && isVisible()) showError(title, text);
    });
    connect(m_model, &ModelPresenter::started, this, [this](int series) {
        if (series == m_series) m_measures->update();  // measures wait for the images they need
    });
    connect(m_model, &ModelPresenter::finished, this, &MainWindow::onSegmentationFinished);
    connect(m_model, &ModelPresenter::modelChanged, this, &MainWindow::onModelChanged);
    m_editing = new EditingPresenter(
        m_view,
        {[this] { return m_session; }, [this] { return m_series; }, [this] { return currentCell(); },
         [this] { return isSegmenting(); }},
        this);
    connect(m_editing, &EditingPresenter::message, statusBar(), &QStatusBar::showMessage);
    connect(m_editing, &EditingPresenter::toolChanged, this, [this] { m_toolLabel->setText(m_editing->toolStatus()); });
    connect(m_editing, &EditingPresenter::overlayChanged, this, &MainWindow::updateOverlay);
    connect(m_editing, &EditingPresenter::goTo, this, &MainWindow::setPosition);
    connect(m_editing, &EditingPresenter::showEdited, this, [this](int series, int slice, int phase) {
        if (series != m_series) showSeries(series);
        if (slice >= 0) setPosition(slice, phase >= 0 ? phase : currentPhase());  // show what was undone
    });
    buildMenus();
    buildFinetuneDock();
    buildFunctionDock();
    connect(&m_loader, &QFutureWatcher<LoadedStudy>::finished, this, &MainWindow::onStudyLoaded);
    connect(&m_saving, &QFutureWatcher<SaveOutcome>::finished, this, &MainWindow::onSaved);
    connect(&m_export, &QFutureWatcher<analysis::ExportResult>::finished, this, [this] {
        m_jobs->finish(m_exportJob);
        m_exportJob = {};
        const auto resume = qScopeGuard([this] { startPendingOpen(); });  // a study waiting for it
        const analysis::ExportResult r = m_export.result();
        QStringList files;
        for (const auto& f : r.files) files << QString::fromStdString(f);
        QString error = QString::fromStdString(r.error);
        if (r.cancelled && error.isEmpty()) error = tr("cancelled");
        if (error.isEmpty() && !r.warnings.empty()) {
            // Complete; the values of the source the DICOM SEG could not carry go to the log.
            for (const auto& w : r.warnings) qInfo("export: %s", w.c_str());
            statusBar()->showMessage(tr("Exported %n file(s)", "", files.size()) + QStringLiteral("; ") +
                                         tr("the DICOM SEG left out or repaired %n invalid value(s) of the source "
                                            "images (listed in the log)",
                                            "", static_cast<int>(r.warnings.size())),
                                     15000);
        } else if (error.isEmpty()) {
            statusBar()->showMessage(tr("Exported %n file(s)", "", files.size()), 10000);
        } else {
            const QString msg = tr("Export failed: %1").arg(error);
            statusBar()->showMessage(msg, 30000);
            if (m_screenshotPath.isEmpty() && !r.cancelled && isVisible()) showError(tr("Export"), msg);
        }
        Q_EMIT exportFinished(files, error);
    });
    m_toolLabel->setText(m_editing->toolStatus());
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    if (!settings.contains("window/geometry")) {
        // As large as is comfortable, never larger than the screen (1366 × 768 laptops).
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1360, 860);
        resize(std::min(1360, screen.width()), std::min(860, screen.height()));
    }
}

MainWindow::~MainWindow() {
    m_report.waitForFinished();
    cancelWork();
    delete m_updates;  // cancels a model update and waits for it while the job list is still there
    m_updates = nullptr;
    m_export.waitForFinished();
    // A save still in flight first (what it could not write is written again), then the rest.
    m_saving.waitForFinished();
    if (std::exchange(m_saveInFlight, false)) {
        const SaveOutcome r = m_saving.result();
        if (!r.error.isEmpty() && r.session.lock() == m_session) m_session->markUnsaved(r.series);
    }
    saveWorkspace();
    m_saving.waitForFinished();
    m_loader.waitForFinished();
    delete m_model;  // waits for its job and cache writes while the job list is still there
    m_model = nullptr;
}

void MainWindow::buildUi() {
    m_view = new SliceView(this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);

    auto* controls = new QWidget(central);
    auto* row = new QHBoxLayout(controls);
    row->setContentsMargins(8, 2, 8, 6);
    m_sliceLabel = new QLabel(controls);
    m_sliceLabel->setMinimumWidth(110);
    m_sliceSlider = new QSlider(Qt::Horizontal, controls);
    m_sliceSlider->setToolTip(tr("Slice, base to apex (Up/Down)"));
    m_phaseLabel = new QLabel(controls);
    m_phaseLabel->setMinimumWidth(170);
    m_phaseSlider = new QSlider(Qt::Horizontal, controls);
    m_phaseSlider->setToolTip(tr("Cardiac phase (Left/Right)"));
    m_playButton = new QToolButton(controls);
    m_playButton->setCheckable(true);
    m_playButton->setText(tr("Play"));
    m_playButton->setToolTip(tr("Play the cardiac cycle (Space)"));
    m_fps = new QSpinBox(controls);
    m_fps->setRange(1, 60);
    m_fps->setValue(QSettings().value("view/fps", 20).toInt());
    m_fps->setSuffix(tr(" fps"));
    row->addWidget(m_sliceLabel);
    row->addWidget(m_sliceSlider, 2);
    row->addSpacing(12);
    row->addWidget(m_phaseLabel);
    row->addWidget(m_phaseSlider, 3);
    row->addWidget(m_playButton);
    row->addWidget(m_fps);
    layout->addWidget(controls);
    setCentralWidget(central);

    // Display controls in a toolbar (the tools follow in a toolbar of their own).
    auto* display = addToolBar(tr("Display"));
    display->setObjectName("displayToolbar");
    m_sourceBox = new QComboBox(display);
    m_sourceBox->addItem(tr("Labels: corrections, else model"), int(OverlaySource::Labels));
    m_sourceBox->addItem(tr("Labels: model only"), int(OverlaySource::Prediction));
    m_sourceBox->addItem(tr("Labels: corrections only"), int(OverlaySource::Corrections));
    m_sourceBox->addItem(tr("Compare: corrections vs model"), int(OverlaySource::Compare));
    m_sourceBox->setToolTip(tr("Which labels the overlay shows (P cycles). Compare draws the model's outline "
                               "dashed and highlights where it disagrees with the corrections."));
    m_styleBox = new QComboBox(display);
    m_styleBox->addItem(tr("Filled"), int(OverlayStyle::Filled));
    m_styleBox->addItem(tr("Contour lines"), int(OverlayStyle::Contours));
    m_styleBox->addItem(tr("Filled + contours"), int(OverlayStyle::FilledAndContours));
    m_styleBox->setToolTip(tr("How labels are drawn (O cycles)"));
    m_showLabels = new QCheckBox(tr("Expert contours"), display);
    m_showLabels->setChecked(true);
    m_showLabels->setToolTip(tr("Show the expert contours of datasets in SCD layout (L)"));
    m_windowPreset = new QComboBox(display);
    m_windowPreset->addItem(tr("Window: DICOM"), PresetDicom);
    m_windowPreset->addItem(tr("Window: auto"), PresetAuto);
    m_windowPreset->addItem(tr("Window: full range"), PresetFullRange);
    display->addWidget(m_sourceBox);
    display->addWidget(m_styleBox);
    display->addWidget(m_showLabels);
    display->addSeparator();
    display->addWidget(m_windowPreset);

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

    m_cursorLabel = new QLabel(this);
    statusBar()->addWidget(m_cursorLabel, 1);
    m_reviewLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_reviewLabel);
    m_toolLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_toolLabel);
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(1500);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::saveWorkspace);
    m_jobs = new JobList(this);  // loading, segmentation, export: each its own bar and Cancel
    statusBar()->addPermanentWidget(m_jobs);

    m_cineTimer = new QTimer(this);
    connect(m_cineTimer, &QTimer::timeout, this, [this] { stepPhase(1); });
    connect(m_sliceSlider, &QSlider::valueChanged, this, &MainWindow::updateImage);
    connect(m_phaseSlider, &QSlider::valueChanged, this, &MainWindow::updateImage);
    connect(m_playButton, &QToolButton::toggled, this, &MainWindow::togglePlay);
    connect(m_fps, qOverload<int>(&QSpinBox::valueChanged), this, [this](int fps) {
        m_cineTimer->setInterval(1000 / fps);
        QSettings().setValue("view/fps", fps);
    });
    connect(m_showLabels, &QCheckBox::toggled, this, &MainWindow::updateImage);
    connect(m_sourceBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int i) { setOverlaySource(static_cast<OverlaySource>(m_sourceBox->itemData(i).toInt())); });
    connect(m_styleBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int i) { setOverlayStyle(static_cast<OverlayStyle>(m_styleBox->itemData(i).toInt())); });
    connect(m_windowPreset, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int i) { applyWindowPreset(m_windowPreset->itemData(i).toInt()); });
    connect(m_seriesList, &QListWidget::currentRowChanged, this, &MainWindow::showSeries);
    connect(m_grid, &CineGrid::cellClicked, this, &MainWindow::setPosition);
    connect(m_grid, &CineGrid::cellMenuRequested, this, [this](int, int, const QPoint& at) {
        // The cell is current (the click went there first): its base, apex or automatic coverage.
        QMenu menu(this);
        menu.addAction(tr("Base of the ventricle here (this phase)"), this, [this] { m_editing->setCoverageLimit(true, false); });
        menu.addAction(tr("Apex of the ventricle here (this phase)"), this, [this] { m_editing->setCoverageLimit(false, false); });
        menu.addAction(tr("Base here in every phase"), this, [this] { m_editing->setCoverageLimit(true, true); });
        menu.addAction(tr("Apex here in every phase"), this, [this] { m_editing->setCoverageLimit(false, true); });
        menu.addSeparator();
        menu.addAction(tr("Coverage as found (this phase)"), this, [this] { m_editing->automaticCoverage(false); });
        menu.addAction(tr("Coverage as found (every phase)"), this, [this] { m_editing->automaticCoverage(true); });
        menu.exec(at);
    });
    connect(m_view, &SliceView::cursorInfoChanged, m_cursorLabel, &QLabel::setText);
    connect(m_skippedButton, &QPushButton::clicked, this, &MainWindow::showSkipped);
    updateImage();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openFolder = file->addAction(tr("&Open Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a study folder"));
        if (!dir.isEmpty()) openStudy(dir);
    });
    openFolder->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Files…"), this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Open a DICOM file or DICOMDIR"));
        if (!f.isEmpty()) openStudy(f);
    });
    m_recentMenu = file->addMenu(tr("&Recent Studies"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::showExportDialog);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    auto* tools = addToolBar(tr("Tools"));
    tools->setObjectName("toolsToolbar");
    m_editing->buildActions(edit, tools);
    edit->addSeparator();
    edit->addAction(tr("Se&ttings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showSettingsDialog);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Fit to Window"), QKeySequence(Qt::Key_F), m_view, &SliceView::fitToWindow);
    view->addAction(tr("Show Expert &Contours"), QKeySequence(Qt::Key_L), m_showLabels, &QCheckBox::toggle);
    view->addAction(tr("Next Overlay &Labels"), QKeySequence(Qt::Key_P), this,
                    [this] { m_sourceBox->setCurrentIndex((m_sourceBox->currentIndex() + 1) % m_sourceBox->count()); });
    view->addAction(tr("Next Overlay &Style"), QKeySequence(Qt::Key_O), this,
                    [this] { m_styleBox->setCurrentIndex((m_styleBox->currentIndex() + 1) % m_styleBox->count()); });
    QAction* overlay = view->addAction(tr("Show &Overlay"), QKeySequence(Qt::Key_H), m_view,
                                       &SliceView::setOverlayVisible);
    overlay->setCheckable(true);
    overlay->setChecked(true);
    view->addAction(tr("&Play Cine"), QKeySequence(Qt::Key_Space), m_playButton, &QToolButton::toggle);
    view->addSeparator();
    view->addAction(tr("Next Slice"), QKeySequence(Qt::Key_Down), this, [this] { stepSlice(1); });
    view->addAction(tr("Previous Slice"), QKeySequence(Qt::Key_Up), this, [this] { stepSlice(-1); });
    view->addAction(tr("Next Phase"), QKeySequence(Qt::Key_Right), this, [this] { stepPhase(1); });
    view->addAction(tr("Previous Phase"), QKeySequence(Qt::Key_Left), this, [this] { stepPhase(-1); });
    view->addSeparator();
    view->addAction(tr("Next &Unreviewed Image"), QKeySequence(Qt::Key_N), this, [this] { goToNextUnreviewed(false); });
    view->addAction(tr("Next Unreviewed Image at &ED or ES"), QKeySequence(Qt::SHIFT | Qt::Key_N), this,
                    [this] { goToNextUnreviewed(true); });
    view->addAction(tr("Image to &Correct First"), QKeySequence(Qt::Key_J), this, [this] { goToSuggestion(); });

    buildModelMenu();

    QMenu* help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        QStringList rows;
        for (QAction* menu : menuBar()->actions())
            for (QAction* a : menu->menu() ? menu->menu()->actions() : QList<QAction*>())
                if (!a->shortcut().isEmpty())
                    rows << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                                .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                                     a->text().remove('&').toHtmlEscaped());
        QMessageBox::information(this, tr("Keyboard shortcuts"),
                                 QStringLiteral("<table cellspacing=4>%1</table>").arg(rows.join(QString())));
    });
    help->addAction(tr("&About CardioSeg"), this, [this] {
        QMessageBox::about(this, tr("About CardioSeg"),
                           tr("<b>CardioSeg</b> %1<br>Cardiac MRI segmentation workstation.<br>"
                              "Sample study: Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.")
                               .arg(QApplication::applicationVersion()));
    });
}

bool MainWindow::isSegmenting() const { return m_model->isSegmenting(); }

void MainWindow::showError(const QString& title, const QString& message) {
    // Window-modal but not blocking: the event loop (and any worker) keeps running.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::setScreenshotPath(const QString& path) { m_screenshotPath = path; }

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

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue("window/geometry", saveGeometry());
    cancelWork();
    saveWorkspace();
    if (m_saveInFlight) {
        // The window closes once the last corrections are written (a failure keeps it open and
        // says why); nothing waits on this thread meanwhile.
        event->ignore();
        m_closing = true;
        statusBar()->showMessage(tr("Saving the corrections before closing…"));
        return;  // m_saving's end closes
    }
    QMainWindow::closeEvent(event);
}

}  // namespace cardioseg::ui
