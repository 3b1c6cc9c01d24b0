#pragma once

#include <filesystem>
#include <string>

#include "image/series_labels.h"

namespace cardioseg::io {

/// Writes the labels of one phase (a 3-D volume) or, with phase = -1, of every phase (a 4-D
/// file, time as the 4th dimension) as NIfTI-1 through VTK; ".nii.gz" compresses. Geometry is
/// kept: qform and sform map voxel indices to RAS millimetres from the series' DICOM
/// geometry. Images without labels are written as 255 (unknown). The file is written
/// atomically; throws std::runtime_error on failure.
void writeNiftiLabels(const std::filesystem::path& file, const image::CineSeries& series,
                      const image::SeriesLabels& labels, int phase = -1);

/// A label volume read from a NIfTI file, with its geometry converted to DICOM LPS.
struct NiftiLabelVolume {
    image::Geometry geometry;  ///< rows, columns, spacings, origin and directions (LPS)
    int slices = 0;
    int phases = 0;
    image::SeriesLabels labels;  ///< maps that are all 255 come back empty (unlabelled)
};

/// Reads a NIfTI label file. Throws std::runtime_error naming the file and the reason.
NiftiLabelVolume readNiftiLabels(const std::filesystem::path& file);

/// Reads a NIfTI label file onto a series: the grid must match the series (same image size,
/// slice count and orientation within 0.01; slices stored in the opposite order are
/// reversed). A 3-D file goes to `phase` (or phase 0 of a one-phase series); a 4-D file must
/// have the series' phase count. Throws std::runtime_error when it does not fit.
image::SeriesLabels readNiftiLabelsFor(const std::filesystem::path& file,
                                       const image::CineSeries& series, int phase = -1);

}  // namespace cardioseg::io
