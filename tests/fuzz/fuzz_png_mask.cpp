// PNG mask import: a folder with one mask where the series' first image expects it.
#include "fuzz_support.h"
#include "io/png_masks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    static const image::CineSeries series = fuzz::smallSeries();
    const auto dir = fuzz::freshScratch() / "masks";
    fuzz::writeFile(dir / io::pngMaskName(series, 0, 0), data, size);
    try {
        std::vector<io::SkippedFile> skipped;
        (void)io::readPngMasks(series, dir, skipped);
    } catch (const std::exception&) {
    }
    return 0;
}
