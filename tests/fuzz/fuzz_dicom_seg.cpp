// DICOM SEG import, matched against a series by its SOP instance UIDs.
#include "fuzz_support.h"
#include "io/dicom_seg.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    static const image::CineSeries series = fuzz::smallSeries();
    const auto file = fuzz::freshScratch() / "seg.dcm";
    fuzz::writeFile(file, data, size);
    try {
        (void)io::readDicomSeg(file, series);
    } catch (const std::exception&) {
    }
    return 0;
}
