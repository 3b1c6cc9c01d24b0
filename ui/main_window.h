#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "dialogs.h"
#include "editing_presenter.h"
#include "analysis/function.h"
#include "analysis/series_export.h"
#include "job_list.h"
#include "model_presenter.h"
#include "finetune_presenter.h"
#include "function_presenter.h"
#include "metrics_panel.h"
#include "overlay.h"
#include "segmentation_job.h"
#include "session/review_session.h"
#include "session/suggestions.h"
#include "study_loader.h"

class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;
class QUndoStack;

namespace cardioseg::ui {

/// A panel in a scroll area sized for it, so that docks can shrink below the panel's height.
QScrollArea* scrollable(QWidget* panel, QWidget* parent, int minimumWidth = 0);

class CineGrid;
class FinetunePanel;
class FunctionPanel;
class SurfaceDialog;
class MetricsPanel;
class SliceView;

/// The workstation's main window: series list, slice view with slice/phase navigation and cine
/// playback, the model's labels and the user's corrections as overlays, editing tools with
/// undo, review states, a metrics panel, export and settings. Loading, segmentation, saving
/// and export run in worker threads; the window never waits on them.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading a study folder or file in the background; once shown, the model segments
    /// the series in the background too.
    void openStudy(const QString& path);
    /// The model file used for segmentation; `remember` keeps it for the next sessions. The
    /// file is checked in the background: a file that cannot be read leaves the current model
    /// in place and says why. With a study open, the current series is segmented again.
    void setModelPath(const QString& path, bool remember = true);
    /// The model in use: the study's active version, else the default model of the settings.
    QString modelPath() const;
    const AppSettings& settings() const { return m_settings; }
    /// Applies and stores settings (colours, opacity, device, threads, model, workspace place).
    void applySettings(const AppSettings& settings);
    bool isSegmenting() const;

    /// Which images "segment" runs on.
    enum class Scope { Image, Slice, Series, Study };
    /// Queues a segmentation of the current image, slice (all its phases), series or study.
    void segment(Scope scope);
    /// The model's labels of a series (empty until it has run).
    const image::SeriesLabels& prediction(int series) const;
    /// The labels corrected by the user (empty maps where nothing was corrected).
    const image::SeriesLabels& corrections(int series) const;
    /// Tools, edits and their undo stack.
    EditingPresenter* editing() const { return m_editing; }
    /// Goes to the first image to correct (FunctionPresenter::suggestions); false when there is none.
    bool goToSuggestion();
    /// Goes to the next image (review order: slice by slice from the base, phase by phase) that
    /// is neither corrected nor confirmed; `edEsOnly`: only at end-diastole and end-systole.
    /// False when there is none.
    bool goToNextUnreviewed(bool edEsOnly);
    io::ReviewState reviewState(int series, int slice, int phase) const;
    /// Height, weight, ED and ES entered for a series (saved in its workspace).
    io::ClinicalInputs clinicalInputs(int series) const;
    /// The left ventricle's coverage of a series per phase: found from the model's labels once
    /// every image is segmented, with the base and apex a person set. Empty until then.
    std::vector<image::SliceRange> coverage(int series) const;
    /// The model's labels before the coverage was applied (prediction() has it applied).
    const image::SeriesLabels& rawPrediction(int series) const;

    void setOverlaySource(OverlaySource source);
    OverlaySource overlaySource() const { return m_overlaySource; }
    void setOverlayStyle(OverlayStyle style);
    OverlayStyle overlayStyle() const { return m_overlayStyle; }

