#pragma once

#include <QObject>
#include <QPointF>

#include <cstdint>
#include <functional>
#include <memory>
#include <tuple>

#include "image/polygon.h"
#include "session/review_session.h"

class QAction;
class QActionGroup;
class QComboBox;
class QMenu;
class QSpinBox;
class QToolBar;
class QUndoStack;

namespace cardioseg::ui {

class SliceView;

/// Editing between the review session and the widgets: the tool, the label it paints and the
/// brush size, the undo stack, and every edit a person makes on the image on screen. A brush
/// stroke's whole path is here: SliceView's stroke signals → the session's LabelEdit (painted in
/// place, only the overlay redrawn) → the session's Edit on commit → one undo command.
class EditingPresenter : public QObject {
    Q_OBJECT

public:
    enum class Tool { Navigate, Brush, Eraser, Polygon, FloodFill, Contour };
    /// Which images "accept the prediction" takes.
    using Scope = session::ReviewSession::Scope;

    /// What the presenter reads from the window: the session under review, the image on screen
    /// (series −1: none), whether the model is still to segment.
    struct Context {
        std::function<std::shared_ptr<session::ReviewSession>()> session;
        std::function<int()> series;
        std::function<session::Cell()> cell;
        std::function<bool()> modelPending;
    };

    EditingPresenter(SliceView* view, Context context, QObject* parent = nullptr);

    QUndoStack* undoStack() const { return m_undo; }
    /// The Edit menu's undo, redo, tools, labels and review actions, and the tools toolbar.
    void buildActions(QMenu* edit, QToolBar* tools);

    void setTool(Tool tool);
    /// A study opened read-only (another workstation edits it): every edit is refused with
    /// `reason` shown, and the tool stays Navigate. Empty: editable again.
    void setReadOnly(const QString& reason);
    bool isReadOnly() const { return !m_readOnly.isEmpty(); }
    Tool tool() const { return m_tool; }
    /// Label that tools paint: image::label::BloodPool, Myocardium or Background (erase).
    void setBrushLabel(std::uint8_t label);
    std::uint8_t brushLabel() const { return m_brushLabel; }
    /// Brush radius in image pixels (0–40).
    void setBrushRadius(double pixels);
    double brushRadius() const { return m_brushRadius; }
    /// The tool, its label and size for the status bar (the size in mm on the image on screen).
    QString toolStatus() const;

    /// Replaces the corrections of the current image, slice or series with the model's labels.
    void acceptPrediction(Scope scope);
    /// Sets the current image's labels to background everywhere.
    void clearImage();
    /// Fills a polygon (image coordinates) with the current label.
    void fillPolygon(const image::Polygon& polygon);
    /// Flood-fills the region under an image position with the current label.
    void floodFill(const QPointF& imagePos);
    /// Confirms the labels on screen for the current image (see ReviewSession::confirm).
    void confirmImage();
    /// Takes the confirmation back (the image stays corrected).
    void unconfirmImage();
    /// Sets every phase of the current slice to background.
    void clearSlice();
    /// Copies the current image's labels to the next (+1) or previous (−1) phase and goes there.
    void copyToNeighbourPhase(int delta);
    /// ED/ES, body size, base and apex for the current series (one undo step named `what`).
    void setClinicalInputs(const io::ClinicalInputs& inputs, const QString& what = {});
    /// Sets the ventricle's base (or apex) to the current slice at the current phase or every phase.
    void setCoverageLimit(bool base, bool everyPhase);
    /// Back to the coverage found from the model's labels (this phase or every phase).
    void automaticCoverage(bool everyPhase);

    /// The image on screen or its labels changed: the editable outline follows (Contour tool).
    void refreshEditableContour();
    /// Another study is open: the undo history and a stroke in progress belonged to the last one.
    void reset();
    /// The image on screen is in this review state: the Edit menu's check mark follows.
    void showReviewState(io::ReviewState state);

Q_SIGNALS:
    /// A short message for the status bar.
    void message(const QString& text, int timeoutMs);
    /// The tool, label or size changed (toolStatus()).
    void toolChanged();
    /// A stroke changed the labels of the image on screen: redraw the overlay.
    void overlayChanged();
    /// An undone or redone edit changed these images: show them (slice −1: the series; phase
    /// −1: the current phase).
    void showEdited(int series, int slice, int phase);
    /// The view should go to this image (a copy to the neighbouring phase goes there to refine it).
    void goTo(int slice, int phase);

private:
    std::shared_ptr<session::ReviewSession> session() const { return m_context.session(); }
    int series() const { return m_context.series(); }
    session::Cell cell() const { return m_context.cell(); }
    /// The label the contour tool edits: the myocardium's outline is the epicardium, else the
    /// blood pool's (endocardium).
    std::uint8_t outlineLabel() const;
    void beginStroke(const QPointF& pos);
    void continueStroke(const QPointF& from, const QPointF& to);
    void endStroke();
    void applyContourEdit(const image::Polygon& before, const image::Polygon& after);
    /// Puts an edit the session made on the undo stack (nothing when it changed nothing).
    void push(session::Edit edit, const QString& text);

    SliceView* m_view;
    Context m_context;
    QUndoStack* m_undo;
    Tool m_tool = Tool::Navigate;
    std::uint8_t m_brushLabel = 1;
    double m_brushRadius = 3.0;
    session::ReviewSession::LabelEdit m_stroke;  ///< the brush stroke in progress
    std::tuple<int, int, int, int, int> m_contourKey{-1, -1, -1, -1, -1};  ///< what the editable outline shows
    /// Tells why and returns false when the study is read-only.
    bool writable();
    QString m_readOnly;  ///< why the study cannot be edited (empty: it can)
    bool m_keepOutline = false;  ///< an outline edit is being applied: keep the user's vertices
    QActionGroup* m_toolGroup = nullptr;
    QComboBox* m_labelBox = nullptr;
    QSpinBox* m_sizeBox = nullptr;
    QAction* m_confirmAction = nullptr;
    QAction* m_unconfirmAction = nullptr;
};

}  // namespace cardioseg::ui
