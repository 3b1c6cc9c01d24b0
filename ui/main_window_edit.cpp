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
                m_series >= 0 ? m_brushRadius * m_study.result.series[m_series].geometry.colSpacing : m_brushRadius;
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
    const auto& c = corrections(m_series);
    const auto& p = prediction(m_series);
    const image::LabelMap* labels = !c.maps.empty() && !c.at(currentSlice(), currentPhase()).empty()
                                        ? &c.at(currentSlice(), currentPhase())
                                    : !p.maps.empty() ? &p.at(currentSlice(), currentPhase())
                                                      : nullptr;
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

MainWindow::EditStart MainWindow::startEdit() {
    EditStart e;
    image::SeriesLabels* labels = correctionsOf(m_series);
    if (!labels || !m_study.result.series[m_series].image(currentSlice(), currentPhase())) return e;
    const auto& s = m_study.result.series[m_series];
    e.map = &labels->at(currentSlice(), currentPhase());
    e.created = e.map->empty();
    if (e.created) {
        // The first correction of an image starts from the model's labels where there are any.
        const auto& predicted = prediction(m_series);
        *e.map = !predicted.maps.empty() && !predicted.at(currentSlice(), currentPhase()).empty()
                     ? predicted.at(currentSlice(), currentPhase())
                     : image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background);
        e.before = image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background);
    } else {
        e.before = *e.map;
    }
    return e;
}

void MainWindow::finishEdit(const QString& text, EditStart& edit) {
    if (!edit.map) return;
    pushEdit(text, {m_series, currentSlice(), currentPhase()}, edit.before, edit.created);
    edit = EditStart();
}

void MainWindow::beginStroke(const QPointF& pos) {
    m_stroke = startEdit();
    continueStroke(pos, pos);
}

void MainWindow::continueStroke(const QPointF& from, const QPointF& to) {
    if (!m_stroke.map) return;
    const std::uint8_t value = m_tool == Tool::Eraser ? image::label::Background : m_brushLabel;
    image::paintSegment(*m_stroke.map, from.x(), from.y(), to.x(), to.y(), m_brushRadius, value);
    updateImage();
}

void MainWindow::endStroke() { finishEdit(m_tool == Tool::Eraser ? tr("Erase") : tr("Paint"), m_stroke); }

void MainWindow::fillPolygon(const image::Polygon& polygon) {
    EditStart e = startEdit();
    if (!e.map || polygon.size() < 3) return;
    image::fillPolygon(*e.map, polygon, m_brushLabel);
    finishEdit(tr("Fill polygon"), e);
}

void MainWindow::floodFill(const QPointF& pos) {
    EditStart e = startEdit();
    if (!e.map) return;
    image::floodFill(*e.map, static_cast<int>(std::lround(pos.x())), static_cast<int>(std::lround(pos.y())),
                     m_brushLabel);
    finishEdit(tr("Flood fill"), e);
}

void MainWindow::applyContourEdit(const image::Polygon& before, const image::Polygon& after) {
    EditStart e = startEdit();
    if (!e.map) return;
    const std::uint8_t label = m_brushLabel == image::label::Myocardium ? image::label::Myocardium
                                                                         : image::label::BloodPool;
    analysis::applyContourEdit(*e.map, boundaryOf(label), before, after);
    // The outline stays as the user left it (not re-derived from the new labels).
    m_keepOutline = true;
    finishEdit(label == image::label::Myocardium ? tr("Edit epicardium") : tr("Edit endocardium"), e);
    m_keepOutline = false;
    m_contourKey = {m_series, currentSlice(), currentPhase(), m_brushLabel, m_undo->index()};
}

void MainWindow::clearImage() {
    EditStart e = startEdit();
    if (!e.map) return;
    std::fill(e.map->data.begin(), e.map->data.end(), image::label::Background);
    finishEdit(tr("Clear image"), e);
}

void MainWindow::pushEdit(const QString& text, const EditTarget& target, const image::LabelMap& before,
                          bool createdMap) {
    const auto& after = m_corrections[target.series].at(target.slice, target.phase);
    image::LabelPatch patch = image::makePatch(before, after);
    if (patch.empty() && !createdMap) return;
    // An edit that leaves ventricle labels on a slice outside the coverage extends the coverage
    // of that phase, in the same undo step.
    const auto ranges = coverage(target.series);
    const bool outside = target.phase < static_cast<int>(ranges.size()) && !ranges[target.phase].contains(target.slice);
    if (outside) m_undo->beginMacro(text);
    m_undo->push(new LabelEditCommand(
        text, target, std::move(patch), createdMap, [this](int series) { return correctionsOf(series); },
        [this](const EditTarget& t) {
            auto& states = m_review[t.series];
            const bool corrected = !m_corrections[t.series].at(t.slice, t.phase).empty();
            if (!corrected) states.erase({t.slice, t.phase});
            else if (!states.count({t.slice, t.phase})) states[{t.slice, t.phase}] = io::ReviewState::Corrected;
            markChanged(t.series);
            if (t.series != m_series) showSeries(t.series);
            setPosition(t.slice, t.phase);  // show what was undone
            labelsChanged(t.series, t.slice, t.phase);
        }));
    auto& states = m_review[target.series];
    if (!states.count({target.slice, target.phase})) states[{target.slice, target.phase}] = io::ReviewState::Corrected;
    markChanged(target.series);
    labelsChanged(target.series, target.slice, target.phase);
    if (outside) {
        extendCoverageFor(target.series, target.slice, target.phase);
        m_undo->endMacro();
    }
}

