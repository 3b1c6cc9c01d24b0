#include "cine_grid.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace cardioseg::ui {

namespace {
constexpr int kMargin = 4;
}

CineGrid::CineGrid(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(60);
    setToolTip(tr("Slices (rows, base at the top) × phases (columns). Blue: model; orange: corrected; "
                  "green: confirmed; yellow dot: expert contours. Click to go to an image."));
}

void CineGrid::setCells(int slices, int phases, std::vector<std::uint8_t> flags) {
    m_slices = slices;
    m_phases = phases;
    m_flags = std::move(flags);
    updateGeometry();
    update();
}

void CineGrid::setCurrent(int slice, int phase) {
    m_slice = slice;
    m_phase = phase;
    update();
}

std::uint8_t CineGrid::flags(int slice, int phase) const {
    if (slice < 0 || phase < 0 || slice >= m_slices || phase >= m_phases) return 0;
    return m_flags[static_cast<std::size_t>(slice) * m_phases + phase];
}

QSize CineGrid::sizeHint() const { return QSize(240, std::max(60, m_slices * 12 + 2 * kMargin)); }

QRectF CineGrid::cellRect(int slice, int phase) const {
    const double w = (width() - 2.0 * kMargin) / std::max(1, m_phases);
    const double h = (height() - 2.0 * kMargin) / std::max(1, m_slices);
    return QRectF(kMargin + phase * w, kMargin + slice * h, w, h);
}

std::pair<int, int> CineGrid::cellAt(const QPoint& pos) const {
    for (int s = 0; s < m_slices; ++s)
        for (int p = 0; p < m_phases; ++p)
            if (cellRect(s, p).contains(pos)) return {s, p};
    return {-1, -1};
}

void CineGrid::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    for (int s = 0; s < m_slices; ++s)
        for (int p = 0; p < m_phases; ++p) {
            const std::uint8_t f = flags(s, p);
            const QRectF r = cellRect(s, p).adjusted(1, 1, -1, -1);
            QColor c(60, 60, 60);
            if (!(f & HasImage)) c = QColor(25, 25, 25);
            else if (f & Confirmed) c = QColor(64, 180, 90);
            else if (f & Corrected) c = QColor(230, 140, 40);
            else if (f & Predicted) c = QColor(70, 120, 200);
            painter.fillRect(r, c);
            if (f & Expert) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(255, 214, 10));
                const double d = std::min(r.width(), r.height()) * 0.4;
                painter.drawEllipse(r.center(), d / 2, d / 2);
            }
        }
    if (m_slice >= 0 && m_phase >= 0 && m_slice < m_slices && m_phase < m_phases) {
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(m_slice, m_phase));
    }
}

void CineGrid::mousePressEvent(QMouseEvent* event) {
    const auto [s, p] = cellAt(event->position().toPoint());
    if (s >= 0) Q_EMIT cellClicked(s, p);
}

}  // namespace cardioseg::ui
