#pragma once

#include <cstdint>
#include <vector>

#include "image/image2d.h"

namespace cardioseg::image {

/// A point in image pixel coordinates: x along a row (column index), y down a column (row
/// index). The centre of pixel (column c, row r) is the point (c, r).
struct Point2 {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const Point2& o) const { return x == o.x && y == o.y; }
};

/// A closed polygon; the last vertex connects back to the first.
using Polygon = std::vector<Point2>;

/// Sets to `value` every pixel whose centre lies inside the polygon (even-odd rule).
/// A centre exactly on an edge is inside for left and top edges and outside for right and
/// bottom ones (half-open spans), so two polygons that share an edge never both claim a pixel
/// and a w×h rectangle with corners on pixel centres covers exactly w×h pixels.
/// Returns the number of pixels set.
std::size_t fillPolygon(LabelMap& map, const Polygon& polygon, std::uint8_t value);

/// Signed shoelace area in pixel² (positive when the vertices turn clockwise on screen).
double polygonArea(const Polygon& polygon);

/// Label map of one image from expert contours, with the labels of image::label:
/// inside the endocardium → BloodPool; between endocardium and epicardium → Myocardium;
/// outside the epicardium → Background. Without an epicardial contour the pixels outside the
/// endocardium are NotBloodPool (background or myocardium, unknown which); with only an
/// epicardial contour the pixels inside it are Ignore.
LabelMap rasterizeContours(int width, int height, const Polygon* endocardium,
                           const Polygon* epicardium);

}  // namespace cardioseg::image
