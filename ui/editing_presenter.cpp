#include "editing_presenter.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLocale>
#include <QMenu>
#include <QSpinBox>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

#include "analysis/contours.h"
#include "edit_commands.h"
#include "image/label_edit.h"
#include "image_adapters.h"
#include "slice_view.h"
#include "tool_icons.h"

namespace cardioseg::ui {

namespace {

constexpr double kContourTolerance = 0.6;  ///< simplification of editable outlines (pixels)

analysis::Boundary boundaryOf(std::uint8_t label) {
    return label == image::label::Myocardium ? analysis::Boundary::Epicardium : analysis::Boundary::Endocardium;
}

}  // namespace

EditingPresenter::EditingPresenter(SliceView* view, Context context, QObject* parent)
    : QObject(parent), m_view(view), m_context(std::move(context)), m_undo(new QUndoStack(this)) {
    m_undo->setUndoLimit(0);  // patches are region-limited: memory stays small (see LabelPatch)
    connect(m_view, &SliceView::strokeBegan, this, &EditingPresenter::beginStroke);
    connect(m_view, &SliceView::strokeMoved, this, &EditingPresenter::continueStroke);
    connect(m_view, &SliceView::strokeEnded, this, &EditingPresenter::endStroke);
    connect(m_view, &SliceView::polygonDrawn, this, &EditingPresenter::fillPolygon);
    connect(m_view, &SliceView::imageClicked, this, &EditingPresenter::floodFill);
    connect(m_view, &SliceView::contourEdited, this, &EditingPresenter::applyContourEdit);
}

void EditingPresenter::reset() {
    m_stroke = {};
    m_undo->clear();
    m_contourKey = {-1, -1, -1, -1, -1};
}

void EditingPresenter::buildActions(QMenu* edit, QToolBar* tools) {
    QAction* undo = m_undo->createUndoAction(edit, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = m_undo->createRedoAction(edit, tr("&Redo"));
    // Both usual keys, each once (QKeySequence::Redo is one of them on most platforms: listing
    // it beside an explicit Ctrl+Shift+Z made the shortcut ambiguous, so neither worked).
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(redo);
    edit->addSeparator();

    auto* group = new QActionGroup(edit);
    // Icons in the toolbar (text in the menu and the tooltips): the toolbar keeps its room for
    // the label and the brush size in every language.
    tools->setToolButtonStyle(Qt::ToolButtonIconOnly);
    struct ToolEntry {
        Tool tool;
        QString text;
        QString tip;
        Qt::Key key;
        const char* icon;
    };
    const ToolEntry entries[] = {
        {Tool::Navigate, tr("&Navigate"), tr("Zoom, pan and window without editing"), Qt::Key_V, "navigate"},
        {Tool::Brush, tr("&Brush"), tr("Paint the selected label; [ and ] change the size"), Qt::Key_B, "brush"},
        {Tool::Eraser, tr("&Eraser"), tr("Paint background"), Qt::Key_E, "eraser"},
        {Tool::Polygon, tr("&Polygon / Lasso"),
         tr("Drag a lasso, or click vertices and double-click (or Enter) to fill with the selected label"), Qt::Key_G,
         "polygon"},
        {Tool::FloodFill, tr("&Flood Fill"), tr("Click a region to fill it with the selected label"), Qt::Key_K, "fill"},
        {Tool::Contour, tr("Con&tour"),
         tr("Edit the outline of the selected label: drag vertices, press on an edge to add one, "
            "right-click to remove one"),
         Qt::Key_T, "contour"},
    };
    for (const auto& e : entries) {
        QAction* a = edit->addAction(toolIcon(QString::fromLatin1(e.icon)), e.text, QKeySequence(e.key), this,
                                     [this, t = e.tool] { setTool(t); });
        a->setCheckable(true);
        a->setChecked(e.tool == m_tool);
        a->setToolTip(QStringLiteral("<b>%1</b> (%2)<br>%3")
                          .arg(QString(e.text).remove('&'), QKeySequence(e.key).toString(QKeySequence::NativeText), e.tip));
        a->setData(int(e.tool));
        group->addAction(a);
        tools->addAction(a);
    }
    tools->addSeparator();
    auto* labelBox = new QComboBox(tools);
    labelBox->setObjectName("labelBox");
    labelBox->addItem(tr("Blood pool"), int(image::label::BloodPool));
    labelBox->addItem(tr("Myocardium"), int(image::label::Myocardium));
    labelBox->addItem(tr("Background"), int(image::label::Background));
    labelBox->setToolTip(tr("The label the tools paint (1, 2, 0)"));
    tools->addWidget(labelBox);
    auto* size = new QSpinBox(tools);
    size->setObjectName("brushSize");
    size->setRange(0, 40);
    size->setValue(static_cast<int>(m_brushRadius));
    size->setPrefix(tr("radius "));
    size->setSuffix(tr(" px"));
    size->setToolTip(tr("Brush radius in pixels ([ and ]); the status bar shows it in mm"));
    tools->addWidget(size);
    connect(labelBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this, labelBox](int i) { setBrushLabel(static_cast<std::uint8_t>(labelBox->itemData(i).toInt())); });
    connect(size, qOverload<int>(&QSpinBox::valueChanged), this, [this](int v) { setBrushRadius(v); });
    m_toolGroup = group;
    m_labelBox = labelBox;
    m_sizeBox = size;

    edit->addSeparator();
    edit->addAction(tr("Label: Blood &Pool"), QKeySequence(Qt::Key_1), this,
                    [this] { setBrushLabel(image::label::BloodPool); });
    edit->addAction(tr("Label: &Myocardium"), QKeySequence(Qt::Key_2), this,
                    [this] { setBrushLabel(image::label::Myocardium); });
    edit->addAction(tr("Label: Back&ground"), QKeySequence(Qt::Key_0), this,
                    [this] { setBrushLabel(image::label::Background); });
    edit->addAction(tr("Smaller Brush"), QKeySequence(Qt::Key_BracketLeft), this,
                    [this] { setBrushRadius(m_brushRadius - 1); });
    edit->addAction(tr("Larger Brush"), QKeySequence(Qt::Key_BracketRight), this,
                    [this] { setBrushRadius(m_brushRadius + 1); });
    edit->addSeparator();
    edit->addAction(tr("&Accept Prediction for This Image"), QKeySequence(Qt::Key_A), this,
                    [this] { acceptPrediction(Scope::Image); });
    edit->addAction(tr("Accept Prediction for This &Slice"), QKeySequence(Qt::SHIFT | Qt::Key_A), this,
                    [this] { acceptPrediction(Scope::Slice); });
    edit->addAction(tr("Accept Prediction for This Se&ries"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this,
                    [this] { acceptPrediction(Scope::Series); });
    edit->addAction(tr("C&lear This Image"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), this, &EditingPresenter::clearImage);
    edit->addAction(tr("Clear This Slice (All Phases)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), this,
                    &EditingPresenter::clearSlice);
    edit->addAction(tr("Copy Labels to the Next Phase"), QKeySequence(Qt::CTRL | Qt::Key_Right), this,
                    [this] { copyToNeighbourPhase(1); });
    edit->addAction(tr("Copy Labels to the Previous Phase"), QKeySequence(Qt::CTRL | Qt::Key_Left), this,
                    [this] { copyToNeighbourPhase(-1); });
    edit->addSeparator();
    m_confirmAction = edit->addAction(tr("&Confirm This Image"), QKeySequence(Qt::Key_C), this, &EditingPresenter::confirmImage);
    m_confirmAction->setCheckable(true);  // checked while the image on screen is confirmed
    m_unconfirmAction =
        edit->addAction(tr("&Un-confirm This Image"), QKeySequence(Qt::SHIFT | Qt::Key_C), this, &EditingPresenter::unconfirmImage);
}

void EditingPresenter::setTool(Tool tool) {
    if (tool != Tool::Navigate && !writable()) tool = Tool::Navigate;
    m_tool = tool;
    using I = SliceView::Interaction;
    const I interaction = tool == Tool::Brush || tool == Tool::Eraser ? I::Paint
                          : tool == Tool::Polygon                     ? I::Polygon
                          : tool == Tool::FloodFill                   ? I::Click
                          : tool == Tool::Contour                     ? I::Contour
                                                                      : I::Navigate;
    m_view->setInteraction(interaction, m_brushRadius);
    if (m_toolGroup)
        for (QAction* a : m_toolGroup->actions())
            if (a->data().toInt() == int(tool)) a->setChecked(true);
    refreshEditableContour();
    Q_EMIT toolChanged();
}

void EditingPresenter::setBrushLabel(std::uint8_t label) {
    m_brushLabel = label;
    if (m_tool == Tool::Navigate || m_tool == Tool::Eraser) setTool(Tool::Brush);
    if (m_labelBox) {
        const QSignalBlocker block(m_labelBox);
        m_labelBox->setCurrentIndex(m_labelBox->findData(int(label)));
    }
    refreshEditableContour();
    Q_EMIT toolChanged();
}

void EditingPresenter::setBrushRadius(double pixels) {
    m_brushRadius = std::clamp(pixels, 0.0, 40.0);
    if (m_sizeBox) {
        const QSignalBlocker block(m_sizeBox);
        m_sizeBox->setValue(static_cast<int>(m_brushRadius));
    }
    m_view->setInteraction(m_view->interaction(), m_brushRadius);
    Q_EMIT toolChanged();
}

QString EditingPresenter::toolStatus() const {
    const QString label = m_brushLabel == image::label::BloodPool    ? tr("blood pool")
                          : m_brushLabel == image::label::Myocardium ? tr("myocardium")
                                                                     : tr("background");
    switch (m_tool) {
        case Tool::Navigate: return tr("Navigate");
        case Tool::Brush:
        case Tool::Eraser: {
            const auto s = session();
            const double mm = s->hasSeries(series()) ? m_brushRadius * s->series(series()).geometry.colSpacing : m_brushRadius;
            const QString what = m_tool == Tool::Eraser ? tr("Eraser") : tr("Brush: %1").arg(label);
            return tr("%1, radius %2 px (%3 mm)")
                .arg(what)
                .arg(QLocale().toString(m_brushRadius, 'f', 0), QLocale().toString(mm, 'f', 1));
        }
        case Tool::Polygon: return tr("Polygon / lasso: %1").arg(label);
        case Tool::FloodFill: return tr("Flood fill: %1").arg(label);
        case Tool::Contour:
            return m_brushLabel == image::label::Myocardium ? tr("Contour: epicardium") : tr("Contour: endocardium");
    }
    return {};
}

std::uint8_t EditingPresenter::outlineLabel() const {
    return m_brushLabel == image::label::Myocardium ? image::label::Myocardium : image::label::BloodPool;
}

void EditingPresenter::refreshEditableContour() {
    if (m_tool != Tool::Contour || series() < 0) {
        m_view->setEditableContour({}, QColor());
        m_contourKey = {-1, -1, -1, -1, -1};
        return;
    }
    // Re-derived from the labels only when the image, the label or the labels' history changed:
    // the user's own vertices stay as they placed them.
    const auto [slice, phase] = cell();
    const std::tuple<int, int, int, int, int> key{series(), slice, phase, m_brushLabel, m_undo->index()};
    if (key == m_contourKey || m_keepOutline) return;
    m_contourKey = key;
    const image::LabelMap* labels = session()->shownLabels(series(), cell());
    image::Polygon outline;
    if (labels) {
        auto regions = analysis::regionContours(*labels, boundaryOf(outlineLabel()), kContourTolerance);
        if (!regions.empty()) outline = std::move(regions.front());
    }
    m_view->setEditableContour(outline, labelColor(outlineLabel()));
    if (outline.empty()) Q_EMIT message(tr("No outline to edit here: draw one with the polygon tool (G)"), 5000);
}

void EditingPresenter::beginStroke(const QPointF& pos) {
    if (!writable()) return;
    m_stroke = session()->beginEdit(series(), cell());
    continueStroke(pos, pos);
}

void EditingPresenter::continueStroke(const QPointF& from, const QPointF& to) {
    if (!m_stroke.valid()) return;
    const std::uint8_t value = m_tool == Tool::Eraser ? image::label::Background : m_brushLabel;
    image::paintSegment(m_stroke.labels(), from.x(), from.y(), to.x(), to.y(), m_brushRadius, value);
    Q_EMIT overlayChanged();
}

void EditingPresenter::endStroke() {
    if (!m_stroke.valid()) return;
    push(session()->commit(m_stroke), m_tool == Tool::Eraser ? tr("Erase") : tr("Paint"));
}

void EditingPresenter::fillPolygon(const image::Polygon& polygon) {
    if (!writable()) return;
    auto e = session()->beginEdit(series(), cell());
    if (!e.valid() || polygon.size() < 3) return;
    image::fillPolygon(e.labels(), polygon, m_brushLabel);
    push(session()->commit(e), tr("Fill polygon"));
}

void EditingPresenter::floodFill(const QPointF& pos) {
    if (!writable()) return;
    auto e = session()->beginEdit(series(), cell());
    if (!e.valid()) return;
    image::floodFill(e.labels(), static_cast<int>(std::lround(pos.x())), static_cast<int>(std::lround(pos.y())),
                     m_brushLabel);
    push(session()->commit(e), tr("Flood fill"));
}

void EditingPresenter::applyContourEdit(const image::Polygon& before, const image::Polygon& after) {
    if (!writable()) return;
    auto e = session()->beginEdit(series(), cell());
    if (!e.valid()) return;
    const std::uint8_t label = outlineLabel();
    analysis::applyContourEdit(e.labels(), boundaryOf(label), before, after);
    // The outline stays as the user left it (not re-derived from the new labels).
    m_keepOutline = true;
    push(session()->commit(e), label == image::label::Myocardium ? tr("Edit epicardium") : tr("Edit endocardium"));
    m_keepOutline = false;
    m_contourKey = {series(), cell().first, cell().second, m_brushLabel, m_undo->index()};
}

void EditingPresenter::clearImage() {
    if (writable()) push(session()->clearImage(series(), cell()), tr("Clear image"));
}

void EditingPresenter::setReadOnly(const QString& reason) {
    m_readOnly = reason;
    if (!reason.isEmpty()) setTool(Tool::Navigate);
}

bool EditingPresenter::writable() {
    if (m_readOnly.isEmpty()) return true;
    Q_EMIT message(m_readOnly, 8000);
    return false;
}

void EditingPresenter::push(session::Edit edit, const QString& text) {
    if (edit.empty()) return;
    const int extended = edit.coverageExtendedTo();
    const int phase = edit.cell().second;
    m_undo->push(new SessionEditCommand(text, session(), std::move(edit), [this](const session::Edit& e) {
        Q_EMIT showEdited(e.series(), e.cell().first, e.cell().second);
    }));
    // An edit that left ventricle labels outside the coverage extended it (same undo step).
    if (extended >= 0)
        Q_EMIT message(tr("Slice %1 is now part of the left ventricle at phase %2").arg(extended + 1).arg(phase + 1),
                       6000);
}

void EditingPresenter::acceptPrediction(Scope scope) {
    if (!writable()) return;
    if (series() < 0) return;
    const auto cells = session()->predictedCells(series(), scope, cell());
    if (cells.empty()) {
        Q_EMIT message(tr("No prediction here yet"), 5000);
        return;
    }
    push(session()->acceptPrediction(series(), cells), scope == Scope::Image   ? tr("Accept prediction")
                                                       : scope == Scope::Slice ? tr("Accept prediction for the slice")
                                                                               : tr("Accept prediction for the series"));
}

void EditingPresenter::confirmImage() {
    if (!writable()) return;
    session::Edit edit;
    using O = session::ReviewSession::ConfirmOutcome;
    switch (session()->confirm(series(), cell(), m_context.modelPending(), edit)) {
        case O::NoImage:
        case O::ReadOnly: break;
        case O::AlreadyConfirmed:
            Q_EMIT message(tr("This image is already confirmed (Shift+C un-confirms it)"), 5000);
            break;
        case O::NotSegmentedYet:
            Q_EMIT message(tr("The model has not segmented this image yet: confirm it once its labels show"), 5000);
            break;
        case O::Confirmed:
            push(std::move(edit), tr("Confirm image"));
            Q_EMIT message(tr("Image confirmed"), 3000);
            break;
    }
    showReviewState(session()->reviewState(series(), cell()));  // the check mark follows the image
}

void EditingPresenter::unconfirmImage() {
    if (!writable()) return;
    if (series() < 0) return;
    session::Edit edit = session()->unconfirm(series(), cell());
    if (edit.empty()) {
        Q_EMIT message(tr("This image is not confirmed"), 5000);
        return;
    }
    push(std::move(edit), tr("Un-confirm image"));
    Q_EMIT message(tr("Image no longer confirmed: it stays corrected"), 3000);
}

void EditingPresenter::showReviewState(io::ReviewState state) {
    if (!m_confirmAction) return;
    m_confirmAction->setChecked(state == io::ReviewState::Confirmed);
    m_unconfirmAction->setEnabled(state == io::ReviewState::Confirmed);
}

void EditingPresenter::clearSlice() {
    if (!writable()) return;
    if (series() < 0) return;
    push(session()->clearSlice(series(), cell().first), tr("Clear the slice"));
}

void EditingPresenter::copyToNeighbourPhase(int delta) {
    if (!writable()) return;
    if (series() < 0) return;
    const int phases = session()->series(series()).phases;
    const auto [slice, from] = cell();
    const int to = ((from + delta) % phases + phases) % phases;
    session::Edit edit = session()->copyLabels(series(), slice, from, to);
    if (edit.empty()) {
        Q_EMIT message(tr("No labels here to copy"), 5000);
        return;
    }
    // A starting point for the neighbouring phase of the same slice: the view goes there to
    // refine it.
    Q_EMIT goTo(slice, to);
    push(std::move(edit), tr("Copy labels from phase %1").arg(from + 1));
}

void EditingPresenter::setClinicalInputs(const io::ClinicalInputs& inputs, const QString& what) {
    if (!writable()) return;
    if (series() < 0) return;
    push(session()->setClinicalInputs(series(), inputs), what.isEmpty() ? tr("Change the clinical inputs") : what);
}

void EditingPresenter::setCoverageLimit(bool base, bool everyPhase) {
    if (!writable()) return;
    if (series() < 0) return;
    session::Edit edit = session()->setCoverageLimit(series(), cell(), base, everyPhase);
    if (edit.empty() && session()->coverage(series()).empty()) {
        Q_EMIT message(tr("The coverage is found once the model has segmented the series"), 5000);
        return;
    }
    const QString what = base ? (everyPhase ? tr("Set the base at slice %1 in every phase")
                                            : tr("Set the base at slice %1"))
                              : (everyPhase ? tr("Set the apex at slice %1 in every phase")
                                            : tr("Set the apex at slice %1"));
    push(std::move(edit), what.arg(cell().first + 1));
}

void EditingPresenter::automaticCoverage(bool everyPhase) {
    if (!writable()) return;
    if (series() < 0) return;
    push(session()->automaticCoverage(series(), cell().second, everyPhase),
         everyPhase ? tr("Coverage found by the model in every phase") : tr("Coverage found by the model in this phase"));
}

}  // namespace cardioseg::ui
