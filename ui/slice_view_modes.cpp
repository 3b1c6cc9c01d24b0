#include "slice_view_modes.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "slice_view.h"

namespace cardioseg::ui {

namespace {

constexpr double kVertexPickPx = 7.0;  ///< screen distance within which a vertex is picked
constexpr double kEdgePickPx = 6.0;    ///< ... and an edge

bool leftButton(const QMouseEvent& e) {
    // Shift+left pans in every mode.
    return e.button() == Qt::LeftButton && !(e.modifiers() & Qt::ShiftModifier);
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b, double* t) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    *t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + *t * ab;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

}  // namespace

// ---- Paint ---------------------------------------------------------------------------------

bool PaintHandler::press(const QMouseEvent& event, const QPointF& image) {
    if (!leftButton(event)) return false;
    m_last = image;
    Q_EMIT m_view.strokeBegan(image);
    return true;
}

void PaintHandler::move(const QMouseEvent& event, const QPointF& image, bool dragging) {
    m_cursor = event.position();
    if (dragging) {
        Q_EMIT m_view.strokeMoved(m_last, image);
        m_last = image;
    }
    m_view.update();  // the brush follows the cursor
}

void PaintHandler::release() { Q_EMIT m_view.strokeEnded(); }

void PaintHandler::paint(QPainter& p) const {
    if (m_cursor.x() < 0) return;
    // Brush outline at the cursor, in screen pixels of the current zoom.
    const QPointF o = m_view.imageToWidgetPoint({0, 0});
    const QPointF dx = m_view.imageToWidgetPoint({1, 0}) - o, dy = m_view.imageToWidgetPoint({0, 1}) - o;
    p.setPen(QPen(QColor(255, 255, 255, 200), 1.0, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(m_cursor, m_radius * std::hypot(dx.x(), dx.y()), m_radius * std::hypot(dy.x(), dy.y()));
}

// ---- Click ---------------------------------------------------------------------------------

bool ClickHandler::press(const QMouseEvent& event, const QPointF& image) {
    if (!leftButton(event)) return false;
    Q_EMIT m_view.imageClicked(image);
    return true;
}

// ---- Polygon -------------------------------------------------------------------------------

bool PolygonHandler::press(const QMouseEvent& event, const QPointF& image) {
    if (leftButton(event)) {
        if (m_draft.empty()) m_dragged = false;
        m_draft.push_back({image.x(), image.y()});
        m_pressedAt = event.position();
        m_view.update();
        return true;
    }
    if (event.button() == Qt::RightButton && !m_draft.empty()) {
        finish();
        return true;
    }
    return false;
}

void PolygonHandler::move(const QMouseEvent& event, const QPointF& image, bool dragging) {
    m_cursor = event.position();
    if (dragging && !m_draft.empty()) {
        // A lasso once the button is dragged a few screen pixels; a click's jitter is not one.
        const QPointF d = event.position() - m_pressedAt;
        const auto& last = m_draft.back();
        if ((m_dragged || std::hypot(d.x(), d.y()) >= 4.0) && std::hypot(image.x() - last.x, image.y() - last.y) >= 0.75) {
            m_draft.push_back({image.x(), image.y()});
            m_dragged = true;
        }
    }
    m_view.update();  // the open edge follows the cursor
}

void PolygonHandler::release() {
    if (m_dragged) finish();
}

bool PolygonHandler::doubleClick(const QMouseEvent&) {
    if (m_draft.empty()) return false;
    finish();
    return true;
}

bool PolygonHandler::wantsKey(int key) const {
    // While a polygon is drawn, Esc and Enter belong to it, not to the window's shortcuts.
    return !m_draft.empty() && (key == Qt::Key_Escape || key == Qt::Key_Return || key == Qt::Key_Enter);
}

bool PolygonHandler::key(const QKeyEvent& event) {
    if (m_draft.empty()) return false;
    if (event.key() == Qt::Key_Escape) {
        reset();
        return true;
    }
    if (event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter) {
        finish();
        return true;
    }
    return false;
}

void PolygonHandler::paint(QPainter& p) const {
    if (m_draft.empty()) return;
    p.setPen(QPen(QColor(255, 255, 255, 230), 1.5, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    image::Polygon open = m_draft;
    if (!m_dragged && m_cursor.x() >= 0) {
        const QPointF c = m_view.widgetToImage(m_cursor);
        open.push_back({c.x(), c.y()});
    }
    m_view.drawImagePath(p, open, false);
}

void PolygonHandler::reset() {
    m_draft.clear();
    m_dragged = false;
    m_view.update();
}

void PolygonHandler::finish() {
    image::Polygon polygon;
    std::swap(polygon, m_draft);
    m_dragged = false;
    m_view.update();
    if (polygon.size() >= 3) Q_EMIT m_view.polygonDrawn(polygon);
}

// ---- Contour -------------------------------------------------------------------------------

void ContourHandler::setContour(const image::Polygon& polygon, const QColor& color) {
    if (m_vertex >= 0) return;  // never pull the outline from under the mouse
    m_edit = polygon;
    m_color = color;
    m_hover = -1;
    m_view.update();
}

int ContourHandler::vertexAt(const QPointF& pos) const {
    int best = -1;
    double bestD = kVertexPickPx;
    for (std::size_t k = 0; k < m_edit.size(); ++k) {
        const QPointF w = m_view.imageToWidgetPoint({m_edit[k].x, m_edit[k].y});
        const double d = std::hypot(w.x() - pos.x(), w.y() - pos.y());
        if (d <= bestD) {
            bestD = d;
            best = static_cast<int>(k);
        }
    }
    return best;
}

void ContourHandler::removeVertex(int index) {
    if (index < 0 || m_edit.size() <= 3) return;
    const image::Polygon before = m_edit;
    m_edit.erase(m_edit.begin() + index);
    m_hover = -1;
    m_view.update();
    Q_EMIT m_view.contourEdited(before, m_edit);
}

bool ContourHandler::press(const QMouseEvent& event, const QPointF&) {
    if (m_edit.empty()) return false;
    if (event.button() == Qt::RightButton) {
        const int k = vertexAt(event.position());
        if (k < 0) return false;  // right drag sets the window
        removeVertex(k);
        return true;
    }
    if (!leftButton(event)) return false;
    int k = vertexAt(event.position());
    m_before = m_edit;
    if (k < 0) {
        // On an edge: a new vertex there, dragged at once.
        double bestD = kEdgePickPx, bestT = 0;
        int edge = -1;
        for (std::size_t i = 0; i < m_edit.size(); ++i) {
            const auto& a = m_edit[i];
            const auto& b = m_edit[(i + 1) % m_edit.size()];
            double t = 0;
            const double d = distanceToSegment(event.position(), m_view.imageToWidgetPoint({a.x, a.y}),
                                               m_view.imageToWidgetPoint({b.x, b.y}), &t);
            if (d <= bestD) {
                bestD = d;
                bestT = t;
                edge = static_cast<int>(i);
            }
        }
        if (edge < 0) return false;  // away from the outline: the left button pans nothing either
        const auto& a = m_edit[edge];
        const auto& b = m_edit[(edge + 1) % m_edit.size()];
        m_edit.insert(m_edit.begin() + edge + 1, {a.x + bestT * (b.x - a.x), a.y + bestT * (b.y - a.y)});
        k = edge + 1;
    }
    m_vertex = k;
    m_view.update();
    return true;
}

void ContourHandler::move(const QMouseEvent& event, const QPointF& image, bool dragging) {
    if (dragging && m_vertex >= 0) m_edit[m_vertex] = {image.x(), image.y()};
    else m_hover = vertexAt(event.position());
    m_view.update();  // the handles follow the cursor
}

void ContourHandler::release() {
    if (m_vertex < 0) return;
    m_vertex = -1;
    m_view.update();
    if (m_edit != m_before) Q_EMIT m_view.contourEdited(m_before, m_edit);
}

bool ContourHandler::key(const QKeyEvent& event) {
    if (m_hover < 0 || (event.key() != Qt::Key_Delete && event.key() != Qt::Key_Backspace)) return false;
    removeVertex(m_hover);
    return true;
}

void ContourHandler::paint(QPainter& p) const {
    if (m_edit.empty()) return;
    p.setPen(QPen(m_color, 2.0));
    p.setBrush(Qt::NoBrush);
    m_view.drawImagePath(p, m_edit, true);
    for (std::size_t k = 0; k < m_edit.size(); ++k) {
        const QPointF w = m_view.imageToWidgetPoint({m_edit[k].x, m_edit[k].y});
        const bool active = static_cast<int>(k) == m_hover || static_cast<int>(k) == m_vertex;
        p.setPen(QPen(Qt::white, 1.0));
        p.setBrush(active ? QColor(Qt::white) : m_color);
        p.drawRect(QRectF(w - QPointF(3.5, 3.5), QSizeF(7, 7)));
    }
}

}  // namespace cardioseg::ui
