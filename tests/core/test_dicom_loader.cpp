// Loading cine MRI through DCMTK: geometry, ordering, pixel decoding and bad input.
#include <QtTest>

#include <fstream>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcddirif.h>
#include <dcmtk/dcmdata/dctk.h>

#include "io/dicom_loader.h"
#include "io/resources.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using testing::SyntheticSeries;
using testing::TempDir;

namespace {

const io::SkippedFile* findSkipped(const io::LoadResult& r, const std::string& fileName) {
    for (const auto& s : r.skipped)
        if (fs::path(s.file).filename() == fileName) return &s;
    return nullptr;
}

/// Every decoded pixel equals the synthetic value at its slice/phase (within tol).
void verifyPixels(const image::CineSeries& series, const SyntheticSeries& s, double tol = 0.0) {
    QVERIFY(series.pixelsLoaded());
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            const image::FloatImage* img = series.image(k, p);
            QVERIFY(img);
            double worst = 0;
            for (int y = 0; y < s.rows; ++y)
                for (int x = 0; x < s.columns; ++x)
                    worst = std::max(worst, std::abs(img->at(x, y) - testing::modalityPixel(s, k, p, x, y)));
            if (worst > tol)
                QFAIL(qPrintable(QString("slice %1 phase %2: pixel error %3").arg(k).arg(p).arg(worst)));
        }
}

void truncateFile(const fs::path& f, std::uintmax_t keep) { fs::resize_file(f, keep); }

}  // namespace

