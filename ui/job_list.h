#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <functional>
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
    enum class Cancellable { Yes, No };

    /// All background work runs through here: `work(progress)` on the thread pool as a job with
    /// its own row, through a QPromise whose progress moves the row's bar. Cancel (the row's, or
    /// cancel()) makes `progress` return false: the work stops at its next report and still
    /// hands back what it has (a result always comes, so the future never ends without one).
    /// The row goes when the work ends. `job`, when given, receives the job.
    template <class T>
    QFuture<T> run(const QString& title, std::function<T(const io::ProgressFn&)> work, Job* job = nullptr) {
        return run<T>(title, Cancellable::Yes, std::move(work), job);
    }
    /// Work that must finish once begun (saving) shows no Cancel.
    template <class T>
    QFuture<T> run(const QString& title, Cancellable cancellable, std::function<T(const io::ProgressFn&)> work,
                   Job* job = nullptr) {
        const Job j = start(title, cancellable);
        if (job) *job = j;
        QFuture<T> future = QtConcurrent::run([work = std::move(work), flag = j.cancel](QPromise<T>& promise) {
            promise.setProgressRange(0, 1000);
            const io::ProgressFn progress = [&promise, flag](double fraction, const std::string&) {
                promise.setProgressValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
                return !flag->load();
            };
            promise.addResult(work(progress));
        });
        follow(j, QFuture<void>(future));
        return future;
    }
    /// Rows appear once their job has run this long.
    static constexpr int kShowAfterMs = 250;
    /// Adds a row for a job and returns it (run() does this for its work).
    Job start(const QString& title, Cancellable cancellable = Cancellable::Yes);
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
    /// The row's bar follows the future's progress; the row goes when it ends.
    void follow(const Job& job, const QFuture<void>& future);
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
