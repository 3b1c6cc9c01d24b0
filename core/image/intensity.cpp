#include "image/intensity.h"

#include <algorithm>

namespace cardioseg::image {

FloatImage normalizeIntensity(const FloatImage& img) {
    FloatImage out(img.width, img.height);
    if (img.data.empty()) return out;
    std::vector<float> sorted(img.data);
    const auto at = [&](double q) {
        auto it = sorted.begin() + static_cast<std::ptrdiff_t>(q * (sorted.size() - 1));
        std::nth_element(sorted.begin(), it, sorted.end());
        return *it;
    };
    const float lo = at(0.01), hi = at(0.99);
    const float scale = hi > lo ? 1.0f / (hi - lo) : 1.0f;
    for (std::size_t i = 0; i < img.data.size(); ++i)
        out.data[i] = std::clamp((img.data[i] - lo) * scale, -0.5f, 2.0f);
    return out;
}

}  // namespace cardioseg::image
