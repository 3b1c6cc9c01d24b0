#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <optional>
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
    /// Take the labels this model already made from the workspace; false runs the model
    /// again (the user asked for it).
    bool useCache = true;
    /// The image on screen when the whole series is asked for (cells empty): segmented first,
    /// then its slice's phases, ED and ES of the other slices, then the rest
    /// (session::openingFirstStage). Nothing: slice by slice.
    std::optional<std::pair<int, int>> onScreen;
};

/// What a segmentation job hands back to the GUI thread (by value). The labels themselves go
/// to the `onImage` callback as each image is done.
struct SegmentationResult {
    int series = -1;
    std::size_t images = 0;  ///< images segmented by the model in this job
    std::size_t cached = 0;  ///< images whose labels came from the workspace's prediction cache
    std::string modelKey;    ///< the model version the labels belong to (io::PredictionCache)
    double seconds = 0.0;
    std::string device;
    std::string error;           ///< empty on success
    bool cancelled = false;
    std::shared_ptr<engine::Segmenter> segmenter;  ///< created on first use, reused after
};

/// Segments the requested images of a series (any thread), one at a time, handing each
/// image's post-processed labels to `onImage` as soon as it is ready. Images whose labels by
/// this model are in the prediction cache of `workspaceFolder` (empty: no cache) are handed
/// over from there at once, without running the model. Creates the segmenter from
/// `modelPath` when `segmenter` is null (and only when some image needs it); with threads 0
/// the CPU keeps a core for the interface.
SegmentationResult runSegmentation(std::shared_ptr<engine::Segmenter> segmenter, const QString& modelPath,
                                   const EngineSettings& settings, const image::CineSeries& series,
                                   const SegmentationRequest& request, const QString& workspaceFolder,
                                   const io::ProgressFn& progress,
                                   const std::function<void(int slice, int phase, image::LabelMap labels,
                                                            double uncertainty)>& onImage);

/// The cache key of a model file's labels (its digest; labels are post-processed).
std::string predictionKey(const QString& modelPath);

}  // namespace cardioseg::ui
