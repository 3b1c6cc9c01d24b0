// cardioseg-cli bench infer|train|study.
#include "cli_commands.h"

#include <cstdio>
#include <thread>

#include "engine/benchmark.h"
#include "engine/segmenter.h"
#include "io/dicom_loader.h"
#include "io/resources.h"
#include "training/segment_series.h"

namespace cardioseg::cli {

void addBenchEngineCommands(CLI::App& bench, BenchArgs& a) {
    for (const char* what : {"infer", "train", "study"}) {
        const std::string w = what;
        auto* cmd = bench.add_subcommand(
            w, w == "infer"   ? "One forward pass on random input (batch N)"
               : w == "train" ? "One optimiser step on random data (batch N)"
                              : "Segment every image of a study with the default model (default: the sample study)");
        if (w == "study") {
            cmd->add_option("--input", a.input, "DICOM file or folder");
        } else {
            cmd->add_option("--arch", a.arch, "deeplabv3-resnet18-w16-os8 (default model's), torchvision-resnet50, ...");
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

int runBenchEngine(const std::string& what, const BenchArgs& a) {
    engine::setCpuThreads(a.threads);
    const int threads = engine::cpuThreads();
    const auto device = engine::parseDevice(a.device);
    std::vector<double> ms;
    std::string arch, deviceName;
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
        engine::Segmenter segmenter(model, so);
        deviceName = segmenter.device();
        for (int i = 0; i < a.repeat + 1; ++i) {  // one warm-up
            const double t0 = nowSeconds();
            for (const auto& s : loaded.series) training::segmentSeries(segmenter, s);
            if (i > 0) ms.push_back((nowSeconds() - t0) * 1000);
        }
    } else {
        engine::ModelConfig config;
        try {
            config = engine::configFromArch(a.arch.empty() ? "deeplabv3-resnet18-w16-os8" : a.arch);
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
        const auto r = what == "infer" ? engine::benchInference(config, size, batch, device, a.repeat, options)
                                       : engine::benchTrainStep(config, size, batch, device, a.repeat, options);
        ms = r.ms;
        deviceName = r.device;
    }
    const double med = median(ms);
    if (a.json) {
        std::cout << nlohmann::json{{"what", what},     {"arch", arch},         {"size", size},
                                    {"batch", batch},   {"threads", threads},   {"device", deviceName},
                                    {"median_ms", med}, {"n", static_cast<int>(ms.size())}}
                         .dump(2)
                  << "\n";
    } else {
        std::printf("%s: %s, %dx%d, batch %d, %d threads, %s: median %.1f ms over %zu runs\n", what.c_str(),
                    arch.c_str(), size, size, batch, threads, deviceName.c_str(), med, ms.size());
    }
    return 0;
}

}  // namespace cardioseg::cli
