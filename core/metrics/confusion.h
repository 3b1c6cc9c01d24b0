#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image/image2d.h"

namespace cardioseg::metrics {

/// Confusion matrix over `classes` labels; pixels whose truth is the ignore label (255) are not
/// counted. rows = truth, columns = prediction. Matrices add, so per-image matrices pool into
/// per-patient and whole-dataset ones.
///
/// Pixels known not to be blood pool without a known class (NotBloodPool, 254: outside an
/// endocardial contour drawn without an epicardial one, as on end-systolic expert images) are
/// kept apart: those predicted as blood pool are false positives of the blood pool (its IoU and
/// Dice count them, as a comparison of the endocardial region with the expert's would); they
/// count nowhere else, since their true class is unknown.
class ConfusionMatrix {
public:
    explicit ConfusionMatrix(int classes = 3);

    /// Counts every pixel of `truth` (except ignore) against `prediction` (same size; a
    /// prediction outside [0, classes) counts as class 0). Throws std::invalid_argument on a
    /// size mismatch.
    void add(const image::LabelMap& truth, const image::LabelMap& prediction);
    void add(const ConfusionMatrix& other);
    /// Every count as a flat list (the matrix row by row, then the NotBloodPool ones): what
    /// processes add up to pool their matrices; fromCounts makes the matrix again. fromCounts
    /// throws std::invalid_argument on a list of another length or a count that is negative or
    /// not whole.
    std::vector<double> countList() const;
    static ConfusionMatrix fromCounts(int classes, const std::vector<double>& counts);
    std::uint64_t at(int truth, int predicted) const { return m_counts[truth * m_classes + predicted]; }
    int classes() const { return m_classes; }
    std::uint64_t total() const;
    /// NotBloodPool pixels predicted as `predicted`.
    std::uint64_t outsideBloodPool(int predicted) const { return m_outside[predicted]; }

    double iou(int c) const;   ///< TP / (TP + FP + FN); NaN when the class never occurs
    double dice(int c) const;  ///< 2TP / (2TP + FP + FN); NaN when the class never occurs
    double accuracy(int c) const;  ///< TP / (TP + FN): the class's recall

    // The seed study's five summary metrics (over all classes, background included).
    double meanIou() const;       ///< mean of per-class IoU
    double meanDice() const;      ///< mean of per-class Dice
    double meanAccuracy() const;  ///< mean of per-class accuracy (recall)
    double frequencyWeightedAccuracy() const;  ///< Σ_c freq_c · IoU_c, freq_c = truth share of c
    double overallAccuracy() const;            ///< Σ TP / total

private:
    struct Counts {
        std::uint64_t tp, fp, fn;
    };
    Counts counts(int c) const;

    int m_classes;
    std::vector<std::uint64_t> m_counts;
    std::vector<std::uint64_t> m_outside;  ///< NotBloodPool truth, by prediction
};

}  // namespace cardioseg::metrics
