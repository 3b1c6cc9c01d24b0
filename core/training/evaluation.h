#pragma once

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analysis/function.h"
#include "engine/segmenter.h"
#include "image/slice_range.h"
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

/// LV function from the expert-labelled images of one patient and from the model's labels of
/// the same images (nothing else of the series; the model's myocardium only on images where the
/// experts drew the epicardium), with the blood-pool Dice over those images.
///
/// A phase's volume is the blood-pool pixel count of its labelled slices times the voxel size,
/// so the Dice D over that phase's images bounds how far the model's volume M can lie from the
/// experts' E: with overlap I ≤ min(M, E) and D = 2I/(M + E), M/E ≤ (2 − D)/D and
/// M/E ≥ D/(2 − D). The volume errors must lie within these bounds; a volume computed on other
/// slices, with another voxel size, or counting pixels the experts left unlabelled would break
/// them.
struct FunctionAgreement {
    analysis::CardiacFunction expert;
    analysis::CardiacFunction model;
    double bloodPoolDice = 0.0;    ///< all labelled images
    double edBloodPoolDice = 0.0;  ///< the images of the experts' end-diastolic phase
    double esBloodPoolDice = 0.0;  ///< ... end-systolic phase
    double edvErrorPercent() const { return 100.0 * (model.edvMl - expert.edvMl) / expert.edvMl; }
    double esvErrorPercent() const { return 100.0 * (model.esvMl - expert.esvMl) / expert.esvMl; }
    double efDifference() const { return model.efPercent - expert.efPercent; }  ///< percentage points
    /// The largest volume error (percent, on the side of `errorPercent`) that blood-pool Dice
    /// `dice` permits: 200(1 − D)/D above the experts' volume, 200(1 − D)/(2 − D) below.
    static double volumeBoundPercent(double dice, double errorPercent) {
        return 200.0 * (1.0 - dice) / (errorPercent >= 0 ? dice : 2.0 - dice);
    }
    double edvBoundPercent() const { return volumeBoundPercent(edBloodPoolDice, edvErrorPercent()); }
    double esvBoundPercent() const { return volumeBoundPercent(esBloodPoolDice, esvErrorPercent()); }
    bool withinDice() const {
        return std::abs(edvErrorPercent()) <= edvBoundPercent() + 1e-9 &&
               std::abs(esvErrorPercent()) <= esvBoundPercent() + 1e-9;
    }
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
    /// Per patient, when the series geometry is known (evaluateModel on an SCD dataset).
    std::map<std::string, FunctionAgreement> function;

    /// The left ventricle's extent at each expert-labelled phase: the experts' labelled slices
    /// (first to last) and the model's coverage (evaluateModel with coverage).
    struct CoverageAgreement {
        int phase = 0;
        image::SliceRange experts;
        image::SliceRange model;
    };
    std::map<std::string, std::vector<CoverageAgreement>> coverage;

    /// Whole volumes, as studies labelled on every slice from base to apex are judged: every
    /// slice of each expert-labelled phase, the slices the experts left empty counting as
    /// background (blood pool over all such phases, myocardium over the phases with epicardia).
    struct WholeVolume {
        metrics::ConfusionMatrix cm{3};
        double labelsOutsideMl = 0.0;  ///< the model's blood pool and myocardium on slices the experts left empty
        int images = 0;
    };
    WholeVolume wholeVolume;
    std::map<std::string, WholeVolume> wholeVolumePerPatient;

    /// How the network ran (evaluateModel): whole images, crops around the ventricle, and crops
    /// run again whole because the labels reached the crop's side.
    struct NetworkRuns {
        std::size_t wholeImages = 0, croppedImages = 0, regionFallbacks = 0;
    };
    NetworkRuns runs;
    /// How the network ran: the device and, on the CPU, engine::Segmenter::configuration().
    std::string engine;
};

/// How evaluateModel runs the model.
struct EvaluateOptions {
    bool postprocess = true;  ///< analysis::cleanLvLabels, as the workstation does
    /// The left ventricle's coverage found from the model's labels of every slice (of the
    /// expert-labelled phases and their neighbours) and applied, as the workstation does.
    bool coverage = true;
    /// Images changed first to look like another scanner's (training::simulateScanner kinds;
    /// empty: as they are).
    std::string simulate;
};

/// Expert against model LV function per patient, on the expert-labelled images only
/// (predictions parallel to `images`; `series` gives each patient's geometry and grid).
std::map<std::string, FunctionAgreement> compareFunction(const std::vector<LabelledImage>& images,
                                                         const std::vector<image::LabelMap>& predictions,
                                                         const std::map<std::string, image::CineSeries>& series);

/// Figures of predictions (parallel to `images`) against their expert labels.
EvaluationReport evaluatePredictions(const std::vector<LabelledImage>& images,
                                     const std::vector<image::LabelMap>& predictions,
                                     const std::map<std::string, std::pair<double, double>>& spacingByPatient);

/// Segments the labelled images of a dataset with a model (post-processed and limited to the
/// ventricle's coverage as the workstation does, unless asked otherwise) and evaluates them,
/// LV function, coverage and whole volumes included.
EvaluationReport evaluateModel(const engine::Model& model, const std::filesystem::path& dataset,
                               const SelectOptions& select, const engine::SegmentOptions& segment,
                               const EvaluateOptions& options, std::vector<io::SkippedFile>& skipped,
                               const io::ProgressFn& progress = {});

}  // namespace cardioseg::training
