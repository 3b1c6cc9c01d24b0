#pragma once

#include <QString>

#include <memory>
#include <string>

#include "engine/segmenter.h"
#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::ui {

/// What a segmentation job hands back to the GUI thread (by value).
struct SegmentationResult {
    int series = -1;
    image::SeriesLabels labels;  ///< the model's labels, post-processed
    double seconds = 0.0;
    std::string device;
    std::string error;           ///< empty on success
    bool cancelled = false;
    std::shared_ptr<engine::Segmenter> segmenter;  ///< created on first use, reused after
};

/// Segments every image of a series (any thread). Creates the segmenter from `modelPath` when
/// `segmenter` is null; CPU threads are bounded to leave a core to the interface.
SegmentationResult segmentSeries(std::shared_ptr<engine::Segmenter> segmenter, const QString& modelPath,
                                 const image::CineSeries& series, int seriesIndex, const io::ProgressFn& progress);

}  // namespace cardioseg::ui
