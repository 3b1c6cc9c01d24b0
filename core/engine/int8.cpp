#include "engine/int8.h"

#include <ATen/core/dispatch/Dispatcher.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace cardioseg::engine {

namespace nn = torch::nn;

namespace {

/// Runs the fp32 network and records each quantised activation's range.
struct Observer {
    std::vector<ActivationRange>& ranges;
    bool merge;
    std::size_t next = 0;

    torch::Tensor record(torch::Tensor t) {
        const auto [lo, hi] = torch::aminmax(t);
        const ActivationRange r{lo.item<float>(), hi.item<float>()};
        if (!merge) {
            ranges.push_back(r);
        } else {
            ranges[next].min = std::min(ranges[next].min, r.min);
            ranges[next].max = std::max(ranges[next].max, r.max);
        }
        ++next;
        return t;
    }
    torch::Tensor input(const torch::Tensor& x) { return record(x); }
    torch::Tensor conv(const nn::Conv2d& c, const torch::Tensor& x, bool relu) {
        auto y = c.ptr()->forward(x);
        return record(relu ? torch::relu(y) : y);
    }
    torch::Tensor maxPool(const torch::Tensor& x) { return wiring::stemPool(x); }
    torch::Tensor addRelu(const torch::Tensor& a, const torch::Tensor& b) { return record(torch::relu(a + b)); }
    torch::Tensor imageLevel(const nn::Conv2d& c, const torch::Tensor& x) { return record(wiring::imageLevel(c, x)); }
    torch::Tensor cat(const std::vector<torch::Tensor>& xs) { return record(torch::cat(xs, 1)); }
    torch::Tensor logits(const nn::Conv2d& c, const torch::Tensor& x, int64_t h, int64_t w) {
        return wiring::upsampled(c.ptr()->forward(x), h, w);
    }
};

/// Walks the wiring without computing anything: counts the quantised activations and collects
/// the convolutions that run in int8 (all but the image-level branch's and the classifier).
struct Walker {
    std::size_t n = 0;
    std::vector<nn::Conv2d> convs;
    torch::Tensor input(const torch::Tensor& x) { return ++n, x; }
    torch::Tensor conv(const nn::Conv2d& c, const torch::Tensor& x, bool) {
        convs.push_back(c);
        return ++n, x;
    }
    torch::Tensor maxPool(const torch::Tensor& x) { return x; }
    torch::Tensor addRelu(const torch::Tensor& a, const torch::Tensor&) { return ++n, a; }
    torch::Tensor imageLevel(const nn::Conv2d&, const torch::Tensor& x) { return ++n, x; }
    torch::Tensor cat(const std::vector<torch::Tensor>& xs) { return ++n, xs.front(); }
    torch::Tensor logits(const nn::Conv2d&, const torch::Tensor& x, int64_t, int64_t) { return x; }
};

/// The quantised engine this LibTorch offers for x86: FBGEMM where built in, else oneDNN.
std::optional<at::QEngine> x86QuantisedEngine() {
    const auto& engines = at::globalContext().supportedQEngines();
    for (const auto e : {at::QEngine::FBGEMM, at::QEngine::ONEDNN})
        if (std::find(engines.begin(), engines.end(), e) != engines.end()) return e;
    return std::nullopt;
}

std::vector<int64_t> pair(const torch::ExpandingArray<2>& a) { return {(*a)[0], (*a)[1]}; }

/// A conv's padding (rows, columns): every conv of this DeepLab keeps the size at stride 1,
/// (kernel / 2) × dilation (deeplab.cpp). Computed rather than read: the options hold it in a
/// c10::variant in LibTorch 1.13 and a std::variant in 2.x.
std::vector<int64_t> padding(const nn::Conv2dImpl& c) {
    const auto& o = c.options;
    return {((*o.kernel_size())[0] / 2) * (*o.dilation())[0], ((*o.kernel_size())[1] / 2) * (*o.dilation())[1]};
}

}  // namespace

bool int8Supported() { return x86QuantisedEngine().has_value(); }

void observeActivations(const FoldedDeepLab& folded, const torch::Tensor& input, std::vector<ActivationRange>& ranges) {
    const auto& layout = folded->layout();
    const bool merge = !ranges.empty();
    if (merge && ranges.size() != quantisedActivationCount(folded))
        throw std::invalid_argument("observeActivations: ranges of another network");
    c10::InferenceMode guard;
    Observer observer{ranges, merge};
    wiring::run(layout, observer, input);
}

namespace {
Walker walk(const FoldedLayout& layout) {
    Walker walker;
    wiring::run(layout, walker, torch::empty({1, 1, 1, 1}));
    return walker;
}
}  // namespace

std::size_t quantisedActivationCount(const FoldedDeepLab& folded) { return walk(folded->layout()).n; }

// ---------------------------------------------------------------------------- int8 network

namespace {
c10::OperatorHandle quantisedOp(const char* name, const char* overload) {
    return c10::Dispatcher::singleton().findSchemaOrThrow(name, overload);
}
}  // namespace

