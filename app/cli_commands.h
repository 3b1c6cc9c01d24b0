#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

#include "cli_common.h"
#include "engine/model.h"
#include "training/training_set.h"

namespace cardioseg::cli {

struct TrainArgs {
    std::string dataset, output, patients, validatePatients, resume;
    std::string backbone = "resnet18-w24";
    int outputStride = 8;
    int iterations = 6000;
    int batch = 8;
    double lr = 2e-3;
    std::string schedule = "poly";
    int constantIterations = 0;
    std::string optimizer;       ///< empty: sgd for the seed schedule, else adamw
    double weightDecay = -1;     ///< negative: 5e-4 for sgd (the seed's), 1e-4 for adamw
    int crop = 128;
    double diceWeight = 1.0;
    double ceWeight = 1.0;
    double classWeightPower = 1.0;
    double notBloodPoolWeight = 1.0;
    std::string appearance = "scanners";  ///< augmentation: "scanners" (other scanners' looks too) or "standard"
    std::string negatives = "basal";      ///< "basal": slices above the experts' base as images without ventricle
    std::string pseudoLabels;             ///< a teacher model: its surest labels of the unlabelled images join in
    unsigned seed = 1;
    std::string device = "auto";
    int threads = 0;
    int checkpointEvery = 500;
    int validateEvery = 500;
    bool json = false;
    // Data-parallel training (CLI.md, "Distributed training"): flags, else the environment.
    int worldSize = 0;           ///< 0: not given (WORLD_SIZE, else 1)
    int rank = -1;               ///< -1: not given (RANK)
    std::string master;          ///< HOST:PORT; empty: MASTER_ADDR/MASTER_PORT, else 127.0.0.1:29500
    std::string backend;         ///< gloo|nccl; empty: nccl on CUDA when built with it, else gloo
    double distTimeout = 120;    ///< seconds
    double bucketMb = 4;         ///< gradient all-reduce buckets (0: one after the backward pass)
};

void addTrainCommand(CLI::App& app, TrainArgs& args);
int runTrain(const TrainArgs& args);

/// training::loadTrainingImages, its failures (no dataset, unreadable workspace) as usage errors.
std::vector<training::LabelledImage> loadTrainingImagesForCli(const std::string& dataset,
                                                              const training::SelectOptions& select,
                                                              std::vector<io::SkippedFile>& skipped);

struct QuantizeArgs {
    std::string model, dataset, output, patients;
    int images = 64;
    bool json = false;
};
void addQuantizeCommand(CLI::App& app, QuantizeArgs& args);
int runQuantize(const QuantizeArgs& args);

}  // namespace cardioseg::cli

namespace cardioseg::cli {

struct EvaluateArgs {
    std::string dataset, patients, excludeImages, model, device = "auto", simulate;
    int threads = 0;
    bool fp32 = false;
    bool noPostprocess = false;
    bool noCoverage = false;
    bool fullImage = false;  ///< the network on whole images, not on a region around the ventricle
    bool json = false;
};
void addEvaluateCommand(CLI::App& app, EvaluateArgs& args);
int runEvaluate(const EvaluateArgs& args);

struct SegmentArgs {
    std::string input, output, model, series, device = "auto";
    std::vector<std::string> formats{"png"};
    int threads = 0;
    int batch = 0;
    bool fp32 = false;
    bool noPostprocess = false;
    bool noCoverage = false;
    bool fullImage = false;  ///< the network on whole images, not on a region around the ventricle
    bool deidentify = false;
    bool json = false;
};
void addSegmentCommand(CLI::App& app, SegmentArgs& args);
int runSegment(const SegmentArgs& args);

struct BenchArgs {
    std::string input, arch, device = "auto", without;
    int size = 256, batch = 1, threads = 0, repeat = 10;
    bool fullImage = false;  ///< study: the network on whole images
    bool fp32 = false;       ///< study: no int8 or bf16
    int calibrateSize = 128; ///< calibrate: the square input timed
    bool again = false;      ///< calibrate: measure again, whatever the cache holds
    bool json = false;
    int worldSize = 0, rank = -1;  ///< allreduce: the processes (default: WORLD_SIZE, RANK)
    std::string master;            ///< allreduce: HOST:PORT of rank 0
};
/// Adds infer, train, study and calibrate under an existing "bench" command.
void addBenchEngineCommands(CLI::App& bench, BenchArgs& args);
int runBenchEngine(const std::string& what, const BenchArgs& args);
/// bench allreduce: the gradients' all-reduce of a model's size between processes.
int runBenchAllreduce(const BenchArgs& args);

struct FinetuneArgs {
    std::string model, dataset, output, patients, images, device = "auto";
    std::string negatives = "none";  ///< basal: the slices above the experts' base as images without ventricle
    std::int64_t iterations = 0;
    // addFinetuneCommand sets these from training::FinetuneOptions' defaults.
    double seconds = 0.0;
    int batch = 0;
    double lr = 0.0;
    double replayShare = 0.0;
    double diceWeight = 0.0;
    int crop = 0;
    unsigned seed = 0;
    double holdout = 0.0;  ///< none: lab staff choose the images to train on
    bool trainHead = false;
    bool onlyIfBetter = false;
    int threads = 0;
    bool json = false;
};
void addFinetuneCommand(CLI::App& app, FinetuneArgs& args);
int runFinetune(const FinetuneArgs& args);

struct MeasureArgs {
    std::string input, model, labels, series, device = "auto";
    int threads = 0;
    bool fp32 = false;
    bool noCoverage = false;
    bool json = false;
};
void addMeasureCommand(CLI::App& app, MeasureArgs& args);
int runMeasure(const MeasureArgs& args);

struct SuggestArgs {
    std::string input, dataset, patient, model;
    int count = 6;
    int threads = 0;
    bool json = false;
};
void addSuggestCommand(CLI::App& app, SuggestArgs& args);
int runSuggest(const SuggestArgs& args);

/// The model named by --model, or the shipped default; throws UsageError when unusable.
engine::Model loadModelOrDefault(const std::string& path);

}  // namespace cardioseg::cli
