#pragma once

#include <QString>
#include <QWidget>

#include <atomic>
#include <map>
#include <memory>

#include "io/progress.h"

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QToolButton;

namespace cardioseg::ui {

/// The workstation's background work in the status bar: one row per job — its title, its own
/// progress bar and its own Cancel — so that loading, segmentation and export each show and
/// stop on their own. A row goes when its job finishes.
class JobList : public QWidget {
    Q_OBJECT

public:
    /// A running job: its row and the flag its Cancel sets (the worker reads it through the
    /// reporter, or directly).
    struct Job {
        int id = 0;
        std::shared_ptr<std::atomic<bool>> cancel;
        explicit operator bool() const { return id != 0; }
    };

    explicit JobList(QWidget* parent = nullptr);
    /// Adds a row for a job and returns it.
    Job start(const QString& title);
    /// Progress for the job (any thread): moves its bar through the GUI thread's event queue and
    /// returns false once its Cancel was pressed (or cancel() called).
    io::ProgressFn reporter(const Job& job);
    /// Removes the job's row (nothing when it is gone already).
    void finish(const Job& job);
    /// Cancels one job, or every job.
    void cancel(const Job& job);
    void cancelAll();

    // For tests and the status bar's tooltip.
    int count() const { return static_cast<int>(m_rows.size()); }
    QString title(const Job& job) const;
    int progress(const Job& job) const;  ///< 0..1000, -1 when no such job
    QToolButton* cancelButton(const Job& job) const;

private:
    struct Row {
        QWidget* widget = nullptr;
        QLabel* title = nullptr;
        QProgressBar* bar = nullptr;
        QToolButton* cancel = nullptr;
        std::shared_ptr<std::atomic<bool>> flag;
    };
    void setProgress(int id, double fraction);
    QHBoxLayout* m_layout = nullptr;
    std::map<int, Row> m_rows;
    int m_next = 1;
};

}  // namespace cardioseg::ui
