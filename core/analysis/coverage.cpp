#include "analysis/coverage.h"

#include "image/label_edit.h"

#include <algorithm>
#include <cmath>

namespace cardioseg::analysis {

namespace {

constexpr int kRays = 72;
constexpr double kSurroundReachMm = 6.0;  ///< how far past the cavity's edge myocardium counts

using Centre = image::LabelCentre;

/// Share of rays from the cavity's centre that meet myocardium within reach past its edge.
double surroundOf(const image::LabelMap& m, const Centre& c, double colMm, double rowMm) {
    if (!c.pixels) return 0.0;
    int hits = 0;
    const double step = 0.5;  // pixels
    for (int k = 0; k < kRays; ++k) {
        const double a = 2 * M_PI * k / kRays;
        const double dx = std::cos(a), dy = std::sin(a);
        // Walk out to the cavity's last pixel along the ray, then on for the reach.
        double edge = -1;
        for (double r = 0;; r += step) {
            const int x = static_cast<int>(std::lround(c.x + r * dx)),
                      y = static_cast<int>(std::lround(c.y + r * dy));
            if (x < 0 || y < 0 || x >= m.width || y >= m.height) break;
            const std::uint8_t v = m.at(x, y);
            if (v == image::label::BloodPool)
                edge = r;
            else if (edge >= 0 &&
                     (r - edge) * std::hypot(dx * colMm, dy * rowMm) > kSurroundReachMm)
                break;
            if (edge >= 0 && v == image::label::Myocardium) {
                ++hits;
                break;
            }
            if (edge < 0 && r * std::hypot(dx * colMm, dy * rowMm) > 200.0)
                break;  // no cavity on this ray
        }
    }
    return static_cast<double>(hits) / kRays;
}

double median3(double a, double b, double c) {
    return std::max(std::min(a, b), std::min(std::max(a, b), c));
}

}  // namespace

std::vector<SliceEvidence> coverageEvidence(const image::CineSeries& series,
                                            const image::SeriesLabels& labels) {
    const auto& g = series.geometry;
    const double pixelMm2 = g.pixelArea();
    std::vector<SliceEvidence> evidence(labels.maps.size());
    std::vector<Centre> centres(labels.maps.size());
    for (std::size_t i = 0; i < labels.maps.size(); ++i) {
        const auto& m = labels.maps[i];
        if (m.empty()) continue;
        centres[i] = image::labelCentre(m, image::label::BloodPool);
        evidence[i].bloodPoolMm2 = static_cast<double>(centres[i].pixels) * pixelMm2;
        evidence[i].myocardiumMm2 = static_cast<double>(std::count(m.data.begin(), m.data.end(),
                                                                   image::label::Myocardium)) *
                                    pixelMm2;
        evidence[i].surround = surroundOf(m, centres[i], g.colSpacing, g.rowSpacing);
    }
    // The axis: the area-weighted median centre of the cavities at least half as large as the
    // largest of their phase (mid-ventricular slices; a stray region elsewhere carries little).
    std::vector<std::pair<double, double>> xs, ys;  // (value, weight)
    for (int p = 0; p < labels.phases; ++p) {
        double largest = 0;
        for (int s = 0; s < labels.slices; ++s)
            largest = std::max(largest, evidence[s * labels.phases + p].bloodPoolMm2);
        for (int s = 0; s < labels.slices; ++s) {
            const std::size_t i = static_cast<std::size_t>(s) * labels.phases + p;
            if (largest > 0 && evidence[i].bloodPoolMm2 >= 0.5 * largest) {
                xs.emplace_back(centres[i].x * g.colSpacing, evidence[i].bloodPoolMm2);
                ys.emplace_back(centres[i].y * g.rowSpacing, evidence[i].bloodPoolMm2);
            }
        }
    }
    if (xs.empty()) return evidence;
    auto weightedMedian = [](std::vector<std::pair<double, double>> v) {
        std::sort(v.begin(), v.end());
        double total = 0, run = 0;
        for (const auto& e : v) total += e.second;
        for (const auto& e : v) {
            run += e.second;
            if (run >= total / 2) return e.first;
        }
        return v.back().first;
    };
    const double ax = weightedMedian(xs), ay = weightedMedian(ys);
    for (std::size_t i = 0; i < evidence.size(); ++i)
        if (centres[i].pixels)
            evidence[i].offAxisMm =
                std::hypot(centres[i].x * g.colSpacing - ax, centres[i].y * g.rowSpacing - ay);
    return evidence;
}

std::vector<SliceRange> findCoverage(const image::CineSeries& series,
                                     const image::SeriesLabels& labels, const CoverageOptions& o) {
    const auto evidence = coverageEvidence(series, labels);
    double largest = 0;
    for (const auto& e : evidence) largest = std::max(largest, e.bloodPoolMm2);
    const double maxOff = std::max(o.maxOffAxisMm, o.offAxisRadii * std::sqrt(largest / M_PI));
    auto at = [&](int s, int p) -> const SliceEvidence& {
        return evidence[static_cast<std::size_t>(s) * labels.phases + p];
    };
    auto cavity = [&](int s, int p) {
        const auto& e = at(s, p);
        return e.bloodPoolMm2 >= o.minBloodPoolMm2 && !std::isnan(e.offAxisMm) &&
               e.offAxisMm <= maxOff;
    };

    std::vector<SliceRange> ranges(static_cast<std::size_t>(labels.phases));
    for (int p = 0; p < labels.phases; ++p) {
        // Anchor: the largest cavity on the axis that the myocardium surrounds (a basal slice
        // through the outflow tract can be larger), else the largest cavity on the axis.
        int anchor = -1, surrounded = -1;
        for (int s = 0; s < labels.slices; ++s) {
            if (!cavity(s, p)) continue;
            if (anchor < 0 || at(s, p).bloodPoolMm2 > at(anchor, p).bloodPoolMm2) anchor = s;
            if (at(s, p).surround >= o.minSurround &&
                (surrounded < 0 || at(s, p).bloodPoolMm2 > at(surrounded, p).bloodPoolMm2))
                surrounded = s;
        }
        if (surrounded >= 0) anchor = surrounded;
        if (anchor < 0) continue;
        int base = anchor, apex = anchor;
        while (base > 0 && cavity(base - 1, p) && at(base - 1, p).surround >= o.minSurround) --base;
        while (apex + 1 < labels.slices && cavity(apex + 1, p)) ++apex;
        ranges[p] = {base, apex};
    }
    if (o.smoothAcrossPhases && labels.phases >= 3) {
        const auto raw = ranges;
        const int n = labels.phases;
        for (int p = 0; p < n; ++p) {
            const auto& a = raw[(p + n - 1) % n];
            const auto& b = raw[p];
            const auto& c = raw[(p + 1) % n];
            if (b.empty() || a.empty() || c.empty()) continue;
            ranges[p].base = static_cast<int>(median3(a.base, b.base, c.base));
            ranges[p].apex = static_cast<int>(median3(a.apex, b.apex, c.apex));
            if (ranges[p].apex < ranges[p].base) ranges[p] = b;
        }
    }
    return ranges;
}

std::vector<SliceRange> chooseCoverage(const std::vector<SliceRange>& found,
                                       const std::vector<CoverageChoice>& choices, int slices) {
    std::vector<SliceRange> out = found;
    for (std::size_t p = 0; p < out.size() && p < choices.size(); ++p) {
        const auto& c = choices[p];
        auto& r = out[p];
        if (c.base >= 0 && c.base < slices) {
            r.base = c.base;
            if (r.apex < r.base) r.apex = r.base;
        }
        if (c.apex >= 0 && c.apex < slices) {
            r.apex = c.apex;
            if (r.base < 0 || r.base > r.apex)
                r.base = c.base >= 0 && c.base <= r.apex ? c.base : r.apex;
        }
    }
    return out;
}

image::SeriesLabels applyCoverage(const image::SeriesLabels& labels,
                                  const std::vector<SliceRange>& coverage) {
    image::SeriesLabels out = labels;
    for (int p = 0; p < labels.phases && p < static_cast<int>(coverage.size()); ++p)
        for (int s = 0; s < labels.slices; ++s) {
            auto& m = out.at(s, p);
            if (m.empty() || coverage[p].contains(s)) continue;
            for (auto& v : m.data)
                if (v == image::label::BloodPool || v == image::label::Myocardium)
                    v = image::label::Background;
        }
    return out;
}

}  // namespace cardioseg::analysis
