#pragma once

#include <filesystem>
#include <string>

#include "image/series_labels.h"

namespace cardioseg::io {

struct DicomSegOptions {
    std::string seriesDescription = "CardioSeg LV segmentation";
    std::string algorithmName = "CardioSeg";
    std::string softwareVersion = "0.1.0";
    bool manual = false;       ///< labels drawn or corrected by a person (else automatic)
    bool deidentify = false;   ///< replace patient name/ID, drop birth date, sex and other IDs
};

/// Writes the labels as a binary DICOM Segmentation (dcmseg) with two coded segments, LV blood
/// pool (SCT 87878005 Left ventricle) and LV myocardium (SCT 74281007 Myocardium, region left
/// ventricle). Every labelled image contributes one frame per segment, referencing its source
/// image (SOP Instance UID), with the image's position and orientation; patient, study and
/// frame of reference come from the source images. Ignore (255) pixels are not part of any
/// segment. Written atomically; throws std::runtime_error with the reason on failure.
void writeDicomSeg(const std::filesystem::path& file, const image::CineSeries& series,
                   const image::SeriesLabels& labels, const DicomSegOptions& options = {});

/// Reads a DICOM SEG onto the series whose images it references (by SOP Instance UID).
/// Throws std::runtime_error when the file is not a segmentation or references none of the
/// series' images.
image::SeriesLabels readDicomSeg(const std::filesystem::path& file, const image::CineSeries& series);

}  // namespace cardioseg::io
