// LV function from labels: volumes of phantoms of known size, ED/ES, EF, mass, BSA; surfaces
// through VTK and mesh files read back.
#include <QtTest>

#include <cmath>

#include "analysis/function.h"
#include "analysis/surface.h"
#include "image/cine_series.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// An empty series of the given size and spacing (tilted, as short-axis stacks are).
image::CineSeries emptySeries(int size, int slices, int phases, double pixel, double sliceSpacing) {
    image::CineSeries s;
    s.slices = slices;
    s.phases = phases;
    s.geometry.rows = s.geometry.columns = size;
    s.geometry.rowSpacing = s.geometry.colSpacing = pixel;
    s.geometry.sliceSpacing = sliceSpacing;
    s.geometry.rowDir = image::normalized({0.8, 0.6, 0.0});
    s.geometry.colDir = image::normalized({-0.36, 0.48, 0.8});
    s.geometry.normal = image::cross(s.geometry.rowDir, s.geometry.colDir);
    s.geometry.origin = {-40, 25, 110};
    s.grid.assign(static_cast<std::size_t>(slices) * phases, -1);
    return s;
}

/// Ellipsoids (semi-axes a, b in plane, c along the slices, mm) labelled as blood pool, with a
/// myocardial shell `wall` mm thick; one per phase, radii scaled by scale[p].
image::SeriesLabels ellipsoids(const image::CineSeries& s, double a, double b, double c, double wall,
                               const std::vector<double>& scale) {
    image::SeriesLabels labels(s.slices, s.phases);
    const auto& g = s.geometry;
    const double cx = g.columns / 2.0, cy = g.rows / 2.0, cz = (s.slices - 1) / 2.0;
    for (int p = 0; p < s.phases; ++p)
        for (int k = 0; k < s.slices; ++k) {
            // Every image is labelled, as the model labels them (background where the ventricle is not).
            image::LabelMap m(g.columns, g.rows, image::label::Background);
            for (int y = 0; y < g.rows; ++y)
                for (int x = 0; x < g.columns; ++x) {
                    const double dx = (x - cx) * g.colSpacing, dy = (y - cy) * g.rowSpacing, dz = (k - cz) * g.sliceSpacing;
                    auto r = [&](double ea, double eb, double ec) {
                        return dx * dx / (ea * ea) + dy * dy / (eb * eb) + dz * dz / (ec * ec);
                    };
                    const double f = scale[p];
                    if (r(a * f, b * f, c * f) <= 1) m.at(x, y) = image::label::BloodPool;
                    else if (wall > 0 && r(a * f + wall, b * f + wall, c * f + wall) <= 1) m.at(x, y) = image::label::Myocardium;
                }
            labels.at(k, p) = std::move(m);
        }
    return labels;
}

double ellipsoidMl(double a, double b, double c) { return 4.0 / 3.0 * kPi * a * b * c / 1000.0; }

}  // namespace

class TestFunction : public QObject {
    Q_OBJECT

private slots:
    void ellipsoidVolumesWithinTwoPercent() {
        // 1 mm pixels, 2 mm slices: a 30 × 25 × 40 mm ellipsoid.
        const auto s = emptySeries(96, 44, 1, 1.0, 2.0);
        const auto labels = ellipsoids(s, 30, 25, 40, 0, {1.0});
        const auto f = analysis::measureFunction(s, labels);
        const double truth = ellipsoidMl(30, 25, 40);
        QVERIFY2(std::abs(f.phases[0].bloodPoolMl - truth) / truth < 0.02,
                 qPrintable(QString("%1 mL measured, %2 mL true").arg(f.phases[0].bloodPoolMl).arg(truth)));
        QCOMPARE(f.edPhase, 0);
        QVERIFY(std::isnan(f.esvMl));  // one phase: no end-systole, and the note says so
        QVERIFY(!f.note.empty());
    }

    void beatingPhantomGivesEdEsAndEjectionFraction() {
        // Eight phases, contracting to 0.8 of the radii at phase 3, then relaxing.
        const std::vector<double> scale{1.0, 0.93, 0.85, 0.8, 0.84, 0.9, 0.96, 0.99};
        const auto s = emptySeries(96, 44, 8, 1.0, 2.0);
        const auto labels = ellipsoids(s, 28, 24, 36, 8, scale);
        const auto f = analysis::measureFunction(s, labels);
        QCOMPARE(f.edPhase, 0);
        QCOMPARE(f.esPhase, 3);
        for (int p = 0; p < 8; ++p) {
            const double truth = ellipsoidMl(28 * scale[p], 24 * scale[p], 36 * scale[p]);
            QVERIFY2(std::abs(f.phases[p].bloodPoolMl - truth) / truth < 0.02, qPrintable(QString::number(p)));
        }
        const double edv = ellipsoidMl(28, 24, 36), esv = ellipsoidMl(28 * 0.8, 24 * 0.8, 36 * 0.8);
        QVERIFY(std::abs(f.edvMl - edv) / edv < 0.02);
        QVERIFY(std::abs(f.esvMl - esv) / esv < 0.02);
        QCOMPARE(f.svMl, f.edvMl - f.esvMl);
        QCOMPARE(f.efPercent, 100.0 * f.svMl / f.edvMl);
        const double efTrue = 100.0 * (1 - 0.8 * 0.8 * 0.8);
        QVERIFY2(std::abs(f.efPercent - efTrue) < 1.0, qPrintable(QString("%1 vs %2").arg(f.efPercent).arg(efTrue)));
        // Mass: the shell at ED × 1.05 g/mL.
        const double shell = ellipsoidMl(36, 32, 44) - edv;
        QVERIFY(std::abs(f.myocardiumMl - shell) / shell < 0.03);
        QCOMPARE(f.lvMassG, f.myocardiumMl * 1.05);
        QVERIFY(std::isnan(f.bsaM2));  // no height and weight
    }

