// Fine-tuning on corrections: it learns, it checks itself against held-out corrections, it
// never touches the base model, it stops cleanly (cancel, divergence, time budget); model
// versions and workspace training data.
#include <QtTest>

#include <chrono>
#include <fstream>
#include <map>

#include "engine/model.h"
#include "engine/model_impl.h"
#include "engine/segmenter.h"
#include "engine/trainer.h"
#include "io/dicom_loader.h"
#include "io/model_versions.h"
#include "io/workspace.h"
#include "phantom_support.h"
#include "synthetic_dicom.h"
#include "training/finetune.h"

using namespace cardioseg;

namespace {

/// The corrections of a "new patient": phantoms with a larger, slightly shifted ventricle.
std::vector<training::LabelledImage> corrections() {
    std::vector<training::LabelledImage> set;
    for (int i = 0; i < 8; ++i) {
        auto li = testing::phantom(64, (i % 4 - 1.5) * 4.0, (i / 4 - 0.5) * 5.0, 1.0 + 0.05 * i);
        li.patientId = "NEW";
        li.instanceNumber = i + 1;
        set.push_back(std::move(li));
    }
    return set;
}

training::FinetuneOptions quick(std::int64_t iterations) {
    training::FinetuneOptions o;
    o.iterations = iterations;
    o.seconds = 0;
    o.batch = 4;
    o.lr = 5e-3;
    o.augment.crop = 0;
    o.augment.rotationDegrees = 20;
    o.augment.elasticProbability = 0;
    o.threads = 2;
    o.device = engine::DeviceChoice::Cpu;
    return o;
}

/// The model's output on an image, to compare weights before and after.
image::LabelMap labelsOf(const engine::Model& m, const training::LabelledImage& li) {
    engine::SegmentOptions options;
    options.device = engine::DeviceChoice::Cpu;
    options.threads = 1;
    engine::Segmenter s(m, options);
    return s.segment({&li.image}).front().labels;
}

}  // namespace

