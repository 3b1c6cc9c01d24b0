#pragma once

#include <optional>

#include "engine/segmenter.h"
#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::training {

/// The model's labels for every image of a series, post-processed (analysis::cleanLvLabels)
/// unless asked otherwise. Nothing when `progress` cancelled the run.
std::optional<image::SeriesLabels> segmentSeries(engine::Segmenter& segmenter, const image::CineSeries& series,
                                                 bool postprocess = true, const io::ProgressFn& progress = {});

}  // namespace cardioseg::training
