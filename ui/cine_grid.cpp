#include "cine_grid.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace cardioseg::ui {

namespace {
constexpr int kMargin = 4;
const QColor kEdColour(220, 60, 60);
const QColor kEsColour(60, 150, 230);
}

CineGrid::CineGrid(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(80);
    setToolTip(tr("Slices (rows, base at the top) × phases (columns). Blue: model; orange: corrected; "
                  "green: confirmed; yellow dot: expert contours; dimmed: outside the left ventricle (above its "
                  "base, beyond its apex); ringed: the images to correct first; ED and ES mark end-diastole and "
                  "end-systole. Click to go to an image; "
                  "right-click to set the base or apex there."));
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

void CineGrid::setSuggested(std::vector<std::pair<int, int>> cells) {
    if (cells == m_suggested) return;
    m_suggested = std::move(cells);
    update();
}

void CineGrid::setCardiacPhases(int ed, int es, bool byHand) {
    m_ed = ed;
    m_es = es;
    m_byHand = byHand;
    update();
}

std::uint8_t CineGrid::flags(int slice, int phase) const {
    if (slice < 0 || phase < 0 || slice >= m_slices || phase >= m_phases) return 0;
    return m_flags[static_cast<std::size_t>(slice) * m_phases + phase];
}

int CineGrid::leftMargin() const { return fontMetrics().horizontalAdvance(QStringLiteral("88")) + 8; }
int CineGrid::topMargin() const { return fontMetrics().height() + 4; }

QSize CineGrid::sizeHint() const { return QSize(240, std::max(80, m_slices * 12 + topMargin() + 2 * kMargin)); }

QRectF CineGrid::cellRect(int slice, int phase) const {
    const double left = kMargin + leftMargin(), top = kMargin + topMargin();
    const double w = (width() - left - kMargin) / std::max(1, m_phases);
    const double h = (height() - top - kMargin) / std::max(1, m_slices);
    return QRectF(left + phase * w, top + slice * h, w, h);
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
    if (m_slices <= 0 || m_phases <= 0) return;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    QFont bold = small;
    bold.setBold(true);
    const QColor text = palette().color(QPalette::WindowText);

    // Phase numbers along the top (every fifth, the current one, ED and ES), slice numbers on
    // the left (every one when there is room).
    const double cellW = cellRect(0, 1).left() - cellRect(0, 0).left();
    const double cellH = cellRect(1, 0).top() - cellRect(0, 0).top();
    const QFontMetrics fm(small);
    for (int p = 0; p < m_phases; ++p) {
        const QRectF c = cellRect(0, p);
        QString label;
        QColor colour = text;
        if (p == m_ed) {
            label = tr("ED");
            colour = kEdColour;
        } else if (p == m_es) {
            label = tr("ES");
            colour = kEsColour;
        } else if (p == m_phase || p == 0 || (p + 1) % 5 == 0) {
            label = QString::number(p + 1);
        }
        // Numbers that would collide with an ED/ES label are left out.
        const bool nearMarker = (m_ed >= 0 && p != m_ed && std::abs(p - m_ed) * cellW < fm.horizontalAdvance("ED") + 2) ||
                                (m_es >= 0 && p != m_es && std::abs(p - m_es) * cellW < fm.horizontalAdvance("ES") + 2);
        if (label.isEmpty() || (nearMarker && p != m_ed && p != m_es)) continue;
        painter.setFont(p == m_phase || p == m_ed || p == m_es ? bold : small);
        painter.setPen(colour);
        painter.drawText(QRectF(c.center().x() - 20, kMargin, 40, topMargin()), Qt::AlignHCenter | Qt::AlignBottom, label);
    }
    for (int s = 0; s < m_slices; ++s) {
        if (cellH < fm.height() - 2 && s % 2 && s != m_slice) continue;
        const QRectF c = cellRect(s, 0);
        painter.setFont(s == m_slice ? bold : small);
        painter.setPen(text);
        painter.drawText(QRectF(kMargin, c.top(), leftMargin() - 4, c.height()), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(s + 1));
    }

    // ED and ES columns framed in their colours (dashed when found automatically).
    for (const auto& [phase, colour] : {std::make_pair(m_ed, kEdColour), std::make_pair(m_es, kEsColour)}) {
        if (phase < 0 || phase >= m_phases) continue;
        QPen pen(colour, 2);
        if (!m_byHand) pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(0, phase).united(cellRect(m_slices - 1, phase)).adjusted(0.5, 0.5, -0.5, -0.5));
    }

    for (int s = 0; s < m_slices; ++s)
        for (int p = 0; p < m_phases; ++p) {
            const std::uint8_t f = flags(s, p);
            const QRectF r = cellRect(s, p).adjusted(1.5, 1.5, -1.5, -1.5);
            QColor c(60, 60, 60);
            if (!(f & HasImage)) c = QColor(25, 25, 25);
            else if (f & Confirmed) c = QColor(64, 180, 90);
            else if (f & Corrected) c = QColor(230, 140, 40);
            else if (f & Predicted) c = QColor(70, 120, 200);
            if (f & OutsideCoverage) c = c.darker(260);  // not the ventricle: dimmed
            painter.fillRect(r, c);
            if (f & Expert) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(255, 214, 10));
                const double d = std::min(r.width(), r.height()) * 0.4;
                painter.drawEllipse(r.center(), d / 2, d / 2);
            }
        }
    for (const auto& [s, p] : m_suggested) {
        if (s < 0 || p < 0 || s >= m_slices || p >= m_phases) continue;
        const QRectF r = cellRect(s, p);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 1.5));
        const double d = std::min(r.width(), r.height()) * 0.7;
        painter.drawEllipse(r.center(), d / 2, d / 2);
    }
    if (m_slice >= 0 && m_phase >= 0 && m_slice < m_slices && m_phase < m_phases) {
        // The current image: a thick outline in the text colour over a dark ring, visible on
        // every cell colour.
        const QRectF r = cellRect(m_slice, m_phase).adjusted(-1, -1, 1, 1);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::black, 4));
        painter.drawRect(r);
        painter.setPen(QPen(Qt::white, 2));
        painter.drawRect(r);
    }
}

void CineGrid::mousePressEvent(QMouseEvent* event) {
    const auto [s, p] = cellAt(event->position().toPoint());
    if (s < 0) return;
    if (event->button() == Qt::RightButton) {
        Q_EMIT cellClicked(s, p);
        Q_EMIT cellMenuRequested(s, p, event->globalPosition().toPoint());
    } else {
        Q_EMIT cellClicked(s, p);
    }
}

}  // namespace cardioseg::ui
