// The review session's rules that need no window: the review order, background work.
#include <QtTest>

#include <atomic>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "session/review_navigation.h"
#include "session/segmentation_order.h"
#include "session/suggestions.h"
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

    void suggestionsStartMidVentricularThenBaseThenApex() {
        // 9 slices × 4 phases, ED = 0, ES = 2, the ventricle on slices 0–8 at ED and 1–6 at ES
        // (thirds: 0–2 / 3–5 / 6–8 and 1–2 / 3–4 / 5–6). The network doubts the apex most and
        // the middle least, ES a little more than ED; slice 4 at ES is already reviewed.
        const int slices = 9, phases = 4;
        std::vector<double> doubt(slices * phases, 0.0);
        auto at = [&](int s, int p) -> double& { return doubt[static_cast<std::size_t>(s * phases + p)]; };
        for (int s = 0; s < slices; ++s)
            for (int p = 0; p < phases; ++p) at(s, p) = 0.01 * (1 + std::abs(s - 4)) + 0.001 * p + 0.0001 * s;
        at(8, 0) = 0.5;
        at(3, 2) = 0.2;
        std::vector<image::SliceRange> coverage(phases);
        coverage[0] = {0, 8};
        coverage[2] = {1, 6};
        auto wanted = [](session::Cell c) { return c != session::Cell{4, 2}; };
        const auto list = session::suggestCorrections(slices, phases, 0, 2, coverage, doubt, wanted, 8);
        QCOMPARE(list.size(), std::size_t{8});
        const std::vector<session::Cell> expected = {
            {3, 2}, {5, 0},   // mid: slice 3 at ES (0.2), then ED's most doubtful middle slice
            {0, 0}, {1, 2},   // base: slice 0 at ED (0.050), slice 1 at ES (0.042)
            {8, 0}, {6, 2},   // apex: slice 8 at ED (0.5), slice 6 at ES (0.032)
            {7, 0}, {1, 0}};  // then the rest by doubt: slices 7 and 1 at ED (0.0407, 0.0401)
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(list[i].cell == expected[i],
                     qPrintable(QString("#%1: slice %2 phase %3").arg(i).arg(list[i].cell.first).arg(list[i].cell.second)));
        QCOMPARE(list[0].region, std::string("mid"));
        QCOMPARE(list[2].region, std::string("base"));
        QCOMPARE(list[4].region, std::string("apex"));
        QVERIFY(list[1].endDiastole && !list[0].endDiastole);
        for (const auto& g : list) QVERIFY(g.cell != session::Cell(4, 2));
        QCOMPARE(session::suggestCorrections(slices, phases, 0, 2, coverage, doubt, wanted, 2).size(), std::size_t{2});
    }

    void openingOrderShowsTheImageOnScreenFirst() {
        // 4 slices x 5 phases, slice 2 phase 3 on screen: its slice round the cycle, then ED and
        // ES of the nearest slices first, then the rest; every image exactly once.
        using V = std::vector<session::Cell>;
        const V first = session::openingFirstStage(4, 5, {2, 3});
        QCOMPARE(first, (V{{2, 3}, {2, 4}, {2, 0}, {2, 1}, {2, 2}}));
        const V later = session::openingLaterStages(4, 5, {2, 3}, 0, 2);
        QCOMPARE(V(later.begin(), later.begin() + 6), (V{{1, 0}, {1, 2}, {3, 0}, {3, 2}, {0, 0}, {0, 2}}));
        QCOMPARE(V(later.begin() + 6, later.begin() + 9), (V{{1, 1}, {1, 3}, {1, 4}}));
        std::set<session::Cell> all(first.begin(), first.end());
        all.insert(later.begin(), later.end());
        QCOMPARE(all.size(), first.size() + later.size());
        QCOMPARE(all.size(), std::size_t(20));
        // ES unknown: ED alone comes first; out-of-range input is clamped, empty series give nothing.
        QCOMPARE(session::openingLaterStages(2, 3, {0, 0}, 0, -1), (V{{1, 0}, {1, 1}, {1, 2}}));
        QCOMPARE(session::openingFirstStage(2, 2, {9, -1}), (V{{1, 0}, {1, 1}}));
        QVERIFY(session::openingFirstStage(0, 5, {0, 0}).empty());
    }

    void edAndEsFromOneSlicesAreas() {
        QCOMPARE(session::edEsFromAreas({900, 850, 600, 420, 500, 700}), std::optional(std::make_pair(0, 3)));
        QCOMPARE(session::edEsFromAreas({-1, 300, 500, -1, 200}), std::optional(std::make_pair(2, 4)));
        QVERIFY(!session::edEsFromAreas({-1, 300, -1, 200}));  // two phases only
        QVERIFY(!session::edEsFromAreas({0, 0, 0, 0}));
        QVERIFY(!session::edEsFromAreas({100, 100, 100}));  // no contraction to go by
    }

    void provisionalMeasuresWaitForEveryPhaseOfTheOpeningSlice() {
        QVERIFY(!session::provisionalEdEs({900, 850, -1, 420, 500}));  // phase 2 not segmented yet
        QCOMPARE(session::provisionalEdEs({900, 850, 600, 420, 500}), std::optional(std::make_pair(0, 3)));
        // Segmented, without blood pool on some phases: ED and ES from the others.
        QCOMPARE(session::provisionalEdEs({0, 850, 600, 420, 0}), std::optional(std::make_pair(1, 3)));
        QVERIFY(!session::provisionalEdEs({0, 0, 0}));
        QVERIFY(!session::provisionalEdEs({}));
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
