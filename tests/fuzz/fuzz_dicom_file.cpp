// The DICOM loader on one file: every series it finds, pixels decoded.
#include "fuzz_support.h"
#include "io/dicom_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    const auto dir = fuzz::freshScratch();
    fuzz::writeFile(dir / "image.dcm", data, size);
    try {
        const io::LoadResult r = io::loadDicom({dir / "image.dcm"});
        for (const auto& s : r.series) (void)io::percentileWindow(s);
    } catch (const std::exception&) {
    }
    return 0;
}
