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

namespace {

constexpr int kMaxRecent = 8;

enum WindowPreset { PresetDicom, PresetAuto, PresetFullRange };

/// A series thumbnail: its middle slice at the first phase, windowed, on a square.
QIcon thumbnail(const image::CineSeries& s) {
    const image::FloatImage* img = s.image(s.slices / 2, 0);
    QPixmap pix(64, 64);
    pix.fill(Qt::black);
    if (img) {
        const QImage q = toQImage(*img, io::percentileWindow(s)).scaled(64, 64, Qt::KeepAspectRatio,
                                                                        Qt::SmoothTransformation);
        QPainter p(&pix);
        p.drawImage((64 - q.width()) / 2, (64 - q.height()) / 2, q);
    }
    return QIcon(pix);
}

}  // namespace

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
    m_activeModel = m_baseModel = m_settings.modelPath;
    setLabelColors(m_settings.bloodPool, m_settings.myocardium);
    m_undo = new QUndoStack(this);
    m_undo->setUndoLimit(0);  // patches are region-limited: memory stays small (see LabelPatch)
    buildUi();
    buildMenus();
    buildFinetuneDock();
    buildFunctionDock();
    connect(&m_loader, &QFutureWatcher<LoadedStudy>::finished, this, &MainWindow::onStudyLoaded);
    connect(&m_segmentation, &QFutureWatcher<SegmentationResult>::finished, this, &MainWindow::onSegmentationFinished);
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
    connect(m_view, &SliceView::strokeBegan, this, &MainWindow::beginStroke);
    connect(m_view, &SliceView::strokeMoved, this, &MainWindow::continueStroke);
    connect(m_view, &SliceView::strokeEnded, this, &MainWindow::endStroke);
    connect(m_view, &SliceView::polygonDrawn, this, &MainWindow::fillPolygon);
    connect(m_view, &SliceView::imageClicked, this, &MainWindow::floodFill);
    connect(m_view, &SliceView::contourEdited, this, &MainWindow::applyContourEdit);
    updateToolStatus();
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
    cancelFinetune();
    m_finetune.waitForFinished();
    m_versionSave.waitForFinished();
    m_export.waitForFinished();
    saveWorkspace();
    m_saving.waitForFinished();
    for (auto& f : m_predictionSaves) f.waitForFinished();
    m_loader.waitForFinished();
    m_segmentQueue.clear();
    m_segmentation.waitForFinished();
    m_modelCheck.waitForFinished();
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

    // Display controls in a toolbar (the tools join it in buildEditMenu).
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
        menu.addAction(tr("Base of the ventricle here (this phase)"), this, [this] { setCoverageLimit(true, false); });
        menu.addAction(tr("Apex of the ventricle here (this phase)"), this, [this] { setCoverageLimit(false, false); });
        menu.addAction(tr("Base here in every phase"), this, [this] { setCoverageLimit(true, true); });
        menu.addAction(tr("Apex here in every phase"), this, [this] { setCoverageLimit(false, true); });
        menu.addSeparator();
        menu.addAction(tr("Coverage as found (this phase)"), this, [this] { automaticCoverage(false); });
        menu.addAction(tr("Coverage as found (every phase)"), this, [this] { automaticCoverage(true); });
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

    buildEditMenu();

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

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName("helpMenu");
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

void MainWindow::openStudy(const QString& path) {
    if (!QFileInfo::exists(path)) {
        const QString msg = tr("%1: no such file or folder").arg(path);
        if (!m_screenshotPath.isEmpty()) {
            std::fprintf(stderr, "cardioseg: %s\n", qPrintable(msg));
            QTimer::singleShot(0, qApp, [] { qApp->exit(1); });
            return;
        }
        showError(tr("Open study"), msg);
        return;
    }
    // Nothing waits on the GUI thread: the current study's work is cancelled, its corrections
    // saved, and the new study loads once that is done (startPendingOpen, called again as each
    // job ends). Its predictions' cache files are written atomically: they need no wait.
    cancelWork();
    togglePlay(false);
    m_pendingOpen = path;
    m_pendingOpenSaved = false;
    startPendingOpen();
}

