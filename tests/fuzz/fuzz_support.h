#pragma once

// Helpers of the fuzz targets: each target feeds one parser of outside input the bytes it is
// given, through a file where the parser reads files. Parsers report bad input by throwing;
// only a crash, a sanitizer report, a hang or unbounded memory is a finding.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "image/cine_series.h"

namespace cardioseg::fuzz {

/// A folder of this process's own, emptied for each input and removed when the process ends.
inline const std::filesystem::path& scratch() {
    // Never destroyed: the exit handler that removes the folder runs after static destructors.
    static const std::filesystem::path* dir = [] {
        auto* d = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                            ("cardioseg-fuzz-" + std::to_string(::getpid())));
        std::filesystem::create_directories(*d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratch(), ec);
        });
        return d;
    }();
    return *dir;
}

/// Empties the scratch folder and returns it.
inline std::filesystem::path freshScratch() {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(scratch(), ec)) std::filesystem::remove_all(e.path(), ec);
    return scratch();
}

inline void writeFile(const std::filesystem::path& file, const std::uint8_t* data, std::size_t size) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

/// A 2 × 3 series of 16 × 12 images whose SOP instance UIDs are "1.2.3.<slice>.<phase>" and
/// series UID "1.2.3.4": what mask, SEG and workspace readers match their input against.
inline image::CineSeries smallSeries() {
    image::CineSeries s;
    s.slices = 2;
    s.phases = 3;
    s.geometry.rows = 12;
    s.geometry.columns = 16;
    s.info.seriesUid = "1.2.3.4";
    s.info.studyUid = "1.2.3";
    s.info.frameOfReferenceUid = "1.2.3.5";
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            s.grid.push_back(static_cast<int>(s.frames.size()));
            image::FrameInfo f;
            f.instanceNumber = static_cast<int>(s.frames.size()) + 1;
            f.sopInstanceUid = "1.2.3." + std::to_string(k) + "." + std::to_string(p);
            f.sopClassUid = "1.2.840.10008.5.1.4.1.1.4";
            f.position = {0, 0, 8.0 * k};
            f.hasPosition = true;
            s.frames.push_back(f);
            s.pixels.emplace_back(16, 12, 100.0f);
        }
    return s;
}

}  // namespace cardioseg::fuzz
