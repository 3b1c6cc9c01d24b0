// The review session's rules that need no window: the review order, background work.
#include <QtTest>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "session/review_navigation.h"
#include "session/thread_policy.h"

using namespace cardioseg;

class TestSession : public QObject {
    Q_OBJECT

private slots:
    void nextCellFollowsTheReviewOrder() {
        // 3 slices × 4 phases; wanted: every cell but (0, 1) and (2, 3).
        auto wanted = [](session::Cell c) {
            return c != session::Cell{0, 1} && c != session::Cell{2, 3};
        };
        QCOMPARE(*session::nextCell(3, 4, {0, 0}, wanted), session::Cell(0, 2));  // skips (0, 1)
        QCOMPARE(*session::nextCell(3, 4, {0, 3}, wanted), session::Cell(1, 0));  // next slice
        QCOMPARE(*session::nextCell(3, 4, {2, 2}, wanted),
                 session::Cell(0, 0));  // wraps, skipping (2, 3)
        // Phases only (ED = 0, ES = 2), from the middle.
        auto edEs = [](session::Cell c) { return c.second == 0 || c.second == 2; };
        QCOMPARE(*session::nextCell(3, 4, {1, 0}, edEs), session::Cell(1, 2));
        QCOMPARE(*session::nextCell(3, 4, {1, 2}, edEs), session::Cell(2, 0));
        // The current cell comes last; nothing wanted, nothing found.
        QCOMPARE(*session::nextCell(3, 4, {1, 1},
                                    [](session::Cell c) {
                                        return c == session::Cell{1, 1};
                                    }),
                 session::Cell(1, 1));
        QVERIFY(!session::nextCell(3, 4, {0, 0}, [](session::Cell) { return false; }));
        QVERIFY(!session::nextCell(0, 4, {0, 0}, [](session::Cell) { return true; }));
    }

    void backgroundWorkRunsAtLowPriorityWithItsThreads() {
        const int here = session::currentThreadNice();
        int inside = -100, child = -100;
        std::thread::id worker;
        session::runInBackground([&] {
            inside = session::currentThreadNice();
            worker = std::this_thread::get_id();
            std::thread t(
                [&] { child = session::currentThreadNice(); });  // as LibTorch's threads are
            t.join();
        });
        QVERIFY(worker != std::this_thread::get_id());
        QVERIFY2(inside > here, qPrintable(QString("%1 vs %2").arg(inside).arg(here)));
        QCOMPARE(child, inside);
        QCOMPARE(session::currentThreadNice(), here);  // the caller keeps its priority
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, session::runInBackground([] {
                                     throw std::runtime_error("disk full");
                                 }));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