void MainWindow::startPendingOpen() {
    if (m_pendingOpen.isEmpty()) return;
    // The current study's unsaved corrections are written first (once: a save that fails says
    // so and is not retried forever before the next study opens).
    if (!m_pendingOpenSaved && !m_saving.isRunning()) {
        m_pendingOpenSaved = true;
        saveWorkspace();
    }
    if (m_saving.isRunning()) {
        // The new study may be this one again: it is read once the last corrections are written.
        m_saving.then(this, [this] { startPendingOpen(); });
        return;
    }
    if (m_loader.isRunning() || m_segmentation.isRunning() || m_export.isRunning()) return;  // their ends call back
    const QString path = std::exchange(m_pendingOpen, QString());
    m_segmentQueue.clear();
    m_loadJob = m_jobs->start(tr("Loading %1").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(tr("Loading %1…").arg(path));
    auto progress = m_jobs->reporter(m_loadJob);
    const WorkspacePlacement placement{m_settings.workspaceRoot, m_settings.workspaceBesideStudy};
    m_loader.setFuture(QtConcurrent::run([path, placement, progress] { return loadStudy(path, placement, progress); }));
}

bool MainWindow::isLoading() const { return m_loader.isRunning() || !m_pendingOpen.isEmpty(); }

void MainWindow::cancelWork() {
    m_jobs->cancelAll();
    m_segmentQueue.clear();
}

void MainWindow::onStudyLoaded() {
    m_jobs->finish(m_loadJob);
    m_loadJob = {};
    if (!m_pendingOpen.isEmpty()) {  // another study was asked for meanwhile: it goes first
        startPendingOpen();
        return;
    }
    LoadedStudy loaded = m_loader.result();
    if (loaded.result.cancelled) {
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
        return;
    }
    if (loaded.result.series.empty()) {
        const QString msg = tr("No DICOM image could be read from %1 (%n file(s) skipped).", "",
                               static_cast<int>(loaded.result.skipped.size())).arg(loaded.path);
        statusBar()->showMessage(msg, 10000);
        if (!m_screenshotPath.isEmpty()) {
            std::fprintf(stderr, "cardioseg: %s\n", qPrintable(msg));
            qApp->exit(1);
            return;
        }
        showError(tr("Open study"), msg);
        return;
    }
    ++m_generation;
    if (m_surfaces) m_surfaces->clear();  // its surfaces were the previous study's
    m_stroke = {};  // a stroke in progress was on the previous study's labels
    m_undo->clear();
    m_study = std::move(loaded);
    // The session owns the series from here (shared read-only with background work) and the
    // corrections restored from the workspace.
    m_session = std::make_shared<session::ReviewSession>(
        std::make_shared<const session::ReviewSession::Study>(std::move(m_study.result.series)),
        std::move(m_study.work));
    m_study.result.series.clear();
    m_study.work.clear();
    m_session->setListener([this](const session::Change& c) { onSessionChanged(c); });
    addRecent(m_study.path);
    setWindowTitle(tr("CardioSeg — %1").arg(QFileInfo(m_study.path).fileName()));

    const QSignalBlocker block(m_seriesList);
    m_seriesList->clear();
    for (const auto& s : *m_session->study()) {
        const QString desc = s.info.seriesDescription.empty() ? tr("(no description)")
                                                              : QString::fromStdString(s.info.seriesDescription);
        auto* item = new QListWidgetItem(thumbnail(s), tr("%1 · %2\n%3 slices × %4 phases, %5")
                                                           .arg(QString::fromStdString(s.info.patientId), desc)
                                                           .arg(s.slices).arg(s.phases)
                                                           .arg(QString::fromStdString(s.info.modality)));
        m_seriesList->addItem(item);
    }
    const std::size_t skipped = m_study.result.skipped.size();
    m_skippedButton->setVisible(skipped > 0);
    m_skippedButton->setText(tr("%n file(s) skipped…", "", static_cast<int>(skipped)));
    statusBar()->showMessage(m_study.workspaceNote.isEmpty()
                                 ? tr("Loaded %n series", "", m_session->seriesCount())
                                 : m_study.workspaceNote,
                             8000);
    m_seriesList->setCurrentRow(0);
    m_series = -1;
    // The study's own model version when it has one, else the default model.
    m_rejected.reset();
    m_finetunePanel->showOutcome(QString(), false);
    m_reviewedAtLastUpdate = reviewedImageCount();
    if (!m_study.activeModel.isEmpty() && QFileInfo::exists(m_study.activeModel)) activateModel(m_study.activeModel);
    else if (m_activeModel != m_baseModel) activateModel(m_baseModel);
    refreshVersions();
    showSeries(0);  // queues the series' segmentation when there is a model
    Q_EMIT studyShown();
    if (!QFileInfo::exists(m_activeModel)) {
        statusBar()->showMessage(tr("No model at %1: showing images only").arg(m_activeModel), 10000);
        if (!m_screenshotPath.isEmpty()) QTimer::singleShot(400, this, &MainWindow::takeScreenshot);
    }
}

bool MainWindow::isSegmenting() const { return m_segmentation.isRunning() || !m_segmentQueue.empty(); }

const image::SeriesLabels& MainWindow::prediction(int series) const {
    static const image::SeriesLabels none;
    return m_session->hasSeries(series) ? m_session->prediction(series) : none;
}

const image::SeriesLabels& MainWindow::corrections(int series) const {
    static const image::SeriesLabels none;
    return m_session->hasSeries(series) ? m_session->corrections(series) : none;
}

io::ClinicalInputs MainWindow::clinicalInputs(int series) const {
    return m_session->hasSeries(series) ? m_session->clinicalInputs(series) : io::ClinicalInputs();
}

void MainWindow::setClinicalInputs(const io::ClinicalInputs& inputs, const QString& what) {
    if (m_series < 0) return;
    pushEdit(m_session->setClinicalInputs(m_series, inputs), what.isEmpty() ? tr("Change the clinical inputs") : what);
}

void MainWindow::onSessionChanged(const session::Change& change) {
    using C = session::Change;
    if (change.kinds & (C::Corrections | C::Review | C::Inputs)) {
        // A person's change: saved 1.5 s after the first unsaved one, even while editing goes on.
        updateFinetuneAvailability();
        if (!m_autosave->isActive()) m_autosave->start();
    }
    if (change.kinds & (C::Corrections | C::Review | C::Prediction))
        labelsChanged(change.series, change.slice, change.phase);
    if ((change.kinds & C::Inputs) && change.series == m_series) {
        updateFunction();
        updateGrid();
        updateReviewStatus();
    }
}

bool MainWindow::goToNextUnreviewed(bool edEsOnly) {
    if (m_series < 0) return false;
    const auto& s = m_session->series(m_series);
    const auto& f = m_function[1];
    if (edEsOnly && (f.edPhase < 0 || f.esPhase < 0)) {
        statusBar()->showMessage(tr("End-diastole and end-systole are not known yet"), 5000);
        return false;
    }
    const auto next = session::nextCell(s.slices, s.phases, {currentSlice(), currentPhase()}, [&](session::Cell c) {
        if (edEsOnly && c.second != f.edPhase && c.second != f.esPhase) return false;
        return s.image(c.first, c.second) && reviewState(m_series, c.first, c.second) == io::ReviewState::Unreviewed;
    });
    if (!next) {
        statusBar()->showMessage(edEsOnly ? tr("Every image at end-diastole and end-systole is reviewed")
                                          : tr("Every image of this series is reviewed"),
                                 5000);
        return false;
    }
    setPosition(next->first, next->second);
    return true;
}

io::ReviewState MainWindow::reviewState(int series, int slice, int phase) const {
    return m_session->reviewState(series, {slice, phase});
}

void MainWindow::showSeries(int index) {
    if (index < 0 || index >= m_session->seriesCount() || index == m_series) return;
    m_series = index;
    m_metrics->invalidateAll();
    const auto& s = m_session->series(index);
    const auto& g = s.geometry;
    QStringList details{QStringLiteral("<b>%1</b>").arg(QString::fromStdString(s.info.patientName).toHtmlEscaped())};
    const QString studyDate = localDate(s.info.studyDate);  // impossible dates (20120000) are left out
    if (!studyDate.isEmpty()) details << tr("Study of %1").arg(studyDate);
    const QLocale locale;
    details << tr("%1 × %2 px, %3 × %4 mm")
                   .arg(g.columns)
                   .arg(g.rows)
                   .arg(locale.toString(g.colSpacing, 'f', 3), locale.toString(g.rowSpacing, 'f', 3))
            << tr("slice spacing %1 mm").arg(locale.toString(g.sliceSpacing, 'f', 2))
            << tr("%n image(s)", "", static_cast<int>(s.imageCount())) + QStringLiteral(", ") +
                   tr("%n with expert labels", "", static_cast<int>(m_study.expertLabels[index].labelledCount()));
    m_details->setText(details.join(QStringLiteral("<br>")));
    {
        const QSignalBlocker b1(m_sliceSlider), b2(m_phaseSlider), b3(m_seriesList);
        m_seriesList->setCurrentRow(index);
        m_sliceSlider->setRange(0, std::max(0, s.slices - 1));
        m_phaseSlider->setRange(0, std::max(0, s.phases - 1));
        // Start where the experts drew: the labelled image nearest the middle slice, preferring
        // images with both contours; otherwise the middle slice at the first phase.
        int bestSlice = s.slices / 2, bestPhase = 0, bestScore = -1;
        for (const auto& [cell, contours] : m_study.expertContours[index]) {
            const int score = (contours.epicardium ? 1000 : 0) - std::abs(cell.first - s.slices / 2) * 10 - cell.second;
            if (score > bestScore) {
                bestScore = score;
                bestSlice = cell.first;
                bestPhase = cell.second;
            }
        }
        m_sliceSlider->setValue(bestSlice);
        m_phaseSlider->setValue(bestPhase);
    }
    applyWindowPreset(m_windowPreset->currentData().toInt());
    m_view->fitToWindow();
    updateGrid();
    updateImage();
    updateFunction();
    if (QFileInfo::exists(m_activeModel) && m_session->prediction(index).labelledCount() == 0)
        queueSegmentation({index, {}, true, std::make_pair(currentSlice(), currentPhase())});
}

void MainWindow::applyWindowPreset(int preset) {
    if (m_series < 0) return;
    const auto& s = m_session->series(m_series);
    image::Window w = s.window;
    if (preset == PresetAuto || (preset == PresetDicom && !s.windowFromHeader)) {
        w = io::percentileWindow(s);
    } else if (preset == PresetFullRange) {
        float lo = 0, hi = 1;
        bool first = true;
        for (const auto& img : s.pixels)
            for (float v : img.data) {
                lo = first ? v : std::min(lo, v);
                hi = first ? v : std::max(hi, v);
                first = false;
            }
        w = {0.5 * (lo + hi), std::max(1.0, double(hi - lo))};
    }
    m_view->setDisplayWindow(w);
}

int MainWindow::currentSlice() const { return m_sliceSlider->value(); }
int MainWindow::currentPhase() const { return m_phaseSlider->value(); }

void MainWindow::setPosition(int slice, int phase) {
    m_sliceSlider->setValue(slice);
    m_phaseSlider->setValue(phase);
}

void MainWindow::setOverlaySource(OverlaySource source) {
    m_overlaySource = source;
    const QSignalBlocker block(m_sourceBox);
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(int(source)));
    updateImage();
}

