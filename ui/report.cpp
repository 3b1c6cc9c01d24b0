#include "report.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>
#include <tuple>
#include <stdexcept>

#include "function_panel.h"
#include "image_adapters.h"
#include "io/dicom_loader.h"
#include "io/dicom_values.h"
#include "language.h"
#include "overlay.h"

namespace cardioseg::ui {

namespace {

/// Round ticks (1, 2 or 5 × 10^k apart) covering [lo, hi] with about `count` intervals.
std::vector<double> axisTicks(double lo, double hi, int count) {
    const double raw = std::max(1e-9, (hi - lo) / count);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * mag;
    for (double k : {1.0, 2.0, 5.0})
        if (raw <= k * mag) {
            step = k * mag;
            break;
        }
    std::vector<double> ticks;
    for (double t = std::floor(lo / step) * step; t < hi + step * 0.999; t += step) ticks.push_back(t);
    if (ticks.size() < 2) ticks.push_back(ticks.front() + step);
    return ticks;
}

/// For the XMP metadata, which programs read: always a point as the decimal separator.
QString number(double v, int decimals) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals); }

void drawOutlines(QPainter& p, const ReportInput& in, const image::LabelMap& labels, bool dashed, double scale,
                  const QPointF& offset) {
    for (const auto& c : labelOutlines(labels, dashed)) {
        QPen pen(c.label == image::label::BloodPool ? in.bloodPoolColor : in.myocardiumColor, 2.0);
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

int keySliceForBoth(const ReportInput& in) {
    int best = in.series ? in.series->slices / 2 : 0;
    double area = 0;
    const auto& f = in.reviewedFunction;
    const int ed = f.edPhase, es = f.esPhase;
    if (ed < 0 || ed >= static_cast<int>(f.phases.size())) return best;
    for (int s = 0; s < static_cast<int>(f.phases[ed].bloodPoolMm2.size()); ++s) {
        const double a = f.phases[ed].bloodPoolMm2[s];
        const bool atEs = es < 0 || es >= static_cast<int>(f.phases.size()) ||
                          (s < static_cast<int>(f.phases[es].bloodPoolMm2.size()) && f.phases[es].bloodPoolMm2[s] > 0);
        if (a > area && atEs) {
            area = a;
            best = s;
        }
    }
    return best;
}

QStringList reportHeader(const ReportInput& in) {
    const auto& info = in.series->info;
    const auto date = localDate;
    QStringList patient;
    const QString name = QString::fromStdString(info.patientName).replace('^', ' ').simplified();
    const QString id = QString::fromStdString(info.patientId).simplified();
    if (!name.isEmpty()) patient << name;
    if (!id.isEmpty() && id != name) patient << QObject::tr("ID %1").arg(id);
    const QString born = date(info.patientBirthDate);
    if (!born.isEmpty()) patient << QObject::tr("born %1").arg(born);
    const std::string sex = io::patientSexName(info.patientSex);
    if (sex == "Male") patient << QObject::tr("male");
    else if (sex == "Female") patient << QObject::tr("female");
    else if (sex == "Other") patient << QObject::tr("sex: other");

    QStringList study;
    const QString studyDate = date(info.studyDate);
    if (in.deidentify) {
        patient = QStringList{QObject::tr("de-identified (DICOM PS3.15 Basic Profile)")};
    } else {
        if (!studyDate.isEmpty()) study << QObject::tr("Study of %1").arg(studyDate);
        if (!info.studyDescription.empty()) study << QString::fromStdString(info.studyDescription).simplified();
    }
    const auto& g = in.series->geometry;
    QString series = info.seriesDescription.empty() || in.deidentify
                         ? QObject::tr("Series")
                         : QObject::tr("Series %1").arg(QString::fromStdString(info.seriesDescription).simplified());
    series += QObject::tr(": %1 slices × %2 phases, pixels %3 × %4 mm, slices %5 mm apart")
                  .arg(in.series->slices)
                  .arg(in.series->phases)
                  .arg(QLocale().toString(g.rowSpacing, 'f', 2), QLocale().toString(g.colSpacing, 'f', 2),
                       QLocale().toString(g.sliceSpacing, 'f', 1));
    study << series;

    QStringList lines;
    if (!patient.isEmpty()) lines << QObject::tr("Patient: %1").arg(patient.join(QStringLiteral(", ")));
    lines << study.join(QStringLiteral(" · "));
    lines << QObject::tr("Model: %1 · %n image(s) reviewed by a person", "", in.reviewedImages).arg(in.modelName);
    lines << QObject::tr("Report made on %1 by CardioSeg")
                 .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    return lines;
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
    if (!in.model.maps.empty() && !in.model.at(slice, phase).empty()) drawOutlines(p, in, in.model.at(slice, phase), true, scale, offset);
    if (lab && !lab->empty()) drawOutlines(p, in, *lab, false, scale, offset);
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
        const QStringList header = reportHeader(in);
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
            p.drawText(QRect(c1, y, c2 - c1, line), Qt::AlignRight, localNumber(row.model, row.decimals));
            p.drawText(QRect(c2, y, c3 - c2, line), Qt::AlignRight, localNumber(row.reviewed, row.decimals));
            if (row.difference)
                p.drawText(QRect(c3, y, W - c3, line), Qt::AlignRight, localNumber(row.reviewed - row.model, row.decimals));
            y += line;
        }
        y += line;

        // Volume curve: phases along x, volume along y with round ticks, ED and ES marked.
        const int axisGap = QFontMetrics(body, &pdf).horizontalAdvance(QStringLiteral("0000")) + 20;
        const QRect plot(axisGap + line, y, W - axisGap - line - 10, 380);
        double lo = 1e9, hi = 0;
        for (const auto* f : {&m, &r})
            for (const auto& ph2 : f->phases)
                if (!std::isnan(ph2.bloodPoolMl)) {
                    lo = std::min(lo, ph2.bloodPoolMl);
                    hi = std::max(hi, ph2.bloodPoolMl);
                }
        const int n = std::max(2, static_cast<int>(r.phases.size()));
        if (hi > lo) {
            const auto ticks = axisTicks(lo, hi, 6);
            const double bottom = ticks.front(), top = ticks.back();
            auto at = [&](double phase, double v) {
                return QPointF(plot.left() + plot.width() * phase / double(n - 1),
                               plot.bottom() - plot.height() * (v - bottom) / (top - bottom));
            };
            p.setFont(body);
            for (double t : ticks) {
                const QPointF q = at(0, t);
                p.setPen(QPen(QColor(215, 215, 215), 1));
                p.drawLine(QPointF(plot.left(), q.y()), QPointF(plot.right(), q.y()));
                p.setPen(Qt::black);
                p.drawText(QRectF(plot.left() - axisGap, q.y() - line / 2.0, axisGap - 8, line),
                           Qt::AlignRight | Qt::AlignVCenter, localNumber(t, 0));
            }
            const int step = n > 24 ? 5 : n > 12 ? 2 : 1;
            for (int ph = 0; ph < n; ph += step) {
                const QPointF q = at(ph, bottom);
                p.setPen(Qt::black);
                p.drawLine(q, q + QPointF(0, 8));
                p.drawText(QRectF(q.x() - 40, q.y() + 10, 80, line), Qt::AlignHCenter | Qt::AlignTop,
                           QString::number(ph + 1));
            }
            // End-diastole and end-systole: vertical lines with their names.
            for (const auto& [phase, name, colour] :
                 {std::make_tuple(r.edPhase, QObject::tr("ED"), QColor(200, 50, 50)),
                  std::make_tuple(r.esPhase, QObject::tr("ES"), QColor(50, 120, 210))}) {
                if (phase < 0) continue;
                QPen pen(colour, 2, Qt::DotLine);
                p.setPen(pen);
                const double x = at(phase, bottom).x();
                p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
                p.setPen(colour);
                // Centred on its line, kept inside the plot's width.
                const double half = 120;
                const double centre = std::clamp(x, plot.left() + half, plot.right() - half);
                p.drawText(QRectF(centre - half, plot.top() - line - 2, 2 * half, line), Qt::AlignHCenter | Qt::AlignBottom,
                           QObject::tr("%1 (phase %2)").arg(name).arg(phase + 1));
            }
            for (int k = 0; k < 2; ++k) {
                const auto& f = k == 0 ? m : r;
                QPen pen(k == 0 ? QColor(90, 120, 200) : in.bloodPoolColor, 3);
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
            // The y axis title, turned.
            p.save();
            p.setPen(Qt::black);
            p.translate(line / 2.0, plot.center().y());
            p.rotate(-90);
            p.drawText(QRectF(-150, -line / 2.0, 300, line), Qt::AlignCenter, QObject::tr("Blood pool (mL)"));
            p.restore();
        }
        p.setPen(QColor(60, 60, 60));
        p.setBrush(Qt::NoBrush);
        p.drawRect(plot);
        p.setPen(Qt::black);
        y = plot.bottom() + 10 + line;
        p.drawText(QRect(0, y, W, line), Qt::AlignHCenter,
                   QObject::tr("Cardiac phase · blood-pool volume over the %n phase(s): reviewed solid, model dashed", "",
                               static_cast<int>(r.phases.size())));
        y += 2 * line;

        // Key images at end-diastole and end-systole.
        const int size = W * 40 / 100;
        const int slice = keySliceForBoth(in);  // the same slice at both phases, so they compare
        for (int k = 0; k < 2; ++k) {
            const int phase = k == 0 ? r.edPhase : r.esPhase;
            if (phase < 0) continue;
            const int x = k == 0 ? W / 20 : W * 55 / 100;
            p.drawImage(QRect(x, y, size, size), keyImage(in, slice, phase, 512));
            p.drawText(QRect(x, y + size + 4, size, line), Qt::AlignHCenter,
                       (k == 0 ? QObject::tr("End-diastole") : QObject::tr("End-systole")) +
                           QObject::tr(": slice %1, phase %2").arg(slice + 1).arg(phase + 1));
        }
        y += size + 2 * line;
        QStringList footer;
        if (!in.agreement.isEmpty()) footer << in.agreement;
        footer << 
            QObject::tr("Volumes by disc summation: each labelled slice contributes its labelled area × the slice "
                        "spacing; nothing is extrapolated beyond the outermost labelled slices. ED and ES are the "
                        "phases of largest and smallest blood-pool volume unless set by hand. LV mass = myocardium "
                        "at ED × %1 g/mL; BSA by Mosteller. Reviewed labels: the corrections, the model's where an "
                        "image has none.")
                          .arg(localNumber(1.05, 2));
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
