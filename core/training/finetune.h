#pragma once

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/model.h"
#include "engine/trainer.h"
#include "io/model_versions.h"
#include "training/augment.h"
#include "training/training_set.h"

namespace cardioseg::training {

/// How a model is fine-tuned on a cardiologist's corrections.
struct FinetuneOptions {
    std::int64_t iterations = 0;  ///< optimiser steps; 0: as many as `seconds` allows
    double seconds = 120.0;       ///< wall-time budget of the whole run, validation included (0: none)
    int batch = 8;
    double lr = 1e-3;             ///< AdamW, short warm-up, poly decay to zero within the run
    /// Train the head (ASPP and classifier) too. By default only the backbone learns: the
    /// head the base model learned from many patients keeps deciding the classes while the
    /// features adapt to this patient's images; on an unseen patient that gained more and
    /// forgot no more (README, "Corrections that teach").
    bool trainHead = false;
    double weightDecay = 1e-4;
    double diceWeight = 1.0;      ///< soft Dice beside the cross-entropy (0: cross-entropy only)
    double replayShare = 0.5;     ///< share of each batch drawn from the replay images
    /// Share of the corrections held out to decide whether the new model is better (at least
    /// one image when there are four or more; none below).
    double holdout = 0.25;
    double tolerance = 0.0;       ///< accepted when Dice after ≥ Dice before − tolerance
    double forgetTolerance = 0.01;  ///< ... and the replay images lose at most this much
    /// Crops of 192 pixels (training uses 128): more context per step, fewer steps; over four
    /// seeds a little more gain and less forgetting than 128 (README, "Corrections that teach").
    AugmentConfig augment = [] {
        AugmentConfig a;
        a.crop = 192;
        return a;
    }();
    std::uint64_t seed = 1;
    engine::DeviceChoice device = engine::DeviceChoice::Auto;
    int threads = 0;
};

/// Where a fine-tune stands, for progress panels.
struct FinetuneProgress {
    std::string stage;  ///< "validating", "training", "checking"
    engine::TrainProgress train;
};

struct FinetuneReport {
    engine::TrainOutcome outcome;     ///< status and message of the training run
    bool accepted = false;            ///< the new model is at least as good (see FinetuneOptions)
    std::string decision;             ///< why it was accepted or not, for people
    io::FinetuneChecks checks;        ///< held-out corrections and replay images, base and new model
    int trainImages = 0;
    int validationImages = 0;
    int replayImages = 0;
    int batch = 0;                    ///< batch of the finished run (smaller after out-of-memory)
    double seconds = 0.0;
    /// The fine-tuned model with its metadata (parent, corrections, schedule, validation,
    /// date) when training completed, whether accepted or not; nothing on failure or cancel.
    std::optional<engine::Model> model;
};

/// Fine-tunes a copy of `base` on corrected images, mixed with replayed images of the base
/// model's training data so that it does not forget (strong augmentation of the corrections
/// alone when `replay` is empty). Part of the corrections is held out and the new model is
/// accepted only when it is at least as good there and on the replay images. `base` is never
/// modified. Out-of-memory retries with half the batch before giving up. `progress` may cancel.
/// engine::recordInt8Ranges on up to `limit` of `images` spread over them, each cropped to the
/// region around its ventricle that inference would use (ventricleRegion of its labels; whole
/// when it shows none): what train and finetune do before a model is written, so that it runs
/// in int8 where that pays. Throws std::invalid_argument without images.
void recordInt8Ranges(engine::Model& model, const std::vector<const LabelledImage*>& images, std::size_t limit = 64);
void recordInt8Ranges(engine::Model& model, const std::vector<LabelledImage>& images, std::size_t limit = 64);

FinetuneReport finetune(const engine::Model& base, const std::vector<LabelledImage>& corrections,
                        const std::vector<LabelledImage>& replay, const FinetuneOptions& options,
                        const std::function<bool(const FinetuneProgress&)>& progress = {});

/// The verdict on a finished fine-tune, in categories that an interface words in its language.
struct FinetuneVerdict {
    enum class Kind {
        AcceptedBetter,     ///< better on the held-out corrections
        AcceptedAsGood,     ///< as good on the held-out corrections
        AcceptedUnchecked,  ///< nothing was held out to compare
        RejectedForgets,    ///< the replay images fell by more than the tolerance
        RejectedWorse,      ///< worse on the held-out corrections
    } kind = Kind::AcceptedUnchecked;
    bool heldChecked = false;    ///< held-out corrections were compared
    bool replayChecked = false;  ///< replay images were compared
    bool replayFell = false;     ///< the replay Dice fell (within the tolerance when accepted)
};
FinetuneVerdict finetuneVerdict(const FinetuneReport& report, std::size_t held, std::size_t replayChecked);

/// Why a finished fine-tune is accepted or not, for people: the held-out and replay Dice before
/// and after, and the verdict in plain words — "at least as good" only when nothing fell;
/// "within 0.01 of the old model" when the replay images lost a little but within the tolerance.
/// `held`: corrections held out; `replayChecked`: replay images checked (0: none).
std::string describeDecision(const FinetuneReport& report, const FinetuneOptions& options, std::size_t held,
                             std::size_t replayChecked);

/// Labelled images of the base model's own training data that are at hand, for replay: the
/// patients it was trained on (metadata "trained_on") found in `dataset` when that is a dataset
/// in SCD layout, else those found in the sample dataset shipped with CardioSeg. Images among
/// `corrections` (same patient and instance) are left out. Empty when none is at hand.
std::vector<LabelledImage> replayImages(const engine::Model& base, const std::filesystem::path& dataset,
                                        const std::vector<LabelledImage>& corrections,
                                        std::vector<io::SkippedFile>& skipped);

/// A batch provider mixing corrections and replay images (each augmented); batch i depends
/// only on (seed, i). Every batch holds the same number of corrections — its share of the
/// batch, at least one — taken in turn, so that each correction is seen as often as the
/// others; replay images, drawn at random, fill the rest.
engine::BatchProvider makeMixedProvider(const std::vector<LabelledImage>& corrections,
                                        const std::vector<LabelledImage>& replay, double replayShare,
                                        const AugmentConfig& augment, std::uint64_t seed);

}  // namespace cardioseg::training
