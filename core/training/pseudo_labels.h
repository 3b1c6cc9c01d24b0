#pragma once

#include <filesystem>
#include <vector>

#include "engine/model.h"
#include "training/training_set.h"

namespace cardioseg::training {

/// Which of a model's labels of the unlabelled images are good enough to learn from.
struct PseudoLabelOptions {
    double minSurround = 0.8;      ///< the cavity's myocardial ring at least this closed
    double minBloodPoolMm2 = 100;  ///< a real cavity, not an apical speck
    /// Only the images the model is surest about: at most this share of each patient's
    /// candidates, the least uncertain first.
    double keepShare = 0.5;
    int threads = 0;
};

/// The images of a dataset's patients that carry no expert contour (more than nine in ten of a
/// cine study), labelled by `teacher` as the workstation labels them (post-processed, limited
/// to the ventricle's coverage): only slices inside the coverage whose cavity the myocardium
/// closes around, among the least uncertain. For self-training with strong augmentation, so
/// that a student learns the same labels under appearances the teacher never saw.
std::vector<LabelledImage> pseudoLabelledImages(const engine::Model& teacher,
                                                const std::filesystem::path& root,
                                                const SelectOptions& select,
                                                const PseudoLabelOptions& options,
                                                std::vector<io::SkippedFile>& skipped);

}  // namespace cardioseg::training