void MainWindow::setOverlayStyle(OverlayStyle style) {
    m_overlayStyle = style;
    const QSignalBlocker block(m_styleBox);
    m_styleBox->setCurrentIndex(m_styleBox->findData(int(style)));
    updateImage();
}

void MainWindow::updateImage() {
    if (m_series < 0) {
        m_sliceLabel->setText(tr("Slice –"));
        m_phaseLabel->setText(tr("Phase –"));
        m_view->setImage(nullptr, {}, 0);
        return;
    }
    const auto& s = m_session->series(m_series);
    const int slice = currentSlice(), phase = currentPhase();
    m_sliceLabel->setText(tr("Slice %1 / %2").arg(slice + 1).arg(s.slices));
    const int f = s.frameAt(slice, phase);
    const QString time = f >= 0 && s.frames[f].hasTriggerTime
                             ? tr(" (%1 ms)").arg(QLocale().toString(s.frames[f].triggerTime, 'f', 0))
                             : QString();
    m_phaseLabel->setText(tr("Phase %1 / %2%3").arg(phase + 1).arg(s.phases).arg(time));
    m_view->setImage(s.image(slice, phase), s.geometry, slice);

    static const image::LabelMap none;
    const auto& predicted = prediction(m_series);
    const auto& corrected = corrections(m_series);
    const auto& expert = m_study.expertLabels[m_series];
    const auto& p = predicted.maps.empty() ? none : predicted.at(slice, phase);
    const auto& c = corrected.maps.empty() ? none : corrected.at(slice, phase);
    const auto& e = !m_showLabels->isChecked() || expert.maps.empty() ? none : expert.at(slice, phase);
    OverlayLayers layers = composeOverlay(p, c, e, m_overlaySource, m_overlayStyle, m_settings.opacity);
    // Expert contours are drawn as lines over the labels.
    const auto& byCell = m_study.expertContours[m_series];
    const auto it = byCell.find({slice, phase});
    if (m_showLabels->isChecked() && it != byCell.end()) {
        if (it->second.epicardium) layers.contours.push_back({image::label::Myocardium, *it->second.epicardium, false});
        if (it->second.endocardium) layers.contours.push_back({image::label::BloodPool, *it->second.endocardium, false});
    }
    m_view->setOverlay(std::move(layers));
    refreshEditableContour();
    m_metrics->refresh(predicted, corrected, slice, phase, reviewCounts());
    updateReviewStatus();
    m_grid->setCurrent(slice, phase);
    if (m_functionPanel && phase != m_functionPanel->property("phase").toInt()) {
        m_functionPanel->setProperty("phase", phase);
        m_functionPanel->setFunctions(m_function[0], m_function[1], phase);
    }
    showCoverage();
}

