#pragma once

#include <QString>

#include "image/geometry.h"

namespace cardioseg::ui {

/// Radiological orientation letters of a direction in DICOM patient space (LPS), strongest
/// first: e.g. (−0.1, 0.35, −0.93) → "FP" (feet, posterior). Components under 0.3 are left out.
QString orientationLetters(const image::Vec3& direction);

}  // namespace cardioseg::ui
