#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QDir>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

#include "io/dicom_loader.h"
#include "io/resources.h"
#include "cine_grid.h"
#include "metrics_panel.h"
#include "slice_view.h"

namespace cardioseg::ui {

namespace {

constexpr int kMaxRecent = 8;

enum WindowPreset { PresetDicom, PresetAuto, PresetFullRange };

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("CardioSeg"));
    setAcceptDrops(true);
    buildUi();
    buildMenus();
    connect(&m_loader, &QFutureWatcher<LoadedStudy>::finished, this, &MainWindow::onStudyLoaded);
    connect(&m_segmentation, &QFutureWatcher<SegmentationResult>::finished, this, &MainWindow::onSegmentationFinished);
    connect(&m_export, &QFutureWatcher<ExportResult>::finished, this, [this] {
        showProgress(false);
        const ExportResult r = m_export.result();
        QStringList files;
        for (const auto& f : r.files) files << QString::fromStdString(f);
        const QString error = QString::fromStdString(r.error);
        if (error.isEmpty()) statusBar()->showMessage(tr("Exported %n file(s)", "", files.size()), 10000);
        else statusBar()->showMessage(tr("Export failed: %1").arg(error), 30000);
        Q_EMIT exportFinished(files, error);
    });
    m_modelPath = QSettings().value("model/path", QString::fromStdString(io::defaultModelPath().string())).toString();
    connect(m_view, &SliceView::strokeBegan, this, &MainWindow::beginStroke);
    connect(m_view, &SliceView::strokeMoved, this, &MainWindow::continueStroke);
    connect(m_view, &SliceView::strokeEnded, this, &MainWindow::endStroke);
    updateToolStatus();
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    if (!settings.contains("window/geometry")) resize(1280, 820);
}

MainWindow::~MainWindow() {
    m_export.waitForFinished();
    saveWorkspace();
    m_saving.waitForFinished();
    cancelLoading();
    m_loader.waitForFinished();
    m_segmentation.waitForFinished();
}

