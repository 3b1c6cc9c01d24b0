#include "engine/calibration.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "engine/accelerator.h"
#include "engine/blas.h"
#include "engine/int8.h"
#include "engine/roofline.h"

namespace cardioseg::engine {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

fs::path cacheFile() {
    if (const char* d = std::getenv("CARDIOSEG_CACHE_DIR"); d && *d)
        return fs::path(d) / "engine-calibration.tsv";
    if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d)
        return fs::path(d) / "CardioSeg" / "engine-calibration.tsv";
    if (const char* h = std::getenv("HOME"); h && *h)
        return fs::path(h) / ".cache" / "CardioSeg" / "engine-calibration.tsv";
    return fs::temp_directory_path() / "CardioSeg" / "engine-calibration.tsv";
}

/// Milliseconds per image of `choice`: `workers` threads (one core each) or one thread with
/// every core, each forward pass on one image, repeated until the timing settles.
double timeChoice(FoldedDeepLab& net, const Int8DeepLab* int8, const ModelConfig& config, int threads, int size,
                  const EngineChoice& choice) {
    if (!choice.int8) setChannelsLast(*net, choice.channelsLast);
    const auto format =
        choice.channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    const int workers = std::max(1, choice.parallelImages);
    auto pass = [&](const torch::Tensor& x) {
        if (choice.int8) return int8->forward(x).argmax(1);
        AutocastGuard autocast(choice.bf16, torch::Device(torch::kCPU));
        return net->forward(x).argmax(1);
    };
    // Each worker: one warm-up pass, then `runs` timed ones; the wall time over all images.
    auto round = [&](int runs) {
        std::vector<std::thread> pool;
        std::mutex m;
        Clock::time_point start;
        int ready = 0;
        auto work = [&](int perThreadThreads) {
            at::set_num_threads(perThreadThreads);
            c10::InferenceMode guard;
            const auto x = torch::randn({1, config.inChannels, size, size}).contiguous(format);
            pass(x);
            {
                std::lock_guard<std::mutex> lock(m);
                if (++ready == workers) start = Clock::now();
            }
            while (true) {
                std::lock_guard<std::mutex> lock(m);
                if (ready == workers) break;
            }
            for (int r = 0; r < runs; ++r) pass(x);
        };
        if (workers == 1) {
            work(threads);
        } else {
            for (int t = 0; t < workers; ++t) pool.emplace_back(work, 1);
            for (auto& t : pool) t.join();
        }
        return seconds(start) * 1000.0 / (static_cast<double>(runs) * workers);
    };
    const double first = round(1);
    // About a quarter of a second of timed passes, at least three each.
    const int runs = std::clamp(static_cast<int>(250.0 / std::max(1.0, first * workers)), 3, 20);
    const double ms = std::min(first, round(runs));
    at::set_num_threads(threads);
    return ms;
}

std::string serialise(const Calibration& c) {
    std::ostringstream out;
    out.precision(17);  // read back exactly
    out << c.key << '\t' << c.runs.size();
    for (const auto& r : c.runs)
        out << '\t' << r.choice.channelsLast << ' ' << r.choice.bf16 << ' ' << r.choice.int8 << ' '
            << r.choice.parallelImages << ' ' << r.msPerImage;
    return out.str();
}

bool parse(const std::string& line, Calibration& c) {
    std::istringstream in(line);
    std::string key, count;
    if (!std::getline(in, key, '\t') || key != c.key || !std::getline(in, count, '\t'))
        return false;
    c.runs.clear();
    for (std::string field; std::getline(in, field, '\t');) {
        std::istringstream f(field);
        Calibration::Run r;
        if (!(f >> r.choice.channelsLast >> r.choice.bf16 >> r.choice.int8 >> r.choice.parallelImages >>
              r.msPerImage))
            return false;
        c.runs.push_back(r);
    }
    return !c.runs.empty() && std::to_string(c.runs.size()) == count;
}

void pickBest(Calibration& c) {
    const Calibration::Run* best = nullptr;
    const Calibration::Run* bestFloat = nullptr;
    const Calibration::Run* bestFp32 = nullptr;
    for (const auto& r : c.runs) {
        if (!best || r.msPerImage < best->msPerImage) best = &r;
        if (!r.choice.int8 && (!bestFloat || r.msPerImage < bestFloat->msPerImage)) bestFloat = &r;
        if (!r.choice.int8 && !r.choice.bf16 && (!bestFp32 || r.msPerImage < bestFp32->msPerImage)) bestFp32 = &r;
    }
    c.best = best->choice;
    c.bestMs = best->msPerImage;
    c.bestFloat = bestFloat ? bestFloat->choice : c.runs.front().choice;
    c.bestFloatMs = bestFloat ? bestFloat->msPerImage : c.runs.front().msPerImage;
    c.bestFp32 = bestFp32 ? bestFp32->choice : c.runs.front().choice;
    c.plainMs = c.runs.front().msPerImage;
}

}  // namespace