struct Int8DeepLab::Impl {
    Impl()
        : conv(quantisedOp("quantized::conv2d", "new")),
          convRelu(quantisedOp("quantized::conv2d_relu", "new")),
          addRelu(quantisedOp("quantized::add_relu", "")),
          cat(quantisedOp("quantized::cat", "")) {}
    struct Quantisation {
        double scale = 1.0;
        int64_t zeroPoint = 0;
    };
    FoldedLayout layout;
    std::vector<Quantisation> activations;
    std::map<const nn::Conv2dImpl*, c10::IValue> packed;  // each conv's int8 weights and fp32 bias
    c10::OperatorHandle conv, convRelu, addRelu, cat;
};

namespace {

/// Runs the int8 network: LibTorch's quantised operators, called through the dispatcher (their
/// C++ entry points are not exported).
struct Int8Runner {
    const Int8DeepLab::Impl& net;
    std::size_t next = 0;

    const Int8DeepLab::Impl::Quantisation& slot() { return net.activations.at(next++); }
    static torch::Tensor call(const c10::OperatorHandle& op, std::vector<c10::IValue> stack) {
        op.callBoxed(&stack);
        return stack.front().toTensor();
    }

    torch::Tensor input(const torch::Tensor& x) {
        const auto& q = slot();
        return torch::quantize_per_tensor(x.contiguous(torch::MemoryFormat::ChannelsLast), q.scale, q.zeroPoint,
                                          torch::kQUInt8);
    }
    torch::Tensor conv(const nn::Conv2d& c, const torch::Tensor& x, bool relu) {
        const auto& q = slot();
        return call(relu ? net.convRelu : net.conv, {x, net.packed.at(c.get()), q.scale, q.zeroPoint});
    }
    torch::Tensor maxPool(const torch::Tensor& x) { return wiring::stemPool(x); }
    torch::Tensor addRelu(const torch::Tensor& a, const torch::Tensor& b) {
        const auto& q = slot();
        return call(net.addRelu, {a, b, q.scale, q.zeroPoint});
    }
    torch::Tensor imageLevel(const nn::Conv2d& c, const torch::Tensor& x) {
        const auto& q = slot();
        const auto y = wiring::imageLevel(c, x.dequantize()).contiguous(torch::MemoryFormat::ChannelsLast);
        return torch::quantize_per_tensor(y, q.scale, q.zeroPoint, torch::kQUInt8);
    }
    torch::Tensor cat(const std::vector<torch::Tensor>& xs) {
        const auto& q = slot();
        return call(net.cat, {c10::List<torch::Tensor>(xs), int64_t{1}, q.scale, q.zeroPoint});
    }
    torch::Tensor logits(const nn::Conv2d& c, const torch::Tensor& x, int64_t h, int64_t w) {
        return wiring::upsampled(c.ptr()->forward(x.dequantize()), h, w);
    }
};

}  // namespace

Int8DeepLab::Int8DeepLab(const FoldedDeepLab& folded, const std::vector<ActivationRange>& ranges)
    : m_impl(std::make_unique<Impl>()) {
    const auto engine = x86QuantisedEngine();
    if (!engine) throw std::runtime_error("this LibTorch has no quantised engine for this CPU (FBGEMM or oneDNN)");
    auto& m = *m_impl;
    m.layout = folded->layout();
    const Walker walker = walk(m.layout);
    if (ranges.size() != walker.n)
        throw std::invalid_argument("int8: " + std::to_string(ranges.size()) + " activation ranges for a network with " +
                                    std::to_string(walker.n));
    // Activations: affine uint8 over the observed range widened to hold 0 (ReLU outputs start
    // there exactly).
    const double levels = 127.0;  // 7-bit activations (see the constructor's declaration)
    for (const auto& r : ranges) {
        const double lo = std::min(0.0f, r.min), hi = std::max(0.0f, r.max);
        Impl::Quantisation q;
        q.scale = std::max((hi - lo) / levels, 1e-8);
        q.zeroPoint = std::clamp<int64_t>(std::llround(-lo / q.scale), 0, static_cast<int64_t>(levels));
        m.activations.push_back(q);
    }
    // Weights: int8 per output channel, symmetric; the bias stays fp32 (the quantised conv
    // scales it itself). Packing happens once, for the engine chosen now.
    at::globalContext().setQEngine(*engine);
    const auto prepack = quantisedOp("quantized::conv2d_prepack", "");
    c10::InferenceMode guard;
    for (const auto& c : walker.convs) {
        const auto w = c->weight.detach().to(torch::kFloat).contiguous();
        const auto scales = (w.abs().amax({1, 2, 3}) / 127.0).clamp_min(1e-8).to(torch::kDouble);
        const auto qw = torch::quantize_per_channel(w, scales, torch::zeros({w.size(0)}, torch::kLong), 0, torch::kQInt8);
        const auto& o = c->options;
        std::vector<c10::IValue> stack{qw,
                                       c->bias.defined() ? c10::IValue(c->bias.detach().to(torch::kFloat).contiguous())
                                                         : c10::IValue(),
                                       pair(o.stride()),
                                       padding(*c),
                                       pair(o.dilation()),
                                       o.groups()};
        prepack.callBoxed(&stack);
        m.packed.emplace(c.get(), stack.front());
    }
}

Int8DeepLab::~Int8DeepLab() = default;

torch::Tensor Int8DeepLab::forward(const torch::Tensor& input) const {
    Int8Runner runner{*m_impl};
    return wiring::run(m_impl->layout, runner, input.to(torch::kFloat));
}

}  // namespace cardioseg::engine
