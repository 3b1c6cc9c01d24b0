#pragma once

#include <QColor>
#include <QPointF>
#include <Qt>

#include "image/polygon.h"

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace cardioseg::ui {

class SliceView;

/// What the left button does in a SliceView: one handler per interaction mode. The view keeps
/// zoom, pan and window/level (wheel, middle or Shift+left drag, right drag) for every mode and
/// gives a handler the events first; a handler that takes a press receives the moves and the
/// release that follow.
class InteractionHandler {
public:
    explicit InteractionHandler(SliceView& view) : m_view(view) {}
    virtual ~InteractionHandler() = default;
    InteractionHandler(const InteractionHandler&) = delete;
    InteractionHandler& operator=(const InteractionHandler&) = delete;

    /// A press at `image` (image coordinates); true when the handler takes it.
    virtual bool press(const QMouseEvent&, const QPointF& /*image*/) { return false; }
    /// A move: `dragging` when the handler took the press.
    virtual void move(const QMouseEvent&, const QPointF& /*image*/, bool /*dragging*/) {}
    /// The end of a press the handler took.
    virtual void release() {}
    /// true when the double click is the handler's (the view then does not fit the image).
    virtual bool doubleClick(const QMouseEvent&) { return false; }
    /// Keys the handler needs before the window's shortcuts see them.
    virtual bool wantsKey(int /*key*/) const { return false; }
    /// true when the key was the handler's.
    virtual bool key(const QKeyEvent&) { return false; }
    /// Draws what the mode shows over the image (in widget coordinates).
    virtual void paint(QPainter&) const {}
    virtual Qt::CursorShape cursor() const { return Qt::CrossCursor; }
    /// Leaving the mode: anything half-drawn goes.
    virtual void reset() {}

protected:
    SliceView& m_view;
};

/// Navigate: the left button does nothing of its own.
class NavigateHandler : public InteractionHandler {
public:
    using InteractionHandler::InteractionHandler;
    Qt::CursorShape cursor() const override { return Qt::ArrowCursor; }
};

/// Paint: a left drag is a brush stroke; the brush is drawn at the cursor.
class PaintHandler : public InteractionHandler {
public:
    using InteractionHandler::InteractionHandler;
    void setRadius(double pixels) { m_radius = pixels; }
    bool press(const QMouseEvent& event, const QPointF& image) override;
    void move(const QMouseEvent& event, const QPointF& image, bool dragging) override;
    void release() override;
    void paint(QPainter& p) const override;

private:
    double m_radius = 3.0;
    QPointF m_last;
    QPointF m_cursor{-1, -1};
};

/// Click: a left click reports the pixel (flood fill).
class ClickHandler : public InteractionHandler {
public:
    using InteractionHandler::InteractionHandler;
    bool press(const QMouseEvent& event, const QPointF& image) override;
    Qt::CursorShape cursor() const override { return Qt::PointingHandCursor; }
};

/// Polygon: a left drag draws a lasso, left clicks place vertices; the lasso's release, a double
/// click, Enter or a right click closes the polygon, Esc abandons it.
class PolygonHandler : public InteractionHandler {
public:
    using InteractionHandler::InteractionHandler;
    const image::Polygon& draft() const { return m_draft; }
    bool press(const QMouseEvent& event, const QPointF& image) override;
    void move(const QMouseEvent& event, const QPointF& image, bool dragging) override;
    void release() override;
    bool doubleClick(const QMouseEvent& event) override;
    bool wantsKey(int key) const override;
    bool key(const QKeyEvent& event) override;
    void paint(QPainter& p) const override;
    void reset() override;

private:
    void finish();
    image::Polygon m_draft;
    bool m_dragged = false;  ///< the draft is a lasso (drawn with the button held)
    QPointF m_pressedAt;     ///< widget position of the press
    QPointF m_cursor{-1, -1};
};

/// Contour: an editable outline; drag a vertex to move it, press on an edge to insert one and
/// drag it, right click (or Delete over it) removes one.
class ContourHandler : public InteractionHandler {
public:
    using InteractionHandler::InteractionHandler;
    /// The outline to edit (ignored while a vertex is dragged: never pulled from under the mouse).
    void setContour(const image::Polygon& polygon, const QColor& color);
    const image::Polygon& contour() const { return m_edit; }
    bool press(const QMouseEvent& event, const QPointF& image) override;
    void move(const QMouseEvent& event, const QPointF& image, bool dragging) override;
    void release() override;
    bool doubleClick(const QMouseEvent&) override { return true; }
    bool key(const QKeyEvent& event) override;
    void paint(QPainter& p) const override;

private:
    /// Index of the vertex within a few screen pixels of `pos`, or −1.
    int vertexAt(const QPointF& pos) const;
    void removeVertex(int index);
    image::Polygon m_edit;
    image::Polygon m_before;  ///< the outline when the current vertex drag began
    QColor m_color;
    int m_vertex = -1;  ///< vertex being dragged
    int m_hover = -1;   ///< vertex under the cursor
};

}  // namespace cardioseg::ui
