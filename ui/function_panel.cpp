#include "function_panel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

#include "image_adapters.h"

namespace cardioseg::ui {

namespace {

const QColor kEdColour(220, 60, 60);
const QColor kEsColour(60, 150, 230);

QChartView* smallChart(QWidget* parent) {
    auto* chart = new QChart();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = parent->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->setLocalizeNumbers(true);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    return view;
}

/// Round tick spacing (1, 2 or 5 × 10^k) giving about `ticks` intervals over [lo, hi].
double niceStep(double lo, double hi, int ticks) {
    const double raw = std::max(1e-9, (hi - lo) / ticks);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag) return m * mag;
    return 10 * mag;
}

/// Why a function lacks figures, in the interface's language.
QString noteText(const analysis::CardiacFunction& f) {
    using N = analysis::CardiacFunction::Note;
    switch (f.noteCode) {
        case N::None: return {};
        case N::NoLabels: return FunctionPanel::tr("no labels");
        case N::FewerSlices:
            return FunctionPanel::tr("phase %1 is labelled on fewer slices than others").arg(f.notePhase + 1);
        case N::NoEndSystole:
            return FunctionPanel::tr("only one phase is labelled on every labelled slice: no end-systole");
        case N::NoMass: return FunctionPanel::tr("no myocardium labelled at end-diastole: no LV mass");
    }
    return {};
}

}  // namespace

QString localNumber(double v, int decimals) {
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', decimals);
}

QString describeMeasureChanges(const analysis::CardiacFunction& before, const analysis::CardiacFunction& after) {
    struct Measure {
        QString name;
        double old, now;
        QString unit;
        bool points;  ///< EF: judged in points, not in per cent of itself
    };
    const Measure measures[] = {
        {FunctionPanel::tr("EDV"), before.edvMl, after.edvMl, FunctionPanel::tr("mL"), false},
        {FunctionPanel::tr("ESV"), before.esvMl, after.esvMl, FunctionPanel::tr("mL"), false},
        {FunctionPanel::tr("EF"), before.efPercent, after.efPercent, FunctionPanel::tr("%"), true},
        {FunctionPanel::tr("LV mass"), before.lvMassG, after.lvMassG, FunctionPanel::tr("g"), false},
    };
    QStringList moved;
    for (const auto& m : measures) {
        if (std::isnan(m.old) || std::isnan(m.now)) continue;
        const double change = m.now - m.old;
        const bool big = m.points ? std::abs(change) >= 1.0 : m.old != 0 && std::abs(change / m.old) >= 0.02;
        if (!big) continue;
        const QString detail = m.points ? FunctionPanel::tr("%1 points").arg(localNumber(change, 1))
                                        : QStringLiteral("%1 %").arg(localNumber(100.0 * change / m.old, 1));
        moved << FunctionPanel::tr("%1 %2 → %3 %4 (%5)")
                     .arg(m.name, localNumber(m.old, 1), localNumber(m.now, 1), m.unit,
                          (change > 0 ? QStringLiteral("+") : QString()) + detail);
    }
    if (moved.isEmpty())
        return FunctionPanel::tr("With the new model no measure moved by 2 % or more (EF by a point or more).");
    return FunctionPanel::tr("With the new model these measures moved: %1.").arg(moved.join(QStringLiteral("; ")));
}

