#include "session/segmentation_order.h"

#include <algorithm>
#include <cstdlib>

namespace cardioseg::session {

namespace {

/// The other slices, nearest to `slice` first (the basal one first at equal distance).
std::vector<int> slicesByDistance(int slices, int slice) {
    std::vector<int> out;
    for (int s = 0; s < slices; ++s)
        if (s != slice) out.push_back(s);
    std::stable_sort(out.begin(), out.end(),
                     [&](int a, int b) { return std::abs(a - slice) < std::abs(b - slice); });
    return out;
}

}  // namespace

std::vector<Cell> openingFirstStage(int slices, int phases, Cell onScreen) {
    std::vector<Cell> out;
    if (slices <= 0 || phases <= 0) return out;
    const int slice = std::clamp(onScreen.first, 0, slices - 1);
    const int phase = std::clamp(onScreen.second, 0, phases - 1);
    for (int k = 0; k < phases; ++k) out.emplace_back(slice, (phase + k) % phases);
    return out;
}

std::vector<Cell> openingLaterStages(int slices, int phases, Cell onScreen, int edPhase,
                                     int esPhase) {
    std::vector<Cell> out;
    if (slices <= 0 || phases <= 0) return out;
    const int slice = std::clamp(onScreen.first, 0, slices - 1);
    const auto others = slicesByDistance(slices, slice);
    std::vector<int> key;
    for (int p : {edPhase, esPhase})
        if (p >= 0 && p < phases && std::find(key.begin(), key.end(), p) == key.end())
            key.push_back(p);
    for (int s : others)
        for (int p : key) out.emplace_back(s, p);
    for (int s : others)
        for (int p = 0; p < phases; ++p)
            if (std::find(key.begin(), key.end(), p) == key.end()) out.emplace_back(s, p);
    return out;
}

std::optional<std::pair<int, int>> edEsFromAreas(const std::vector<double>& areas) {
    int ed = -1, es = -1, known = 0;
    for (int p = 0; p < static_cast<int>(areas.size()); ++p) {
        if (areas[p] <= 0) continue;
        ++known;
        if (ed < 0 || areas[p] > areas[ed]) ed = p;
        if (es < 0 || areas[p] < areas[es]) es = p;
    }
    if (known < 3 || ed == es) return std::nullopt;
    return std::make_pair(ed, es);
}

std::optional<std::pair<int, int>> provisionalEdEs(const std::vector<double>& openingSliceAreas) {
    for (double a : openingSliceAreas)
        if (a < 0) return std::nullopt;
    return edEsFromAreas(openingSliceAreas);
}

}  // namespace cardioseg::session
