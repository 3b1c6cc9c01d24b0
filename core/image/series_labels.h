#pragma once

#include <cstddef>
#include <vector>

#include "image/cine_series.h"

namespace cardioseg::image {

/// Label maps laid out like a CineSeries grid (slices × phases). An empty map means the image
/// has no labels.
struct SeriesLabels {
    int slices = 0;
    int phases = 0;
    std::vector<LabelMap> maps;

    SeriesLabels() = default;
    SeriesLabels(int s, int p) : slices(s), phases(p), maps(static_cast<std::size_t>(s) * p) {}
    static SeriesLabels like(const CineSeries& series) {
        return SeriesLabels(series.slices, series.phases);
    }
    LabelMap& at(int slice, int phase) { return maps[static_cast<std::size_t>(slice) * phases + phase]; }
    const LabelMap& at(int slice, int phase) const {
        return maps[static_cast<std::size_t>(slice) * phases + phase];
    }
    std::size_t labelledCount() const {
        std::size_t n = 0;
        for (const auto& m : maps) n += m.empty() ? 0 : 1;
        return n;
    }
};

}  // namespace cardioseg::image
