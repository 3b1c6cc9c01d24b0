#include "metrics_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "metrics/confusion.h"

namespace cardioseg::ui {

namespace {

QString figure(double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 3); }

}  // namespace

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    // One column per class, one row per figure: fits a narrow dock.
    m_table = new QTableWidget(4, 2, this);
    m_table->setVerticalHeaderLabels({tr("Dice (image)"), tr("IoU (image)"), tr("Dice (series)"), tr("IoU (series)")});
    m_table->setHorizontalHeaderLabels({tr("Blood pool"), tr("Myocardium")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(150);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 2; ++c) m_table->setItem(r, c, new QTableWidgetItem(QStringLiteral("–")));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    refresh({}, {}, 0, 0);
}

void MetricsPanel::refresh(const image::SeriesLabels& prediction, const image::SeriesLabels& corrections, int slice,
                          int phase) {
    metrics::ConfusionMatrix image(3), series(3);
    int corrected = 0;
    for (std::size_t i = 0; i < corrections.maps.size(); ++i) {
        const auto& truth = corrections.maps[i];
        if (truth.empty()) continue;
        ++corrected;
        if (i >= prediction.maps.size() || prediction.maps[i].empty()) continue;
        series.add(truth, prediction.maps[i]);
        if (static_cast<int>(i) == slice * corrections.phases + phase) image.add(truth, prediction.maps[i]);
    }
    for (int c = 0; c < 2; ++c) {
        const int label = c + 1;
        m_table->item(0, c)->setText(figure(image.total() ? image.dice(label) : NAN));
        m_table->item(1, c)->setText(figure(image.total() ? image.iou(label) : NAN));
        m_table->item(2, c)->setText(figure(series.total() ? series.dice(label) : NAN));
        m_table->item(3, c)->setText(figure(series.total() ? series.iou(label) : NAN));
    }
    if (!series.total()) {
        m_summary->setText(tr("%n image(s) corrected. Correct or accept images to compare the model with them.", "",
                              corrected));
        return;
    }
    m_summary->setText(tr("%n image(s) corrected.<br>Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · "
                          "Overall Acc %5",
                          "", corrected)
                           .arg(figure(series.meanIou()), figure(series.meanDice()), figure(series.meanAccuracy()),
                                figure(series.frequencyWeightedAccuracy()), figure(series.overallAccuracy())));
}

QString MetricsPanel::cell(int row, int column) const { return m_table->item(column, row)->text(); }
QString MetricsPanel::summary() const { return m_summary->text(); }

}  // namespace cardioseg::ui
