#include "segmentation_job.h"

#include <chrono>
#include <thread>

#include "training/segment_series.h"

namespace cardioseg::ui {

SegmentationResult segmentSeries(std::shared_ptr<engine::Segmenter> segmenter, const QString& modelPath,
                                 const image::CineSeries& series, int seriesIndex, const io::ProgressFn& progress) {
    SegmentationResult r;
    r.series = seriesIndex;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        if (!segmenter) {
            engine::SegmentOptions options;
            // Leave one core to the interface so that it never stutters while the model runs.
            options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency() - 1));
            segmenter = std::make_shared<engine::Segmenter>(engine::Model::load(modelPath.toStdString()), options);
        }
        r.segmenter = segmenter;
        r.device = segmenter->device();
        auto labels = training::segmentSeries(*segmenter, series, true, progress);
        if (!labels) {
            r.cancelled = true;
            return r;
        }
        r.labels = std::move(*labels);
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace cardioseg::ui
