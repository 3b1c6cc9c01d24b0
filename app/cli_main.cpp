// cardioseg-cli: the command-line contract of docs/CLI.md (see README).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cardioseg_version.h"
#include "cli_commands.h"
#include "cli_pacs.h"
#include "io/dicom_loader.h"
#include "io/resources.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace cardioseg;
using namespace cardioseg::cli;

namespace {

int fail(const std::string& message) {
    std::cerr << "cardioseg-cli: " << message << "\n";
    return kUsageError;
}

int runInfo(const std::string& path, bool asJson) {
    if (!fs::exists(path)) return fail(path + ": no such file or folder");
    io::LoadOptions opt;
    opt.decodePixels = false;
    const io::LoadResult r = io::loadDicom({path}, opt);
    if (r.series.empty()) {
        std::string why = r.skipped.empty() ? "no files" : r.skipped.front().file + ": " + r.skipped.front().reason;
        return fail(path + ": no DICOM image found (" + std::to_string(r.skipped.size()) +
                    " file(s) skipped; first: " + why + ")");
    }
    if (asJson) {
        json series = json::array();
        for (const auto& s : r.series)
            series.push_back({{"uid", s.info.seriesUid},
                              {"patient_id", s.info.patientId},
                              {"description", s.info.seriesDescription},
                              {"modality", s.info.modality},
                              {"rows", s.geometry.rows},
                              {"columns", s.geometry.columns},
                              {"slices", s.slices},
                              {"phases", s.phases},
                              {"images", s.imageCount()},
                              {"pixel_spacing", {s.geometry.rowSpacing, s.geometry.colSpacing}},
                              {"slice_spacing", s.geometry.sliceSpacing}});
        std::cout << json{{"series", series}, {"skipped", skippedJson(r.skipped)}}.dump(2) << "\n";
        return 0;
    }
    for (const auto& s : r.series) {
        std::printf("Series %s\n  patient %s, %s, \"%s\"\n  %d slices x %d phases = %zu images of %dx%d\n"
                    "  pixel spacing %.4g x %.4g mm, slice spacing %.4g mm\n",
                    s.info.seriesUid.c_str(), s.info.patientId.c_str(), s.info.modality.c_str(),
                    s.info.seriesDescription.c_str(), s.slices, s.phases, s.imageCount(),
                    s.geometry.columns, s.geometry.rows, s.geometry.rowSpacing, s.geometry.colSpacing,
                    s.geometry.sliceSpacing);
    }
    if (!r.skipped.empty()) {
        std::printf("Skipped %zu file(s):\n", r.skipped.size());
        for (const auto& s : r.skipped) std::printf("  %s: %s\n", s.file.c_str(), s.reason.c_str());
    }
    return 0;
}

int runBenchLoad(std::string input, int threads, int repeats, bool asJson) {
    if (input.empty()) input = io::sampleStudyDir().string();
    if (!fs::exists(input)) return fail(input + ": no such file or folder");
    io::LoadOptions opt;
    opt.threads = threads;
    std::vector<double> ms;
    std::size_t images = 0;
    int size = 0;
    for (int i = 0; i < repeats + 1; ++i) {  // the first run warms the file cache
        const auto t0 = std::chrono::steady_clock::now();
        const io::LoadResult r = io::loadDicom({input}, opt);
        const auto t1 = std::chrono::steady_clock::now();
        if (r.series.empty()) return fail(input + ": no DICOM image found");
        images = 0;
        for (const auto& s : r.series) images += s.imageCount();
        size = r.series.front().geometry.rows;
        if (i > 0) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    const double med = median(ms);
    const int usedThreads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (asJson) {
        std::cout << json{{"what", "load"}, {"arch", nullptr}, {"size", size}, {"batch", images},
                          {"threads", usedThreads}, {"device", "cpu"}, {"median_ms", med},
                          {"n", repeats}}.dump(2)
                  << "\n";
    } else {
        std::printf("load: %zu images of %dx%d, %d threads: median %.1f ms over %d runs\n", images, size,
                    size, usedThreads, med, repeats);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"CardioSeg command line: inspect, segment, evaluate and train on cardiac MRI"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "cardioseg-cli " CARDIOSEG_VERSION);

    bool json = false;
    std::string infoPath;
    auto* info = app.add_subcommand("info", "Describe the DICOM series found in a file or folder");
    info->add_option("path", infoPath, "DICOM file, folder (searched recursively) or DICOMDIR")->required();
    info->add_flag("--json", json, "Print one JSON object on stdout");

    auto* bench = app.add_subcommand("bench", "Benchmarks (medians over repeated runs after warm-up)");
    bench->require_subcommand(1);
    std::string benchInput;
    int threads = 0, repeats = 5;
    auto* benchLoad = bench->add_subcommand(
        "load", "Read, sort and decode every image of a study to float32 (default: the sample study)");
    benchLoad->add_option("--input", benchInput, "DICOM file or folder");
    benchLoad->add_option("--threads", threads, "Decoder threads (0: one per core)")->check(CLI::NonNegativeNumber);
    benchLoad->add_option("--repeat", repeats, "Timed runs after one warm-up run")->check(CLI::PositiveNumber);
    benchLoad->add_flag("--json", json, "Print one JSON object on stdout");

    PacsArgs pacsArgs;
    addPacsCommand(app, pacsArgs);

#ifdef CARDIOSEG_HAVE_ENGINE
    TrainArgs trainArgs;
    addTrainCommand(app, trainArgs);
    MeasureArgs measureArgs;
    addMeasureCommand(app, measureArgs);
    FinetuneArgs finetuneArgs;
    addFinetuneCommand(app, finetuneArgs);
    EvaluateArgs evaluateArgs;
    addEvaluateCommand(app, evaluateArgs);
    SegmentArgs segmentArgs;
    addSegmentCommand(app, segmentArgs);
    SuggestArgs suggestArgs;
    addSuggestCommand(app, suggestArgs);
    QuantizeArgs quantizeArgs;
    addQuantizeCommand(app, quantizeArgs);
    BenchArgs benchArgs;
    addBenchEngineCommands(*bench, benchArgs);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "cardioseg-cli: " << e.what() << " (see --help)\n";
        return kUsageError;
    }

    try {
        if (info->parsed()) return runInfo(infoPath, json);
        if (benchLoad->parsed()) return runBenchLoad(benchInput, threads, repeats, json);
        if (app.got_subcommand("pacs")) return runPacs(pacsArgs);
#ifdef CARDIOSEG_HAVE_ENGINE
        if (app.got_subcommand("train")) return runTrain(trainArgs);
        if (app.got_subcommand("finetune")) return runFinetune(finetuneArgs);
        if (app.got_subcommand("measure")) return runMeasure(measureArgs);
        if (app.got_subcommand("evaluate")) return runEvaluate(evaluateArgs);
        if (app.got_subcommand("segment")) return runSegment(segmentArgs);
        if (app.got_subcommand("suggest")) return runSuggest(suggestArgs);
        if (app.got_subcommand("quantize")) return runQuantize(quantizeArgs);
        for (const char* what : {"infer", "train", "study", "calibrate", "allreduce"})
            if (bench->got_subcommand(what)) return runBenchEngine(what, benchArgs);
#endif
    } catch (const UsageError& e) {
        return fail(e.what());
    } catch (const std::exception& e) {
        std::cerr << "cardioseg-cli: " << e.what() << "\n";
        return 1;
    }
    return kUsageError;
}
