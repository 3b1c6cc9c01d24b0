#include "training/segment_series.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "analysis/coverage.h"
#include "analysis/postprocess.h"

namespace cardioseg::training {

std::optional<engine::Region> ventricleRegion(const std::vector<const image::LabelMap*>& labels, int width,
                                              int height) {
    int x0 = width, y0 = height, x1 = -1, y1 = -1;
    for (const auto* map : labels) {
        if (!map || map->empty()) continue;
        image::LabelMap clean = *map;
        analysis::cleanLvLabels(clean);
        // A ventricle: blood pool and myocardium both (a few stray pixels are not one).
        const auto pool = std::count(clean.data.begin(), clean.data.end(), image::label::BloodPool);
        const auto wall = std::count(clean.data.begin(), clean.data.end(), image::label::Myocardium);
        if (pool < 30 || wall < 30) continue;
        for (int y = 0; y < clean.height; ++y)
            for (int x = 0; x < clean.width; ++x)
                if (clean.at(x, y) == image::label::BloodPool || clean.at(x, y) == image::label::Myocardium) {
                    x0 = std::min(x0, x);
                    x1 = std::max(x1, x);
                    y0 = std::min(y0, y);
                    y1 = std::max(y1, y);
                }
    }
    if (x1 < 0) return std::nullopt;
    const int extent = std::max(x1 - x0 + 1, y1 - y0 + 1);
    const int side = (std::max(128, static_cast<int>(std::lround(2.4 * extent))) + 7) / 8 * 8;
    engine::Region r;
    // Not worth a crop (and more likely to cut the ventricle) when it is most of the image.
    if (static_cast<double>(side) * side >= 0.6 * static_cast<double>(width) * height) return engine::Region{0, 0, width, height};
    r.width = std::min(side, width);
    r.height = std::min(side, height);
    r.x = std::clamp((x0 + x1 + 1) / 2 - r.width / 2, 0, width - r.width);
    r.y = std::clamp((y0 + y1 + 1) / 2 - r.height / 2, 0, height - r.height);
    return r;
}

std::vector<std::size_t> midVentricularFirst(const std::vector<int>& slices, double middle) {
    std::vector<std::size_t> order(slices.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(slices[a] - middle) < std::abs(slices[b] - middle);
    });
    return order;
}

std::optional<std::vector<engine::Prediction>> segmentWithRegionSearch(
    engine::Segmenter& segmenter, const std::vector<const image::FloatImage*>& images,
    const std::vector<std::size_t>& locateFirst, RegionSearch& search, const io::ProgressFn& progress) {
    std::vector<engine::Prediction> out(images.size());
    const double total = std::max<std::size_t>(1, images.size());
    std::size_t finished = 0;
    // Runs images `ids` (whole, or on `regions`) and stores their predictions.
    auto run = [&](const std::vector<std::size_t>& ids, const std::vector<engine::Region>& regions) {
        std::vector<const image::FloatImage*> part;
        for (auto i : ids) part.push_back(images[i]);
        bool stopped = false;
        auto predictions = segmenter.segment(part, [&](double f, const std::string& status) {
            // The whole-image reruns of images whose labels reached the region's side come after
            // every image was counted once: they hold the fraction at its end, never past it.
            stopped = progress &&
                      !progress(std::min(1.0, (static_cast<double>(finished) + f * ids.size()) / total), status);
            return !stopped;
        }, regions);
        if (stopped) return false;
        for (std::size_t k = 0; k < ids.size(); ++k) out[ids[k]] = std::move(predictions[k]);
        return true;
    };
    std::vector<bool> done(images.size(), false);
    if (!segmenter.options().regionOfInterest) {
        std::vector<std::size_t> all(images.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        if (!run(all, {})) return std::nullopt;
        search.wholeImages += images.size();
        return out;
    }
    if (!search.region && !images.empty()) {
        // As many images as run at once, the likeliest to show the ventricle first.
        std::vector<std::size_t> order;
        for (auto i : locateFirst)
            if (i < images.size() && std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
        for (std::size_t i = 0; i < images.size(); ++i)
            if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
        const std::size_t count =
            std::min(order.size(), static_cast<std::size_t>(segmenter.device() == "cuda" ? 1 : std::max(1, segmenter.threads())));
        const std::vector<std::size_t> locators(order.begin(), order.begin() + static_cast<long>(count));
        if (!run(locators, {})) return std::nullopt;
        std::vector<const image::LabelMap*> maps;
        for (auto i : locators) {
            done[i] = true;
            maps.push_back(&out[i].labels);
        }
        search.wholeImages += locators.size();
        finished += locators.size();
        const auto* first = images[locators.front()];
        search.region = ventricleRegion(maps, first->width, first->height);
    }
    std::vector<std::size_t> rest;
    for (std::size_t i = 0; i < images.size(); ++i)
        if (!done[i]) rest.push_back(i);
    if (rest.empty()) return out;
    const auto* image = images[rest.front()];
    if (!search.region || (search.region->width >= image->width && search.region->height >= image->height)) {
        if (!run(rest, {})) return std::nullopt;
        search.wholeImages += rest.size();
        return out;
    }
    if (!run(rest, std::vector<engine::Region>(rest.size(), *search.region))) return std::nullopt;
    search.cropped += rest.size();
    std::vector<std::size_t> again;
    for (auto i : rest)
        if (out[i].touchesRegionBorder) again.push_back(i);
    finished += rest.size();
    if (!again.empty()) {
        if (!run(again, {})) return std::nullopt;
        search.fallbacks += again.size();
    }
    return out;
}

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
    RegionSearch own;
    RegionSearch& search = request.search ? *request.search : own;
    const std::size_t chunk = request.chunk ? request.chunk : std::max<std::size_t>(1, inputs.size());
    for (std::size_t start = 0; start < inputs.size(); start += chunk) {
        const std::size_t n = std::min(chunk, inputs.size() - start);
        const std::vector<const image::FloatImage*> part(inputs.begin() + start, inputs.begin() + start + n);
        // The ventricle is likeliest on the mid-ventricular slices.
        std::vector<int> slices;
        for (std::size_t i = 0; i < n; ++i) slices.push_back(cells[start + i].first);
        auto predictions = segmentWithRegionSearch(segmenter, part, midVentricularFirst(slices, series.slices / 2.0), search, [&](double f, const std::string& status) {
            const double overall = (static_cast<double>(start) + f * static_cast<double>(n)) / inputs.size();
            return !request.progress || request.progress(overall, status);
        });
        if (!predictions) return std::nullopt;
        for (std::size_t i = 0; i < predictions->size(); ++i) {
            auto& prediction = (*predictions)[i];
            if (request.postprocess) analysis::cleanLvLabels(prediction.labels);
            if (request.onImage)
                request.onImage(cells[start + i].first, cells[start + i].second, std::move(prediction.labels),
                                prediction.uncertainty);
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
