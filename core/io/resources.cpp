#include "io/resources.h"

#include <cstdlib>

namespace fs = std::filesystem;

namespace cardioseg::io {

fs::path resourceDir() {
    if (const char* env = std::getenv("CARDIOSEG_RESOURCES"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "cardioseg";
        if (fs::is_directory(installed / "sample", ec)) return installed;
    }
    return CARDIOSEG_SOURCE_RESOURCE_DIR;
}

fs::path sampleDatasetDir() { return resourceDir() / "sample"; }

fs::path sampleStudyDir() { return sampleDatasetDir() / "dicoms" / "SCD0000101"; }

fs::path defaultModelPath() { return resourceDir() / "models" / "default.pt"; }

}  // namespace cardioseg::io
