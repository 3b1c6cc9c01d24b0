#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

namespace cardioseg::ui {

/// The series as a grid: one row per slice (base at the top), one column per cardiac phase,
/// numbered along the edges; the end-diastolic and end-systolic columns are marked ED and ES.
/// Each cell shows what its image has: the model's labels, corrections, confirmation, expert
/// contours; the current image is outlined and its slice and phase numbers highlighted.
/// Clicking a cell goes to that image.
class CineGrid : public QWidget {
    Q_OBJECT

public:
    enum Flag : std::uint8_t {
        HasImage = 1,
        Predicted = 2,
        Corrected = 4,
        Confirmed = 8,
        Expert = 16,
        OutsideCoverage = 32,  ///< above the ventricle's base or beyond its apex at this phase
    };

    explicit CineGrid(QWidget* parent = nullptr);
    /// Flags of every cell, slice-major (slices × phases).
    void setCells(int slices, int phases, std::vector<std::uint8_t> flags);
    void setCurrent(int slice, int phase);
    /// Images to correct first, ringed.
    void setSuggested(std::vector<std::pair<int, int>> cells);
    /// End-diastolic and end-systolic phases (-1: unknown); `byHand`: chosen by a person.
    void setCardiacPhases(int ed, int es, bool byHand);
    int edPhase() const { return m_ed; }
    int esPhase() const { return m_es; }
    std::uint8_t flags(int slice, int phase) const;
    QSize sizeHint() const override;
    /// The centre of a cell in widget coordinates.
    QPoint cellCentre(int slice, int phase) const { return cellRect(slice, phase).center().toPoint(); }
    /// The cell under a widget position, or (-1, -1).
    std::pair<int, int> cellAt(const QPoint& pos) const;

Q_SIGNALS:
    void cellClicked(int slice, int phase);
    /// A right click on a cell: the window offers what can be done there (base, apex, ...).
    void cellMenuRequested(int slice, int phase, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRectF cellRect(int slice, int phase) const;
    int leftMargin() const;
    int topMargin() const;
    int m_slices = 0;
    int m_phases = 0;
    std::vector<std::uint8_t> m_flags;
    int m_slice = -1;
    int m_phase = -1;
    int m_ed = -1;
    int m_es = -1;
    bool m_byHand = false;
    std::vector<std::pair<int, int>> m_suggested;
};

}  // namespace cardioseg::ui
