#include "engine/blas.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

namespace cardioseg::engine {

namespace {

/// The library LibTorch's sgemm_ comes from (the one the process resolved first): its file
/// (resolved) and a handle whose lookups see it and its dependencies; both empty when none is
/// loaded. Another BLAS may be loaded too (LAPACK's alternative can pull OpenBLAS in beside
/// the reference BLAS): only the one that provides sgemm_ counts. Found once per process.
struct SgemmLibrary {
    std::string file;
    void* handle = nullptr;
};
const SgemmLibrary& sgemmLibrary() {
    static const SgemmLibrary library = [] {
        SgemmLibrary l;
        void* sgemm = dlsym(RTLD_DEFAULT, "sgemm_");
        Dl_info where{};
        if (!sgemm || !dladdr(sgemm, &where) || !where.dli_fname) return l;
        std::error_code ec;
        const auto resolved = std::filesystem::canonical(where.dli_fname, ec);
        l.file = ec ? where.dli_fname : resolved.string();
        // Already loaded: this only takes a reference (kept for the process's lifetime).
        l.handle = dlopen(where.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
        return l;
    }();
    return library;
}

template <typename F>
F symbol(const char* name) {
    void* const library = sgemmLibrary().handle;
    return library ? reinterpret_cast<F>(dlsym(library, name)) : nullptr;
}

/// OpenBLAS's threading: 0 sequential, 1 pthreads, 2 OpenMP; -1 when not OpenBLAS.
int openblasParallel() {
    auto parallel = symbol<int (*)()>("openblas_get_parallel");
    return parallel ? parallel() : -1;
}

}  // namespace

BlasInfo blasInUse() {
    BlasInfo info;
    info.library = sgemmLibrary().file;
    if (auto config = symbol<char* (*)()>("openblas_get_config")) {
        std::string text = config();
        // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64": name, version, core.
        const auto space = text.find(' ', text.find(' ') + 1);
        info.name = text.substr(0, space);
        const int parallel = openblasParallel();
        info.name += parallel == 1 ? " (pthreads" : parallel == 2 ? " (OpenMP" : " (sequential";
        if (auto threads = symbol<int (*)()>("openblas_get_num_threads")) {
            const int n = threads();
            info.name += ", " + std::to_string(n) + (n == 1 ? " thread" : " threads");
        }
        info.name += ")";
        info.optimised = true;
    } else if (symbol<void*>("mkl_get_max_threads")) {
        info.name = "Intel MKL";
        info.optimised = true;
    } else if (symbol<void*>("bli_info_get_version_str")) {
        info.name = "BLIS";
        info.optimised = true;
    } else if (symbol<void*>("ATL_buildinfo")) {
        info.name = "ATLAS";
        info.optimised = true;
    } else if (!info.library.empty()) {
        info.name = "reference BLAS";
    } else {
        info.name = "none found";
    }
    return info;
}

void keepBlasSingleThreaded() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (std::getenv("OPENBLAS_NUM_THREADS") || std::getenv("GOTO_NUM_THREADS")) return;
        if (openblasParallel() != 1) return;
        if (auto set = symbol<void (*)(int)>("openblas_set_num_threads")) set(1);
    });
}

}  // namespace cardioseg::engine
