#pragma once

#include <functional>

namespace cardioseg::session {

/// Runs `work` on a thread of its own at background priority (nice +10 on Linux), so that every
/// thread it starts — LibTorch's compute threads, a data thread — inherits that priority:
/// background work may then use every core while the interface is idle, and yields them as
/// soon as the interface needs one. Returns when `work` has finished (exceptions propagate).
void runInBackground(const std::function<void()>& work);

/// The priority (nice value) of the calling thread; 0 where the system has none.
int currentThreadNice();

}  // namespace cardioseg::session
