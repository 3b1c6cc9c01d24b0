#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "image/geometry.h"
#include "image/image2d.h"

namespace cardioseg::image {

/// Where one 2-D image of a series comes from, and what its header says about it.
struct FrameInfo {
    std::string file;     ///< source file
    int frameIndex = 0;   ///< frame inside a multi-frame file, 0 for single-frame files
    int instanceNumber = 0;
    std::string sopInstanceUid;
    std::string sopClassUid;
    double triggerTime = 0.0;  ///< ms after the R wave (0 when absent)
    bool hasTriggerTime = false;
    Vec3 position{0, 0, 0};  ///< ImagePositionPatient
    bool hasPosition = false;
    double sliceLocation = 0.0;
    bool hasSliceLocation = false;
    double rescaleSlope = 1.0;  ///< modality LUT: value = raw * slope + intercept
    double rescaleIntercept = 0.0;
};

/// Patient, study and series attributes shown to users and carried into exports.
struct SeriesInfo {
    std::string seriesUid;
    std::string studyUid;
    std::string frameOfReferenceUid;
    std::string patientId;
    std::string patientName;
    std::string patientBirthDate;
    std::string patientSex;
    std::string studyDate;
    std::string studyDescription;
    std::string seriesDescription;
    std::string modality;
    std::string manufacturer;
    int seriesNumber = 0;
    double patientSizeM = 0.0;    ///< 0 when absent
    double patientWeightKg = 0.0; ///< 0 when absent
};

/// Display window in modality units (after rescale slope/intercept).
struct Window {
    double center = 0.0;
    double width = 1.0;
};

/// A series arranged as slices × cardiac phases. Non-cine series have one phase; a single image
/// is 1 × 1. Slice 0 is the most basal slice of a short-axis stack (see io::sortSeries).
struct CineSeries {
    SeriesInfo info;
    Geometry geometry;
    int slices = 0;
    int phases = 0;
    std::vector<FrameInfo> frames;
    /// slices*phases entries: index into frames, or -1 where the (slice, phase) has no image.
    std::vector<int> grid;
    /// Parallel to frames; empty images until the pixels are decoded. Values are in modality
    /// units (rescale applied); MONOCHROME1 data is inverted so that bright means high signal.
    std::vector<FloatImage> pixels;
    Window window;
    bool windowFromHeader = false;

    int frameAt(int slice, int phase) const {
        if (slice < 0 || phase < 0 || slice >= slices || phase >= phases) return -1;
        return grid[static_cast<std::size_t>(slice) * phases + phase];
    }
    /// The decoded image at (slice, phase), or nullptr when absent or not decoded yet.
    const FloatImage* image(int slice, int phase) const {
        const int f = frameAt(slice, phase);
        if (f < 0 || static_cast<std::size_t>(f) >= pixels.size() || pixels[f].empty()) return nullptr;
        return &pixels[f];
    }
    bool pixelsLoaded() const {
        if (pixels.size() != frames.size()) return false;
        for (const auto& p : pixels)
            if (p.empty()) return false;
        return true;
    }
    /// (slice, phase) of the image with this DICOM InstanceNumber (single-frame series).
    std::optional<std::pair<int, int>> findInstance(int instanceNumber) const {
        for (int s = 0; s < slices; ++s)
            for (int p = 0; p < phases; ++p) {
                const int f = frameAt(s, p);
                if (f >= 0 && frames[f].instanceNumber == instanceNumber) return std::make_pair(s, p);
            }
        return std::nullopt;
    }
    std::size_t imageCount() const { return frames.size(); }
};

}  // namespace cardioseg::image