class TestFinetune : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsFromCorrectionsAndChecksItself() {
        const engine::Model base = engine::Model::create(testing::tinyConfig(), 4);
        const auto set = corrections();
        const auto baseOutput = labelsOf(base, set[0]);
        auto o = quick(150);
        o.holdout = 0.25;
        std::vector<std::string> stages;
        const auto report = training::finetune(base, set, {}, o, [&](const training::FinetuneProgress& p) {
            if (stages.empty() || stages.back() != p.stage) stages.push_back(p.stage);
            return true;
        });
        QCOMPARE(int(report.outcome.status), int(engine::TrainOutcome::Status::Completed));
        QCOMPARE(report.outcome.iterations, std::int64_t(150));
        QCOMPARE(report.validationImages, 2);  // a quarter of eight, held out
        QCOMPARE(report.trainImages, 6);
        QCOMPARE(stages, (std::vector<std::string>{"validating", "training", "checking"}));
        QVERIFY2(report.checks.diceAfter > report.checks.diceBefore + 0.2,
                 qPrintable(QString("Dice %1 -> %2").arg(report.checks.diceBefore).arg(report.checks.diceAfter)));
        QVERIFY(report.accepted);
        QVERIFY(report.model.has_value());
        // The new model says where it came from; the base model is untouched.
        const auto& info = report.model->info();
        QVERIFY(std::count(info.finetunedOn.begin(), info.finetunedOn.end(), "NEW:1") == 1);
        QVERIFY(!info.finetuneHeldOut.empty());
        QVERIFY(info.finetuneChecks.count("dice_before") && info.finetuneChecks.count("dice_after"));
        QVERIFY(!info.created.empty());
        // It can run in int8: the ranges of its activations come with it.
        QVERIFY(engine::hasInt8Ranges(*report.model));
        QVERIFY(!engine::hasInt8Ranges(base));
        QVERIFY(labelsOf(base, set[0]) == baseOutput);
    }

    void imagesWithoutVentricleTrainButAreNeverHeldOut() {
        // Basal negatives (all background) measure nothing: the held-out share is taken from
        // the labelled corrections alone, and the negatives all train.
        const engine::Model base = engine::Model::create(testing::tinyConfig(), 5);
        auto set = corrections();
        for (int i = 0; i < 4; ++i) {
            auto li = set[static_cast<std::size_t>(i)];
            li.instanceNumber = 100 + i;
            li.negative = true;
            li.hasBloodPool = li.hasMyocardium = false;
            std::fill(li.labels.data.begin(), li.labels.data.end(), image::label::Background);
            set.insert(set.begin() + 2 * i, std::move(li));  // spread among the labelled ones
        }
        auto o = quick(2);
        o.holdout = 0.25;
        const auto report = training::finetune(base, set, {}, o, {});
        QCOMPARE(report.validationImages, 2);  // a quarter of the eight labelled images
        QCOMPARE(report.trainImages, 10);      // six labelled and the four negatives
        QVERIFY(report.model.has_value());
        const auto& held = report.model->info().finetuneHeldOut;
        QCOMPARE(held.size(), std::size_t(2));
        for (const auto& image : held)
            for (int i = 0; i < 4; ++i)
                QVERIFY2(image.find(":" + std::to_string(100 + i)) == std::string::npos, image.c_str());
    }

    void headStaysFrozenUnlessAsked() {
        // By default only the backbone learns: the head's weights and batch-norm statistics
        // come out exactly as they went in. Asked to, the head learns too.
        const engine::Model base = engine::Model::create(testing::tinyConfig(), 7);
        auto o = quick(12);
        o.holdout = 0;
        QVERIFY(!o.trainHead);
        const auto frozen = training::finetune(base, corrections(), {}, o);
        o.trainHead = true;
        const auto free = training::finetune(base, corrections(), {}, o);
        QVERIFY(frozen.model && free.model);
        QVERIFY(frozen.model->info().schedule.find("head frozen") != std::string::npos);
        QVERIFY(free.model->info().schedule.find("head frozen") == std::string::npos);
        auto state = [](const engine::Model& m, const std::string& part) {
            std::vector<torch::Tensor> out;
            const auto parts = m.impl()->net->named_children();
            const auto module = parts[part];
            for (const auto& p : module->parameters()) out.push_back(p.detach().clone());
            for (const auto& b : module->buffers()) out.push_back(b.clone());
            return out;
        };
        auto same = [](const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
            for (std::size_t i = 0; i < a.size(); ++i)
                if (!torch::equal(a[i], b[i])) return false;
            return a.size() == b.size();
        };
        QVERIFY(same(state(*frozen.model, "classifier"), state(base, "classifier")));
        QVERIFY(!same(state(*frozen.model, "backbone"), state(base, "backbone")));
        QVERIFY(!same(state(*free.model, "classifier"), state(base, "classifier")));
        // The fine-tuned model can be trained again: nothing stays frozen.
        for (const auto& p : frozen.model->impl()->net->parameters()) QVERIFY(p.requires_grad());

        // Freezing a part the network does not have is refused, naming the parts it has.
        engine::TrainConfig tc;
        tc.iterations = 1;
        tc.batch = 2;
        tc.device = engine::DeviceChoice::Cpu;
        tc.frozenModules = {"decoder"};
        engine::Model m = base.clone();
        try {
            engine::train(m, tc, training::makeMixedProvider(corrections(), {}, 0.0, o.augment, 1), {});
            QFAIL("freezing an unknown part was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("'decoder'") != std::string::npos &&
                         std::string(e.what()).find("backbone, classifier") != std::string::npos,
                     e.what());
        }
    }

    void defaultCropsOfSmallImagesTrain() {
        // The default 192-pixel crops of 64-pixel images (padded as unknown) train and say so in
        // the model's schedule. On the CPU this shape once aborted with a corrupted heap inside
        // LibTorch 1.13's channels-last kernels, which training therefore uses on CUDA only.
        const engine::Model base = engine::Model::create(testing::tinyConfig(), 6);
        training::FinetuneOptions o;
        QCOMPARE(o.augment.crop, 192);
        o.iterations = 60;
        o.seconds = 0;
        o.batch = 4;
        o.holdout = 0.25;
        o.threads = 2;
        o.device = engine::DeviceChoice::Cpu;
        const auto report = training::finetune(base, corrections(), {}, o);
        QCOMPARE(int(report.outcome.status), int(engine::TrainOutcome::Status::Completed));
        QCOMPARE(report.outcome.iterations, std::int64_t(60));
        QVERIFY(report.model.has_value());
        QVERIFY(report.model->info().schedule.find("crop 192") != std::string::npos);
    }

    void cancelDivergenceAndBudgetLeaveTheBaseAlone() {
        const engine::Model base = engine::Model::create(testing::tinyConfig(), 5);
        const auto set = corrections();
        const auto baseOutput = labelsOf(base, set[1]);

        int calls = 0;
        auto cancelled = training::finetune(base, set, {}, quick(100), [&](const training::FinetuneProgress& p) {
            return !(p.stage == "training" && ++calls >= 3);
        });
        QCOMPARE(int(cancelled.outcome.status), int(engine::TrainOutcome::Status::Cancelled));
        QVERIFY(!cancelled.model);
        QVERIFY(!cancelled.accepted);
        QVERIFY(cancelled.decision.find("unchanged") != std::string::npos);

        auto wild = quick(30);
        wild.lr = 1e9;  // diverges
        const auto diverged = training::finetune(base, set, {}, wild);
        QCOMPARE(int(diverged.outcome.status), int(engine::TrainOutcome::Status::Diverged));
        QVERIFY(!diverged.model);
        QVERIFY(labelsOf(base, set[1]) == baseOutput);

        // A wall-time budget: the run, checks included, ends in time.
        auto timed = quick(0);
        timed.seconds = 4;
        const auto t0 = std::chrono::steady_clock::now();
        const auto report = training::finetune(base, set, {}, timed);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        QCOMPARE(int(report.outcome.status), int(engine::TrainOutcome::Status::Completed));
        QVERIFY(report.outcome.iterations > 0);
        QVERIFY2(seconds < 4 + 1.5, qPrintable(QString::number(seconds)));
        QVERIFY(labelsOf(base, set[1]) == baseOutput);
    }

    void replayMixesTheBaseModelsTrainingData() {
        // The provider draws from both pools (told apart here by their size): with share 0 only
        // corrections, with 0.9 mostly replay images.
        const auto fresh = corrections();                                   // 64 × 64
        const std::vector<training::LabelledImage> old = testing::phantomSet(48);  // 48 × 48
        training::AugmentConfig aug;
        aug.crop = 0;
        auto shareOfOld = [&](double share) {
            const auto provider = training::makeMixedProvider(fresh, old, share, aug, 3);
            int fromOld = 0, total = 0;
            for (int it = 0; it < 20; ++it) {
                std::vector<engine::TrainSample> batch;
                provider(it, 8, batch);
                for (const auto& s : batch) {
                    ++total;
                    fromOld += s.labels.width == 48;
                }
            }
            return double(fromOld) / total;
        };
        QCOMPARE(shareOfOld(0.0), 0.0);
        QCOMPARE(shareOfOld(0.9), 7.0 / 8.0);  // one correction per batch, never none
        QCOMPARE(shareOfOld(0.5), 0.5);
        // Each batch holds its share of corrections, taken in turn: three corrections (told
        // apart by their size) are seen equally often, whatever the seed.
        std::vector<training::LabelledImage> three;
        for (int size : {40, 44, 52}) three.push_back(testing::phantom(size, 0.0, 0.0, 1.0));
        for (std::uint64_t seed : {1u, 2u}) {
            const auto provider = training::makeMixedProvider(three, old, 0.5, aug, seed);
            std::map<int, int> seen;
            for (int it = 0; it < 6; ++it) {
                std::vector<engine::TrainSample> batch;
                provider(it, 8, batch);
                QCOMPARE(batch.size(), std::size_t(8));
                int fresh = 0;
                for (const auto& s : batch)
                    if (s.labels.width != 48) {
                        ++fresh;
                        ++seen[s.labels.width];
                    }
                QCOMPARE(fresh, 4);
            }
            QCOMPARE(seen, (std::map<int, int>{{40, 8}, {44, 8}, {52, 8}}));
        }
        // Without replay images every sample is a correction, strongly augmented.
        const auto alone = training::makeMixedProvider(fresh, {}, 0.5, aug, 3);
        std::vector<engine::TrainSample> batch;
        alone(0, 8, batch);
        QCOMPARE(batch.size(), std::size_t(8));
        for (const auto& s : batch) QCOMPARE(s.labels.width, 64);
    }

    void versionsRoundTrip() {
        testing::TempDir dir;
        const io::ModelVersions versions(dir / "models");
        QVERIFY(versions.list().empty());
        QCOMPARE(versions.nextId(), std::string("v1"));
        engine::Model m = engine::Model::create(testing::tinyConfig(), 1);
        m.info().finetunedOn = {"P:1", "P:2"};
        m.save(versions.fileFor("v1"));
        io::ModelVersion v;
        v.file = versions.fileFor("v1").string();
        v.parent = "default.pt";
        v.created = "2026-11-27T03:00:00Z";
        v.corrections = 3;
        v.heldOut = 1;
        v.iterations = 420;
        v.checks.diceBefore = 0.81;
        v.checks.diceAfter = 0.86;
        v.decision = "at least as good";
        QCOMPARE(versions.add(v).id, std::string("v1"));
        v.parent = "v1";
        v.checks.diceAfter = std::nan("");
        QCOMPARE(versions.add(v).id, std::string("v2"));
        const auto all = versions.list();
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].parent, std::string("default.pt"));
        QCOMPARE(all[0].file, versions.fileFor("v1").string());
        QCOMPARE(all[0].corrections, 3);
        QCOMPARE(all[0].iterations, 420LL);
        QCOMPARE(all[0].checks.diceAfter, 0.86);
        QVERIFY(std::isnan(all[1].checks.diceAfter));
        QCOMPARE(all[1].parent, std::string("v1"));
        QCOMPARE(engine::Model::load(all[0].file).info().finetunedOn, (std::vector<std::string>{"P:1", "P:2"}));
        { std::ofstream(dir / "models" / "versions.json") << "{broken"; }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, versions.list());
    }

    void decisionSaysWhatHappened() {
        training::FinetuneOptions o;
        training::FinetuneReport r;
        r.checks.diceBefore = 0.80;
        r.checks.diceAfter = 0.83;
        r.checks.replayBefore = 0.90;
        r.checks.replayAfter = 0.895;  // fell, within the 0.01 allowed
        r.accepted = true;
        std::string d = training::describeDecision(r, o, 1, 8);
        QVERIFY2(d.find("within 0.01 of the old model") != std::string::npos, d.c_str());
        QVERIFY2(d.find("at least as good") == std::string::npos, d.c_str());
        QVERIFY2(d.find("better on the held-out") != std::string::npos, d.c_str());
        r.checks.replayAfter = 0.91;  // nothing fell
        d = training::describeDecision(r, o, 1, 8);
        QVERIFY2(d.find("at least as good on the replay images") != std::string::npos, d.c_str());
        r.checks.replayAfter = 0.87;  // forgot
        r.accepted = false;
        d = training::describeDecision(r, o, 1, 8);
        QVERIFY2(d.find("not used: it forgets") != std::string::npos, d.c_str());
        r.checks.diceAfter = 0.78;
        d = training::describeDecision(r, o, 1, 8);
        QVERIFY2(d.find("worse on the held-out") != std::string::npos, d.c_str());
    }

    void workspacesAreTrainingData() {
        // A study, a workspace with one corrected, one confirmed and one merely edited-then-undone
        // image: only the reviewed ones are training data, with the study's pixels.
        testing::TempDir dir;
        testing::SyntheticSeries spec;
        spec.phantom = true;
        spec.rows = spec.columns = 48;
        testing::writeSeries(dir / "study", spec);
        const auto loaded = io::loadDicom({dir / "study"});
        const auto& series = loaded.series.front();
        io::SeriesWork work;
        work.corrections = image::SeriesLabels::like(series);
        work.corrections.at(1, 0) = image::LabelMap(48, 48, image::label::BloodPool);
        work.corrections.at(2, 3) = image::LabelMap(48, 48, image::label::Myocardium);
        work.review[{1, 0}] = io::ReviewState::Corrected;
        work.review[{2, 3}] = io::ReviewState::Confirmed;
        const io::Workspace ws(dir / "ws", (dir / "study").string());
        ws.save(series, work);
        QCOMPARE(io::Workspace::studyOf(dir / "ws"), (dir / "study").string());
        std::vector<io::SkippedFile> skipped;
        const auto images = training::loadTrainingImages(dir / "ws", {}, skipped);
        QCOMPARE(images.size(), std::size_t(2));
        QCOMPARE(images[0].instanceNumber, series.frames[series.frameAt(1, 0)].instanceNumber);
        QVERIFY(images[0].hasBloodPool && !images[0].hasMyocardium);
        QVERIFY(images[1].hasMyocardium);
        // A folder of workspaces works too; --images filters by instance number.
        training::SelectOptions only;
        only.onlyInstances = {images[1].instanceNumber};
        QCOMPARE(training::loadTrainingImages(dir.path(), only, skipped).size(), std::size_t(1));
        // The active model is remembered per workspace.
        QVERIFY(ws.activeModel().empty());
        ws.setActiveModel("/models/v3.pt");
        QCOMPARE(io::Workspace(dir / "ws").activeModel(), std::string("/models/v3.pt"));
        QCOMPARE(training::loadTrainingImages(dir / "ws", {}, skipped).size(), std::size_t(2));  // still there
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, training::loadTrainingImages(dir / "study", {}, skipped));
    }

    void replayComesFromTheShippedSampleWhenNothingElseIsAtHand() {
        engine::Model base = engine::Model::create(testing::tinyConfig(), 1);
        std::vector<io::SkippedFile> skipped;
        QVERIFY(training::replayImages(base, {}, {}, skipped).empty());  // unknown training data
        base.info().trainedOn = {"SCD0000101", "SCD0000201"};
        const auto replay = training::replayImages(base, {}, {}, skipped);
        QCOMPARE(replay.size(), std::size_t(18));  // the sample study's expert-labelled images
        // Images that are themselves corrections are not replayed.
        const auto fewer = training::replayImages(base, {}, {replay.front()}, skipped);
        QCOMPARE(fewer.size(), std::size_t(17));
    }
};

QTEST_GUILESS_MAIN(TestFinetune)
#include "test_finetune.moc"
