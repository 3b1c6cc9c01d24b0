// Mask export and import: PNG and NIfTI (3-D and 4-D) round trips, atomic writes (DICOM SEG: test_dicom_seg).
#include <QtTest>

#include <iterator>

#include <cstring>
#include <fstream>
#include <random>

#include "io/atomic_file.h"
#include "io/dicom_loader.h"
#include "io/nifti_masks.h"
#include "io/png_masks.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using testing::TempDir;

namespace {

/// A synthetic series loaded back, and labels on some of its images (a disc of blood pool in a
/// ring of myocardium, shifted per image; one image with unknown pixels).
struct Fixture {
    TempDir dir;
    testing::SyntheticSeries spec;
    image::CineSeries series;
    image::SeriesLabels labels;

    Fixture() {
        spec.rows = 20;
        spec.columns = 28;
        testing::writeSeries(dir / "dicom", spec);
        auto r = io::loadDicom({dir / "dicom"});
        series = std::move(r.series.at(0));
        labels = image::SeriesLabels::like(series);
        for (int s = 0; s < series.slices; ++s)
            for (int p = 0; p < series.phases; p += 2) {
                image::LabelMap m(series.geometry.columns, series.geometry.rows);
                for (int y = 0; y < m.height; ++y)
                    for (int x = 0; x < m.width; ++x) {
                        const double d = std::hypot(x - 12.0 - s, y - 9.0 - p * 0.5);
                        m.at(x, y) = d < 4 ? image::label::BloodPool : d < 7 ? image::label::Myocardium : 0;
                    }
                if (s == 1 && p == 2) m.at(0, 0) = image::label::Ignore;
                labels.at(s, p) = std::move(m);
            }
    }
};

bool sameLabels(const image::SeriesLabels& a, const image::SeriesLabels& b) {
    return a.slices == b.slices && a.phases == b.phases && a.maps == b.maps;
}

float readFloat(const std::string& bytes, std::size_t offset) {
    float v;
    std::memcpy(&v, bytes.data() + offset, 4);
    return v;
}

std::string readAll(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

class TestMaskIo : public QObject {
    Q_OBJECT

private slots:
    void pngRoundTrip() {
        Fixture fx;
        const auto written = io::writePngMasks(fx.series, fx.labels, fx.dir / "png");
        QCOMPARE(written.size(), fx.labels.labelledCount());
        // Each name carries the DICOM instance number of its image.
        const int f = fx.series.frameAt(1, 2);
        const std::string name = io::pngMaskName(fx.series, 1, 2);
        QVERIFY(name.find("inst" + QString::number(fx.series.frames[f].instanceNumber)
                                        .rightJustified(4, '0').toStdString()) == 0);
        QVERIFY(fs::exists(fx.dir / "png" / name));

        std::vector<io::SkippedFile> skipped;
        const auto back = io::readPngMasks(fx.series, fx.dir / "png", skipped);
        QVERIFY(skipped.empty());
        QVERIFY(sameLabels(back, fx.labels));

        // A mask of the wrong size is reported, not loaded.
        fs::copy_file(fx.dir / "png" / name, fx.dir / "png" / io::pngMaskName(fx.series, 0, 1));
        {
            image::CineSeries other = fx.series;
            other.geometry.rows = 10;
            skipped.clear();
            io::readPngMasks(other, fx.dir / "png", skipped);
            QCOMPARE(skipped.size(), written.size() + 1);
        }
        skipped.clear();
        const auto again = io::readPngMasks(fx.series, fx.dir / "png", skipped);
        QCOMPARE(skipped.size(), std::size_t(0));
        QCOMPARE(again.labelledCount(), fx.labels.labelledCount() + 1);
    }

    void nifti4dRoundTripKeepsGeometry() {
        Fixture fx;
        const fs::path file = fx.dir / "labels.nii.gz";
        io::writeNiftiLabels(file, fx.series, fx.labels);
        const auto back = io::readNiftiLabelsFor(file, fx.series);
        QVERIFY(sameLabels(back, fx.labels));

        const auto vol = io::readNiftiLabels(file);
        QCOMPARE(vol.phases, fx.series.phases);
        QCOMPARE(vol.slices, fx.series.slices);
        const auto& g = fx.series.geometry;
        QCOMPARE(vol.geometry.columns, g.columns);
        QVERIFY(std::abs(vol.geometry.rowSpacing - g.rowSpacing) < 1e-5);
        QVERIFY(std::abs(vol.geometry.colSpacing - g.colSpacing) < 1e-5);
        QVERIFY(std::abs(vol.geometry.sliceSpacing - g.sliceSpacing) < 1e-5);
        // The first voxel of every stored slice is the first pixel of one of the series' slices.
        for (int z = 0; z < vol.slices; ++z) {
            const image::Vec3 p = vol.geometry.toPatient(0, 0, z);
            double best = 1e9;
            for (int k = 0; k < fx.series.slices; ++k) {
                const image::Vec3 q = g.toPatient(0, 0, k);
                best = std::min(best, image::norm({p[0] - q[0], p[1] - q[1], p[2] - q[2]}));
            }
            QVERIFY2(best < 1e-3, qPrintable(QString("slice %1 off by %2 mm").arg(z).arg(best)));
        }
    }

    void niftiHeaderIsRasMillimetres() {
        // Read the NIfTI-1 header bytes directly: sform rows (srow_x/y/z at 280/296/312) must
        // map voxel (i, j, k) to RAS = (-L, -P, S) of the DICOM position of that pixel.
        Fixture fx;
        const fs::path file = fx.dir / "phase2.nii";
        io::writeNiftiLabels(file, fx.series, fx.labels, 2);
        const std::string h = readAll(file);
        QVERIFY(h.size() > 352);
        std::int32_t sizeofHdr;
        std::memcpy(&sizeofHdr, h.data(), 4);
        QCOMPARE(sizeofHdr, 348);
        std::int16_t dim[8];
        std::memcpy(dim, h.data() + 40, sizeof dim);
        QCOMPARE(int(dim[0]), 3);
        QCOMPARE(int(dim[1]), fx.series.geometry.columns);
        QCOMPARE(int(dim[2]), fx.series.geometry.rows);
        QCOMPARE(int(dim[3]), fx.series.slices);
        auto world = [&](double i, double j, double k) {
            image::Vec3 ras;
            for (int r = 0; r < 3; ++r) {
                const std::size_t o = 280 + 16 * r;
                ras[r] = readFloat(h, o) * i + readFloat(h, o + 4) * j + readFloat(h, o + 8) * k + readFloat(h, o + 12);
            }
            return image::Vec3{-ras[0], -ras[1], ras[2]};  // back to LPS
        };
        const auto& g = fx.series.geometry;
        const image::Vec3 a = world(3, 5, 0), b = world(3, 5, fx.series.slices - 1);
        // Either slice order may be stored; each end must be a slice of the series.
        const image::Vec3 first = g.toPatient(3, 5, 0), last = g.toPatient(3, 5, fx.series.slices - 1);
        auto dist = [](const image::Vec3& p, const image::Vec3& q) {
            return image::norm({p[0] - q[0], p[1] - q[1], p[2] - q[2]});
        };
        QVERIFY(std::min(dist(a, first), dist(a, last)) < 1e-3);
        QVERIFY(std::min(dist(b, first), dist(b, last)) < 1e-3);
        QVERIFY(dist(a, b) > 1.0);

        // A 3-D file goes back to the phase it came from.
        const auto back = io::readNiftiLabelsFor(file, fx.series, 2);
        for (int s = 0; s < fx.series.slices; ++s) QVERIFY(back.at(s, 2) == fx.labels.at(s, 2));
        QCOMPARE(back.labelledCount(), std::size_t(fx.series.slices));
    }

    void niftiForAnotherSeriesIsRefused() {
        Fixture fx;
        const fs::path file = fx.dir / "l.nii";
        io::writeNiftiLabels(file, fx.series, fx.labels);
        image::CineSeries other = fx.series;
        other.geometry.rowDir = {0, 0, 1};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, io::readNiftiLabelsFor(file, other));
        { std::ofstream(fx.dir / "bad.nii") << "garbage"; }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, io::readNiftiLabels(fx.dir / "bad.nii"));
    }

