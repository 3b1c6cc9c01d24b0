// The main window's editing: tools, edits as undoable patches, review states.
#include <QLocale>
#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QTimer>
#include <QMenuBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include "analysis/contours.h"
#include "image/label_edit.h"
#include "image_adapters.h"
#include "main_window.h"
#include "metrics_panel.h"
#include "slice_view.h"
#include "tool_icons.h"

namespace cardioseg::ui {

namespace {

constexpr double kContourTolerance = 0.6;  ///< simplification of editable outlines (pixels)

analysis::Boundary boundaryOf(std::uint8_t label) {
    return label == image::label::Myocardium ? analysis::Boundary::Epicardium : analysis::Boundary::Endocardium;
}

}  // namespace

void MainWindow::buildEditMenu() {
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    // Both usual keys, each once (QKeySequence::Redo is one of them on most platforms: listing
    // it beside an explicit Ctrl+Shift+Z made the shortcut ambiguous, so neither worked).
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(redo);
    edit->addSeparator();

    auto* tools = addToolBar(tr("Tools"));
    tools->setObjectName("toolsToolbar");
    auto* group = new QActionGroup(this);
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
    edit->addAction(tr("C&lear This Image"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), this, &MainWindow::clearImage);
    edit->addAction(tr("Clear This Slice (All Phases)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), this,
                    &MainWindow::clearSlice);
    edit->addAction(tr("Copy Labels to the Next Phase"), QKeySequence(Qt::CTRL | Qt::Key_Right), this,
                    [this] { copyToNeighbourPhase(1); });
    edit->addAction(tr("Copy Labels to the Previous Phase"), QKeySequence(Qt::CTRL | Qt::Key_Left), this,
                    [this] { copyToNeighbourPhase(-1); });
    edit->addSeparator();
    m_confirmAction = edit->addAction(tr("&Confirm This Image"), QKeySequence(Qt::Key_C), this, &MainWindow::confirmImage);
    m_confirmAction->setCheckable(true);  // checked while the image on screen is confirmed
    m_unconfirmAction =
        edit->addAction(tr("&Un-confirm This Image"), QKeySequence(Qt::SHIFT | Qt::Key_C), this, &MainWindow::unconfirmImage);
    edit->addSeparator();
    edit->addAction(tr("Se&ttings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showSettingsDialog);
}

void MainWindow::setTool(Tool tool) {
    m_tool = tool;
    using I = SliceView::Interaction;
    const I interaction = tool == Tool::Brush || tool == Tool::Eraser ? I::Paint
                          : tool == Tool::Polygon                     ? I::Polygon
                          : tool == Tool::FloodFill                   ? I::Click
                          : tool == Tool::Contour                     ? I::Contour
                                                                      : I::Navigate;
    m_view->setInteraction(interaction, m_brushRadius);
    for (QAction* a : m_toolGroup->actions())
        if (a->data().toInt() == int(tool)) a->setChecked(true);
    refreshEditableContour();
    updateToolStatus();
}

void MainWindow::setBrushLabel(std::uint8_t label) {
    m_brushLabel = label;
    if (m_tool == Tool::Navigate || m_tool == Tool::Eraser) setTool(Tool::Brush);
    {
        const QSignalBlocker block(m_labelBox);
        m_labelBox->setCurrentIndex(m_labelBox->findData(int(label)));
    }
    refreshEditableContour();
    updateToolStatus();
}

void MainWindow::setBrushRadius(double pixels) {
    m_brushRadius = std::clamp(pixels, 0.0, 40.0);
    {
        const QSignalBlocker block(m_sizeBox);
        m_sizeBox->setValue(static_cast<int>(m_brushRadius));
    }
    m_view->setInteraction(m_view->interaction(), m_brushRadius);
    updateToolStatus();
}

void MainWindow::updateToolStatus() {
    const QString label = m_brushLabel == image::label::BloodPool    ? tr("blood pool")
                          : m_brushLabel == image::label::Myocardium ? tr("myocardium")
                                                                     : tr("background");
    QString text;
    switch (m_tool) {
        case Tool::Navigate: text = tr("Navigate"); break;
        case Tool::Brush:
        case Tool::Eraser: {
            const double mm =
                m_series >= 0 ? m_brushRadius * m_session->series(m_series).geometry.colSpacing : m_brushRadius;
            const QString what = m_tool == Tool::Eraser ? tr("Eraser") : tr("Brush: %1").arg(label);
            text = tr("%1, radius %2 px (%3 mm)").arg(what).arg(QLocale().toString(m_brushRadius, 'f', 0), QLocale().toString(mm, 'f', 1));
            break;
        }
        case Tool::Polygon: text = tr("Polygon / lasso: %1").arg(label); break;
        case Tool::FloodFill: text = tr("Flood fill: %1").arg(label); break;
        case Tool::Contour:
            text = m_brushLabel == image::label::Myocardium ? tr("Contour: epicardium") : tr("Contour: endocardium");
            break;
    }
    m_toolLabel->setText(text);
}

void MainWindow::refreshEditableContour() {
    if (m_tool != Tool::Contour || m_series < 0) {
        m_view->setEditableContour({}, QColor());
        m_contourKey = {-1, -1, -1, -1, -1};
        return;
    }
    // Re-derived from the labels only when the image, the label or the labels' history changed:
    // the user's own vertices stay as they placed them.
    const std::tuple<int, int, int, int, int> key{m_series, currentSlice(), currentPhase(), m_brushLabel,
                                                  m_undo->index()};
    if (key == m_contourKey || m_keepOutline) return;
    m_contourKey = key;
    const image::LabelMap* labels = m_session->shownLabels(m_series, currentCell());
    const std::uint8_t label = m_brushLabel == image::label::Myocardium ? image::label::Myocardium
                                                                         : image::label::BloodPool;
    image::Polygon outline;
    if (labels) {
        auto regions = analysis::regionContours(*labels, boundaryOf(label), kContourTolerance);
        if (!regions.empty()) outline = std::move(regions.front());
    }
    m_view->setEditableContour(outline, labelColor(label));
    if (outline.empty())
        statusBar()->showMessage(tr("No outline to edit here: draw one with the polygon tool (G)"), 5000);
}

void MainWindow::beginStroke(const QPointF& pos) {
    m_stroke = m_session->beginEdit(m_series, currentCell());
    continueStroke(pos, pos);
}

void MainWindow::continueStroke(const QPointF& from, const QPointF& to) {
    if (!m_stroke.valid()) return;
    const std::uint8_t value = m_tool == Tool::Eraser ? image::label::Background : m_brushLabel;
    image::paintSegment(m_stroke.labels(), from.x(), from.y(), to.x(), to.y(), m_brushRadius, value);
    updateImage();
}

void MainWindow::endStroke() {
    if (!m_stroke.valid()) return;
    pushEdit(m_session->commit(m_stroke), m_tool == Tool::Eraser ? tr("Erase") : tr("Paint"));
}

void MainWindow::fillPolygon(const image::Polygon& polygon) {
    auto e = m_session->beginEdit(m_series, currentCell());
    if (!e.valid() || polygon.size() < 3) return;
    image::fillPolygon(e.labels(), polygon, m_brushLabel);
    pushEdit(m_session->commit(e), tr("Fill polygon"));
}

void MainWindow::floodFill(const QPointF& pos) {
    auto e = m_session->beginEdit(m_series, currentCell());
    if (!e.valid()) return;
    image::floodFill(e.labels(), static_cast<int>(std::lround(pos.x())), static_cast<int>(std::lround(pos.y())),
                     m_brushLabel);
    pushEdit(m_session->commit(e), tr("Flood fill"));
}

void MainWindow::applyContourEdit(const image::Polygon& before, const image::Polygon& after) {
    auto e = m_session->beginEdit(m_series, currentCell());
    if (!e.valid()) return;
    const std::uint8_t label = m_brushLabel == image::label::Myocardium ? image::label::Myocardium
                                                                         : image::label::BloodPool;
    analysis::applyContourEdit(e.labels(), boundaryOf(label), before, after);
    // The outline stays as the user left it (not re-derived from the new labels).
    m_keepOutline = true;
    pushEdit(m_session->commit(e), label == image::label::Myocardium ? tr("Edit epicardium") : tr("Edit endocardium"));
    m_keepOutline = false;
    m_contourKey = {m_series, currentSlice(), currentPhase(), m_brushLabel, m_undo->index()};
}

void MainWindow::clearImage() { pushEdit(m_session->clearImage(m_series, currentCell()), tr("Clear image")); }

void MainWindow::pushEdit(session::Edit edit, const QString& text) {
    if (edit.empty()) return;
    const int extended = edit.coverageExtendedTo();
    const int phase = edit.cell().second;
    m_undo->push(new SessionEditCommand(text, m_session, std::move(edit),
                                        [this](const session::Edit& e) { showEdited(e); }));
    // An edit that left ventricle labels outside the coverage extended it (same undo step).
    if (extended >= 0)
        statusBar()->showMessage(
            tr("Slice %1 is now part of the left ventricle at phase %2").arg(extended + 1).arg(phase + 1), 6000);
}

void MainWindow::showEdited(const session::Edit& edit) {
    if (edit.series() != m_series) showSeries(edit.series());
    const auto [slice, phase] = edit.cell();
    if (slice >= 0) setPosition(slice, phase >= 0 ? phase : currentPhase());  // show what was undone
}

void MainWindow::acceptPrediction(Scope scope) {
    if (m_series < 0) return;
    using S = session::ReviewSession::Scope;
    const auto cells = m_session->predictedCells(m_series,
                                                 scope == Scope::Image   ? S::Image
                                                 : scope == Scope::Slice ? S::Slice
                                                                         : S::Series,
                                                 currentCell());
    if (cells.empty()) {
        statusBar()->showMessage(tr("No prediction here yet"), 5000);
        return;
    }
    pushEdit(m_session->acceptPrediction(m_series, cells), scope == Scope::Image   ? tr("Accept prediction")
                                                           : scope == Scope::Slice ? tr("Accept prediction for the slice")
                                                                                   : tr("Accept prediction for the series"));
}

void MainWindow::confirmImage() {
    session::Edit edit;
    using O = session::ReviewSession::ConfirmOutcome;
    switch (m_session->confirm(m_series, currentCell(), isSegmenting(), edit)) {
        case O::NoImage: break;
        case O::AlreadyConfirmed:
            statusBar()->showMessage(tr("This image is already confirmed (Shift+C un-confirms it)"), 5000);
            break;
        case O::NotSegmentedYet:
            statusBar()->showMessage(tr("The model has not segmented this image yet: confirm it once its labels show"),
                                     5000);
            break;
        case O::Confirmed:
            pushEdit(std::move(edit), tr("Confirm image"));
            statusBar()->showMessage(tr("Image confirmed"), 3000);
            break;
    }
    updateReviewStatus();  // the menu's check mark follows the image's state
}

void MainWindow::unconfirmImage() {
    if (m_series < 0) return;
    session::Edit edit = m_session->unconfirm(m_series, currentCell());
    if (edit.empty()) {
        statusBar()->showMessage(tr("This image is not confirmed"), 5000);
        return;
    }
    pushEdit(std::move(edit), tr("Un-confirm image"));
    statusBar()->showMessage(tr("Image no longer confirmed: it stays corrected"), 3000);
}

void MainWindow::clearSlice() {
    if (m_series < 0) return;
    pushEdit(m_session->clearSlice(m_series, currentSlice()), tr("Clear the slice"));
}

void MainWindow::copyToNeighbourPhase(int delta) {
    if (m_series < 0) return;
    const int phases = m_session->series(m_series).phases;
    const int from = currentPhase(), to = ((from + delta) % phases + phases) % phases;
    session::Edit edit = m_session->copyLabels(m_series, currentSlice(), from, to);
    if (edit.empty()) {
        statusBar()->showMessage(tr("No labels here to copy"), 5000);
        return;
    }
    // A starting point for the neighbouring phase of the same slice: the view goes there to
    // refine it.
    setPosition(currentSlice(), to);
    pushEdit(std::move(edit), tr("Copy labels from phase %1").arg(from + 1));
}

void MainWindow::saveWorkspace() {
    m_autosave->stop();
    if ((!m_session->hasUnsaved() && !m_activeDirty) || m_study.workspaceFolder.isEmpty()) return;
    if (m_saving.isRunning()) {  // one writer at a time; try again shortly
        m_autosave->start();
        return;
    }
    // The worker gets copies: editing goes on while it writes.
    std::vector<std::pair<std::shared_ptr<const image::CineSeries>, io::SeriesWork>> jobs;
    std::set<int> series;
    for (auto& [s, work] : m_session->takeUnsaved()) {
        jobs.emplace_back(m_session->sharedSeries(s), std::move(work));
        series.insert(s);
    }
    const bool activeDirty = m_activeDirty;
    m_activeDirty = false;
    const std::string folder = m_study.workspaceFolder.toStdString();
    const std::string study = m_study.path.toStdString();
    const std::string active = m_study.activeModel.toStdString();
    QPointer<MainWindow> self = this;
    std::weak_ptr<session::ReviewSession> session = m_session;
    m_saving = QtConcurrent::run([jobs = std::move(jobs), folder, study, active, activeDirty, self, series, session] {
        try {
            const io::Workspace ws(folder, study);
            for (const auto& [s, work] : jobs) ws.save(*s, work);
            if (activeDirty) ws.setActiveModel(active);
        } catch (const std::exception& e) {
            // Nothing is dropped: what was not saved stays to be saved, and saving is tried again.
            const QString msg = MainWindow::tr("Corrections NOT saved: %1").arg(QString::fromStdString(e.what()));
            QMetaObject::invokeMethod(self, [self, msg, series, session, activeDirty] {
                if (!self) return;
                self->statusBar()->showMessage(msg, 30000);
                if (session.lock() != self->m_session) return;  // another study is open now
                self->m_session->markUnsaved(series);
                self->m_activeDirty = self->m_activeDirty || activeDirty;
                self->m_autosave->start();
            }, Qt::QueuedConnection);
        }
    });
}

}  // namespace cardioseg::ui
