// Rendering adapters of the slice view: window/level, label overlay, orientation letters.
#include <QtTest>

#include "image_adapters.h"
#include "orientation.h"

using namespace cardioseg;

class TestImageAdapters : public QObject {
    Q_OBJECT

private slots:
    void windowMapsToGrey() {
        image::FloatImage img(4, 1);
        img.data = {-100.f, 0.f, 50.f, 300.f};
        const QImage q = ui::toQImage(img, {50.0, 100.0});  // 0 → black, 100 → white
        QCOMPARE(q.format(), QImage::Format_Grayscale8);
        QCOMPARE(int(q.constScanLine(0)[0]), 0);
        QCOMPARE(int(q.constScanLine(0)[1]), 0);
        QCOMPARE(int(q.constScanLine(0)[2]), 127);
        QCOMPARE(int(q.constScanLine(0)[3]), 255);
    }

    void overlayColoursLabelsOnly() {
        image::LabelMap m(4, 1);
        m.data = {image::label::Background, image::label::BloodPool, image::label::Myocardium, image::label::Ignore};
        const QImage q = ui::labelOverlay(m, 255);
        QCOMPARE(qAlpha(q.pixel(0, 0)), 0);
        QCOMPARE(QColor(q.pixel(1, 0)), ui::labelColor(image::label::BloodPool));
        QCOMPARE(QColor(q.pixel(2, 0)), ui::labelColor(image::label::Myocardium));
        QCOMPARE(qAlpha(q.pixel(3, 0)), 0);
    }

    void orientationLetters() {
        QCOMPARE(ui::orientationLetters({1, 0, 0}), QString("L"));
        QCOMPARE(ui::orientationLetters({0, -1, 0}), QString("A"));
        QCOMPARE(ui::orientationLetters({-0.104592, 0.346381, -0.932245}), QString("FP"));
        QCOMPARE(ui::orientationLetters({-0.733192, -0.660188, -0.163037}), QString("RA"));
    }
};

QTEST_MAIN(TestImageAdapters)
#include "test_image_adapters.moc"
