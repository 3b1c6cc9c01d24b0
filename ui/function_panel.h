#pragma once

#include <QWidget>

#include <vector>

#include "analysis/function.h"
#include "image/slice_range.h"

class QBarCategoryAxis;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QValueAxis;

namespace cardioseg::ui {

/// One measure from the model's labels and from the reviewed ones.
struct MeasureRow {
    QString name;
    double model;
    double reviewed;
    int decimals;
    bool difference;  ///< a difference means something (not for phase numbers)
};

/// The measures the panel and the report show, in order (rows of values entered by a person
/// say so in their names).
std::vector<MeasureRow> measureRows(const analysis::CardiacFunction& model, const analysis::CardiacFunction& reviewed);

/// After the model changed: the measures from its labels before and after, for people. Names
/// each measure that moved (volumes and mass by 2 % or more, EF by a point or more) with its old
/// and new value; else says that none moved that much.
QString describeMeasureChanges(const analysis::CardiacFunction& before, const analysis::CardiacFunction& after);

/// A number as the user's locale writes it ("49,5" in French); "–" for NaN.
QString localNumber(double v, int decimals);

/// LV function side by side from the model's labels and from the reviewed labels (the
/// corrections, the model's where an image has none), with the differences; the blood-pool
/// volume over the cycle and the areas per slice of the current phase (Qt Charts); buttons
/// for the 3-D view, the report and the CSV.
class FunctionPanel : public QWidget {
    Q_OBJECT

public:
    explicit FunctionPanel(QWidget* parent = nullptr);
    void setFunctions(const analysis::CardiacFunction& model, const analysis::CardiacFunction& reviewed, int phase);
    /// The model has not segmented every image the measures need: instead of partial figures
    /// the panel says "waiting for N images" (0: the figures are complete). Shown by the next
    /// setFunctions, with the figures it belongs to.
    void setWaiting(int images) { m_waiting = images; }
    int waiting() const { return m_waiting; }
    /// The figures use the end-diastole and end-systole found on one slice (0-based) while the
    /// model still segments the series' other phases; -1: measured over every phase. Shown by
    /// the next setFunctions.
    void setProvisional(int slice) { m_provisionalSlice = slice; }
    int provisionalSlice() const { return m_provisionalSlice; }
    /// Whether the images lack the patient's height or weight (then the panel asks for them),
    /// and the values entered so far (0: none).
    void setBodySize(bool missing, double heightM, double weightKg);
    /// The note under the table (why figures are missing, what was entered).
    QString note() const;
    /// The left ventricle's coverage at the phase on screen; `known` false until it is found.
    void setCoverage(const image::SliceRange& range, int phase, bool byHand, bool known);
    QString coverageText() const;
    /// Text of a cell (row: see the table; column 0 model, 1 reviewed, 2 difference).
    QString cell(int row, int column) const;
    int rowOf(const QString& measure) const;
    /// Points of the volume curve of a column (0 model, 1 reviewed).
    int curvePoints(int column) const;

Q_SIGNALS:
    void show3dRequested();
    void reportRequested();
    void csvRequested();
    /// The user set end-diastole or end-systole to the phase on screen, or back to automatic.
    void edRequested();
    void esRequested();
    void automaticEdEsRequested();
    /// The user set the ventricle's base or apex to the slice on screen, or back to as found.
    void baseRequested();
    void apexRequested();
    void automaticCoverageRequested();
    /// Height (m) and weight (kg) typed in by the user (0: cleared).
    void bodySizeEntered(double heightM, double weightKg);
    /// The table and the note were filled again.
    void functionsShown();

private:
    QTableWidget* m_table = nullptr;
    QChartView* m_curve = nullptr;
    QChartView* m_areas = nullptr;
    QValueAxis* m_curveX = nullptr;  ///< phase
    QValueAxis* m_curveY = nullptr;  ///< mL
    QBarCategoryAxis* m_areaX = nullptr;  ///< slice
    QValueAxis* m_areaY = nullptr;   ///< cm²
    QLabel* m_note = nullptr;
    QWidget* m_bodySize = nullptr;
    QLabel* m_coverage = nullptr;
    QDoubleSpinBox* m_height = nullptr;
    QDoubleSpinBox* m_weight = nullptr;
    int m_points[2] = {0, 0};
    int m_waiting = 0;
    int m_provisionalSlice = -1;
    analysis::CardiacFunction m_model, m_reviewed;
    int m_phase = 0;
};

}  // namespace cardioseg::ui