    /// Writes pending corrections to the workspace now (also done 1.5 s after each change).
    void saveWorkspace();
    QString workspaceFolder() const { return m_study.workspaceFolder; }
    /// Exports the current series in the background; exportFinished tells the outcome.
    void exportSeries(const analysis::ExportOptions& options);
    bool isExporting() const;
    /// Fine-tuning on the study's corrections and its model versions (finetuneFinished tells
    /// a run's outcome).
    FinetunePresenter* updates() const { return m_updates; }
    /// Switches the study to a model version (or the default model), remembered in its workspace.
    void chooseVersion(const QString& file);
    FinetunePanel* finetunePanel() const { return m_finetunePanel; }
    /// Images of the study with corrected or confirmed labels.
    int reviewedImageCount() const;
    /// LV function of the series on screen, the images to correct first, the 3-D view.
    FunctionPresenter* measures() const { return m_measures; }
    FunctionPanel* functionPanel() const { return m_functionPanel; }
    JobList* jobs() const { return m_jobs; }  ///< the status bar's running jobs
    /// Opens the 3-D view of the current series.
    SurfaceDialog* showSurfaces();
    /// Writes the PDF report of the current series in the background (reportFinished).
    void writeReport(const QString& file);
    /// After the next study has loaded and is shown, saves a PNG of the window there and quits
    /// the application (exit code 0 on success, 1 when nothing could be shown or saved).
    void setScreenshotPath(const QString& path);

    bool isLoading() const;
    /// The study as loaded: its path, workspace, expert labels, skipped files (its series are
    /// the session's).
    const LoadedStudy& study() const { return m_study; }
    /// The study under review: series, the model's labels, corrections, review states.
    const session::ReviewSession& session() const { return *m_session; }
    int currentSeries() const { return m_series; }
    int currentSlice() const;
    int currentPhase() const;
    void setPosition(int slice, int phase);
    void showSeries(int index);
    SliceView* sliceView() const { return m_view; }
    MetricsPanel* metricsPanel() const { return m_metrics; }
    CineGrid* cineGrid() const { return m_grid; }

Q_SIGNALS:
    /// Emitted when a study has loaded and its first image is on screen.
    void studyShown();
    /// Emitted when a segmentation job of a series ended (or failed: see status bar).
    void segmentationFinished(int series);
    /// An export ended: the files written, or the error (file and reason).
    void exportFinished(const QStringList& files, const QString& error);
    /// The model file in use changed (after it was checked), or could not be read (error).
    void modelChanged(const QString& path, const QString& error);
    /// A fine-tune ended: whether a new version became active, and what happened.
    void finetuneFinished(bool accepted, const QString& message);
    /// A report was written (error empty) or could not be.
    void reportFinished(const QString& file, const QString& error);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    enum WindowPreset { PresetDicom, PresetAuto, PresetFullRange };
    // main_window.cpp: window, study, navigation, display
    void buildUi();
    void buildMenus();
    void buildModelMenu();
    void onStudyLoaded();
    void startPendingOpen();
    void updateImage();
    void applyWindowPreset(int preset);
    void stepSlice(int delta);
    void stepPhase(int delta);
    void togglePlay(bool play);
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void showSkipped();
    void cancelWork();
    void takeScreenshot();
    void showError(const QString& title, const QString& message);
    void updateGrid();
    void updateReviewStatus();
    ReviewCounts reviewCounts() const;
    /// The labels of images changed: metrics and grid follow (slice -1: the whole series).
    void labelsChanged(int series, int slice, int phase);
    /// What the session says changed: the views follow; a person's change is saved shortly.
    void onSessionChanged(const session::Change& change);

    session::Cell currentCell() const { return {currentSlice(), currentPhase()}; }
    /// Redraws the labels over the image on screen (during a stroke, only they change).
    void updateOverlay();

    // main_window_model.cpp: segmentation, model, settings, export
    /// A segmentation job ended: what it did in the status bar, the measures, what comes next.
    void onSegmentationFinished(const SegmentationResult& result);
    /// The model in use changed (error empty) or could not be read.
    void onModelChanged(const QString& path, const QString& error);
    void showExportDialog();
    void showSettingsDialog();
    void chooseModelFile();

