#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::io {

/// File name of the PNG mask of an image: "inst0047_slice02_phase06.png" (DICOM
/// InstanceNumber, then 0-based slice and phase), so every mask maps back to its DICOM image.
std::string pngMaskName(const image::CineSeries& series, int slice, int phase);

/// Writes one 8-bit PNG per labelled image (pixel values are the label values 0, 1, 2, 255),
/// each atomically. Returns the written paths. Throws std::runtime_error on write errors; `done`
/// (when given) receives each file once it is complete, so that a failure part way still says
/// which were written.
std::vector<std::filesystem::path> writePngMasks(const image::CineSeries& series,
                                                 const image::SeriesLabels& labels,
                                                 const std::filesystem::path& dir,
                                                 const ProgressFn& progress = {},
                                                 std::vector<std::filesystem::path>* done = nullptr);

/// Reads PNG masks written by writePngMasks back onto a series. Files that do not match an
/// image of the series, or have the wrong size, are reported in `skipped`.
image::SeriesLabels readPngMasks(const image::CineSeries& series, const std::filesystem::path& dir,
                                 std::vector<SkippedFile>& skipped);

}  // namespace cardioseg::io
