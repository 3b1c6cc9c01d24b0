#pragma once

#include <QMainWindow>

#include "dialogs.h"
#include "editing_presenter.h"
#include "finetune_presenter.h"
#include "function_presenter.h"
#include "job_list.h"
#include "model_presenter.h"
#include "study_presenter.h"
#include "viewer_controls.h"
#include "viewer_presenter.h"

class QLabel;
class QPushButton;

namespace cardioseg::ui {

class CineGrid;
class FinetunePanel;
class FunctionPanel;
class MainMenus;
class MetricsPanel;
class SliceView;
class SurfaceDialog;
class PacsPresenter;

/// The workstation's main window: layout and wiring. What it shows and does lives in its
/// presenters — the study and its saving (studies()), what is on screen (viewer()), edits and
/// undo (editing()), the model and its segmentation queue (model()), cardiac function
/// (measures()), fine-tuning (updates()) — over one review session; background work runs as
/// jobs (jobs()), the window never waits on them.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a study folder or file in the background; once shown, the model segments the
    /// series in the background too.
    void openStudy(const QString& path);
    /// The model file used for segmentation; `remember` keeps it for the next sessions. The
    /// file is checked in the background: a file that cannot be read leaves the current model
    /// in place and says why. With a study open, the current series is segmented again.
    void setModelPath(const QString& path, bool remember = true);
    /// The model in use: the study's active version, else the default model of the settings.
    QString modelPath() const { return m_model->activeModel(); }
    /// Switches the study to a model version (or the default model), remembered in its workspace.
    void chooseVersion(const QString& file);
    const AppSettings& settings() const { return m_settings; }
    /// Applies and stores settings (colours, opacity, device, threads, model, workspace place).
    void applySettings(const AppSettings& settings);
    /// Writes the PDF report of the series on screen in the background (reportFinished).
    void writeReport(const QString& file);
    /// After the next study has loaded and is shown, saves a PNG of the window there and quits
    /// the application (exit code 0 on success, 1 when nothing could be shown or saved).
    void setScreenshotPath(const QString& path) { m_screenshotPath = path; }
    /// Cancels the study's work (loading or a study waiting to open, segmentation, export); a
    /// model update goes on.
    void cancelWork() { m_studies->cancel(); }

    StudyPresenter* studies() const { return m_studies; }
    /// The study under review: series, the model's labels, corrections, review states.
    const session::ReviewSession& session() const { return *m_studies->session(); }
    ViewerPresenter* viewer() const { return m_viewer; }
    EditingPresenter* editing() const { return m_editing; }
    ModelPresenter* model() const { return m_model; }
    FunctionPresenter* measures() const { return m_measures; }
    FinetunePresenter* updates() const { return m_updates; }
    PacsPresenter* pacs() const { return m_pacs; }  ///< query, retrieve, send; the study cache
    JobList* jobs() const { return m_jobs; }  ///< the status bar's running jobs
    SliceView* sliceView() const { return m_view; }
    MetricsPanel* metricsPanel() const { return m_metrics; }
    CineGrid* cineGrid() const { return m_grid; }
    FunctionPanel* functionPanel() const { return m_functionPanel; }
    FinetunePanel* finetunePanel() const { return m_finetunePanel; }

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
    void buildUi();
    void buildPresenters();
    void onStudyOpened();
    void onSegmentationFinished(const SegmentationResult& result);
    /// What the session says changed: the views follow.
    void onSessionChanged(const session::Change& change);
    void showError(const QString& title, const QString& message);
    /// Says why a study could not open (with a screenshot asked for: on stderr, and quits).
    void openFailed(const QString& message);
    void takeScreenshot();
    /// Dice of the model against the corrections over the series (blood pool, myocardium; NaN
    /// when unknown), as the metrics panel shows it.
    std::pair<double, double> seriesDice() const;
    /// Closing waits (without blocking) for every job to end; true when none runs.
    bool jobsEnded() const;

    SliceView* m_view = nullptr;
    QListWidget* m_seriesList = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_skippedButton = nullptr;
    QLabel* m_readOnlyLabel = nullptr;  ///< shown while another workstation holds the study
    NavigationBar* m_navigation = nullptr;
    DisplayToolBar* m_display = nullptr;
    QLabel* m_cursorLabel = nullptr;
    QLabel* m_toolLabel = nullptr;
    QLabel* m_reviewLabel = nullptr;
    MetricsPanel* m_metrics = nullptr;
    CineGrid* m_grid = nullptr;
    FunctionPanel* m_functionPanel = nullptr;
    FinetunePanel* m_finetunePanel = nullptr;
    QDockWidget* m_finetuneDock = nullptr;
    QDockWidget* m_functionDock = nullptr;
    JobList* m_jobs = nullptr;
    MainMenus* m_menus = nullptr;

    AppSettings m_settings;
    ModelPresenter* m_model = nullptr;
    StudyPresenter* m_studies = nullptr;
    ViewerPresenter* m_viewer = nullptr;
    EditingPresenter* m_editing = nullptr;
    FunctionPresenter* m_measures = nullptr;
    FinetunePresenter* m_updates = nullptr;
    PacsPresenter* m_pacs = nullptr;
    bool m_closing = false;  ///< the window closes once its jobs have ended and the corrections are saved
    QString m_screenshotPath;
};

}  // namespace cardioseg::ui
