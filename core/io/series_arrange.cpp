#include "io/series_arrange.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cardioseg::io {

using image::Vec3;

namespace {

constexpr double kSameSliceTolerance = 0.01;  // mm

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

}  // namespace

void arrangeSeries(image::CineSeries& series, std::vector<FrameGeometryHint>& hints) {
    auto& frames = series.frames;
    const std::size_t n = frames.size();
    if (n == 0) return;

    const auto firstOriented =
        std::find_if(hints.begin(), hints.end(), [](const auto& h) { return h.hasOrientation; });
    const FrameGeometryHint ref = firstOriented != hints.end() ? *firstOriented : hints.front();
    const Vec3 rowDir = image::normalized(ref.rowDir);
    const Vec3 colDir = image::normalized(ref.colDir);
    Vec3 normal = image::normalized(image::cross(rowDir, colDir));

    const bool allPositions =
        std::all_of(frames.begin(), frames.end(), [](const auto& f) { return f.hasPosition; });
    const bool allLocations = std::all_of(frames.begin(), frames.end(),
                                          [](const auto& f) { return f.hasSliceLocation; });
    const bool anyTrigger =
        std::any_of(frames.begin(), frames.end(), [](const auto& f) { return f.hasTriggerTime; });

    // Key of each frame along the slice axis.
    std::vector<double> key(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (allPositions)
            key[i] = image::dot(frames[i].position, normal);
        else if (allLocations)
            key[i] = frames[i].sliceLocation;
        else if (!anyTrigger)  // no geometry, no timing: every image is its own slice
            key[i] = frames[i].instanceNumber * 1.0 + frames[i].frameIndex * 1e-6;
    }

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return key[a] < key[b];
    });

    // Cluster into slices along the axis.
    std::vector<std::vector<std::size_t>> slices;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        if (slices.empty() || key[i] - key[slices.back().front()] > kSameSliceTolerance)
            slices.emplace_back();
        slices.back().push_back(i);
    }

    std::vector<double> sliceKeys;
    for (const auto& s : slices) sliceKeys.push_back(key[s.front()]);

    // Base to apex: the LV apex points left (+x), anterior (-y) and inferior (-z) in LPS.
    if (allPositions && slices.size() > 1) {
        const Vec3 apex = image::normalized(Vec3{1.0, -1.0, -1.0});
        if (image::dot(normal, apex) < 0.0) {
            std::reverse(slices.begin(), slices.end());
            std::reverse(sliceKeys.begin(), sliceKeys.end());
            normal = {-normal[0], -normal[1], -normal[2]};
        }
    }

    // Phases inside each slice.
    for (auto& s : slices) {
        std::stable_sort(s.begin(), s.end(), [&](std::size_t a, std::size_t b) {
            const auto& fa = frames[a];
            const auto& fb = frames[b];
            const double ta = fa.hasTriggerTime ? fa.triggerTime : std::numeric_limits<double>::max();
            const double tb = fb.hasTriggerTime ? fb.triggerTime : std::numeric_limits<double>::max();
            if (ta != tb) return ta < tb;
            if (fa.instanceNumber != fb.instanceNumber) return fa.instanceNumber < fb.instanceNumber;
            return fa.frameIndex < fb.frameIndex;
        });
    }

    std::size_t phases = 0;
    for (const auto& s : slices) phases = std::max(phases, s.size());

    // Reorder frames/hints slice-major so that frame indices follow the grid.
    std::vector<image::FrameInfo> newFrames;
    std::vector<FrameGeometryHint> newHints;
    newFrames.reserve(n);
    newHints.reserve(n);
    series.slices = static_cast<int>(slices.size());
    series.phases = static_cast<int>(phases);
    series.grid.assign(slices.size() * phases, -1);
    for (std::size_t s = 0; s < slices.size(); ++s)
        for (std::size_t p = 0; p < slices[s].size(); ++p) {
            series.grid[s * phases + p] = static_cast<int>(newFrames.size());
            newFrames.push_back(frames[slices[s][p]]);
            newHints.push_back(hints[slices[s][p]]);
        }
    frames = std::move(newFrames);
    hints = std::move(newHints);

    auto& g = series.geometry;
    g.rows = ref.rows;
    g.columns = ref.columns;
    g.rowSpacing = ref.rowSpacing > 0 ? ref.rowSpacing : 1.0;
    g.colSpacing = ref.colSpacing > 0 ? ref.colSpacing : 1.0;
    g.rowDir = rowDir;
    g.colDir = colDir;
    g.normal = normal;
    g.origin = frames.front().hasPosition ? frames.front().position : Vec3{0, 0, 0};

    std::vector<double> gaps;
    for (std::size_t s = 1; s < sliceKeys.size(); ++s)
        gaps.push_back(std::abs(sliceKeys[s] - sliceKeys[s - 1]));
    const double measured = median(gaps);
    if ((allPositions || allLocations) && measured > 0)
        g.sliceSpacing = measured;
    else if (ref.spacingBetweenSlices > 0)
        g.sliceSpacing = ref.spacingBetweenSlices;
    else if (ref.sliceThickness > 0)
        g.sliceSpacing = ref.sliceThickness;
    else
        g.sliceSpacing = 1.0;
}

}  // namespace cardioseg::io
