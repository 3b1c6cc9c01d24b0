// NIfTI label import, alone and matched against a series.
#include "fuzz_support.h"
#include "io/nifti_masks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    static const image::CineSeries series = fuzz::smallSeries();
    const auto file = fuzz::freshScratch() / "labels.nii";
    fuzz::writeFile(file, data, size);
    try {
        (void)io::readNiftiLabels(file);
    } catch (const std::exception&) {
    }
    try {
        (void)io::readNiftiLabelsFor(file, series);
    } catch (const std::exception&) {
    }
    return 0;
}
