#include "function_panel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

#include "image_adapters.h"

namespace cardioseg::ui {

namespace {

QString value(double v, int decimals) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals); }

QChartView* smallChart(QWidget* parent) {
    auto* chart = new QChart();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = parent->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    return view;
}

}  // namespace

std::vector<MeasureRow> measureRows(const analysis::CardiacFunction& m, const analysis::CardiacFunction& r) {
    auto phaseNo = [](int p) { return p < 0 ? NAN : p + 1.0; };
    return {
        {FunctionPanel::tr("ED phase"), phaseNo(m.edPhase), phaseNo(r.edPhase), 0, false},
        {FunctionPanel::tr("ES phase"), phaseNo(m.esPhase), phaseNo(r.esPhase), 0, false},
        {FunctionPanel::tr("EDV (mL)"), m.edvMl, r.edvMl, 1, true},
        {FunctionPanel::tr("ESV (mL)"), m.esvMl, r.esvMl, 1, true},
        {FunctionPanel::tr("SV (mL)"), m.svMl, r.svMl, 1, true},
        {FunctionPanel::tr("EF (%)"), m.efPercent, r.efPercent, 1, true},
        {FunctionPanel::tr("Myocardium at ED (mL)"), m.myocardiumMl, r.myocardiumMl, 1, true},
        {FunctionPanel::tr("LV mass (g)"), m.lvMassG, r.lvMassG, 1, true},
        {FunctionPanel::tr("BSA (m²)"), m.bsaM2, r.bsaM2, 2, true},
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
    m_curve = smallChart(this);
    m_areas = smallChart(this);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto* buttons = new QHBoxLayout();
    auto* view3d = new QPushButton(tr("3-D view"), this);
    auto* report = new QPushButton(tr("Report (PDF)…"), this);
    auto* csv = new QPushButton(tr("CSV…"), this);
    buttons->addWidget(view3d);
    buttons->addWidget(report);
    buttons->addWidget(csv);
    layout->addWidget(m_table);
    layout->addWidget(m_note);
    layout->addWidget(m_curve);
    layout->addWidget(m_areas);
    layout->addLayout(buttons);
    connect(view3d, &QPushButton::clicked, this, &FunctionPanel::show3dRequested);
    connect(report, &QPushButton::clicked, this, &FunctionPanel::reportRequested);
    connect(csv, &QPushButton::clicked, this, &FunctionPanel::csvRequested);
    setFunctions({}, {}, 0);
}

void FunctionPanel::setFunctions(const analysis::CardiacFunction& model, const analysis::CardiacFunction& reviewed,
                                 int phase) {
    const auto rows = measureRows(model, reviewed);
    m_table->setRowCount(static_cast<int>(rows.size()));
    QStringList names;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& row = rows[r];
        names << row.name;
        const QString cells[3] = {value(row.model, row.decimals), value(row.reviewed, row.decimals),
                                  row.difference ? value(row.reviewed - row.model, row.decimals) : QString()};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_table->setVerticalHeaderLabels(names);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + m_table->rowCount() * 21 + 4);
    QString note = QString::fromStdString(model.note);
    if (!reviewed.note.empty() && reviewed.note != model.note)
        note += (note.isEmpty() ? QString() : QStringLiteral("; ")) + QString::fromStdString(reviewed.note);
    m_note->setText(note.isEmpty() ? tr("Volumes by disc summation over the labelled slices; mass = myocardium at ED "
                                        "× 1.05 g/mL.")
                                   : note);

    // Blood-pool volume over the cycle.
    auto* chart = m_curve->chart();
    chart->removeAllSeries();
    for (auto* axis : chart->axes()) chart->removeAxis(axis);
    auto* x = new QValueAxis();
    x->setTitleText(tr("Phase"));
    x->setLabelFormat("%d");
    auto* y = new QValueAxis();
    y->setTitleText(tr("mL"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 1e9, hi = 0;
    const analysis::CardiacFunction* functions[2] = {&model, &reviewed};
    for (int k = 0; k < 2; ++k) {
        auto* line = new QLineSeries();
        line->setName(k == 0 ? tr("Model") : tr("Reviewed"));
        QPen pen(k == 0 ? QColor(120, 160, 230) : labelColor(image::label::BloodPool), 2);
        if (k == 0) pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        m_points[k] = 0;
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
    const int phases = static_cast<int>(std::max(model.phases.size(), reviewed.phases.size()));
    x->setRange(1, std::max(2, phases));
    x->setTickCount(phases >= 5 ? 5 : 2);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    x->setLabelsFont(small);
    y->setLabelsFont(small);
    x->setTitleFont(small);
    y->setTitleFont(small);
    if (hi > 0) y->setRange(std::floor(lo * 0.9), std::ceil(hi * 1.05));
    chart->setTitle(tr("Blood-pool volume over the cycle"));

    // Areas per slice of the current phase.
    auto* bars = m_areas->chart();
    bars->removeAllSeries();
    for (auto* axis : bars->axes()) bars->removeAxis(axis);
    auto* series = new QBarSeries();
    QStringList slices;
    for (int k = 0; k < 2; ++k) {
        const auto* f = functions[k];
        auto* set = new QBarSet(k == 0 ? tr("Model") : tr("Reviewed"));
        set->setColor(k == 0 ? QColor(120, 160, 230) : labelColor(image::label::BloodPool));
        if (phase >= 0 && phase < static_cast<int>(f->phases.size()))
            for (double a : f->phases[phase].bloodPoolMm2) *set << (std::isnan(a) ? 0.0 : a / 100.0);
        series->append(set);
    }
    const int sliceCount = phase >= 0 && phase < static_cast<int>(model.phases.size())
                               ? static_cast<int>(model.phases[phase].bloodPoolMm2.size())
                               : 0;
    for (int s = 0; s < sliceCount; ++s) slices << QString::number(s + 1);
    bars->addSeries(series);
    auto* bx = new QBarCategoryAxis();
    bx->append(slices);
    bx->setTitleText(tr("Slice (base → apex)"));
    bx->setLabelsFont(small);
    bx->setTitleFont(small);
    auto* by = new QValueAxis();
    by->setTitleText(tr("cm²"));
    by->setLabelsFont(small);
    by->setTitleFont(small);
    bars->addAxis(bx, Qt::AlignBottom);
    bars->addAxis(by, Qt::AlignLeft);
    series->attachAxis(bx);
    series->attachAxis(by);
    bars->setTitle(tr("Blood-pool area per slice, phase %1").arg(phase + 1));
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
