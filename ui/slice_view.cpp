#include "slice_view.h"

#include <QLocale>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "image_adapters.h"
#include "orientation.h"

namespace cardioseg::ui {

namespace {

constexpr double kVertexPickPx = 7.0;  ///< screen distance within which a vertex is picked
constexpr double kEdgePickPx = 6.0;    ///< ... and an edge

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b, double* t) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    *t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + *t * ab;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

}  // namespace

SliceView::SliceView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(320, 320);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void SliceView::setImage(const image::FloatImage* img, const image::Geometry& geometry, int slice) {
    const bool sizeChanged = !img || img->width != m_data.width || img->height != m_data.height;
    m_data = img ? *img : image::FloatImage();
    m_geometry = geometry;
    m_slice = slice;
    if (sizeChanged) m_fit = true;
    m_draft.clear();
    renderImage();
}

void SliceView::setDisplayWindow(const image::Window& window) {
    m_window = window;
    renderImage();
}

void SliceView::setOverlay(OverlayLayers layers) {
    m_layers = std::move(layers);
    update();
}

void SliceView::setOverlayVisible(bool visible) {
    m_overlayVisible = visible;
    update();
}

void SliceView::fitToWindow() {
    m_fit = true;
    update();
}

void SliceView::renderImage() {
    m_rendered = m_data.empty() ? QImage() : toQImage(m_data, m_window);
    update();
}

void SliceView::setInteraction(Interaction interaction, double brushRadius) {
    if (interaction != m_interaction) m_draft.clear();
    m_interaction = interaction;
    m_brushRadius = brushRadius;
    setCursor(interaction == Interaction::Navigate ? Qt::ArrowCursor
              : interaction == Interaction::Click  ? Qt::PointingHandCursor
                                                   : Qt::CrossCursor);
    update();
}

void SliceView::setEditableContour(const image::Polygon& polygon, const QColor& color) {
    if (m_drag == Drag::Vertex) return;  // never pull the outline from under the mouse
    m_edit = polygon;
    m_editColor = color;
    m_hover = -1;
    update();
}

QTransform SliceView::imageToWidget() const {
    if (m_data.empty()) return {};
    const double minSpacing = std::min(m_geometry.colSpacing, m_geometry.rowSpacing);
    const double ax = m_geometry.colSpacing / minSpacing, ay = m_geometry.rowSpacing / minSpacing;
    double zoom = m_zoom;
    if (m_fit) {
        zoom = std::min(width() / (m_data.width * ax), height() / (m_data.height * ay));
        const_cast<SliceView*>(this)->m_zoom = zoom;
        const_cast<SliceView*>(this)->m_pan = {};
        const_cast<SliceView*>(this)->m_fit = false;
    }
    QTransform t;
    t.translate(width() / 2.0 + m_pan.x(), height() / 2.0 + m_pan.y());
    t.scale(zoom * ax, zoom * ay);
    t.translate(-m_data.width / 2.0, -m_data.height / 2.0);
    return t;
}

QPointF SliceView::widgetToImage(const QPointF& widgetPos) const {
    // Image coordinates put pixel centres on integers, as contours do; QImage pixel c spans [c, c+1).
    return imageToWidget().inverted().map(widgetPos) - QPointF(0.5, 0.5);
}

QPointF SliceView::imageToWidgetPoint(const QPointF& imagePos) const {
    return imageToWidget().map(imagePos + QPointF(0.5, 0.5));
}

void SliceView::drawPath(QPainter& p, const image::Polygon& polygon, bool closed) const {
    QPainterPath path;
    for (std::size_t k = 0; k < polygon.size(); ++k) {
        const QPointF w = imageToWidgetPoint({polygon[k].x, polygon[k].y});
        k == 0 ? path.moveTo(w) : path.lineTo(w);
    }
    if (closed) path.closeSubpath();
    p.drawPath(path);
}

