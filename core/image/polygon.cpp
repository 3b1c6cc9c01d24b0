#include "image/polygon.h"

#include <algorithm>
#include <cmath>

namespace cardioseg::image {

std::size_t fillPolygon(LabelMap& map, const Polygon& polygon, std::uint8_t value) {
    const std::size_t n = polygon.size();
    if (n < 3 || map.empty()) return 0;
    double yMin = polygon[0].y, yMax = polygon[0].y;
    for (const auto& p : polygon) {
        yMin = std::min(yMin, p.y);
        yMax = std::max(yMax, p.y);
    }
    const int rowBegin = std::max(0, static_cast<int>(std::ceil(yMin)));
    const int rowEnd = std::min(map.height - 1, static_cast<int>(std::floor(yMax)));
    std::size_t count = 0;
    std::vector<double> xs;
    for (int row = rowBegin; row <= rowEnd; ++row) {
        const double y = row;
        xs.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const Point2& a = polygon[i];
            const Point2& b = polygon[(i + 1) % n];
            // Half-open in y: an edge covers [min y, max y), so a vertex on the scan line is
            // counted once and horizontal edges never.
            if ((a.y <= y && y < b.y) || (b.y <= y && y < a.y))
                xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Half-open in x: centres c with xs[k] <= c < xs[k+1].
            const int c0 = std::max(0, static_cast<int>(std::ceil(xs[k])));
            const int c1 = std::min(map.width, static_cast<int>(std::ceil(xs[k + 1])));
            for (int c = c0; c < c1; ++c) {
                map.at(c, row) = value;
                ++count;
            }
        }
    }
    return count;
}

double polygonArea(const Polygon& polygon) {
    double a = 0.0;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Point2& p = polygon[i];
        const Point2& q = polygon[(i + 1) % n];
        a += p.x * q.y - q.x * p.y;
    }
    return 0.5 * a;
}

LabelMap rasterizeContours(int width, int height, const Polygon* endocardium,
                           const Polygon* epicardium) {
    if (epicardium) {
        LabelMap map(width, height, label::Background);
        fillPolygon(map, *epicardium, endocardium ? label::Myocardium : label::Ignore);
        if (endocardium) fillPolygon(map, *endocardium, label::BloodPool);
        return map;
    }
    LabelMap map(width, height, endocardium ? label::NotBloodPool : label::Background);
    if (endocardium) fillPolygon(map, *endocardium, label::BloodPool);
    return map;
}

}  // namespace cardioseg::image
