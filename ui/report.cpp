#include "report.h"

#include <QDateTime>
#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

#include "function_panel.h"
#include "image_adapters.h"
#include "io/dicom_loader.h"
#include "overlay.h"

namespace cardioseg::ui {

namespace {

QString number(double v, int decimals) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals); }

void drawOutlines(QPainter& p, const image::LabelMap& labels, bool dashed, double scale, const QPointF& offset) {
    for (const auto& c : labelOutlines(labels, dashed)) {
        QPen pen(labelColor(c.label), 2.0);
        if (dashed) pen.setDashPattern({3, 2});
        p.setPen(pen);
        QPainterPath path;
        for (std::size_t k = 0; k < c.polygon.size(); ++k) {
            const QPointF w((c.polygon[k].x + 0.5) * scale + offset.x(), (c.polygon[k].y + 0.5) * scale + offset.y());
            k == 0 ? path.moveTo(w) : path.lineTo(w);
        }
        path.closeSubpath();
        p.drawPath(path);
    }
}

}  // namespace

int keySlice(const ReportInput& in, int phase) {
    int best = in.series ? in.series->slices / 2 : 0;
    double area = 0;
    const auto& f = in.reviewedFunction;
    if (phase >= 0 && phase < static_cast<int>(f.phases.size()))
        for (int s = 0; s < static_cast<int>(f.phases[phase].bloodPoolMm2.size()); ++s)
            if (f.phases[phase].bloodPoolMm2[s] > area) {
                area = f.phases[phase].bloodPoolMm2[s];
                best = s;
            }
    return best;
}

QImage keyImage(const ReportInput& in, int slice, int phase, int size) {
    QImage out(size, size, QImage::Format_RGB32);
    out.fill(Qt::black);
    const image::FloatImage* img = in.series ? in.series->image(slice, phase) : nullptr;
    if (!img) return out;
    // Crop: a square around the reviewed blood pool (or the whole image).
    int x0 = 0, y0 = 0, side = std::max(img->width, img->height);
    const image::LabelMap* lab = in.reviewed.maps.empty() ? nullptr : &in.reviewed.at(slice, phase);
    if (lab && !lab->empty()) {
        int minX = img->width, minY = img->height, maxX = -1, maxY = -1;
        for (int y = 0; y < lab->height; ++y)
            for (int x = 0; x < lab->width; ++x)
                if (lab->at(x, y) == image::label::BloodPool || lab->at(x, y) == image::label::Myocardium) {
                    minX = std::min(minX, x);
                    maxX = std::max(maxX, x);
                    minY = std::min(minY, y);
                    maxY = std::max(maxY, y);
                }
        if (maxX >= 0) {
            side = std::max(maxX - minX, maxY - minY) * 2 + 16;
            x0 = (minX + maxX) / 2 - side / 2;
            y0 = (minY + maxY) / 2 - side / 2;
        }
    }
    const double scale = static_cast<double>(size) / side;
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF offset(-x0 * scale, -y0 * scale);
    p.drawImage(QRectF(offset, QSizeF(img->width * scale, img->height * scale)),
                toQImage(*img, io::percentileWindow(*in.series)));
    if (!in.model.maps.empty() && !in.model.at(slice, phase).empty()) drawOutlines(p, in.model.at(slice, phase), true, scale, offset);
    if (lab && !lab->empty()) drawOutlines(p, *lab, false, scale, offset);
    return out;
}

