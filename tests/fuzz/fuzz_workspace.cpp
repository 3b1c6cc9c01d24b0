// A study workspace's workspace.json, restored against a series.
#include "fuzz_support.h"
#include "io/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    static const image::CineSeries series = fuzz::smallSeries();
    const auto dir = fuzz::freshScratch() / "workspace";
    fuzz::writeFile(dir / "workspace.json", data, size);
    try {
        const io::Workspace ws(dir);
        std::vector<io::SkippedFile> skipped;
        (void)ws.load(series, skipped);
        (void)ws.activeModel();
    } catch (const std::exception&) {
    }
    return 0;
}
