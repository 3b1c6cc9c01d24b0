// Per-machine engine choices and the roofline: the calibration times every configuration and
// picks the fastest, caches it per key and measures again when the key changes; the segmenter
// labels alike however it runs; the network's FLOPs and the CPU's peak.
#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/blas.h"
#include "engine/calibration.h"
#include "engine/int8.h"
#include "engine/model.h"
#include "engine/roofline.h"
#include "engine/segmenter.h"
#include "phantom_support.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
using namespace cardioseg::engine;

namespace {

int lines(const std::string& file) {
    std::ifstream in(file);
    int n = 0;
    for (std::string line; std::getline(in, line);) n += !line.empty();
    return n;
}

}  // namespace

class TestCalibration : public QObject {
    Q_OBJECT

    testing::TempDir m_cache;

private Q_SLOTS:
    void initTestCase() {
        testing::calibrateInto(m_cache);
    }

    void timesEveryConfigurationAndPicksTheFastest() {
        const auto c = calibrate(testing::tinyConfig(), 2, 64);
        // NCHW and channels-last, one image at a time and two at once (and as many in bf16
        // where the CPU has it natively); int8 one image at a time and two at once where
        // LibTorch has a quantised engine.
        const auto bf16 = std::count_if(c.runs.begin(), c.runs.end(),
                                        [](const auto& r) { return r.choice.bf16; });
        const auto int8 = std::count_if(c.runs.begin(), c.runs.end(), [](const auto& r) { return r.choice.int8; });
        QCOMPARE(int8, int8Supported() ? 2 : 0);
        for (int atOnce : {1, 2})
            QCOMPARE(std::count_if(c.runs.begin(), c.runs.end(),
                                   [&](const auto& r) { return r.choice.int8 && r.choice.parallelImages == atOnce; }),
                     int8 / 2);
        QCOMPARE(c.runs.size(), std::size_t((bf16 ? 8 : 4) + int8));
        QCOMPARE(std::size_t(bf16) * 2, bf16 ? c.runs.size() - std::size_t(int8) : 0);  // the float runs: half in bf16
        for (bool channelsLast : {false, true})
            for (int atOnce : {1, 2})
                QVERIFY(std::any_of(c.runs.begin(), c.runs.end(), [&](const auto& r) {
                    return r.choice.channelsLast == channelsLast &&
                           r.choice.parallelImages == atOnce && !r.choice.bf16;
                }));
        const auto& plain = c.runs.front().choice;
        QVERIFY(!plain.channelsLast && !plain.bf16 && plain.parallelImages == 1);
        double fastest = 1e300;
        for (const auto& r : c.runs) {
            QVERIFY(r.msPerImage > 0);
            fastest = std::min(fastest, r.msPerImage);
        }
        QCOMPARE(c.bestMs, fastest);
        double fastestFloat = 1e300;
        for (const auto& r : c.runs)
            if (!r.choice.int8) fastestFloat = std::min(fastestFloat, r.msPerImage);
        QCOMPARE(c.bestFloatMs, fastestFloat);
        QVERIFY(!c.bestFloat.int8);
        QCOMPARE(c.plainMs, c.runs.front().msPerImage);
        QVERIFY(c.bestMs <= c.plainMs);  // never slower than LibTorch's default, by construction
        QVERIFY(c.key.find("deeplabv3-resnet18-w8-os8") != std::string::npos);
        QVERIFY(c.key.find("2 threads") != std::string::npos);
    }

    void cachedPerKeyAndMeasuredAgainWhenItChanges() {
        const auto config = testing::tinyConfig();
        const auto first = engineCalibration(config, 2, 48);
        QVERIFY(!first.fromCache);
        QCOMPARE(lines(first.cacheFile), 1);
        const auto again = engineCalibration(config, 2, 48);
        QVERIFY(again.fromCache);
        QCOMPARE(again.key, first.key);
        QCOMPARE(again.bestMs, first.bestMs);
        QCOMPARE(again.best.name(), first.best.name());
        // Another thread count (or CPU, ISA, LibTorch, architecture) is another key.
        const auto one = engineCalibration(config, 1, 48);
        QVERIFY(!one.fromCache);
        QCOMPARE(one.runs.size(), first.runs.size() / 2);  // nothing to run at once on one thread
        QCOMPARE(lines(first.cacheFile), 2);
        // Asked to measure again: replaced, not added.
        QVERIFY(!engineCalibration(config, 2, 48, true).fromCache);
        QCOMPARE(lines(first.cacheFile), 2);
        // A damaged cache is measured again, never trusted.
        { std::ofstream(first.cacheFile) << first.key << "\t3\tnot numbers\n"; }
        QVERIFY(!engineCalibration(config, 2, 48).fromCache);
        qputenv("CARDIOSEG_CALIBRATION", "off");
        const auto fixed = engineCalibration(config, 2, 48);
        qunsetenv("CARDIOSEG_CALIBRATION");
        QCOMPARE(fixed.key, std::string("fixed defaults"));
        QVERIFY(fixed.best.channelsLast);
    }