void writeReport(const QString& file, const ReportInput& in) {
    if (!in.series) throw std::runtime_error("cannot write " + file.toStdString() + ": no series");
    const auto& m = in.modelFunction;
    const auto& r = in.reviewedFunction;
    const QString summary = QStringLiteral("EDV %1 mL; ESV %2 mL; SV %3 mL; EF %4 %; LV mass %5 g (reviewed labels); "
                                           "model: EDV %6 mL, ESV %7 mL, EF %8 %, LV mass %9 g")
                                .arg(number(r.edvMl, 1), number(r.esvMl, 1), number(r.svMl, 1), number(r.efPercent, 1),
                                     number(r.lvMassG, 1), number(m.edvMl, 1), number(m.esvMl, 1),
                                     number(m.efPercent, 1), number(m.lvMassG, 1));
    QSaveFile out(file);  // atomic: written to a temporary file, renamed on commit
    if (!out.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + file.toStdString() + ": " + out.errorString().toStdString());
    {
        QPdfWriter pdf(&out);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(150);
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(QObject::tr("LV function report — %1").arg(QString::fromStdString(in.series->info.patientId)));
        pdf.setCreator(QStringLiteral("CardioSeg"));
        pdf.setDocumentXmpMetadata(
            QStringLiteral("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                           "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                           "<dc:description>%1</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
                           "<?xpacket end=\"w\"?>")
                .arg(summary.toHtmlEscaped())
                .toUtf8());
        QPainter p(&pdf);
        const int W = pdf.width();
        int y = 0;
        QFont title = p.font();
        title.setPointSize(16);
        title.setBold(true);
        QFont body = p.font();
        body.setPointSize(9);
        QFont bold = body;
        bold.setBold(true);
        const int line = QFontMetrics(body, &pdf).height() + 4;
        p.setFont(title);
        p.drawText(QRect(0, y, W, 60), Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("Left-ventricular function"));
        y += 70;
        p.setFont(body);
        const auto& info = in.series->info;
        const QStringList header{
            QObject::tr("Patient: %1 (ID %2), born %3, sex %4")
                .arg(QString::fromStdString(info.patientName), QString::fromStdString(info.patientId),
                     QString::fromStdString(info.patientBirthDate), QString::fromStdString(info.patientSex)),
            QObject::tr("Study date %1 · %2 · series %3 (%4 slices × %5 phases, %6 × %7 mm, slices %8 mm apart)")
                .arg(QString::fromStdString(info.studyDate), QString::fromStdString(info.studyDescription),
                     QString::fromStdString(info.seriesDescription))
                .arg(in.series->slices)
                .arg(in.series->phases)
                .arg(in.series->geometry.rowSpacing, 0, 'f', 2)
                .arg(in.series->geometry.colSpacing, 0, 'f', 2)
                .arg(in.series->geometry.sliceSpacing, 0, 'f', 1),
            QObject::tr("Model: %1 · %n image(s) reviewed by a person", "", in.reviewedImages).arg(in.modelName),
            QObject::tr("Report made %1 by CardioSeg").arg(QDateTime::currentDateTime().toString(Qt::ISODate)),
        };
        for (const auto& h : header) {
            p.drawText(QRect(0, y, W, line), Qt::AlignLeft, h);
            y += line;
        }
        y += line / 2;

        // Measures: model, reviewed, difference.
        const auto rows = measureRows(m, r);
        const int c0 = 0, c1 = W * 45 / 100, c2 = W * 62 / 100, c3 = W * 80 / 100;
        p.setFont(bold);
        p.drawText(QRect(c0, y, c1, line), Qt::AlignLeft, QObject::tr("Measure"));
        p.drawText(QRect(c1, y, c2 - c1, line), Qt::AlignRight, QObject::tr("Model"));
        p.drawText(QRect(c2, y, c3 - c2, line), Qt::AlignRight, QObject::tr("Reviewed"));
        p.drawText(QRect(c3, y, W - c3, line), Qt::AlignRight, QObject::tr("Difference"));
        y += line;
        p.drawLine(0, y, W, y);
        p.setFont(body);
        for (const auto& row : rows) {
            p.drawText(QRect(c0, y, c1, line), Qt::AlignLeft, row.name);
            p.drawText(QRect(c1, y, c2 - c1, line), Qt::AlignRight, number(row.model, row.decimals));
            p.drawText(QRect(c2, y, c3 - c2, line), Qt::AlignRight, number(row.reviewed, row.decimals));
            if (row.difference)
                p.drawText(QRect(c3, y, W - c3, line), Qt::AlignRight, number(row.reviewed - row.model, row.decimals));
            y += line;
        }
        y += line;

        // Volume curve.
        const QRect plot(W / 10, y, W * 85 / 100, 380);
        p.setPen(QColor(60, 60, 60));
        p.drawRect(plot);
        double lo = 1e9, hi = 0;
        for (const auto* f : {&m, &r})
            for (const auto& ph2 : f->phases)
                if (!std::isnan(ph2.bloodPoolMl)) {
                    lo = std::min(lo, ph2.bloodPoolMl);
                    hi = std::max(hi, ph2.bloodPoolMl);
                }
        if (hi > lo) {
            const int n = std::max(2, static_cast<int>(r.phases.size()));
            auto at = [&](int phase, double v) {
                return QPointF(plot.left() + plot.width() * phase / double(n - 1),
                               plot.bottom() - plot.height() * (v - lo * 0.95) / (hi * 1.05 - lo * 0.95));
            };
            for (int k = 0; k < 2; ++k) {
                const auto& f = k == 0 ? m : r;
                QPen pen(k == 0 ? QColor(90, 120, 200) : labelColor(image::label::BloodPool), 3);
                if (k == 0) pen.setStyle(Qt::DashLine);
                p.setPen(pen);
                QPainterPath path;
                bool first = true;
                for (const auto& ph2 : f.phases) {
                    if (std::isnan(ph2.bloodPoolMl)) continue;
                    const QPointF q = at(ph2.phase, ph2.bloodPoolMl);
                    first ? path.moveTo(q) : path.lineTo(q);
                    first = false;
                }
                p.drawPath(path);
            }
            p.setPen(Qt::black);
            p.drawText(QRect(0, plot.top() - 4, plot.left() - 6, line), Qt::AlignRight, number(hi * 1.05, 0));
            p.drawText(QRect(0, plot.bottom() - line, plot.left() - 6, line), Qt::AlignRight, number(lo * 0.95, 0));
        }
        p.setPen(Qt::black);
        y = plot.bottom() + 6;
        p.drawText(QRect(0, y, W, line), Qt::AlignHCenter,
                   QObject::tr("Blood-pool volume (mL) over the %n phase(s): reviewed solid, model dashed", "",
                               static_cast<int>(r.phases.size())));
        y += 2 * line;

        // Key images at end-diastole and end-systole.
        const int size = W * 40 / 100;
        for (int k = 0; k < 2; ++k) {
            const int phase = k == 0 ? r.edPhase : r.esPhase;
            if (phase < 0) continue;
            const int slice = keySlice(in, phase);
            const int x = k == 0 ? W / 20 : W * 55 / 100;
            p.drawImage(QRect(x, y, size, size), keyImage(in, slice, phase, 512));
            p.drawText(QRect(x, y + size + 4, size, line), Qt::AlignHCenter,
                       (k == 0 ? QObject::tr("End-diastole") : QObject::tr("End-systole")) +
                           QObject::tr(": slice %1, phase %2").arg(slice + 1).arg(phase + 1));
        }
        y += size + 2 * line;
        const QStringList footer{
            in.agreement,
            QObject::tr("Volumes by disc summation: each labelled slice contributes its labelled area × the slice "
                        "spacing; nothing is extrapolated beyond the outermost labelled slices. ED and ES are the "
                        "phases of largest and smallest blood-pool volume. LV mass = myocardium at ED × 1.05 g/mL; "
                        "BSA by Mosteller. Reviewed labels: the corrections, the model's where an image has none."),
        };
        for (const auto& f : footer) {
            const QRect box = p.boundingRect(QRect(0, y, W, 10 * line), Qt::TextWordWrap, f);
            p.drawText(QRect(0, y, W, box.height()), Qt::TextWordWrap, f);
            y += box.height() + line / 2;
        }
        if (!p.end()) throw std::runtime_error("cannot write " + file.toStdString() + ": the PDF could not be drawn");
    }
    if (!out.commit())
        throw std::runtime_error("cannot write " + file.toStdString() + ": " + out.errorString().toStdString());
}

}  // namespace cardioseg::ui
