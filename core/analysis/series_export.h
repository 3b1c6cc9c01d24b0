#pragma once

// Exports of a series' labels, the same for the workstation and the command line: PNG, NIfTI,
// DICOM SEG, contours (JSON, CSV) and the model-against-corrections metrics.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analysis/function.h"
#include "image/cine_series.h"
#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::analysis {

/// Which labels an export writes.
enum class LabelSource {
    CorrectionsElsePrediction,  ///< the corrections where an image has them, else the model's
    Corrections,                ///< the corrections only
    Prediction,                 ///< the model's labels only
};

/// What to export and where.
struct ExportOptions {
    std::filesystem::path folder;
    LabelSource source = LabelSource::CorrectionsElsePrediction;
    bool png = true;
    bool nifti = false;
    bool dicomSeg = false;
    bool contoursJson = false;
    bool contoursCsv = false;
    bool metricsCsv = false;  ///< the model against the corrections, per image and pooled
    /// measurements_sr.dcm: EDV, ESV, SV, EF and mass as a DICOM SR (TID 1500), for the PACS;
    /// it carries the patient's identity, so never with `deidentify`.
    bool measurementsSr = false;
    FunctionOptions function;  ///< for the SR: ED/ES and body size chosen by a person
    /// images/: de-identified copies of the source images, which the de-identified SEG
    /// references (only with `deidentify`).
    bool sourceImages = false;
    /// De-identified after DICOM PS3.15's Basic Profile: the SEG and contours JSON carry no
    /// identifying attribute and new UIDs (the same in both); PNG, NIfTI and the CSVs never
    /// carry the patient's identity.
    bool deidentify = false;
};

/// The labels of one series that an export may need.
struct ExportInput {
    /// Shared, read-only: the export runs on a worker while the workstation may open another
    /// study (a caller that outlives the export may hand a non-owning pointer).
    std::shared_ptr<const image::CineSeries> series;
    image::SeriesLabels prediction;
    image::SeriesLabels corrections;
    std::map<std::pair<int, int>, std::string> states;  ///< review state names, for the metrics CSV
    std::string algorithmName = "CardioSeg";  ///< the model that made the labels (algorithmName())
};

struct ExportResult {
    std::vector<std::string> files;
    std::string error;  ///< empty on success: else the file, the reason and what was written before
    bool cancelled = false;
    std::vector<std::string> warnings;  ///< source values the DICOM SEG left out or repaired
};

/// Labels of a source: corrections, the model's, or the corrections completed by the model's.
image::SeriesLabels selectLabels(const image::SeriesLabels& corrections, const image::SeriesLabels& prediction,
                                 LabelSource source);

/// Writes the chosen files (any thread; each atomically): png/…, labels.nii.gz,
/// segmentation.dcm, contours.json, contours.csv, metrics.csv. Stops at the first error
/// (the file and the reason: unwritable folder, disk full, ...); `progress` may cancel.
ExportResult exportSeries(const ExportInput& input, const ExportOptions& options, const io::ProgressFn& progress);

/// How a DICOM SEG names the model that made its labels: "CardioSeg <architecture> (<model
/// file's name>)", a part left out when unknown. The workstation and `segment` both use it.
std::string algorithmName(const std::string& architecture, const std::filesystem::path& modelFile);

}  // namespace cardioseg::analysis
