// Metrics on hand-made masks with known answers.
#include <QtTest>

#include <cmath>

#include "metrics/confusion.h"
#include "metrics/surface.h"

using namespace cardioseg;
using metrics::ConfusionMatrix;

namespace {

image::LabelMap fromRows(const std::vector<std::string>& rows) {
    image::LabelMap m(static_cast<int>(rows[0].size()), static_cast<int>(rows.size()));
    for (int y = 0; y < m.height; ++y)
        for (int x = 0; x < m.width; ++x) {
            const char c = rows[y][x];
            m.at(x, y) = c == 'x'   ? image::label::Ignore
                         : c == 'n' ? image::label::NotBloodPool
                                    : static_cast<std::uint8_t>(c - '0');
        }
    return m;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-12; }

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void confusionAndPerClassFigures() {
        const auto truth = fromRows({"0011", "0122", "x122"});
        const auto pred = fromRows({"0111", "0112", "0222"});
        ConfusionMatrix cm(3);
        cm.add(truth, pred);
        QCOMPARE(cm.total(), std::uint64_t(11));  // the ignore pixel is not counted
        QCOMPARE(cm.at(0, 0), std::uint64_t(2));
        QCOMPARE(cm.at(0, 1), std::uint64_t(1));
        QCOMPARE(cm.at(1, 1), std::uint64_t(3));
        QCOMPARE(cm.at(1, 2), std::uint64_t(1));
        QCOMPARE(cm.at(2, 1), std::uint64_t(1));
        QCOMPARE(cm.at(2, 2), std::uint64_t(3));
        // Class 1: TP 3, FP 2 (0→1, 2→1), FN 1 → IoU 3/6, Dice 6/9.
        QVERIFY(near(cm.iou(1), 0.5));
        QVERIFY(near(cm.dice(1), 6.0 / 9));
        // Class 2: TP 3, FP 1, FN 1 → IoU 3/5, Dice 6/8.
        QVERIFY(near(cm.iou(2), 0.6));
        QVERIFY(near(cm.dice(2), 0.75));
        // Class 0: TP 2, FP 0, FN 1 → IoU 2/3, Dice 4/5; accuracy (recall) 2/3.
        QVERIFY(near(cm.iou(0), 2.0 / 3));
        QVERIFY(near(cm.accuracy(1), 0.75));
    }

    void seedSummaryMetrics() {
        const auto truth = fromRows({"0011", "0122", "x122"});
        const auto pred = fromRows({"0111", "0112", "0222"});
        ConfusionMatrix cm(3);
        cm.add(truth, pred);
        QVERIFY(near(cm.overallAccuracy(), 8.0 / 11));
        QVERIFY(near(cm.meanIou(), (2.0 / 3 + 0.5 + 0.6) / 3));
        QVERIFY(near(cm.meanDice(), (0.8 + 6.0 / 9 + 0.75) / 3));
        QVERIFY(near(cm.meanAccuracy(), (2.0 / 3 + 0.75 + 0.75) / 3));
        // Truth shares: class 0 3/11, class 1 4/11, class 2 4/11.
        QVERIFY(near(cm.frequencyWeightedAccuracy(), 3.0 / 11 * 2.0 / 3 + 4.0 / 11 * 0.5 + 4.0 / 11 * 0.6));
    }

    void notBloodPoolCountsAgainstTheBloodPoolOnly() {
        // An end-systolic expert image: blood pool inside the endocardium, the rest known not
        // to be blood pool (n). A prediction spilling 2 pixels of blood pool into it and calling
        // 3 pixels myocardium.
        const auto truth = fromRows({"nnnn", "n11n", "n11n", "nnnx"});
        const auto pred = fromRows({"1200", "2111", "0112", "0001"});
        ConfusionMatrix cm(3);
        cm.add(truth, pred);
        QCOMPARE(cm.total(), std::uint64_t(4));  // only the pixels of a known class
        QCOMPARE(cm.outsideBloodPool(image::label::BloodPool), std::uint64_t(2));
        QCOMPARE(cm.outsideBloodPool(image::label::Myocardium), std::uint64_t(3));
        // Blood pool: TP 4, FP 2 (n→1; the ignore pixel not counted), FN 0 → Dice 8/10, IoU 4/6.
        QVERIFY(near(cm.dice(1), 0.8));
        QVERIFY(near(cm.iou(1), 4.0 / 6));
        QVERIFY(near(cm.accuracy(1), 1.0));
        // The myocardium and the background are unknown there: no figure.
        QVERIFY(std::isnan(cm.dice(2)));
        ConfusionMatrix pooled(3);
        pooled.add(cm);
        pooled.add(cm);
        QCOMPARE(pooled.outsideBloodPool(image::label::BloodPool), std::uint64_t(4));
        QVERIFY(near(pooled.dice(1), 0.8));
    }

