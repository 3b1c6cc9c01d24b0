#include "finetune_panel.h"

#include <QFileInfo>
#include <QLocale>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "training/finetune.h"

namespace cardioseg::ui {

namespace {

QString dice(double v) { return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', 3); }

}  // namespace

QString decisionText(const training::FinetuneReport& r, double forgetTolerance) {
    const auto v = training::finetuneVerdict(r, static_cast<std::size_t>(std::max(0, r.validationImages)),
                                             std::isnan(r.checks.replayBefore) ? 0 : 1);
    QStringList parts;
    if (v.heldChecked)
        parts << FinetunePanel::tr("held-out corrections: Dice %1 → %2").arg(dice(r.checks.diceBefore), dice(r.checks.diceAfter));
    if (v.replayChecked)
        parts << FinetunePanel::tr("replay images: Dice %1 → %2").arg(dice(r.checks.replayBefore), dice(r.checks.replayAfter));
    const QString tolerance = QLocale().toString(forgetTolerance, 'g', 2);
    const QString fell = QLocale().toString(r.checks.replayAfter - r.checks.replayBefore, 'f', 3);
    using K = training::FinetuneVerdict::Kind;
    QString verdict;
    switch (v.kind) {
        case K::AcceptedBetter: verdict = FinetunePanel::tr("better on the held-out corrections"); break;
        case K::AcceptedAsGood: verdict = FinetunePanel::tr("as good on the held-out corrections"); break;
        case K::AcceptedUnchecked: verdict = FinetunePanel::tr("no corrections were held out to compare"); break;
        case K::RejectedForgets:
            verdict = FinetunePanel::tr("not used: it forgets what it knew (replay images %1, more than %2 below the "
                                        "old model)")
                          .arg(fell, tolerance);
            break;
        case K::RejectedWorse: verdict = FinetunePanel::tr("not used: worse on the held-out corrections"); break;
    }
    if (r.accepted && v.replayFell)
        verdict += FinetunePanel::tr(", and within %1 of the old model on the replay images (%2)").arg(tolerance, fell);
    else if (r.accepted && v.replayChecked)
        verdict += FinetunePanel::tr(", and at least as good on the replay images");
    parts << verdict;
    return parts.join(QStringLiteral("; "));
}

FinetunePanel::FinetunePanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_available = new QLabel(this);
    m_available->setWordWrap(true);
    m_update = new QPushButton(tr("Update model"), this);
    m_update->setToolTip(tr("Fine-tune the model on the corrected and confirmed images (Ctrl+U). "
                            "It runs in the background; you can keep working."));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    auto* runRow = new QHBoxLayout();
    runRow->addWidget(m_progress, 1);
    runRow->addWidget(m_cancel);
    m_outcome = new QLabel(this);
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_measures = new QLabel(this);
    m_measures->setWordWrap(true);
    m_measures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_measures->hide();
    m_useAnyway = new QPushButton(tr("Use it anyway"), this);
    m_useAnyway->setToolTip(tr("Make the new model active although it was not better on the held-out images"));
    m_versions = new QTableWidget(0, 3, this);
    m_versions->setHorizontalHeaderLabels({tr("Model"), tr("Images"), tr("Dice before → after")});
    m_versions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_versions->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_versions->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_versions->verticalHeader()->hide();
    m_versions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->setMinimumHeight(110);
    m_use = new QPushButton(tr("Use selected model"), this);
    m_use->setToolTip(tr("Switch to (or roll back to) the selected version; double-click a row does the same"));

    m_suggestions = new QLabel(this);
    m_suggestions->setWordWrap(true);
    m_suggestions->setToolTip(tr("Where the model is least sure, at end-diastole and end-systole, in the base, the "
                                 "middle and the apex: a few corrections there teach it most about this study. "
                                 "J goes to the first."));
    layout->addWidget(m_suggestions);
    layout->addWidget(m_available);
    layout->addWidget(m_update);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    layout->addWidget(m_outcome);
    layout->addWidget(m_measures);
    layout->addWidget(m_useAnyway);
    layout->addWidget(new QLabel(tr("Versions of this study's model:"), this));
    layout->addWidget(m_versions, 1);
    layout->addWidget(m_use);

    connect(m_update, &QPushButton::clicked, this, &FinetunePanel::updateRequested);
    connect(m_cancel, &QPushButton::clicked, this, &FinetunePanel::cancelRequested);
    connect(m_useAnyway, &QPushButton::clicked, this, [this] {
        m_useAnyway->hide();
        Q_EMIT useAnywayRequested();
    });
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (m_versions->currentRow() >= 0) chooseRow(m_versions->currentRow());
    });
    connect(m_versions, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { chooseRow(row); });
    setAvailable(0, 0);
    setRunning(false);
    m_useAnyway->hide();
}

