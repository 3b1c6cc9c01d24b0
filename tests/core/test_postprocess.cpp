// Post-processing of predicted LV labels.
#include <QtTest>

#include "analysis/postprocess.h"

using namespace cardioseg;

namespace {

image::LabelMap fromRows(const std::vector<std::string>& rows) {
    image::LabelMap m(static_cast<int>(rows[0].size()), static_cast<int>(rows.size()));
    for (int y = 0; y < m.height; ++y)
        for (int x = 0; x < m.width; ++x) m.at(x, y) = static_cast<std::uint8_t>(rows[y][x] - '0');
    return m;
}

}  // namespace

class TestPostprocess : public QObject {
    Q_OBJECT

private slots:
    void keepsOneBloodPoolWithoutHolesAndItsMyocardium() {
        auto m = fromRows({
            "0000000000000",
            "0222220000000",
            "0211120000110",  // a stray blood-pool blob on the right
            "0210120000110",  // a hole in the blood pool
            "0211120000000",
            "0222220000220",  // stray myocardium far from the blood pool
            "0000000000000",
        });
        analysis::cleanLvLabels(m);
        const auto expected = fromRows({
            "0000000000000",
            "0222220000000",
            "0211120000000",
            "0211120000000",
            "0211120000000",
            "0222220000000",
            "0000000000000",
        });
        QVERIFY(m == expected);
    }

    void keepsTheLargestMyocardiumWhenNoneTouches() {
        auto m = fromRows({"22200", "00000", "00022", "00022"});
        analysis::cleanLvLabels(m);
        QVERIFY(m == fromRows({"00000", "00000", "00022", "00022"}));
    }

    void emptyStaysEmpty() {
        auto m = fromRows({"000", "000"});
        analysis::cleanLvLabels(m);
        QVERIFY(m == fromRows({"000", "000"}));
    }
};

QTEST_GUILESS_MAIN(TestPostprocess)
#include "test_postprocess.moc"