    void poolingAddsMatrices() {
        ConfusionMatrix a(3), b(3), both(3);
        const auto t1 = fromRows({"011"}), p1 = fromRows({"001"});
        const auto t2 = fromRows({"22"}), p2 = fromRows({"21"});
        a.add(t1, p1);
        b.add(t2, p2);
        both.add(t1, p1);
        both.add(t2, p2);
        a.add(b);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) QCOMPARE(a.at(i, j), both.at(i, j));
    }

    void countListsAddUpAsMatricesDo() {
        // Two processes' matrices, summed as lists (as data-parallel validation does), are the
        // pooled matrix, NotBloodPool spill included.
        ConfusionMatrix a(3), b(3), both(3);
        const auto t1 = fromRows({"nnnn", "n11n"}), p1 = fromRows({"1200", "2111"});
        const auto t2 = fromRows({"0122"}), p2 = fromRows({"0112"});
        a.add(t1, p1);
        b.add(t2, p2);
        both.add(t1, p1);
        both.add(t2, p2);
        std::vector<double> sum = a.countList();
        const std::vector<double> other = b.countList();
        QCOMPARE(sum.size(), std::size_t(3 * 3 + 3));
        for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += other[i];
        const ConfusionMatrix pooled = ConfusionMatrix::fromCounts(3, sum);
        QCOMPARE(pooled.outsideBloodPool(image::label::BloodPool), std::uint64_t(2));
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(pooled.outsideBloodPool(c), both.outsideBloodPool(c));
            for (int p = 0; p < 3; ++p) QCOMPARE(pooled.at(c, p), both.at(c, p));
        }
        QVERIFY(near(pooled.dice(1), both.dice(1)));
        QVERIFY(pooled.dice(1) < 1.0);  // the spill counts against the blood pool
        // A list of another length, or one that is not counts, is refused.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConfusionMatrix::fromCounts(3, std::vector<double>(9, 0.0)));
        sum[0] = 0.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConfusionMatrix::fromCounts(3, sum));
        sum[0] = -1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConfusionMatrix::fromCounts(3, sum));
    }

    void absentClassIsNaN() {
        ConfusionMatrix cm(3);
        cm.add(fromRows({"00"}), fromRows({"00"}));
        QVERIFY(std::isnan(cm.dice(2)));
        QVERIFY(near(cm.meanIou(), 1.0));  // NaN classes are left out of means
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cm.add(fromRows({"0"}), fromRows({"00"})));
    }

    void surfaceDistancesInMillimetres() {
        // Truth: a 3×3 square at columns 1-3; prediction shifted right by 2 columns.
        const auto truth = fromRows({"01110000", "01110000", "01110000"});
        const auto pred = fromRows({"00011100", "00011100", "00011100"});
        // Columns are 2 mm apart. Every pixel of a 3-row square is on its boundary (each
        // touches the top or bottom row), so the farthest pair is 2 columns = 4 mm apart.
        const auto d = metrics::surfaceDistance(truth, pred, 1, 1.0, 2.0);
        QVERIFY(d.has_value());
        QVERIFY(near(d->hausdorff, 4.0));
        // Truth boundary columns 1,2,3 → nearest prediction column 3,3,3: 4, 2, 0 mm ×3 rows;
        // prediction columns 3,4,5 → nearest truth 3,3,3: 0, 2, 4 mm. Mean 2 mm.
        QVERIFY(near(d->assd, 2.0));
        QVERIFY(!metrics::surfaceDistance(truth, fromRows({"00000000", "00000000", "00000000"}), 1, 1, 1));
        const auto same = metrics::surfaceDistance(truth, truth, 1, 1.5, 1.5);
        QVERIFY(near(same->hausdorff, 0.0));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
