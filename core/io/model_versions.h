#pragma once

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace cardioseg::io {

/// What a fine-tuning run was checked on, before (the parent model) and after (the new one):
/// Dice on the corrections held out of training, and on replayed images of the parent's
/// training data (NaN where there were none). One type for the run's report, the model file's
/// metadata, the versions index and the command line's JSON, under the same keys everywhere.
struct FinetuneChecks {
    double diceBefore = std::numeric_limits<double>::quiet_NaN();
    double diceAfter = std::numeric_limits<double>::quiet_NaN();
    double replayBefore = std::numeric_limits<double>::quiet_NaN();
    double replayAfter = std::numeric_limits<double>::quiet_NaN();

    struct Field {
        const char* key;  ///< "dice_before", "dice_after", "replay_dice_before", "replay_dice_after"
        double FinetuneChecks::*value;
    };
    /// The figures with their keys, for every writer and reader.
    static const std::vector<Field>& fields();
};

/// One accepted fine-tuning run: a model file and what it came from.
struct ModelVersion {
    std::string id;       ///< "v1", "v2", … (assigned by ModelVersions::add)
    std::string file;     ///< the model file
    std::string parent;   ///< the model it was fine-tuned from (a version id or a file)
    std::string created;  ///< ISO 8601, UTC
    int corrections = 0;  ///< corrected images trained on
    int heldOut = 0;      ///< corrected images held out to check it
    long long iterations = 0;
    double seconds = 0.0;
    FinetuneChecks checks;  ///< the parent (before) and this version (after)
    std::string schedule;
    std::string decision;  ///< why it was accepted
};

/// The model versions of a workspace: model files in a folder and an index (versions.json),
/// written atomically.
class ModelVersions {
public:
    explicit ModelVersions(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    const std::filesystem::path& folder() const { return m_folder; }
    /// Every version, oldest first (none when there is no index). Throws std::runtime_error
    /// naming the file when the index cannot be read.
    std::vector<ModelVersion> list() const;
    /// The id the next version gets.
    std::string nextId() const;
    /// Where the model file of a version goes.
    std::filesystem::path fileFor(const std::string& id) const;
    /// Records a version (its model file already written); assigns the next id when `version.id`
    /// is empty. Returns it as recorded.
    ModelVersion add(ModelVersion version) const;

private:
    std::filesystem::path m_folder;
};

}  // namespace cardioseg::io
