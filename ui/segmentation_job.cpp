#include "segmentation_job.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "training/segment_series.h"

namespace cardioseg::ui {

SegmentationResult runSegmentation(std::shared_ptr<engine::Segmenter> segmenter, const QString& modelPath,
                                   const EngineSettings& settings, const image::CineSeries& series,
                                   const SegmentationRequest& request, const io::ProgressFn& progress,
                                   const std::function<void(int, int, image::LabelMap)>& onImage) {
    SegmentationResult r;
    r.series = request.series;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        if (!segmenter) {
            engine::SegmentOptions options;
            options.device = engine::parseDevice(settings.device.toStdString());
            // By default leave one core to the interface so that it never stutters while the
            // model runs.
            options.threads = settings.threads > 0
                                  ? settings.threads
                                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency() - 1));
            segmenter = std::make_shared<engine::Segmenter>(engine::Model::load(modelPath.toStdString()), options);
        }
        r.segmenter = segmenter;
        r.device = segmenter->device();
        training::SegmentRequest sr;
        sr.cells = request.cells;
        sr.progress = progress;
        sr.onImage = onImage;
        // Each chunk is shown as soon as it is done: one image per CPU thread (the segmenter
        // runs them in parallel), a GPU batch on CUDA.
        sr.chunk = segmenter->device() == "cuda" ? 32 : static_cast<std::size_t>(std::max(1, segmenter->threads()));
        const auto n = training::segmentImages(*segmenter, series, sr);
        if (!n) r.cancelled = true;
        else r.images = *n;
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace cardioseg::ui
