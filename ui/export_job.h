#pragma once

#include <QString>

#include <string>
#include <vector>

#include "image/series_labels.h"

namespace cardioseg::ui {

/// What to export and where.
struct ExportOptions {
    QString folder;
    bool png = true;
    bool nifti = false;
    bool dicomSeg = false;
    bool deidentify = false;
    bool manual = true;  ///< labels corrected by a person (recorded in DICOM SEG)
};

struct ExportResult {
    std::vector<std::string> files;
    std::string error;  ///< empty on success: else the file and the reason
};

/// Writes the masks of a series in the chosen formats (any thread; every file atomically).
ExportResult exportMasks(const image::CineSeries& series, const image::SeriesLabels& labels, const ExportOptions& options);

/// Labels to export: the corrections where an image has them, else the model's labels.
image::SeriesLabels mergedLabels(const image::SeriesLabels& corrections, const image::SeriesLabels& prediction);

}  // namespace cardioseg::ui
