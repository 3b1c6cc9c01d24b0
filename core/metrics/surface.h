#pragma once

#include <optional>

#include "image/image2d.h"

namespace cardioseg::metrics {

/// Boundary distances between two binary masks of one image, in millimetres.
struct SurfaceDistance {
    double hausdorff = 0.0;  ///< largest distance from a boundary pixel to the other boundary
    double assd = 0.0;       ///< average symmetric surface distance
};

/// Distances between the boundaries of {truth == label} and {prediction == label}; pixels
/// where truth is the ignore label are left out of both masks. A boundary pixel is a mask
/// pixel with a 4-neighbour outside the mask (or on the image border). Pixel centres are
/// `colSpacing` apart along a row and `rowSpacing` apart down a column. Returns nothing when
/// either mask is empty.
std::optional<SurfaceDistance> surfaceDistance(const image::LabelMap& truth, const image::LabelMap& prediction,
                                               std::uint8_t label, double rowSpacing, double colSpacing);

}  // namespace cardioseg::metrics
