#include "io/written_files.h"

#include <map>
#include <utility>

namespace fs = std::filesystem;

namespace cardioseg::io {

std::string describeWrittenFiles(const std::vector<std::string>& files) {
    if (files.empty()) return "nothing";
    // Groups in the order they were written: (folder, extension) → count and first file.
    std::vector<std::pair<std::pair<std::string, std::string>, std::pair<int, std::string>>> groups;
    for (const auto& f : files) {
        const fs::path p(f);
        const std::pair<std::string, std::string> key{p.parent_path().string(),
                                                      p.extension().string()};
        auto it = groups.begin();
        while (it != groups.end() && it->first != key) ++it;
        if (it == groups.end())
            groups.push_back({key, {1, f}});
        else
            ++it->second.first;
    }
    std::string out;
    for (const auto& [key, value] : groups) {
        if (!out.empty()) out += ", ";
        out += value.first == 1
                   ? value.second
                   : std::to_string(value.first) + " " + key.second + " files in " + key.first;
    }
    return out;
}

}  // namespace cardioseg::io