std::vector<MeasureRow> measureRows(const analysis::CardiacFunction& m, const analysis::CardiacFunction& r) {
    auto phaseNo = [](int p) { return p < 0 ? NAN : p + 1.0; };
    const bool byHand = m.edEsByHand || r.edEsByHand;
    const bool entered = m.bodySizeEntered || r.bodySizeEntered;
    return {
        {byHand ? FunctionPanel::tr("ED phase (set by hand)") : FunctionPanel::tr("ED phase"), phaseNo(m.edPhase),
         phaseNo(r.edPhase), 0, false},
        {byHand ? FunctionPanel::tr("ES phase (set by hand)") : FunctionPanel::tr("ES phase"), phaseNo(m.esPhase),
         phaseNo(r.esPhase), 0, false},
        {FunctionPanel::tr("EDV (mL)"), m.edvMl, r.edvMl, 1, true},
        {FunctionPanel::tr("ESV (mL)"), m.esvMl, r.esvMl, 1, true},
        {FunctionPanel::tr("SV (mL)"), m.svMl, r.svMl, 1, true},
        {FunctionPanel::tr("EF (%)"), m.efPercent, r.efPercent, 1, true},
        {FunctionPanel::tr("Myocardium at ED (mL)"), m.myocardiumMl, r.myocardiumMl, 1, true},
        {FunctionPanel::tr("LV mass (g)"), m.lvMassG, r.lvMassG, 1, true},
        {entered ? FunctionPanel::tr("BSA (m², from entered height and weight)") : FunctionPanel::tr("BSA (m²)"),
         m.bsaM2, r.bsaM2, 2, true},
        {FunctionPanel::tr("EDV index (mL/m²)"), m.edviMlM2, r.edviMlM2, 1, true},
        {FunctionPanel::tr("ESV index (mL/m²)"), m.esviMlM2, r.esviMlM2, 1, true},
        {FunctionPanel::tr("LV mass index (g/m²)"), m.lvMassIndexGM2, r.lvMassIndexGM2, 1, true},
    };
}

