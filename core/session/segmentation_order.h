#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "session/review_navigation.h"

namespace cardioseg::session {

/// The order in which a newly opened series is segmented, so that what the user looks at and
/// what the measures need come first:
/// 1. the image on screen, then the other phases of its slice (from it on, round the cycle);
/// 2. end-diastole and end-systole of every other slice, the nearest slices first;
/// 3. every other image, the nearest slices first, phase by phase.
/// openingFirstStage gives stage 1; openingLaterStages stages 2 and 3, once ED and ES are
/// known (from stage 1: edEsFromAreas).
std::vector<Cell> openingFirstStage(int slices, int phases, Cell onScreen);
std::vector<Cell> openingLaterStages(int slices, int phases, Cell onScreen, int edPhase,
                                     int esPhase);

/// End-diastole and end-systole of one slice from its blood-pool area at each phase (pixels;
/// negative: not known): the largest and the smallest area. Nothing when fewer than three phases
/// show blood pool or ED and ES would coincide.
std::optional<std::pair<int, int>> edEsFromAreas(const std::vector<double>& areas);

/// While a series is segmented in the opening order, the cardiac function is measured as soon
/// as stage 2 is done, on the end-diastole and end-systole found on the opening slice: its
/// phases' blood-pool areas (negative: not segmented yet). Nothing until every one of them is
/// known, or when they show no ED and ES (edEsFromAreas). The figures are provisional: measured
/// again over every phase once the series is done.
std::optional<std::pair<int, int>> provisionalEdEs(const std::vector<double>& openingSliceAreas);

}  // namespace cardioseg::session
