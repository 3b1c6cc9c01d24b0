#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "engine/segmenter.h"
#include "image/series_labels.h"
#include "image/slice_range.h"
#include "io/progress.h"

namespace cardioseg::training {

/// Which images of a series to segment, and how results are handed over.
struct SegmentRequest {
    std::vector<std::pair<int, int>> cells;  ///< (slice, phase) to segment; empty: every image
    bool postprocess = true;                 ///< analysis::cleanLvLabels on each result
    io::ProgressFn progress;                 ///< fraction done; returning false cancels
    /// Called (on the calling thread) with each image's labels and the network's uncertainty
    /// about them (engine::Prediction::uncertainty) as soon as its chunk is done.
    std::function<void(int slice, int phase, image::LabelMap labels, double uncertainty)> onImage;
    /// Images per call of the segmenter: 1 hands results over as they are ready (the
    /// workstation); 0 sends all in one call so that the segmenter can batch them.
    std::size_t chunk = 0;
};

/// Segments the requested images. Returns the number segmented, or nothing when cancelled
/// (images finished before the cancel have been handed to onImage).
std::optional<std::size_t> segmentImages(engine::Segmenter& segmenter, const image::CineSeries& series,
                                         const SegmentRequest& request);

/// The model's labels for every image of a series, post-processed (analysis::cleanLvLabels)
/// unless asked otherwise. Nothing when `progress` cancelled the run.
std::optional<image::SeriesLabels> segmentSeries(engine::Segmenter& segmenter, const image::CineSeries& series,
                                                 bool postprocess = true, const io::ProgressFn& progress = {});

/// The model's labels of a series and the left ventricle's coverage found from them.
struct SeriesSegmentation {
    image::SeriesLabels labels;                ///< outside the coverage: background (unless not applied)
    std::vector<image::SliceRange> coverage;  ///< per phase (analysis::findCoverage)
    std::vector<double> uncertainty;           ///< per image (slice-major; NaN where none)
};

/// segmentSeries, then the coverage: labels outside it become background unless
/// `applyCoverage` is false (the raw labels, the coverage still reported).
std::optional<SeriesSegmentation> segmentSeriesWithCoverage(engine::Segmenter& segmenter,
                                                            const image::CineSeries& series, bool applyCoverage = true,
                                                            bool postprocess = true,
                                                            const io::ProgressFn& progress = {});

}  // namespace cardioseg::training
