// cardioseg-cli measure: LV volumes, ejection fraction and mass of a cine short-axis series,
// from its labels (PNG masks or NIfTI, as `segment` and the workstation write them) or from
// the model's.
#include "cli_commands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/coverage.h"
#include "analysis/function.h"
#include "engine/segmenter.h"
#include "io/dicom_loader.h"
#include "io/nifti_masks.h"
#include "io/png_masks.h"
#include "training/segment_series.h"

namespace fs = std::filesystem;

namespace cardioseg::cli {

namespace {

nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

/// A NIfTI label file on the series; images stored as all-unknown (255) are unlabelled.
image::SeriesLabels readNifti(const fs::path& file, const image::CineSeries& series) {
    image::SeriesLabels labels;
    try {
        labels = io::readNiftiLabelsFor(file, series);
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
    for (auto& m : labels.maps)
        if (!m.empty() && std::all_of(m.data.begin(), m.data.end(), [](std::uint8_t v) { return v == image::label::Ignore; }))
            m = image::LabelMap();
    return labels;
}

/// Labels of a series from a folder of PNG masks (or its png/ subfolder) or a NIfTI file.
image::SeriesLabels readLabels(const image::CineSeries& series, const fs::path& where,
                               std::vector<io::SkippedFile>& skipped) {
    std::error_code ec;
    if (fs::is_regular_file(where, ec)) {
        const std::string name = where.filename().string();
        if (name.size() > 4 && (name.rfind(".nii") == name.size() - 4 || name.rfind(".nii.gz") == name.size() - 7))
            return readNifti(where, series);
        throw UsageError(where.string() + ": labels must be a folder of PNG masks or a NIfTI file");
    }
    if (!fs::is_directory(where, ec)) throw UsageError(where.string() + ": no such file or folder");
    for (const fs::path& dir : {where, where / "png"}) {
        if (!fs::is_directory(dir, ec)) continue;
        auto labels = io::readPngMasks(series, dir, skipped);
        if (labels.labelledCount() > 0) return labels;
    }
    if (fs::is_regular_file(where / "labels.nii.gz", ec)) return readNifti(where / "labels.nii.gz", series);
    throw UsageError(where.string() + ": no label masks of this series (PNG masks named inst…_slice…_phase….png, "
                                      "or labels.nii.gz)");
}

}  // namespace

void addMeasureCommand(CLI::App& app, MeasureArgs& a) {
    auto* cmd = app.add_subcommand("measure", "LV volumes over the cycle, EDV, ESV, SV, EF and LV mass of a cine "
                                              "short-axis series (segments it first when given no labels)");
    cmd->add_option("--input", a.input, "DICOM file or folder")->required();
    auto* model = cmd->add_option("--model", a.model, "Model file to segment with (default: the shipped model)");
    cmd->add_option("--labels", a.labels, "Folder of PNG masks (as segment writes them) or a NIfTI label file")
        ->excludes(model);
    cmd->add_option("--series", a.series, "Series Instance UID (default: the first series)");
    cmd->add_option("--device", a.device, "auto|cpu|cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--fp32", a.fp32, "Compute in fp32 throughout (default: bf16 where the GPU or CPU has it natively, int8 where the calibration found it faster and the model carries int8 ranges)");
    cmd->add_flag("--no-coverage", a.noCoverage,
                  "Measure the model's labels outside the left ventricle's coverage too (above its base, beyond "
                  "its apex)");
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
}

int runMeasure(const MeasureArgs& a) {
    if (!fs::exists(a.input)) throw UsageError(a.input + ": no such file or folder");
    io::LoadOptions lo;
    lo.threads = a.threads;
    auto loaded = io::loadDicom({a.input}, lo);
    const image::CineSeries* series = nullptr;
    for (const auto& s : loaded.series)
        if (!series && (a.series.empty() || s.info.seriesUid == a.series)) series = &s;
    if (!series) throw UsageError(a.input + (a.series.empty() ? ": no DICOM image found" : ": no series " + a.series));
    std::vector<io::SkippedFile> skipped = loaded.skipped;
    image::SeriesLabels labels;
    std::string source;
    std::vector<image::SliceRange> coverage;
    if (!a.labels.empty()) {
        // Labels someone gave are measured as they are; their coverage is reported.
        labels = readLabels(*series, a.labels, skipped);
        source = a.labels;
        coverage = analysis::findCoverage(*series, labels);
    } else {
        const engine::Model model = loadModelOrDefault(a.model);
        engine::SegmentOptions so;
        so.device = engine::parseDevice(a.device);
        so.threads = a.threads;
        so.mixedPrecision = !a.fp32;
        so.int8 = !a.fp32;
        engine::Segmenter segmenter(model, so);
        auto segmented = training::segmentSeriesWithCoverage(segmenter, *series, !a.noCoverage, true,
                                                             StderrProgress("measure"));
        labels = std::move(segmented->labels);  // StderrProgress never cancels
        coverage = std::move(segmented->coverage);
        source = a.model.empty() ? "default model" : a.model;
    }
    const auto f = analysis::measureFunction(*series, labels);
    if (f.edPhase < 0) throw UsageError((a.labels.empty() ? a.input : a.labels) + ": no labelled image to measure");
    nlohmann::json volumes = nlohmann::json::array(), myo = nlohmann::json::array();
    for (const auto& p : f.phases) {
        volumes.push_back(number(p.bloodPoolMl));
        myo.push_back(number(p.myocardiumMl));
    }
    const nlohmann::json out{{"ed_phase", f.edPhase},
                             {"es_phase", f.esPhase < 0 || f.esPhase == f.edPhase ? nlohmann::json(nullptr)
                                                                                  : nlohmann::json(f.esPhase)},
                             {"edv_ml", number(f.edvMl)},
                             {"esv_ml", number(f.esvMl)},
                             {"sv_ml", number(f.svMl)},
                             {"ef_percent", number(f.efPercent)},
                             {"lv_mass_g", number(f.lvMassG)},
                             {"volumes_ml", volumes},
                             {"myocardium_ml", myo},
                             {"bsa_m2", number(f.bsaM2)},
                             {"edvi_ml_m2", number(f.edviMlM2)},
                             {"esvi_ml_m2", number(f.esviMlM2)},
                             {"svi_ml_m2", number(f.sviMlM2)},
                             {"lv_mass_index_g_m2", number(f.lvMassIndexGM2)},
                             {"series_uid", series->info.seriesUid},
                             {"labels", source},
                             {"note", f.note},
                             {"coverage", coverageJson(coverage)},
                             {"skipped", skippedJson(skipped)}};
    if (a.json) {
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf("ED phase %d, ES phase %d\nEDV %.1f mL  ESV %.1f mL  SV %.1f mL  EF %.1f %%\nLV mass %.1f g\n",
                    f.edPhase + 1, f.esPhase + 1, f.edvMl, f.esvMl, f.svMl, f.efPercent, f.lvMassG);
        if (!f.note.empty()) std::printf("Note: %s\n", f.note.c_str());
    }
    return 0;
}

}  // namespace cardioseg::cli