void MainWindow::acceptPrediction(Scope scope) {
    if (m_series < 0) return;
    const auto& predicted = prediction(m_series);
    std::vector<std::pair<int, int>> cells;
    const auto& s = m_study.result.series[m_series];
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            const bool inScope = scope == Scope::Series || scope == Scope::Study ||
                                 (k == currentSlice() && (scope == Scope::Slice || p == currentPhase()));
            if (inScope && !predicted.maps.empty() && !predicted.at(k, p).empty()) cells.emplace_back(k, p);
        }
    if (cells.empty()) {
        statusBar()->showMessage(tr("No prediction here yet"), 5000);
        return;
    }
    const QString text = scope == Scope::Image ? tr("Accept prediction")
                         : scope == Scope::Slice ? tr("Accept prediction for the slice")
                                                 : tr("Accept prediction for the series");
    if (cells.size() > 1) m_undo->beginMacro(text);
    for (const auto& [k, p] : cells) {
        auto& map = m_corrections[m_series].at(k, p);
        const bool created = map.empty();
        const image::LabelMap before =
            created ? image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background) : map;
        map = predicted.at(k, p);
        pushEdit(text, {m_series, k, p}, before, created);
    }
    if (cells.size() > 1) m_undo->endMacro();
}

void MainWindow::applyReviewStates(int series, const ReviewStates& states) {
    if (series < 0 || series >= static_cast<int>(m_review.size())) return;
    auto& review = m_review[series];
    for (const auto& [cell, state] : states) {
        if (state == io::ReviewState::Unreviewed) review.erase(cell);
        else review[cell] = state;
    }
    markChanged(series);
    if (series != m_series) showSeries(series);
    if (!states.empty()) setPosition(states.begin()->first.first, states.begin()->first.second);
    labelsChanged(series, currentSlice(), currentPhase());
}

void MainWindow::confirmImage() {
    if (m_series < 0 || !m_study.result.series[m_series].image(currentSlice(), currentPhase())) {
        updateReviewStatus();
        return;
    }
    const std::pair<int, int> cell{currentSlice(), currentPhase()};
    const io::ReviewState before = reviewState(m_series, cell.first, cell.second);
    if (before == io::ReviewState::Confirmed) {
        updateReviewStatus();  // the menu's check mark stays on
        statusBar()->showMessage(tr("This image is already confirmed (Shift+C un-confirms it)"), 5000);
        return;
    }
    auto& map = m_corrections[m_series].at(cell.first, cell.second);
    const auto& predicted = prediction(m_series);
    const bool predictedHere = !predicted.maps.empty() && !predicted.at(cell.first, cell.second).empty();
    if (map.empty() && !predictedHere && isSegmenting()) {
        updateReviewStatus();
        statusBar()->showMessage(tr("The model has not segmented this image yet: confirm it once its labels show"), 5000);
        return;
    }
    // Confirming an image confirms the labels on screen: the model's unless corrected, none (no
    // left ventricle here) when there are neither. One undo step, which also takes the model's
    // labels back out of the corrections.
    m_undo->beginMacro(tr("Confirm image"));
    if (map.empty()) {
        const auto& s = m_study.result.series[m_series];
        image::LabelMap background(s.geometry.columns, s.geometry.rows, image::label::Background);
        map = predictedHere ? predicted.at(cell.first, cell.second) : background;
        pushEdit(tr("Confirm image"), {m_series, cell.first, cell.second}, background, true);
    }
    const io::ReviewState now = reviewState(m_series, cell.first, cell.second);
    m_undo->push(new ReviewStateCommand(tr("Confirm image"), m_series, {{cell, now}}, {{cell, io::ReviewState::Confirmed}},
                                        [this](int series, const ReviewStates& st) {
                                            applyReviewStates(series, st);
                                        }));
    m_undo->endMacro();
    statusBar()->showMessage(tr("Image confirmed"), 3000);
}