void SliceView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (m_rendered.isNull()) {
        p.setPen(QColor(160, 160, 160));
        p.drawText(rect(), Qt::AlignCenter, tr("No image. Open a study with File ▸ Open folder…"));
        return;
    }
    const QTransform t = imageToWidget();
    p.save();
    p.setTransform(t);
    p.setRenderHint(QPainter::SmoothPixmapTransform);  // bilinear, as clinical viewers show MRI
    p.drawImage(QPointF(0, 0), m_rendered);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);  // labels stay crisp pixels
    if (m_overlayVisible && !m_layers.fill.isNull()) p.drawImage(QPointF(0, 0), m_layers.fill);
    if (m_overlayVisible && !m_layers.highlight.isNull()) p.drawImage(QPointF(0, 0), m_layers.highlight);
    p.restore();

    p.setRenderHint(QPainter::Antialiasing);
    if (m_overlayVisible)
        for (const auto& contour : m_layers.contours) {
            QPen pen(labelColor(contour.label), contour.dashed ? 1.4 : 1.6);
            if (contour.dashed) pen.setDashPattern({4, 3});
            p.setPen(pen);
            drawPath(p, contour.polygon, true);
        }

    if (m_interaction == Interaction::Contour && !m_edit.empty()) {
        p.setPen(QPen(m_editColor, 2.0));
        p.setBrush(Qt::NoBrush);
        drawPath(p, m_edit, true);
        for (std::size_t k = 0; k < m_edit.size(); ++k) {
            const QPointF w = imageToWidgetPoint({m_edit[k].x, m_edit[k].y});
            const bool active = static_cast<int>(k) == m_hover || static_cast<int>(k) == m_vertex;
            p.setPen(QPen(Qt::white, 1.0));
            p.setBrush(active ? QColor(Qt::white) : m_editColor);
            p.drawRect(QRectF(w - QPointF(3.5, 3.5), QSizeF(7, 7)));
        }
    }
    if (m_interaction == Interaction::Polygon && !m_draft.empty()) {
        p.setPen(QPen(QColor(255, 255, 255, 230), 1.5, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        image::Polygon open = m_draft;
        if (!m_draftDragged && m_cursor.x() >= 0) {
            const QPointF c = widgetToImage(m_cursor);
            open.push_back({c.x(), c.y()});
        }
        drawPath(p, open, false);
    }
    if (m_interaction == Interaction::Paint && m_cursor.x() >= 0) {
        // Brush outline at the cursor, in screen pixels of the current zoom.
        const double rx = m_brushRadius * std::hypot(t.m11(), t.m12());
        const double ry = m_brushRadius * std::hypot(t.m21(), t.m22());
        p.setPen(QPen(QColor(255, 255, 255, 200), 1.0, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(m_cursor, rx, ry);
    }

    // Orientation letters at the edges: right = row direction, bottom = column direction.
    p.setPen(QColor(255, 214, 10));
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    const auto& g = m_geometry;
    const image::Vec3 left{-g.rowDir[0], -g.rowDir[1], -g.rowDir[2]};
    const image::Vec3 up{-g.colDir[0], -g.colDir[1], -g.colDir[2]};
    const int m = 8;
    const QRect inner = rect().adjusted(m, m, -m, -m);
    p.drawText(inner, Qt::AlignRight | Qt::AlignVCenter, orientationLetters(g.rowDir));
    p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, orientationLetters(left));
    p.drawText(inner, Qt::AlignHCenter | Qt::AlignBottom, orientationLetters(g.colDir));
    p.drawText(inner, Qt::AlignHCenter | Qt::AlignTop, orientationLetters(up));
    p.setPen(QColor(220, 220, 220));
    p.setFont(font());
    p.drawText(inner, Qt::AlignLeft | Qt::AlignBottom,
               tr("W %1  L %2   zoom %3%").arg(QLocale().toString(m_window.width, 'f', 0), QLocale().toString(m_window.center, 'f', 0))
                   .arg(QLocale().toString(m_zoom * 100, 'f', 0)));
    if (!m_badge.isEmpty()) {
        const QFontMetrics fm(font());
        const QRect tag(inner.left(), inner.top(), fm.horizontalAdvance(m_badge) + 14, fm.height() + 6);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(m_badgeColor);
        p.drawRoundedRect(tag, 4, 4);
        p.setPen(Qt::white);
        p.drawText(tag, Qt::AlignCenter, m_badge);
    }
    if (m_overlayVisible && m_layers.disagreement > 0) {
        p.setPen(disagreementColor());
        p.drawText(inner, Qt::AlignRight | Qt::AlignBottom,
                   tr("model ≠ corrections: %n px", "", static_cast<int>(m_layers.disagreement)));
    }
}

void SliceView::setBadge(const QString& text, const QColor& color) {
    if (text == m_badge && color == m_badgeColor) return;
    m_badge = text;
    m_badgeColor = color;
    update();
}

void SliceView::resizeEvent(QResizeEvent*) { m_fit = true; }

void SliceView::wheelEvent(QWheelEvent* event) {
    if (m_data.empty()) return;
    const QPointF pos = event->position();
    const QPointF before = imageToWidget().inverted().map(pos);
    const double factor = std::pow(1.0015, event->angleDelta().y());
    m_zoom = std::clamp(m_zoom * factor, 0.05, 64.0);
    const QPointF after = imageToWidget().map(before);
    m_pan += pos - after;  // keep the pixel under the cursor in place
    update();
    event->accept();
}

int SliceView::vertexAt(const QPointF& pos) const {
    int best = -1;
    double bestD = kVertexPickPx;
    for (std::size_t k = 0; k < m_edit.size(); ++k) {
        const QPointF w = imageToWidgetPoint({m_edit[k].x, m_edit[k].y});
        const double d = std::hypot(w.x() - pos.x(), w.y() - pos.y());
        if (d <= bestD) {
            bestD = d;
            best = static_cast<int>(k);
        }
    }
    return best;
}

void SliceView::removeVertex(int index) {
    if (index < 0 || m_edit.size() <= 3) return;
    const image::Polygon before = m_edit;
    m_edit.erase(m_edit.begin() + index);
    m_hover = -1;
    update();
    Q_EMIT contourEdited(before, m_edit);
}

void SliceView::finishPolygon() {
    image::Polygon polygon;
    std::swap(polygon, m_draft);
    m_draftDragged = false;
    update();
    if (polygon.size() >= 3) Q_EMIT polygonDrawn(polygon);
}

void SliceView::mousePressEvent(QMouseEvent* event) {
    m_dragStart = event->position();
    const bool left = event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier);
    const QPointF ip = widgetToImage(event->position());
    if (!m_data.empty()) {
        if (m_interaction == Interaction::Paint && left) {
            m_drag = Drag::Paint;
            m_lastPaint = ip;
            Q_EMIT strokeBegan(ip);
            return;
        }
        if (m_interaction == Interaction::Click && left) {
            Q_EMIT imageClicked(ip);
            return;
        }
        if (m_interaction == Interaction::Polygon) {
            if (left) {
                if (m_draft.empty()) m_draftDragged = false;
                m_draft.push_back({ip.x(), ip.y()});
                m_drag = Drag::Lasso;
                update();
                return;
            }
            if (event->button() == Qt::RightButton && !m_draft.empty()) {
                finishPolygon();
                return;
            }
        }
        if (m_interaction == Interaction::Contour && !m_edit.empty()) {
            if (left) {
                int k = vertexAt(event->position());
                if (k < 0) {
                    // On an edge: a new vertex there, dragged at once.
                    double bestD = kEdgePickPx, bestT = 0;
                    int edge = -1;
                    for (std::size_t i = 0; i < m_edit.size(); ++i) {
                        const auto& a = m_edit[i];
                        const auto& b = m_edit[(i + 1) % m_edit.size()];
                        double t = 0;
                        const double d = distanceToSegment(event->position(), imageToWidgetPoint({a.x, a.y}),
                                                           imageToWidgetPoint({b.x, b.y}), &t);
                        if (d <= bestD) {
                            bestD = d;
                            bestT = t;
                            edge = static_cast<int>(i);
                        }
                    }
                    if (edge >= 0) {
                        m_editBefore = m_edit;
                        const auto& a = m_edit[edge];
                        const auto& b = m_edit[(edge + 1) % m_edit.size()];
                        m_edit.insert(m_edit.begin() + edge + 1,
                                      {a.x + bestT * (b.x - a.x), a.y + bestT * (b.y - a.y)});
                        k = edge + 1;
                    }
                } else {
                    m_editBefore = m_edit;
                }
                if (k >= 0) {
                    m_vertex = k;
                    m_drag = Drag::Vertex;
                    update();
                    return;
                }
            } else if (event->button() == Qt::RightButton) {
                const int k = vertexAt(event->position());
                if (k >= 0) {
                    removeVertex(k);
                    return;
                }
            }
        }
    }
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_drag = Drag::Pan;
        m_panStart = m_pan;
    } else if (event->button() == Qt::RightButton) {
        m_drag = Drag::Window;
        m_windowStart = m_window;
    }
}

