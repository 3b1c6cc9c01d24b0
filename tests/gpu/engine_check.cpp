// cardioseg-engine-check [--device auto|cpu|cuda] [--quick] [--no-bench] [--repeat N]
//
// Checks that the engine computes and learns on the chosen device, then prints a benchmark
// table. Exit status 0 when every check passed, 1 when one failed, 2 for a usage error.
// Plain C++ on purpose: it needs nothing but LibTorch (see packaging/gpu-check.sh).
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "engine/benchmark.h"
#include "engine/model.h"
#include "engine/model_impl.h"
#include "engine/segmenter.h"
#include "engine/trainer.h"

using namespace cardioseg;
using namespace cardioseg::engine;

namespace {

int g_failed = 0;

void check(bool ok, const std::string& what, const std::string& detail) {
    std::printf("%s  %-52s %s\n", ok ? "PASS" : "FAIL", what.c_str(), detail.c_str());
    std::fflush(stdout);
    if (!ok) ++g_failed;
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

/// A ventricle phantom: bright blood-pool disc in a dark myocardial ring, on textured tissue,
/// already normalised as training expects.
TrainSample phantom(int size, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    TrainSample s{image::FloatImage(size, size), image::LabelMap(size, size)};
    const double cx = size / 2.0 + u(rng) * size * 0.12, cy = size / 2.0 + u(rng) * size * 0.12;
    const double r1 = size * (0.14 + 0.04 * u(rng)), r2 = r1 + size * (0.1 + 0.02 * u(rng));
    std::normal_distribution<float> noise(0.0f, 0.05f);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double d = std::hypot(x - cx, y - cy);
            float v = 0.45f;
            std::uint8_t l = image::label::Background;
            if (d < r1)
                v = 1.0f, l = image::label::BloodPool;
            else if (d < r2)
                v = 0.1f, l = image::label::Myocardium;
            s.image.at(x, y) = v + noise(rng);
            s.labels.at(x, y) = l;
        }
    return s;
}

double agreement(const image::LabelMap& a, const image::LabelMap& b) {
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i) same += a.data[i] == b.data[i];
    return static_cast<double>(same) / static_cast<double>(a.data.size());
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

void row(const std::string& what, const std::string& arch, int size, int batch,
         const std::string& setting, const BenchResult& r) {
    std::printf("| %-6s | %-28s | %4d | %5d | %-22s | %9.2f |\n", what.c_str(), arch.c_str(), size,
                batch, setting.c_str(), median(r.ms));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    std::string deviceName = "auto";
    bool quick = false, bench = true;
    int repeat = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--device" && i + 1 < argc)
            deviceName = argv[++i];
        else if (a == "--quick")
            quick = true;
        else if (a == "--no-bench")
            bench = false;
        else if (a == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr,
                         "usage: %s [--device auto|cpu|cuda] [--quick] [--no-bench] [--repeat N]\n",
                         argv[0]);
            return 2;
        }
    }
    DeviceChoice choice;
    std::string device;
    try {
        choice = parseDevice(deviceName);
        device = resolveDevice(choice);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    const torch::Device dev(device);
    if (!dev.is_cuda()) setCpuThreads(0);
    std::printf(
        "LibTorch %s, CUDA %s (%d device%s), running on %s%s\n", TORCH_VERSION,
        torch::cuda::is_available() ? "available" : "not available",
        static_cast<int>(torch::cuda::device_count()), torch::cuda::device_count() == 1 ? "" : "s",
        device.c_str(),
        dev.is_cuda() ? "" : (" with " + std::to_string(cpuThreads()) + " threads").c_str());

    // 1. The device computes what the CPU computes (fp32; TF32 off for the comparison).
    {
        at::globalContext().setAllowTF32CuDNN(false);
        at::globalContext().setAllowTF32CuBLAS(false);
        Model model = Model::create(configFromArch("deeplabv3-resnet18-w16-os8"), 5);
        auto net = model.impl()->net;
        net->eval();
        torch::NoGradGuard ng;
        const auto x = torch::randn({2, 1, 96, 96});
        const auto onCpu = net->forward(x);
        net->to(dev);
        const auto onDevice = net->forward(x.to(dev)).cpu();
        net->to(torch::kCPU);
        const double rel = ((onDevice - onCpu).norm() / onCpu.norm()).item<double>();
        check(rel < 1e-4, "forward pass on " + device + " equals the CPU's",
              fmt("relative error %.2e", rel));
        at::globalContext().setAllowTF32CuDNN(true);
        at::globalContext().setAllowTF32CuBLAS(true);
    }

    // 2. Training on the device learns a phantom (mixed precision on CUDA).
    const int size = quick ? 64 : 96;
    std::mt19937_64 rng(7);
    std::vector<TrainSample> validation;
    for (int i = 0; i < 6; ++i) validation.push_back(phantom(size, rng));
    Model model = Model::create(configFromArch("deeplabv3-resnet18-w8-os8"), 3);
    {
        TrainConfig tc;
        tc.iterations = quick ? 250 : 400;
        tc.batch = 8;
        tc.schedule.kind = engine::Schedule::Kind::Poly;
        tc.schedule.baseLr = 3e-3;
        tc.device = choice;
        tc.checkpointEvery = 0;
        BatchProvider provider = [size](std::int64_t it, int n, std::vector<TrainSample>& batch) {
            std::mt19937_64 r(1000 + static_cast<std::uint64_t>(it));
            batch.clear();
            for (int k = 0; k < n; ++k) batch.push_back(phantom(size, r));
        };
        const double before = validationDice(model, validation, choice);
        const auto outcome = train(model, tc, provider, {});
        const double after = validationDice(model, validation, choice);
        check(outcome.status == TrainOutcome::Status::Completed && outcome.device == device,
              "training runs on " + device,
              outcome.device + ", " + std::to_string(outcome.iterations) + " iterations in " +
                  fmt("%.1f s", outcome.seconds));
        check(after > 0.9 && after > before + 0.2, "training learns the phantom",
              fmt("Dice %.3f", before) + fmt(" -> %.3f", after));
    }

    // 3. Inference on the device (bf16 autocast on CUDA) labels as fp32 on the CPU does.
    {
        std::vector<image::FloatImage> images;
        for (const auto& s : validation) images.push_back(s.image);
        std::vector<const image::FloatImage*> ptrs;
        for (const auto& i : images) ptrs.push_back(&i);
        SegmentOptions cpuOptions;
        cpuOptions.device = DeviceChoice::Cpu;
        SegmentOptions devOptions;
        devOptions.device = choice;
        devOptions.batch = 4;
        Segmenter onCpu(model, cpuOptions), onDevice(model, devOptions);
        const auto a = onCpu.segment(ptrs), b = onDevice.segment(ptrs);
        double worst = 1.0;
        for (std::size_t i = 0; i < a.size(); ++i)
            worst = std::min(worst, agreement(a[i].labels, b[i].labels));
        check(worst > 0.995,
              "segmenting on " + device + (dev.is_cuda() ? " (bf16)" : "") + " agrees with the CPU",
              fmt("worst image: %.2f %% of pixels equal", worst * 100));
    }

    if (bench) {
        const int runs = quick ? 3 : repeat;
        std::printf("\nBenchmarks on %s (median ms of %d runs after warm-up)\n\n", device.c_str(),
                    runs);
        std::printf(
            "| what   | network                      | size | batch | setting                | "
            "median ms |\n");
        std::printf(
            "|--------|------------------------------|------|-------|------------------------|-----"
            "------|\n");
        const BenchOptions fast;
        BenchOptions plain =
            benchOptionsWithout("fold-bn,inference-mode,channels-last,mixed-precision");
        const std::string setting = dev.is_cuda() ? "bf16, channels-last" : "fp32";
        for (const std::string arch : {"torchvision-resnet50", "torchvision-resnet101"}) {
            const auto config = configFromArch(arch);
            if (dev.is_cuda())
                row("infer", arch, 256, 1, "fp32, plain",
                    benchInference(config, 256, 1, choice, runs, plain));
            row("infer", arch, 256, 1, setting, benchInference(config, 256, 1, choice, runs, fast));
            if (dev.is_cuda())
                row("train", arch, 256, 2, "fp32, plain",
                    benchTrainStep(config, 256, 2, choice, runs, plain));
            row("train", arch, 256, 2, setting, benchTrainStep(config, 256, 2, choice, runs, fast));
        }
        // The seed's network: DeepLab v3 ResNet-101 (1 channel, output stride 8), batch 2.
        const auto seed = configFromArch("deeplabv3-resnet101-os8");
        row("train", "deeplabv3-resnet101-os8", 256, 2, setting,
            benchTrainStep(seed, 256, 2, choice, runs, fast));

        // A 240-image study (256²) through the segmenter with the shipped model.
        const std::filesystem::path shipped =
            std::filesystem::path(CARDIOSEG_SOURCE_DIR) / "resources/models/default.pt";
        if (std::filesystem::exists(shipped)) {
            const Model def = Model::load(shipped);
            std::mt19937_64 r(11);
            std::vector<image::FloatImage> study;
            for (int i = 0; i < 240; ++i) study.push_back(phantom(256, r).image);
            std::vector<const image::FloatImage*> ptrs;
            for (const auto& i : study) ptrs.push_back(&i);
            SegmentOptions so;
            so.device = choice;
            Segmenter seg(def, so);
            BenchResult r240;
            for (int i = 0; i < (quick ? 2 : 6); ++i) {
                const auto t0 = std::chrono::steady_clock::now();
                seg.segment(ptrs);
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                        .count();
                if (i > 0) r240.ms.push_back(ms);
            }
            row("study", archName(def.config()), 256, 240, setting + ", 240 images", r240);
        }
    }
    std::printf("\n%s\n", g_failed ? "SOME CHECKS FAILED" : "all checks passed");
    return g_failed ? 1 : 0;
}
