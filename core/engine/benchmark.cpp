#include "engine/benchmark.h"

#include <torch/torch.h>

#include <chrono>

#include "engine/deeplab.h"

namespace cardioseg::engine {

namespace {

double elapsedMs(std::chrono::steady_clock::time_point t0, const torch::Device& d) {
    if (d.is_cuda()) torch::cuda::synchronize();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

BenchResult benchInference(const ModelConfig& config, int size, int batch, DeviceChoice device, int runs, int warmup) {
    const torch::Device dev(resolveDevice(device));
    torch::manual_seed(0);
    DeepLabV3 net(config);
    net->eval();
    net->foldBatchNorm();
    net->to(dev);
    c10::InferenceMode guard;
    auto x = torch::randn({batch, config.inChannels, size, size}).to(dev);
    BenchResult r;
    r.device = dev.is_cuda() ? "cuda" : "cpu";
    for (int i = 0; i < warmup + runs; ++i) {
        if (dev.is_cuda()) torch::cuda::synchronize();
        const auto t0 = std::chrono::steady_clock::now();
        auto y = net->forward(x).argmax(1);
        const double ms = elapsedMs(t0, dev);
        if (i >= warmup) r.ms.push_back(ms);
    }
    return r;
}

BenchResult benchTrainStep(const ModelConfig& config, int size, int batch, DeviceChoice device, int runs, int warmup) {
    const torch::Device dev(resolveDevice(device));
    torch::manual_seed(0);
    DeepLabV3 net(config);
    net->train();
    net->to(dev);
    torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(5e-4));
    auto x = torch::randn({batch, config.inChannels, size, size}).to(dev);
    auto y = torch::randint(0, config.numClasses, {batch, size, size}, torch::kLong).to(dev);
    BenchResult r;
    r.device = dev.is_cuda() ? "cuda" : "cpu";
    for (int i = 0; i < warmup + runs; ++i) {
        if (dev.is_cuda()) torch::cuda::synchronize();
        const auto t0 = std::chrono::steady_clock::now();
        opt.zero_grad();
        auto loss = torch::nn::functional::cross_entropy(net->forward(x), y);
        loss.backward();
        opt.step();
        const double ms = elapsedMs(t0, dev);
        if (i >= warmup) r.ms.push_back(ms);
    }
    return r;
}

}  // namespace cardioseg::engine
