// cardioseg-cli suggest: the images of a study worth correcting first (where the model is least
// sure, at end-diastole and end-systole, in the base, middle and apex of the ventricle).
#include "cli_commands.h"

#include <cstdio>
#include <map>

#include "analysis/function.h"
#include "engine/segmenter.h"
#include "io/dicom_loader.h"
#include "io/scd_dataset.h"
#include "session/suggestions.h"
#include "training/segment_series.h"

namespace fs = std::filesystem;

namespace cardioseg::cli {

void addSuggestCommand(CLI::App& app, SuggestArgs& a) {
    auto* cmd = app.add_subcommand("suggest",
                                   "The images to correct first: where the model is least sure, at "
                                   "end-diastole and end-systole, in the base, middle and apex");
    auto* input = cmd->add_option("--input", a.input, "DICOM file or folder of the study");
    auto* dataset =
        cmd->add_option("--dataset", a.dataset,
                        "Dataset in SCD layout: suggest among one patient's expert-labelled images "
                        "(their labels can then stand for a person's corrections)")
            ->excludes(input);
    cmd->add_option("--patient", a.patient, "Patient ID in the dataset")->needs(dataset);
    cmd->add_option("--model", a.model, "Model file (default: the shipped model)");
    cmd->add_option("--count", a.count, "How many images (default 6)")->check(CLI::PositiveNumber);
    cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
}

int runSuggest(const SuggestArgs& a) {
    if (a.input.empty() && (a.dataset.empty() || a.patient.empty()))
        throw UsageError("suggest needs --input, or --dataset with --patient");
    fs::path study = a.input;
    std::map<std::pair<int, int>, bool> labelled;  // (slice, phase) the experts drew
    std::unique_ptr<io::ScdDataset> ds;
    const io::ScdPatient* patient = nullptr;
    if (!a.dataset.empty()) {
        try {
            ds = std::make_unique<io::ScdDataset>(io::readScdDataset(a.dataset));
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
        for (const auto& p : ds->patients)
            if (p.patientId == a.patient) patient = &p;
        if (!patient) throw UsageError(a.dataset + ": no patient '" + a.patient + "' in link.csv");
        study = patient->dicomDir;
    }
    if (!fs::exists(study)) throw UsageError(study.string() + ": no such file or folder");
    io::LoadOptions lo;
    lo.threads = a.threads;
    auto loaded = io::loadDicom({study}, lo);
    if (loaded.series.empty()) throw UsageError(study.string() + ": no DICOM image found");
    const image::CineSeries& series = loaded.series.front();
    if (patient) {
        const auto expert = io::expertLabels(*patient, series, nullptr);
        for (int s = 0; s < series.slices; ++s)
            for (int p = 0; p < series.phases; ++p)
                if (!expert.at(s, p).empty()) labelled[{s, p}] = true;
    }

    const engine::Model model = loadModelOrDefault(a.model);
    engine::SegmentOptions so;
    so.threads = a.threads;
    engine::Segmenter segmenter(model, so);
    auto segmented = training::segmentSeriesWithCoverage(segmenter, series, true, true,
                                                         StderrProgress("suggest"));
    // End-diastole and end-systole: the experts' two phases where they drew, else the model's.
    int ed = -1, es = -1;
    if (!labelled.empty()) {
        const image::SeriesLabels expert = io::expertLabels(*patient, series, nullptr);
        const auto f = analysis::measureFunction(series, expert);
        ed = f.edPhase;
        es = f.esPhase;
    } else {
        const auto f = analysis::measureFunction(series, segmented->labels);
        ed = f.edPhase;
        es = f.esPhase;
    }
    const auto list = session::suggestCorrections(
        series.slices, series.phases, ed, es, segmented->coverage, segmented->uncertainty,
        [&](session::Cell c) {
            return series.frameAt(c.first, c.second) >= 0 &&
                   (labelled.empty() || labelled.count(c));
        },
        a.count);
    nlohmann::json items = nlohmann::json::array(), instances = nlohmann::json::array();
    for (const auto& g : list) {
        const int instance =
            series.frames[series.frameAt(g.cell.first, g.cell.second)].instanceNumber;
        instances.push_back(instance);
        items.push_back({{"instance", instance},
                         {"slice", g.cell.first},
                         {"phase", g.cell.second},
                         {"phase_kind", g.endDiastole ? "ed" : "es"},
                         {"region", g.region},
                         {"uncertainty", g.uncertainty}});
    }
    if (a.json) {
        std::cout << nlohmann::json{{"series_uid", series.info.seriesUid},
                                    {"ed_phase", ed},
                                    {"es_phase", es},
                                    {"images", instances},
                                    {"suggestions", items},
                                    {"coverage", coverageJson(segmented->coverage)}}
                         .dump(2)
                  << "\n";
    } else {
        for (const auto& g : list)
            std::printf("slice %d, phase %d (%s, %s): uncertainty %.3f, instance %d\n",
                        g.cell.first + 1, g.cell.second + 1, g.endDiastole ? "ED" : "ES",
                        g.region.c_str(), g.uncertainty,
                        series.frames[series.frameAt(g.cell.first, g.cell.second)].instanceNumber);
    }
    return 0;
}

}  // namespace cardioseg::cli
