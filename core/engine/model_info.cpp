#include "engine/model_info.h"

#include <cmath>
#include <sstream>
#include <type_traits>

namespace cardioseg::engine {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& item : items) s += (s.empty() ? "" : ",") + item;
    return s;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

/// A figure as model files carry it: "n/a" where there was nothing to measure.
std::string number(double v) {
    if (std::isnan(v)) return "n/a";
    std::ostringstream s;
    s.precision(6);
    s << std::fixed << v;
    return s.str();
}

/// The whole value as a number (NaN allowed where written so), else invalid_argument naming
/// the key.
template <typename T>
T parse(const std::string& key, const std::string& value) {
    std::size_t used = 0;
    T v{};
    if constexpr (std::is_same_v<T, double>)
        if (value == "n/a") return std::nan("");
    try {
        if constexpr (std::is_same_v<T, double>) v = std::stod(value, &used);
        else if constexpr (std::is_same_v<T, std::uint64_t>) v = std::stoull(value, &used);
        else v = std::stoll(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != value.size() || (std::is_unsigned_v<T> && value.find('-') != std::string::npos))
        throw std::invalid_argument("metadata '" + key + "' is not a number: '" + value.substr(0, 40) + "'");
    return v;
}

/// Where each check's key lives: the figures fine-tuning writes.
const char* const kCheckKeys[] = {"dice_before", "dice_after", "replay_dice_before", "replay_dice_after"};

}  // namespace

std::map<std::string, std::string> ModelInfo::entries() const {
    std::map<std::string, std::string> e = other;
    const auto text = [&](const char* key, const std::string& v) {
        if (!v.empty()) e[key] = v;
    };
    const auto list = [&](const char* key, const std::vector<std::string>& v) {
        if (!v.empty()) e[key] = joined(v);
    };
    text("created", created);
    text("software_version", softwareVersion);
    text("parent", parent);
    text("version", version);
    list("trained_on", trainedOn);
    if (trainingImages) e["training_images"] = std::to_string(*trainingImages);
    text("training_data_hash", trainingDataHash);
    text("schedule", schedule);
    if (seed) e["seed"] = std::to_string(*seed);
    list("validated_on", validatedOn);
    if (validationDice) e["validation_dice"] = number(*validationDice);
    list("finetuned_on", finetunedOn);
    list("finetune_held_out", finetuneHeldOut);
    if (finetuneReplayImages) e["finetune_replay_images"] = std::to_string(*finetuneReplayImages);
    for (const auto& [key, v] : finetuneChecks) e[key] = number(v);
    text("finetune_decision", finetuneDecision);
    if (!int8Activations.empty()) e["int8_activations"] = encodeActivationRanges(int8Activations);
    if (checkpointIteration) e["checkpoint_iteration"] = std::to_string(*checkpointIteration);
    if (worldSize) e["world_size"] = std::to_string(*worldSize);
    if (globalBatch) e["global_batch"] = std::to_string(*globalBatch);
    return e;
}

ModelInfo ModelInfo::fromEntries(const std::map<std::string, std::string>& entries) {
    ModelInfo info;
    for (const auto& [key, value] : entries) {
        if (key == "created") info.created = value;
        else if (key == "software_version") info.softwareVersion = value;
        else if (key == "parent") info.parent = value;
        else if (key == "version") info.version = value;
        else if (key == "trained_on") info.trainedOn = split(value);
        else if (key == "training_images") info.trainingImages = parse<long long>(key, value);
        else if (key == "training_data_hash") info.trainingDataHash = value;
        else if (key == "schedule") info.schedule = value;
        else if (key == "seed") info.seed = parse<std::uint64_t>(key, value);
        else if (key == "validated_on") info.validatedOn = split(value);
        else if (key == "validation_dice") info.validationDice = parse<double>(key, value);
        else if (key == "finetuned_on") info.finetunedOn = split(value);
        else if (key == "finetune_held_out") info.finetuneHeldOut = split(value);
        else if (key == "finetune_replay_images") info.finetuneReplayImages = parse<long long>(key, value);
        else if (key == "finetune_decision") info.finetuneDecision = value;
        else if (key == "checkpoint_iteration") info.checkpointIteration = parse<long long>(key, value);
        else if (key == "world_size") info.worldSize = parse<long long>(key, value);
        else if (key == "global_batch") info.globalBatch = parse<long long>(key, value);
        else if (key == "int8_activations") {
            try {
                info.int8Activations = decodeActivationRanges(value);
            } catch (const std::invalid_argument& e) {
                throw std::invalid_argument("metadata 'int8_activations': " + std::string(e.what()).substr(0, 120));
            }
        } else {
            bool check = false;
            for (const char* k : kCheckKeys)
                if (key == k) check = true;
            if (check) info.finetuneChecks[key] = parse<double>(key, value);
            else info.other[key] = value;
        }
    }
    return info;
}

std::string encodeActivationRanges(const std::vector<ActivationRange>& ranges) {
    std::ostringstream out;
    out.precision(9);
    for (std::size_t i = 0; i < ranges.size(); ++i) out << (i ? " " : "") << ranges[i].min << ':' << ranges[i].max;
    return out.str();
}

std::vector<ActivationRange> decodeActivationRanges(const std::string& text) {
    std::vector<ActivationRange> ranges;
    std::istringstream in(text);
    for (std::string item; in >> item;) {
        const auto colon = item.find(':');
        if (colon == std::string::npos) throw std::invalid_argument("activation range without ':': " + item);
        std::size_t used1 = 0, used2 = 0;
        ActivationRange r;
        try {
            r.min = std::stof(item.substr(0, colon), &used1);
            r.max = std::stof(item.substr(colon + 1), &used2);
        } catch (const std::exception&) {
            throw std::invalid_argument("activation range is not two numbers: " + item);
        }
        if (used1 != colon || used2 != item.size() - colon - 1 || !std::isfinite(r.min) || !std::isfinite(r.max) ||
            r.min > r.max)
            throw std::invalid_argument("activation range is not min:max with min <= max: " + item);
        ranges.push_back(r);
    }
    return ranges;
}

}  // namespace cardioseg::engine