void SliceView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF d = event->position() - m_dragStart;
    m_cursor = event->position();
    if (m_interaction != Interaction::Navigate) update();  // brush, draft and handles follow the cursor
    const QPointF ip = widgetToImage(event->position());
    switch (m_drag) {
        case Drag::Paint:
            Q_EMIT strokeMoved(m_lastPaint, ip);
            m_lastPaint = ip;
            break;
        case Drag::Lasso: {
            // A lasso once the button is dragged a few screen pixels; a click's jitter is not one.
            const auto& last = m_draft.back();
            const bool dragging = m_draftDragged || std::hypot(d.x(), d.y()) >= 4.0;
            if (dragging && std::hypot(ip.x() - last.x, ip.y() - last.y) >= 0.75) {
                m_draft.push_back({ip.x(), ip.y()});
                m_draftDragged = true;
            }
            break;
        }
        case Drag::Vertex:
            m_edit[m_vertex] = {ip.x(), ip.y()};
            break;
        case Drag::Pan:
            m_pan = m_panStart + d;
            update();
            break;
        case Drag::Window: {
            const double step = std::max(1.0, m_windowStart.width / 256.0);
            m_window.width = std::max(1.0, m_windowStart.width + d.x() * step);
            m_window.center = m_windowStart.center - d.y() * step;
            renderImage();
            Q_EMIT displayWindowChanged(m_window);
            break;
        }
        case Drag::None:
            if (m_interaction == Interaction::Contour) m_hover = vertexAt(event->position());
            break;
    }
    reportCursor(event->position());
}

