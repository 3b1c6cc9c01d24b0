#pragma once

#include "image/image2d.h"

namespace cardioseg::analysis {

/// What cardiologists expect of an LV segmentation: the blood pool one connected region
/// without holes (the largest component, holes filled), and the myocardium the components that
/// touch it (the largest one when none does). Labels other than 1 and 2 are left alone.
void cleanLvLabels(image::LabelMap& labels);

}  // namespace cardioseg::analysis
