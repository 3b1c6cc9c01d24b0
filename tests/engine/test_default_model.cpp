// The shipped default model: it loads, carries its metadata, and segments the sample study's
// expert-labelled images well (the sample patient is one of its training patients, so this is
// a regression check of the shipped file and of inference, not a measure of generalisation).
#include <QtTest>

#include "io/resources.h"
#include "training/evaluation.h"

using namespace cardioseg;

class TestDefaultModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadsWithMetadata() {
        const auto model = engine::Model::load(io::defaultModelPath());
        QCOMPARE(model.config().numClasses, 3);
        QCOMPARE(model.config().inChannels, 1);
        QVERIFY(model.metadata().count("trained_on"));
        QVERIFY(model.metadata().count("training_data_hash"));
        QVERIFY(model.metadata().count("created"));
    }

    void segmentsTheSampleStudy() {
        const auto model = engine::Model::load(io::defaultModelPath());
        std::vector<io::SkippedFile> skipped;
        engine::SegmentOptions seg;
        seg.device = engine::DeviceChoice::Cpu;
        const auto r = training::evaluateModel(model, io::sampleDatasetDir(), {}, seg, true, skipped);
        QCOMPARE(r.images, 18);
        QVERIFY2(r.bloodPool.dice > 0.95, qPrintable(QString::number(r.bloodPool.dice)));
        QVERIFY2(r.myocardium.dice > 0.72, qPrintable(QString::number(r.myocardium.dice)));
    }
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "test_default_model.moc"
