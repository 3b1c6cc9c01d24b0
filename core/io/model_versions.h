#pragma once

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace cardioseg::io {

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
    double diceBefore = std::numeric_limits<double>::quiet_NaN();  ///< held-out corrections, parent
    double diceAfter = std::numeric_limits<double>::quiet_NaN();   ///< ... this version
    double replayBefore = std::numeric_limits<double>::quiet_NaN();
    double replayAfter = std::numeric_limits<double>::quiet_NaN();
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
