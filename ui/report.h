#pragma once

#include <QColor>
#include <QImage>
#include <QString>

#include "analysis/function.h"
#include "image/cine_series.h"
#include "image/series_labels.h"
#include "image_adapters.h"

#include <memory>

namespace cardioseg::ui {

/// What a function report shows.
struct ReportInput {
    /// Shared with the study, read-only: the report is written on a worker while the
    /// workstation may open another study.
    std::shared_ptr<const image::CineSeries> series;
    /// The contour colours in use, taken on the GUI thread when the input is made (the worker
    /// never reads the workstation's settings).
    QColor bloodPoolColor = labelColor(image::label::BloodPool);
    QColor myocardiumColor = labelColor(image::label::Myocardium);
    image::SeriesLabels model;     ///< the model's labels
    image::SeriesLabels reviewed;  ///< corrections, the model's elsewhere
    analysis::CardiacFunction modelFunction;
    analysis::CardiacFunction reviewedFunction;
    QString modelName;       ///< file and version of the model
    QString agreement;       ///< the model against the corrections, in clinical words (no metric jargon)
    int reviewedImages = 0;  ///< images corrected or confirmed
    /// No patient identity (DICOM PS3.15 Basic Profile): no name, ID, birth date, sex, study
    /// date or descriptions; the header says the report is de-identified.
    bool deidentify = false;
};

/// The report's header lines: patient, study, model, date. Empty or invalid values (dates such
/// as 00000000, unknown sex codes) are left out rather than printed raw; dates as the locale
/// writes them.
QStringList reportHeader(const ReportInput& input);

/// The slice the key images show: the same slice at end-diastole and end-systole, the
/// mid-ventricular one (largest reviewed blood pool at end-diastole, present at both phases).
int keySliceForBoth(const ReportInput& input);

/// Writes a PDF report (any thread): patient and study, the measures from the model and from
/// the reviewed labels with their differences, the volume curve, key images with contours at
/// end-diastole and end-systole, the model and its agreement with the corrections, the method.
/// The measures are also in the PDF's XMP metadata for programs. Throws std::runtime_error
/// naming the file and the reason.
void writeReport(const QString& file, const ReportInput& input);

/// A key image: the slice at `phase` windowed, with the reviewed outlines solid and the model's
/// dashed, cropped around the ventricle and enlarged.
QImage keyImage(const ReportInput& input, int slice, int phase, int size);



}  // namespace cardioseg::ui
