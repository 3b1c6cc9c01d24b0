// cardioseg-cli segment: run a model on every image of a study and export the masks.
#include "cli_commands.h"

#include <algorithm>
#include <cstdio>

#include "engine/segmenter.h"
#include "analysis/series_export.h"
#include "cli_report.h"
#include "io/dicom_loader.h"
#include "io/resources.h"
#include "io/written_files.h"
#include "training/segment_series.h"

namespace fs = std::filesystem;

namespace cardioseg::cli {

void addSegmentCommand(CLI::App& app, SegmentArgs& a) {
    auto* cmd = app.add_subcommand("segment", "Segment the LV blood pool and myocardium of a study and export masks");
    cmd->add_option("--input", a.input, "DICOM file or folder")->required();
    cmd->add_option("--output", a.output, "Folder for the masks")->required();
    cmd->add_option("--model", a.model, "Model file (default: the shipped model)");
    cmd->add_option("--series", a.series, "Series Instance UID (default: every series)");
#ifdef CARDIOSEG_CLI_REPORT
    cmd->add_option("--format", a.formats,
                    "png, nifti, dicom-seg, dicom-sr (EDV, ESV, EF and mass as a TID 1500 report, for a PACS) and/or "
                    "report (the PDF report, and the same as Encapsulated PDF)")
        ->expected(1, -1)
        ->check(CLI::IsMember({"png", "nifti", "dicom-seg", "dicom-sr", "report"}));
#else
    cmd->add_option("--format", a.formats,
                    "png, nifti, dicom-seg and/or dicom-sr (EDV, ESV, EF and mass as a TID 1500 report, for a PACS)")
        ->expected(1, -1)
        ->check(CLI::IsMember({"png", "nifti", "dicom-seg", "dicom-sr"}));
#endif
    cmd->add_option("--device", a.device, "auto|cpu|cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--fp32", a.fp32, "Compute in fp32 throughout (default: bf16 where the GPU or CPU has it natively, int8 where the calibration found it faster and the model carries int8 ranges)");
    cmd->add_option("--batch", a.batch, "Images per forward pass (default: 1 on the CPU, 32 on CUDA)")->check(CLI::PositiveNumber);
    cmd->add_flag("--no-postprocess", a.noPostprocess, "Keep the network's raw output");
    cmd->add_flag("--no-coverage", a.noCoverage,
                  "Keep labels outside the left ventricle's coverage (above its base, beyond its apex)");
    cmd->add_flag("--full-image", a.fullImage,
                  "Run the network on whole images (default: on a region around the left ventricle, found once "
                  "per series)");
    cmd->add_flag("--deidentify", a.deidentify,
                  "De-identify the outputs (DICOM PS3.15 Basic Profile: no patient identity, new UIDs); what is "
                  "printed names no source value either");
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
}

int runSegment(const SegmentArgs& a) {
    if (!fs::exists(a.input)) throw UsageError(a.input + ": no such file or folder");
    const engine::Model model = loadModelOrDefault(a.model);
    const std::string modelName = a.model.empty() ? io::defaultModelPath().string() : a.model;
    const double t0 = nowSeconds();
    io::LoadOptions lo;
    lo.threads = a.threads;
    auto loaded = io::loadDicom({a.input}, lo);
    std::vector<image::CineSeries*> chosen;
    for (auto& s : loaded.series)
        if (a.series.empty() || s.info.seriesUid == a.series) chosen.push_back(&s);
    if (chosen.empty())
        throw UsageError(a.input + (a.series.empty() ? ": no DICOM image found" : ": no series " + a.series));

    engine::SegmentOptions so;
    so.device = engine::parseDevice(a.device);
    so.threads = a.threads;
    so.mixedPrecision = !a.fp32;
    so.int8 = !a.fp32;
    so.batch = a.batch;
    so.regionOfInterest = !a.fullImage;
    engine::Segmenter segmenter(model, so);
#ifdef CARDIOSEG_CLI_REPORT
    const auto qt = std::find(a.formats.begin(), a.formats.end(), "report") != a.formats.end() ? reportApplication()
                                                                                                : nullptr;
#endif
    nlohmann::json outputs = nlohmann::json::array();
    std::vector<std::string> warnings;  // source values the DICOM SEG left out or repaired
    nlohmann::json coverage = nlohmann::json::object();  // per series: [base, apex] per phase
    std::size_t images = 0;
    for (auto* series : chosen) {
        const fs::path dir = chosen.size() == 1 ? fs::path(a.output)
                                                : fs::path(a.output) / ("series_" + std::to_string(series->info.seriesNumber));
        auto segmented = training::segmentSeriesWithCoverage(segmenter, *series, !a.noCoverage && !a.noPostprocess,
                                                             !a.noPostprocess, StderrProgress("segment"));
        const image::SeriesLabels labels = std::move(segmented->labels);  // StderrProgress never cancels
        // De-identified, a series is named by its number, not by its UID.
        coverage[a.deidentify ? "series_" + std::to_string(series->info.seriesNumber) : series->info.seriesUid] =
            coverageJson(segmented->coverage);
        images += labels.labelledCount();
        // The workstation's export path: the same files, names and DICOM SEG.
        analysis::ExportInput input;
        input.series = std::shared_ptr<const image::CineSeries>(std::shared_ptr<void>(), series);  // not owned
        input.prediction = labels;
        input.algorithmName = analysis::algorithmName(engine::archName(model.config()), modelName);
        analysis::ExportOptions options;
        options.folder = dir;
        options.source = analysis::LabelSource::Prediction;
        options.png = options.nifti = options.dicomSeg = false;
        bool report = false;
        for (const auto& format : a.formats)
            (format == "png"         ? options.png
             : format == "nifti"     ? options.nifti
             : format == "dicom-seg" ? options.dicomSeg
             : format == "dicom-sr"  ? options.measurementsSr
                                     : report) = true;
        options.deidentify = a.deidentify;
        analysis::ExportResult result;
        if (options.png || options.nifti || options.dicomSeg || options.measurementsSr || !report)
            result = analysis::exportSeries(input, options, {});
#ifdef CARDIOSEG_CLI_REPORT
        if (report && result.error.empty()) {
            try {
                const auto written = writeReportFiles(dir, input.series, labels, modelName, a.deidentify, result.warnings);
                result.files.insert(result.files.end(), written.begin(), written.end());
            } catch (const std::exception& e) {
                result.error = std::string(e.what()) + (result.files.empty() ? std::string(" (nothing was written)")
                                                                            : " (written before the failure: " +
                                                                                  io::describeWrittenFiles(result.files) + ")");
            }
        }
#endif
        for (const auto& note : result.warnings) {
            std::fprintf(stderr, "segment: %s\n", note.c_str());
            warnings.push_back(note);
        }
        if (!result.error.empty()) {
            // The error says what of this series was written; the earlier series' files are complete too.
            std::vector<std::string> earlier;
            for (const auto& o : outputs) earlier.push_back(o.get<std::string>());
            throw std::runtime_error(result.error + (earlier.empty() ? std::string()
                                                                     : " (earlier series written: " +
                                                                           io::describeWrittenFiles(earlier) + ")"));
        }
        for (const auto& f : result.files) outputs.push_back(f);
    }
    const double seconds = nowSeconds() - t0;
    if (a.json) {
        std::cout << nlohmann::json{{"images", images},
                                    {"seconds", seconds},
                                    {"device", segmenter.device()},
                                    {"model", modelName},
                                    {"outputs", outputs},
                                    {"warnings", warnings},
                                    {"coverage", coverage},
                                    {"skipped", skippedJson(loaded.skipped)}}
                         .dump(2)
                  << "\n";
    } else {
        std::printf("Segmented %zu images in %.1f s on %s; %zu file(s) written under %s\n", images, seconds,
                    segmenter.device().c_str(), outputs.size(), a.output.c_str());
    }
    return 0;
}

}  // namespace cardioseg::cli
