#pragma once

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

#include "image/cine_series.h"
#include "image/polygon.h"
#include "overlay.h"

namespace cardioseg::ui {

class InteractionHandler;
class NavigateHandler;
class PaintHandler;
class ClickHandler;
class PolygonHandler;
class ContourHandler;

/// Shows one 2-D image with its label overlay and contours. Wheel zooms about the cursor,
/// middle or Shift+left drag pans, right drag sets window/level (horizontal: width, vertical:
/// level), double click fits the image to the widget. Pixel spacing is honoured: a pixel is
/// drawn as wide and tall as it is in millimetres.
///
/// Editing interactions, each a handler of its own (slice_view_modes.h; the editing presenter
/// decides what they do to the labels):
/// - Paint: left drag is a brush stroke (strokeBegan/Moved/Ended), the brush shown at the cursor;
/// - Polygon: left drag draws a lasso, left clicks place vertices; release of a lasso, double
///   click, Enter or right click closes the polygon (polygonDrawn), Esc abandons it;
/// - Click: a left click reports the pixel (imageClicked), for flood fill;
/// - Contour: an editable outline; drag a vertex to move it, press on an edge to insert one and
///   drag it, right click (or Delete over it) removes a vertex (contourEdited).
class SliceView : public QWidget {
    Q_OBJECT

public:
    enum class Interaction { Navigate, Paint, Polygon, Click, Contour };

    explicit SliceView(QWidget* parent = nullptr);
    ~SliceView() override;

    /// Shows an image (copied) of `slice` of a series with this geometry; nullptr clears.
    void setImage(const image::FloatImage* img, const image::Geometry& geometry, int slice);
    void setDisplayWindow(const image::Window& window);
    image::Window displayWindow() const { return m_window; }
    void setOverlay(OverlayLayers layers);
    const OverlayLayers& overlay() const { return m_layers; }
    void setOverlayVisible(bool visible);
    /// A short state shown in the top-left corner on a coloured tag (the review state of the
    /// image, ED/ES); empty: none.
    void setBadge(const QString& text, const QColor& color);
    QString badge() const { return m_badge; }
    void fitToWindow();
    double zoom() const { return m_zoom; }
    /// The interaction of the left button; `brushRadius` in image pixels (Paint).
    void setInteraction(Interaction interaction, double brushRadius = 0.0);
    Interaction interaction() const { return m_interaction; }
    /// The outline edited in Contour mode (pixel coordinates), drawn in `color`; empty: none.
    void setEditableContour(const image::Polygon& polygon, const QColor& color);
    const image::Polygon& editableContour() const;
    /// The polygon being drawn in Polygon mode (empty when none).
    const image::Polygon& draftPolygon() const;
    /// Image pixel coordinates under a widget position (pixel centres on integers).
    QPointF widgetToImage(const QPointF& widgetPos) const;
    /// Widget position of image pixel coordinates.
    QPointF imageToWidgetPoint(const QPointF& imagePos) const;
    /// Draws a polygon given in image coordinates.
    void drawImagePath(QPainter& p, const image::Polygon& polygon, bool closed) const;

Q_SIGNALS:
    /// Pixel, value and patient position under the cursor, ready for the status bar.
    void cursorInfoChanged(const QString& text);
    void displayWindowChanged(const cardioseg::image::Window& window);
    /// A painting stroke: begins, moves (image coordinates) and ends.
    void strokeBegan(const QPointF& imagePos);
    void strokeMoved(const QPointF& from, const QPointF& to);
    void strokeEnded();
    /// A closed polygon or lasso (image coordinates), at least three vertices.
    void polygonDrawn(const cardioseg::image::Polygon& polygon);
    /// A left click in Click mode (image coordinates).
    void imageClicked(const QPointF& imagePos);
    /// The editable outline changed (before and after one vertex move, insertion or removal).
    void contourEdited(const cardioseg::image::Polygon& before, const cardioseg::image::Polygon& after);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    QTransform imageToWidget() const;
    void renderImage();
    void reportCursor(const QPointF& widgetPos);

    image::FloatImage m_data;
    image::Geometry m_geometry;
    int m_slice = 0;
    image::Window m_window;
    QImage m_rendered;
    OverlayLayers m_layers;
    bool m_overlayVisible = true;
    double m_zoom = 1.0;
    QPointF m_pan;
    bool m_fit = true;
    /// What the mouse is dragging: the view (pan, window) or the mode's handler.
    enum class Drag { None, Pan, Window, Handler } m_drag = Drag::None;
    Interaction m_interaction = Interaction::Navigate;
    QPointF m_dragStart;
    QPointF m_panStart;
    image::Window m_windowStart;
    QString m_badge;
    QColor m_badgeColor;
    std::unique_ptr<NavigateHandler> m_navigate;
    std::unique_ptr<PaintHandler> m_paint;
    std::unique_ptr<ClickHandler> m_click;
    std::unique_ptr<PolygonHandler> m_polygon;
    std::unique_ptr<ContourHandler> m_contour;
    InteractionHandler* m_handler = nullptr;  ///< the current mode's
};

}  // namespace cardioseg::ui
