#include "slice_view.h"

#include <QLocale>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

#include "image_adapters.h"
#include "orientation.h"
#include "slice_view_modes.h"

namespace cardioseg::ui {

SliceView::SliceView(QWidget* parent)
    : QWidget(parent),
      m_navigate(std::make_unique<NavigateHandler>(*this)),
      m_paint(std::make_unique<PaintHandler>(*this)),
      m_click(std::make_unique<ClickHandler>(*this)),
      m_polygon(std::make_unique<PolygonHandler>(*this)),
      m_contour(std::make_unique<ContourHandler>(*this)),
      m_handler(m_navigate.get()) {
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
    m_polygon->reset();  // a polygon half-drawn was on the previous image
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

SliceView::~SliceView() = default;

void SliceView::setInteraction(Interaction interaction, double brushRadius) {
    m_paint->setRadius(brushRadius);
    if (interaction != m_interaction) {
        if (m_drag == Drag::Handler) m_handler->release();  // a press in progress ends with its mode
        m_drag = Drag::None;
        m_handler->reset();
    }
    m_interaction = interaction;
    switch (interaction) {
        case Interaction::Navigate: m_handler = m_navigate.get(); break;
        case Interaction::Paint: m_handler = m_paint.get(); break;
        case Interaction::Click: m_handler = m_click.get(); break;
        case Interaction::Polygon: m_handler = m_polygon.get(); break;
        case Interaction::Contour: m_handler = m_contour.get(); break;
    }
    setCursor(m_handler->cursor());
    update();
}

void SliceView::setEditableContour(const image::Polygon& polygon, const QColor& color) {
    m_contour->setContour(polygon, color);
}

const image::Polygon& SliceView::editableContour() const { return m_contour->contour(); }
const image::Polygon& SliceView::draftPolygon() const { return m_polygon->draft(); }

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

void SliceView::drawImagePath(QPainter& p, const image::Polygon& polygon, bool closed) const {
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
            drawImagePath(p, contour.polygon, true);
        }

    m_handler->paint(p);  // the brush, the polygon being drawn, the editable outline

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

void SliceView::mousePressEvent(QMouseEvent* event) {
    m_dragStart = event->position();
    if (!m_data.empty() && m_handler->press(*event, widgetToImage(event->position()))) {
        m_drag = Drag::Handler;
        return;
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
    m_handler->move(*event, widgetToImage(event->position()), m_drag == Drag::Handler);
    if (m_drag == Drag::Pan) {
        m_pan = m_panStart + d;
        update();
    } else if (m_drag == Drag::Window) {
        const double step = std::max(1.0, m_windowStart.width / 256.0);
        m_window.width = std::max(1.0, m_windowStart.width + d.x() * step);
        m_window.center = m_windowStart.center - d.y() * step;
        renderImage();
        Q_EMIT displayWindowChanged(m_window);
    }
    reportCursor(event->position());
}

void SliceView::mouseReleaseEvent(QMouseEvent*) {
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::Handler) m_handler->release();
}

void SliceView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_handler->doubleClick(*event) || event->button() != Qt::LeftButton) return;
    fitToWindow();
}

bool SliceView::event(QEvent* event) {
    // Keys a mode needs (Esc and Enter while a polygon is drawn) before the window's shortcuts.
    if (event->type() == QEvent::ShortcutOverride && m_handler->wantsKey(static_cast<QKeyEvent*>(event)->key())) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void SliceView::keyPressEvent(QKeyEvent* event) {
    if (!m_handler->key(*event)) QWidget::keyPressEvent(event);
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