void FinetunePanel::setAvailable(int images, int fresh) {
    m_available->setText(images == 0 ? tr("Correct or confirm images, then update the model to learn from them.")
                                     : tr("%n reviewed image(s) to learn from", "", images) +
                                           (fresh > 0 ? tr(" (%n new since the last update)", "", fresh) : QString()));
    m_update->setEnabled(images > 0 && !m_cancel->isVisible());
}

void FinetunePanel::setRunning(bool running) {
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_status->setVisible(running);
    m_update->setEnabled(!running);
    if (running) {
        m_progress->setValue(0);
        m_status->setText(tr("Starting…"));
        m_outcome->clear();
        m_measures->clear();
        m_measures->hide();
        m_useAnyway->hide();
    }
}

void FinetunePanel::showProgress(const training::FinetuneProgress& p, double budgetSeconds) {
    if (p.stage == "validating") {
        m_status->setText(tr("Measuring the current model on held-out corrections…"));
        return;
    }
    if (p.stage == "checking") {
        m_progress->setValue(1000);
        m_status->setText(tr("Checking the new model…"));
        return;
    }
    const auto& t = p.train;
    const double done = budgetSeconds > 0 ? 1.0 - t.etaSeconds / budgetSeconds
                                          : static_cast<double>(t.iteration) / std::max<std::int64_t>(1, t.total);
    m_progress->setValue(static_cast<int>(std::clamp(done, 0.0, 1.0) * 1000));
    m_status->setText(tr("Step %1 · loss %2 · %3 s left")
                          .arg(t.iteration)
                          .arg(QLocale().toString(t.loss, 'f', 3))
                          .arg(QLocale().toString(std::max(0.0, t.etaSeconds), 'f', 0)));
}

void FinetunePanel::showOutcome(const QString& text, bool offerUseAnyway) {
    m_outcome->setText(text);
    m_useAnyway->setVisible(offerUseAnyway);
}

QString FinetunePanel::outcome() const { return m_outcome->text(); }

void FinetunePanel::setSuggestions(const QStringList& lines) {
    m_suggestions->setText(lines.isEmpty() ? QString()
                                           : tr("Correct these first (J):") + QStringLiteral("<br>") +
                                                 lines.join(QStringLiteral("<br>")));
    m_suggestions->setVisible(!lines.isEmpty());
}

QString FinetunePanel::suggestions() const { return m_suggestions->text(); }

void FinetunePanel::showMeasureChanges(const QString& text) {
    m_measures->setText(text);
    m_measures->setVisible(!text.isEmpty());
}

QString FinetunePanel::measureChanges() const { return m_measures->text(); }

void FinetunePanel::setVersions(const std::vector<io::ModelVersion>& versions, const QString& defaultModel,
                                const QString& active) {
    m_versions->setRowCount(0);
    m_files.clear();
    auto add = [&](const QString& name, const QString& images, const QString& figures, const QString& file,
                   const QString& tip) {
        const int row = m_versions->rowCount();
        m_versions->insertRow(row);
        const bool isActive = QFileInfo(file).absoluteFilePath() == QFileInfo(active).absoluteFilePath();
        auto* item = new QTableWidgetItem((isActive ? QStringLiteral("● ") : QStringLiteral("   ")) + name);
        item->setToolTip(tip);
        QFont f = item->font();
        f.setBold(isActive);
        item->setFont(f);
        m_versions->setItem(row, 0, item);
        m_versions->setItem(row, 1, new QTableWidgetItem(images));
        m_versions->setItem(row, 2, new QTableWidgetItem(figures));
        m_files.push_back(file);
    };
    add(tr("Default model (%1)").arg(QFileInfo(defaultModel).fileName()), QString(), QString(), defaultModel,
        defaultModel);
    for (const auto& v : versions)
        add(tr("%1 · %2").arg(QString::fromStdString(v.id), QString::fromStdString(v.created).left(16).replace('T', ' ')),
            QString::number(v.corrections), tr("%1 → %2").arg(dice(v.checks.diceBefore), dice(v.checks.diceAfter)),
            QString::fromStdString(v.file),
            tr("Parent: %1\n%2\n%3")
                .arg(QString::fromStdString(v.parent), QString::fromStdString(v.schedule),
                     QString::fromStdString(v.decision)));
}

int FinetunePanel::versionRows() const { return m_versions->rowCount(); }

void FinetunePanel::chooseRow(int row) {
    if (row >= 0 && row < static_cast<int>(m_files.size())) Q_EMIT modelChosen(m_files[row]);
}

}  // namespace cardioseg::ui
