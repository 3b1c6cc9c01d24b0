#include "training/finetune.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "io/resources.h"
#include "io/scd_dataset.h"
#include "training/segment_series.h"

namespace cardioseg::training {

namespace {

using Clock = std::chrono::steady_clock;

std::vector<engine::TrainSample> samplesOf(const std::vector<LabelledImage>& images) {
    std::vector<engine::TrainSample> out;
    out.reserve(images.size());
    for (const auto& li : images) out.push_back({li.image, li.labels});
    return out;
}

std::string nowIso() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

std::string figure(double v) {
    if (std::isnan(v)) return "n/a";
    std::ostringstream s;
    s.precision(4);
    s << std::fixed << v;
    return s.str();
}

}  // namespace

std::vector<LabelledImage> replayImages(const engine::Model& base, const std::filesystem::path& dataset,
                                        const std::vector<LabelledImage>& corrections,
                                        std::vector<io::SkippedFile>& skipped) {
    const std::set<std::string> trainedOn(base.info().trainedOn.begin(), base.info().trainedOn.end());
    if (trainedOn.empty()) return {};
    auto from = [&](const std::filesystem::path& root) {
        std::vector<LabelledImage> out;
        std::error_code ec;
        if (root.empty() || !std::filesystem::is_regular_file(root / "link.csv", ec)) return out;
        const io::ScdDataset ds = io::readScdDataset(root);
        SelectOptions sel;
        for (const auto& p : ds.patients)
            if (trainedOn.count(p.patientId)) sel.patients.insert(p.patientId);
        if (sel.patients.empty()) return out;
        for (auto& li : loadLabelledImages(root, sel, skipped)) {
            bool corrected = false;
            for (const auto& c : corrections)
                corrected = corrected || (c.patientId == li.patientId && c.instanceNumber == li.instanceNumber);
            if (!corrected) out.push_back(std::move(li));
        }
        return out;
    };
    auto out = from(dataset);
    if (out.empty()) out = from(io::sampleDatasetDir());
    return out;
}

engine::BatchProvider makeMixedProvider(const std::vector<LabelledImage>& corrections,
                                        const std::vector<LabelledImage>& replay, double replayShare,
                                        const AugmentConfig& augment, std::uint64_t seed) {
    // The provider keeps its own copies: it may outlive the caller's vectors.
    auto fresh = std::make_shared<const std::vector<LabelledImage>>(corrections);
    auto old = std::make_shared<const std::vector<LabelledImage>>(replay);
    return [fresh, old, replayShare, augment, seed](std::int64_t iteration, int size,
                                                    std::vector<engine::TrainSample>& batch) {
        const auto& corrections = *fresh;
        const auto& replay = *old;
        std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(iteration));
        batch.clear();
        // A fixed number of corrections per batch rather than a coin per sample, which left
        // some batches with one correction and others with seven.
        const int correctionCount =
            corrections.empty() ? 0
            : replay.empty()    ? size
                                : std::clamp(static_cast<int>(std::lround(size * (1.0 - replayShare))), 1, size);
        for (int k = 0; k < correctionCount; ++k) {
            const auto turn = static_cast<std::size_t>(iteration) * static_cast<std::size_t>(correctionCount) +
                              static_cast<std::size_t>(k);
            batch.push_back(training::augment(corrections[turn % corrections.size()], augment, rng));
        }
        std::uniform_int_distribution<std::size_t> pick(0, replay.empty() ? 0 : replay.size() - 1);
        for (int k = correctionCount; k < size; ++k) batch.push_back(training::augment(replay[pick(rng)], augment, rng));
    };
}

FinetuneVerdict finetuneVerdict(const FinetuneReport& report, std::size_t held, std::size_t replayChecked) {
    FinetuneVerdict v;
    v.heldChecked = held > 0 && !std::isnan(report.checks.diceBefore) && !std::isnan(report.checks.diceAfter);
    v.replayChecked = replayChecked > 0 && !std::isnan(report.checks.replayBefore) && !std::isnan(report.checks.replayAfter);
    v.replayFell = v.replayChecked && report.checks.replayAfter < report.checks.replayBefore;
    using K = FinetuneVerdict::Kind;
    if (report.accepted)
        v.kind = !v.heldChecked                             ? K::AcceptedUnchecked
                 : report.checks.diceAfter > report.checks.diceBefore ? K::AcceptedBetter
                                                        : K::AcceptedAsGood;
    else
        v.kind = v.heldChecked && report.checks.diceAfter < report.checks.diceBefore ? K::RejectedWorse : K::RejectedForgets;
    return v;
}

