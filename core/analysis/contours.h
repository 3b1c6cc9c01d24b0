#pragma once

#include <vector>

#include "image/image2d.h"
#include "image/polygon.h"

namespace cardioseg::analysis {

/// The boundaries cardiologists draw on a short-axis image.
enum class Boundary {
    Endocardium,  ///< outline of the blood pool
    Epicardium,   ///< outline of blood pool and myocardium together
};

/// Outer outlines of the regions behind a boundary, largest region first, in image pixel
/// coordinates (pixel centres on integers, as expert contours). Each outline runs a quarter
/// pixel inside the region's pixel edges, so filling it with image::fillPolygon gives back
/// exactly the region's pixels (holes aside). `tolerance` > 0 simplifies the outline
/// (Douglas–Peucker, in pixels) for editing by hand.
std::vector<image::Polygon> regionContours(const image::LabelMap& labels, Boundary boundary, double tolerance = 0.0);

/// Applies an edit of one boundary drawn as a polygon: pixels that `after` encloses and
/// `before` did not join the region (endocardium: become blood pool; epicardium: background
/// becomes myocardium), pixels that `before` enclosed and `after` no longer does leave it
/// (endocardium: blood pool becomes myocardium where the image has myocardium, else
/// background; epicardium: blood pool and myocardium become background). Pixels away from
/// the edit are untouched, however the outline was simplified. Returns the pixels changed.
std::size_t applyContourEdit(image::LabelMap& labels, Boundary boundary, const image::Polygon& before,
                             const image::Polygon& after);

}  // namespace cardioseg::analysis
