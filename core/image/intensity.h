#pragma once

#include <vector>

#include "image/image2d.h"

namespace cardioseg::image {

/// The value at quantile q ∈ [0, 1] (nearest rank, no interpolation); reorders `values`.
/// `values` must not be empty.
float percentile(std::vector<float>& values, double q);

/// Robust per-image intensity normalisation used for training and inference alike: the 1st
/// percentile maps to 0 and the 99th to 1; values are clipped to [-0.5, 2]. MRI has no absolute
/// intensity scale, so this makes scanners and patients comparable.
FloatImage normalizeIntensity(const FloatImage& img);

}  // namespace cardioseg::image