void MainWindow::labelsChanged(int series, int slice, int phase) {
    if (series != m_series) return;
    // The measures as soon as the last image they wait for arrives (while the model goes on with
    // the series' other images); otherwise once the labels settle.
    if (m_functionPanel->waiting() > 0 && imagesAwaitingModel() == 0) updateFunction();
    else m_functionTimer->start();
    if (slice < 0) m_metrics->invalidateAll();
    else m_metrics->invalidate(slice, phase);
    updateGrid();
    if (slice < 0 || (slice == currentSlice() && phase == currentPhase())) {
        updateImage();
    } else {
        m_metrics->refresh(prediction(series), corrections(series), currentSlice(), currentPhase(), reviewCounts());
        updateReviewStatus();
    }
}

void MainWindow::stepSlice(int delta) {
    const int n = m_sliceSlider->maximum() + 1;
    m_sliceSlider->setValue(std::clamp(m_sliceSlider->value() + delta, 0, n - 1));
}

void MainWindow::stepPhase(int delta) {
    const int n = m_phaseSlider->maximum() + 1;
    m_phaseSlider->setValue(((m_phaseSlider->value() + delta) % n + n) % n);  // the cycle wraps
}

void MainWindow::togglePlay(bool play) {
    if (play) {
        m_cineTimer->start(1000 / m_fps->value());
    } else {
        m_cineTimer->stop();
    }
    const QSignalBlocker block(m_playButton);
    m_playButton->setChecked(play);
    m_playButton->setText(play ? tr("Pause") : tr("Play"));
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value("recent/studies").toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue("recent/studies", recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recent/studies").toStringList();
    for (const QString& p : recent) m_recentMenu->addAction(p, this, [this, p] { openStudy(p); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showSkipped() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Skipped files"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(static_cast<int>(m_study.result.skipped.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("File"), tr("Reason")});
    for (int i = 0; i < table->rowCount(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(m_study.result.skipped[i].file)));
        table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(m_study.result.skipped[i].reason)));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(900, 400);
    dialog.exec();
}

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
    saveWorkspace();
    m_saving.waitForFinished();
    cancelWork();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateGrid() {
    if (m_series < 0) {
        m_grid->setCells(0, 0, {});
        return;
    }
    const auto& s = m_session->series(m_series);
    const auto& predicted = prediction(m_series);
    const auto& corrected = corrections(m_series);
    const auto& experts = m_study.expertContours[m_series];
    const auto ranges = coverage(m_series);
    std::vector<std::uint8_t> flags(static_cast<std::size_t>(s.slices) * s.phases, 0);
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            std::uint8_t f = s.frameAt(k, p) >= 0 ? CineGrid::HasImage : 0;
            const std::size_t i = static_cast<std::size_t>(k) * s.phases + p;
            if (i < predicted.maps.size() && !predicted.maps[i].empty()) f |= CineGrid::Predicted;
            if (i < corrected.maps.size() && !corrected.maps[i].empty()) f |= CineGrid::Corrected;
            if (reviewState(m_series, k, p) == io::ReviewState::Confirmed) f |= CineGrid::Confirmed;
            if (experts.count({k, p})) f |= CineGrid::Expert;
            if (p < static_cast<int>(ranges.size()) && !ranges[p].contains(k)) f |= CineGrid::OutsideCoverage;
            flags[i] = f;
        }
    m_grid->setCells(s.slices, s.phases, std::move(flags));
    m_grid->setCardiacPhases(m_function[1].edPhase, m_function[1].esPhase, m_function[1].edEsByHand);
    m_grid->setCurrent(currentSlice(), currentPhase());
}

