#include "session/suggestions.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cardioseg::session {

std::vector<Suggestion> suggestCorrections(int slices, int phases, int edPhase, int esPhase,
                                           const std::vector<image::SliceRange>& coverage,
                                           const std::vector<double>& uncertainty,
                                           const std::function<bool(Cell)>& wanted, int count) {
    std::vector<Suggestion> picked, rest;
    std::set<Cell> taken;
    auto doubt = [&](int s, int p) {
        const std::size_t i = static_cast<std::size_t>(s) * phases + p;
        return i < uncertainty.size() && !std::isnan(uncertainty[i]) ? uncertainty[i] : -1.0;
    };
    for (const int phase : {edPhase, esPhase}) {
        if (phase < 0 || phase >= phases ||
            (phase == esPhase && esPhase == edPhase && !picked.empty()))
            continue;
        image::SliceRange range{0, slices - 1};
        if (phase < static_cast<int>(coverage.size()) && !coverage[phase].empty())
            range = coverage[phase];
        const int n = range.apex - range.base + 1;
        const char* names[3] = {"base", "mid", "apex"};
        for (int third = 0; third < 3; ++third) {
            const int from = range.base + n * third / 3, to = range.base + n * (third + 1) / 3 - 1;
            Suggestion best;
            bool found = false;
            for (int s = from; s <= to; ++s) {
                if (!wanted({s, phase}) || doubt(s, phase) < 0) continue;
                if (!found || doubt(s, phase) > best.uncertainty) {
                    best = {{s, phase}, doubt(s, phase), names[third], phase == edPhase};
                    found = true;
                }
            }
            if (found && taken.insert(best.cell).second) picked.push_back(best);
        }
        for (int s = range.base; s <= range.apex; ++s)
            if (wanted({s, phase}) && doubt(s, phase) >= 0) {
                const int third = std::min(2, 3 * (s - range.base) / std::max(1, n));
                rest.push_back({{s, phase}, doubt(s, phase), names[third], phase == edPhase});
            }
    }
    auto byDoubt = [](const Suggestion& a, const Suggestion& b) {
        return a.uncertainty > b.uncertainty;
    };
    // The mid-ventricular pair first: corrected there, a fine-tune learns most about the rest of
    // the ventricle; then the base (valve plane, outflow tract), then the apex.
    auto rank = [](const Suggestion& a) { return a.region == "mid" ? 0 : a.region == "base" ? 1 : 2; };
    std::stable_sort(picked.begin(), picked.end(), [&](const Suggestion& a, const Suggestion& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : byDoubt(a, b);
    });
    std::stable_sort(rest.begin(), rest.end(), byDoubt);
    for (const auto& r : rest)
        if (taken.insert(r.cell).second) picked.push_back(r);
    if (static_cast<int>(picked.size()) > count)
        picked.resize(static_cast<std::size_t>(std::max(0, count)));
    return picked;
}

}  // namespace cardioseg::session
