#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cardioseg::engine {

/// The range an activation took over the calibration images.
struct ActivationRange {
    float min = 0.0f, max = 0.0f;
};

/// What a model file says about its weights, written with them: where they came from (training
/// data, recipe, parent), how they were checked, and what running them needs (int8 ranges).
/// Typed fields; the file holds them as "meta.<key>=<value>" lines under the keys named here.
struct ModelInfo {
    std::string created;  ///< "created": ISO 8601 date or time
    /// "software_version": the CardioSeg version that wrote the file (Model::save sets it).
    std::string softwareVersion;
    std::string parent;   ///< "parent": "none", a model version id or a file
    std::string version;  ///< "version": its id among a study's model versions ("v3"), if one
    std::vector<std::string> trainedOn;          ///< "trained_on": patient IDs of its training data
    std::optional<long long> trainingImages;     ///< "training_images"
    std::string trainingDataHash;                ///< "training_data_hash"
    std::string schedule;                        ///< "schedule": the training recipe in words
    std::optional<std::uint64_t> seed;           ///< "seed"
    std::vector<std::string> validatedOn;        ///< "validated_on": patient IDs held out
    std::optional<double> validationDice;        ///< "validation_dice"
    /// "finetuned_on", "finetune_held_out": corrected images ("patient:instance") learned from
    /// and held out to check the update.
    std::vector<std::string> finetunedOn, finetuneHeldOut;
    std::optional<long long> finetuneReplayImages;  ///< "finetune_replay_images"
    /// The fine-tune checks by their keys ("dice_before", "dice_after", "replay_dice_before",
    /// "replay_dice_after"; see io::FinetuneChecks), NaN where there were no images.
    std::map<std::string, double> finetuneChecks;
    std::string finetuneDecision;  ///< "finetune_decision": why the update was kept or not
    /// "int8_activations": the range of every activation the int8 network quantises, in its
    /// running order (engine::recordInt8Ranges); empty when not recorded.
    std::vector<ActivationRange> int8Activations;
    std::optional<long long> checkpointIteration;  ///< "checkpoint_iteration": a training checkpoint's
    /// "world_size", "global_batch": the processes a model or checkpoint was trained on (data
    /// parallel) and the images of one step over all of them.
    std::optional<long long> worldSize, globalBatch;
    /// Entries this version does not know, kept as read (a newer writer's).
    std::map<std::string, std::string> other;

    /// The entries as written (keys without "meta."), unset fields left out.
    std::map<std::string, std::string> entries() const;
    /// Reads entries; throws std::invalid_argument naming the key whose value cannot be read.
    static ModelInfo fromEntries(const std::map<std::string, std::string>& entries);
};

/// "min:max min:max ..." and back; decoding throws std::invalid_argument on anything else.
std::string encodeActivationRanges(const std::vector<ActivationRange>& ranges);
std::vector<ActivationRange> decodeActivationRanges(const std::string& text);

}  // namespace cardioseg::engine
