#include "segmentation_job.h"

#include <chrono>
#include <thread>

#include "analysis/postprocess.h"

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
        std::vector<const image::FloatImage*> inputs;
        std::vector<std::pair<int, int>> cells;
        for (int s = 0; s < series.slices; ++s)
            for (int p = 0; p < series.phases; ++p)
                if (const auto* img = series.image(s, p)) {
                    inputs.push_back(img);
                    cells.emplace_back(s, p);
                }
        bool stopped = false;
        auto predictions = segmenter->segment(inputs, [&](double f, const std::string& status) {
            stopped = progress && !progress(f, status);
            return !stopped;
        });
        if (stopped) {
            r.cancelled = true;
            return r;
        }
        r.labels = image::SeriesLabels::like(series);
        for (std::size_t i = 0; i < predictions.size(); ++i) {
            analysis::cleanLvLabels(predictions[i].labels);
            r.labels.at(cells[i].first, cells[i].second) = std::move(predictions[i].labels);
        }
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace cardioseg::ui