void MainWindow::buildUi() {
    m_view = new SliceView(this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);

    auto* controls = new QWidget(central);
    auto* grid = new QHBoxLayout(controls);
    grid->setContentsMargins(8, 2, 8, 6);
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
    m_showLabels = new QCheckBox(tr("Expert labels"), controls);
    m_showLabels->setChecked(true);
    m_showLabels->setToolTip(tr("Show the expert contours and labels (L)"));
    m_showPrediction = new QCheckBox(tr("AI prediction"), controls);
    m_showPrediction->setChecked(true);
    m_showPrediction->setToolTip(tr("Show the model's labels, filled (P)"));
    m_windowPreset = new QComboBox(controls);
    m_windowPreset->addItem(tr("Window: DICOM"), PresetDicom);
    m_windowPreset->addItem(tr("Window: auto"), PresetAuto);
    m_windowPreset->addItem(tr("Window: full range"), PresetFullRange);
    grid->addWidget(m_sliceLabel);
    grid->addWidget(m_sliceSlider, 2);
    grid->addSpacing(12);
    grid->addWidget(m_phaseLabel);
    grid->addWidget(m_phaseSlider, 3);
    grid->addWidget(m_playButton);
    grid->addWidget(m_fps);
    grid->addSpacing(12);
    grid->addWidget(m_showPrediction);
    grid->addWidget(m_showLabels);
    grid->addWidget(m_windowPreset);
    layout->addWidget(controls);
    setCentralWidget(central);

    auto* dock = new QDockWidget(tr("Series"), this);
    dock->setObjectName("seriesDock");
    auto* side = new QWidget(dock);
    auto* sideLayout = new QVBoxLayout(side);
    m_seriesList = new QListWidget(side);
    m_seriesList->setMinimumWidth(240);
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
    metricsDock->setWidget(m_metrics);
    addDockWidget(Qt::LeftDockWidgetArea, metricsDock);

    m_cursorLabel = new QLabel(this);
    statusBar()->addWidget(m_cursorLabel, 1);
    m_reviewLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_reviewLabel);
    m_toolLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_toolLabel);
    m_undo = new QUndoStack(this);
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(1500);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::saveWorkspace);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

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
    connect(m_showPrediction, &QCheckBox::toggled, this, &MainWindow::updateImage);
    connect(m_windowPreset, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int i) { applyWindowPreset(m_windowPreset->itemData(i).toInt()); });
    connect(m_seriesList, &QListWidget::currentRowChanged, this, &MainWindow::showSeries);
    connect(m_grid, &CineGrid::cellClicked, this, &MainWindow::setPosition);
    connect(m_view, &SliceView::cursorInfoChanged, m_cursorLabel, &QLabel::setText);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelLoading);
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
    file->addAction(tr("&Export Masks…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::showExportDialog);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Navigate"), QKeySequence(Qt::Key_V), this, [this] { setTool(Tool::Navigate); });
    edit->addAction(tr("&Brush"), QKeySequence(Qt::Key_B), this, [this] { setTool(Tool::Brush); });
    edit->addAction(tr("&Eraser"), QKeySequence(Qt::Key_E), this, [this] { setTool(Tool::Eraser); });
    edit->addAction(tr("Paint Blood &Pool"), QKeySequence(Qt::Key_1), this, [this] { setBrushLabel(image::label::BloodPool); });
    edit->addAction(tr("Paint &Myocardium"), QKeySequence(Qt::Key_2), this, [this] { setBrushLabel(image::label::Myocardium); });
    edit->addAction(tr("Smaller Brush"), QKeySequence(Qt::Key_BracketLeft), this, [this] { setBrushRadius(m_brushRadius - 1); });
    edit->addAction(tr("Larger Brush"), QKeySequence(Qt::Key_BracketRight), this, [this] { setBrushRadius(m_brushRadius + 1); });
    edit->addSeparator();
    edit->addAction(tr("&Accept Prediction for This Image"), QKeySequence(Qt::Key_A), this, &MainWindow::acceptPrediction);
    edit->addAction(tr("&Confirm This Image"), QKeySequence(Qt::Key_C), this, &MainWindow::toggleConfirmed);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Fit to Window"), QKeySequence(Qt::Key_F), m_view, &SliceView::fitToWindow);
    view->addAction(tr("Show Expert &Labels"), QKeySequence(Qt::Key_L), m_showLabels, &QCheckBox::toggle);
    view->addAction(tr("Show AI &Prediction"), QKeySequence(Qt::Key_P), m_showPrediction, &QCheckBox::toggle);
    view->addAction(tr("&Play Cine"), QKeySequence(Qt::Key_Space), m_playButton, &QToolButton::toggle);
    view->addSeparator();
    view->addAction(tr("Next Slice"), QKeySequence(Qt::Key_Down), this, [this] { stepSlice(1); });
    view->addAction(tr("Previous Slice"), QKeySequence(Qt::Key_Up), this, [this] { stepSlice(-1); });
    view->addAction(tr("Next Phase"), QKeySequence(Qt::Key_Right), this, [this] { stepPhase(1); });
    view->addAction(tr("Previous Phase"), QKeySequence(Qt::Key_Left), this, [this] { stepPhase(-1); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
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
    saveWorkspace();
    m_saving.waitForFinished();
    cancelLoading();
    m_loader.waitForFinished();
    m_segmentation.waitForFinished();
    togglePlay(false);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress->setValue(0);
    showProgress(true);
    statusBar()->showMessage(tr("Loading %1…").arg(path));
    auto progress = progressReporter(m_cancel);
    const QString root = QSettings()
                             .value("workspace/root", QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                                          "/workspaces")
                             .toString();
    m_loader.setFuture(QtConcurrent::run([path, root, progress] { return loadStudy(path, root, progress); }));
}

bool MainWindow::isLoading() const { return m_loader.isRunning(); }

void MainWindow::cancelLoading() {
    if (m_cancel) m_cancel->store(true);
    if (m_segmentCancel) m_segmentCancel->store(true);
}

io::ProgressFn MainWindow::progressReporter(std::shared_ptr<std::atomic<bool>> cancel) {
    // Called from a worker: the bar is updated through the GUI thread's event queue.
    QPointer<QProgressBar> bar = m_progress;
    return [cancel, bar](double f, const std::string&) {
        QMetaObject::invokeMethod(bar, [bar, f] {
            if (bar) bar->setValue(static_cast<int>(f * 1000));
        }, Qt::QueuedConnection);
        return !cancel->load();
    };
}

void MainWindow::showProgress(bool visible) {
    m_progress->setVisible(visible);
    m_cancelButton->setVisible(visible);
}

void MainWindow::onStudyLoaded() {
    showProgress(false);
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
    m_study = std::move(loaded);
    m_predictions.assign(m_study.result.series.size(), image::SeriesLabels());
    m_corrections.clear();
    m_review.clear();
    for (auto& w : m_study.work) {
        m_corrections.push_back(std::move(w.corrections));
        m_review.push_back(std::move(w.review));
    }
    m_study.work.clear();
    m_dirtySeries.clear();
    m_undo->clear();
    addRecent(m_study.path);
    setWindowTitle(tr("CardioSeg — %1").arg(QFileInfo(m_study.path).fileName()));

    const QSignalBlocker block(m_seriesList);
    m_seriesList->clear();
    for (const auto& s : m_study.result.series) {
        const QString desc = s.info.seriesDescription.empty() ? tr("(no description)")
                                                              : QString::fromStdString(s.info.seriesDescription);
        m_seriesList->addItem(tr("%1 · %2\n%3 slices × %4 phases, %5")
                                  .arg(QString::fromStdString(s.info.patientId), desc)
                                  .arg(s.slices).arg(s.phases)
                                  .arg(QString::fromStdString(s.info.modality)));
    }
    const std::size_t skipped = m_study.result.skipped.size();
    m_skippedButton->setVisible(skipped > 0);
    m_skippedButton->setText(tr("%n file(s) skipped…", "", static_cast<int>(skipped)));
    statusBar()->showMessage(tr("Loaded %n series", "", static_cast<int>(m_study.result.series.size())), 5000);
    m_seriesList->setCurrentRow(0);
    showSeries(0);
    emit studyShown();
    const bool haveModel = QFileInfo::exists(m_modelPath);
    if (haveModel) startSegmentation(0);
    else statusBar()->showMessage(tr("No model at %1: showing images only").arg(m_modelPath), 10000);
    if (!m_screenshotPath.isEmpty() && !haveModel) QTimer::singleShot(400, this, &MainWindow::takeScreenshot);
}

void MainWindow::setModelPath(const QString& path, bool remember) {
    if (remember) QSettings().setValue("model/path", path);
    if (path == m_modelPath) return;
    m_segmentation.waitForFinished();
    m_modelPath = path;
    m_segmenter.reset();
}

bool MainWindow::isSegmenting() const { return m_segmentation.isRunning(); }

const image::SeriesLabels& MainWindow::prediction(int series) const {
    static const image::SeriesLabels none;
    return series >= 0 && series < static_cast<int>(m_predictions.size()) ? m_predictions[series] : none;
}

const image::SeriesLabels& MainWindow::corrections(int series) const {
    static const image::SeriesLabels none;
    return series >= 0 && series < static_cast<int>(m_corrections.size()) ? m_corrections[series] : none;
}

image::SeriesLabels* MainWindow::correctionsOf(int series) {
    return series >= 0 && series < static_cast<int>(m_corrections.size()) ? &m_corrections[series] : nullptr;
}

io::ReviewState MainWindow::reviewState(int series, int slice, int phase) const {
    if (series < 0 || series >= static_cast<int>(m_review.size())) return io::ReviewState::Unreviewed;
    const auto it = m_review[series].find({slice, phase});
    return it == m_review[series].end() ? io::ReviewState::Unreviewed : it->second;
}

void MainWindow::toggleConfirmed() {
    if (m_series < 0) return;
    auto& states = m_review[m_series];
    const std::pair<int, int> cell{currentSlice(), currentPhase()};
    if (reviewState(m_series, cell.first, cell.second) == io::ReviewState::Confirmed) {
        const bool corrected = !m_corrections[m_series].at(cell.first, cell.second).empty();
        if (corrected) states[cell] = io::ReviewState::Corrected;
        else states.erase(cell);
    } else {
        // Confirming an image confirms the labels on screen: the model's, unless corrected.
        auto& map = m_corrections[m_series].at(cell.first, cell.second);
        const auto& predicted = prediction(m_series);
        if (map.empty() && !predicted.maps.empty()) map = predicted.at(cell.first, cell.second);
        states[cell] = io::ReviewState::Confirmed;
    }
    markChanged(m_series);
    updateImage();
}

void MainWindow::markChanged(int series) {
    m_dirtySeries.insert(series);
    m_autosave->start();
}

void MainWindow::saveWorkspace() {
    m_autosave->stop();
    if (m_dirtySeries.empty() || m_study.workspaceFolder.isEmpty()) return;
    if (m_saving.isRunning()) {  // one writer at a time; try again shortly
        m_autosave->start();
        return;
    }
    // The worker gets copies: editing goes on while it writes.
    std::vector<std::pair<const image::CineSeries*, io::SeriesWork>> jobs;
    for (int s : m_dirtySeries) jobs.push_back({&m_study.result.series[s], io::SeriesWork{m_corrections[s], m_review[s]}});
    m_dirtySeries.clear();
    const std::string folder = m_study.workspaceFolder.toStdString();
    QPointer<QStatusBar> bar = statusBar();
    m_saving = QtConcurrent::run([jobs = std::move(jobs), folder, bar] {
        try {
            const io::Workspace ws(folder);
            for (const auto& [series, work] : jobs) ws.save(*series, work);
        } catch (const std::exception& e) {
            const QString msg = QObject::tr("Corrections NOT saved: %1").arg(QString::fromStdString(e.what()));
            QMetaObject::invokeMethod(bar, [bar, msg] {
                if (bar) bar->showMessage(msg, 30000);
            }, Qt::QueuedConnection);
        }
    });
}

bool MainWindow::isExporting() const { return m_export.isRunning(); }

void MainWindow::exportMasks(const ExportOptions& options) {
    if (m_series < 0 || m_export.isRunning()) return;
    const image::CineSeries* series = &m_study.result.series[m_series];
    image::SeriesLabels labels = mergedLabels(m_corrections[m_series], prediction(m_series));
    m_progress->setRange(0, 0);  // busy: writers report no fraction
    showProgress(true);
    m_export.setFuture(QtConcurrent::run([series, labels = std::move(labels), options] {
        return ui::exportMasks(*series, labels, options);
    }));
    connect(&m_export, &QFutureWatcher<ExportResult>::finished, m_progress, [this] { m_progress->setRange(0, 1000); },
            Qt::SingleShotConnection);
}

void MainWindow::showExportDialog() {
    if (m_series < 0) return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export masks"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Labels of this series: your corrections, and the model's where an image "
                                    "has none."), &dialog));
    auto* png = new QCheckBox(tr("PNG label images (one per image)"), &dialog);
    png->setChecked(true);
    auto* nifti = new QCheckBox(tr("NIfTI (4-D, all phases)"), &dialog);
    auto* seg = new QCheckBox(tr("DICOM SEG"), &dialog);
    auto* anon = new QCheckBox(tr("Remove patient identity (DICOM SEG)"), &dialog);
    for (auto* w : {png, nifti, seg, anon}) layout->addWidget(w);
    auto* row = new QHBoxLayout();
    auto* folder = new QLineEdit(QSettings().value("export/folder", QDir::homePath()).toString(), &dialog);
    auto* browse = new QPushButton(tr("Browse…"), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString d = QFileDialog::getExistingDirectory(&dialog, tr("Export to"), folder->text());
        if (!d.isEmpty()) folder->setText(d);
    });
    row->addWidget(folder, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    QSettings().setValue("export/folder", folder->text());
    ExportOptions o;
    o.folder = folder->text();
    o.png = png->isChecked();
    o.nifti = nifti->isChecked();
    o.dicomSeg = seg->isChecked();
    o.deidentify = anon->isChecked();
    exportMasks(o);
}