FunctionPanel::FunctionPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Reviewed"), tr("Difference")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(21);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(tr("Reviewed: the corrections where an image has them, the model's labels elsewhere"));
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumWidth(370);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    // End-diastole and end-systole by hand: the phase on screen.
    auto* phases = new QHBoxLayout();
    auto* setEd = new QPushButton(tr("ED = this phase"), this);
    setEd->setToolTip(tr("Use the phase on screen as end-diastole everywhere (measures, grid, report)"));
    auto* setEs = new QPushButton(tr("ES = this phase"), this);
    setEs->setToolTip(tr("Use the phase on screen as end-systole everywhere (measures, grid, report)"));
    auto* automatic = new QPushButton(tr("Automatic"), this);
    automatic->setToolTip(tr("End-diastole and end-systole from the largest and smallest blood-pool volume"));
    phases->addWidget(setEd);
    phases->addWidget(setEs);
    phases->addWidget(automatic);

    // The ventricle's coverage at this phase, and its base and apex by hand.
    m_coverage = new QLabel(this);
    m_coverage->setWordWrap(true);
    auto* limits = new QHBoxLayout();
    auto* setBase = new QPushButton(tr("Base = this slice"), this);
    setBase->setToolTip(tr("The most basal slice of the left ventricle at this phase is the slice on screen (Ctrl+B); "
                           "labels above it do not count"));
    auto* setApex = new QPushButton(tr("Apex = this slice"), this);
    setApex->setToolTip(tr("The most apical slice of the left ventricle at this phase is the slice on screen "
                           "(Ctrl+Shift+B); labels beyond it do not count"));
    auto* asFound = new QPushButton(tr("As found"), this);
    asFound->setToolTip(tr("Base and apex as found from the model's labels: the most basal slice whose myocardium "
                           "surrounds at least half of the cavity, and the last slice with a cavity"));
    limits->addWidget(setBase);
    limits->addWidget(setApex);
    limits->addWidget(asFound);
    connect(setBase, &QPushButton::clicked, this, &FunctionPanel::baseRequested);
    connect(setApex, &QPushButton::clicked, this, &FunctionPanel::apexRequested);
    connect(asFound, &QPushButton::clicked, this, &FunctionPanel::automaticCoverageRequested);

    // Height and weight, asked for when the images lack them.
    m_bodySize = new QWidget(this);
    auto* form = new QHBoxLayout(m_bodySize);
    form->setContentsMargins(0, 0, 0, 0);
    m_height = new QDoubleSpinBox(m_bodySize);
    m_height->setRange(0, 250);
    m_height->setDecimals(0);
    m_height->setSuffix(tr(" cm"));
    m_height->setSpecialValueText(tr("height?"));
    m_weight = new QDoubleSpinBox(m_bodySize);
    m_weight->setRange(0, 400);
    m_weight->setDecimals(1);
    m_weight->setSuffix(tr(" kg"));
    m_weight->setSpecialValueText(tr("weight?"));
    auto* sizeLabel = new QLabel(tr("Not in the images:"), m_bodySize);
    form->addWidget(sizeLabel);
    form->addWidget(m_height);
    form->addWidget(m_weight);
    m_bodySize->setToolTip(tr("Height and weight for the body-surface area and the indexed values; "
                              "saved with the study and marked as entered"));
    m_bodySize->hide();

    // The charts' axes are made once and kept: only their ranges and the series change (axes
    // removed and made anew on every update were leaked, and a layout still pending for a
    // removed axis could reach it).
    m_curve = smallChart(this);
    m_areas = smallChart(this);
    {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        m_curveX = new QValueAxis();
        m_curveX->setTitleText(tr("Phase"));
        m_curveX->setLabelFormat("%d");
        m_curveY = new QValueAxis();
        m_curveY->setTitleText(tr("mL"));
        m_curveY->setLabelFormat("%.0f");
        m_areaX = new QBarCategoryAxis();
        m_areaX->setTitleText(tr("Slice (base → apex)"));
        m_areaY = new QValueAxis();
        m_areaY->setTitleText(tr("cm²"));
        for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*>{m_curveX, m_curveY, m_areaX, m_areaY}) {
            axis->setLabelsFont(small);
            axis->setTitleFont(small);
        }
        m_curve->chart()->addAxis(m_curveX, Qt::AlignBottom);
        m_curve->chart()->addAxis(m_curveY, Qt::AlignLeft);
        m_areas->chart()->addAxis(m_areaX, Qt::AlignBottom);
        m_areas->chart()->addAxis(m_areaY, Qt::AlignLeft);
    }
    auto* buttons = new QHBoxLayout();
    auto* view3d = new QPushButton(tr("3-D view"), this);
    auto* report = new QPushButton(tr("Report (PDF)…"), this);
    auto* csv = new QPushButton(tr("CSV…"), this);
    buttons->addWidget(view3d);
    buttons->addWidget(report);
    buttons->addWidget(csv);
    layout->addWidget(m_table);
    layout->addWidget(m_note);
    layout->addLayout(phases);
    layout->addWidget(m_coverage);
    layout->addLayout(limits);
    layout->addWidget(m_bodySize);
    layout->addWidget(m_curve);
    layout->addWidget(m_areas);
    layout->addLayout(buttons);
    connect(view3d, &QPushButton::clicked, this, &FunctionPanel::show3dRequested);
    connect(report, &QPushButton::clicked, this, &FunctionPanel::reportRequested);
    connect(csv, &QPushButton::clicked, this, &FunctionPanel::csvRequested);
    connect(setEd, &QPushButton::clicked, this, &FunctionPanel::edRequested);
    connect(setEs, &QPushButton::clicked, this, &FunctionPanel::esRequested);
    connect(automatic, &QPushButton::clicked, this, &FunctionPanel::automaticEdEsRequested);
    auto entered = [this] { Q_EMIT bodySizeEntered(m_height->value() / 100.0, m_weight->value()); };
    connect(m_height, &QDoubleSpinBox::editingFinished, this, entered);
    connect(m_weight, &QDoubleSpinBox::editingFinished, this, entered);
    setFunctions({}, {}, 0);
}

void FunctionPanel::setBodySize(bool missing, double heightM, double weightKg) {
    m_bodySize->setVisible(missing);
    const QSignalBlocker b1(m_height), b2(m_weight);
    m_height->setValue(heightM * 100.0);
    m_weight->setValue(weightKg);
}

