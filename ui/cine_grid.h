#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

namespace cardioseg::ui {

/// The series as a grid: one row per slice (base at the top), one column per cardiac phase.
/// Each cell shows what its image has: the model's labels, corrections, confirmation, expert
/// contours; the current image is outlined. Clicking a cell goes to that image.
class CineGrid : public QWidget {
    Q_OBJECT

public:
    enum Flag : std::uint8_t { HasImage = 1, Predicted = 2, Corrected = 4, Confirmed = 8, Expert = 16 };

    explicit CineGrid(QWidget* parent = nullptr);
    /// Flags of every cell, slice-major (slices × phases).
    void setCells(int slices, int phases, std::vector<std::uint8_t> flags);
    void setCurrent(int slice, int phase);
    std::uint8_t flags(int slice, int phase) const;
    QSize sizeHint() const override;
    /// The cell under a widget position, or (-1, -1).
    std::pair<int, int> cellAt(const QPoint& pos) const;

Q_SIGNALS:
    void cellClicked(int slice, int phase);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRectF cellRect(int slice, int phase) const;
    int m_slices = 0;
    int m_phases = 0;
    std::vector<std::uint8_t> m_flags;
    int m_slice = -1;
    int m_phase = -1;
};

}  // namespace cardioseg::ui
