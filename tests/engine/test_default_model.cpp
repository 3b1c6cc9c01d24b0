// The shipped default model: it loads, carries its metadata, and segments the sample study's
// expert-labelled images well (the sample patient is one of its training patients, so this is
// a regression check of the shipped file and of inference, not a measure of generalisation).
#include <QtTest>

#include "io/resources.h"
#include "analysis/function.h"
#include "io/dicom_loader.h"
#include "io/scd_dataset.h"
#include "metrics/confusion.h"
#include "synthetic_dicom.h"
#include "training/evaluation.h"
#include "training/segment_series.h"

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

    void expertAndModelVolumesAgree() {
        // On the expert-labelled images of ../shared/data/scd: volumes from the experts' labels
        // and from the model's labels of the same images. End-diastolic volumes agree within
        // what the blood-pool Dice allows (a relative error of at most 2·(1 − Dice)); the
        // figures are plausible and consistent (0 < ESV < EDV, EF = SV/EDV). End-systolic
        // volumes are still overestimated (by 7–12 % on these patients): printed, bounded at
        // 15 % here, and reported as open work.
        const auto root = testing::sharedScdDir();
        if (root.empty()) QSKIP("../shared/data/scd is absent: nothing to compare on");
        const auto model = engine::Model::load(io::defaultModelPath());
        engine::SegmentOptions so;
        so.device = engine::DeviceChoice::Cpu;
        engine::Segmenter segmenter(model, so);
        const io::ScdDataset ds = io::readScdDataset(root);
        for (const auto& patient : ds.patients) {
            const auto loaded = io::loadDicom({patient.dicomDir});
            const auto& series = loaded.series.front();
            const auto expert = io::expertLabels(patient, series, nullptr);
            auto predicted = *training::segmentSeries(segmenter, series, true);
            for (std::size_t i = 0; i < predicted.maps.size(); ++i)  // the same images only
                if (expert.maps[i].empty()) predicted.maps[i] = image::LabelMap();
            const auto e = analysis::measureFunction(series, expert);
            const auto m = analysis::measureFunction(series, predicted);
            metrics::ConfusionMatrix cm(3);
            for (std::size_t i = 0; i < expert.maps.size(); ++i)
                if (!expert.maps[i].empty()) cm.add(expert.maps[i], predicted.maps[i]);
            const double allowed = 2 * (1 - cm.dice(image::label::BloodPool));
            const double edErr = std::abs(m.edvMl - e.edvMl) / e.edvMl, esErr = std::abs(m.esvMl - e.esvMl) / e.esvMl;
            qInfo("%s: EDV %.1f (experts) vs %.1f mL (model), ESV %.1f vs %.1f mL, EF %.1f vs %.1f %%, "
                  "blood-pool Dice %.3f: EDV off by %.1f %%, ESV by %.1f %% (2·(1 − Dice) = %.1f %%)",
                  patient.patientId.c_str(), e.edvMl, m.edvMl, e.esvMl, m.esvMl, e.efPercent, m.efPercent,
                  cm.dice(image::label::BloodPool), edErr * 100, esErr * 100, allowed * 100);
            QCOMPARE(m.edPhase, e.edPhase);
            QCOMPARE(m.esPhase, e.esPhase);
            QVERIFY2(edErr <= allowed, qPrintable(QString::fromStdString(patient.patientId) + ": EDV"));
            QVERIFY2(esErr <= 0.15, qPrintable(QString::fromStdString(patient.patientId) + ": ESV"));
            for (const auto* f : {&e, &m}) {
                QVERIFY(0 < f->esvMl && f->esvMl < f->edvMl);
                QVERIFY(std::abs(f->efPercent - 100 * f->svMl / f->edvMl) < 1e-9);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "test_default_model.moc"
