// Training: augmentation keeps images and labels aligned and is reproducible; a tiny model
// learns a synthetic phantom; cancel, divergence, checkpoints and resume; evaluation figures.
#include <QtTest>

#include "phantom_support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "engine/segmenter.h"
#include "engine/trainer.h"
#include "io/resources.h"
#include "synthetic_dicom.h"
#include "training/augment.h"
#include "training/evaluation.h"
#include "training/pseudo_labels.h"
#include "training/training_set.h"

using namespace cardioseg;
using testing::phantom;
using testing::phantomSet;
using testing::tinyConfig;
namespace fs = std::filesystem;

namespace {

engine::TrainConfig quickConfig(int iterations) {
    engine::TrainConfig c;
    c.iterations = iterations;
    c.batch = 4;
    c.schedule.baseLr = 3e-3;
    c.schedule.kind = engine::Schedule::Kind::Poly;
    c.optimizer = engine::Optimizer::AdamW;
    c.weightDecay = 1e-4;
    c.threads = 2;
    c.device = engine::DeviceChoice::Cpu;
    return c;
}

/// A small synthetic cine series: 64², 3 slices × 4 phases.
testing::SyntheticSeries smallSeries() {
    testing::SyntheticSeries s;
    s.rows = s.columns = 64;
    s.slices = 3;
    s.phases = 4;
    return s;
}

/// The labels a tiny network gives `probe` after 80 steps on `set` (whole images, mild
/// rotation, equal class weights) with the given weight of NotBloodPool pixels.
image::LabelMap labelsAfterTraining(
    const std::vector<training::LabelledImage>& set, const image::FloatImage& probe,
    double notBloodPoolWeight = engine::TrainConfig{}.notBloodPoolWeight) {
    training::AugmentConfig aug;
    aug.crop = 0;
    aug.rotationDegrees = 10;
    aug.elasticProbability = 0;
    engine::Model model = engine::Model::create(tinyConfig(), 7);
    auto config = quickConfig(80);
    config.classWeights = {1.0f, 1.0f, 1.0f};
    config.notBloodPoolWeight = notBloodPoolWeight;
    engine::train(model, config, training::makeBatchProvider(set, aug, 2), {});
    engine::SegmentOptions so;
    so.device = engine::DeviceChoice::Cpu;
    engine::Segmenter segmenter(model, so);
    return segmenter.segment({&probe}).front().labels;
}

}  // namespace

class TestTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void augmentationKeepsLabelsOnTheirPixels() {
        const auto li = phantom(96, 0, 0, 1.0);
        training::AugmentConfig aug;
        aug.crop = 64;
        // Geometry only: the blood pool must stay where the bright pixels are.
        aug.gammaMin = aug.gammaMax = 1.0;
        aug.contrastMin = aug.contrastMax = 1.0;
        aug.brightness = aug.noiseMax = aug.biasField = aug.blurProbability = 0.0;
        std::mt19937_64 rng(3);
        std::size_t agree = 0, total = 0;
        for (int i = 0; i < 20; ++i) {
            const auto s = training::augment(li, aug, rng);
            QCOMPARE(s.image.width, 64);
            QCOMPARE(s.labels.height, 64);
            for (std::size_t k = 0; k < s.labels.data.size(); ++k) {
                if (s.labels.data[k] == image::label::Ignore) continue;  // outside the source
                ++total;
                const bool bright = s.image.data[k] > 0.75f;
                agree += bright == (s.labels.data[k] == image::label::BloodPool);
            }
        }
        QVERIFY(total > 0);
        QVERIFY2(agree > total * 0.97, qPrintable(QString("%1 of %2").arg(agree).arg(total)));
    }

    void cropsLargerThanTheImagePadAsUnknown() {
        // A 96-pixel crop of a 48-pixel image, never centred on the ventricle: the whole image
        // lands inside the crop and the rest is unknown.
        const auto li = phantom(48, 0, 0, 1.0);
        training::AugmentConfig aug;
        aug.crop = 96;
        aug.centredFraction = 0.0;
        aug.rotationDegrees = 0;
        aug.scaleMin = aug.scaleMax = 1.0;
        aug.elasticProbability = 0;
        std::mt19937_64 rng(5);
        const auto bloodPool = static_cast<std::size_t>(
            std::count(li.labels.data.begin(), li.labels.data.end(), image::label::BloodPool));
        for (int i = 0; i < 10; ++i) {
            const auto s = training::augment(li, aug, rng);
            QCOMPARE(s.labels.width, 96);
            std::size_t unknown = 0, bp = 0;
            for (const auto v : s.labels.data) {
                unknown += v == image::label::Ignore;
                bp += v == image::label::BloodPool;
            }
            QCOMPARE(unknown, std::size_t(96 * 96 - 48 * 48));
            QCOMPARE(bp, bloodPool);
        }
        // With every augmentation on, centred or not, the samples keep their size and labels.
        training::AugmentConfig full;
        full.crop = 192;
        for (int i = 0; i < 40; ++i) {
            const auto s = training::augment(li, full, rng);
            QCOMPARE(s.image.width, 192);
            QCOMPARE(s.labels.data.size(), std::size_t(192 * 192));
        }
    }

    void batchesAreReproducible() {
        const auto set = phantomSet(64);
        training::AugmentConfig aug;
        aug.crop = 48;
        const auto a = training::makeBatchProvider(set, aug, 11);
        const auto b = training::makeBatchProvider(set, aug, 11);
        const auto c = training::makeBatchProvider(set, aug, 12);
        std::vector<engine::TrainSample> x, y, z;
        a(5, 3, x);
        b(5, 3, y);
        c(5, 3, z);
        QCOMPARE(x.size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(x[i].image == y[i].image);
            QVERIFY(x[i].labels == y[i].labels);
        }
        QVERIFY(!(x[0].image == z[0].image));
    }

    void tinyModelLearnsThePhantom() {
        const auto set = phantomSet(64);
        training::AugmentConfig aug;
        aug.crop = 0;  // whole images
        aug.rotationDegrees = 20;
        aug.elasticProbability = 0;
        aug.noiseMax = 0.02;
        engine::Model model = engine::Model::create(tinyConfig(), 3);
        std::vector<engine::TrainSample> validation;
        for (int i : {0, 4}) validation.push_back({set[i].image, set[i].labels});
        const double before = engine::validationDice(model, validation, engine::DeviceChoice::Cpu);
        auto config = quickConfig(400);
        config.schedule.baseLr = 5e-3;
        const auto outcome = engine::train(model, config, training::makeBatchProvider(set, aug, 5), validation);
        QCOMPARE(int(outcome.status), int(engine::TrainOutcome::Status::Completed));
        QCOMPARE(outcome.iterations, std::int64_t(400));
        const double after = engine::validationDice(model, validation, engine::DeviceChoice::Cpu);
        QVERIFY2(after > 0.93, qPrintable(QString("Dice before %1 after %2").arg(before).arg(after)));
    }

    void cancelDivergenceAndResume() {
        testing::TempDir dir;
        const auto set = phantomSet(48);
        training::AugmentConfig aug;
        aug.crop = 0;
        const auto provider = training::makeBatchProvider(set, aug, 1);

        // Cancel after 3 iterations: the model keeps the weights of the finished ones.
        engine::Model model = engine::Model::create(tinyConfig(), 1);
        auto outcome = engine::train(model, quickConfig(50), provider, {},
                                     [](const engine::TrainProgress& p) { return p.iteration < 3; });
        QCOMPARE(int(outcome.status), int(engine::TrainOutcome::Status::Cancelled));
        QCOMPARE(outcome.iterations, std::int64_t(3));

        // A batch with NaN pixels makes the loss NaN: the run stops and says so.
        const engine::BatchProvider poisoned = [&](std::int64_t i, int n, std::vector<engine::TrainSample>& b) {
            provider(i, n, b);
            if (i == 2) b[0].image.data[0] = std::nanf("");
        };
        engine::Model m2 = engine::Model::create(tinyConfig(), 1);
        outcome = engine::train(m2, quickConfig(10), poisoned, {});
        QCOMPARE(int(outcome.status), int(engine::TrainOutcome::Status::Diverged));
        QCOMPARE(outcome.iterations, std::int64_t(2));
        QVERIFY(outcome.message.find("diverged") != std::string::npos);

        // Checkpoint at 4 iterations, resume to 8: same weights as 8 uninterrupted iterations.
        auto config = quickConfig(4);
        config.schedule.kind = engine::Schedule::Kind::Constant;
        config.checkpointPath = (dir / "ckpt.pt").string();
        config.checkpointEvery = 4;
        engine::Model first = engine::Model::create(tinyConfig(), 9);
        engine::train(first, config, provider, {});
        QVERIFY(fs::exists(dir / "ckpt.pt"));
        auto resumed = config;
        resumed.iterations = 8;
        resumed.checkpointPath.clear();
        resumed.resumeFrom = (dir / "ckpt.pt").string();
        engine::Model second = engine::Model::create(tinyConfig(), 9);
        QCOMPARE(engine::train(second, resumed, provider, {}).iterations, std::int64_t(8));
        auto straight = config;
        straight.iterations = 8;
        straight.checkpointPath.clear();
        engine::Model third = engine::Model::create(tinyConfig(), 9);
        engine::train(third, straight, provider, {});
        std::vector<engine::TrainSample> probe{{set[0].image, set[0].labels}};
        const double d2 = engine::validationDice(second, probe, engine::DeviceChoice::Cpu);
        const double d3 = engine::validationDice(third, probe, engine::DeviceChoice::Cpu);
        QVERIFY2(std::abs(d2 - d3) < 1e-6, qPrintable(QString("%1 vs %2").arg(d2).arg(d3)));
    }

    void evaluationFiguresOnKnownPredictions() {
        // Truth: blood pool 10 px, myocardium 10 px; prediction misses 5 of each.
        training::LabelledImage li;
        li.patientId = "P";
        li.hasBloodPool = li.hasMyocardium = true;
        li.labels = image::LabelMap(10, 3, image::label::Background);
        for (int x = 0; x < 10; ++x) {
            li.labels.at(x, 0) = image::label::BloodPool;
            li.labels.at(x, 1) = image::label::Myocardium;
        }
        image::LabelMap pred = li.labels;
        for (int x = 0; x < 5; ++x) pred.at(x, 0) = pred.at(x, 1) = image::label::Background;
        training::LabelledImage endoOnly = li;  // blood pool only: outside it unknown
        endoOnly.hasMyocardium = false;
        for (auto& v : endoOnly.labels.data)
            if (v != image::label::BloodPool) v = image::label::Ignore;
        const auto r = training::evaluatePredictions({li, endoOnly}, {pred, pred}, {{"P", {1.0, 1.0}}});
        QCOMPARE(r.images, 2);
        QCOMPARE(r.bloodPool.images, 2);
        QCOMPARE(r.myocardium.images, 1);
        // Blood pool: TP 5+5, FN 5+5, FP 0 → Dice 2·10/(20+10) = 2/3.
        QVERIFY(std::abs(r.bloodPool.dice - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(r.myocardium.dice - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(r.myocardium.iou - 0.5) < 1e-12);
        QCOMPARE(r.perPatient.at("P").images, 2);
    }

    void notBloodPoolPixelsTeachWhereTheBloodPoolEnds() {
        // Images labelled with the blood pool alone (as end-systolic expert contours are): with
        // the rest NotBloodPool the network learns where the blood pool ends; with the rest
        // unknown (Ignore) nothing stops it from calling everything blood pool.
        auto falsePositives = [](std::uint8_t outside) {
            auto set = phantomSet(48);
            for (auto& li : set)
                for (auto& v : li.labels.data)
                    if (v != image::label::BloodPool) v = outside;
            const auto truth = phantom(48, 0, 0, 0.9);
            const auto predicted = labelsAfterTraining(set, truth.image);
            std::size_t fp = 0;
            for (std::size_t i = 0; i < predicted.data.size(); ++i)
                fp += predicted.data[i] == image::label::BloodPool && truth.labels.data[i] != image::label::BloodPool;
            return fp;
        };
        const std::size_t withNegatives = falsePositives(image::label::NotBloodPool);
        const std::size_t withoutNegatives = falsePositives(image::label::Ignore);
        QVERIFY2(withNegatives * 4 < withoutNegatives + 4,
                 qPrintable(QString("blood-pool false positives: %1 with NotBloodPool, %2 with Ignore")
                                .arg(withNegatives).arg(withoutNegatives)));
    }

    void heavierNotBloodPoolHoldsTheBoundaryIn() {
        // Where the boundary is uncertain (half the images label the blood pool 2 pixels wider,
        // half 2 pixels narrower, the rest NotBloodPool as at end-systole), a heavier
        // NotBloodPool weight settles it further in.
        auto area = [](double nbpWeight) {
            auto set = phantomSet(48);
            for (std::size_t k = 0; k < set.size(); ++k) {
                auto& li = set[k];
                image::LabelMap wider = li.labels;
                for (int y = 0; y < 48; ++y)
                    for (int x = 0; x < 48; ++x) {
                        bool near = false;
                        for (int dy = -2; dy <= 2 && !near; ++dy)
                            for (int dx = -2; dx <= 2 && !near; ++dx) {
                                const int xx = std::clamp(x + dx, 0, 47), yy = std::clamp(y + dy, 0, 47);
                                near = li.labels.at(xx, yy) == (k % 2 ? image::label::BloodPool : image::label::Myocardium);
                            }
                        // Odd images: dilate the blood pool; even: erode it (grow the outside).
                        wider.at(x, y) = k % 2 ? (near ? image::label::BloodPool : image::label::NotBloodPool)
                                               : (li.labels.at(x, y) == image::label::BloodPool && !near
                                                      ? image::label::BloodPool
                                                      : image::label::NotBloodPool);
                    }
                li.labels = wider;
            }
            const auto probe = phantom(48, 0, 0, 0.9);
            const auto predicted = labelsAfterTraining(set, probe.image, nbpWeight);
            return std::count(predicted.data.begin(), predicted.data.end(), image::label::BloodPool);
        };
        const auto plain = area(1.0), heavier = area(4.0);
        qInfo("blood pool %ld px at weight 4, %ld px at weight 1", long(heavier), long(plain));
        QVERIFY2(heavier < plain, qPrintable(QString("blood pool %1 px at weight 4, %2 px at weight 1").arg(heavier).arg(plain)));
    }

    void datasetImagesAndEvaluation() {
        testing::TempDir dir;
        const auto s = smallSeries();
        const auto instances = testing::writeScdDataset(dir.path(), s);
        std::vector<io::SkippedFile> skipped;
        const auto all = training::loadLabelledImages(dir.path(), {}, skipped);
        QVERIFY(skipped.empty());
        QCOMPARE(all.size(), instances.size());
        std::size_t withMyo = 0;
        for (const auto& li : all) withMyo += li.hasMyocardium;
        QCOMPARE(withMyo, std::size_t(s.slices));
        training::SelectOptions sel;
        sel.excludeInstances = {instances[0]};
        QCOMPARE(training::loadLabelledImages(dir.path(), sel, skipped).size(), instances.size() - 1);
        sel = {};
        sel.patients = {"NOBODY"};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, training::loadLabelledImages(dir.path(), sel, skipped));
        QCOMPARE(training::datasetHash(all), training::datasetHash(training::loadLabelledImages(dir.path(), {}, skipped)));
    }

    void basalSlicesWithoutVentricleAreNegatives() {
        // Experts who start at slice 1 (of 4) at both phases they drew: slice 0 there is a basal
        // slice without ventricle — all background, crops centred where the ventricle is below.
        testing::TempDir dir;
        const testing::SyntheticSeries s = testing::writeScdDatasetWithBasalGap(dir.path());
        std::vector<io::SkippedFile> skipped;
        training::SelectOptions sel;
        const auto plain = training::loadLabelledImages(dir.path(), sel, skipped);
        QVERIFY(std::none_of(plain.begin(), plain.end(), [](const auto& li) { return li.negative; }));
        sel.basalNegatives = true;
        const auto images = training::loadLabelledImages(dir.path(), sel, skipped);
        std::vector<const training::LabelledImage*> negatives;
        for (const auto& li : images)
            if (li.negative) negatives.push_back(&li);
        QCOMPARE(negatives.size(), std::size_t(2));
        const auto [cx, cy] = testing::phantomCentre(s);
        for (const auto* li : negatives) {
            QCOMPARE(li->slice, 0);
            QVERIFY(li->phase == 0 || li->phase == s.phases / 2);
            QVERIFY(std::all_of(li->labels.data.begin(), li->labels.data.end(),
                                [](std::uint8_t v) { return v == image::label::Background; }));
            QVERIFY(std::abs(li->centreX - cx) < 1.5 && std::abs(li->centreY - cy) < 1.5);
        }
        // Augmented crops of a negative are centred on the ventricle's place (up to the jitter).
        training::AugmentConfig aug;
        aug.crop = 32;
        aug.centredFraction = 1.0;
        std::mt19937_64 rng(5);
        for (int i = 0; i < 5; ++i) {
            const auto sample = training::augment(*negatives[0], aug, rng);
            QVERIFY(std::none_of(sample.labels.data.begin(), sample.labels.data.end(),
                                 [](std::uint8_t v) { return v == image::label::BloodPool; }));
        }
    }

    void scannerAppearanceKeepsTheLabels() {
        // Tone curves, coarser resolution and Rician noise change pixels, never labels; the
        // fixed simulations for evaluation are deterministic.
        const auto li = phantom(96, 0, 0, 1.0);
        training::AugmentConfig plain, scanners;
        plain.crop = scanners.crop = 64;
        scanners.scannerAppearance = true;
        scanners.toneCurveProbability = scanners.lowResolutionProbability = scanners.ricianProbability = 1.0;
        std::mt19937_64 a(9), b(9);
        const auto p = training::augment(li, plain, a);
        const auto q = training::augment(li, scanners, b);
        QVERIFY(p.labels == q.labels);
        QVERIFY(p.image.data != q.image.data);
        image::FloatImage x = li.image, y = li.image;
        training::simulateScanner(x, "scanner", 3);
        training::simulateScanner(y, "scanner", 3);
        QVERIFY(x.data == y.data);
        QVERIFY(x.data != li.image.data);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, training::simulateScanner(x, "vendor-x", 1));
    }

    void modelLabelsJoinTheTrainingDataAsAShare() {
        // A teacher that learned the phantom from the experts' images labels the unlabelled
        // phases; only images inside the coverage with a closed ring, the surest half, none the
        // experts drew.
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 96;
        s.slices = 3;
        s.phases = 6;
        const auto expertInstances = testing::writeScdDataset(dir.path(), s);
        std::vector<io::SkippedFile> skipped;
        engine::Model teacher = engine::Model::create(tinyConfig(), 3);
        {
            training::AugmentConfig aug;
            aug.crop = 0;
            aug.rotationDegrees = 20;
            aug.elasticProbability = 0;
            auto config = quickConfig(300);
            config.schedule.baseLr = 5e-3;
            const auto experts = training::loadLabelledImages(dir.path(), {}, skipped);
            QCOMPARE(int(engine::train(teacher, config, training::makeBatchProvider(experts, aug, 5), {}).status),
                     int(engine::TrainOutcome::Status::Completed));
        }
        const auto pseudo = training::pseudoLabelledImages(teacher, dir.path(), {}, {}, skipped);
        QVERIFY(!pseudo.empty());
        QVERIFY(pseudo.size() <= std::size_t(s.slices * (s.phases - 2) + 1) / 2 + 1);
        for (const auto& li : pseudo) {
            QVERIFY(li.pseudo);
            QVERIFY(std::find(expertInstances.begin(), expertInstances.end(), li.instanceNumber) == expertInstances.end());
            QVERIFY(std::count(li.labels.data.begin(), li.labels.data.end(), image::label::BloodPool) > 0);
        }
        // However many, they take the share of the draws they are given.
        auto set = training::loadLabelledImages(dir.path(), {}, skipped);
        const std::size_t people = set.size();
        for (int k = 0; k < 30; ++k) {
            auto li = set[k % people];
            li.pseudo = true;
            li.instanceNumber = 10000 + k;
            set.push_back(li);
        }
        const auto w = training::drawWeights(set, 0.25);
        double models = 0, total = 0;
        for (std::size_t i = 0; i < set.size(); ++i) {
            models += set[i].pseudo ? w[i] : 0.0;
            total += w[i];
        }
        QVERIFY(std::abs(models / total - 0.25) < 1e-9);
        for (std::size_t i = 1; i < people; ++i)  // within the experts' images: myocardium twice as often
            QCOMPARE(w[i] / w[0], (set[i].hasMyocardium ? 2.0 : 1.0) / (set[0].hasMyocardium ? 2.0 : 1.0));
        QCOMPARE(training::drawWeights(training::loadLabelledImages(dir.path(), {}, skipped), 0.25).size(), people);
    }

    void functionAgreementOnKnownPredictions() {
        // Expert against model LV function on the labelled images alone: equal labels agree
        // exactly; a model whose end-systolic blood pool is larger by a known number of pixels
        // shows exactly that ESV error, the same EDV, and the Dice that goes with it.
        testing::TempDir dir;
        const auto s = smallSeries();
        testing::writeScdDataset(dir.path(), s);
        std::vector<io::SkippedFile> skipped;
        std::map<std::string, image::CineSeries> series;
        const auto images = training::loadLabelledImages(dir.path(), {}, skipped, &series);
        QCOMPARE(series.size(), std::size_t(1));
        QVERIFY(series.begin()->second.pixels.empty());  // geometry only
        const std::string id = images.front().patientId;
        std::vector<image::LabelMap> predictions;
        for (const auto& li : images) {
            image::LabelMap p = li.labels;  // as a model labels: no unknown pixels
            for (auto& v : p.data)
                if (v == image::label::Ignore || v == image::label::NotBloodPool) v = image::label::Background;
            predictions.push_back(std::move(p));
        }
        const auto same = training::compareFunction(images, predictions, series).at(id);
        QCOMPARE(same.expert.edPhase, 0);
        QCOMPARE(same.expert.esPhase, s.phases / 2);
        QCOMPARE(same.model.edvMl, same.expert.edvMl);
        QCOMPARE(same.model.esvMl, same.expert.esvMl);
        QCOMPARE(same.bloodPoolDice, 1.0);
        QCOMPARE(same.edvBoundPercent(), 0.0);
        QCOMPARE(same.esvBoundPercent(), 0.0);
        QVERIFY(same.withinDice());

        std::size_t esPixels = 0, added = 0, allPixels = 0;
        for (std::size_t i = 0; i < images.size(); ++i) {
            const auto n = static_cast<std::size_t>(
                std::count(images[i].labels.data.begin(), images[i].labels.data.end(), image::label::BloodPool));
            allPixels += n;
            if (images[i].phase != s.phases / 2) continue;
            esPixels += n;
            std::size_t want = n / 10 + 1;  // known non-blood-pool pixels turned blood pool
            for (std::size_t k = 0; k < predictions[i].data.size() && want > 0; ++k)
                if (images[i].labels.data[k] == image::label::NotBloodPool) {
                    predictions[i].data[k] = image::label::BloodPool;
                    --want;
                    ++added;
                }
        }
        const auto larger = training::compareFunction(images, predictions, series).at(id);
        QCOMPARE(larger.model.edvMl, larger.expert.edvMl);
        QVERIFY(std::abs(larger.esvErrorPercent() - 100.0 * added / esPixels) < 1e-9);
        QVERIFY(std::abs(larger.esBloodPoolDice - 2.0 * esPixels / (2.0 * esPixels + added)) < 1e-12);
        QCOMPARE(larger.edBloodPoolDice, 1.0);
        QVERIFY(std::abs(larger.bloodPoolDice - 2.0 * allPixels / (2.0 * allPixels + added)) < 1e-12);
        QVERIFY(larger.efDifference() < 0);  // a larger ESV reads as a lower EF
        // Every added pixel lies outside the experts' blood pool: the error is the largest the
        // end-systolic Dice permits, exactly.
        QVERIFY(std::abs(larger.esvErrorPercent() - larger.esvBoundPercent()) < 1e-9);
        QVERIFY(larger.withinDice());

        // Blood pool predicted where the experts said nothing (no label on that pixel) is no
        // part of the Dice but adds volume: the agreement breaks the bound and says so.
        auto unknown = predictions;
        auto partly = images;
        std::size_t outside = 0;
        for (std::size_t i = 0; i < partly.size(); ++i) {
            if (partly[i].phase != s.phases / 2) continue;
            auto& labels = partly[i].labels;
            for (std::size_t k = 0; k < labels.data.size() && outside < added; ++k)
                if (labels.data[k] == image::label::NotBloodPool && unknown[i].data[k] == image::label::Background) {
                    labels.data[k] = image::label::Ignore;
                    unknown[i].data[k] = image::label::BloodPool;
                    ++outside;
                }
        }
        QCOMPARE(outside, added);
        const auto unlabelled = training::compareFunction(partly, unknown, series).at(id);
        QVERIFY(std::abs(unlabelled.esBloodPoolDice - larger.esBloodPoolDice) < 1e-12);
        QVERIFY(unlabelled.esvErrorPercent() > unlabelled.esvBoundPercent());
        QVERIFY(!unlabelled.withinDice());

        // An end-diastolic image without the experts' epicardium: the model's myocardium there
        // is left out of the comparison, so the mass covers the slices the experts' does.
        auto noEpi = images;
        for (auto& li : noEpi) {
            if (li.phase != 0) continue;
            for (auto& v : li.labels.data)
                if (v != image::label::BloodPool) v = image::label::NotBloodPool;
            li.hasMyocardium = false;
            break;
        }
        const auto massOf = training::compareFunction(noEpi, predictions, series).at(id);
        QVERIFY(massOf.expert.lvMassG < same.expert.lvMassG);
        QCOMPARE(massOf.model.lvMassG, massOf.expert.lvMassG);

        // Below the experts' volume the bound is 2(1 − D)/(2 − D).
        QVERIFY(std::abs(training::FunctionAgreement::volumeBoundPercent(0.9, -1.0) - 200.0 * 0.1 / 1.1) < 1e-12);
        QVERIFY(std::abs(training::FunctionAgreement::volumeBoundPercent(0.9, 1.0) - 200.0 * 0.1 / 0.9) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
