#include "metrics/surface.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace cardioseg::metrics {

namespace {

struct Pt {
    int x, y;
};

std::vector<Pt> boundary(const image::LabelMap& mask) {
    std::vector<Pt> pts;
    auto in = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < mask.width && y < mask.height && mask.at(x, y);
    };
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (in(x, y) && (!in(x - 1, y) || !in(x + 1, y) || !in(x, y - 1) || !in(x, y + 1))) pts.push_back({x, y});
    return pts;
}

/// For each point of a, the distance to the nearest point of b (mm).
std::vector<double> nearest(const std::vector<Pt>& a, const std::vector<Pt>& b, double sy, double sx) {
    std::vector<double> d(a.size(), std::numeric_limits<double>::max());
    for (std::size_t i = 0; i < a.size(); ++i)
        for (const Pt& q : b) {
            const double dx = (a[i].x - q.x) * sx, dy = (a[i].y - q.y) * sy;
            d[i] = std::min(d[i], dx * dx + dy * dy);
        }
    for (double& v : d) v = std::sqrt(v);
    return d;
}

}  // namespace

std::optional<SurfaceDistance> surfaceDistance(const image::LabelMap& truth, const image::LabelMap& prediction,
                                               std::uint8_t label, double rowSpacing, double colSpacing) {
    if (truth.width != prediction.width || truth.height != prediction.height)
        throw std::invalid_argument("surface distance: truth and prediction differ in size");
    image::LabelMap a(truth.width, truth.height), b(truth.width, truth.height);
    std::size_t na = 0, nb = 0;
    for (std::size_t i = 0; i < truth.data.size(); ++i) {
        const auto t = truth.data[i];
        // NotBloodPool pixels are known for the blood pool only.
        if (t == image::label::Ignore || (t == image::label::NotBloodPool && label != image::label::BloodPool)) continue;
        a.data[i] = truth.data[i] == label;
        b.data[i] = prediction.data[i] == label;
        na += a.data[i];
        nb += b.data[i];
    }
    if (!na || !nb) return std::nullopt;
    const auto ba = boundary(a), bb = boundary(b);
    const auto dab = nearest(ba, bb, rowSpacing, colSpacing);
    const auto dba = nearest(bb, ba, rowSpacing, colSpacing);
    SurfaceDistance r;
    r.hausdorff = std::max(*std::max_element(dab.begin(), dab.end()), *std::max_element(dba.begin(), dba.end()));
    double sum = 0;
    for (double v : dab) sum += v;
    for (double v : dba) sum += v;
    r.assd = sum / static_cast<double>(dab.size() + dba.size());
    return r;
}

}  // namespace cardioseg::metrics
