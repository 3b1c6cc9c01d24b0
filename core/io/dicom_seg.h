#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cardioseg_version.h"
#include "image/series_labels.h"

namespace cardioseg::io {

class UidMap;

struct DicomSegOptions {
    std::string seriesDescription = "CardioSeg LV segmentation";
    std::string algorithmName = "CardioSeg";
    std::string softwareVersion = CARDIOSEG_VERSION;
    bool manual = false;       ///< labels drawn or corrected by a person (else automatic)
    /// De-identified after DICOM PS3.15's Basic Profile (see io/deidentify.h): identifying
    /// attributes removed or emptied, UIDs replaced, the choice recorded. The notes then name no
    /// source value.
    bool deidentify = false;
    /// The UIDs' replacements, shared with the other files of the same export so that they
    /// match (null: the SEG's own).
    UidMap* uids = nullptr;
};

/// What a DICOM SEG export wrote, and what it had to change in the values it copied.
struct DicomSegReport {
    std::size_t images = 0;  ///< source images referenced
    std::size_t frames = 0;  ///< frames written (one per image and segment)
    /// Source values left out or repaired (file: attribute, value, what was done) and UIDs
    /// repeated although they break the UID rules; empty for clean sources.
    std::vector<std::string> notes;
};

/// Writes the labels as a binary DICOM Segmentation (dcmseg) with two coded segments, LV blood
/// pool (SCT 87878005 Left ventricle) and LV myocardium (SCT 74281007 Myocardium, region left
/// ventricle). Every labelled image contributes one frame per segment, referencing its source
/// image (SOP Instance UID), with the image's position and orientation; patient, study and
/// frame of reference come from the source images. Ignore (255) pixels are not part of any
/// segment. Frames are organised by segment, slice position and (cine series) temporal
/// position; the source series and every source image are listed in the Referenced Series
/// Sequence.
///
/// Real archives carry values that break DICOM's rules (UID components with leading zeros,
/// dates such as 20120000). References to the source (study, frame of reference, series,
/// images) repeat its UIDs byte for byte whatever they are, since they must match; every other
/// copied value is checked against its VR and repaired (retired date/time forms, case of coded
/// strings, control characters, length) or left out, each change listed in the report. Our own
/// new attributes are always valid. Written atomically; throws std::runtime_error with the
/// reason on failure.
DicomSegReport writeDicomSeg(const std::filesystem::path& file, const image::CineSeries& series,
                   const image::SeriesLabels& labels, const DicomSegOptions& options = {});

/// Reads a DICOM SEG onto the series whose images it references (by SOP Instance UID).
/// Throws std::runtime_error when the file is not a segmentation or references none of the
/// series' images.
image::SeriesLabels readDicomSeg(const std::filesystem::path& file, const image::CineSeries& series);

}  // namespace cardioseg::io
