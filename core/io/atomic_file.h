#pragma once

#include <filesystem>
#include <functional>

namespace cardioseg::io {

/// Writes `target` atomically: `write` fills a temporary file in the same folder, which then
/// replaces the target in one rename, so readers never see a half-written file. Throws
/// std::runtime_error naming the file and the reason (unwritable folder, disk full, ...);
/// the temporary file is removed on failure and the previous target is left as it was.
void writeAtomically(const std::filesystem::path& target,
                     const std::function<void(const std::filesystem::path& temporary)>& write);

/// Creates `dir` and its parents; throws std::runtime_error with the reason when impossible.
void ensureDirectory(const std::filesystem::path& dir);

}  // namespace cardioseg::io
