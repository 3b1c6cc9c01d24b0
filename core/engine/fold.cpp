#include "engine/fold.h"

#include <string>

namespace cardioseg::engine {

namespace nn = torch::nn;

namespace {

/// A new convolution computing conv then bn (in eval): w' = w·γ/σ, b' = β − μ·γ/σ (+ conv bias·γ/σ);
/// without a bn, a copy of the convolution.
nn::Conv2d folded(const ConvBn& unit) {
    torch::NoGradGuard ng;
    const auto& c = unit.conv;
    const auto& o = c->options;
    nn::Conv2d out(nn::Conv2dOptions(o.in_channels(), o.out_channels(), o.kernel_size())
                       .stride(o.stride())
                       .padding(o.padding())
                       .dilation(o.dilation())
                       .groups(o.groups())
                       .padding_mode(o.padding_mode())
                       .bias(true));
    auto weight = c->weight.detach().clone();
    auto bias = c->options.bias() ? c->bias.detach().clone() : torch::zeros({weight.size(0)}, weight.options());
    if (!unit.bn.is_empty()) {
        const auto& b = unit.bn;
        const auto scale = b->weight / torch::sqrt(b->running_var + b->options.eps());
        weight.mul_(scale.reshape({-1, 1, 1, 1}));
        bias = b->bias - b->running_mean * scale + bias * scale;
    }
    out->weight.set_data(weight);
    out->bias.set_data(bias.detach().clone());
    out->to(c->weight.device());
    return out;
}

/// Ops for wiring::run: the fp32 network.
struct Float {
    torch::Tensor input(const torch::Tensor& x) { return x; }
    torch::Tensor conv(const nn::Conv2d& c, const torch::Tensor& x, bool relu) {
        auto y = c.ptr()->forward(x);
        return relu ? torch::relu(y) : y;
    }
    torch::Tensor maxPool(const torch::Tensor& x) { return wiring::stemPool(x); }
    torch::Tensor addRelu(const torch::Tensor& a, const torch::Tensor& b) { return torch::relu(a + b); }
    torch::Tensor imageLevel(const nn::Conv2d& c, const torch::Tensor& x) { return wiring::imageLevel(c, x); }
    torch::Tensor cat(const std::vector<torch::Tensor>& xs) { return torch::cat(xs, 1); }
    torch::Tensor logits(const nn::Conv2d& c, const torch::Tensor& x, int64_t h, int64_t w) {
        return wiring::upsampled(c.ptr()->forward(x), h, w);
    }
};

}  // namespace

FoldedDeepLabImpl::FoldedDeepLabImpl(const DeepLabV3& trained) : m_config(trained->config()) {
    const TrainedLayout t = trained->layout();
    int index = 0;
    // Registered in running order: named by it, they move with the module.
    const auto take = [&](const ConvBn& unit) {
        return register_module("conv" + std::to_string(index++), folded(unit));
    };
    m_layout.stem = take(t.stem);
    for (const auto& block : t.blocks) {
        FoldedLayout::Block b;
        if (block.downsample) b.downsample = take(block.downsample);
        for (const auto& unit : block.chain) b.chain.push_back(take(unit));
        m_layout.blocks.push_back(std::move(b));
    }
    for (const auto& unit : t.asppBranches) m_layout.asppBranches.push_back(take(unit));
    m_layout.asppPooling = take(t.asppPooling);
    m_layout.asppProject = take(t.asppProject);
    m_layout.head = take(t.head);
    m_layout.classifier = take(t.classifier);
}

torch::Tensor FoldedDeepLabImpl::forward(const torch::Tensor& x) const {
    Float ops;
    return wiring::run(m_layout, ops, x);
}

FoldedDeepLab foldBatchNorm(const DeepLabV3& trained) {
    FoldedDeepLab net(trained);
    net->eval();
    return net;
}

namespace wiring {

torch::Tensor imageLevel(const nn::Conv2d& conv, const torch::Tensor& x) {
    auto y = torch::relu(conv.ptr()->forward(torch::adaptive_avg_pool2d(x, {1, 1})));
    return y.expand({-1, -1, x.size(2), x.size(3)});
}

torch::Tensor stemPool(const torch::Tensor& x) { return torch::max_pool2d(x, {3, 3}, {2, 2}, {1, 1}, {1, 1}); }

torch::Tensor upsampled(const torch::Tensor& logits, int64_t h, int64_t w) {
    namespace F = torch::nn::functional;
    return F::interpolate(logits, F::InterpolateFuncOptions()
                                      .size(std::vector<int64_t>{h, w})
                                      .mode(torch::kBilinear)
                                      .align_corners(false));
}

}  // namespace wiring

}  // namespace cardioseg::engine
