#include "training/segment_series.h"

#include "analysis/postprocess.h"

namespace cardioseg::training {

std::optional<image::SeriesLabels> segmentSeries(engine::Segmenter& segmenter, const image::CineSeries& series,
                                                 bool postprocess, const io::ProgressFn& progress) {
    std::vector<const image::FloatImage*> inputs;
    std::vector<std::pair<int, int>> cells;
    for (int s = 0; s < series.slices; ++s)
        for (int p = 0; p < series.phases; ++p)
            if (const auto* img = series.image(s, p)) {
                inputs.push_back(img);
                cells.emplace_back(s, p);
            }
    bool stopped = false;
    auto predictions = segmenter.segment(inputs, [&](double f, const std::string& status) {
        stopped = progress && !progress(f, status);
        return !stopped;
    });
    if (stopped) return std::nullopt;
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        if (postprocess) analysis::cleanLvLabels(predictions[i].labels);
        labels.at(cells[i].first, cells[i].second) = std::move(predictions[i].labels);
    }
    return labels;
}

}  // namespace cardioseg::training
