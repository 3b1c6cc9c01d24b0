#include "training/segment_series.h"

#include <algorithm>
#include <limits>

#include "analysis/coverage.h"
#include "analysis/postprocess.h"

namespace cardioseg::training {

std::optional<std::size_t> segmentImages(engine::Segmenter& segmenter, const image::CineSeries& series,
                                         const SegmentRequest& request) {
    std::vector<const image::FloatImage*> inputs;
    std::vector<std::pair<int, int>> cells;
    auto add = [&](int s, int p) {
        if (const auto* img = series.image(s, p)) {
            inputs.push_back(img);
            cells.emplace_back(s, p);
        }
    };
    if (request.cells.empty()) {
        for (int s = 0; s < series.slices; ++s)
            for (int p = 0; p < series.phases; ++p) add(s, p);
    } else {
        for (const auto& [s, p] : request.cells)
            if (s >= 0 && p >= 0 && s < series.slices && p < series.phases) add(s, p);
    }
    const std::size_t chunk = request.chunk ? request.chunk : std::max<std::size_t>(1, inputs.size());
    for (std::size_t start = 0; start < inputs.size(); start += chunk) {
        const std::size_t n = std::min(chunk, inputs.size() - start);
        const std::vector<const image::FloatImage*> part(inputs.begin() + start, inputs.begin() + start + n);
        bool stopped = false;
        auto predictions = segmenter.segment(part, [&](double f, const std::string& status) {
            const double overall = (static_cast<double>(start) + f * static_cast<double>(n)) / inputs.size();
            stopped = request.progress && !request.progress(overall, status);
            return !stopped;
        });
        if (stopped) return std::nullopt;
        for (std::size_t i = 0; i < predictions.size(); ++i) {
            if (request.postprocess) analysis::cleanLvLabels(predictions[i].labels);
            if (request.onImage)
                request.onImage(cells[start + i].first, cells[start + i].second, std::move(predictions[i].labels),
                                predictions[i].uncertainty);
        }
        if (request.progress && !request.progress(static_cast<double>(start + n) / inputs.size(), "Segmenting"))
            return std::nullopt;
    }
    return inputs.size();
}

std::optional<image::SeriesLabels> segmentSeries(engine::Segmenter& segmenter, const image::CineSeries& series,
                                                 bool postprocess, const io::ProgressFn& progress) {
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    SegmentRequest request;
    request.postprocess = postprocess;
    request.progress = progress;
    request.onImage = [&](int s, int p, image::LabelMap map, double) { labels.at(s, p) = std::move(map); };
    if (!segmentImages(segmenter, series, request)) return std::nullopt;
    return labels;
}

std::optional<SeriesSegmentation> segmentSeriesWithCoverage(engine::Segmenter& segmenter,
                                                            const image::CineSeries& series, bool applyCoverage,
                                                            bool postprocess, const io::ProgressFn& progress) {
    SeriesSegmentation out;
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    out.uncertainty.assign(labels.maps.size(), std::numeric_limits<double>::quiet_NaN());
    SegmentRequest request;
    request.postprocess = postprocess;
    request.progress = progress;
    request.onImage = [&](int s, int p, image::LabelMap map, double u) {
        labels.at(s, p) = std::move(map);
        out.uncertainty[static_cast<std::size_t>(s) * series.phases + p] = u;
    };
    if (!segmentImages(segmenter, series, request)) return std::nullopt;
    out.coverage = analysis::findCoverage(series, labels);
    out.labels = applyCoverage ? analysis::applyCoverage(labels, out.coverage) : std::move(labels);
    return out;
}

}  // namespace cardioseg::training
