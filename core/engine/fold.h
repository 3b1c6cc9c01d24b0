#pragma once

// Batch-norm folding: a pass over a trained DeepLab v3 that yields its inference network, each
// batch norm folded into the convolution before it (w' = w·γ/σ, b' = β − μ·γ/σ). The trained
// network is left as it is (still trainable); the folded one runs the same wiring with one
// convolution where there were two layers.

#include <torch/torch.h>

#include "engine/deeplab.h"

namespace cardioseg::engine {

/// DeepLab v3 for inference, batch norm folded. Its convolutions are its own (a copy), registered
/// as submodules: it moves between devices and formats as any module.
class FoldedDeepLabImpl : public torch::nn::Module {
public:
    explicit FoldedDeepLabImpl(const DeepLabV3& trained);
    /// Logits at the input's resolution: N × classes × H × W (as DeepLabV3Impl::forward in eval).
    torch::Tensor forward(const torch::Tensor& x) const;
    const FoldedLayout& layout() const { return m_layout; }
    const ModelConfig& config() const { return m_config; }

private:
    ModelConfig m_config;
    FoldedLayout m_layout;
};
TORCH_MODULE(FoldedDeepLab);

/// The folding pass: the inference network of `trained` (its batch norms' running statistics).
FoldedDeepLab foldBatchNorm(const DeepLabV3& trained);

namespace wiring {

/// The image-level branch of the ASPP: global average, 1 × 1 conv, ReLU, spread over the map.
torch::Tensor imageLevel(const torch::nn::Conv2d& conv, const torch::Tensor& x);
/// The stem's 3 × 3 max-pool of stride 2. Every size is spelled for both axes: the quantised
/// kernel reads a second dilation that a single value does not give it.
torch::Tensor stemPool(const torch::Tensor& x);
/// Logits upsampled bilinearly to h × w.
torch::Tensor upsampled(const torch::Tensor& logits, int64_t h, int64_t w);

/// The wiring of the folded network, once for every way of running it (`Ops`: fp32, observing
/// the fp32 network, int8). Each call of an Ops method that returns an activation the int8
/// network quantises takes the next activation slot, in this order.
template <class Ops>
torch::Tensor run(const FoldedLayout& n, Ops& ops, const torch::Tensor& input) {
    auto x = ops.input(input);
    x = ops.maxPool(ops.conv(n.stem, x, true));
    for (const auto& block : n.blocks) {
        const auto shortcut = block.downsample ? ops.conv(block.downsample, x, false) : x;
        auto y = x;
        for (std::size_t i = 0; i < block.chain.size(); ++i) y = ops.conv(block.chain[i], y, i + 1 < block.chain.size());
        x = ops.addRelu(y, shortcut);
    }
    std::vector<torch::Tensor> branches;
    for (const auto& conv : n.asppBranches) branches.push_back(ops.conv(conv, x, true));
    branches.push_back(ops.imageLevel(n.asppPooling, x));
    x = ops.cat(branches);
    x = ops.conv(n.asppProject, x, true);
    x = ops.conv(n.head, x, true);
    return ops.logits(n.classifier, x, input.size(2), input.size(3));
}

}  // namespace wiring

}  // namespace cardioseg::engine
