#pragma once

#include <functional>
#include <string>

namespace cardioseg::io {

/// Progress of long work: fraction done in [0, 1] and a short status line.
/// Returning false asks the work to stop as soon as it can.
using ProgressFn = std::function<bool(double fraction, const std::string& status)>;

/// A file that could not be used, and why, in words a user can act on.
struct SkippedFile {
    std::string file;
    std::string reason;
};

}  // namespace cardioseg::io
