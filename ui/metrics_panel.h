#pragma once

#include <QWidget>

#include "image/series_labels.h"

class QLabel;
class QTableWidget;

namespace cardioseg::ui {

/// Agreement between the model's labels and the user's corrections: Dice and IoU per class for
/// the current image and for every corrected image of the series, the seed study's five summary
/// metrics over the series, and how many images are corrected.
class MetricsPanel : public QWidget {
    Q_OBJECT

public:
    explicit MetricsPanel(QWidget* parent = nullptr);
    /// Recomputes from the series' prediction and corrections; (slice, phase) is the current image.
    void refresh(const image::SeriesLabels& prediction, const image::SeriesLabels& corrections, int slice, int phase);
    /// Text of a table cell (row: 0 blood pool, 1 myocardium; column: 0/1 image Dice/IoU,
    /// 2/3 series Dice/IoU), for tests and screen readers.
    QString cell(int row, int column) const;
    QString summary() const;

private:
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
};

}  // namespace cardioseg::ui
