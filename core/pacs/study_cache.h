#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "io/study.h"
#include "pacs/pacs.h"

namespace cardioseg::pacs {

/// A study in the local cache, as the index lists it.
struct CachedStudy {
    std::string studyUid;
    std::string patientName, patientId, studyDate, description;
    std::string node;            ///< where it came from
    std::uint64_t bytes = 0;     ///< on disk (measured when recorded)
    int files = 0;
    bool complete = false;       ///< every instance asked for has arrived
    std::int64_t retrieved = 0;  ///< Unix time of the last retrieval
    std::int64_t lastUsed = 0;   ///< Unix time it was last retrieved or opened
    std::int64_t resultsSent = 0;  ///< Unix time results were last sent to a node (0: never)
};

/// The local study cache: `<data folder>/studies/<StudyInstanceUID>/` per study (series
/// folders inside, see Client::retrieve) and index.json listing them. Every change to the index
/// is a read-modify-write under a file lock, written atomically, so several workstations and
/// command-line runs may share one cache.
class StudyCache {
public:
    explicit StudyCache(std::filesystem::path root) : m_root(std::move(root)) {}
    const std::filesystem::path& root() const { return m_root; }
    /// The folder of a study (throws std::invalid_argument for a UID that is not one).
    std::filesystem::path folderOf(const std::string& studyUid) const;

    /// Every study of the index whose folder exists, most recently used first. Sizes are the
    /// index's, measured when each study was recorded (only record() and remove() change a
    /// study's images), so listing never walks the cache's files.
    std::vector<CachedStudy> list() const;
    /// Adds or updates a study, its size measured now; throws std::runtime_error on write errors.
    void record(CachedStudy study);
    /// The study was opened: it becomes the most recently used.
    void touch(const std::string& studyUid);
    /// Results of the study were sent to a node: its corrections are safe elsewhere.
    void markSent(const std::string& studyUid);
    /// Removes a study's images and its index entry (its workspace is not touched).
    void remove(const std::string& studyUid);
    /// Removes least recently used studies until the cache holds at most `limitBytes`; a study
    /// for which `keep` is true is never removed. Returns the UIDs removed.
    std::vector<std::string> evict(std::uint64_t limitBytes, const std::function<bool(const CachedStudy&)>& keep);

private:
    template <class F>
    void update(F&& change);
    /// Sets a study's time `when` to now.
    void stamp(const std::string& studyUid, std::int64_t CachedStudy::*when);
    std::filesystem::path m_root;
};

/// True when a cached study must stay: it is open in a workstation (its workspace is locked), or
/// its workspace holds corrections saved after its results were last sent.
bool hasUnsentWork(const StudyCache& cache, const CachedStudy& study, const io::WorkspacePlacement& placement);

}  // namespace cardioseg::pacs