    void theSegmenterLabelsAlikeHoweverItRuns() {
        const auto model = Model::create(testing::tinyConfig(), 3);
        const auto li = testing::phantom(64, 0, 0, 1.0);
        SegmentOptions fixed, calibrated;
        fixed.device = calibrated.device = DeviceChoice::Cpu;
        fixed.calibrated = false;
        Segmenter a(model, fixed), b(model, calibrated);
        QVERIFY(!a.configuration().empty() && !b.configuration().empty());
        const auto x = a.segment({&li.image}), y = b.segment({&li.image});
        std::size_t same = 0;
        for (std::size_t i = 0; i < x[0].labels.data.size(); ++i)
            same += x[0].labels.data[i] == y[0].labels.data[i];
        QVERIFY2(same >= x[0].labels.data.size() * 99 / 100, qPrintable(QString::number(same)));
    }

    void forwardFlopsMatchTheNetworks() {
        // torchvision's DeepLabV3-ResNet50 at 256 x 256: 81.8 GFLOP in its convolutions.
        const double resnet50 = forwardFlops(configFromArch("torchvision-resnet50"), 256, 256);
        QVERIFY2(std::abs(resnet50 / 81.8e9 - 1) < 0.01,
                 qPrintable(QString::number(resnet50 / 1e9)));
        // Convolutions scale with the pixels (all but the image-level branch's 1 x 1 conv).
        const auto tiny = testing::tinyConfig();
        const double a = forwardFlops(tiny, 64, 64), b = forwardFlops(tiny, 128, 128);
        QVERIFY(b > 3.9 * a && b < 4.0 * a);
    }

    void peakFollowsTheIsaInEffect() {
        qputenv("CARDIOSEG_CPU_GHZ", "2.5");
        qputenv("ONEDNN_MAX_CPU_ISA", "AVX2");
        const auto capped = cpuPeak(2);
        qunsetenv("ONEDNN_MAX_CPU_ISA");
        qunsetenv("CARDIOSEG_CPU_GHZ");
        QVERIFY(capped.isa == "avx2" || capped.isa == "sse");  // the CPU's own, when below the cap
        QCOMPARE(capped.ghz, 2.5);
        QCOMPARE(capped.gflops(), 2 * 2 * capped.lanes * 2 * 2.5);
        if (capped.isa == "avx2") QCOMPARE(capped.lanes, 8);
        const auto own = cpuPeak(1);
        QVERIFY(own.ghz > 0);
        QVERIFY(own.lanes >= capped.lanes);
    }

    void theBlasInUseIsNamedKeyedAndKeptToOneThread() {
        const BlasInfo blas = blasInUse();
        qInfo("BLAS: %s (%s)", blas.name.c_str(), blas.library.c_str());
        QVERIFY(!blas.name.empty());
        if (blas.library.empty()) QSKIP("this LibTorch exports no sgemm_ (its BLAS is linked in statically)");
        QVERIFY(std::filesystem::exists(blas.library));
        // Switching BLAS (update-alternatives) changes the timings: the calibration's key names it.
        QVERIFY(calibrationKey(testing::tinyConfig(), 2, 64).find(blas.library) != std::string::npos);
        const bool openblas = blas.library.find("openblas") != std::string::npos;
        QCOMPARE(blas.optimised, openblas || blas.name != "reference BLAS");
        if (openblas) {
            QVERIFY(blas.name.rfind("OpenBLAS ", 0) == 0);
            // A segmenter keeps a pthreads OpenBLAS to one thread (the user's
            // OPENBLAS_NUM_THREADS wins).
            Segmenter segmenter(Model::create(testing::tinyConfig()), SegmentOptions{});
            const std::string after = blasInUse().name;
            if (after.find("pthreads") != std::string::npos && !qEnvironmentVariableIsSet("OPENBLAS_NUM_THREADS"))
                QVERIFY2(after.find(", 1 thread)") != std::string::npos, after.c_str());
        } else if (blas.library.find("/blas/") != std::string::npos) {
            QCOMPARE(blas.name, std::string("reference BLAS"));  // Debian's netlib alternative
            QVERIFY(!blas.optimised);
        }
    }
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "test_calibration.moc"
