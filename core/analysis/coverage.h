#pragma once

#include <limits>
#include <vector>

#include "image/series_labels.h"
#include "image/slice_range.h"

namespace cardioseg::analysis {

using image::CoverageChoice;
using image::SliceRange;

/// What one labelled image shows the coverage rules.
struct SliceEvidence {
    double bloodPoolMm2 = 0.0;
    double myocardiumMm2 = 0.0;
    /// Share of the blood pool's circumference (rays from its centre in 72 directions) that
    /// myocardium surrounds within a few millimetres.
    double surround = 0.0;
    /// Distance (mm, in plane) from the blood pool's centre to the ventricle's axis; NaN
    /// without a blood pool.
    double offAxisMm = std::numeric_limits<double>::quiet_NaN();
};

struct CoverageOptions {
    /// The base: the most basal slice whose myocardium still surrounds the blood pool over at
    /// least this share of its circumference (SCMR post-processing recommendations, 2020).
    double minSurround = 0.5;
    /// A cavity smaller than this is no cavity (the apex is where the cavity ends).
    double minBloodPoolMm2 = 30.0;
    /// Regions whose centre lies farther from the ventricle's axis than this many mm, or than
    /// `offAxisRadii` equivalent radii of the largest cavity (whichever is larger), are other
    /// structures (the aorta, the stomach, an atrium).
    double maxOffAxisMm = 25.0;
    double offAxisRadii = 1.2;
    /// Base and apex may not jump between neighbouring phases: each is the median of itself
    /// and its two neighbours in the (cyclic) cardiac cycle.
    bool smoothAcrossPhases = true;
};

/// The evidence of every labelled image (slices × phases, as `labels`), measured against the
/// ventricle's axis: the area-weighted median centre of the large cavities of the series.
std::vector<SliceEvidence> coverageEvidence(const image::CineSeries& series,
                                            const image::SeriesLabels& labels);

/// The left ventricle's coverage at every phase, from labels (usually the model's): from the
/// slice of largest surrounded cavity, slices are added towards the base while their cavity is on
/// the axis and surrounded by myocardium (≥ minSurround), and towards the apex while a cavity on
/// the axis remains; the first slice that fails ends the range (the ventricle is continuous).
/// Then base and apex are smoothed across the cycle. Phases without labels give empty ranges.
std::vector<SliceRange> findCoverage(const image::CineSeries& series,
                                     const image::SeriesLabels& labels,
                                     const CoverageOptions& options = {});

/// The coverage found, with a person's choices where they made one (per phase; `choices` may
/// be shorter than the phases). A base chosen below the apex found moves the apex with it.
std::vector<SliceRange> chooseCoverage(const std::vector<SliceRange>& found,
                                       const std::vector<CoverageChoice>& choices, int slices);

/// Labels with every image outside its phase's coverage set to background (images without
/// labels stay without; phases without a range lose all their labels). `coverage` shorter
/// than the phases leaves the remaining phases as they are.
image::SeriesLabels applyCoverage(const image::SeriesLabels& labels,
                                  const std::vector<SliceRange>& coverage);

}  // namespace cardioseg::analysis