    // main_window_function.cpp: cardiac function, 3-D, report
    void buildFunctionDock();

    // main_window_finetune.cpp: fine-tuning and model versions
    void buildFinetuneDock();
    QString versionsFolder() const;

    SliceView* m_view = nullptr;
    QListWidget* m_seriesList = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_skippedButton = nullptr;
    QSlider* m_sliceSlider = nullptr;
    QSlider* m_phaseSlider = nullptr;
    QLabel* m_sliceLabel = nullptr;
    QLabel* m_phaseLabel = nullptr;
    QToolButton* m_playButton = nullptr;
    QSpinBox* m_fps = nullptr;
    QCheckBox* m_showLabels = nullptr;
    QComboBox* m_sourceBox = nullptr;
    QComboBox* m_styleBox = nullptr;
    QComboBox* m_windowPreset = nullptr;
    QLabel* m_cursorLabel = nullptr;
    JobList* m_jobs = nullptr;
    QString m_pendingOpen;  ///< a study asked for, waiting for the current one's work to stop
    bool m_pendingOpenSaved = false;  ///< the current study's corrections were saved for it
    JobList::Job m_loadJob, m_exportJob;  ///< running jobs (empty when none)
    QMenu* m_recentMenu = nullptr;
    QMenu* m_modelMenu = nullptr;  ///< Model: segmentation, model files, updates
    QMenu* m_helpMenu = nullptr;   ///< kept last in the menu bar
    QDockWidget* m_finetuneDock = nullptr;  ///< the function dock shares its place
    QTimer* m_cineTimer = nullptr;
    QLabel* m_toolLabel = nullptr;
    EditingPresenter* m_editing = nullptr;
    QLabel* m_reviewLabel = nullptr;
    MetricsPanel* m_metrics = nullptr;
    CineGrid* m_grid = nullptr;

    AppSettings m_settings;
    QFutureWatcher<LoadedStudy> m_loader;
    LoadedStudy m_study;  ///< its series moved to the session
    /// The review of the open study (never null: an empty study before the first opens).
    std::shared_ptr<session::ReviewSession> m_session;
    int m_series = -1;

    /// The model in use and its segmentation queue.
    ModelPresenter* m_model = nullptr;

    FunctionPanel* m_functionPanel = nullptr;
    FunctionPresenter* m_measures = nullptr;
    struct ReportOutcome {
        QString file;
        QString error;  ///< empty when written
    };
    QFutureWatcher<ReportOutcome> m_report;
    FinetunePanel* m_finetunePanel = nullptr;
    FinetunePresenter* m_updates = nullptr;
    /// The model's measures before a fine-tuned version became active, until the series has
    /// been segmented by the new one (then the panel says which measures moved).
    std::optional<analysis::CardiacFunction> m_measuresBeforeUpdate;
    int m_measuresSeries = -1;
    bool m_activeDirty = false;  ///< the study's active model is to be recorded in its workspace
    QTimer* m_autosave = nullptr;
    /// What a save wrote, or why it could not (then its series are unsaved again).
    struct SaveOutcome {
        QString error;
        std::set<int> series;
        bool activeModel = false;  ///< the study's active model was among it
        std::weak_ptr<session::ReviewSession> session;
    };
    /// The corrections being written; its end resumes a study waiting to open, or closing.
    QFutureWatcher<SaveOutcome> m_saving;
    /// A save is running or its outcome not yet handled (until then its failure could still put
    /// its series back: nothing may close or start another save as if it were done).
    bool m_saveInFlight = false;
    void onSaved();
    bool m_closing = false;  ///< the window closes once the corrections being written are saved
    QFutureWatcher<analysis::ExportResult> m_export;

    OverlaySource m_overlaySource = OverlaySource::Labels;
    OverlayStyle m_overlayStyle = OverlayStyle::Filled;
    QString m_screenshotPath;
};

}  // namespace cardioseg::ui