void MainWindow::updateGrid() {
    if (m_series < 0) {
        m_grid->setCells(0, 0, {});
        return;
    }
    const auto& s = m_study.result.series[m_series];
    const auto& predicted = prediction(m_series);
    const auto& corrected = corrections(m_series);
    const auto& experts = m_study.expertContours[m_series];
    std::vector<std::uint8_t> flags(static_cast<std::size_t>(s.slices) * s.phases, 0);
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            std::uint8_t f = s.frameAt(k, p) >= 0 ? CineGrid::HasImage : 0;
            const std::size_t i = static_cast<std::size_t>(k) * s.phases + p;
            if (i < predicted.maps.size() && !predicted.maps[i].empty()) f |= CineGrid::Predicted;
            if (i < corrected.maps.size() && !corrected.maps[i].empty()) f |= CineGrid::Corrected;
            if (reviewState(m_series, k, p) == io::ReviewState::Confirmed) f |= CineGrid::Confirmed;
            if (experts.count({k, p})) f |= CineGrid::Expert;
            flags[i] = f;
        }
    m_grid->setCells(s.slices, s.phases, std::move(flags));
    m_grid->setCurrent(currentSlice(), currentPhase());
}

void MainWindow::updateReviewStatus() {
    if (m_series < 0) {
        m_reviewLabel->clear();
        return;
    }
    int corrected = 0, confirmed = 0;
    for (const auto& [cell, state] : m_review[m_series]) (state == io::ReviewState::Confirmed ? confirmed : corrected)++;
    const auto state = reviewState(m_series, currentSlice(), currentPhase());
    const QString here = state == io::ReviewState::Confirmed ? tr("confirmed")
                         : state == io::ReviewState::Corrected ? tr("corrected")
                                                               : tr("unreviewed");
    m_reviewLabel->setText(tr("Image %1 · %2 corrected, %3 confirmed").arg(here).arg(corrected).arg(confirmed));
}

