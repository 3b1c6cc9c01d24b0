#include "tool_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>

namespace cardioseg::ui {

namespace {

const QColor kInk(60, 60, 60);
const QColor kAccent(214, 72, 72);

/// Draws one icon on a square of side `s`.
void draw(QPainter& p, const QString& name, double s) {
    p.setRenderHint(QPainter::Antialiasing);
    QPen ink(kInk, s / 14.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(ink);
    p.setBrush(Qt::NoBrush);
    auto at = [s](double x, double y) { return QPointF(x * s, y * s); };
    if (name == QLatin1String("navigate")) {
        // An arrow pointer.
        QPainterPath arrow;
        arrow.moveTo(at(0.25, 0.12));
        arrow.lineTo(at(0.25, 0.80));
        arrow.lineTo(at(0.42, 0.64));
        arrow.lineTo(at(0.56, 0.90));
        arrow.lineTo(at(0.66, 0.85));
        arrow.lineTo(at(0.53, 0.59));
        arrow.lineTo(at(0.76, 0.59));
        arrow.closeSubpath();
        p.setBrush(Qt::white);
        p.drawPath(arrow);
    } else if (name == QLatin1String("brush")) {
        // A filled dot with a stroke trailing from it.
        p.setBrush(kAccent);
        p.setPen(Qt::NoPen);
        p.drawEllipse(at(0.58, 0.58), s * 0.24, s * 0.24);
        p.setPen(QPen(kAccent, s / 9.0, Qt::SolidLine, Qt::RoundCap));
        QPainterPath stroke;
        stroke.moveTo(at(0.12, 0.30));
        stroke.cubicTo(at(0.30, 0.10), at(0.40, 0.45), at(0.50, 0.50));
        p.drawPath(stroke);
    } else if (name == QLatin1String("eraser")) {
        // A tilted block, half of it pale.
        p.translate(at(0.5, 0.5));
        p.rotate(-40);
        p.translate(-at(0.5, 0.5));
        p.setBrush(QColor(240, 200, 200));
        p.drawRoundedRect(QRectF(at(0.15, 0.32), at(0.85, 0.68)), s * 0.06, s * 0.06);
        p.setBrush(kInk);
        p.drawRoundedRect(QRectF(at(0.15, 0.32), at(0.45, 0.68)), s * 0.06, s * 0.06);
    } else if (name == QLatin1String("polygon")) {
        // A polygon with its vertices marked.
        const QPointF v[] = {at(0.18, 0.30), at(0.55, 0.14), at(0.86, 0.42), at(0.68, 0.84),
                             at(0.24, 0.76)};
        p.setBrush(QColor(214, 72, 72, 70));
        p.drawPolygon(v, 5);
        p.setBrush(kInk);
        for (const auto& q : v) p.drawEllipse(q, s * 0.06, s * 0.06);
    } else if (name == QLatin1String("fill")) {
        // A bucket pouring a drop.
        QPainterPath bucket;
        bucket.moveTo(at(0.18, 0.35));
        bucket.lineTo(at(0.62, 0.35));
        bucket.lineTo(at(0.56, 0.86));
        bucket.lineTo(at(0.24, 0.86));
        bucket.closeSubpath();
        p.setBrush(Qt::white);
        p.drawPath(bucket);
        p.drawArc(QRectF(at(0.22, 0.12), at(0.58, 0.52)), 0, 180 * 16);
        QPainterPath drop;
        drop.moveTo(at(0.80, 0.45));
        drop.cubicTo(at(0.95, 0.70), at(0.92, 0.82), at(0.80, 0.82));
        drop.cubicTo(at(0.68, 0.82), at(0.65, 0.70), at(0.80, 0.45));
        p.setBrush(kAccent);
        p.setPen(Qt::NoPen);
        p.drawPath(drop);
    } else if (name == QLatin1String("contour")) {
        // A closed curve with editable nodes.
        p.setPen(QPen(kAccent, s / 12.0));
        p.drawEllipse(at(0.5, 0.5), s * 0.34, s * 0.28);
        p.setPen(ink);
        p.setBrush(Qt::white);
        for (double a : {0.3, 1.9, 3.4, 4.9}) {
            const QPointF q(0.5 * s + std::cos(a) * s * 0.34, 0.5 * s + std::sin(a) * s * 0.28);
            p.drawRect(QRectF(q - QPointF(s * 0.07, s * 0.07), QSizeF(s * 0.14, s * 0.14)));
        }
    }
}

}  // namespace

QIcon toolIcon(const QString& name) {
    static const QStringList known = {"navigate", "brush", "eraser", "polygon", "fill", "contour"};
    if (!known.contains(name)) return {};
    QIcon icon;
    for (int side : {16, 24, 32, 48, 64}) {
        QPixmap pix(side, side);
        pix.fill(Qt::transparent);
        QPainter p(&pix);
        draw(p, name, side);
        p.end();
        icon.addPixmap(pix);
    }
    return icon;
}

QIcon applicationIcon() {
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/org.cardioseg.CardioSeg.png").arg(size), QSize(size, size));
    return icon;
}

}  // namespace cardioseg::ui
