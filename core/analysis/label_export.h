#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>
#include <utility>

#include "image/series_labels.h"

namespace cardioseg::io {
class UidMap;
}

namespace cardioseg::analysis {

/// Contours of every labelled image of a series (endocardium and epicardium outlines, see
/// regionContours) as JSON: series and geometry, then per image its slice, phase, instance
/// number and SOP instance UID, and per contour its points in pixels and in patient
/// coordinates (mm, LPS). Not de-identified, it names the patient (ID and name). `deidentify`
/// leaves the patient out, replaces every UID through `uids` (shared with the other files of
/// the export so that they match; null: its own) and records the de-identification.
/// Written atomically; throws std::runtime_error naming the file and the reason.
void writeContoursJson(const std::filesystem::path& file, const image::CineSeries& series,
                       const image::SeriesLabels& labels, bool deidentify, io::UidMap* uids = nullptr);

/// The same contours as CSV, one row per point:
/// slice,phase,instance,contour,region,point,x_px,y_px,x_mm,y_mm,z_mm.
void writeContoursCsv(const std::filesystem::path& file, const image::CineSeries& series,
                      const image::SeriesLabels& labels);

/// Agreement between the model's labels and the corrections, as CSV: one row per image that
/// has both (Dice and IoU per class, its review state), then one pooled row for the series
/// with the seed study's five summary metrics. `states` maps (slice, phase) to a review-state
/// name; images absent from it are "unreviewed". Throws when no image has both.
void writeAgreementCsv(const std::filesystem::path& file, const image::CineSeries& series,
                       const image::SeriesLabels& prediction, const image::SeriesLabels& corrections,
                       const std::map<std::pair<int, int>, std::string>& states);

struct CardiacFunction;

/// LV function as CSV: the summary (ED/ES phases, EDV, ESV, SV, EF, myocardial volume, LV mass,
/// BSA and indexed values) and the blood-pool and myocardial volume of every phase, for each
/// named set of labels side by side (e.g. the model's and the reviewed labels).
void writeFunctionCsv(const std::filesystem::path& file,
                      const std::vector<std::pair<std::string, const CardiacFunction*>>& functions);

}  // namespace cardioseg::analysis