void MainWindow::setTool(Tool tool) {
    m_tool = tool;
    m_view->setPainting(tool != Tool::Navigate, m_brushRadius);
    updateToolStatus();
}

void MainWindow::setBrushLabel(std::uint8_t label) {
    m_brushLabel = label;
    if (m_tool == Tool::Navigate) setTool(Tool::Brush);
    updateToolStatus();
}

void MainWindow::setBrushRadius(double pixels) {
    m_brushRadius = std::clamp(pixels, 0.0, 40.0);
    m_view->setPainting(m_tool != Tool::Navigate, m_brushRadius);
    updateToolStatus();
}

void MainWindow::updateToolStatus() {
    if (m_tool == Tool::Navigate) {
        m_toolLabel->setText(tr("Navigate"));
        return;
    }
    const double mm = m_series >= 0 ? m_brushRadius * m_study.result.series[m_series].geometry.colSpacing : m_brushRadius;
    const QString what = m_tool == Tool::Eraser ? tr("Eraser")
                         : m_brushLabel == image::label::BloodPool ? tr("Brush: blood pool")
                                                                   : tr("Brush: myocardium");
    m_toolLabel->setText(tr("%1, radius %2 px (%3 mm)").arg(what).arg(m_brushRadius, 0, 'f', 0).arg(mm, 0, 'f', 1));
}

