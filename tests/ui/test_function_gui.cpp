// Cardiac function in the workstation: measures from the reviewed labels of a beating phantom,
// the curve, the 3-D surfaces and mesh export, the PDF report and the CSV.
#include <QtTest>
#include <QChartView>
#include <QValueAxis>
#include <QCheckBox>
#include <QSlider>

#include <QFile>
#include <QSettings>

#include <fstream>

#include "analysis/surface.h"
#include "function_panel.h"
#include "main_window.h"
#include "surface_view.h"
#include "synthetic_dicom.h"
#include "ui_test_support.h"

using namespace cardioseg;
namespace fs = std::filesystem;

class TestFunctionGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_function_gui");
        QSettings().clear();
    }

    void measuresSurfacesReportAndCsv() {
        testing::TempDir dir;
        QSettings().setValue("workspace/root", QString::fromStdString((dir / "workspaces").string()));
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        s.slices = 4;
        s.phases = 6;
        s.phantom = true;
        testing::writeSeries(dir / "study", s);
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
        QSignalSpy shown(&w, &ui::MainWindow::studyShown);
        w.show();
        w.openStudy(QString::fromStdString((dir / "study").string()));
        QVERIFY(shown.wait(30000));
        // The cardiologist outlines the phantom on every image (as corrections).
        std::vector<std::pair<int, int>> all;
        for (int k = 0; k < s.slices; ++k)
            for (int p = 0; p < s.phases; ++p) all.emplace_back(k, p);
        testing::outlinePhantom(w, s, all);
        w.measures()->update();
        const auto& f = w.measures()->function(true);
        QCOMPARE(f.edPhase, 0);          // the phantom is largest at phase 0
        QCOMPARE(f.esPhase, s.phases / 2);  // and smallest at the middle phase
        QVERIFY(0 < f.esvMl && f.esvMl < f.edvMl);
        QCOMPARE(f.efPercent, 100.0 * f.svMl / f.edvMl);
        QVERIFY(f.lvMassG > 0);
        // The panel shows them; the model column is empty (no model).
        auto* panel = w.functionPanel();
        const int edv = panel->rowOf("EDV (mL)");
        QVERIFY(edv >= 0);
        QCOMPARE(panel->cell(edv, 1), QString::number(f.edvMl, 'f', 1));
        QCOMPARE(panel->cell(edv, 0), QString("–"));
        QCOMPARE(panel->curvePoints(1), s.phases);

        // 3-D: surfaces of every phase, drawn; a mesh exported and read back.
        ui::SurfaceDialog* surfaces = w.measures()->showSurfaces(&w);
        QVERIFY(surfaces);
        QSignalSpy ready(surfaces, &ui::SurfaceDialog::surfacesReady);
        QVERIFY(ready.wait(60000));
        QVERIFY(surfaces->view()->triangleCount() > 100);
        const QImage picture = surfaces->view()->renderImage(QSize(200, 200));
        QVERIFY(picture.pixel(100, 100) != picture.pixel(2, 2));  // the ventricle in the middle
        surfaces->exportMesh(QString::fromStdString((dir / "lv.stl").string()));
        QVERIFY(analysis::readMesh(dir / "lv.stl").triangles.size() > 100);

        // The report: a PDF with pages, carrying the numbers.
        QSignalSpy reported(&w, &ui::MainWindow::reportFinished);
        const QString pdf = QString::fromStdString((dir / "report.pdf").string());
        w.writeReport(pdf);
        QVERIFY(reported.wait(60000));
        QVERIFY2(reported.first().at(1).toString().isEmpty(), qPrintable(reported.first().at(1).toString()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ") +
                    bytes.count("/Type /Page>") >= 1);
        QVERIFY2(bytes.contains(QString("EF %1 %").arg(f.efPercent, 0, 'f', 1).toUtf8()), "EF in the metadata");
        QVERIFY(bytes.contains(QString("EDV %1 mL").arg(f.edvMl, 0, 'f', 1).toUtf8()));

        // CSV of all numbers.
        const QString csv = QString::fromStdString((dir / "function.csv").string());
        QVERIFY(w.measures()->writeCsv(csv).isEmpty());
        std::ifstream in(csv.toStdString());
        std::string header, edvRow, line;
        std::getline(in, header);
        QCOMPARE(header, std::string("measure,model,reviewed"));
        int rows = 0;
        while (std::getline(in, line)) {
            ++rows;
            if (line.rfind("edv_ml,", 0) == 0) edvRow = line;
        }
        QCOMPARE(edvRow, "edv_ml,," + QString::number(f.edvMl, 'f', 2).toStdString());
        QCOMPARE(rows, 13 + 2 * s.phases);
        // An unwritable place is an error with the file's name.
        { std::ofstream(dir / "afile") << "x"; }
        QVERIFY(w.measures()->writeCsv(QString::fromStdString((dir / "afile" / "f.csv").string())).contains("afile"));

        // It keeps its own copy of what it shows: another study opened while it is open leaves it
        // empty, not pointing into the study that was closed; its controls still answer.
        {
            testing::SyntheticSeries other = s;
            other.slices = 3;
            testing::writeSeries(dir / "other", other);
            QSignalSpy otherShown(&w, &ui::MainWindow::studyShown);
            w.openStudy(QString::fromStdString((dir / "other").string()));
            QVERIFY(otherShown.wait(30000));
            QCOMPARE(surfaces->view()->triangleCount(), 0);
            for (auto* box : surfaces->findChildren<QCheckBox*>()) box->toggle();
            for (auto* slider : surfaces->findChildren<QSlider*>()) slider->setValue(1);
            QCOMPARE(surfaces->view()->triangleCount(), 0);
            w.measures()->showSurfaces(&w);  // the new series' surfaces
            QVERIFY(ready.wait(60000));
        }
    }

    void volumeCurveOfEqualVolumesHasFewTicks() {
        // One labelled phase, or every phase at the same volume (a phantom, a still heart): the
        // curve's axis gets a handful of ticks, not one per nanolitre.
        analysis::CardiacFunction f;
        f.phases.resize(3);
        for (int p = 0; p < 3; ++p) {
            f.phases[p].phase = p;
            f.phases[p].bloodPoolMl = 12.5;
            f.phases[p].bloodPoolMm2 = {100, 150};
        }
        f.edPhase = 0;
        f.esPhase = 1;
        ui::FunctionPanel panel;
        panel.resize(400, 900);
        panel.show();
        panel.setFunctions(analysis::CardiacFunction{}, f, 0);
        QCoreApplication::processEvents();
        QCOMPARE(panel.curvePoints(1), 3);
        int checked = 0;
        for (auto* view : panel.findChildren<QChartView*>())
            for (auto* axis : view->chart()->axes(Qt::Vertical))
                if (auto* y = qobject_cast<QValueAxis*>(axis); y && y->tickType() == QValueAxis::TicksDynamic) {
                    ++checked;
                    const double ticks = (y->max() - y->min()) / y->tickInterval();
                    QVERIFY2(ticks >= 2 && ticks <= 20, qPrintable(QString::number(ticks)));
                    QVERIFY(y->min() <= 12.5 && y->max() >= 12.5);
                }
        QCOMPARE(checked, 1);
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(TestFunctionGui)
#include "test_function_gui.moc"
