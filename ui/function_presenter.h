#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "analysis/function.h"
#include "session/review_session.h"
#include "session/suggestions.h"

class QMenu;
class QTimer;
class QWidget;

namespace cardioseg::ui {

class CineGrid;
class EditingPresenter;
class JobList;
class FunctionPanel;
class SurfaceDialog;

/// The cardiac function of the series on screen, between the review session and the function
/// panel: the model's and the reviewed measures (recomputed once labels settle, or as soon as
/// the last image they wait for arrives), provisional ED/ES while the model segments in the
/// opening order, the ventricle's coverage at the phase on screen, the images to correct
/// first, the 3-D view and the CSV of the measures. ED/ES, body size, base and apex entered in
/// the panel become edits (EditingPresenter).
class FunctionPresenter : public QObject {
    Q_OBJECT

public:
    /// What the presenter reads from the window.
    struct Context {
        std::function<std::shared_ptr<session::ReviewSession>()> session;
        std::function<int()> series;  ///< on screen; −1: none
        std::function<session::Cell()> cell;
        std::function<bool()> segmenting;  ///< the model has work queued or running
        /// Series and slice the running job segments in the opening order from.
        std::function<std::optional<std::pair<int, int>>()> openingSlice;
    };

    FunctionPresenter(FunctionPanel* panel, CineGrid* grid, EditingPresenter* editing, JobList* jobs,
                      Context context, QObject* parent = nullptr);
    /// Closing: a report being written is finished first (never half a file).
    ~FunctionPresenter() override;

    /// The model's (false) or the reviewed (true) measures of the series on screen.
    const analysis::CardiacFunction& function(bool reviewed) const { return m_function[reviewed ? 1 : 0]; }
    /// Recomputes the measures now and shows them.
    void update();
    /// Labels of the series on screen changed: the measures follow once they settle, or at
    /// once when the last image they waited for has arrived.
    void labelsChanged();
    /// Another image is on screen: the panel's phase and coverage follow.
    void imageShown();
    /// The images to correct first (session::suggestCorrections), at most `count`.
    std::vector<session::Suggestion> suggestions(int count = 6) const;
    /// Opens (or raises) the 3-D view of the series on screen.
    SurfaceDialog* showSurfaces(QWidget* parent);
    /// Another study is open: the 3-D view's surfaces were the previous one's.
    void clearSurfaces();
    /// Writes the measures as CSV; returns the error (empty on success).
    QString writeCsv(const QString& file);
    /// Reports and exports leave the patient's identity out (one setting for the export dialog,
    /// the report and the command line's --deidentify alike).
    static bool deidentifyExports();
    static void setDeidentifyExports(bool on);
    /// The Function menu's coverage actions.
    void addCoverageActions(QMenu* menu);
    /// Goes to the first image to correct (a message says when there is none).
    bool goToSuggestion();
    /// Writes the PDF report of the series on screen in the background (reportFinished):
    /// `modelName` made its labels; `dice`: the agreement of the model with the reviewed images
    /// (blood pool, myocardium; NaN when unknown).
    void writeReport(const QString& file, const QString& modelName, std::pair<double, double> dice);

Q_SIGNALS:
    /// The measures were recomputed (ED and ES may have moved).
    void updated();
    /// The images to correct first: their descriptions and cells.
    void suggestionsChanged(const QStringList& lines, const std::vector<std::pair<int, int>>& cells);
    /// An image to show (a suggestion).
    void goTo(int slice, int phase);
    /// A report was written (error empty) or could not be.
    void reportFinished(const QString& file, const QString& error);
    void message(const QString& text, int timeoutMs);
    /// Something the user should see in a dialog.
    void failed(const QString& title, const QString& text);

private:
    std::shared_ptr<session::ReviewSession> session() const { return m_context.session(); }
    /// ED and ES to measure the series with while the model segments it in the opening order
    /// (session::provisionalEdEs on the opening slice), with that slice; nothing when ED or ES
    /// is set by hand.
    struct Provisional {
        int slice = -1;
        std::pair<int, int> edEs;
    };
    std::optional<Provisional> provisionalEdEs() const;
    /// Images the measures need that the model is still to segment.
    int imagesAwaitingModel() const;
    void showCoverage();
    void updateSuggestions();
    /// Sets ED (or ES) at the phase on screen, keeping the other as shown.
    void setCardiacPhase(bool endDiastole);

    FunctionPanel* m_panel;
    CineGrid* m_grid;
    EditingPresenter* m_editing;
    JobList* m_jobs;  ///< where the 3-D view computes its surfaces
    Context m_context;
    QTimer* m_settle;
    analysis::CardiacFunction m_function[2];  ///< model's, reviewed
    int m_shownPhase = -1;                    ///< the phase the panel's curves mark
    SurfaceDialog* m_surfaces = nullptr;
    struct ReportOutcome {
        QString file;
        QString error;  ///< empty when written
    };
    QFutureWatcher<ReportOutcome> m_report;
};

}  // namespace cardioseg::ui