std::string describeDecision(const FinetuneReport& report, const FinetuneOptions& o, std::size_t held,
                             std::size_t replayChecked) {
    const FinetuneVerdict v = finetuneVerdict(report, held, replayChecked);
    std::ostringstream why;
    if (v.heldChecked)
        why << "held-out corrections (" << held << "): Dice " << figure(report.checks.diceBefore) << " → "
            << figure(report.checks.diceAfter);
    else if (o.holdout <= 0)
        why << "no corrections held out (all used for training)";
    else
        why << "too few corrections to hold any out (4 needed)";
    if (v.replayChecked)
        why << "; replay images (" << replayChecked << "): " << figure(report.checks.replayBefore) << " → "
            << figure(report.checks.replayAfter);
    // Said as it is: "at least as good" only where nothing fell.
    auto plain = [](double x) {
        std::ostringstream out;
        out.precision(2);
        out << x;
        return out.str();
    };
    using K = FinetuneVerdict::Kind;
    switch (v.kind) {
        case K::AcceptedBetter: why << "; accepted: better on the held-out corrections"; break;
        case K::AcceptedAsGood: why << "; accepted: as good on the held-out corrections"; break;
        case K::AcceptedUnchecked: why << "; accepted: nothing held out to compare"; break;
        case K::RejectedForgets:
            why << "; not used: it forgets what it knew (replay images " << plain(report.checks.replayAfter - report.checks.replayBefore)
                << ", more than " << plain(o.forgetTolerance) << " below the old model)";
            break;
        case K::RejectedWorse: why << "; not used: worse on the held-out corrections"; break;
    }
    if (report.accepted && v.replayFell)
        why << ", and within " << plain(o.forgetTolerance) << " of the old model on the replay images ("
            << plain(report.checks.replayAfter - report.checks.replayBefore) << ")";
    else if (report.accepted && v.replayChecked)
        why << ", and at least as good on the replay images";
    return why.str();
}

void recordInt8Ranges(engine::Model& model, const std::vector<LabelledImage>& images, std::size_t limit) {
    std::vector<const LabelledImage*> all;
    for (const auto& li : images) all.push_back(&li);
    recordInt8Ranges(model, all, limit);
}

void recordInt8Ranges(engine::Model& model, const std::vector<const LabelledImage*>& images, std::size_t limit) {
    std::vector<const image::FloatImage*> chosen;
    std::vector<engine::Region> regions;
    const std::size_t n = std::min(images.size(), std::max<std::size_t>(1, limit));
    for (std::size_t k = 0; k < n; ++k) {
        const LabelledImage& li = *images[k * images.size() / n];
        chosen.push_back(&li.image);
        regions.push_back(ventricleRegion({&li.labels}, li.image.width, li.image.height).value_or(engine::Region{}));
    }
    engine::recordInt8Ranges(model, chosen, regions);
}