void MainWindow::beginStroke(const QPointF& pos) {
    image::SeriesLabels* labels = correctionsOf(m_series);
    const auto& s = m_study.result.series[m_series];
    if (!labels || !s.image(currentSlice(), currentPhase())) return;
    auto& map = labels->at(currentSlice(), currentPhase());
    m_strokeCreatedMap = map.empty();
    if (m_strokeCreatedMap) {
        // The first correction of an image starts from the model's labels where there are any.
        const auto& predicted = prediction(m_series);
        map = !predicted.maps.empty() && !predicted.at(currentSlice(), currentPhase()).empty()
                  ? predicted.at(currentSlice(), currentPhase())
                  : image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background);
        m_strokeBefore = image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background);
    } else {
        m_strokeBefore = map;
    }
    continueStroke(pos, pos);
}

void MainWindow::continueStroke(const QPointF& from, const QPointF& to) {
    image::SeriesLabels* labels = correctionsOf(m_series);
    if (!labels || m_strokeBefore.empty()) return;
    auto& map = labels->at(currentSlice(), currentPhase());
    const std::uint8_t value = m_tool == Tool::Eraser ? image::label::Background : m_brushLabel;
    image::paintSegment(map, from.x(), from.y(), to.x(), to.y(), m_brushRadius, value);
    updateImage();
}

