#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/segmenter.h"
#include "metrics/confusion.h"
#include "training/training_set.h"

namespace cardioseg::training {

/// Per-class figures of an evaluation.
struct ClassFigures {
    double dice = 0.0;
    double iou = 0.0;
    double hausdorffMm = 0.0;  ///< mean over images of the 2-D Hausdorff distance
    double assdMm = 0.0;       ///< mean over images of the average symmetric surface distance
    int images = 0;            ///< images the class was measured on
    int missed = 0;            ///< of those, images where the prediction had none of the class
};

struct PatientFigures {
    int images = 0;
    ClassFigures bloodPool;
    ClassFigures myocardium;
};

/// The seed study's metrics and more, for a model against expert labels.
/// Blood-pool figures cover every image with an endocardial contour, myocardium figures every
/// image with both contours; ignore pixels are excluded. The five summary metrics come from the
/// confusion matrix pooled over all classes (background included) and all labelled images.
struct EvaluationReport {
    std::vector<std::string> patients;
    int images = 0;
    ClassFigures bloodPool;
    ClassFigures myocardium;
    metrics::ConfusionMatrix pooled{3};
    std::map<std::string, PatientFigures> perPatient;
};

/// Figures of predictions (parallel to `images`) against their expert labels.
EvaluationReport evaluatePredictions(const std::vector<LabelledImage>& images,
                                     const std::vector<image::LabelMap>& predictions,
                                     const std::map<std::string, std::pair<double, double>>& spacingByPatient);

/// Segments the labelled images of a dataset with a model (post-processed as the workstation
/// does when `postprocess`) and evaluates them.
EvaluationReport evaluateModel(const engine::Model& model, const std::filesystem::path& dataset,
                               const SelectOptions& select, const engine::SegmentOptions& segment, bool postprocess,
                               std::vector<io::SkippedFile>& skipped, const io::ProgressFn& progress = {});

}  // namespace cardioseg::training