ReviewCounts MainWindow::reviewCounts() const { return m_session->counts(m_series); }

void MainWindow::updateReviewStatus() {
    if (m_series < 0) {
        m_reviewLabel->clear();
        m_view->setBadge(QString(), QColor());
        return;
    }
    const ReviewCounts c = reviewCounts();
    const auto state = reviewState(m_series, currentSlice(), currentPhase());
    const QString here = state == io::ReviewState::Confirmed ? tr("confirmed")
                         : state == io::ReviewState::Corrected ? tr("corrected")
                                                               : tr("unreviewed");
    m_reviewLabel->setText(tr("Image %1").arg(here) + QStringLiteral(" · ") + tr("%n corrected", "", c.corrected) +
                           QStringLiteral(", ") + tr("%n confirmed", "", c.confirmed));
    // The state on the image itself, and in the Edit menu.
    const QColor colour = state == io::ReviewState::Confirmed   ? QColor(64, 180, 90)
                          : state == io::ReviewState::Corrected ? QColor(230, 140, 40)
                                                                : QColor(110, 110, 110);
    QString badge = state == io::ReviewState::Confirmed   ? tr("✓ Confirmed")
                    : state == io::ReviewState::Corrected ? tr("Corrected")
                                                          : tr("Not reviewed");
    const auto& f = m_function[1];
    if (currentPhase() == f.edPhase) badge += tr(" · ED");
    if (currentPhase() == f.esPhase) badge += tr(" · ES");
    const auto ranges = coverage(m_series);
    if (currentPhase() < static_cast<int>(ranges.size()) && !ranges[currentPhase()].contains(currentSlice()))
        badge += tr(" · outside the left ventricle");
    m_view->setBadge(badge, colour);
    if (m_confirmAction) {
        m_confirmAction->setChecked(state == io::ReviewState::Confirmed);
        m_unconfirmAction->setEnabled(state == io::ReviewState::Confirmed);
    }
}

}  // namespace cardioseg::ui
