// A model file as untrusted input: the zip archive, its pickles and its code checked before
// LibTorch would read it (io::checkModelArchive), then every entry read within its limit.
#include "fuzz_support.h"
#include "io/model_archive.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    const auto file = fuzz::freshScratch() / "model.pt";
    fuzz::writeFile(file, data, size);
    try {
        for (const auto& e : io::checkModelArchive(file)) io::readArchiveEntry(file, e, 1 << 20);
    } catch (const io::ModelArchiveError&) {
    }
    return 0;
}
