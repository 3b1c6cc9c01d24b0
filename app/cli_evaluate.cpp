// cardioseg-cli evaluate: a model against the expert labels of a dataset in SCD layout.
#include "cli_commands.h"

#include <cmath>
#include <cstdio>

#include "engine/segmenter.h"
#include "io/resources.h"
#include "training/augment.h"
#include "training/evaluation.h"

namespace cardioseg::cli {

engine::Model loadModelOrDefault(const std::string& path) {
    const std::string file = path.empty() ? io::defaultModelPath().string() : path;
    try {
        return engine::Model::load(file);
    } catch (const engine::ModelFileError& e) {
        throw UsageError(e.what());
    }
}

void addEvaluateCommand(CLI::App& app, EvaluateArgs& a) {
    auto* cmd = app.add_subcommand("evaluate", "Evaluate a model against the expert labels of a dataset in SCD layout");
    cmd->add_option("--dataset", a.dataset, "Dataset root (link.csv, dicoms/, contourfiles/)")->required();
    cmd->add_option("--patients", a.patients, "Patient IDs to evaluate (default: all)");
    cmd->add_option("--exclude-images", a.excludeImages, "DICOM instance numbers to leave out");
    cmd->add_option("--model", a.model, "Model file (default: the shipped model)");
    cmd->add_option("--device", a.device, "auto|cpu|cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--fp32", a.fp32, "Compute in fp32 throughout (default: bf16 where the GPU or CPU has it natively, int8 where the calibration found it faster and the model carries int8 ranges)");
    cmd->add_flag("--no-postprocess", a.noPostprocess, "Evaluate the network's raw output");
    cmd->add_flag("--full-image", a.fullImage,
                  "Run the network on whole images (default: on a region around the left ventricle, found once "
                  "per patient, as the workstation does)");
    cmd->add_flag("--no-coverage", a.noCoverage,
                  "Evaluate the model's labels outside the left ventricle's coverage too (and segment only the "
                  "expert-labelled images)");
    cmd->add_option("--simulate", a.simulate,
                    "Make the images look like another scanner's first: lowres, contrast, noise or scanner (all three)")
        ->check(CLI::IsMember(training::scannerSimulations()));
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
}

namespace {

nlohmann::json pair(double bp, double myo) { return {{"lv_blood_pool", bp}, {"lv_myocardium", myo}}; }

nlohmann::json orNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json functionJson(const analysis::CardiacFunction& f) {
    auto areas = [&](int phase) {
        nlohmann::json a = nlohmann::json::array();
        if (phase >= 0)
            for (double v : f.phases[phase].bloodPoolMm2) a.push_back(orNull(v));
        return a;
    };
    return {{"ed_phase", f.edPhase},
            {"es_phase", f.esPhase},
            {"edv_ml", orNull(f.edvMl)},
            {"esv_ml", orNull(f.esvMl)},
            {"ef_percent", orNull(f.efPercent)},
            {"lv_mass_g", orNull(f.lvMassG)},
            {"ed_blood_pool_mm2", areas(f.edPhase)},
            {"es_blood_pool_mm2", areas(f.esPhase)}};
}

}  // namespace

int runEvaluate(const EvaluateArgs& a) {
    const engine::Model model = loadModelOrDefault(a.model);
    training::SelectOptions sel;
    sel.patients = splitList(a.patients);
    sel.excludeInstances = splitInts(a.excludeImages, "--exclude-images");
    engine::SegmentOptions seg;
    seg.device = engine::parseDevice(a.device);
    seg.threads = a.threads;
    seg.mixedPrecision = !a.fp32;
    seg.int8 = !a.fp32;
    seg.regionOfInterest = !a.fullImage;
    std::vector<io::SkippedFile> skipped;
    training::EvaluationReport r;
    try {
        training::EvaluateOptions eo;
        eo.postprocess = !a.noPostprocess;
        eo.coverage = !a.noCoverage && !a.noPostprocess;
        eo.simulate = a.simulate;
        r = training::evaluateModel(model, a.dataset, sel, seg, eo, skipped, StderrProgress("evaluate"));
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
    if (r.images == 0) throw UsageError(a.dataset + ": no expert-labelled image to evaluate");
    const std::string modelName = a.model.empty() ? io::defaultModelPath().string() : a.model;
    nlohmann::json perPatient = nlohmann::json::object();
    for (const auto& [id, f] : r.perPatient)
        perPatient[id] = {{"images", f.images},
                          {"dice", pair(f.bloodPool.dice, f.myocardium.dice)},
                          {"iou", pair(f.bloodPool.iou, f.myocardium.iou)}};
    for (const auto& [id, fa] : r.function)
        perPatient[id]["function"] = {{"expert", functionJson(fa.expert)},
                                      {"model", functionJson(fa.model)},
                                      {"edv_error_percent", orNull(fa.edvErrorPercent())},
                                      {"esv_error_percent", orNull(fa.esvErrorPercent())},
                                      {"ef_difference_points", orNull(fa.efDifference())},
                                      {"blood_pool_dice_ed", orNull(fa.edBloodPoolDice)},
                                      {"blood_pool_dice_es", orNull(fa.esBloodPoolDice)},
                                      {"edv_error_bound_percent", orNull(fa.edvBoundPercent())},
                                      {"esv_error_bound_percent", orNull(fa.esvBoundPercent())}};
    auto range = [](const image::SliceRange& r) {
        return r.empty() ? nlohmann::json(nullptr) : nlohmann::json::array({r.base, r.apex});
    };
    for (const auto& [id, list] : r.coverage) {
        nlohmann::json c = nlohmann::json::array();
        for (const auto& e : list) c.push_back({{"phase", e.phase}, {"experts", range(e.experts)}, {"model", range(e.model)}});
        perPatient[id]["coverage"] = c;
    }
    auto wholeJson = [&](const training::EvaluationReport::WholeVolume& w) {
        return nlohmann::json{{"images", w.images},
                              {"dice", pair(w.cm.dice(image::label::BloodPool), w.cm.dice(image::label::Myocardium))},
                              {"labels_outside_experts_ml", w.labelsOutsideMl}};
    };
    for (const auto& [id, w] : r.wholeVolumePerPatient) perPatient[id]["whole_volume"] = wholeJson(w);
    nlohmann::json out{
        {"model", modelName},
        {"patients", r.patients},
        {"images", r.images},
        {"classes", {"background", "lv_blood_pool", "lv_myocardium"}},
        {"dice", pair(r.bloodPool.dice, r.myocardium.dice)},
        {"iou", pair(r.bloodPool.iou, r.myocardium.iou)},
        {"hausdorff_mm", pair(r.bloodPool.hausdorffMm, r.myocardium.hausdorffMm)},
        {"assd_mm", pair(r.bloodPool.assdMm, r.myocardium.assdMm)},
        {"mean_iou", r.pooled.meanIou()},
        {"mean_dice", r.pooled.meanDice()},
        {"mean_acc", r.pooled.meanAccuracy()},
        {"freqw_acc", r.pooled.frequencyWeightedAccuracy()},
        {"overall_acc", r.pooled.overallAccuracy()},
        {"per_patient", perPatient},
        {"network_runs", {{"whole_images", r.runs.wholeImages}, {"cropped_images", r.runs.croppedImages},
                          {"cropped_then_whole", r.runs.regionFallbacks}}},
        {"engine", r.engine},
        {"skipped", skippedJson(skipped)}};
    if (r.wholeVolume.images > 0) out["whole_volume"] = wholeJson(r.wholeVolume);
    if (a.json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::printf("%d images of %zu patient(s), model %s\n", r.images, r.patients.size(), modelName.c_str());
    std::printf("  LV blood pool  Dice %.3f  IoU %.3f  HD %.1f mm  ASSD %.2f mm  (%d images)\n", r.bloodPool.dice,
                r.bloodPool.iou, r.bloodPool.hausdorffMm, r.bloodPool.assdMm, r.bloodPool.images);
    std::printf("  LV myocardium  Dice %.3f  IoU %.3f  HD %.1f mm  ASSD %.2f mm  (%d images)\n", r.myocardium.dice,
                r.myocardium.iou, r.myocardium.hausdorffMm, r.myocardium.assdMm, r.myocardium.images);
    std::printf("  Mean IoU %.3f  Mean Dice %.3f  Mean Acc %.3f  FreqW Acc %.3f  Overall Acc %.3f\n",
                r.pooled.meanIou(), r.pooled.meanDice(), r.pooled.meanAccuracy(), r.pooled.frequencyWeightedAccuracy(),
                r.pooled.overallAccuracy());
    for (const auto& [id, f] : r.perPatient)
        std::printf("  %s: blood pool Dice %.3f, myocardium Dice %.3f (%d images)\n", id.c_str(), f.bloodPool.dice,
                    f.myocardium.dice, f.images);
    if (!r.function.empty())
        std::printf("LV function on the labelled images, experts vs model (bound: the largest volume error the phase's "
                    "blood-pool Dice permits):\n");
    if (r.wholeVolume.images > 0) {
        std::printf("Whole volumes (every slice of the expert-labelled phases; slices the experts left empty count as "
                    "background): blood pool Dice %.3f, myocardium Dice %.3f, %.1f mL labelled outside the experts' "
                    "slices (%d images)\n",
                    r.wholeVolume.cm.dice(image::label::BloodPool), r.wholeVolume.cm.dice(image::label::Myocardium),
                    r.wholeVolume.labelsOutsideMl, r.wholeVolume.images);
        for (const auto& [id, list] : r.coverage)
            for (const auto& e : list)
                std::printf("  %s phase %d: experts slices %d–%d, model coverage %d–%d\n", id.c_str(), e.phase + 1,
                            e.experts.base + 1, e.experts.apex + 1, e.model.base + 1, e.model.apex + 1);
    }
    for (const auto& [id, fa] : r.function)
        std::printf("  %s: EDV %.1f vs %.1f mL (%+.1f %%, bound %.1f %%), ESV %.1f vs %.1f mL (%+.1f %%, bound %.1f %%), "
                    "EF %.1f vs %.1f %%\n",
                    id.c_str(), fa.expert.edvMl, fa.model.edvMl, fa.edvErrorPercent(), fa.edvBoundPercent(),
                    fa.expert.esvMl, fa.model.esvMl, fa.esvErrorPercent(), fa.esvBoundPercent(), fa.expert.efPercent,
                    fa.model.efPercent);
    return 0;
}

}  // namespace cardioseg::cli
