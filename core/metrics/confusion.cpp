#include "metrics/confusion.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace cardioseg::metrics {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double meanOf(const std::vector<double>& v) {
    double s = 0;
    int n = 0;
    for (double x : v)
        if (!std::isnan(x)) {
            s += x;
            ++n;
        }
    return n ? s / n : kNaN;
}
}  // namespace

ConfusionMatrix::ConfusionMatrix(int classes)
    : m_classes(classes), m_counts(static_cast<std::size_t>(classes) * classes, 0),
      m_outside(static_cast<std::size_t>(classes), 0) {}

void ConfusionMatrix::add(const image::LabelMap& truth, const image::LabelMap& prediction) {
    if (truth.width != prediction.width || truth.height != prediction.height)
        throw std::invalid_argument("confusion matrix: truth and prediction differ in size");
    for (std::size_t i = 0; i < truth.data.size(); ++i) {
        const int t = truth.data[i];
        int p = prediction.data[i];
        if (p >= m_classes) p = 0;
        if (t == image::label::NotBloodPool) {
            ++m_outside[static_cast<std::size_t>(p)];
            continue;
        }
        if (t == image::label::Ignore || t >= m_classes) continue;
        ++m_counts[static_cast<std::size_t>(t) * m_classes + p];
    }
}

void ConfusionMatrix::add(const ConfusionMatrix& other) {
    if (other.m_classes != m_classes) throw std::invalid_argument("confusion matrices differ in classes");
    for (std::size_t i = 0; i < m_counts.size(); ++i) m_counts[i] += other.m_counts[i];
    for (std::size_t i = 0; i < m_outside.size(); ++i) m_outside[i] += other.m_outside[i];
}

std::vector<double> ConfusionMatrix::countList() const {
    std::vector<double> out(m_counts.begin(), m_counts.end());
    out.insert(out.end(), m_outside.begin(), m_outside.end());
    return out;
}

ConfusionMatrix ConfusionMatrix::fromCounts(int classes, const std::vector<double>& counts) {
    ConfusionMatrix m(classes);
    if (counts.size() != m.m_counts.size() + m.m_outside.size())
        throw std::invalid_argument("confusion matrix: " + std::to_string(counts.size()) + " counts for " +
                                    std::to_string(classes) + " classes");
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double v = counts[i];
        if (!(v >= 0) || v != std::floor(v))
            throw std::invalid_argument("confusion matrix: count " + std::to_string(v) + " is not a whole number");
        (i < m.m_counts.size() ? m.m_counts[i] : m.m_outside[i - m.m_counts.size()]) = static_cast<std::uint64_t>(v);
    }
    return m;
}

std::uint64_t ConfusionMatrix::total() const {
    std::uint64_t t = 0;
    for (auto c : m_counts) t += c;
    return t;
}

ConfusionMatrix::Counts ConfusionMatrix::counts(int c) const {
    Counts n{at(c, c), 0, 0};
    for (int k = 0; k < m_classes; ++k)
        if (k != c) {
            n.fp += at(k, c);
            n.fn += at(c, k);
        }
    if (c == image::label::BloodPool) n.fp += m_outside[static_cast<std::size_t>(c)];
    return n;
}

double ConfusionMatrix::iou(int c) const {
    const Counts n = counts(c);
    const std::uint64_t d = n.tp + n.fp + n.fn;
    return d ? static_cast<double>(n.tp) / d : kNaN;
}

double ConfusionMatrix::dice(int c) const {
    const Counts n = counts(c);
    const std::uint64_t d = 2 * n.tp + n.fp + n.fn;
    return d ? 2.0 * n.tp / d : kNaN;
}

double ConfusionMatrix::accuracy(int c) const {
    std::uint64_t row = 0;
    for (int k = 0; k < m_classes; ++k) row += at(c, k);
    return row ? static_cast<double>(at(c, c)) / row : kNaN;
}

double ConfusionMatrix::meanIou() const {
    std::vector<double> v;
    for (int c = 0; c < m_classes; ++c) v.push_back(iou(c));
    return meanOf(v);
}

double ConfusionMatrix::meanDice() const {
    std::vector<double> v;
    for (int c = 0; c < m_classes; ++c) v.push_back(dice(c));
    return meanOf(v);
}

double ConfusionMatrix::meanAccuracy() const {
    std::vector<double> v;
    for (int c = 0; c < m_classes; ++c) v.push_back(accuracy(c));
    return meanOf(v);
}

double ConfusionMatrix::frequencyWeightedAccuracy() const {
    const double n = static_cast<double>(total());
    if (n == 0) return kNaN;
    double s = 0;
    for (int c = 0; c < m_classes; ++c) {
        std::uint64_t row = 0;
        for (int k = 0; k < m_classes; ++k) row += at(c, k);
        const double u = iou(c);
        if (row && !std::isnan(u)) s += (row / n) * u;
    }
    return s;
}

double ConfusionMatrix::overallAccuracy() const {
    const std::uint64_t n = total();
    if (!n) return kNaN;
    std::uint64_t tp = 0;
    for (int c = 0; c < m_classes; ++c) tp += at(c, c);
    return static_cast<double>(tp) / n;
}

}  // namespace cardioseg::metrics