void MainWindow::endStroke() {
    if (m_strokeBefore.empty()) return;
    pushEdit(m_tool == Tool::Eraser ? tr("Erase") : tr("Paint"), m_strokeBefore, m_strokeCreatedMap);
    m_strokeBefore = image::LabelMap();
}

void MainWindow::pushEdit(const QString& text, const image::LabelMap& before, bool createdMap) {
    const EditTarget target{m_series, currentSlice(), currentPhase()};
    const auto& after = m_corrections[m_series].at(target.slice, target.phase);
    image::LabelPatch patch = image::makePatch(before, after);
    if (patch.empty() && !createdMap) return;
    m_undo->push(new LabelEditCommand(
        text, target, std::move(patch), createdMap, [this](int series) { return correctionsOf(series); },
        [this](const EditTarget& t) {
            auto& states = m_review[t.series];
            const bool corrected = !m_corrections[t.series].at(t.slice, t.phase).empty();
            if (!corrected) states.erase({t.slice, t.phase});
            else if (!states.count({t.slice, t.phase})) states[{t.slice, t.phase}] = io::ReviewState::Corrected;
            markChanged(t.series);
            if (t.series == m_series) setPosition(t.slice, t.phase);  // show what was undone
            updateImage();
        }));
    auto& states = m_review[target.series];
    if (!states.count({target.slice, target.phase})) states[{target.slice, target.phase}] = io::ReviewState::Corrected;
    markChanged(target.series);
}

void MainWindow::acceptPrediction() {
    const auto& predicted = prediction(m_series);
    image::SeriesLabels* labels = correctionsOf(m_series);
    if (!labels || predicted.maps.empty() || predicted.at(currentSlice(), currentPhase()).empty()) {
        statusBar()->showMessage(tr("No prediction for this image yet"), 5000);
        return;
    }
    auto& map = labels->at(currentSlice(), currentPhase());
    const bool created = map.empty();
    const image::LabelMap before =
        created ? image::LabelMap(predicted.at(currentSlice(), currentPhase()).width,
                                  predicted.at(currentSlice(), currentPhase()).height, image::label::Background)
                : map;
    map = predicted.at(currentSlice(), currentPhase());
    pushEdit(tr("Accept prediction"), before, created);
    updateImage();
}

void MainWindow::startSegmentation(int series) {
    if (m_segmentation.isRunning() || series < 0 || series >= static_cast<int>(m_study.result.series.size())) return;
    m_segmentCancel = std::make_shared<std::atomic<bool>>(false);
    m_progress->setValue(0);
    showProgress(true);
    statusBar()->showMessage(tr("Segmenting with %1…").arg(QFileInfo(m_modelPath).fileName()));
    auto progress = progressReporter(m_segmentCancel);
    // The series stays alive and unchanged while the job runs: opening another study waits
    // for this job first.
    const image::CineSeries* s = &m_study.result.series[series];
    m_segmentation.setFuture(QtConcurrent::run([segmenter = m_segmenter, path = m_modelPath, s, series, progress] {
        return segmentSeries(segmenter, path, *s, series, progress);
    }));
}

void MainWindow::onSegmentationFinished() {
    showProgress(false);
    SegmentationResult r = m_segmentation.result();
    if (r.segmenter) m_segmenter = r.segmenter;
    if (!r.error.empty()) {
        const QString msg = tr("Segmentation failed: %1").arg(QString::fromStdString(r.error));
        statusBar()->showMessage(msg, 15000);
        if (m_screenshotPath.isEmpty()) showError(tr("Segmentation"), msg);
    } else if (r.cancelled) {
        statusBar()->showMessage(tr("Segmentation cancelled"), 5000);
    } else if (r.series < static_cast<int>(m_predictions.size())) {
        m_predictions[r.series] = std::move(r.labels);
        statusBar()->showMessage(tr("Segmented %1 images in %2 s (%3)")
                                     .arg(m_predictions[r.series].labelledCount())
                                     .arg(r.seconds, 0, 'f', 1)
                                     .arg(QString::fromStdString(r.device)),
                                 10000);
        updateImage();
    }
    emit segmentationFinished(r.series);
    if (!m_screenshotPath.isEmpty()) QTimer::singleShot(300, this, &MainWindow::takeScreenshot);
}

