#pragma once

// Results as DICOM objects a PACS stores beside the images: the cardiac measurements as a
// structured report (TID 1500 Measurement Report) and the PDF report as Encapsulated PDF. Both
// belong to the source study and reference the source series' images.

#include <filesystem>
#include <limits>
#include <string>

#include "image/cine_series.h"

namespace cardioseg::io {

/// Left-ventricular function of one series (NaN: not measured, left out of the report).
struct MeasurementValues {
    double edvMl = std::numeric_limits<double>::quiet_NaN();
    double esvMl = std::numeric_limits<double>::quiet_NaN();
    double svMl = std::numeric_limits<double>::quiet_NaN();
    double efPercent = std::numeric_limits<double>::quiet_NaN();
    double massG = std::numeric_limits<double>::quiet_NaN();
    int edPhase = -1;  ///< 0-based
    int esPhase = -1;
    bool manual = false;  ///< from labels a person corrected (else the model's alone)
    std::string algorithmName = "CardioSeg";
};

/// Writes a Comprehensive SR following TID 1500 (Imaging Measurement Report): language,
/// observer (our device), procedure (MRI of the heart), image library of the source images, and
/// one measurement group (TID 1501, tracking identifier and UID, finding: left ventricle) with
/// EDV, ESV, SV (LOINC, mL), EF (LOINC, %) and mass (g), each NUM in UCUM units. Its Current
/// Requested Procedure Evidence lists every source image; patient and study are the source's.
/// Written atomically; throws std::runtime_error with the reason.
void writeMeasurementSr(const std::filesystem::path& file, const image::CineSeries& series, const MeasurementValues& values);

/// Writes the PDF `pdf` as an Encapsulated PDF object (Modality DOC, Burned In Annotation YES)
/// in the source study; its Source Instance Sequence lists the source images. Written
/// atomically; throws std::runtime_error with the reason.
void writeEncapsulatedPdf(const std::filesystem::path& file, const image::CineSeries& series,
                          const std::filesystem::path& pdf, const std::string& title);

}  // namespace cardioseg::io
