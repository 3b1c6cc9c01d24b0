#pragma once

#include <QFutureWatcher>
#include <QMainWindow>

#include <atomic>
#include <memory>
#include <set>

#include "edit_commands.h"
#include "export_job.h"
#include "segmentation_job.h"
#include "study_loader.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;
class QUndoStack;

namespace cardioseg::ui {

class CineGrid;
class MetricsPanel;
class SliceView;

/// The workstation's main window: series list, slice view with slice/phase navigation and cine
/// playback, expert label overlays. Studies load in a worker thread with progress and cancel.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading a study folder or file in the background; once shown, the model segments
    /// the series in the background too.
    void openStudy(const QString& path);
    /// The model file used for segmentation (default: the shipped model); `remember` keeps it
    /// for the next sessions.
    void setModelPath(const QString& path, bool remember = true);
    QString modelPath() const { return m_modelPath; }
    bool isSegmenting() const;
    /// The model's labels of a series (empty until it has run).
    const image::SeriesLabels& prediction(int series) const;
    /// The labels corrected by the user (empty maps where nothing was corrected).
    const image::SeriesLabels& corrections(int series) const;
    QUndoStack* undoStack() const { return m_undo; }

    enum class Tool { Navigate, Brush, Eraser };
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    /// Label the brush paints: image::label::BloodPool or Myocardium.
    void setBrushLabel(std::uint8_t label);
    /// Brush radius in image pixels.
    void setBrushRadius(double pixels);
    /// Replaces the current image's corrections with the model's labels (one undo step).
    void acceptPrediction();
    /// Marks the current image confirmed (or back to corrected/unreviewed).
    void toggleConfirmed();
    io::ReviewState reviewState(int series, int slice, int phase) const;
    /// Writes pending corrections to the workspace now (also done 1.5 s after each change).
    void saveWorkspace();
    QString workspaceFolder() const { return m_study.workspaceFolder; }
    /// Exports the current series' labels (corrections, the model's elsewhere) in the
    /// background; exportFinished tells the outcome.
    void exportMasks(const ExportOptions& options);
    bool isExporting() const;
    /// After the next study has loaded and is shown, saves a PNG of the window there and quits
    /// the application (exit code 0 on success, 1 when nothing could be shown or saved).
    void setScreenshotPath(const QString& path);

    bool isLoading() const;
    const LoadedStudy& study() const { return m_study; }
    int currentSeries() const { return m_series; }
    int currentSlice() const;
    int currentPhase() const;
    void setPosition(int slice, int phase);
    SliceView* sliceView() const { return m_view; }
    MetricsPanel* metricsPanel() const { return m_metrics; }
    CineGrid* cineGrid() const { return m_grid; }

signals:
    /// Emitted when a study has loaded and its first image is on screen.
    void studyShown();
    /// Emitted when the model's labels of a series are on screen (or it failed: see status bar).
    void segmentationFinished(int series);
    /// An export ended: the files written, or the error (file and reason).
    void exportFinished(const QStringList& files, const QString& error);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void onStudyLoaded();
    void showSeries(int index);
    void updateImage();
    void applyWindowPreset(int preset);
    void stepSlice(int delta);
    void stepPhase(int delta);
    void togglePlay(bool play);
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void showSkipped();
    void cancelLoading();
    void takeScreenshot();
    void startSegmentation(int series);
    void onSegmentationFinished();
    void showProgress(bool visible);
    /// A progress callback for a worker that drives the status-bar progress bar and stops when
    /// `cancel` is set.
    io::ProgressFn progressReporter(std::shared_ptr<std::atomic<bool>> cancel);
    void showError(const QString& title, const QString& message);
    void beginStroke(const QPointF& pos);
    void continueStroke(const QPointF& from, const QPointF& to);
    void endStroke();
    void pushEdit(const QString& text, const image::LabelMap& before, bool createdMap);
    image::SeriesLabels* correctionsOf(int series);
    void updateToolStatus();
    void markChanged(int series);
    void updateReviewStatus();
    void updateGrid();
    void showExportDialog();

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
    QCheckBox* m_showPrediction = nullptr;
    QComboBox* m_windowPreset = nullptr;
    QLabel* m_cursorLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QMenu* m_recentMenu = nullptr;
    QTimer* m_cineTimer = nullptr;

    QFutureWatcher<LoadedStudy> m_loader;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    LoadedStudy m_study;
    QString m_modelPath;
    std::shared_ptr<engine::Segmenter> m_segmenter;
    QFutureWatcher<SegmentationResult> m_segmentation;
    QUndoStack* m_undo = nullptr;
    std::vector<image::SeriesLabels> m_corrections;  ///< parallel to the study's series
    std::vector<std::map<std::pair<int, int>, io::ReviewState>> m_review;  ///< parallel to the series
    QTimer* m_autosave = nullptr;
    QFuture<void> m_saving;
    QFutureWatcher<ExportResult> m_export;
    std::set<int> m_dirtySeries;
    Tool m_tool = Tool::Navigate;
    std::uint8_t m_brushLabel = 1;
    double m_brushRadius = 3.0;
    image::LabelMap m_strokeBefore;   ///< the image's corrections when the stroke began
    bool m_strokeCreatedMap = false;
    QLabel* m_toolLabel = nullptr;
    QLabel* m_reviewLabel = nullptr;
    MetricsPanel* m_metrics = nullptr;
    CineGrid* m_grid = nullptr;
    std::shared_ptr<std::atomic<bool>> m_segmentCancel;
    std::vector<image::SeriesLabels> m_predictions;  ///< parallel to the study's series
    int m_series = -1;
    QString m_screenshotPath;
};

}  // namespace cardioseg::ui