void MainWindow::showSeries(int index) {
    if (index < 0 || index >= static_cast<int>(m_study.result.series.size())) return;
    m_series = index;
    const auto& s = m_study.result.series[index];
    const auto& g = s.geometry;
    m_details->setText(tr("<b>%1</b><br>Study date %2<br>%3 × %4 px, %5 × %6 mm<br>slice spacing %7 mm<br>"
                          "%8 images, %9 with expert labels")
                           .arg(QString::fromStdString(s.info.patientName).toHtmlEscaped(),
                                QString::fromStdString(s.info.studyDate))
                           .arg(g.columns).arg(g.rows)
                           .arg(g.colSpacing, 0, 'f', 3).arg(g.rowSpacing, 0, 'f', 3)
                           .arg(g.sliceSpacing, 0, 'f', 2)
                           .arg(s.imageCount())
                           .arg(m_study.expertLabels[index].labelledCount()));
    const QSignalBlocker b1(m_sliceSlider), b2(m_phaseSlider);
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
    applyWindowPreset(m_windowPreset->currentData().toInt());
    m_view->fitToWindow();
    updateImage();
}

void MainWindow::applyWindowPreset(int preset) {
    if (m_series < 0) return;
    const auto& s = m_study.result.series[m_series];
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

void MainWindow::updateImage() {
    if (m_series < 0) {
        m_sliceLabel->setText(tr("Slice –"));
        m_phaseLabel->setText(tr("Phase –"));
        m_view->setImage(nullptr, {}, 0);
        return;
    }
    const auto& s = m_study.result.series[m_series];
    const int slice = currentSlice(), phase = currentPhase();
    m_sliceLabel->setText(tr("Slice %1 / %2").arg(slice + 1).arg(s.slices));
    const int f = s.frameAt(slice, phase);
    const QString time = f >= 0 && s.frames[f].hasTriggerTime
                             ? tr(" (%1 ms)").arg(s.frames[f].triggerTime, 0, 'f', 0)
                             : QString();
    m_phaseLabel->setText(tr("Phase %1 / %2%3").arg(phase + 1).arg(s.phases).arg(time));
    m_view->setImage(s.image(slice, phase), s.geometry, slice);

    // The model's labels fill the overlay; expert contours are drawn as lines over them. Without
    // a prediction the expert labels fill it.
    std::vector<LabelledContour> contours;
    const auto& byCell = m_study.expertContours[m_series];
    const auto it = byCell.find({slice, phase});
    if (m_showLabels->isChecked() && it != byCell.end()) {
        if (it->second.epicardium) contours.push_back({image::label::Myocardium, *it->second.epicardium});
        if (it->second.endocardium) contours.push_back({image::label::BloodPool, *it->second.endocardium});
    }
    const auto& predicted = prediction(m_series);
    const auto& expert = m_study.expertLabels[m_series];
    const auto& corrected = corrections(m_series);
    image::LabelMap fill;
    if (!corrected.maps.empty() && !corrected.at(slice, phase).empty())
        fill = corrected.at(slice, phase);
    else if (m_showPrediction->isChecked() && !predicted.maps.empty())
        fill = predicted.at(slice, phase);
    else if (m_showLabels->isChecked() && !expert.maps.empty())
        fill = expert.at(slice, phase);
    m_view->setLabels(fill, std::move(contours));
    m_metrics->refresh(predicted, corrected, slice, phase);
    updateReviewStatus();
    updateGrid();
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
    if (!urls.isEmpty() && urls.first().isLocalFile()) openStudy(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue("window/geometry", saveGeometry());
    saveWorkspace();
    m_saving.waitForFinished();
    cancelLoading();
    QMainWindow::closeEvent(event);
}

}  // namespace cardioseg::ui
