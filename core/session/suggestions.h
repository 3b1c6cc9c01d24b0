#pragma once

#include <functional>
#include <string>
#include <vector>

#include "image/slice_range.h"
#include "session/review_navigation.h"

namespace cardioseg::session {

/// An image worth correcting first.
struct Suggestion {
    Cell cell;
    double uncertainty = 0.0;  ///< the network's doubt about it (engine::Prediction::uncertainty)
    std::string region;        ///< "base", "mid" or "apex" of the ventricle at its phase
    bool endDiastole = false;  ///< at end-diastole (else end-systole)
};

/// Where a few corrections teach the model most about a study: at end-diastole and at
/// end-systole, in each third of the ventricle (base, mid, apex: thirds of the coverage at that
/// phase, the whole stack when none is known), the image the network is least sure about, of
/// those `wanted` accepts (not yet reviewed). The mid-ventricular ones first, then the basal,
/// then the apical ones, each pair most uncertain first. Beyond those six, more images of the
/// two phases by uncertainty. At most `count`.
std::vector<Suggestion> suggestCorrections(
    int slices, int phases, int edPhase, int esPhase,
    const std::vector<image::SliceRange>& coverage,
    const std::vector<double>& uncertainty,  ///< per image, slice-major
    const std::function<bool(Cell)>& wanted, int count);

}  // namespace cardioseg::session
