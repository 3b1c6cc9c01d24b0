#include "segmentation_job.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "io/prediction_cache.h"
#include "session/segmentation_order.h"
#include "training/segment_series.h"

namespace cardioseg::ui {

std::string predictionKey(const QString& modelPath) {
    return io::fileDigest(modelPath.toStdString()) + "/postprocessed";
}

SegmentationResult runSegmentation(std::shared_ptr<engine::Segmenter> segmenter, const QString& modelPath,
                                   const EngineSettings& settings, const image::CineSeries& series,
                                   const SegmentationRequest& request, const QString& workspaceFolder,
                                   const io::ProgressFn& progress,
                                   const std::function<void(int, int, image::LabelMap, double)>& onImage) {
    SegmentationResult r;
    r.series = request.series;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        r.modelKey = predictionKey(modelPath);
        std::vector<std::pair<int, int>> cells = request.cells;
        if (cells.empty())
            for (int s = 0; s < series.slices; ++s)
                for (int p = 0; p < series.phases; ++p)
                    if (series.frameAt(s, p) >= 0) cells.emplace_back(s, p);
        // Labels this model already made for this series: handed over at once.
        if (request.useCache && !workspaceFolder.isEmpty()) {
            if (auto cached = io::PredictionCache(workspaceFolder.toStdString()).load(series, r.modelKey)) {
                std::vector<std::pair<int, int>> rest;
                for (const auto& [s, p] : cells) {
                    auto& map = cached->labels.at(s, p);
                    if (map.empty()) {
                        rest.emplace_back(s, p);
                        continue;
                    }
                    onImage(s, p, std::move(map), cached->uncertainty[static_cast<std::size_t>(s) * series.phases + p]);
                    ++r.cached;
                }
                cells = std::move(rest);
            }
        }
        if (cells.empty()) {
            if (progress) progress(1.0, "from the workspace");
            r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            r.device = segmenter ? segmenter->device() : std::string("cache");
            r.segmenter = segmenter;
            return r;
        }
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
        // Each chunk is shown as soon as it is done: one image per CPU thread (the segmenter
        // runs them in parallel), a GPU batch on CUDA. One region search for the whole job.
        const std::size_t chunk =
            segmenter->device() == "cuda" ? 32 : static_cast<std::size_t>(std::max(1, segmenter->threads()));
        training::RegionSearch search;
        const double total = static_cast<double>(cells.size());
        std::size_t done = 0;
        auto run = [&](const std::vector<std::pair<int, int>>& part,
                       const std::function<void(int, int, image::LabelMap, double)>& hand) {
            if (part.empty()) return true;
            training::SegmentRequest sr;
            sr.cells = part;
            sr.onImage = hand;
            sr.chunk = chunk;
            sr.search = &search;
            sr.progress = [&](double f, const std::string& status) {
                return !progress || progress((static_cast<double>(done) + f * part.size()) / total, status);
            };
            const auto n = training::segmentImages(*segmenter, series, sr);
            if (!n) return false;
            done += part.size();
            r.images += *n;
            return true;
        };
        if (request.cells.empty() && request.onScreen) {
            // What the user looks at first, then what the measures need (session::openingFirstStage).
            auto pick = [&](const std::vector<std::pair<int, int>>& order) {
                std::vector<std::pair<int, int>> out;
                for (const auto& c : order)
                    if (std::find(cells.begin(), cells.end(), c) != cells.end()) out.push_back(c);
                return out;
            };
            const auto first = pick(session::openingFirstStage(series.slices, series.phases, *request.onScreen));
            std::vector<double> areas(static_cast<std::size_t>(std::max(0, series.phases)), -1.0);
            const bool ok = run(first, [&](int s, int p, image::LabelMap labels, double u) {
                areas[static_cast<std::size_t>(p)] = static_cast<double>(
                    std::count(labels.data.begin(), labels.data.end(), image::label::BloodPool));
                onImage(s, p, std::move(labels), u);
            });
            // ED and ES from the slice on screen; unknown: end-diastole at the first phase.
            const auto edEs = session::edEsFromAreas(areas).value_or(std::make_pair(0, -1));
            if (!ok || !run(pick(session::openingLaterStages(series.slices, series.phases, *request.onScreen,
                                                              edEs.first, edEs.second)),
                            onImage))
                r.cancelled = true;
        } else if (!run(cells, onImage)) {
            r.cancelled = true;
        }
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace cardioseg::ui
