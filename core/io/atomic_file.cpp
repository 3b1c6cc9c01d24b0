#include "io/atomic_file.h"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cardioseg::io {

void ensureDirectory(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw std::runtime_error("cannot create folder " + dir.string() + ": " +
                                 (ec ? ec.message() : "a file of that name exists"));
}

namespace {

std::string systemError() { return std::strerror(errno); }

/// Flushes a written file to disk: on file systems that allocate late, a full disk shows here.
void syncFile(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(systemError());
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL;  // EINVAL: a file that cannot be synced
    const std::string reason = ok ? std::string() : systemError();
    ::close(fd);
    if (!ok) throw std::runtime_error(reason);
}

}  // namespace

void writeFileDurably(const fs::path& file, const std::string& bytes) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(systemError());
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string reason = n < 0 ? systemError() : std::string("nothing written");
            ::close(fd);
            throw std::runtime_error(reason);
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
    const std::string reason = synced ? std::string() : systemError();
    if (::close(fd) != 0 && synced) throw std::runtime_error(systemError());
    if (!synced) throw std::runtime_error(reason);
}

void writeFileAtomically(const fs::path& target, const std::string& bytes) {
    writeAtomically(target, [&](const fs::path& tmp) { writeFileDurably(tmp, bytes); });
}

namespace {

std::mutex g_faultMutex;
std::function<int(const fs::path&)> g_fault;

int injectedFault(const fs::path& target) {
    std::lock_guard<std::mutex> lock(g_faultMutex);
    return g_fault ? g_fault(target) : 0;
}

}  // namespace

void setWriteFault(std::function<int(const fs::path&)> fault) {
    std::lock_guard<std::mutex> lock(g_faultMutex);
    g_fault = std::move(fault);
}

int removeStaleTemporaries(const fs::path& dir) {
    int removed = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        // ".<stem>.tmp<pid>_<n><ext>", as writeAtomically names them.
        const std::string name = e.path().filename().string();
        const auto at = name.rfind(".tmp");
        if (name.empty() || name[0] != '.' || at == std::string::npos || at == 0) continue;
        char* end = nullptr;
        const long pid = std::strtol(name.c_str() + at + 4, &end, 10);
        if (pid <= 0 || !end || *end != '_' || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // its writer runs
        std::error_code rm;
        if (e.is_regular_file(rm) && fs::remove(e.path(), rm)) ++removed;
    }
    return removed;
}

void writeAtomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    static std::atomic<unsigned> counter{0};
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    ensureDirectory(dir);
    // Keep the real extension last: some writers choose the format from it.
    const fs::path tmp = dir / ("." + target.stem().string() + ".tmp" + std::to_string(::getpid()) +
                                "_" + std::to_string(counter++) + target.extension().string());
    try {
        write(tmp);
        if (const int fault = injectedFault(target)) throw std::runtime_error(std::strerror(fault));
        std::error_code ec;
        if (!fs::is_regular_file(tmp, ec) || fs::file_size(tmp, ec) == 0)
            throw std::runtime_error("nothing was written (disk full or folder not writable?)");
        syncFile(tmp);
        fs::rename(tmp, target, ec);
        if (ec) throw std::runtime_error(ec.message());
    } catch (const std::exception& e) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw std::runtime_error("cannot write " + target.string() + ": " + e.what());
    }
}

}  // namespace cardioseg::io
