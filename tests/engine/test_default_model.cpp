// The shipped default model: it loads, carries its metadata, and segments the sample study's
// expert-labelled images well (the sample patient is one of its training patients, so this is
// a regression check of the shipped file and of inference, not a measure of generalisation).
#include <QtTest>

#include <cmath>

#include "io/dicom_loader.h"
#include "io/resources.h"
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
        QVERIFY(!model.info().trainedOn.empty());
        QVERIFY(!model.info().trainingDataHash.empty());
        QVERIFY(!model.info().created.empty());
        QVERIFY(!model.info().softwareVersion.empty());  // the CardioSeg version that wrote it
        QVERIFY(model.info().other.empty());  // every entry it carries is one this version reads
    }

    void segmentsTheSampleStudy() {
        const auto model = engine::Model::load(io::defaultModelPath());
        std::vector<io::SkippedFile> skipped;
        engine::SegmentOptions seg;
        seg.device = engine::DeviceChoice::Cpu;
        const auto r = training::evaluateModel(model, io::sampleDatasetDir(), {}, seg, {}, skipped);
        QCOMPARE(r.images, 18);
        QVERIFY2(r.bloodPool.dice > 0.93, qPrintable(QString::number(r.bloodPool.dice)));
        QVERIFY2(r.myocardium.dice > 0.72, qPrintable(QString::number(r.myocardium.dice)));
    }

    void regionAroundTheVentricleIsFoundAndLabelsAtLeastAsWell() {
        // The sample study at end-diastole and end-systole on every slice: the region search
        // locates the ventricle on the mid-ventricular images and runs the rest on a crop
        // around it, well under the image.
        const auto loaded = io::loadDicom({io::sampleStudyDir()});
        QVERIFY(!loaded.series.empty());
        const auto& series = loaded.series.front();
        const auto model = engine::Model::load(io::defaultModelPath());
        engine::SegmentOptions so;
        so.device = engine::DeviceChoice::Cpu;
        so.threads = 2;
        training::SegmentRequest request;
        for (int s = 0; s < series.slices; ++s)
            for (int p : {0, series.phases * 3 / 8}) request.cells.emplace_back(s, p);
        training::RegionSearch search;
        request.search = &search;
        std::size_t handed = 0;
        request.onImage = [&](int, int, image::LabelMap labels, double) { handed += !labels.empty(); };
        {
            engine::Segmenter segmenter(model, so);
            QVERIFY(training::segmentImages(segmenter, series, request));
        }
        QCOMPARE(handed, request.cells.size());
        QVERIFY(search.region.has_value());  // the ventricle was located
        QVERIFY2(search.region->width * search.region->height <= series.geometry.columns * series.geometry.rows / 2,
                 qPrintable(QString("%1 x %2").arg(search.region->width).arg(search.region->height)));
        QCOMPARE(search.wholeImages + search.cropped, request.cells.size());
        QCOMPARE(search.wholeImages, std::size_t(2));  // the locating images (one per thread)
        // Against the experts: the crop labels at least as well as the whole image (the network
        // was trained on crops of that size; far-off false regions fall outside).
        std::vector<io::SkippedFile> skipped;
        so.regionOfInterest = false;
        const auto whole = training::evaluateModel(model, io::sampleDatasetDir(), {}, so, {}, skipped);
        so.regionOfInterest = true;
        const auto cropped = training::evaluateModel(model, io::sampleDatasetDir(), {}, so, {}, skipped);
        qInfo("region %dx%d; Dice whole images: blood pool %.4f, myocardium %.4f; region: %.4f, %.4f (%zu cropped, "
              "%zu run again whole)",
              search.region->width, search.region->height, whole.bloodPool.dice, whole.myocardium.dice,
              cropped.bloodPool.dice, cropped.myocardium.dice, cropped.runs.croppedImages, cropped.runs.regionFallbacks);
        QCOMPARE(whole.runs.croppedImages, std::size_t(0));
        QVERIFY(cropped.runs.croppedImages > 0);
        QVERIFY(cropped.bloodPool.dice >= whole.bloodPool.dice - 0.005);
        QVERIFY(cropped.myocardium.dice >= whole.myocardium.dice - 0.005);
    }

    void expertAndModelVolumesAgree() {
        // On the expert-labelled images of ../shared/data/scd: volumes from the experts' labels
        // and from the model's labels of the same images agree within what each phase's
        // blood-pool Dice permits (the Dice counting blood pool predicted outside an
        // end-systolic endocardium), and the figures are plausible and consistent
        // (0 < ESV < EDV, EF = SV/EDV). Beyond that bound, the shipped model's accuracy:
        // EDV within 5 %, ESV within 15 % (on the region around the ventricle, as the engine
        // runs: EDV −3.1 / +1.5 / −0.1 %, ESV +1.9 / +5.4 / +5.6 %; on whole images ESV was
        // +8.7 to +11.2 %).
        const auto root = testing::sharedScdDir();
        if (root.empty()) QSKIP("../shared/data/scd is absent: nothing to compare on");
        const auto model = engine::Model::load(io::defaultModelPath());
        engine::SegmentOptions so;
        so.device = engine::DeviceChoice::Cpu;
        std::vector<io::SkippedFile> skipped;
        const auto r = training::evaluateModel(model, root, {}, so, {}, skipped);
        QCOMPARE(r.function.size(), r.perPatient.size());
        for (const auto& [id, a] : r.function) {
            qInfo("%s: EDV %.1f (experts) vs %.1f mL (model), ESV %.1f vs %.1f mL, EF %.1f vs %.1f %%; "
                  "EDV off by %+.1f %% (ED Dice %.3f permits %.1f %%), ESV by %+.1f %% (ES Dice %.3f permits %.1f %%)",
                  id.c_str(), a.expert.edvMl, a.model.edvMl, a.expert.esvMl, a.model.esvMl, a.expert.efPercent,
                  a.model.efPercent, a.edvErrorPercent(), a.edBloodPoolDice, a.edvBoundPercent(), a.esvErrorPercent(),
                  a.esBloodPoolDice, a.esvBoundPercent());
            const auto who = [&](const char* what) { return (QString::fromStdString(id) + ": " + what).toUtf8(); };
            QCOMPARE(a.model.edPhase, a.expert.edPhase);
            QCOMPARE(a.model.esPhase, a.expert.esPhase);
            QVERIFY2(a.withinDice(), who("volumes beyond what the Dice permits").constData());
            QVERIFY2(std::abs(a.edvErrorPercent()) <= 5.0, who("EDV").constData());
            QVERIFY2(std::abs(a.esvErrorPercent()) <= 15.0, who("ESV").constData());
            for (const auto* f : {&a.expert, &a.model}) {
                QVERIFY(0 < f->esvMl && f->esvMl < f->edvMl);
                QVERIFY(std::abs(f->efPercent - 100 * f->svMl / f->edvMl) < 1e-9);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "test_default_model.moc"
