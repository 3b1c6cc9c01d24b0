#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "engine/device.h"
#include "engine/model.h"
#include "engine/schedule.h"
#include "image/image2d.h"

namespace cardioseg::engine {

class Distributed;

/// One training example: an image already normalised with image::normalizeIntensity (over the
/// whole image, as inference does) and its labels (0, 1, 2, 255 ignore).
struct TrainSample {
    image::FloatImage image;
    image::LabelMap labels;
};

struct TrainConfig {
    std::int64_t iterations = 1000;
    int batch = 8;
    Schedule schedule;             ///< baseLr, kind, constantIterations (maxIterations = iterations)
    Optimizer optimizer = Optimizer::AdamW;
    double momentum = 0.9;
    double weightDecay = 5e-4;
    double diceWeight = 1.0;       ///< loss = weighted CE + diceWeight · soft Dice (0: CE only)
    double ceWeight = 1.0;         ///< 0: Dice only
    std::vector<float> classWeights;  ///< empty: from label frequencies of the first batches
    /// Median-frequency weights raised to this power (1: as they are; 0.5: their square root,
    /// a milder push towards the rare classes; 0: all classes alike).
    double classWeightPower = 1.0;
    /// Weight of a "not blood pool" pixel (outside an end-systolic endocardium, its class
    /// otherwise unknown) relative to the myocardium's: above 1 holds the end-systolic cavity's
    /// boundary further in.
    double notBloodPoolWeight = 1.0;
    /// Top-level parts of the network ("backbone", "classifier") kept as they are: their
    /// parameters are not trained, their batch norm keeps its statistics and their dropout is
    /// off. An unknown name throws std::invalid_argument.
    std::vector<std::string> frozenModules;
    std::uint64_t seed = 1;
    DeviceChoice device = DeviceChoice::Auto;
    int threads = 0;
    /// bf16 autocast on CUDA. Not on the CPU: there it sped fine-tuning up by a fifth but did
    /// not make it any better in the same time (README, "Performance").
    bool mixedPrecision = true;
    std::string checkpointPath;    ///< written every checkpointEvery iterations (empty: none)
    int checkpointEvery = 500;
    std::string resumeFrom;        ///< a checkpoint to continue from
    int validateEvery = 0;         ///< 0: no periodic validation
    int prefetchBatches = 3;
    /// Wall-time budget in seconds (0: none). The run then ends after the iteration that reaches
    /// it (Completed), and the schedule advances with the larger of the iteration and the time
    /// fractions, so the learning rate decays to its end within the budget.
    double maxSeconds = 0.0;
    /// Data-parallel training (engine/distributed.h): null for one process. Then `batch` is this
    /// process's share of the global batch and the provider gives this process's images of each
    /// step; parameters start from rank 0's, the loss and batch norm cover the global batch,
    /// gradients are summed over the ranks, and rank 0 alone writes checkpoints. Every rank
    /// must call train() with the same settings.
    Distributed* distributed = nullptr;
    /// Batch norm computed as data-parallel training computes it even in one process, so that
    /// runs of the same global batch on any number of processes agree to rounding (and a
    /// checkpoint resumes on another number identically). About 5 % slower on a CPU than
    /// LibTorch's kernel; always on when distributed.
    bool portableBatchNorm = false;
    /// The GPU to train on when the device is CUDA (-1: the first, or LOCAL_RANK's when distributed).
    int deviceIndex = -1;
};

struct TrainProgress {
    std::int64_t iteration = 0;  ///< iterations done
    std::int64_t total = 0;
    double loss = 0.0;           ///< smoothed training loss
    double lr = 0.0;
    double itPerSecond = 0.0;
    double etaSeconds = 0.0;
    double validationDice = std::numeric_limits<double>::quiet_NaN();  ///< mean BP/myo Dice
};

struct TrainOutcome {
    enum class Status { Completed, Cancelled, Diverged, OutOfMemory } status = Status::Completed;
    std::string message;
    std::int64_t iterations = 0;
    double finalLoss = 0.0;
    double seconds = 0.0;
    std::string device;
    double communicationSeconds = 0.0;  ///< waiting for other processes (distributed training)
};

/// Fills `batch` with `size` samples for iteration `iteration` (called from a data thread, in
/// iteration order; must be deterministic for a given iteration so runs are reproducible).
using BatchProvider = std::function<void(std::int64_t iteration, int size, std::vector<TrainSample>& batch)>;

/// Trains `model` in place. Validation (if any) runs on whole images every validateEvery
/// iterations; `progress` is called after every iteration and may return false to cancel.
/// A NaN/inf loss stops the run (Diverged); out-of-memory stops it (OutOfMemory). In both cases,
/// and on cancel, the model keeps the weights of the last finished iteration; callers that
/// must not lose a good model train a clone(). Distributed: a cancel on any rank stops every
/// rank after the same iteration (and writes a checkpoint); a lost peer or any rank's failure
/// throws DistributedError on every rank.
TrainOutcome train(Model& model, const TrainConfig& config, const BatchProvider& provider,
                   const std::vector<TrainSample>& validation,
                   const std::function<bool(const TrainProgress&)>& progress = {});

/// Mean of blood-pool and myocardium Dice of a model on labelled images (pooled confusion), over
/// the classes the labels contain.
double validationDice(const Model& model, const std::vector<TrainSample>& samples, DeviceChoice device);

}  // namespace cardioseg::engine
