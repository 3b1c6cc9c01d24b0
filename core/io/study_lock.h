#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace cardioseg::io {

/// Who holds a study's lock: written into the lock file as `key=value` lines.
struct LockHolder {
    std::string host;
    long pid = 0;
    /// The holder process's start time (clock ticks since boot, from /proc): with the pid it
    /// tells a live holder from another process that was given the same pid later.
    long long processStart = 0;
    std::string user;
    std::string since;  ///< when it took the lock (UTC, ISO 8601)
};

/// One workstation at a time edits a study: the first to open it holds `<workspace>/study.lock`
/// (created exclusively, so two openers never both win); a second opens the study read-only and
/// is told who holds it. A lock is stale, and taken over, when its holder is gone: on this host,
/// its process has ended (or its pid now belongs to another process); from another host, its
/// holder has not refreshed it for `kStaleAfter` (a live holder refreshes it every
/// `kRefreshEvery`). A lock file that cannot be read is stale too.
class StudyLock {
public:
    static constexpr std::chrono::seconds kRefreshEvery{60};
    static constexpr std::chrono::seconds kStaleAfter{600};

    enum class Outcome {
        Acquired,     ///< this process holds it now
        TookOverStale,///< a stale lock was replaced (its holder is in `holder()`)
        HeldByOther,  ///< a live holder has it: open read-only
        Unavailable,  ///< no lock can be made there (read-only folder, ...): `error()` says why
    };

    StudyLock() = default;
    /// Tries to take the lock of the workspace folder `folder` (created when missing).
    static StudyLock acquire(const std::filesystem::path& folder);
    /// Releases the lock if this process holds it.
    ~StudyLock();
    StudyLock(StudyLock&& other) noexcept;
    StudyLock& operator=(StudyLock&& other) noexcept;
    StudyLock(const StudyLock&) = delete;
    StudyLock& operator=(const StudyLock&) = delete;

    Outcome outcome() const { return m_outcome; }
    /// This process holds the lock (acquired or taken over).
    bool held() const { return m_outcome == Outcome::Acquired || m_outcome == Outcome::TookOverStale; }
    /// The other holder (HeldByOther), or the stale one replaced (TookOverStale).
    const LockHolder& holder() const { return m_other; }
    const std::string& error() const { return m_error; }
    const std::filesystem::path& file() const { return m_file; }

    /// Marks the lock alive (its modification time) so that other hosts do not think it stale.
    /// Returns false when the lock file is no longer ours (removed or taken over).
    bool refresh() const;
    /// Removes the lock file if it is still ours.
    void release();

    /// This process as a holder.
    static LockHolder self();
    /// Reads a lock file; false when it is absent or unreadable.
    static bool read(const std::filesystem::path& file, LockHolder& holder);
    /// Whether the holder of `file` is gone (see the class comment).
    static bool isStale(const std::filesystem::path& file, const LockHolder& holder);

    static constexpr const char* kFileName = "study.lock";

private:
    std::filesystem::path m_file;
    Outcome m_outcome = Outcome::Unavailable;
    LockHolder m_other;
    LockHolder m_self;
    std::string m_error;
};

/// "host <host>, process <pid>, user <user>, since <time>" for messages.
std::string describe(const LockHolder& holder);

}  // namespace cardioseg::io
