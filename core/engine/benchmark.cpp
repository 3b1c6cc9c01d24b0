#include "engine/benchmark.h"

#include <torch/torch.h>

#include <chrono>
#include <optional>
#include <sstream>

#include "engine/accelerator.h"
#include "engine/deeplab.h"
#include "engine/fold.h"

namespace cardioseg::engine {

namespace {

double elapsedMs(std::chrono::steady_clock::time_point t0, const torch::Device& d) {
    if (d.is_cuda()) torch::cuda::synchronize();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

torch::MemoryFormat formatOf(bool channelsLast) {
    return channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
}

}  // namespace

BenchOptions benchOptionsWithout(const std::string& list) {
    BenchOptions o;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        if (item == "fold-bn")
            o.foldBatchNorm = false;
        else if (item == "inference-mode")
            o.inferenceMode = false;
        else if (item == "channels-last")
            o.channelsLast = false;
        else if (item == "mixed-precision")
            o.mixedPrecision = false;
        else if (!item.empty())
            throw std::invalid_argument(
                "unknown optimisation '" + item +
                "' (fold-bn, inference-mode, channels-last, mixed-precision)");
    }
    return o;
}

BenchResult benchInference(const ModelConfig& config, int size, int batch, DeviceChoice device,
                           int runs, const BenchOptions& o, int warmup) {
    const torch::Device dev(resolveDevice(device));
    torch::manual_seed(0);
    DeepLabV3 trained(config);
    trained->eval();
    // The network as segmentation runs it (batch norm folded), or as trained.
    FoldedDeepLab folded = o.foldBatchNorm ? foldBatchNorm(trained) : FoldedDeepLab(nullptr);
    torch::nn::Module& net = o.foldBatchNorm ? static_cast<torch::nn::Module&>(*folded) : *trained;
    const auto forward = [&](const torch::Tensor& x) { return o.foldBatchNorm ? folded->forward(x) : trained->forward(x); };
    net.to(dev);
    if (o.channelsLast) setChannelsLast(net, true);
    std::optional<c10::InferenceMode> inference;
    std::optional<torch::NoGradGuard> noGrad;
    if (o.inferenceMode)
        inference.emplace();
    else
        noGrad.emplace();
    auto x = torch::randn({batch, config.inChannels, size, size})
                 .to(dev)
                 .contiguous(formatOf(o.channelsLast));
    BenchResult r;
    r.device = dev.is_cuda() ? "cuda" : "cpu";
    for (int i = 0; i < warmup + runs; ++i) {
        if (dev.is_cuda()) torch::cuda::synchronize();
        const auto t0 = std::chrono::steady_clock::now();
        {
            AutocastGuard autocast(o.mixedPrecision && nativeBf16(dev), dev);
            auto y = forward(x).argmax(1);
        }
        const double ms = elapsedMs(t0, dev);
        if (i >= warmup) r.ms.push_back(ms);
    }
    return r;
}

BenchResult benchTrainStep(const ModelConfig& config, int size, int batch, DeviceChoice device,
                           int runs, const BenchOptions& o, int warmup) {
    const torch::Device dev(resolveDevice(device));
    torch::manual_seed(0);
    DeepLabV3 net(config);
    net->train();
    net->to(dev);
    const bool channelsLast = o.channelsLast && trainChannelsLast(dev);  // as the trainer
    if (channelsLast) setChannelsLast(*net, true);
    torch::optim::SGD opt(net->parameters(),
                          torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(5e-4));
    auto x = torch::randn({batch, config.inChannels, size, size})
                 .to(dev)
                 .contiguous(formatOf(channelsLast));
    auto y = torch::randint(0, config.numClasses, {batch, size, size}, torch::kLong).to(dev);
    BenchResult r;
    r.device = dev.is_cuda() ? "cuda" : "cpu";
    for (int i = 0; i < warmup + runs; ++i) {
        if (dev.is_cuda()) torch::cuda::synchronize();
        const auto t0 = std::chrono::steady_clock::now();
        opt.zero_grad();
        torch::Tensor loss;
        {
            AutocastGuard autocast(o.mixedPrecision && dev.is_cuda(), dev);  // as the trainer
            loss = torch::nn::functional::cross_entropy(net->forward(x).to(torch::kFloat), y);
        }
        loss.backward();
        opt.step();
        const double ms = elapsedMs(t0, dev);
        if (i >= warmup) r.ms.push_back(ms);
    }
    return r;
}

}  // namespace cardioseg::engine
