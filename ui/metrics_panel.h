#pragma once

#include <QWidget>

#include <optional>
#include <vector>

#include "image/series_labels.h"
#include "metrics/confusion.h"
#include "session/review_session.h"

class QLabel;
class QTableWidget;

namespace cardioseg::ui {

class DiceChart;

/// How many images of the series a person has reviewed.
using ReviewCounts = session::ReviewCounts;

/// Agreement between the model's labels and the user's corrections: Dice and IoU per class for
/// the current image, the current slice (all its phases) and the whole series, the seed study's
/// five summary metrics over the series, a bar chart of the Dice, and the review counts.
/// Per-image figures are cached; the window invalidates an image when its labels change.
class MetricsPanel : public QWidget {
    Q_OBJECT

public:
    explicit MetricsPanel(QWidget* parent = nullptr);
    /// Recomputes from the series' prediction and corrections; (slice, phase) is the current image.
    void refresh(const image::SeriesLabels& prediction, const image::SeriesLabels& corrections, int slice, int phase,
                 const ReviewCounts& counts);
    /// The labels of one image changed (its figures are recomputed at the next refresh).
    void invalidate(int slice, int phase);
    /// Every image changed (another series, a new model).
    void invalidateAll();
    /// Text of a table cell (row: 0 blood pool, 1 myocardium; column: 0/1 image Dice/IoU,
    /// 2/3 slice Dice/IoU, 4/5 series Dice/IoU), for tests and screen readers.
    QString cell(int row, int column) const;
    QString summary() const;
    /// Dice shown by the chart: scope 0 image, 1 slice, 2 series; class 0 blood pool, 1 myocardium
    /// (NaN where there is nothing to compare).
    double chartValue(int scope, int cls) const;

private:
    const metrics::ConfusionMatrix* imageMatrix(const image::SeriesLabels& prediction,
                                                const image::SeriesLabels& corrections, std::size_t index);

    QTableWidget* m_table = nullptr;
    DiceChart* m_chart = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_counts = nullptr;
    int m_phases = 0;
    std::vector<std::optional<metrics::ConfusionMatrix>> m_cache;  ///< per image; nullopt: stale
    std::vector<char> m_compared;  ///< per image: both labels existed when cached
};

}  // namespace cardioseg::ui