QString FunctionPanel::note() const { return m_note->text(); }

void FunctionPanel::setCoverage(const image::SliceRange& range, int phase, bool byHand, bool known) {
    if (!known) m_coverage->setText(tr("Left ventricle: found once the model has segmented the series."));
    else if (range.empty()) m_coverage->setText(tr("Left ventricle at phase %1: not found on any slice.").arg(phase + 1));
    else
        m_coverage->setText((byHand ? tr("Left ventricle at phase %1: slices %2 to %3 (set by hand).")
                                    : tr("Left ventricle at phase %1: slices %2 to %3 (base to apex, as found)."))
                                .arg(phase + 1)
                                .arg(range.base + 1)
                                .arg(range.apex + 1));
}

QString FunctionPanel::coverageText() const { return m_coverage->text(); }

void FunctionPanel::setFunctions(const analysis::CardiacFunction& model, const analysis::CardiacFunction& reviewed,
                                 int phase) {
    m_model = model;
    m_reviewed = reviewed;
    m_phase = phase;
    const auto rows = measureRows(model, reviewed);
    m_table->setRowCount(static_cast<int>(rows.size()));
    QStringList names;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& row = rows[r];
        names << row.name;
        // Partial figures never pass for final ones: while images are missing, none are shown.
        const QString wait = tr("waiting");
        const QString cells[3] = {
            m_waiting > 0 ? wait : localNumber(row.model, row.decimals),
            m_waiting > 0 ? wait : localNumber(row.reviewed, row.decimals),
            m_waiting > 0 || !row.difference ? QString() : localNumber(row.reviewed - row.model, row.decimals)};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (m_waiting > 0) item->setForeground(palette().color(QPalette::PlaceholderText));
            m_table->setItem(r, c, item);
        }
    }
    m_table->setVerticalHeaderLabels(names);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + m_table->rowCount() * 21 + 4);
    QString note = noteText(model);
    const QString reviewedNote = noteText(reviewed);
    if (!reviewedNote.isEmpty() && reviewedNote != note)
        note += (note.isEmpty() ? QString() : QStringLiteral("; ")) + reviewedNote;
    if (m_waiting > 0)
        note = tr("Waiting for %n image(s) to be segmented before measuring.", "", m_waiting);
    else if (note.isEmpty())
        note = tr("Volumes by disc summation over the labelled slices; mass = myocardium at ED × %1 g/mL.")
                   .arg(localNumber(1.05, 2));
    if (m_waiting == 0 && m_provisionalSlice >= 0)
        note = tr("Provisional: end-diastole and end-systole as found on slice %1; measured again over every "
                  "phase once the model has segmented the series.")
                   .arg(m_provisionalSlice + 1) +
               (note.isEmpty() ? QString() : QStringLiteral(" ") + note);
    if (reviewed.edEsByHand) note += tr(" ED and ES set by hand.");
    if (reviewed.bodySizeEntered) note += tr(" Height and weight entered by hand.");
    m_note->setText(note);

    // Blood-pool volume over the cycle, with the end-diastolic and end-systolic phases marked.
    auto* chart = m_curve->chart();
    chart->removeAllSeries();
    QValueAxis* x = m_curveX;
    QValueAxis* y = m_curveY;
    double lo = 1e9, hi = 0;
    const analysis::CardiacFunction* functions[2] = {&model, &reviewed};
    for (int k = 0; k < 2; ++k) {
        auto* line = new QLineSeries();
        line->setName(k == 0 ? tr("Model") : tr("Reviewed"));
        QPen pen(k == 0 ? QColor(120, 160, 230) : labelColor(image::label::BloodPool), 2);
        if (k == 0) pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        m_points[k] = 0;
        if (m_waiting == 0)
            for (const auto& p : functions[k]->phases)
                if (!std::isnan(p.bloodPoolMl)) {
                    line->append(p.phase + 1, p.bloodPoolMl);
                    lo = std::min(lo, p.bloodPoolMl);
                    hi = std::max(hi, p.bloodPoolMl);
                    ++m_points[k];
                }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    for (const auto& [which, colour] : {std::make_pair(0, kEdColour), std::make_pair(1, kEsColour)}) {
        const int p = which == 0 ? reviewed.edPhase : reviewed.esPhase;
        if (m_waiting > 0 || p < 0 || p >= static_cast<int>(reviewed.phases.size()) ||
            std::isnan(reviewed.phases[p].bloodPoolMl))
            continue;
        auto* marker = new QScatterSeries();
        marker->setName(which == 0 ? tr("ED") : tr("ES"));
        marker->setColor(colour);
        marker->setBorderColor(colour.darker());
        marker->setMarkerSize(9);
        marker->append(p + 1, reviewed.phases[p].bloodPoolMl);
        chart->addSeries(marker);
        marker->attachAxis(x);
        marker->attachAxis(y);
    }
    const int phases = static_cast<int>(std::max(model.phases.size(), reviewed.phases.size()));
    x->setRange(1, std::max(2, phases));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(1);
    x->setTickInterval(phases > 12 ? 5 : phases > 6 ? 2 : 1);
    if (hi <= 0) {
        y->setTickType(QValueAxis::TicksFixed);
        y->setRange(0, 1);
    } else {
        // Steps from the padded range, which is never empty: with one point, or every phase at the
        // same volume, a step from hi − lo (0) gave hundreds of millions of ticks and crashed the chart.
        const double padLo = lo * 0.95, padHi = hi * 1.03;
        const double step = niceStep(padLo, padHi, 5);
        const double bottom = std::floor(padLo / step) * step, top = std::ceil(padHi / step) * step;
        y->setRange(bottom, top);
        y->setTickType(QValueAxis::TicksDynamic);
        y->setTickAnchor(bottom);
        y->setTickInterval(step);
    }
    chart->setTitle(tr("Blood-pool volume over the cycle"));

    // Areas per slice of the current phase.
    auto* bars = m_areas->chart();
    bars->removeAllSeries();
    auto* series = new QBarSeries();
    double largest = 0;
    QStringList slices;
    for (int k = 0; k < 2; ++k) {
        const auto* f = functions[k];
        auto* set = new QBarSet(k == 0 ? tr("Model") : tr("Reviewed"));
        set->setColor(k == 0 ? QColor(120, 160, 230) : labelColor(image::label::BloodPool));
        if (phase >= 0 && phase < static_cast<int>(f->phases.size()))
            for (double a : f->phases[phase].bloodPoolMm2) {
                *set << (std::isnan(a) ? 0.0 : a / 100.0);
                if (!std::isnan(a)) largest = std::max(largest, a / 100.0);
            }
        series->append(set);
    }
    const int sliceCount = phase >= 0 && phase < static_cast<int>(model.phases.size())
                               ? static_cast<int>(model.phases[phase].bloodPoolMm2.size())
                               : 0;
    for (int s = 0; s < sliceCount; ++s) slices << QString::number(s + 1);
    bars->addSeries(series);
    m_areaX->clear();
    m_areaX->append(slices);
    m_areaY->setRange(0, largest > 0 ? largest * 1.05 : 1.0);
    m_areaY->applyNiceNumbers();
    series->attachAxis(m_areaX);
    series->attachAxis(m_areaY);
    bars->setTitle(tr("Blood-pool area per slice, phase %1").arg(phase + 1));
    Q_EMIT functionsShown();
}

QString FunctionPanel::cell(int row, int column) const {
    const auto* item = m_table->item(row, column);
    return item ? item->text() : QString();
}

int FunctionPanel::rowOf(const QString& measure) const {
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->verticalHeaderItem(r)->text() == measure) return r;
    return -1;
}

int FunctionPanel::curvePoints(int column) const { return m_points[column]; }

}  // namespace cardioseg::ui
