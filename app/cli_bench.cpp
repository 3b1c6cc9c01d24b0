// cardioseg-cli bench infer|train|study|calibrate.
#include "cli_commands.h"

#include <cstdio>
#include <thread>

#include "engine/benchmark.h"
#include "engine/calibration.h"
#include "engine/blas.h"
#include "engine/roofline.h"
#include "engine/segmenter.h"
#include "io/dicom_loader.h"
#include "io/resources.h"
#include "training/segment_series.h"

namespace cardioseg::cli {

void addBenchEngineCommands(CLI::App& bench, BenchArgs& a) {
    {
        auto* cmd = bench.add_subcommand(
            "allreduce", "Sum a model's gradients over processes (every rank runs it; as train's --world-size, --rank, --master)");
        cmd->add_option("--arch", a.arch, "Architecture whose parameter count is summed (default: the default model's)");
        cmd->add_option("--world-size", a.worldSize, "Processes (default: WORLD_SIZE)")->check(CLI::Range(2, 4096));
        cmd->add_option("--rank", a.rank, "This process's rank (default: RANK)")->check(CLI::NonNegativeNumber);
        cmd->add_option("--master", a.master, "HOST:PORT of rank 0 (default: MASTER_ADDR:MASTER_PORT, else 127.0.0.1:29500)");
        cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
        cmd->add_option("--repeat", a.repeat, "Timed all-reduces after warm-up")->check(CLI::PositiveNumber);
        cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
    }
    for (const char* what : {"infer", "train", "study", "calibrate"}) {
        const std::string w = what;
        auto* cmd = bench.add_subcommand(
            w, w == "infer"   ? "One forward pass on random input (batch N)"
               : w == "train" ? "One optimiser step on random data (batch N)"
               : w == "study" ? "Segment every image of a study with the default model (default: the sample study)"
                              : "How the segmenter runs on this machine: every configuration timed once per machine, "
                                "LibTorch version, architecture and thread count, and cached");
        if (w == "calibrate") {
            cmd->add_option("--arch", a.arch, "Architecture (default: the default model's)");
            cmd->add_option("--size", a.calibrateSize, "Square input timed (default 128: the region around the ventricle)")
                ->check(CLI::Range(32, 1024));
            cmd->add_flag("--again", a.again, "Measure again and replace the cached calibration");
            cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
            cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
            continue;
        }
        if (w == "study") {
            cmd->add_option("--input", a.input, "DICOM file or folder");
            cmd->add_flag("--full-image", a.fullImage,
                          "Run the network on whole images (default: on a region around the left ventricle)");
            cmd->add_flag("--fp32", a.fp32,
                          "fp32 throughout (default: as the calibration chose: int8 or bf16 where faster)");
        } else {
            cmd->add_option("--arch", a.arch, "Architecture, e.g. deeplabv3-resnet18-w24-os8, torchvision-resnet50 (default: the default model's)");
            cmd->add_option("--size", a.size, "Image size (square)")->check(CLI::PositiveNumber);
            cmd->add_option("--batch", a.batch, "Images per pass")->check(CLI::PositiveNumber);
            cmd->add_option("--without", a.without,
                            "Optimisations to leave out, to see what each brings: fold-bn, inference-mode, "
                            "channels-last, mixed-precision (comma-separated)");
        }
        cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
        cmd->add_option("--device", a.device, "auto|cpu|cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
        cmd->add_option("--repeat", a.repeat, "Timed runs after warm-up")->check(CLI::PositiveNumber);
        cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
    }
}

namespace {

/// How far from the CPU's fp32 peak `flops` operations in `ms` are.
nlohmann::json roofline(double flops, double ms, int threads) {
    const engine::CpuPeak peak = engine::cpuPeak(threads);
    const double gflops = ms > 0 ? flops / (ms * 1e6) : 0.0;
    return {{"gflop", flops / 1e9},
            {"gflops", gflops},
            {"cpu", peak.model},
            {"isa", peak.isa},
            {"peak_gflops", peak.gflops()},
            {"peak_fraction", peak.gflops() > 0 ? gflops / peak.gflops() : 0.0},
            {"peak_formula", std::to_string(peak.cores) + " cores x " + std::to_string(peak.fmaPipes) + " FMA x " +
                                 std::to_string(peak.lanes) + " lanes x 2 x " + std::to_string(peak.ghz) + " GHz"}};
}

/// Said on stderr when LibTorch's BLAS is the reference one: single-threaded 1 x 1
/// convolutions go through it, and it made the sample study twice as slow here.
void warnAboutReferenceBlas(const engine::BlasInfo& blas) {
    if (blas.optimised) return;
    std::fprintf(stderr,
                 "note: LibTorch runs on the %s (%s); installing an optimised one "
                 "(Debian: libopenblas0-pthread) makes segmentation up to twice as fast\n",
                 blas.name.c_str(), blas.library.empty() ? "no library found" : blas.library.c_str());
}

int runCalibrate(const BenchArgs& a) {
    engine::setCpuThreads(a.threads);
    const int threads = engine::cpuThreads();
    engine::ModelConfig config;
    try {
        config = a.arch.empty() ? loadModelOrDefault("").config() : engine::configFromArch(a.arch);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--arch: ") + e.what());
    }
    const auto c = engine::engineCalibration(config, threads, a.calibrateSize, a.again);
    const engine::BlasInfo blas = engine::blasInUse();  // as the calibration left it
    warnAboutReferenceBlas(blas);
    const double flops = engine::forwardFlops(config, c.size, c.size);
    const bool timed = c.plainMs > 0;
    if (a.json) {
        nlohmann::json runs = nlohmann::json::array();
        for (const auto& r : c.runs)
            runs.push_back({{"configuration", r.choice.name()},
                            {"channels_last", r.choice.channelsLast},
                            {"bf16", r.choice.bf16},
                            {"int8", r.choice.int8},
                            {"images_at_once", r.choice.parallelImages},
                            {"ms_per_image", r.msPerImage},
                            {"roofline", roofline(flops, r.msPerImage, threads)}});
        std::cout << nlohmann::json{{"key", c.key},
                                    {"cache_file", c.cacheFile},
                                    {"from_cache", c.fromCache},
                                    {"threads", c.threads},
                                    {"size", c.size},
                                    {"blas", blas.name},
                                    {"choice", c.best.name()},
                                    {"choice_without_int8", c.bestFloat.name()},
                                    {"ms_per_image", c.bestMs},
                                    {"plain_ms_per_image", c.plainMs},
                                    {"speedup_over_plain", timed && c.bestMs > 0 ? c.plainMs / c.bestMs : 1.0},
                                    {"runs", runs}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::printf("%s\nBLAS: %s\n%s%s\n", c.key.c_str(), blas.name.c_str(), c.fromCache ? "from the cache " : "measured now, cached in ",
                c.cacheFile.c_str());
    nlohmann::json line;
    for (const auto& r : c.runs) {
        line = roofline(flops, r.msPerImage, threads);
        std::printf("  %-44s %7.1f ms an image  %5.1f GFLOP/s  %3.0f %% of peak%s\n", r.choice.name().c_str(),
                    r.msPerImage, line["gflops"].get<double>(), 100 * line["peak_fraction"].get<double>(),
                    r.choice.int8 ? " (int8: the fp32 rate it equals)" : "");
    }
    std::printf("chosen: %s (%.2fx the plain configuration; int8 for models that carry int8 ranges, else %s); "
                "fp32 peak %.0f GFLOP/s (%s), %.2f GFLOP an image\n",
                c.best.name().c_str(), timed && c.bestMs > 0 ? c.plainMs / c.bestMs : 1.0, c.bestFloat.name().c_str(),
                line["peak_gflops"].get<double>(), line["isa"].get<std::string>().c_str(), flops / 1e9);
    return 0;
}

}  // namespace

int runBenchEngine(const std::string& what, const BenchArgs& a) {
    if (what == "calibrate") return runCalibrate(a);
    if (what == "allreduce") return runBenchAllreduce(a);
    engine::setCpuThreads(a.threads);
    const int threads = engine::cpuThreads();
    const auto device = engine::parseDevice(a.device);
    std::vector<double> ms;
    std::string arch, deviceName, configuration;
    int size = a.size, batch = a.batch;
    if (what == "study") {
        const std::string input = a.input.empty() ? io::sampleStudyDir().string() : a.input;
        if (!std::filesystem::exists(input)) throw UsageError(input + ": no such file or folder");
        const engine::Model model = loadModelOrDefault("");
        arch = engine::archName(model.config());
        const auto loaded = io::loadDicom({input});
        if (loaded.series.empty()) throw UsageError(input + ": no DICOM image found");
        size = loaded.series.front().geometry.rows;
        batch = 0;
        for (const auto& s : loaded.series) batch += static_cast<int>(s.imageCount());
        engine::SegmentOptions so;
        so.device = device;
        so.threads = a.threads;
        so.regionOfInterest = !a.fullImage;
        so.int8 = so.mixedPrecision = !a.fp32;
        engine::Segmenter segmenter(model, so);
        deviceName = segmenter.device();
        configuration = segmenter.configuration() + (a.fullImage ? ", whole images" : ", region around the ventricle");
        for (int i = 0; i < a.repeat + 1; ++i) {  // one warm-up
            const double t0 = nowSeconds();
            for (const auto& s : loaded.series) training::segmentSeries(segmenter, s);
            if (i > 0) ms.push_back((nowSeconds() - t0) * 1000);
        }
    } else {
        engine::ModelConfig config;
        try {
            config = a.arch.empty() ? loadModelOrDefault("").config() : engine::configFromArch(a.arch);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--arch: ") + e.what());
        }
        arch = engine::archName(config);
        engine::BenchOptions options;
        try {
            options = engine::benchOptionsWithout(a.without);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--without: ") + e.what());
        }
        if (what == "infer" && engine::resolveDevice(device) == "cpu" && a.without.find("channels-last") == std::string::npos) {
            // Memory format and precision as this machine's calibration found fastest for one
            // image at a time (measured at this size the first time, then cached).
            const auto c = engine::engineCalibration(config, threads, size);
            const engine::Calibration::Run* best = nullptr;
            for (const auto& r : c.runs)
                if (r.choice.parallelImages <= 1 && !r.choice.int8 && (!best || r.msPerImage < best->msPerImage))
                    best = &r;
            if (best && best->msPerImage > 0) {
                options.channelsLast = best->choice.channelsLast;
                options.mixedPrecision = options.mixedPrecision && best->choice.bf16;
                configuration = "calibrated: " + best->choice.name();
            }
        }
        const auto r = what == "infer" ? engine::benchInference(config, size, batch, device, a.repeat, options)
                                       : engine::benchTrainStep(config, size, batch, device, a.repeat, options);
        ms = r.ms;
        deviceName = r.device;
    }
    const double med = median(ms);
    const engine::BlasInfo blas = engine::blasInUse();  // as the run left it (a segmenter sets its threads)
    warnAboutReferenceBlas(blas);
    // The roofline of the network benchmarks: a training step counts three forward passes
    // (forward, and the two products of the backward pass).
    nlohmann::json line;
    if (what != "study" && deviceName == "cpu")
        line = roofline((what == "train" ? 3.0 : 1.0) * batch * engine::forwardFlops(engine::configFromArch(arch), size, size),
                        med, threads);
    if (a.json) {
        nlohmann::json out{{"what", what},     {"arch", arch},         {"size", size},
                           {"batch", batch},   {"threads", threads},   {"device", deviceName},
                           {"median_ms", med}, {"n", static_cast<int>(ms.size())}, {"blas", blas.name}};
        if (!line.is_null()) out["roofline"] = line;
        if (!configuration.empty()) out["configuration"] = configuration;
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf("%s: %s, %dx%d, batch %d, %d threads, %s: median %.1f ms over %zu runs\n", what.c_str(),
                    arch.c_str(), size, size, batch, threads, deviceName.c_str(), med, ms.size());
        if (!line.is_null())
            std::printf("  %.2f GFLOP, %.1f GFLOP/s: %.0f %% of this CPU's peak (%s)\n", line["gflop"].get<double>(),
                        line["gflops"].get<double>(), 100 * line["peak_fraction"].get<double>(),
                        line["peak_formula"].get<std::string>().c_str());
        if (!configuration.empty()) std::printf("  %s\n", configuration.c_str());
        std::printf("  BLAS: %s\n", blas.name.c_str());
    }
    return 0;
}

}  // namespace cardioseg::cli