std::string EngineChoice::name() const {
    std::ostringstream out;
    if (int8)
        out << "int8, ";
    else
        out << (channelsLast ? "channels-last" : "NCHW") << ", " << (bf16 ? "bf16" : "fp32") << ", ";
    if (parallelImages > 1)
        out << parallelImages << " images at once";
    else
        out << "one image at a time";
    return out.str();
}

EngineChoice fixedEngineChoice(int threads) {
    return {true, cpuHasNativeBf16(), false, std::max(1, threads)};
}

std::string calibrationKey(const ModelConfig& config, int threads, int size) {
    const CpuPeak cpu = cpuPeak(threads);
    std::ostringstream key;
    // The BLAS counts: LibTorch runs single-threaded 1 x 1 convolutions through it.
    const BlasInfo blas = blasInUse();
    key << cpu.model << " | " << cpu.isa << (cpuHasNativeBf16() ? "+bf16" : "") << (cpuHasInt8Dot() ? "+vnni" : "")
        << " | LibTorch "
        << TORCH_VERSION << " | " << (blas.library.empty() ? blas.name : blas.library) << " | "
        << archName(config) << " | " << threads << " threads | " << size << " px | "
        << (int8Supported() ? "int8" : "no int8");
    return key.str();
}

Calibration calibrate(const ModelConfig& config, int threads, int size) {
    Calibration c;
    c.threads = std::max(1, threads);
    c.size = size;
    c.key = calibrationKey(config, c.threads, size);
    keepBlasSingleThreaded();
    torch::manual_seed(0);
    FoldedDeepLab net = foldBatchNorm(DeepLabV3(config));
    std::vector<EngineChoice> choices;
    const std::vector<bool> precisions =
        cpuHasNativeBf16() ? std::vector<bool>{false, true} : std::vector<bool>{false};
    const std::vector<int> atOnce = c.threads > 1 ? std::vector<int>{1, c.threads} : std::vector<int>{1};
    for (bool bf16 : precisions)
        for (int parallel : atOnce)
            for (bool channelsLast : {false, true})
                choices.push_back({channelsLast, bf16, false, parallel});
    // int8 with activation ranges observed on random input: the same arithmetic as a trained
    // model's (the timing does not depend on the values).
    std::unique_ptr<Int8DeepLab> int8;
    if (int8Supported()) {
        std::vector<ActivationRange> ranges;
        observeActivations(net, torch::randn({1, config.inChannels, size, size}), ranges);
        int8 = std::make_unique<Int8DeepLab>(net, ranges);
        for (int parallel : atOnce) choices.push_back({true, false, true, parallel});
    }
    for (const auto& choice : choices)
        c.runs.push_back({choice, timeChoice(net, int8.get(), config, c.threads, size, choice)});
    pickBest(c);
    return c;
}

Calibration engineCalibration(const ModelConfig& config, int threads, int size, bool remeasure) {
    static std::mutex mutex;  // one calibration at a time; the file written whole
    std::lock_guard<std::mutex> lock(mutex);
    Calibration c;
    c.threads = std::max(1, threads);
    c.size = size;
    if (const char* off = std::getenv("CARDIOSEG_CALIBRATION"); off && std::string(off) == "off") {
        c.key = "fixed defaults";
        c.runs.push_back({fixedEngineChoice(c.threads), 0.0});
        pickBest(c);
        return c;
    }
    c.key = calibrationKey(config, c.threads, size);
    const fs::path file = cacheFile();
    c.cacheFile = file.string();
    std::vector<std::string> kept;
    {
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            if (!remeasure && parse(line, c)) {
                pickBest(c);
                c.fromCache = true;
                return c;
            }
            if (line.rfind(c.key + '\t', 0) != 0) kept.push_back(line);
        }
    }
    Calibration measured = calibrate(config, c.threads, size);
    measured.cacheFile = c.cacheFile;
    kept.push_back(serialise(measured));
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp);
        for (const auto& line : kept) out << line << '\n';
    }
    fs::rename(tmp, file, ec);  // a cache: a failure to write only means measuring again
    if (ec) fs::remove(tmp, ec);
    return measured;
}

}  // namespace cardioseg::engine
