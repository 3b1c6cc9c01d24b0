#include "engine/segmenter.h"
#include "engine/losses.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "engine/accelerator.h"
#include "engine/blas.h"
#include "engine/calibration.h"
#include "engine/int8.h"
#include "engine/model_impl.h"
#include "image/intensity.h"

namespace cardioseg::engine {

struct Segmenter::Impl {
    Model model;
    FoldedDeepLab net{nullptr};  ///< the model's inference network
    torch::Device device{torch::kCPU};
    SegmentOptions options;
    int threads = 1;  // CPU threads, fixed at construction whichever thread segments later
    EngineChoice choice;  // memory format, bf16 or int8, images at once
    std::unique_ptr<Int8DeepLab> int8;  // when choice.int8
};

namespace {

/// The model's int8 activation ranges when it carries ranges that fit its network.
std::optional<std::vector<ActivationRange>> int8Ranges(const Model& model, const FoldedDeepLab& folded) {
    const auto& ranges = model.info().int8Activations;
    if (ranges.empty() || ranges.size() != quantisedActivationCount(folded)) return std::nullopt;
    return ranges;
}

}  // namespace

Segmenter::Segmenter(const Model& model, const SegmentOptions& options) : m_impl(std::make_unique<Impl>()) {
    m_impl->options = options;
    m_impl->model = model;  // shares the trained network: folding below makes the copy it runs
    m_impl->device = torch::Device(resolveDevice(options.device));
    keepBlasSingleThreaded();
    // 0: one thread per core. (LibTorch's own default is not that everywhere: Debian's 1.13 runs
    // one thread on a 2-core machine, which left `segment` and `evaluate` on half the CPU.)
    m_impl->threads = options.threads > 0 ? options.threads
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    setCpuThreads(m_impl->threads);
    m_impl->net = foldBatchNorm(m_impl->model.impl()->net);
    m_impl->net->to(m_impl->device);
    // On CUDA channels-last lets convolutions use tensor cores. On the CPU what pays depends on
    // the CPU: channels-last was 1.5x faster with AVX-512 and 1.7x slower with AVX2 only on
    // torchvision's network. The calibration measures it once per machine.
    auto& choice = m_impl->choice;
    const bool cuda = m_impl->device.is_cuda();
    if (cuda) {
        choice = EngineChoice{true, options.mixedPrecision, false, 1};
    } else if (!options.calibrated) {
        choice = fixedEngineChoice(m_impl->threads);
        choice.bf16 = choice.bf16 && options.mixedPrecision;
    } else {
        // int8 only for a model whose activation ranges were recorded; else the fastest float
        // (fp32 when bf16 is not wanted: on a CPU with native bf16 the fastest may be bf16).
        const auto calibration = engineCalibration(model.config(), m_impl->threads);
        const auto ranges = options.int8 && calibration.best.int8 ? int8Ranges(model, m_impl->net) : std::nullopt;
        choice = options.mixedPrecision ? calibration.bestFloat : calibration.bestFp32;
        if (ranges) {
            try {
                m_impl->int8 = std::make_unique<Int8DeepLab>(m_impl->net, *ranges);
                choice = calibration.best;
            } catch (const std::exception&) {
                // The calibration ran int8 on this machine; should packing this model fail, the
                // fastest float configuration segments it.
            }
        }
    }
    setChannelsLast(*m_impl->net, choice.channelsLast);
}

std::string Segmenter::configuration() const { return m_impl->choice.name(); }

Segmenter::~Segmenter() = default;

std::string Segmenter::device() const { return m_impl->device.is_cuda() ? "cuda" : "cpu"; }
int Segmenter::threads() const { return m_impl->threads; }
const Model& Segmenter::model() const { return m_impl->model; }
const SegmentOptions& Segmenter::options() const { return m_impl->options; }

namespace {

/// The part of an image the network runs on: the region asked for, clipped to the image, or
/// the whole image.
Region effectiveRegion(const image::FloatImage& img, const std::vector<Region>& regions, std::size_t i) {
    Region full{0, 0, img.width, img.height};
    if (i >= regions.size() || regions[i].empty()) return full;
    const Region& r = regions[i];
    const int x0 = std::clamp(r.x, 0, img.width), y0 = std::clamp(r.y, 0, img.height);
    const int x1 = std::clamp(r.x + r.width, 0, img.width), y1 = std::clamp(r.y + r.height, 0, img.height);
    if (x1 <= x0 || y1 <= y0) return full;
    return {x0, y0, x1 - x0, y1 - y0};
}

/// The network's input for images `ids` (their regions all of one size): each normalised
/// over the whole image, then cropped, as the training crops are.
torch::Tensor networkInput(int inChannels, const std::vector<const image::FloatImage*>& images,
                           const std::vector<Region>& regions, const std::size_t* ids, std::size_t n) {
    const Region first = effectiveRegion(*images[ids[0]], regions, ids[0]);
    const int w = first.width, h = first.height;
    auto input = torch::empty({static_cast<long>(n), 1, h, w});
    for (std::size_t k = 0; k < n; ++k) {
        const image::FloatImage norm = image::normalizeIntensity(*images[ids[k]]);
        const Region r = effectiveRegion(*images[ids[k]], regions, ids[k]);
        float* dst = input[k].data_ptr<float>();
        for (int y = 0; y < h; ++y)
            std::memcpy(dst + static_cast<std::size_t>(y) * w,
                        norm.data.data() + static_cast<std::size_t>(r.y + y) * norm.width + r.x, w * sizeof(float));
    }
    if (inChannels > 1) input = input.expand({-1, inChannels, -1, -1}).contiguous();
    return input;
}

/// Runs the network (`int8` when given) on images `ids` (all regions of one size) and fills
/// their predictions.
void runBatch(FoldedDeepLab& net, const Int8DeepLab* int8, const torch::Device& device, const SegmentOptions& options,
              const EngineChoice& choice, int inChannels, const std::vector<const image::FloatImage*>& images,
              const std::vector<Region>& regions, const std::size_t* ids, std::size_t n, std::vector<Prediction>& out) {
    const Region first = effectiveRegion(*images[ids[0]], regions, ids[0]);
    const int w = first.width, h = first.height;
    const auto input = networkInput(inChannels, images, regions, ids, n);
    torch::Tensor logits;
    if (int8) {
        logits = int8->forward(input);
    } else {
        AutocastGuard autocast(options.mixedPrecision && nativeBf16(device) && (device.is_cuda() || choice.bf16), device);
        logits = net->forward(toDevice(input, device, choice.channelsLast));
    }
    logits = logits.to(torch::kFloat).contiguous();
    auto argmax = logits.argmax(1);
    auto labels = argmax.to(torch::kUInt8).cpu().contiguous();
    const auto soft = torch::softmax(logits, 1);
    torch::Tensor probs;
    if (options.probabilities) probs = soft.cpu().contiguous();
    // Uncertainty near the ventricle: the foreground dilated by 4 pixels (a 9 × 9 max-pool).
    const auto doubt = 1.0 - std::get<0>(soft.max(1));
    const auto lv = (argmax > 0).to(torch::kFloat).unsqueeze(1);
    const auto near = torch::max_pool2d(lv, {9, 9}, {1, 1}, {4, 4}).squeeze(1);
    const auto nearCount = near.sum({1, 2});
    const auto uncertainty = torch::where(nearCount > 0, (doubt * near).sum({1, 2}) / nearCount.clamp_min(1.0),
                                          doubt.mean({1, 2}))
                                 .cpu()
                                 .contiguous();
    for (std::size_t k = 0; k < n; ++k) {
        const image::FloatImage& img = *images[ids[k]];
        const Region r = effectiveRegion(img, regions, ids[k]);
        Prediction& p = out[ids[k]];
        p.region = r;
        p.labels = image::LabelMap(img.width, img.height, image::label::Background);
        const std::uint8_t* src = labels[k].data_ptr<std::uint8_t>();
        for (int y = 0; y < h; ++y)
            std::memcpy(&p.labels.at(r.x, r.y + y), src + static_cast<std::size_t>(y) * w, w);
        // Labels on a side of the region inside the image: the ventricle may go on beyond it.
        auto foreground = [&](int x, int y) { return src[static_cast<std::size_t>(y) * w + x] != 0; };
        bool touches = false;
        for (int x = 0; x < w && !touches; ++x)
            touches = (r.y > 0 && foreground(x, 0)) || (r.y + h < img.height && foreground(x, h - 1));
        for (int y = 0; y < h && !touches; ++y)
            touches = (r.x > 0 && foreground(0, y)) || (r.x + w < img.width && foreground(w - 1, y));
        p.touchesRegionBorder = touches;
        p.uncertainty = uncertainty[k].item<double>();
        if (probs.defined())
            for (int c = 0; c < probs.size(1); ++c) {
                // Outside the region: certainly background.
                image::FloatImage pm(img.width, img.height, c == 0 ? 1.0f : 0.0f);
                const float* pc = probs[k][c].data_ptr<float>();
                for (int y = 0; y < h; ++y)
                    std::memcpy(&pm.at(r.x, r.y + y), pc + static_cast<std::size_t>(y) * w, w * sizeof(float));
                p.probabilities.push_back(std::move(pm));
            }
    }
}

[[noreturn]] void rethrowClearly(const std::exception& e) {
    const std::string what = e.what();
    if (isOutOfMemory(e)) throw std::runtime_error("out of memory while segmenting; try a smaller --batch");
    throw std::runtime_error("segmentation failed: " + what.substr(0, 300));
}

}  // namespace

std::vector<Prediction> Segmenter::segment(const std::vector<const image::FloatImage*>& images,
                                           const std::function<bool(double, const std::string&)>& progress,
                                           const std::vector<Region>& regions) {
    std::vector<Prediction> out(images.size());
    const int inChannels = m_impl->model.config().inChannels;
    const bool cuda = m_impl->device.is_cuda();
    const int batch = m_impl->options.batch > 0 ? m_impl->options.batch : cuda ? 32 : 1;
    // LibTorch's thread count belongs to each calling thread: set the one chosen at construction.
    if (!cuda) at::set_num_threads(m_impl->threads);
    const int workers = cuda || batch > 1 ? 1
                        : m_impl->options.parallelImages > 0 ? m_impl->options.parallelImages
                                                             : std::max(1, m_impl->choice.parallelImages);
    // Batches of equal-sized inputs (regions, else images), in input order.
    std::map<std::pair<int, int>, std::vector<std::size_t>> bySize;
    for (std::size_t i = 0; i < images.size(); ++i)
        if (images[i] && !images[i]->empty()) {
            const Region r = effectiveRegion(*images[i], regions, i);
            bySize[{r.width, r.height}].push_back(i);
        }
    std::vector<std::pair<const std::size_t*, std::size_t>> batches;
    for (const auto& [size, ids] : bySize)
        for (std::size_t start = 0; start < ids.size(); start += batch)
            batches.emplace_back(ids.data() + start, std::min<std::size_t>(batch, ids.size() - start));

    if (workers <= 1 || batches.size() <= 1) {
        c10::InferenceMode guard;
        std::size_t done = 0;
        try {
            for (const auto& [ids, n] : batches) {
                runBatch(m_impl->net, m_impl->int8.get(), m_impl->device, m_impl->options, m_impl->choice, inChannels,
                         images, regions, ids, n, out);
                done += n;
                if (progress && !progress(static_cast<double>(done) / images.size(), "Segmenting")) return out;
            }
        } catch (const std::exception& e) {
            rethrowClearly(e);
        }
        return out;
    }

    // On the CPU, several images at once, each on one core: this small network keeps one core
    // busier than two cores share one image (see the README's performance section). The calling
    // thread works too and alone reports progress (and hears a cancel).
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::mutex failMutex;
    std::exception_ptr failure;
    auto work = [&](bool reporting) {
        at::set_num_threads(1);
        c10::InferenceMode guard;
        try {
            for (std::size_t b; !stop && (b = next++) < batches.size();) {
                runBatch(m_impl->net, m_impl->int8.get(), m_impl->device, m_impl->options, m_impl->choice, inChannels,
                         images, regions, batches[b].first, batches[b].second, out);
                const std::size_t finished = done += batches[b].second;
                if (reporting && progress &&
                    !progress(static_cast<double>(finished) / images.size(), "Segmenting"))
                    stop = true;
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failMutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < workers; ++t) helpers.emplace_back(work, false);
    work(true);
    for (auto& t : helpers) t.join();
    at::set_num_threads(m_impl->threads);  // the workers left this thread at one
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            rethrowClearly(e);
        }
    }
    if (progress && !stop) progress(1.0, "Segmenting");
    return out;
}

void recordInt8Ranges(Model& model, const std::vector<const image::FloatImage*>& images,
                      const std::vector<Region>& regions) {
    const FoldedDeepLab net = foldBatchNorm(model.impl()->net);
    std::vector<ActivationRange> ranges;
    for (std::size_t i = 0; i < images.size(); ++i)
        if (images[i] && !images[i]->empty())
            observeActivations(net, networkInput(model.config().inChannels, images, regions, &i, 1), ranges);
    if (ranges.empty()) throw std::invalid_argument("recordInt8Ranges: no image to observe");
    model.info().int8Activations = std::move(ranges);
}

bool hasInt8Ranges(const Model& model) {
    return int8Ranges(model, foldBatchNorm(model.impl()->net)).has_value();
}

}  // namespace cardioseg::engine
