#include "slice_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "image_adapters.h"
#include "orientation.h"

namespace cardioseg::ui {

SliceView::SliceView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(320, 320);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(false);
}

void SliceView::setImage(const image::FloatImage* img, const image::Geometry& geometry, int slice) {
    const bool sizeChanged = !img || img->width != m_data.width || img->height != m_data.height;
    m_data = img ? *img : image::FloatImage();
    m_geometry = geometry;
    m_slice = slice;
    if (sizeChanged) m_fit = true;
    render();
}

void SliceView::setDisplayWindow(const image::Window& window) {
    m_window = window;
    render();
}

void SliceView::setLabels(const image::LabelMap& labels, std::vector<LabelledContour> contours) {
    m_overlay = labels.empty() ? QImage() : labelOverlay(labels, m_overlayAlpha);
    m_contours = std::move(contours);
    update();
}

void SliceView::setOverlayVisible(bool visible) {
    m_overlayVisible = visible;
    update();
}

void SliceView::setOverlayOpacity(int alpha) { m_overlayAlpha = std::clamp(alpha, 0, 255); }

void SliceView::fitToWindow() {
    m_fit = true;
    update();
}

void SliceView::render() {
    m_rendered = m_data.empty() ? QImage() : toQImage(m_data, m_window);
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
    if (m_overlayVisible && !m_overlay.isNull()) p.drawImage(QPointF(0, 0), m_overlay);
    p.restore();

    if (m_overlayVisible) {
        p.setRenderHint(QPainter::Antialiasing);
        for (const auto& contour : m_contours) {
            QPainterPath path;
            const auto& poly = contour.polygon;
            for (std::size_t k = 0; k < poly.size(); ++k) {
                // Contour coordinates put pixel centres on integers; QImage pixel c spans [c, c+1).
                const QPointF w = t.map(QPointF(poly[k].x + 0.5, poly[k].y + 0.5));
                k == 0 ? path.moveTo(w) : path.lineTo(w);
            }
            path.closeSubpath();
            p.setPen(QPen(labelColor(contour.label), 1.6));
            p.drawPath(path);
        }
    }

    if (m_painting && m_cursor.x() >= 0) {
        // Brush outline at the cursor, in screen pixels of the current zoom.
        const QTransform tr = imageToWidget();
        const double rx = m_brushRadius * std::hypot(tr.m11(), tr.m12());
        const double ry = m_brushRadius * std::hypot(tr.m21(), tr.m22());
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
    p.drawText(rect().adjusted(m, m, -m, -m), Qt::AlignRight | Qt::AlignVCenter, orientationLetters(g.rowDir));
    p.drawText(rect().adjusted(m, m, -m, -m), Qt::AlignLeft | Qt::AlignVCenter, orientationLetters(left));
    p.drawText(rect().adjusted(m, m, -m, -m), Qt::AlignHCenter | Qt::AlignBottom, orientationLetters(g.colDir));
    p.drawText(rect().adjusted(m, m, -m, -m), Qt::AlignHCenter | Qt::AlignTop, orientationLetters(up));
    p.setPen(QColor(220, 220, 220));
    p.setFont(font());
    p.drawText(rect().adjusted(m, m, -m, -m), Qt::AlignLeft | Qt::AlignBottom,
               tr("W %1  L %2   zoom %3%").arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0)
                   .arg(m_zoom * 100, 0, 'f', 0));
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

void SliceView::setPainting(bool painting, double brushRadius) {
    m_painting = painting;
    m_brushRadius = brushRadius;
    setCursor(painting ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

QPointF SliceView::widgetToImage(const QPointF& widgetPos) const {
    // Image coordinates put pixel centres on integers, as contours do.
    return imageToWidget().inverted().map(widgetPos) - QPointF(0.5, 0.5);
}

void SliceView::mousePressEvent(QMouseEvent* event) {
    m_dragStart = event->position();
    if (m_painting && event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier) &&
        !m_data.empty()) {
        m_drag = Drag::Paint;
        m_lastPaint = widgetToImage(event->position());
        emit strokeBegan(m_lastPaint);
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
    m_cursor = event->position();
    if (m_painting) update();  // the brush outline follows the cursor
    if (m_drag == Drag::Paint) {
        const QPointF p = widgetToImage(event->position());
        emit strokeMoved(m_lastPaint, p);
        m_lastPaint = p;
    } else if (m_drag == Drag::Pan) {
        m_pan = m_panStart + d;
        update();
    } else if (m_drag == Drag::Window) {
        const double step = std::max(1.0, m_windowStart.width / 256.0);
        m_window.width = std::max(1.0, m_windowStart.width + d.x() * step);
        m_window.center = m_windowStart.center - d.y() * step;
        render();
        emit displayWindowChanged(m_window);
    }
    reportCursor(event->position());
}

void SliceView::mouseReleaseEvent(QMouseEvent*) {
    if (m_drag == Drag::Paint) emit strokeEnded();
    m_drag = Drag::None;
}

void SliceView::mouseDoubleClickEvent(QMouseEvent*) { fitToWindow(); }

void SliceView::reportCursor(const QPointF& widgetPos) {
    if (m_data.empty()) return;
    const QPointF ip = imageToWidget().inverted().map(widgetPos);
    const int x = static_cast<int>(std::floor(ip.x())), y = static_cast<int>(std::floor(ip.y()));
    if (x < 0 || y < 0 || x >= m_data.width || y >= m_data.height) {
        emit cursorInfoChanged(QString());
        return;
    }
    const image::Vec3 mm = m_geometry.toPatient(x, y, m_slice);
    emit cursorInfoChanged(tr("Pixel (%1, %2)  value %3   position (%4, %5, %6) mm")
                               .arg(x).arg(y).arg(m_data.at(x, y), 0, 'f', 0)
                               .arg(mm[0], 0, 'f', 1).arg(mm[1], 0, 'f', 1).arg(mm[2], 0, 'f', 1));
}

}  // namespace cardioseg::ui