    void boxPhantomIsExact() {
        // Rectangles of known pixel counts on labelled slices: volumes and EF exact.
        auto s = emptySeries(40, 5, 3, 1.5, 8.0);
        s.info.patientSizeM = 1.80;
        s.info.patientWeightKg = 80;
        image::SeriesLabels labels(5, 3);
        const int sides[3] = {20, 12, 16};
        for (int p = 0; p < 3; ++p)
            for (int k = 1; k < 4; ++k) {  // slices 0 and 4 carry no labels
                image::LabelMap m(40, 40, image::label::Background);
                for (int y = 0; y < sides[p]; ++y)
                    for (int x = 0; x < sides[p]; ++x) m.at(5 + x, 5 + y) = image::label::BloodPool;
                labels.at(k, p) = std::move(m);
            }
        const auto f = analysis::measureFunction(s, labels);
        auto volume = [&](int side) { return side * side * 1.5 * 1.5 * 8.0 * 3 / 1000.0; };
        QCOMPARE(f.edPhase, 0);
        QCOMPARE(f.esPhase, 1);
        QVERIFY(std::abs(f.edvMl - volume(20)) < 1e-9);
        QVERIFY(std::abs(f.esvMl - volume(12)) < 1e-9);
        const double ef = 100.0 * (volume(20) - volume(12)) / volume(20);
        QVERIFY(std::abs(f.efPercent - ef) < 0.001 * ef);  // exact to 0.1 %
        QCOMPARE(f.phases[0].labelledSlices, 3);
        QVERIFY(std::isnan(f.phases[0].bloodPoolMm2[0]));
        QCOMPARE(f.phases[0].bloodPoolMm2[2], 400 * 2.25);
        // Mosteller: √(180 cm × 80 kg / 3600) = 2 m².
        QVERIFY(std::abs(f.bsaM2 - 2.0) < 1e-12);
        QVERIFY(std::abs(f.edviMlM2 - f.edvMl / 2.0) < 1e-12);
        // A phase labelled on fewer slices (only the middle one) is never end-systole.
        labels.at(1, 2) = image::LabelMap();
        labels.at(3, 2) = image::LabelMap();
        const auto partial = analysis::measureFunction(s, labels);
        QCOMPARE(partial.esPhase, 1);
        QCOMPARE(partial.phases[2].labelledSlices, 1);
    }

    void surfacesEncloseThePhantomAndRoundTrip() {
        const auto s = emptySeries(80, 36, 2, 1.0, 2.0);
        const auto labels = ellipsoids(s, 24, 20, 30, 6, {1.0, 0.8});
        const auto bp = analysis::labelSurface(s, labels, 0, analysis::SurfaceKind::BloodPool);
        QVERIFY(!bp.empty());
        QCOMPARE(bp.normals.size(), bp.points.size());
        const double truth = ellipsoidMl(24, 20, 30);
        QVERIFY2(std::abs(bp.volumeMl() - truth) / truth < 0.05,
                 qPrintable(QString("%1 mL vs %2 mL").arg(bp.volumeMl()).arg(truth)));
        // The mesh lies in patient coordinates: its centre is the phantom's centre.
        image::Vec3 c{0, 0, 0};
        for (const auto& p : bp.points)
            for (int a = 0; a < 3; ++a) c[a] += p[a] / bp.points.size();
        const image::Vec3 centre = s.geometry.toPatient(40, 40, 17.5);
        QVERIFY2(image::norm({c[0] - centre[0], c[1] - centre[1], c[2] - centre[2]}) < 1.0, "centre");
        // End-systole is smaller; the epicardium encloses more than the blood pool.
        QVERIFY(analysis::labelSurface(s, labels, 1, analysis::SurfaceKind::BloodPool).volumeMl() < bp.volumeMl() * 0.6);
        QVERIFY(analysis::labelSurface(s, labels, 0, analysis::SurfaceKind::Epicardium).volumeMl() > bp.volumeMl() * 1.5);
        QVERIFY(analysis::labelSurface(s, image::SeriesLabels(36, 2), 0, analysis::SurfaceKind::BloodPool).empty());

        testing::TempDir dir;
        for (const char* name : {"lv.stl", "lv.vtp", "lv.obj"}) {
            analysis::writeMesh(dir / name, bp);
            const auto back = analysis::readMesh(dir / name);
            QCOMPARE(back.triangles.size(), bp.triangles.size());
            QVERIFY2(std::abs(back.volumeMl() - bp.volumeMl()) < 1e-3 * bp.volumeMl(), name);
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, analysis::writeMesh(dir / "lv.ply", bp));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, analysis::readMesh(dir / "none.stl"));
    }
};

QTEST_GUILESS_MAIN(TestFunction)
#include "test_function.moc"
