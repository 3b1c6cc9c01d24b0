#include "job_list.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace cardioseg::ui {

JobList::JobList(QWidget* parent) : QWidget(parent) {
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(10);
    hide();
}

JobList::Job JobList::start(const QString& title, Cancellable cancellable) {
    Row row;
    row.widget = new QWidget(this);
    auto* layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    row.title = new QLabel(title, row.widget);
    row.bar = new QProgressBar(row.widget);
    row.bar->setRange(0, 1000);
    row.bar->setValue(0);
    row.bar->setMaximumWidth(160);
    row.bar->setTextVisible(false);
    row.cancel = new QToolButton(row.widget);
    row.cancel->setText(tr("Cancel"));
    row.cancel->setToolTip(tr("Cancel: %1").arg(title));
    row.cancel->setVisible(cancellable == Cancellable::Yes);
    row.flag = std::make_shared<std::atomic<bool>>(false);
    layout->addWidget(row.title);
    layout->addWidget(row.bar);
    layout->addWidget(row.cancel);
    m_layout->addWidget(row.widget);
    const Job job{m_next++, row.flag};
    connect(row.cancel, &QToolButton::clicked, this, [this, job] { cancel(job); });
    m_rows.emplace(job.id, row);
    // Shown once the job has run a moment: work that ends at once (saving a few corrections)
    // never makes the status bar jump.
    row.widget->hide();
    QTimer::singleShot(kShowAfterMs, row.widget, [this, widget = row.widget] {
        widget->show();
        show();
    });
    return job;
}

void JobList::follow(const Job& job, const QFuture<void>& future) {
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::progressValueChanged, this,
            [this, id = job.id](int value) { setProgress(id, value / 1000.0); });
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, job, watcher] {
        finish(job);
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

void JobList::setProgress(int id, double fraction) {
    const auto it = m_rows.find(id);
    if (it != m_rows.end()) it->second.bar->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
}

void JobList::finish(const Job& job) {
    const auto it = m_rows.find(job.id);
    if (it == m_rows.end()) return;
    it->second.widget->deleteLater();
    m_rows.erase(it);
    if (m_rows.empty()) hide();
}

void JobList::cancel(const Job& job) {
    if (job.cancel) job.cancel->store(true);
    const auto it = m_rows.find(job.id);
    if (it == m_rows.end()) return;
    it->second.cancel->setEnabled(false);
    it->second.title->setText(tr("%1 (cancelling)").arg(it->second.title->text()));
}

void JobList::cancelAll() {
    std::vector<Job> all;
    for (const auto& [id, row] : m_rows) all.push_back({id, row.flag});
    for (const auto& job : all) cancel(job);
}

QString JobList::title(const Job& job) const {
    const auto it = m_rows.find(job.id);
    return it == m_rows.end() ? QString() : it->second.title->text();
}

int JobList::progress(const Job& job) const {
    const auto it = m_rows.find(job.id);
    return it == m_rows.end() ? -1 : it->second.bar->value();
}

QToolButton* JobList::cancelButton(const Job& job) const {
    const auto it = m_rows.find(job.id);
    return it == m_rows.end() ? nullptr : it->second.cancel;
}

}  // namespace cardioseg::ui