class TestDicomLoader : public QObject {
    Q_OBJECT

private slots:
    void cineSeriesGeometryAndOrder() {
        TempDir dir;
        SyntheticSeries s;
        testing::writeSeries(dir.path(), s);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.skipped.size(), std::size_t(0));
        QCOMPARE(r.series.size(), std::size_t(1));
        const auto& series = r.series[0];
        QCOMPARE(series.slices, s.slices);
        QCOMPARE(series.phases, s.phases);
        QCOMPARE(series.imageCount(), std::size_t(s.slices * s.phases));
        const auto& g = series.geometry;
        QCOMPARE(g.rows, s.rows);
        QCOMPARE(g.columns, s.columns);
        QCOMPARE(g.rowSpacing, s.rowSpacing);
        QCOMPARE(g.colSpacing, s.colSpacing);
        // Spacing from positions, not from SliceThickness (which the writer sets 1 mm smaller).
        QVERIFY(std::abs(g.sliceSpacing - s.sliceSpacing) < 1e-6);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::abs(g.origin[i] - s.basalOrigin[i]) < 1e-6);
            QVERIFY(std::abs(g.rowDir[i] - image::normalized(s.rowDir)[i]) < 1e-6);
        }
        // Slice 0 is the base: positions advance towards the apex (left, anterior, inferior).
        const image::Vec3 apex = image::normalized({1, -1, -1});
        QVERIFY(image::dot(g.normal, apex) > 0);
        for (int k = 0; k < s.slices; ++k)
            for (int p = 0; p < s.phases; ++p) {
                const auto& f = series.frames[series.frameAt(k, p)];
                QCOMPARE(f.instanceNumber, testing::instanceNumberOf(s, k, p));
                QCOMPARE(f.triggerTime, p * s.triggerStep);
                const image::Vec3 expected = testing::slicePosition(s, k);
                const image::Vec3 fromGeometry = g.toPatient(0, 0, k);
                for (int i = 0; i < 3; ++i) QVERIFY(std::abs(fromGeometry[i] - expected[i]) < 1e-4);
            }
        verifyPixels(series, s);
        QVERIFY(series.windowFromHeader);
        QCOMPARE(series.window.center, 600.0);
        QCOMPARE(series.window.width, 1200.0);
        QCOMPARE(series.info.patientId, s.patientId);
        QCOMPARE(series.info.seriesDescription, s.description);
    }

    void basalFirstInstancesGiveTheSameOrder() {
        TempDir dir;
        SyntheticSeries s;
        s.apexFirstInstances = false;
        testing::writeSeries(dir.path(), s);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(1));
        const auto& series = r.series[0];
        for (int k = 0; k < s.slices; ++k)
            QCOMPARE(series.frames[series.frameAt(k, 0)].instanceNumber, testing::instanceNumberOf(s, k, 0));
        verifyPixels(series, s);
    }

    void headersOnlyThenLazyDecode() {
        TempDir dir;
        SyntheticSeries s;
        testing::writeSeries(dir.path(), s);
        io::LoadOptions opt;
        opt.decodePixels = false;
        auto r = io::loadDicom({dir.path()}, opt);
        QCOMPARE(r.series.size(), std::size_t(1));
        QVERIFY(!r.series[0].pixelsLoaded());
        QVERIFY(r.series[0].image(0, 0) == nullptr);
        std::vector<io::SkippedFile> skipped;
        QVERIFY(io::decodeSeriesPixels(r.series[0], skipped, 2));
        QVERIFY(skipped.empty());
        verifyPixels(r.series[0], s);
    }

    void filesWithoutExtensionAndNestedFolders() {
        TempDir dir;
        SyntheticSeries s;
        s.withExtension = false;
        testing::writeSeries(dir.path() / "a" / "b", s);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(1));
        QCOMPARE(r.series[0].imageCount(), std::size_t(s.slices * s.phases));
    }

    void singleFileAndNonCineSeries() {
        TempDir dir;
        SyntheticSeries s;
        s.phases = 1;
        const auto files = testing::writeSeries(dir.path(), s);
        const auto stack = io::loadDicom({dir.path()});
        QCOMPARE(stack.series.size(), std::size_t(1));
        QCOMPARE(stack.series[0].slices, s.slices);
        QCOMPARE(stack.series[0].phases, 1);
        const auto single = io::loadDicom({files.front()});
        QCOMPARE(single.series.size(), std::size_t(1));
        QCOMPARE(single.series[0].slices, 1);
        QCOMPARE(single.series[0].phases, 1);
        QVERIFY(single.series[0].image(0, 0));
    }

    void severalSeriesAndStudiesAreListedSeparately() {
        TempDir dir;
        SyntheticSeries a, b, c;
        b.seriesUid = "1.2.826.0.1.3680043.10.511.1.2";
        b.seriesNumber = 3;
        b.slices = 2;
        c.seriesUid = "1.2.826.0.1.3680043.10.511.1.3";
        c.studyUid = "1.2.826.0.1.3680043.10.511.2.2";
        c.patientId = "SYNTH002";
        c.phases = 3;
        testing::writeSeries(dir / "a", a);
        testing::writeSeries(dir / "b", b);
        testing::writeSeries(dir / "c", c);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(3));
        // Same study: ordered by series number (b = 3 before a = 5).
        QCOMPARE(r.series[0].info.seriesUid, b.seriesUid);
        QCOMPARE(r.series[0].slices, 2);
        QCOMPARE(r.series[1].info.seriesUid, a.seriesUid);
        QCOMPARE(r.series[2].info.patientId, std::string("SYNTH002"));
        QCOMPARE(r.series[2].phases, 3);
    }

    void pixelFormats_data() {
        QTest::addColumn<int>("bitsAllocated");
        QTest::addColumn<int>("bitsStored");
        QTest::addColumn<bool>("isSigned");
        QTest::addColumn<double>("slope");
        QTest::addColumn<double>("intercept");
        QTest::addColumn<bool>("mono1");
        QTest::newRow("unsigned 12-bit") << 16 << 12 << false << 1.0 << 0.0 << false;
        QTest::newRow("signed 16-bit with rescale") << 16 << 16 << true << 2.0 << -1024.0 << false;
        QTest::newRow("signed 12-bit") << 16 << 12 << true << 1.0 << 0.0 << false;
        QTest::newRow("unsigned 8-bit") << 8 << 8 << false << 0.5 << 10.0 << false;
    }
    void pixelFormats() {
        QFETCH(int, bitsAllocated);
        QFETCH(int, bitsStored);
        QFETCH(bool, isSigned);
        QFETCH(double, slope);
        QFETCH(double, intercept);
        QFETCH(bool, mono1);
        TempDir dir;
        SyntheticSeries s;
        s.slices = 2;
        s.phases = 2;
        s.bitsAllocated = bitsAllocated;
        s.bitsStored = bitsStored;
        s.isSigned = isSigned;
        s.rescaleSlope = slope;
        s.rescaleIntercept = intercept;
        s.monochrome1 = mono1;
        testing::writeSeries(dir.path(), s);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(1));
        verifyPixels(r.series[0], s);
    }

    void monochrome1IsInverted() {
        TempDir dir;
        SyntheticSeries s;
        s.slices = 1;
        s.phases = 1;
        s.monochrome1 = true;
        testing::writeSeries(dir.path(), s);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(1));
        const auto* img = r.series[0].image(0, 0);
        QVERIFY(img);
        const double maxStored = (1 << s.bitsStored) - 1;
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x)
                QCOMPARE(double(img->at(x, y)), maxStored - testing::rawPixel(s, 0, 0, x, y));
    }

    void transferSyntaxes_data() {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("implicit little endian") << int(testing::Encoding::ImplicitLittle) << 0.0;
        QTest::newRow("explicit big endian") << int(testing::Encoding::ExplicitBig) << 0.0;
        QTest::newRow("RLE lossless") << int(testing::Encoding::Rle) << 0.0;
        QTest::newRow("JPEG lossless") << int(testing::Encoding::JpegLossless) << 0.0;
        QTest::newRow("JPEG-LS lossless") << int(testing::Encoding::JpegLsLossless) << 0.0;
        QTest::newRow("JPEG baseline (lossy)") << int(testing::Encoding::JpegBaseline) << 6.0;
    }
    void transferSyntaxes() {
        QFETCH(int, encoding);
        QFETCH(double, tolerance);
        TempDir dir;
        SyntheticSeries s;
        s.slices = 2;
        s.phases = 3;
        s.encoding = static_cast<testing::Encoding>(encoding);
        if (s.encoding == testing::Encoding::JpegBaseline) {
            s.bitsAllocated = 8;
            s.bitsStored = 8;
        }
        testing::writeSeries(dir.path(), s);
        const auto r = io::loadDicom({dir.path()});
        for (const auto& sk : r.skipped) qWarning("%s: %s", sk.file.c_str(), sk.reason.c_str());
        QCOMPARE(r.skipped.size(), std::size_t(0));
        QCOMPARE(r.series.size(), std::size_t(1));
        verifyPixels(r.series[0], s, tolerance);
    }

    void enhancedMultiFrame() {
        TempDir dir;
        SyntheticSeries s;
        s.multiFrame = true;
        s.rescaleSlope = 1.5;
        s.rescaleIntercept = -7;
        testing::writeSeries(dir.path(), s);
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.skipped.size(), std::size_t(0));
        QCOMPARE(r.series.size(), std::size_t(1));
        const auto& series = r.series[0];
        QCOMPARE(series.slices, s.slices);
        QCOMPARE(series.phases, s.phases);
        QVERIFY(std::abs(series.geometry.sliceSpacing - s.sliceSpacing) < 1e-6);
        QVERIFY(!series.windowFromHeader);  // none in the file: percentiles of the data
        QVERIFY(series.window.width > 0);
        verifyPixels(series, s);
    }

    void badFilesAreSkippedWithReasonsAndTheRestLoads() {
        TempDir dir;
        SyntheticSeries s;
        s.slices = 3;
        s.phases = 2;
        const auto files = testing::writeSeries(dir.path(), s);

        { std::ofstream(dir / "notes.txt") << "not an image\n"; }
        fs::copy_file(files[0], dir / "truncated.dcm");
        truncateFile(dir / "truncated.dcm", fs::file_size(files[0]) / 2);
        {  // a DICOM object without pixel data
            DcmFileFormat ff;
            ff.getDataset()->putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
            ff.getDataset()->putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4.5.6");
            ff.getDataset()->putAndInsertString(DCM_SeriesInstanceUID, s.seriesUid.c_str());
            QVERIFY(ff.saveFile((dir / "nopixels.dcm").string().c_str(), EXS_LittleEndianExplicit).good());
        }
        {  // one image of the series with another size
            TempDir other;
            SyntheticSeries odd = s;
            odd.rows = 16;
            odd.slices = 1;
            odd.phases = 1;
            odd.shuffleSeed = 0;
            const auto oddFiles = testing::writeSeries(other.path(), odd);
            fs::copy_file(oddFiles[0], dir / "oddsize.dcm");
        }
        {  // a transfer syntax no decoder here handles (JPEG 2000), made by relabelling JPEG-LS
            TempDir other;
            SyntheticSeries j = s;
            j.seriesUid += ".77";
            j.slices = 1;
            j.phases = 1;
            j.encoding = testing::Encoding::JpegLsLossless;
            const auto jf = testing::writeSeries(other.path(), j);
            std::ifstream in(jf[0], std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), {});
            const std::string from = "1.2.840.10008.1.2.4.80", to = "1.2.840.10008.1.2.4.90";
            const auto pos = bytes.find(from);
            QVERIFY(pos != std::string::npos);
            bytes.replace(pos, from.size(), to);
            std::ofstream(dir / "jpeg2000.dcm", std::ios::binary) << bytes;
        }
        const auto before = fs::last_write_time(files[0]);

        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(1));
        QCOMPARE(r.series[0].imageCount(), std::size_t(s.slices * s.phases));
        verifyPixels(r.series[0], s);

        const auto* notes = findSkipped(r, "notes.txt");
        QVERIFY(notes);
        QCOMPARE(notes->reason, std::string("not a DICOM file"));
        const auto* truncated = findSkipped(r, "truncated.dcm");
        QVERIFY(truncated);
        QVERIFY2(truncated->reason.find("truncated") != std::string::npos, truncated->reason.c_str());
        const auto* nopixels = findSkipped(r, "nopixels.dcm");
        QVERIFY(nopixels);
        QVERIFY(nopixels->reason.find("no pixel data") != std::string::npos);
        const auto* oddsize = findSkipped(r, "oddsize.dcm");
        QVERIFY(oddsize);
        QVERIFY2(oddsize->reason.find("differs") != std::string::npos, oddsize->reason.c_str());
        const auto* j2k = findSkipped(r, "jpeg2000.dcm");
        QVERIFY(j2k);
        QVERIFY2(j2k->reason.find("transfer syntax") != std::string::npos, j2k->reason.c_str());
        QCOMPARE(r.skipped.size(), std::size_t(5));
        QCOMPARE(fs::last_write_time(files[0]), before);  // inputs are never modified
    }

    void missingPathIsReported() {
        const auto r = io::loadDicom({"/nonexistent/cardioseg"});
        QVERIFY(r.series.empty());
        QCOMPARE(r.skipped.size(), std::size_t(1));
        QCOMPARE(r.skipped[0].reason, std::string("no such file or folder"));
    }

    void dicomdirIsFollowed() {
        TempDir dir;
        SyntheticSeries s;
        s.slices = 2;
        s.phases = 2;
        s.withExtension = false;
        s.shuffleSeed = 0;
        testing::writeSeries(dir / "IMAGES", s);
        // A stray file that the DICOMDIR does not list must not be read.
        { std::ofstream(dir / "IMAGES" / "JUNK") << "junk"; }
        {
            const fs::path cwd = fs::current_path();
            fs::current_path(dir.path());
            DicomDirInterface ddir;
            QVERIFY(ddir.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose, "DICOMDIR", "CARDIOSEG").good());
            for (const auto& e : fs::directory_iterator("IMAGES"))
                if (e.path().filename() != "JUNK") {
                    const OFCondition st = ddir.addDicomFile(("IMAGES/" + e.path().filename().string()).c_str());
                    QVERIFY2(st.good(), st.text());
                }
            QVERIFY(ddir.writeDicomDir().good());
            fs::current_path(cwd);
        }
        const auto r = io::loadDicom({dir.path()});
        QCOMPARE(r.series.size(), std::size_t(1));
        QCOMPARE(r.series[0].imageCount(), std::size_t(4));
        QVERIFY(findSkipped(r, "JUNK") == nullptr);
        verifyPixels(r.series[0], s);
    }

    void progressAndCancel() {
        TempDir dir;
        SyntheticSeries s;
        testing::writeSeries(dir.path(), s);
        double last = -1;
        bool monotonic = true;
        io::LoadOptions opt;
        opt.threads = 1;
        opt.progress = [&](double f, const std::string&) {
            monotonic = monotonic && f >= last;
            last = f;
            return true;
        };
        auto r = io::loadDicom({dir.path()}, opt);
        QVERIFY(monotonic);
        QCOMPARE(last, 1.0);
        QVERIFY(!r.cancelled);

        int calls = 0;
        opt.progress = [&](double, const std::string&) { return ++calls < 3; };
        r = io::loadDicom({dir.path()}, opt);
        QVERIFY(r.cancelled);
        QVERIFY(calls < s.slices * s.phases);
    }

    void sampleStudy() {
        const auto r = io::loadDicom({io::sampleStudyDir()});
        QCOMPARE(r.skipped.size(), std::size_t(0));
        QCOMPARE(r.series.size(), std::size_t(1));
        const auto& series = r.series[0];
        QCOMPARE(series.info.patientId, std::string("SCD0000101"));
        QCOMPARE(series.slices, 12);
        QCOMPARE(series.phases, 20);
        QCOMPARE(series.geometry.rows, 256);
        QVERIFY(std::abs(series.geometry.rowSpacing - 1.367188) < 1e-6);
        QVERIFY(std::abs(series.geometry.sliceSpacing - 10.0) < 0.01);
        QVERIFY(series.pixelsLoaded());
        // Phases follow the trigger time in every slice.
        for (int k = 0; k < series.slices; ++k)
            for (int p = 1; p < series.phases; ++p)
                QVERIFY(series.frames[series.frameAt(k, p)].triggerTime >
                        series.frames[series.frameAt(k, p - 1)].triggerTime);
    }

    void sharedDataset() {
        const fs::path scd = testing::sharedScdDir();
        if (scd.empty()) QSKIP("../shared/data/scd is absent: skipping the three-patient check");
        const auto r = io::loadDicom({scd / "dicoms"});
        QCOMPARE(r.series.size(), std::size_t(3));
        std::map<std::string, std::pair<int, int>> grid;
        std::size_t images = 0;
        for (const auto& s : r.series) {
            grid[s.info.patientId] = {s.slices, s.phases};
            images += s.imageCount();
            QVERIFY(s.pixelsLoaded());
        }
        QCOMPARE(images, std::size_t(700));  // 12×20 + 13×20 + 10×20
        QCOMPARE(grid["SCD0000101"], std::make_pair(12, 20));
        QCOMPARE(grid["SCD0000201"], std::make_pair(13, 20));
        QCOMPARE(grid["SCD0000301"], std::make_pair(10, 20));
    }
};

QTEST_GUILESS_MAIN(TestDicomLoader)
#include "test_dicom_loader.moc"