void MainWindow::unconfirmImage() {
    if (m_series < 0) return;
    const std::pair<int, int> cell{currentSlice(), currentPhase()};
    if (reviewState(m_series, cell.first, cell.second) != io::ReviewState::Confirmed) {
        statusBar()->showMessage(tr("This image is not confirmed"), 5000);
        return;
    }
    // Back to corrected: the labels stay as they are, only the confirmation goes.
    m_undo->push(new ReviewStateCommand(tr("Un-confirm image"), m_series, {{cell, io::ReviewState::Confirmed}},
                                        {{cell, io::ReviewState::Corrected}},
                                        [this](int series, const ReviewStates& st) {
                                            applyReviewStates(series, st);
                                        }));
    statusBar()->showMessage(tr("Image no longer confirmed: it stays corrected"), 3000);
}

void MainWindow::clearSlice() {
    if (m_series < 0) return;
    const auto& s = m_study.result.series[m_series];
    const int slice = currentSlice();
    m_undo->beginMacro(tr("Clear the slice"));
    for (int p = 0; p < s.phases; ++p) {
        if (!s.image(slice, p)) continue;
        auto& map = m_corrections[m_series].at(slice, p);
        const bool created = map.empty();
        const image::LabelMap before =
            created ? image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background) : map;
        map = image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background);
        pushEdit(tr("Clear the slice"), {m_series, slice, p}, before, created);
    }
    m_undo->endMacro();
    setPosition(slice, currentPhase());
}

void MainWindow::copyToNeighbourPhase(int delta) {
    if (m_series < 0) return;
    const auto& s = m_study.result.series[m_series];
    const int slice = currentSlice();
    const int from = currentPhase(), to = ((from + delta) % s.phases + s.phases) % s.phases;
    const auto& corrected = m_corrections[m_series].at(slice, from);
    const auto& predicted = prediction(m_series);
    const image::LabelMap source =
        !corrected.empty() ? corrected : predicted.maps.empty() ? image::LabelMap() : predicted.at(slice, from);
    if (source.empty() || to == from || !s.image(slice, to)) {
        statusBar()->showMessage(tr("No labels here to copy"), 5000);
        return;
    }
    // A starting point for the neighbouring phase of the same slice: one undo step, and the
    // view goes there to refine it.
    auto& map = m_corrections[m_series].at(slice, to);
    const bool created = map.empty();
    const image::LabelMap before =
        created ? image::LabelMap(s.geometry.columns, s.geometry.rows, image::label::Background) : map;
    map = source;
    setPosition(slice, to);
    pushEdit(tr("Copy labels from phase %1").arg(from + 1), {m_series, slice, to}, before, created);
}

void MainWindow::markChanged(int series) {
    m_dirtySeries.insert(series);
    updateFinetuneAvailability();
    // Saved 1.5 s after the first unsaved change, even while editing goes on.
    if (!m_autosave->isActive()) m_autosave->start();
}

void MainWindow::saveWorkspace() {
    m_autosave->stop();
    if ((m_dirtySeries.empty() && !m_activeDirty) || m_study.workspaceFolder.isEmpty()) return;
    if (m_saving.isRunning()) {  // one writer at a time; try again shortly
        m_autosave->start();
        return;
    }
    // The worker gets copies: editing goes on while it writes.
    std::vector<std::pair<const image::CineSeries*, io::SeriesWork>> jobs;
    for (int s : m_dirtySeries)
        jobs.push_back({&m_study.result.series[s], io::SeriesWork{m_corrections[s], m_review[s], m_clinical[s]}});
    const std::set<int> series = std::move(m_dirtySeries);
    m_dirtySeries.clear();
    const bool activeDirty = m_activeDirty;
    m_activeDirty = false;
    const std::string folder = m_study.workspaceFolder.toStdString();
    const std::string study = m_study.path.toStdString();
    const std::string active = m_study.activeModel.toStdString();
    QPointer<MainWindow> self = this;
    const unsigned generation = m_generation;
    m_saving = QtConcurrent::run([jobs = std::move(jobs), folder, study, active, activeDirty, self, series, generation] {
        try {
            const io::Workspace ws(folder, study);
            for (const auto& [s, work] : jobs) ws.save(*s, work);
            if (activeDirty) ws.setActiveModel(active);
        } catch (const std::exception& e) {
            // Nothing is dropped: what was not saved stays to be saved, and saving is tried again.
            const QString msg = MainWindow::tr("Corrections NOT saved: %1").arg(QString::fromStdString(e.what()));
            QMetaObject::invokeMethod(self, [self, msg, series, generation, activeDirty] {
                if (!self) return;
                self->statusBar()->showMessage(msg, 30000);
                if (self->m_generation != generation) return;
                self->m_dirtySeries.insert(series.begin(), series.end());
                self->m_activeDirty = self->m_activeDirty || activeDirty;
                self->m_autosave->start();
            }, Qt::QueuedConnection);
        }
    });
}

}  // namespace cardioseg::ui
