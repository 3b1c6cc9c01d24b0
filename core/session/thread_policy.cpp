#include "session/thread_policy.h"

#include <exception>
#include <thread>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace cardioseg::session {

namespace {
constexpr int kBackgroundNice = 10;
}

int currentThreadNice() {
#if defined(__linux__)
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
#else
    return 0;
#endif
}

void runInBackground(const std::function<void()>& work) {
    std::exception_ptr error;
    std::thread thread([&] {
#if defined(__linux__)
        // Linux keeps a nice value per thread; threads created from this one inherit it.
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kBackgroundNice);
#endif
        try {
            work();
        } catch (...) {
            error = std::current_exception();
        }
    });
    thread.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace cardioseg::session