FinetuneReport finetune(const engine::Model& base, const std::vector<LabelledImage>& corrections,
                        const std::vector<LabelledImage>& replay, const FinetuneOptions& o,
                        const std::function<bool(const FinetuneProgress&)>& progress) {
    const auto t0 = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
    FinetuneReport report;
    if (corrections.empty()) throw std::invalid_argument("no corrected image to fine-tune on");

    // Held-out corrections: every k-th labelled image, spread over the list, when there are
    // enough. Images without ventricle (basal negatives) always train: they measure nothing.
    std::vector<LabelledImage> train, held;
    const auto labelled = static_cast<std::size_t>(
        std::count_if(corrections.begin(), corrections.end(), [](const LabelledImage& li) { return !li.negative; }));
    const std::size_t holdCount =
        labelled >= 4 && o.holdout > 0 ? std::max<std::size_t>(1, static_cast<std::size_t>(labelled * o.holdout)) : 0;
    const std::size_t stride = holdCount ? labelled / holdCount : 0;
    std::size_t k = 0;
    for (const auto& li : corrections) {
        const bool hold = !li.negative && holdCount && k % stride == stride - 1 && held.size() < holdCount;
        if (!li.negative) ++k;
        (hold ? held : train).push_back(li);
    }
    // A few replay images (spread) show whether the model forgets what it knew.
    // Images with both contours first: they measure both classes.
    std::vector<const LabelledImage*> byValue;
    for (const auto& li : replay)
        if (li.hasMyocardium) byValue.push_back(&li);
    for (const auto& li : replay)
        if (!li.hasMyocardium) byValue.push_back(&li);
    std::vector<LabelledImage> replayCheck;
    const std::size_t wanted = std::min<std::size_t>(8, byValue.size());
    const std::size_t bothCount = static_cast<std::size_t>(
        std::count_if(replay.begin(), replay.end(), [](const LabelledImage& li) { return li.hasMyocardium; }));
    const std::size_t pool = bothCount >= wanted ? bothCount : byValue.size();
    for (std::size_t k = 0; k < wanted; ++k) replayCheck.push_back(*byValue[k * pool / wanted]);
    report.trainImages = static_cast<int>(train.size());
    report.validationImages = static_cast<int>(held.size());
    report.replayImages = static_cast<int>(replay.size());

    FinetuneProgress fp;
    auto tell = [&](const std::string& stage) {
        fp.stage = stage;
        return !progress || progress(fp);
    };
    const auto heldSamples = samplesOf(held), replaySamples = samplesOf(replayCheck);
    if (!tell("validating")) {
        report.outcome.status = engine::TrainOutcome::Status::Cancelled;
        report.outcome.message = "cancelled before training";
        return report;
    }
    const double checkStart = elapsed();
    // The base model's network may be in use elsewhere (copies share it): validate a copy.
    const engine::Model reference = base.clone();
    if (!heldSamples.empty()) report.checks.diceBefore = engine::validationDice(reference, heldSamples, o.device);
    if (!replaySamples.empty()) report.checks.replayBefore = engine::validationDice(reference, replaySamples, o.device);
    const double checkSeconds = elapsed() - checkStart;

    engine::TrainConfig tc;
    tc.iterations = o.iterations > 0 ? o.iterations : 1000000;
    tc.batch = o.batch;
    tc.schedule.kind = engine::Schedule::Kind::Poly;
    tc.schedule.baseLr = o.lr;
    tc.schedule.warmupIterations = 10;
    tc.optimizer = engine::Optimizer::AdamW;
    tc.weightDecay = o.weightDecay;
    tc.diceWeight = o.diceWeight;
    tc.seed = o.seed;
    tc.device = o.device;
    tc.threads = o.threads;
    tc.checkpointEvery = 0;
    if (!o.trainHead) tc.frozenModules = {"classifier"};
    const auto provider = makeMixedProvider(train, replay, o.replayShare, o.augment, o.seed);
    std::optional<engine::Model> candidate;
    while (true) {
        if (o.seconds > 0) {
            // What is left of the budget, less the checks after training (as long as before) and saving.
            tc.maxSeconds = o.seconds - elapsed() - checkSeconds - 1.0;
            if (tc.maxSeconds <= 1.0) {
                report.outcome.status = engine::TrainOutcome::Status::Cancelled;
                report.outcome.message = "the time budget of " + figure(o.seconds) + " s leaves no time to train";
                return report;
            }
        }
        candidate = base.clone();
        report.outcome = engine::train(*candidate, tc, provider, {}, [&](const engine::TrainProgress& p) {
            fp.train = p;
            return tell("training");
        });
        if (report.outcome.status != engine::TrainOutcome::Status::OutOfMemory || tc.batch <= 1) break;
        tc.batch /= 2;  // out of memory: the same run with half the batch
    }
    report.batch = tc.batch;
    if (report.outcome.status != engine::TrainOutcome::Status::Completed) {
        report.seconds = elapsed();
        report.decision = "the active model is unchanged: " + report.outcome.message;
        return report;
    }
    tell("checking");
    if (!heldSamples.empty()) report.checks.diceAfter = engine::validationDice(*candidate, heldSamples, o.device);
    if (!replaySamples.empty()) report.checks.replayAfter = engine::validationDice(*candidate, replaySamples, o.device);

    const bool heldOk = heldSamples.empty() || report.checks.diceAfter >= report.checks.diceBefore - o.tolerance;
    const bool replayOk = replaySamples.empty() || report.checks.replayAfter >= report.checks.replayBefore - o.forgetTolerance;
    report.accepted = heldOk && replayOk;
    report.decision = describeDecision(report, o, held.size(), replaySamples.empty() ? 0 : replayCheck.size());

    engine::ModelInfo& info = candidate->info();
    const engine::ModelInfo& parent = base.info();
    info.parent = !parent.version.empty()   ? parent.version
                  : !parent.created.empty() ? "model of " + parent.created
                                            : "unknown";
    info.version.clear();
    info.created = nowIso();
    const auto names = [](const std::vector<LabelledImage>& images) {
        std::vector<std::string> out;
        for (const auto& li : images) out.push_back(li.patientId + ":" + std::to_string(li.instanceNumber));
        return out;
    };
    info.finetunedOn = names(train);
    info.finetuneHeldOut = names(held);
    info.finetuneReplayImages = static_cast<long long>(replay.size());
    info.schedule = "finetune poly adamw lr " + figure(o.lr) + " batch " + std::to_string(tc.batch) + " iterations " +
                       std::to_string(report.outcome.iterations) + " replay share " + figure(o.replayShare) + " crop " + std::to_string(o.augment.crop) +
                       " dice weight " + figure(o.diceWeight) + (o.trainHead ? "" : " head frozen");
    for (const auto& f : io::FinetuneChecks::fields()) info.finetuneChecks[f.key] = report.checks.*f.value;
    info.finetuneDecision = report.decision;
    // Ranges from the images it learned from and the replayed ones: what it will be shown.
    std::vector<const LabelledImage*> seen;
    for (const auto& li : train) seen.push_back(&li);
    for (const auto& li : replay) seen.push_back(&li);
    recordInt8Ranges(*candidate, seen);
    report.model = std::move(candidate);
    report.seconds = elapsed();
    return report;
}

}  // namespace cardioseg::training
