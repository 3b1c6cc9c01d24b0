// A 3 000-image study (ten cine series of 15 slices × 20 phases, 128 × 128 pixels) opens within a
// stated memory bound: the images as the workstation holds them (32-bit values) plus at most a
// quarter more and 64 MiB for everything else (the loader never holds the files' datasets all at
// once).
#include <QtTest>

#include "io/study.h"
#include "process_memory.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

class TestLargeStudy : public QObject {
    Q_OBJECT

private slots:
    void threeThousandImagesOpenWithinTheMemoryBound() {
        if (testing::underAddressSanitizer())
            QSKIP("AddressSanitizer's shadow memory changes what memory measures: the bound is checked in the normal build");
        testing::TempDir dir;
        const double pixelsMiB = testing::writeThreeThousandImageStudy(dir / "study", "1.2.826.0.1.3680043.10.511.3") / (1 << 20);
        const testing::PeakMemory peak;
        if (!peak.ok()) QSKIP("the kernel does not let a process reset its peak memory (/proc/self/clear_refs)");
        io::WorkspacePlacement placement;
        placement.root = dir / "workspaces";
        const io::Study study = io::loadStudy(dir / "study", placement, {});
        const double grownMiB = peak.grownMiB();
        QCOMPARE(study.result.series.size(), std::size_t(10));
        std::size_t images = 0;
        for (const auto& s : study.result.series) images += s.pixels.size();
        QCOMPARE(images, std::size_t(3000));
        QVERIFY(study.result.skipped.empty());

        const double boundMiB = 1.25 * pixelsMiB + 64;
        qInfo("3000 images: %.0f MiB of pixels; peak memory grew by %.0f MiB while opening (bound %.0f MiB)",
              pixelsMiB, grownMiB, boundMiB);
        QVERIFY2(grownMiB <= boundMiB, qPrintable(QString("grew by %1 MiB").arg(grownMiB)));
    }
};

QTEST_GUILESS_MAIN(TestLargeStudy)
#include "test_large_study.moc"
