// A study's model versions index (versions.json).
#include "fuzz_support.h"
#include "io/model_versions.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    const auto dir = fuzz::freshScratch() / "models";
    fuzz::writeFile(dir / "versions.json", data, size);
    try {
        const io::ModelVersions versions(dir);
        (void)versions.list();
        (void)versions.nextId();
    } catch (const std::exception&) {
    }
    return 0;
}
