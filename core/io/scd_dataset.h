#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "image/polygon.h"
#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::io {

/// Expert contours drawn on one DICOM instance.
struct ExpertContours {
    int instanceNumber = 0;
    std::optional<image::Polygon> endocardium;  ///< LV blood pool boundary
    std::optional<image::Polygon> epicardium;   ///< outer boundary of the LV myocardium
};

/// One patient of a dataset in SCD layout.
struct ScdPatient {
    std::string patientId;   ///< DICOM folder name, e.g. SCD0000101
    std::string originalId;  ///< contour folder name, e.g. SC-HF-I-1
    std::filesystem::path dicomDir;
    std::filesystem::path contourDir;
    std::map<int, ExpertContours> contours;  ///< by DICOM InstanceNumber
};

struct ScdDataset {
    std::filesystem::path root;
    std::vector<ScdPatient> patients;
    std::vector<SkippedFile> skipped;  ///< unreadable contour files, missing folders
};

/// Reads a dataset in SCD layout: link.csv, dicoms/<patient_id>/, contourfiles/<original_id>/
/// {i-contours,o-contours}/IM-0001-NNNN-{i,o}contour-manual.txt. Throws std::runtime_error when
/// `root` has no readable link.csv; bad contour files are reported in `skipped`.
ScdDataset readScdDataset(const std::filesystem::path& root);

/// Reads one contour file ("x y" per line, pixel coordinates). Throws std::runtime_error with
/// the file, line and reason.
image::Polygon readContourFile(const std::filesystem::path& file);

/// Label maps of the annotated images of a series (the patient's DICOM series), placed at the
/// slice and phase of the instance each contour was drawn on. Contours whose instance is not in
/// the series are reported in `skipped`.
image::SeriesLabels expertLabels(const ScdPatient& patient, const image::CineSeries& series,
                                 std::vector<SkippedFile>* skipped = nullptr);

}  // namespace cardioseg::io
