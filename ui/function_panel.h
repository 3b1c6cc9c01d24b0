#pragma once

#include <QWidget>

#include <vector>

#include "analysis/function.h"

class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;

namespace cardioseg::ui {

/// One measure from the model's labels and from the reviewed ones.
struct MeasureRow {
    QString name;
    double model;
    double reviewed;
    int decimals;
    bool difference;  ///< a difference means something (not for phase numbers)
};

/// The measures the panel and the report show, in order.
std::vector<MeasureRow> measureRows(const analysis::CardiacFunction& model, const analysis::CardiacFunction& reviewed);

/// LV function side by side from the model's labels and from the reviewed labels (the
/// corrections, the model's where an image has none), with the differences; the blood-pool
/// volume over the cycle and the areas per slice of the current phase (Qt Charts); buttons
/// for the 3-D view, the report and the CSV.
class FunctionPanel : public QWidget {
    Q_OBJECT

public:
    explicit FunctionPanel(QWidget* parent = nullptr);
    void setFunctions(const analysis::CardiacFunction& model, const analysis::CardiacFunction& reviewed, int phase);
    /// Text of a cell (row: see the table; column 0 model, 1 reviewed, 2 difference).
    QString cell(int row, int column) const;
    int rowOf(const QString& measure) const;
    /// Points of the volume curve of a column (0 model, 1 reviewed).
    int curvePoints(int column) const;

Q_SIGNALS:
    void show3dRequested();
    void reportRequested();
    void csvRequested();

private:
    QTableWidget* m_table = nullptr;
    QChartView* m_curve = nullptr;
    QChartView* m_areas = nullptr;
    QLabel* m_note = nullptr;
    int m_points[2] = {0, 0};
};

}  // namespace cardioseg::ui
