#pragma once

#include <vector>

#include "image/cine_series.h"

namespace cardioseg::io {

/// What the header of one frame says about the stack geometry.
struct FrameGeometryHint {
    int rows = 0;
    int columns = 0;
    double rowSpacing = 0.0;  ///< 0 when absent
    double colSpacing = 0.0;
    image::Vec3 rowDir{1, 0, 0};
    image::Vec3 colDir{0, 1, 0};
    bool hasOrientation = false;
    double sliceThickness = 0.0;
    double spacingBetweenSlices = 0.0;
};

/// Arranges the frames of one series into slices × phases and fills series.grid,
/// series.slices, series.phases and series.geometry (series.frames and hints are parallel and
/// reordered in place).
///
/// Slices: ImagePositionPatient projected on the normal of ImageOrientationPatient, or
/// SliceLocation when positions are absent; positions within 0.01 mm are one slice. A
/// short-axis stack is ordered base to apex: slice 0 is the one furthest from the direction
/// (left, anterior, inferior) in which the LV apex points. Slice spacing is the median distance
/// between neighbouring slices (SpacingBetweenSlices, then SliceThickness, for one slice).
/// Phases: TriggerTime, then InstanceNumber.
void arrangeSeries(image::CineSeries& series, std::vector<FrameGeometryHint>& hints);

}  // namespace cardioseg::io
