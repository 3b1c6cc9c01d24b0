#pragma once

#include <filesystem>
#include <vector>

#include "image/cine_series.h"
#include "io/progress.h"

namespace cardioseg::io {

struct LoadOptions {
    bool decodePixels = true;  ///< false: headers only (fast listing); decode later
    int threads = 0;           ///< 0: one per hardware thread
    ProgressFn progress;       ///< optional; returning false cancels
};

struct LoadResult {
    std::vector<image::CineSeries> series;  ///< ordered by study, then series number
    std::vector<SkippedFile> skipped;
    bool cancelled = false;
};

/// Loads DICOM images from files and folders. Folders are searched recursively (files with or
/// without the .dcm extension); a folder with a DICOMDIR is read through it. Images are grouped
/// by SeriesInstanceUID and arranged as slices × phases (see arrangeSeries). Files that cannot
/// be used are listed in `skipped` with the reason; the rest still load. Input files are only
/// ever read.
LoadResult loadDicom(const std::vector<std::filesystem::path>& inputs,
                     const LoadOptions& options = {});

/// Decodes the pixels of a series loaded with decodePixels = false. Frames whose pixels cannot
/// be decoded are removed from the series and reported in `skipped`. Returns false when
/// cancelled (the series then keeps what was decoded so far).
bool decodeSeriesPixels(image::CineSeries& series, std::vector<SkippedFile>& skipped,
                        int threads = 0, const ProgressFn& progress = {});

/// The files that loadDicom would read for these inputs (DICOMDIR files excluded).
std::vector<std::filesystem::path> collectDicomFiles(
    const std::vector<std::filesystem::path>& inputs, std::vector<SkippedFile>& skipped);

/// Window from the 1st and 99th percentiles of the decoded pixels of a series.
image::Window percentileWindow(const image::CineSeries& series);

}  // namespace cardioseg::io
