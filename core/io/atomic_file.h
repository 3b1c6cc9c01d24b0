#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace cardioseg::io {

/// Writes `target` atomically: `write` fills a temporary file in the same folder, which then
/// replaces the target in one rename, so readers never see a half-written file. Throws
/// std::runtime_error naming the file and the reason (unwritable folder, disk full, ...);
/// the temporary file is removed on failure and the previous target is left as it was.
void writeAtomically(const std::filesystem::path& target,
                     const std::function<void(const std::filesystem::path& temporary)>& write);

/// Writes `bytes` to `target` atomically (see writeAtomically), every write and the final flush
/// to disk checked, so a full disk is reported rather than leaving a truncated file.
void writeFileAtomically(const std::filesystem::path& target, const std::string& bytes);

/// Writes `bytes` to `file` (created or truncated) and flushes it to disk; throws
/// std::runtime_error with the system's reason ("No space left on device", ...).
void writeFileDurably(const std::filesystem::path& file, const std::string& bytes);

/// Removes the temporary files that writeAtomically left in `dir` when its process was killed
/// mid-write (their process has ended); returns how many. Files of running processes stay.
int removeStaleTemporaries(const std::filesystem::path& dir);

/// Test seam for bad environments: every atomic write asks `fault` (when set) about its target
/// once its temporary file is written; a non-zero errno makes that write fail as the system
/// would (ENOSPC: disk full, EROFS: read-only file system, EACCES, ...): the temporary file is
/// removed, the target left as it was, the error names the file and the system's reason. Empty
/// function: no fault. Thread-safe.
void setWriteFault(std::function<int(const std::filesystem::path& target)> fault);

/// Creates `dir` and its parents; throws std::runtime_error with the reason when impossible.
void ensureDirectory(const std::filesystem::path& dir);

}  // namespace cardioseg::io
