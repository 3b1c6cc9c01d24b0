// The DICOM loader on a folder of two files (the input split where its first byte says): series
// arrangement across files, duplicates, mismatched geometry.
#include "fuzz_support.h"
#include "io/dicom_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    if (size < 1) return 0;
    const std::size_t cut = 1 + (size - 1) * data[0] / 255;
    const auto dir = fuzz::freshScratch() / "study";
    fuzz::writeFile(dir / "a.dcm", data + 1, cut - 1);
    fuzz::writeFile(dir / "b.dcm", data + cut, size - cut);
    try {
        (void)io::loadDicom({dir});
    } catch (const std::exception&) {
    }
    return 0;
}
