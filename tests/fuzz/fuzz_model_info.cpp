// A model file's information ("meta.<key>=<value>" lines as the file holds them) read into
// engine::ModelInfo, written back and read again: what reads must write and read the same.
#include <map>
#include <sstream>
#include <string>

#include "engine/model_info.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cardioseg;
    std::map<std::string, std::string> entries;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    for (std::string line; std::getline(in, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) entries[line.substr(0, eq)] = line.substr(eq + 1);
    }
    engine::ModelInfo info;
    try {
        info = engine::ModelInfo::fromEntries(entries);
    } catch (const std::invalid_argument&) {
        return 0;
    }
    // What was read is written and read back alike (a value it wrote it must read).
    const auto written = info.entries();
    const auto again = engine::ModelInfo::fromEntries(written).entries();
    if (again != written) __builtin_trap();
    return 0;
}
