#pragma once

#include <QImage>
#include <QWidget>

#include <vector>

#include "image/cine_series.h"
#include "image/polygon.h"

namespace cardioseg::ui {

/// A contour to outline, with the label whose colour it takes.
struct LabelledContour {
    std::uint8_t label = 0;
    image::Polygon polygon;
};

/// Shows one 2-D image with its label overlay and contours. Wheel zooms about the cursor,
/// middle or Shift+left drag pans, right drag sets window/level (horizontal: width, vertical:
/// level), double click fits the image to the widget. Pixel spacing is honoured: a pixel is
/// drawn as wide and tall as it is in millimetres.
class SliceView : public QWidget {
    Q_OBJECT

public:
    explicit SliceView(QWidget* parent = nullptr);

    /// Shows an image (copied) of `slice` of a series with this geometry; nullptr clears.
    void setImage(const image::FloatImage* img, const image::Geometry& geometry, int slice);
    void setDisplayWindow(const image::Window& window);
    image::Window displayWindow() const { return m_window; }
    /// Label overlay and contour polygons (pixel coordinates); empty map: none.
    void setLabels(const image::LabelMap& labels, std::vector<LabelledContour> contours);
    void setOverlayVisible(bool visible);
    void setOverlayOpacity(int alpha);
    void fitToWindow();
    double zoom() const { return m_zoom; }
    /// In painting mode a left drag paints instead of doing nothing; the cursor shows the
    /// brush (radius in image pixels).
    void setPainting(bool painting, double brushRadius);
    /// Image pixel coordinates under a widget position.
    QPointF widgetToImage(const QPointF& widgetPos) const;

signals:
    /// Pixel, value and patient position under the cursor, ready for the status bar.
    void cursorInfoChanged(const QString& text);
    void displayWindowChanged(const cardioseg::image::Window& window);
    /// A painting stroke: begins, moves (image coordinates) and ends.
    void strokeBegan(const QPointF& imagePos);
    void strokeMoved(const QPointF& from, const QPointF& to);
    void strokeEnded();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    QTransform imageToWidget() const;
    void render();
    void reportCursor(const QPointF& widgetPos);

    image::FloatImage m_data;
    image::Geometry m_geometry;
    int m_slice = 0;
    image::Window m_window;
    QImage m_rendered;
    QImage m_overlay;
    std::vector<LabelledContour> m_contours;
    bool m_overlayVisible = true;
    int m_overlayAlpha = 90;
    double m_zoom = 1.0;
    QPointF m_pan;
    bool m_fit = true;
    enum class Drag { None, Pan, Window, Paint } m_drag = Drag::None;
    bool m_painting = false;
    double m_brushRadius = 3.0;
    QPointF m_lastPaint;
    QPointF m_cursor{-1, -1};
    QPointF m_dragStart;
    QPointF m_panStart;
    image::Window m_windowStart;
};

}  // namespace cardioseg::ui
