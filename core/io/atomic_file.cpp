#include "io/atomic_file.h"

#include <atomic>
#include <stdexcept>
#include <string>

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

void writeAtomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    static std::atomic<unsigned> counter{0};
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    ensureDirectory(dir);
    // Keep the real extension last: some writers choose the format from it.
    const fs::path tmp = dir / ("." + target.stem().string() + ".tmp" + std::to_string(::getpid()) +
                                "_" + std::to_string(counter++) + target.extension().string());
    try {
        write(tmp);
        std::error_code ec;
        if (!fs::is_regular_file(tmp, ec) || fs::file_size(tmp, ec) == 0)
            throw std::runtime_error("nothing was written (disk full or folder not writable?)");
        fs::rename(tmp, target, ec);
        if (ec) throw std::runtime_error(ec.message());
    } catch (const std::exception& e) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw std::runtime_error("cannot write " + target.string() + ": " + e.what());
    }
}

}  // namespace cardioseg::io