void SliceView::mouseReleaseEvent(QMouseEvent*) {
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Paint) Q_EMIT strokeEnded();
    if (drag == Drag::Lasso && m_draftDragged) finishPolygon();
    if (drag == Drag::Vertex) {
        m_vertex = -1;
        update();
        if (m_edit != m_editBefore) Q_EMIT contourEdited(m_editBefore, m_edit);
    }
}

void SliceView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_interaction == Interaction::Polygon && !m_draft.empty()) {
        finishPolygon();
        return;
    }
    if (m_interaction == Interaction::Contour || event->button() != Qt::LeftButton) return;
    fitToWindow();
}

bool SliceView::event(QEvent* event) {
    // While a polygon is drawn, Esc and Enter belong to it, not to the window's shortcuts.
    if (event->type() == QEvent::ShortcutOverride && m_interaction == Interaction::Polygon && !m_draft.empty()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Escape || key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void SliceView::keyPressEvent(QKeyEvent* event) {
    if (m_interaction == Interaction::Polygon && !m_draft.empty()) {
        if (event->key() == Qt::Key_Escape) {
            m_draft.clear();
            update();
            return;
        }
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            finishPolygon();
            return;
        }
    }
    if (m_interaction == Interaction::Contour && m_hover >= 0 &&
        (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        removeVertex(m_hover);
        return;
    }
    QWidget::keyPressEvent(event);
}

void SliceView::reportCursor(const QPointF& widgetPos) {
    if (m_data.empty()) return;
    const QPointF ip = imageToWidget().inverted().map(widgetPos);
    const int x = static_cast<int>(std::floor(ip.x())), y = static_cast<int>(std::floor(ip.y()));
    if (x < 0 || y < 0 || x >= m_data.width || y >= m_data.height) {
        Q_EMIT cursorInfoChanged(QString());
        return;
    }
    const image::Vec3 mm = m_geometry.toPatient(x, y, m_slice);
    Q_EMIT cursorInfoChanged(tr("Pixel (%1, %2)  value %3   position (%4, %5, %6) mm")
                                 .arg(x).arg(y).arg(QLocale().toString(m_data.at(x, y), 'f', 0))
                                 .arg(QLocale().toString(mm[0], 'f', 1), QLocale().toString(mm[1], 'f', 1), QLocale().toString(mm[2], 'f', 1)));
}

}  // namespace cardioseg::ui
