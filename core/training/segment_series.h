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

/// Finding the left ventricle once per series and running the network on a crop around it
/// (engine::SegmentOptions::regionOfInterest): the first images run whole, the region around
/// the ventricle they show is kept, and the rest run on that region only, each one whose
/// labels reach the region's side run again whole. Kept across calls for one series.
struct RegionSearch {
    /// Where the network runs once a ventricle was found (the whole image when a crop would
    /// not pay); nothing until then.
    std::optional<engine::Region> region;
    std::size_t wholeImages = 0;           ///< images run whole (locating, or no region)
    std::size_t cropped = 0;               ///< images run on the region only
    std::size_t fallbacks = 0;             ///< of those, run again whole: the labels reached a side
};

/// The square region around the ventricle that `labels` show (their cleaned blood pool and
/// myocardium, all maps together): 2.4 × the ventricle's extent, at least 128 pixels, a
/// multiple of 8, inside the image; the whole image when the region would cover most of it
/// anyway. Nothing when no map shows a ventricle (blood pool and myocardium).
std::optional<engine::Region> ventricleRegion(const std::vector<const image::LabelMap*>& labels, int width,
                                              int height);

/// Indices of images (by slice: `slices[i]` is image i's) ordered mid-ventricular first: by
/// distance from slice position `middle`, ties in input order. The images to locate the
/// ventricle on (segmentWithRegionSearch's `locateFirst`).
std::vector<std::size_t> midVentricularFirst(const std::vector<int>& slices, double middle);

/// Segments images of one series through `search`: until it has located the ventricle, the
/// images at `locateFirst` (indices into `images`, the most likely to show it), then the
/// others in order, run whole — as many at once as the segmenter has threads — and the region
/// is taken from their labels; the rest run on the region. Without
/// SegmentOptions::regionOfInterest, every image runs whole. Nothing when `progress` cancelled.
std::optional<std::vector<engine::Prediction>> segmentWithRegionSearch(
    engine::Segmenter& segmenter, const std::vector<const image::FloatImage*>& images,
    const std::vector<std::size_t>& locateFirst, RegionSearch& search, const io::ProgressFn& progress = {});

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
    /// The series' region search, kept by the caller across requests; nothing: one for this request.
    RegionSearch* search = nullptr;
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
