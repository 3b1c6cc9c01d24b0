#include "engine/segmenter.h"

#include <torch/torch.h>

#include <map>

#include "engine/model_impl.h"
#include "image/intensity.h"

namespace cardioseg::engine {

struct Segmenter::Impl {
    Model model;
    DeepLabV3 net{nullptr};
    torch::Device device{torch::kCPU};
    SegmentOptions options;
};

Segmenter::Segmenter(const Model& model, const SegmentOptions& options) : m_impl(std::make_unique<Impl>()) {
    m_impl->options = options;
    m_impl->model = model.clone();
    m_impl->net = m_impl->model.impl()->net;
    m_impl->device = torch::Device(resolveDevice(options.device));
    if (options.threads > 0) setCpuThreads(options.threads);
    m_impl->net->eval();
    m_impl->net->foldBatchNorm();
    m_impl->net->to(m_impl->device);
}

Segmenter::~Segmenter() = default;

std::string Segmenter::device() const { return m_impl->device.is_cuda() ? "cuda" : "cpu"; }
const Model& Segmenter::model() const { return m_impl->model; }

std::vector<Prediction> Segmenter::segment(const std::vector<const image::FloatImage*>& images,
                                           const std::function<bool(double, const std::string&)>& progress) {
    std::vector<Prediction> out(images.size());
    const int inChannels = m_impl->model.config().inChannels;
    const int batch = std::max(1, m_impl->options.batch);
    // Batches of equal-sized images, in input order.
    std::map<std::pair<int, int>, std::vector<std::size_t>> bySize;
    for (std::size_t i = 0; i < images.size(); ++i)
        if (images[i] && !images[i]->empty()) bySize[{images[i]->width, images[i]->height}].push_back(i);
    std::size_t done = 0;
    c10::InferenceMode guard;
    try {
        for (const auto& [size, ids] : bySize) {
            const auto [w, h] = size;
            for (std::size_t start = 0; start < ids.size(); start += batch) {
                const std::size_t n = std::min<std::size_t>(batch, ids.size() - start);
                auto input = torch::empty({static_cast<long>(n), 1, h, w});
                for (std::size_t k = 0; k < n; ++k) {
                    const image::FloatImage norm = image::normalizeIntensity(*images[ids[start + k]]);
                    std::memcpy(input[k].data_ptr<float>(), norm.data.data(), norm.data.size() * sizeof(float));
                }
                if (inChannels > 1) input = input.expand({-1, inChannels, -1, -1}).contiguous();
                auto logits = m_impl->net->forward(input.to(m_impl->device));
                auto labels = logits.argmax(1).to(torch::kUInt8).cpu().contiguous();
                torch::Tensor probs;
                if (m_impl->options.probabilities) probs = torch::softmax(logits, 1).cpu().contiguous();
                for (std::size_t k = 0; k < n; ++k) {
                    Prediction& p = out[ids[start + k]];
                    p.labels = image::LabelMap(w, h);
                    std::memcpy(p.labels.data.data(), labels[k].data_ptr<std::uint8_t>(), p.labels.data.size());
                    if (probs.defined())
                        for (int c = 0; c < probs.size(1); ++c) {
                            image::FloatImage pm(w, h);
                            std::memcpy(pm.data.data(), probs[k][c].data_ptr<float>(), pm.data.size() * sizeof(float));
                            p.probabilities.push_back(std::move(pm));
                        }
                }
                done += n;
                if (progress && !progress(static_cast<double>(done) / images.size(), "Segmenting")) return out;
            }
        }
    } catch (const c10::Error& e) {
        const std::string what = e.what();
        if (what.find("out of memory") != std::string::npos || what.find("alloc") != std::string::npos)
            throw std::runtime_error("out of memory while segmenting; try a smaller --batch");
        throw std::runtime_error("segmentation failed: " + what.substr(0, 300));
    }
    return out;
}

}  // namespace cardioseg::engine
