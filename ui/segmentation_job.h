#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/segmenter.h"
#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::ui {

/// Where and how the model runs (Settings ▸ Model).
struct EngineSettings {
    QString device = QStringLiteral("auto");  ///< "auto", "cpu" or "cuda"
    int threads = 0;                          ///< CPU threads; 0: all cores but one
};

/// Which images to segment: a series and some of its images (empty: all of them).
struct SegmentationRequest {
    int series = -1;
    std::vector<std::pair<int, int>> cells;
};

/// What a segmentation job hands back to the GUI thread (by value). The labels themselves go
/// to the `onImage` callback as each image is done.
struct SegmentationResult {
    int series = -1;
    std::size_t images = 0;  ///< images segmented
    double seconds = 0.0;
    std::string device;
    std::string error;           ///< empty on success
    bool cancelled = false;
    std::shared_ptr<engine::Segmenter> segmenter;  ///< created on first use, reused after
};

/// Segments the requested images of a series (any thread), one at a time, handing each
/// image's post-processed labels to `onImage` as soon as it is ready. Creates the segmenter
/// from `modelPath` when `segmenter` is null; with threads 0 the CPU keeps a core for the
/// interface.
SegmentationResult runSegmentation(std::shared_ptr<engine::Segmenter> segmenter, const QString& modelPath,
                                   const EngineSettings& settings, const image::CineSeries& series,
                                   const SegmentationRequest& request, const io::ProgressFn& progress,
                                   const std::function<void(int slice, int phase, image::LabelMap labels)>& onImage);

}  // namespace cardioseg::ui
