#include "metrics_panel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <array>
#include <cmath>

#include "image_adapters.h"

namespace cardioseg::ui {

namespace {

QString figure(double v) { return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', 3); }

}  // namespace

/// Dice per class for the image, the slice and the series, as grouped bars.
class DiceChart : public QChartView {
public:
    // Built around its own chart: QChartView(parent) would make a default chart that setChart
    // leaves behind (its ownership is released, not deleted).
    explicit DiceChart(QWidget* parent) : QChartView(new QChart(), parent) {
        QChart* chart = this->chart();
        for (int c = 0; c < 2; ++c) {
            m_sets[c] = new QBarSet(c == 0 ? MetricsPanel::tr("Blood pool") : MetricsPanel::tr("Myocardium"));
            m_sets[c]->setColor(labelColor(static_cast<std::uint8_t>(c + 1)));
            *m_sets[c] << 0 << 0 << 0;
        }
        auto* series = new QBarSeries();
        series->append(m_sets[0]);
        series->append(m_sets[1]);
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis();
        x->append({MetricsPanel::tr("Image"), MetricsPanel::tr("Slice"), MetricsPanel::tr("Series")});
        auto* y = new QValueAxis();
        y->setRange(0.0, 1.0);
        y->setTickCount(3);
        y->setLabelFormat("%.1f");
        y->setTitleText(MetricsPanel::tr("Dice"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        x->setLabelsFont(small);
        y->setLabelsFont(small);
        y->setTitleFont(small);
        chart->legend()->setFont(small);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(2, 2, 2, 2));
        chart->setBackgroundRoundness(0);
        setRenderHint(QPainter::Antialiasing);
        setMinimumHeight(170);
        setMaximumHeight(210);
    }

    void setValue(int scope, int cls, double v) {
        m_values[cls][scope] = v;
        m_sets[cls]->replace(scope, std::isnan(v) ? 0.0 : v);
        m_sets[cls]->setColor(labelColor(static_cast<std::uint8_t>(cls + 1)));
    }
    double value(int scope, int cls) const { return m_values[cls][scope]; }

private:
    std::array<QBarSet*, 2> m_sets{};
    std::array<std::array<double, 3>, 2> m_values{{{NAN, NAN, NAN}, {NAN, NAN, NAN}}};
};

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    // One column per class, one row per figure: fits a narrow dock.
    m_table = new QTableWidget(6, 2, this);
    m_table->setVerticalHeaderLabels({tr("Dice (image)"), tr("IoU (image)"), tr("Dice (slice)"), tr("IoU (slice)"),
                                      tr("Dice (series)"), tr("IoU (series)")});
    m_table->setHorizontalHeaderLabels({tr("Blood pool"), tr("Myocardium")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + 6 * 22 + 4);
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 2; ++c) {
            auto* item = new QTableWidgetItem(QStringLiteral("–"));
            item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(r, c, item);
        }
    m_chart = new DiceChart(this);
    m_counts = new QLabel(this);
    m_counts->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    setMinimumWidth(290);
    layout->addWidget(m_table);
    layout->addWidget(m_chart);
    layout->addWidget(m_counts);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    refresh({}, {}, 0, 0, {});
}

void MetricsPanel::invalidate(int slice, int phase) {
    const std::size_t i = static_cast<std::size_t>(slice) * m_phases + phase;
    if (i < m_cache.size()) m_cache[i].reset();
}

void MetricsPanel::invalidateAll() { m_cache.clear(); }

const metrics::ConfusionMatrix* MetricsPanel::imageMatrix(const image::SeriesLabels& prediction,
                                                          const image::SeriesLabels& corrections, std::size_t i) {
    if (!m_cache[i]) {
        const bool both = i < prediction.maps.size() && !prediction.maps[i].empty() && !corrections.maps[i].empty();
        m_cache[i].emplace(3);
        m_compared[i] = both;
        if (both) m_cache[i]->add(corrections.maps[i], prediction.maps[i]);
    }
    return m_compared[i] ? &*m_cache[i] : nullptr;
}

void MetricsPanel::refresh(const image::SeriesLabels& prediction, const image::SeriesLabels& corrections, int slice,
                           int phase, const ReviewCounts& counts) {
    if (m_cache.size() != corrections.maps.size() || m_phases != corrections.phases) {
        m_cache.assign(corrections.maps.size(), std::nullopt);
        m_compared.assign(corrections.maps.size(), 0);
        m_phases = corrections.phases;
    }
    std::array<metrics::ConfusionMatrix, 3> scopes{metrics::ConfusionMatrix(3), metrics::ConfusionMatrix(3),
                                                   metrics::ConfusionMatrix(3)};
    for (std::size_t i = 0; i < corrections.maps.size(); ++i) {
        const auto* m = imageMatrix(prediction, corrections, i);
        if (!m) continue;
        scopes[2].add(*m);
        if (static_cast<int>(i) / corrections.phases == slice) scopes[1].add(*m);
        if (static_cast<int>(i) == slice * corrections.phases + phase) scopes[0].add(*m);
    }
    for (int scope = 0; scope < 3; ++scope)
        for (int c = 0; c < 2; ++c) {
            const int label = c + 1;
            const bool any = scopes[scope].total() > 0;
            const double dice = any ? scopes[scope].dice(label) : NAN;
            m_table->item(scope * 2, c)->setText(figure(dice));
            m_table->item(scope * 2 + 1, c)->setText(figure(any ? scopes[scope].iou(label) : NAN));
            m_chart->setValue(scope, c, dice);
        }
    m_counts->setText(counts.images > 0
                          ? tr("Reviewed of %n image(s):", "", counts.images) + QLatin1Char(' ') +
                                tr("%n corrected", "", counts.corrected) + QStringLiteral(", ") +
                                tr("%n confirmed", "", counts.confirmed) + QLatin1Char('.')
                          : QString());
    const auto& series = scopes[2];
    if (!series.total()) {
        m_summary->setText(tr("Correct or accept images to compare the model with them."));
        return;
    }
    m_summary->setText(tr("Series: Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5")
                           .arg(figure(series.meanIou()), figure(series.meanDice()), figure(series.meanAccuracy()),
                                figure(series.frequencyWeightedAccuracy()), figure(series.overallAccuracy())));
}

QString MetricsPanel::cell(int row, int column) const { return m_table->item(column, row)->text(); }
QString MetricsPanel::summary() const { return m_summary->text(); }
double MetricsPanel::chartValue(int scope, int cls) const { return m_chart->value(scope, cls); }

}  // namespace cardioseg::ui
