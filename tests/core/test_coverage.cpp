// The left ventricle's coverage: the base where the myocardium stops surrounding the cavity, the
// apex where the cavity ends, regions off the ventricle's axis ignored, continuity across the
// cycle, a person's choices, and labels outside made background.
#include <QtTest>

#include <cmath>

#include "analysis/coverage.h"
#include "image/label_edit.h"
#include "synthetic_dicom.h"

using namespace cardioseg;

namespace {

constexpr int kSize = 96;

/// A cavity of radius r with myocardium around `share` of it (from angle 0), centred at (cx, cy).
image::LabelMap ventricle(double cx, double cy, double r, double share) {
    image::LabelMap m(kSize, kSize, image::label::Background);
    for (int y = 0; y < kSize; ++y)
        for (int x = 0; x < kSize; ++x) {
            const double d = std::hypot(x - cx, y - cy);
            double a = std::atan2(y - cy, x - cx);
            if (a < 0) a += 2 * M_PI;
            if (d < r)
                m.at(x, y) = image::label::BloodPool;
            else if (d < r + 5 && a < share * 2 * M_PI)
                m.at(x, y) = image::label::Myocardium;
        }
    return m;
}

/// 8 slices × 4 phases (1 mm pixels): above the base an atrium (a cavity with no myocardial
/// ring, slice 1), the ventricle on slices 2–6 narrowing to the apex, and beyond it only a
/// region far off the axis (slice 7).
struct Study {
    image::CineSeries series;
    image::SeriesLabels labels;
    Study() {
        testing::SyntheticSeries s;
        s.rows = s.columns = kSize;
        s.rowSpacing = s.colSpacing = 1.0;
        s.slices = 8;
        s.phases = 4;
        series = testing::makeCineSeries(s);
        labels = image::SeriesLabels::like(series);
        for (int p = 0; p < 4; ++p) {
            labels.at(0, p) = image::LabelMap(kSize, kSize, image::label::Background);
            labels.at(1, p) = ventricle(48, 48, 14, 0.25);  // the atrium: a quarter surrounded
            for (int k = 2; k <= 6; ++k)
                labels.at(k, p) = ventricle(48 + k * 0.5, 48, 16 - 2.0 * (k - 2), 1.0);
            labels.at(7, p) = ventricle(88, 88, 6, 0.0);  // off the axis (42·√2 ≈ 57 mm away)
        }
    }
};

}  // namespace

class TestCoverage : public QObject {
    Q_OBJECT

private slots:
    void evidenceMeasuresTheRing() {
        Study st;
        const auto e = analysis::coverageEvidence(st.series, st.labels);
        const auto& mid = e[3 * 4 + 0];
        QVERIFY2(mid.surround > 0.95, qPrintable(QString::number(mid.surround)));
        QVERIFY(mid.offAxisMm < 3.0);
        QCOMPARE(mid.bloodPoolMm2 > 500, true);
        const auto& atrium = e[1 * 4 + 0];
        QVERIFY2(atrium.surround > 0.15 && atrium.surround < 0.35,
                 qPrintable(QString::number(atrium.surround)));
        const auto& far = e[7 * 4 + 0];
        QVERIFY(far.offAxisMm > 50);
        QVERIFY(std::isnan(e[0].offAxisMm));  // no cavity at all
    }

    void baseApexAndOffAxisRegions() {
        Study st;
        const auto ranges = analysis::findCoverage(st.series, st.labels);
        QCOMPARE(ranges.size(), std::size_t(4));
        for (const auto& r : ranges) QCOMPARE(r, image::SliceRange({2, 6}));
        // A half-surrounded cavity still counts (the SCMR rule: at least half).
        for (int p = 0; p < 4; ++p) st.labels.at(1, p) = ventricle(48, 48, 14, 0.6);
        QCOMPARE(analysis::findCoverage(st.series, st.labels)[0], image::SliceRange({1, 6}));
        // A cavity too small is the end of the cavity: the apex moves up.
        for (int p = 0; p < 4; ++p) st.labels.at(6, p) = ventricle(48, 48, 2, 1.0);
        QCOMPARE(analysis::findCoverage(st.series, st.labels)[0], image::SliceRange({1, 5}));
        // A gap ends the ventricle: nothing beyond it counts, even on the axis.
        for (int p = 0; p < 4; ++p) st.labels.at(7, p) = ventricle(48, 48, 10, 1.0);
        QCOMPARE(analysis::findCoverage(st.series, st.labels)[0], image::SliceRange({1, 5}));
    }

    void continuousAcrossTheCycle() {
        Study st;
        // One phase's basal ring broken: alone among its neighbours, it is smoothed away.
        st.labels.at(2, 1) = ventricle(49, 48, 16, 0.3);
        auto ranges = analysis::findCoverage(st.series, st.labels);
        QCOMPARE(ranges[1], image::SliceRange({2, 6}));
        analysis::CoverageOptions raw;
        raw.smoothAcrossPhases = false;
        QCOMPARE(analysis::findCoverage(st.series, st.labels, raw)[1], image::SliceRange({3, 6}));
        // Two phases in a row (systole: the base descends): kept.
        st.labels.at(2, 2) = ventricle(49, 48, 16, 0.3);
        ranges = analysis::findCoverage(st.series, st.labels);
        QCOMPARE(ranges[1].base, 3);
        QCOMPARE(ranges[2].base, 3);
        QCOMPARE(ranges[0].base, 2);
    }

    void choicesAndApplying() {
        Study st;
        const auto found = analysis::findCoverage(st.series, st.labels);
        std::vector<image::CoverageChoice> choices(2);
        choices[1] = {3, -1};  // phase 1: base at slice 3
        auto chosen = analysis::chooseCoverage(found, choices, 8);
        QCOMPARE(chosen[0], found[0]);
        QCOMPARE(chosen[1], image::SliceRange({3, 6}));
        choices[1] = {-1, 1};  // an apex above the base found: the base follows
        chosen = analysis::chooseCoverage(found, choices, 8);
        QCOMPARE(chosen[1], image::SliceRange({1, 1}));

        const auto covered = analysis::applyCoverage(st.labels, found);
        auto lv = [](const image::LabelMap& m) {
            return std::count_if(m.data.begin(), m.data.end(), [](std::uint8_t v) {
                return v == image::label::BloodPool || v == image::label::Myocardium;
            });
        };
        QCOMPARE(lv(covered.at(1, 0)), 0L);  // the atrium
        QCOMPARE(lv(covered.at(7, 0)), 0L);  // the region off the axis
        QCOMPARE(lv(covered.at(4, 0)), lv(st.labels.at(4, 0)));
        QVERIFY(!covered.at(1, 0).empty());  // still a labelled image: background
        image::SeriesLabels partial = image::SeriesLabels::like(st.series);
        QCOMPARE(analysis::applyCoverage(partial, found).labelledCount(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCoverage)
#include "test_coverage.moc"
