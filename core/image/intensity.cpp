#include "image/intensity.h"

#include <algorithm>

namespace cardioseg::image {

float percentile(std::vector<float>& values, double q) {
    auto it = values.begin() + static_cast<std::ptrdiff_t>(q * (values.size() - 1));
    std::nth_element(values.begin(), it, values.end());
    return *it;
}

FloatImage normalizeIntensity(const FloatImage& img) {
    FloatImage out(img.width, img.height);
    if (img.data.empty()) return out;
    std::vector<float> values(img.data);
    const float lo = percentile(values, 0.01), hi = percentile(values, 0.99);
    const float scale = hi > lo ? 1.0f / (hi - lo) : 1.0f;
    for (std::size_t i = 0; i < img.data.size(); ++i)
        out.data[i] = std::clamp((img.data[i] - lo) * scale, -0.5f, 2.0f);
    return out;
}

}  // namespace cardioseg::image
