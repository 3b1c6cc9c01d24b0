// cardioseg-cli train: DeepLab v3 on the expert labels of a dataset in SCD layout.
#include "cli_commands.h"

#include "training/pseudo_labels.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

#include "engine/device.h"
#include "engine/distributed.h"
#include "engine/model.h"
#include "engine/trainer.h"
#include "io/prediction_cache.h"
#include "training/augment.h"
#include "training/finetune.h"
#include "training/training_set.h"

namespace cardioseg::cli {

namespace {

std::string todayIso() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

std::atomic<bool> g_stopRequested{false};

extern "C" void requestStop(int signal) {
    g_stopRequested = true;
    std::signal(signal, SIG_DFL);  // a second one ends the process at once
}

/// The processes to train on: the environment (torchrun's and Slurm's names), the flags where
/// given; world size 1 when neither says.
engine::DistributedOptions distributedOptions(const TrainArgs& a) {
    engine::DistributedOptions o;
    try {
        o = engine::distributedOptions(a.worldSize, a.rank, a.master);
        o.backend = a.backend;
        o.timeout = std::chrono::milliseconds(static_cast<long long>(a.distTimeout * 1000.0));
        o.bucketBytes = static_cast<std::size_t>(a.bucketMb * 1024.0 * 1024.0);
        engine::validate(o);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (a.batch % o.worldSize != 0)
        throw UsageError("--batch " + std::to_string(a.batch) + ": the global batch must split evenly between the " +
                         std::to_string(o.worldSize) + " processes");
    return o;
}

}  // namespace

void addTrainCommand(CLI::App& app, TrainArgs& a) {
    auto* cmd = app.add_subcommand("train", "Train DeepLab v3 on the expert labels of a dataset in SCD layout");
    cmd->add_option("--dataset", a.dataset, "Dataset root in SCD layout, a workspace, or a folder of workspaces")->required();
    cmd->add_option("--output", a.output, "Model file to write")->required();
    cmd->add_option("--patients", a.patients, "Patient IDs to train on (default: all)");
    cmd->add_option("--validate-patients", a.validatePatients, "Patient IDs to validate on while training (held out)");
    cmd->add_option("--backbone", a.backbone, "resnet18|34|50|101[-wN] or torchvision-resnet50/101")->capture_default_str();
    cmd->add_option("--output-stride", a.outputStride, "8 or 16")->check(CLI::IsMember({8, 16}))->capture_default_str();
    cmd->add_option("--iterations", a.iterations, "Optimiser steps")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--batch", a.batch, "Images per step")->check(CLI::Range(2, 1024))->capture_default_str();
    cmd->add_option("--lr", a.lr, "Base learning rate")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_option("--schedule", a.schedule, "seed|poly|constant")->check(CLI::IsMember({"seed", "poly", "constant"}))->capture_default_str();
    cmd->add_option("--constant-iterations", a.constantIterations, "Constant phase of the seed schedule")->capture_default_str();
    cmd->add_option("--optimizer", a.optimizer, "adamw|sgd (sgd: momentum 0.9, as the seed study; default: sgd with --schedule seed, else adamw)")->check(CLI::IsMember({"adamw", "sgd"}));
    cmd->add_option("--weight-decay", a.weightDecay, "Weight decay (default: 5e-4 with sgd, 1e-4 with adamw)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--crop", a.crop, "Training crop size in pixels (0: whole images)")->capture_default_str();
    cmd->add_option("--dice-weight", a.diceWeight, "Weight of the soft Dice term (0: cross-entropy only)")->check(CLI::NonNegativeNumber)->capture_default_str();
    cmd->add_option("--ce-weight", a.ceWeight, "Weight of the class-weighted cross-entropy (0: Dice only)")->check(CLI::NonNegativeNumber)->capture_default_str();
    cmd->add_option("--class-weight-power", a.classWeightPower,
                    "Median-frequency class weights raised to this power (1: as they are, 0.5: milder, 0: none)")
        ->check(CLI::Range(0.0, 2.0))
        ->capture_default_str();
    cmd->add_option("--not-blood-pool-weight", a.notBloodPoolWeight,
                    "Weight of the pixels outside an end-systolic endocardium (class otherwise unknown) relative to "
                    "the myocardium's: above 1 holds the end-systolic cavity's boundary further in")
        ->check(CLI::Range(0.1, 10.0))
        ->capture_default_str();
    cmd->add_option("--appearance", a.appearance,
                    "Intensity augmentation: scanners (tone curves, coarser resolution, Rician noise: other scanners' "
                    "looks) or standard")
        ->check(CLI::IsMember({"scanners", "standard"}))
        ->capture_default_str();
    cmd->add_option("--negatives", a.negatives,
                    "basal: the slices above the experts' most basal contour (at phases they labelled) are "
                    "trained as images without ventricle; none: only the labelled images")
        ->check(CLI::IsMember({"basal", "none"}))
        ->capture_default_str();
    cmd->add_option("--pseudo-labels", a.pseudoLabels,
                    "A teacher model: its labels of the images the experts left unlabelled (inside the ventricle's "
                    "coverage, closed rings, the surest half) join the training data for 40 % of the draws");
    cmd->add_option("--seed", a.seed, "Random seed")->capture_default_str();
    cmd->add_option("--device", a.device, "auto|cpu|cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    cmd->add_option("--threads", a.threads, "CPU threads (0: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--resume", a.resume, "Checkpoint to continue from");
    cmd->add_option("--checkpoint-every", a.checkpointEvery, "Iterations between checkpoints (<output>.ckpt)")->capture_default_str();
    cmd->add_option("--validate-every", a.validateEvery, "Iterations between validations")->capture_default_str();
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
    cmd->add_option("--world-size", a.worldSize,
                    "Processes training together (data parallel; default: WORLD_SIZE, else 1). --batch stays the global batch")
        ->check(CLI::Range(1, 4096));
    cmd->add_option("--rank", a.rank, "This process's rank, 0 to world size - 1 (default: RANK)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--master", a.master,
                    "HOST:PORT of rank 0, which hosts the rendezvous (default: MASTER_ADDR:MASTER_PORT, else 127.0.0.1:29500)");
    cmd->add_option("--backend", a.backend, "gloo|nccl (default: nccl on CUDA when this build has it, else gloo)")
        ->check(CLI::IsMember({"gloo", "nccl"}));
    cmd->add_option("--dist-timeout", a.distTimeout,
                    "Seconds to wait for another process (joining, each exchange) before naming it lost")
        ->check(CLI::Range(1.0, 86400.0))
        ->capture_default_str();
    cmd->add_option("--bucket-mb", a.bucketMb,
                    "Gradients summed in buckets of this many MiB while the backward pass goes on (0: all at once after it)")
        ->check(CLI::Range(0.0, 1024.0))
        ->capture_default_str();
}

std::vector<training::LabelledImage> loadTrainingImagesForCli(const std::string& dataset,
                                                              const training::SelectOptions& select,
                                                              std::vector<io::SkippedFile>& skipped) {
    try {
        return training::loadTrainingImages(dataset, select, skipped);
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
}

int runTrain(const TrainArgs& args) {
    TrainArgs a = args;
    if (a.optimizer.empty()) a.optimizer = a.schedule == "seed" ? "sgd" : "adamw";
    if (a.weightDecay < 0) a.weightDecay = a.optimizer == "sgd" ? 5e-4 : 1e-4;
    if (a.diceWeight == 0 && a.ceWeight == 0) throw UsageError("--dice-weight and --ce-weight cannot both be 0");
    const engine::DistributedOptions distOptions = distributedOptions(a);
    const int world = distOptions.worldSize, rank = distOptions.rank;
    const std::string who = world > 1 ? "train[rank " + std::to_string(rank) + "]" : "train";
    engine::ModelConfig config;
    try {
        config = a.backbone.rfind("torchvision-", 0) == 0 ? engine::configFromArch(a.backbone)
                                                           : engine::configFromArch(a.backbone + "-os" + std::to_string(a.outputStride));
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--backbone: ") + e.what());
    }
    std::vector<io::SkippedFile> skipped;
    training::SelectOptions sel;
    sel.patients = splitList(a.patients);
    sel.basalNegatives = a.negatives == "basal";
    std::vector<training::LabelledImage> images = loadTrainingImagesForCli(a.dataset, sel, skipped);
    if (images.empty()) throw UsageError(a.dataset + ": no expert-labelled image found");
    std::size_t pseudo = 0;
    if (!a.pseudoLabels.empty()) {
        const engine::Model teacher = loadModelOrDefault(a.pseudoLabels);
        training::PseudoLabelOptions po;
        po.threads = a.threads;
        std::vector<training::LabelledImage> more;
        try {
            more = training::pseudoLabelledImages(teacher, a.dataset, sel, po, skipped);
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
        pseudo = more.size();
        for (auto& li : more) images.push_back(std::move(li));
    }
    std::vector<engine::TrainSample> validation;
    std::string validationHash = "none";  // what the ranks of a distributed run compare
    if (!a.validatePatients.empty()) {
        training::SelectOptions vs;
        vs.patients = splitList(a.validatePatients);
        try {
            auto held = training::loadLabelledImages(a.dataset, vs, skipped);
            validationHash = training::datasetHash(held);
            for (auto& li : held) validation.push_back({std::move(li.image), std::move(li.labels)});
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
    }
    std::set<std::string> patients;
    for (const auto& li : images) patients.insert(li.patientId);
    const auto negatives = std::count_if(images.begin(), images.end(), [](const auto& li) { return li.negative; });
    std::fprintf(stderr, "%s: %zu labelled images (%zu of them basal slices without ventricle, %zu labelled by the "
                         "teacher model) of %zu patient(s); %zu validation images\n",
                 who.c_str(), images.size(), static_cast<std::size_t>(negatives), pseudo, patients.size(), validation.size());

    const std::string dataHash = training::datasetHash(images);
    const std::string recipe =
        a.schedule + " lr " + std::to_string(a.lr) + " " + a.optimizer + " batch " + std::to_string(a.batch) + " iterations " +
        std::to_string(a.iterations) + " crop " + std::to_string(a.crop) + " class weight power " +
        std::to_string(a.classWeightPower) + " not-blood-pool weight " + std::to_string(a.notBloodPoolWeight) +
        " appearance " + a.appearance + " negatives " + a.negatives +
        (a.pseudoLabels.empty() ? std::string() : " pseudo-labels from " + a.pseudoLabels);

    // Several processes: join them (rank 0 hosts the rendezvous), and refuse to start unless all
    // train the same network on the same data with the same recipe.
    std::unique_ptr<engine::Distributed> dist;
    if (world > 1) {
        engine::DistributedOptions o = distOptions;
        o.cuda = engine::resolveDevice(engine::parseDevice(a.device)) == "cuda";
        std::fprintf(stderr, "%s: joining %d processes through %s:%d\n", who.c_str(), world, o.masterAddr.c_str(), o.masterPort);
        try {
            dist = std::make_unique<engine::Distributed>(o);
            dist->requireSame({{"model", engine::archName(config) + " seed " + std::to_string(a.seed)},
                               {"training data", dataHash},
                               {"validation data", validationHash},
                               {"recipe", recipe + " weight decay " + std::to_string(a.weightDecay) + " dice " +
                                              std::to_string(a.diceWeight) + " ce " + std::to_string(a.ceWeight)},
                               {"checkpoint to resume", a.resume.empty() ? "none" : io::fileDigest(a.resume)}});
        } catch (const engine::DistributedError& e) {
            throw UsageError(e.what());
        } catch (const std::runtime_error& e) {  // the checkpoint cannot be read
            throw UsageError(e.what());
        }
        std::fprintf(stderr, "%s: %d processes joined (%s), %d images each per step\n", who.c_str(), world,
                     dist->backend().c_str(), a.batch / world);
    }
    if (!a.resume.empty()) {
        try {
            const engine::ModelInfo ck = engine::Model::load(a.resume).info();
            if (ck.checkpointIteration)
                std::fprintf(stderr, "%s: resuming at iteration %lld of a checkpoint written by %lld process(es), global batch %lld%s\n",
                             who.c_str(), *ck.checkpointIteration, ck.worldSize.value_or(1), ck.globalBatch.value_or(a.batch),
                             ck.globalBatch && *ck.globalBatch != a.batch ? " (this run's differs: the images' order moves)" : "");
        } catch (const std::exception& e) {
            throw UsageError(a.resume + ": " + e.what());
        }
    }

    engine::TrainConfig tc;
    tc.iterations = a.iterations;
    tc.batch = a.batch / world;
    tc.distributed = dist.get();
    tc.portableBatchNorm = true;  // the same arithmetic on any number of processes
    tc.schedule.kind = engine::Schedule::parseKind(a.schedule);
    tc.schedule.baseLr = a.lr;
    tc.schedule.constantIterations = a.constantIterations;
    tc.schedule.warmupIterations = a.optimizer == "adamw" ? std::min<int>(100, a.iterations / 10) : 0;
    tc.optimizer = engine::parseOptimizer(a.optimizer);
    tc.weightDecay = a.weightDecay;
    tc.diceWeight = a.diceWeight;
    tc.ceWeight = a.ceWeight;
    tc.classWeightPower = a.classWeightPower;
    tc.notBloodPoolWeight = a.notBloodPoolWeight;
    tc.seed = a.seed;
    tc.device = engine::parseDevice(a.device);
    tc.threads = a.threads;
    tc.checkpointPath = a.output + ".ckpt";
    tc.checkpointEvery = a.checkpointEvery;
    tc.resumeFrom = a.resume;
    tc.validateEvery = validation.empty() ? 0 : a.validateEvery;

    training::AugmentConfig aug;
    aug.crop = a.crop;
    aug.scannerAppearance = a.appearance == "scanners";
    const auto provider = training::makeEpochBatchProvider(images, aug, a.seed, rank, world);

    engine::Model model = engine::Model::create(config, a.seed);
    double lastPrint = -1e9;
    // Ctrl-C or SIGTERM (a scheduler's) stops after the current step, every rank at the same
    // one, with a checkpoint to resume from.
    g_stopRequested = false;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    engine::TrainOutcome outcome;
    try {
        outcome = engine::train(model, tc, provider, validation, [&](const engine::TrainProgress& p) {
        const double t = nowSeconds();
        if (t - lastPrint > 10 || p.iteration == 1 || p.iteration == p.total || !std::isnan(p.validationDice)) {
            std::fprintf(stderr, "%s: iteration %lld/%lld loss %.4f lr %.2e %.2f it/s ETA %.0f s%s\n", who.c_str(),
                         static_cast<long long>(p.iteration), static_cast<long long>(p.total), p.loss, p.lr,
                         p.itPerSecond, p.etaSeconds,
                         std::isnan(p.validationDice) ? "" : (" validation Dice " + std::to_string(p.validationDice)).c_str());
            lastPrint = t;
        }
        return !g_stopRequested.load();
        });
    } catch (const engine::DistributedError& e) {
        throw UsageError(e.what());
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (outcome.status != engine::TrainOutcome::Status::Completed)
        throw std::runtime_error("training stopped: " + outcome.message + " (last checkpoint: " + tc.checkpointPath +
                                 "; continue with --resume " + tc.checkpointPath + ")");
    // What every rank reports; rank 0 adds the model it writes.
    nlohmann::json out{{"model", nullptr},
                       {"arch", engine::archName(config)},
                       {"images", images.size()},
                       {"iterations", outcome.iterations},
                       {"seconds", outcome.seconds},
                       {"device", outcome.device},
                       {"final_loss", outcome.finalLoss},
                       {"world_size", world},
                       {"rank", rank},
                       {"backend", dist ? nlohmann::json(dist->backend()) : nlohmann::json(nullptr)},
                       {"communication_seconds", outcome.communicationSeconds}};
    dist.reset();  // every rank has left: rank 0 writes, the others are done
    if (rank != 0) {
        if (a.json)
            std::cout << out.dump(2) << "\n";
        else
            std::printf("Rank %d of %d trained %s in %.0f s; rank 0 writes the model\n", rank, world,
                        engine::archName(config).c_str(), outcome.seconds);
        return 0;
    }

    const double valDice = validation.empty() ? std::nan("") : engine::validationDice(model, validation, tc.device);
    engine::ModelInfo& info = model.info();
    info.created = todayIso();
    info.trainedOn.assign(patients.begin(), patients.end());
    info.trainingImages = static_cast<long long>(images.size());
    info.trainingDataHash = dataHash;
    info.schedule = recipe;
    info.worldSize = world;
    info.globalBatch = a.batch;
    info.seed = a.seed;
    info.parent = a.resume.empty() ? "none" : a.resume;
    if (!validation.empty()) {
        const auto held = splitList(a.validatePatients);
        info.validatedOn.assign(held.begin(), held.end());
        info.validationDice = valDice;
    }
    training::recordInt8Ranges(model, images);  // so that it runs in int8 where that pays
    model.save(a.output);
    std::error_code ec;
    std::filesystem::remove(tc.checkpointPath, ec);
    std::filesystem::remove(tc.checkpointPath + ".optim", ec);

    out["model"] = a.output;
    out["parameters"] = model.parameterCount();
    out["patients"] = std::vector<std::string>(patients.begin(), patients.end());
    out["validation_dice"] = validation.empty() ? nlohmann::json(nullptr) : nlohmann::json(valDice);
    out["skipped"] = skippedJson(skipped);
    if (a.json)
        std::cout << out.dump(2) << "\n";
    else
        std::printf("Trained %s in %.0f s on %s; wrote %s\n", engine::archName(config).c_str(), outcome.seconds,
                    outcome.device.c_str(), a.output.c_str());
    return 0;
}

}  // namespace cardioseg::cli
