// An SCD contour file ("x y" per line).
#include "fuzz_support.h"
#include "io/scd_dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    const auto file = fuzz::freshScratch() / "IM-0001-0048-icontour-manual.txt";
    fuzz::writeFile(file, data, size);
    try {
        (void)io::readContourFile(file);
    } catch (const std::exception&) {
    }
    return 0;
}
