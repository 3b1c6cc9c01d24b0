// A 3 000-image study (ten cine series of 15 slices × 20 phases, 128 × 128 pixels) opens within a
// stated memory bound: the images as the workstation holds them (32-bit values) plus at most a
// quarter more and 64 MiB for everything else (the loader never holds the files' datasets all at
// once).
#include <QtTest>

#include <fstream>
#include <string>

#include "io/study.h"
#include "sanitizers.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

/// The process's resident memory (VmRSS) or its peak since the last reset (VmHWM), in bytes.
std::int64_t memoryKb(const char* field) {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(field, 0) == 0) return std::stoll(line.substr(std::string(field).size()));
    return -1;
}

/// Starts a new peak: the kernel's high-water mark is reset to the current resident size.
bool resetPeak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear);
}

}  // namespace

class TestLargeStudy : public QObject {
    Q_OBJECT

private slots:
    void threeThousandImagesOpenWithinTheMemoryBound() {
        if (testing::underAddressSanitizer())
            QSKIP("AddressSanitizer's shadow memory changes what memory measures: the bound is checked in the normal build");
        testing::TempDir dir;
        constexpr int kSeries = 10, kSlices = 15, kPhases = 20, kSize = 128;
        for (int i = 0; i < kSeries; ++i) {
            testing::SyntheticSeries s;
            s.rows = s.columns = kSize;
            s.slices = kSlices;
            s.phases = kPhases;
            s.seriesUid = "1.2.826.0.1.3680043.10.511.3." + std::to_string(i + 1);
            s.seriesNumber = 100 + i;
            testing::writeSeries(dir / "study" / ("series" + std::to_string(i)), s);
        }
        if (!resetPeak()) QSKIP("the kernel does not let a process reset its peak memory (/proc/self/clear_refs)");
        const std::int64_t before = memoryKb("VmRSS:");
        io::WorkspacePlacement placement;
        placement.root = dir / "workspaces";
        const io::Study study = io::loadStudy(dir / "study", placement, {});
        const std::int64_t peak = memoryKb("VmHWM:");
        QCOMPARE(study.result.series.size(), std::size_t(kSeries));
        std::size_t images = 0;
        for (const auto& s : study.result.series) images += s.pixels.size();
        QCOMPARE(images, std::size_t(kSeries * kSlices * kPhases));
        QVERIFY(study.result.skipped.empty());

        const double pixelsMiB = 3000.0 * kSize * kSize * sizeof(float) / (1 << 20);
        const double grownMiB = (peak - before) / 1024.0;
        const double boundMiB = 1.25 * pixelsMiB + 64;
        qInfo("3000 images: %.0f MiB of pixels; peak memory grew by %.0f MiB while opening (bound %.0f MiB)",
              pixelsMiB, grownMiB, boundMiB);
        QVERIFY2(grownMiB <= boundMiB, qPrintable(QString("grew by %1 MiB").arg(grownMiB)));
    }
};

QTEST_GUILESS_MAIN(TestLargeStudy)
#include "test_large_study.moc"
