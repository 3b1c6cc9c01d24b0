// cardioseg-cli finetune: a model fine-tuned on corrections (expert labels of chosen images of a
// dataset in SCD layout, or the corrected images of workstation workspaces).
#include "cli_commands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/model.h"
#include "io/resources.h"
#include "training/finetune.h"
#include "training/training_set.h"

namespace cardioseg::cli {

namespace {

nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

}  // namespace

void addFinetuneCommand(CLI::App& app, FinetuneArgs& a) {
    const training::FinetuneOptions defaults;  // the workstation's settings are the command's
    a.seconds = defaults.seconds;
    a.batch = defaults.batch;
    a.lr = defaults.lr;
    a.replayShare = defaults.replayShare;
    a.diceWeight = defaults.diceWeight;
    a.crop = defaults.augment.crop;
    a.seed = static_cast<unsigned>(defaults.seed);
    auto* cmd = app.add_subcommand("finetune", "Fine-tune a model on corrections: chosen expert-labelled images of a "
                                               "dataset in SCD layout, or the corrected images of workspaces");
    cmd->add_option("--model", a.model, "Base model (default: the shipped model)");
    cmd->add_option("--dataset", a.dataset, "Dataset root in SCD layout, a workspace, or a folder of workspaces")->required();
    cmd->add_option("--output", a.output, "Model file to write")->required();
    cmd->add_option("--patients", a.patients, "Patient IDs whose images are used (default: all)");
    cmd->add_option("--images", a.images, "DICOM instance numbers: only their labels are used");
    cmd->add_option("--negatives", a.negatives,
                    "basal: in a dataset in SCD layout, the slices above the experts' most basal contour (at "
                    "phases they labelled) are trained as images without ventricle, as train --negatives does")
        ->check(CLI::IsMember({"basal", "none"}))
        ->capture_default_str();
    auto* iterations = cmd->add_option("--iterations", a.iterations, "Optimiser steps")->check(CLI::PositiveNumber);
    cmd->add_option("--seconds", a.seconds, "Wall-time budget of the whole fine-tune in seconds (default " +
                                       std::to_string(static_cast<int>(defaults.seconds)) + " without --iterations)")
        ->check(CLI::PositiveNumber)
        ->excludes(iterations);
    cmd->add_option("--batch", a.batch, "Images per step")->check(CLI::Range(1, 1024))->capture_default_str();
    cmd->add_option("--lr", a.lr, "Base learning rate (AdamW, poly decay)")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--replay-share", a.replayShare, "Share of each batch from the base model's training data")
        ->check(CLI::Range(0.0, 0.95))
        ->capture_default_str();
    cmd->add_option("--holdout", a.holdout, "Share of the images held out to check the result (0: train on all)")
        ->check(CLI::Range(0.0, 0.5))
        ->capture_default_str();
    cmd->add_option("--dice-weight", a.diceWeight, "Weight of the soft Dice term beside the cross-entropy (0: cross-entropy only)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--crop", a.crop, "Training crop size in pixels")->check(CLI::Range(32, 4096))->capture_default_str();
    cmd->add_flag("--train-head", a.trainHead,
                  "Train the head (ASPP and classifier) too; by default only the backbone adapts to the images");
    cmd->add_flag("--only-if-better", a.onlyIfBetter, "Write the model only when it is at least as good as the base");
    cmd->add_option("--seed", a.seed, "Random seed")->capture_default_str();
    cmd->add_option("--device", a.device, "auto|cpu|cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
}

int runFinetune(const FinetuneArgs& a) {
    const double t0 = nowSeconds();
    const engine::Model base = loadModelOrDefault(a.model);
    training::SelectOptions sel;
    sel.patients = splitList(a.patients);
    sel.onlyInstances = splitInts(a.images, "--images");
    sel.basalNegatives = a.negatives == "basal";
    std::vector<io::SkippedFile> skipped;
    const std::vector<training::LabelledImage> corrections = loadTrainingImagesForCli(a.dataset, sel, skipped);
    const auto negatives = static_cast<std::size_t>(
        std::count_if(corrections.begin(), corrections.end(), [](const auto& li) { return li.negative; }));
    if (negatives == corrections.size())
        throw UsageError(a.dataset + ": no labelled image matches --patients/--images");
    if (!sel.onlyInstances.empty() && corrections.size() - negatives < sel.onlyInstances.size())
        std::fprintf(stderr, "finetune: %zu of the %zu requested images carry labels\n", corrections.size() - negatives,
                     sel.onlyInstances.size());
    const auto replay = training::replayImages(base, a.dataset, corrections, skipped);
    std::fprintf(stderr,
                 "finetune: %zu corrected image(s), %zu image(s) without ventricle, %zu replay image(s) of the base "
                 "model's training data\n",
                 corrections.size() - negatives, negatives, replay.size());

    training::FinetuneOptions o;
    o.iterations = a.iterations;
    // The budget covers everything from the start of the command.
    o.seconds = a.iterations > 0 ? 0.0 : std::max(1.0, a.seconds - (nowSeconds() - t0));
    o.batch = a.batch;
    o.lr = a.lr;
    o.replayShare = replay.empty() ? 0.0 : a.replayShare;
    o.holdout = a.holdout;
    o.diceWeight = a.diceWeight;
    o.augment.crop = a.crop;
    o.trainHead = a.trainHead;
    o.seed = a.seed;
    o.device = engine::parseDevice(a.device);
    o.threads = a.threads;
    double lastPrint = -1e9;
    const auto report = training::finetune(base, corrections, replay, o, [&](const training::FinetuneProgress& p) {
        const double t = nowSeconds();
        if (p.stage != "training" || t - lastPrint > 10) {
            if (p.stage == "training")
                std::fprintf(stderr, "finetune: iteration %lld loss %.4f lr %.2e %.2f it/s, %.0f s left\n",
                             static_cast<long long>(p.train.iteration), p.train.loss, p.train.lr, p.train.itPerSecond,
                             p.train.etaSeconds);
            else
                std::fprintf(stderr, "finetune: %s\n", p.stage.c_str());
            lastPrint = t;
        }
        return true;
    });
    if (!report.model) throw std::runtime_error("fine-tuning stopped: " + report.outcome.message);
    std::fprintf(stderr, "finetune: %s\n", report.decision.c_str());
    const bool write = report.accepted || !a.onlyIfBetter;
    if (write) {
        engine::Model model = *report.model;
        model.info().parent = a.model.empty() ? io::defaultModelPath().filename().string() : a.model;
        model.save(a.output);
    }
    std::set<std::string> patients;
    for (const auto& li : corrections) patients.insert(li.patientId);
    std::vector<int> instances;
    for (const auto& li : corrections)
        if (!li.negative) instances.push_back(li.instanceNumber);
    nlohmann::json out{{"model", write ? nlohmann::json(a.output) : nlohmann::json(nullptr)},
                             {"base", a.model.empty() ? io::defaultModelPath().string() : a.model},
                             {"patients", std::vector<std::string>(patients.begin(), patients.end())},
                             {"images", corrections.size() - negatives},
                             {"negative_images", negatives},
                             {"instances", instances},
                             {"replay_images", replay.size()},
                             {"iterations", report.outcome.iterations},
                             {"batch", report.batch},
                             {"seconds", nowSeconds() - t0},
                             {"device", report.outcome.device},
                             {"final_loss", report.outcome.finalLoss},
                             {"held_out_images", report.validationImages},
                             {"accepted", report.accepted},
                             {"decision", report.decision},
                             {"skipped", skippedJson(skipped)}};
    for (const auto& f : io::FinetuneChecks::fields()) out[f.key] = number(report.checks.*f.value);
    if (a.json)
        std::cout << out.dump(2) << "\n";
    else if (write)
        std::printf("Fine-tuned on %zu image(s) in %.0f s (%lld iterations); %s; wrote %s\n", corrections.size(),
                    nowSeconds() - t0, static_cast<long long>(report.outcome.iterations), report.decision.c_str(),
                    a.output.c_str());
    else
        std::printf("Not written: %s\n", report.decision.c_str());
    return 0;
}

}  // namespace cardioseg::cli