    void malformedNiftiHeadersAreRefusedWithTheReason() {
        // Found by fuzzing: VTK's reader trusts the header and crashed on a voxel type it does
        // not know; the header is checked first.
        Fixture fx;
        const fs::path good = fx.dir / "l.nii";
        io::writeNiftiLabels(good, fx.series, fx.labels);
        std::string bytes;
        {
            std::ifstream in(good, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        QVERIFY(bytes.size() > 352);
        const auto expectRefused = [&](const std::string& name, std::string patched, const char* reason) {
            { std::ofstream(fx.dir / name, std::ios::binary) << patched; }
            try {
                io::readNiftiLabels(fx.dir / name);
                QFAIL(qPrintable(QString::fromStdString(name) + " was read"));
            } catch (const std::runtime_error& e) {
                QVERIFY2(std::string(e.what()).find(reason) != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find(name) != std::string::npos, e.what());
            }
        };
        std::string type = bytes;
        type[70] = 0x02, type[71] = 0x27;  // datatype 9986
        expectRefused("type.nii", type, "voxel type");
        std::string rank = bytes;
        rank[40] = 9, rank[41] = 0;
        expectRefused("rank.nii", rank, "dimension count");
        std::string zero = bytes;
        zero[42] = 0, zero[43] = 0;  // dim[1] = 0
        expectRefused("zero.nii", zero, "dimension 1");
        expectRefused("cut.nii", bytes.substr(0, bytes.size() - 10), "truncated");
        std::string pair = bytes;
        pair[345] = 'i';  // "ni1": a header with a separate image file
        expectRefused("pair.nii", pair, "single-file");
        QVERIFY(io::readNiftiLabels(good).labels.labelledCount() > 0);  // the original still reads
    }

    void atomicWritesLeaveNoPartialFile() {
        TempDir dir;
        const fs::path target = dir / "out.txt";
        io::writeAtomically(target, [](const fs::path& tmp) { std::ofstream(tmp) << "first"; });
        QCOMPARE(readAll(target), std::string("first"));
        try {
            io::writeAtomically(target, [](const fs::path& tmp) {
                std::ofstream(tmp) << "half";
                throw std::runtime_error("disk full");
            });
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            const std::string what = e.what();
            QVERIFY(what.find(target.string()) != std::string::npos);
            QVERIFY(what.find("disk full") != std::string::npos);
        }
        QCOMPARE(readAll(target), std::string("first"));
        std::size_t files = 0;
        for (const auto& e : fs::directory_iterator(dir.path())) files += e.is_regular_file() ? 1 : 0;
        QCOMPARE(files, std::size_t(1));  // no temporary left behind
    }

    void unwritableFolderIsAClearError() {
        Fixture fx;
        { std::ofstream(fx.dir / "afile") << "x"; }
        try {
            io::writePngMasks(fx.series, fx.labels, fx.dir / "afile" / "png");
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("afile") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 io::writeNiftiLabels(fx.dir / "afile" / "x.nii", fx.series, fx.labels));
    }
};

QTEST_GUILESS_MAIN(TestMaskIo)
#include "test_mask_io.moc"
