#include "engine/trainer.h"

#include "engine/int8.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/accelerator.h"
#include "engine/collectives.h"
#include "engine/distributed.h"
#include "engine/losses.h"
#include "engine/model_impl.h"
#include "metrics/confusion.h"

namespace cardioseg::engine {

namespace {

struct TensorBatch {
    torch::Tensor input;   // N × C × H × W float
    torch::Tensor target;  // N × H × W long
};

TensorBatch toTensors(const std::vector<TrainSample>& samples, int inChannels) {
    const int n = static_cast<int>(samples.size());
    const int h = samples.front().image.height, w = samples.front().image.width;
    TensorBatch b{torch::empty({n, 1, h, w}), torch::empty({n, h, w}, torch::kLong)};
    auto target8 = torch::empty({n, h, w}, torch::kUInt8);
    for (int k = 0; k < n; ++k) {
        const auto& s = samples[k];
        if (s.image.width != w || s.image.height != h || s.labels.width != w || s.labels.height != h)
            throw std::invalid_argument("training batch: images and labels must all have the same size");
        std::memcpy(b.input[k].data_ptr<float>(), s.image.data.data(), s.image.data.size() * sizeof(float));
        std::memcpy(target8[k].data_ptr<std::uint8_t>(), s.labels.data.data(), s.labels.data.size());
    }
    b.target = target8.to(torch::kLong);
    if (inChannels > 1) b.input = b.input.expand({-1, inChannels, -1, -1}).contiguous();
    return b;
}

/// Bounded queue of prepared batches filled by one data thread, so the network never waits
/// for augmentation.
class Prefetcher {
public:
    Prefetcher(const BatchProvider& provider, std::int64_t from, std::int64_t to, int batch, int inChannels,
               std::size_t depth)
        : m_thread([=, &provider] { run(provider, from, to, batch, inChannels, depth); }) {}
    ~Prefetcher() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }
    TensorBatch next() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [&] { return !m_queue.empty() || m_error; });
        if (m_queue.empty() && m_error) std::rethrow_exception(m_error);
        TensorBatch b = std::move(m_queue.front());
        m_queue.pop_front();
        m_cv.notify_all();
        return b;
    }

private:
    void run(const BatchProvider& provider, std::int64_t from, std::int64_t to, int batch, int inChannels,
             std::size_t depth) {
        try {
            std::vector<TrainSample> samples;
            for (std::int64_t i = from; i < to; ++i) {
                samples.clear();
                provider(i, batch, samples);
                if (samples.empty()) throw std::runtime_error("the data provider returned an empty batch");
                TensorBatch b = toTensors(samples, inChannels);
                std::unique_lock<std::mutex> lock(m_mutex);
                m_cv.wait(lock, [&] { return m_queue.size() < depth || m_stop; });
                if (m_stop) return;
                m_queue.push_back(std::move(b));
                m_cv.notify_all();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_error = std::current_exception();
            m_cv.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<TensorBatch> m_queue;
    bool m_stop = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

}  // namespace

namespace {

/// The confusion matrix of a model on samples first, first + step, ...
metrics::ConfusionMatrix validationMatrix(const Model& model, const std::vector<TrainSample>& samples,
                                          DeviceChoice device, std::size_t first = 0, std::size_t step = 1) {
    auto net = model.impl()->net;
    const bool wasTraining = net->is_training();
    net->eval();
    const torch::Device dev(resolveDevice(device));
    // The network stays where it is (on the device while training); validating a model that
    // lives on the CPU on CUDA moves it there and back.
    const torch::Device home = net->parameters().front().device();
    const torch::Device target = dev.type() == home.type() ? home : dev;
    if (home != target) net->to(target);
    metrics::ConfusionMatrix cm(model.config().numClasses);
    {
        torch::NoGradGuard ng;
        for (std::size_t k = first; k < samples.size(); k += step) {
            const auto& s = samples[k];
            auto b = toTensors({s}, model.config().inChannels);
            auto pred = net->forward(toDevice(b.input, target)).argmax(1).to(torch::kUInt8).cpu().contiguous();
            image::LabelMap p(s.labels.width, s.labels.height);
            std::memcpy(p.data.data(), pred.data_ptr<std::uint8_t>(), p.data.size());
            cm.add(s.labels, p);
        }
    }
    if (home != target) net->to(home);
    if (wasTraining) net->train();
    return cm;
}

/// Mean Dice of the foreground classes the labels contain.
double meanForegroundDice(const metrics::ConfusionMatrix& cm) {
    double sum = 0;
    int n = 0;
    for (int c = 1; c < cm.classes(); ++c) {
        // Only classes the labels contain: on an image labelled with an endocardium alone the
        // myocardium is unknown (ignore), and its Dice would say nothing.
        std::uint64_t truth = 0;
        for (int p = 0; p < cm.classes(); ++p) truth += cm.at(c, p);
        if (truth == 0 || std::isnan(cm.dice(c))) continue;
        sum += cm.dice(c);
        ++n;
    }
    return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

double validationDice(const Model& model, const std::vector<TrainSample>& samples, DeviceChoice device) {
    if (samples.empty()) return std::numeric_limits<double>::quiet_NaN();
    return meanForegroundDice(validationMatrix(model, samples, device));
}

TrainOutcome train(Model& model, const TrainConfig& config, const BatchProvider& provider,
                   const std::vector<TrainSample>& validation,
                   const std::function<bool(const TrainProgress&)>& progress) {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    TrainOutcome outcome;
    // Training changes the weights: int8 ranges recorded for the old ones no longer hold (train
    // and finetune record new ones before writing the model).
    model.info().int8Activations.clear();
    setCpuThreads(config.threads);
    Distributed* const dist = config.distributed;
    const int world = dist ? dist->worldSize() : 1;
    const bool writer = !dist || dist->rank() == 0;  // rank 0 alone writes checkpoints
    torch::Device device(resolveDevice(config.device));
    if (device.is_cuda()) {
        const int index = config.deviceIndex >= 0 ? config.deviceIndex : dist ? dist->options().localRank : -1;
        if (index >= 0) device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    outcome.device = device.is_cuda() ? "cuda" : "cpu";
    torch::manual_seed(config.seed);

    auto net = model.impl()->net;
    const int classes = model.config().numClasses;
    const auto parts = net->named_children();
    std::vector<std::shared_ptr<torch::nn::Module>> frozen;
    for (const auto& name : config.frozenModules) {
        if (const auto* part = parts.find(name)) {
            frozen.push_back(*part);
            continue;
        }
        std::string names;
        for (const auto& c : parts) names += (names.empty() ? "" : ", ") + c.key();
        throw std::invalid_argument("the network has no part '" + name + "' to freeze (it has: " + names + ")");
    }
    // Frozen parameters take no gradient for the run and take one again afterwards, whatever
    // happens: the model may be trained again.
    struct Unfreeze {
        DeepLabV3 net;
        ~Unfreeze() {
            for (auto& p : net->parameters()) p.set_requires_grad(true);
        }
    } unfreeze{net};
    for (const auto& part : frozen)
        for (auto& p : part->parameters()) p.set_requires_grad(false);
    auto trainMode = [&] {
        net->train();
        for (const auto& part : frozen) part->eval();
    };
    net->to(device);
    const bool channelsLast = trainChannelsLast(device);
    setChannelsLast(*net, channelsLast);
    trainMode();

    std::vector<torch::Tensor> trained;
    for (const auto& p : net->parameters())
        if (p.requires_grad()) trained.push_back(p);
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    if (config.optimizer == Optimizer::Sgd)
        optimizer = std::make_unique<torch::optim::SGD>(
            trained, torch::optim::SGDOptions(config.schedule.baseLr).momentum(config.momentum).weight_decay(config.weightDecay));
    else
        optimizer = std::make_unique<torch::optim::AdamW>(
            trained, torch::optim::AdamWOptions(config.schedule.baseLr).weight_decay(config.weightDecay));

    std::int64_t start = 0;
    if (!config.resumeFrom.empty()) {
        Model ckpt = Model::load(config.resumeFrom);
        copyWeights(ckpt.impl()->net, net);
        start = ckpt.info().checkpointIteration.value_or(0);
        const std::string optimPath = config.resumeFrom + ".optim";
        if (std::filesystem::exists(optimPath)) torch::load(*optimizer, optimPath);
    }
    if (dist) {
        // Every rank starts from rank 0's weights and statistics.
        std::vector<torch::Tensor> state;
        for (const auto& p : net->parameters()) state.push_back(p.detach());
        for (const auto& b : net->buffers()) state.push_back(b.detach());
        broadcastFromRankZero(*dist, state);
    }

    Schedule schedule = config.schedule;
    schedule.maxIterations = config.iterations;
    std::vector<float> weights = config.classWeights;
    if (weights.empty()) {
        // From batch 0 whatever the starting iteration, so a resumed run weighs as the original.
        std::vector<TrainSample> first;
        provider(0, config.batch, first);
        if (first.empty()) throw std::runtime_error("the data provider returned an empty batch");
        std::vector<double> counts = losses::classCounts(toTensors(first, 1).target, classes);
        if (dist) counts = dist->sum(counts);  // the global batch's, as one process would count
        weights = losses::frequencyWeights(counts);
        for (auto& w : weights) w = static_cast<float>(std::pow(static_cast<double>(w), config.classWeightPower));
    }
    const auto weightTensor = torch::tensor(weights).to(device);
    Prefetcher prefetch(provider, start, config.iterations, config.batch, model.config().inChannels,
                        static_cast<std::size_t>(std::max(1, config.prefetchBatches)));

    // One process's share of each step (batch norm and dropout see the global batch), and the
    // gradients summed over the processes as they come out of the backward pass.
    const DataParallelShard shard{dist, dist ? static_cast<std::int64_t>(dist->rank()) * config.batch : 0,
                                  static_cast<std::int64_t>(config.batch) * world, config.portableBatchNorm};
    const DataParallelGuard shardGuard(shard);
    std::unique_ptr<GradientReducer> reducer;
    if (dist) reducer = std::make_unique<GradientReducer>(*dist, trained, dist->options().bucketBytes);
    auto validate = [&] {
        if (!dist) return validationDice(model, validation, config.device);
        // Each rank its share of the images, the counts summed.
        if (validation.empty()) return std::numeric_limits<double>::quiet_NaN();
        const auto mine = validationMatrix(model, validation, config.device, static_cast<std::size_t>(dist->rank()),
                                           static_cast<std::size_t>(world));
        return meanForegroundDice(metrics::ConfusionMatrix::fromCounts(classes, dist->sum(mine.countList())));
    };
    auto checkpoint = [&](std::int64_t done) {
        if (!writer || config.checkpointPath.empty()) return;
        model.info().checkpointIteration = done;
        model.info().worldSize = world;
        model.info().globalBatch = static_cast<long long>(config.batch) * world;
        model.save(config.checkpointPath);
        torch::save(*optimizer, config.checkpointPath + ".optim");
    };

    double smoothed = 0;
    TrainProgress p;
    p.total = config.iterations;
    const auto loopStart = Clock::now();
    std::int64_t i = start;
    try {
        for (; i < config.iterations; ++i) {
            if (dist) dist->setIteration(i);
            TensorBatch b = prefetch.next();
            torch::manual_seed(config.seed * 1000003 + static_cast<std::uint64_t>(i));  // dropout, per iteration
            auto input = toDevice(b.input, device, channelsLast);
            auto target = toDevice(b.target, device);
            std::int64_t at = i;  // position in the schedule: iterations, or time when that is further
            if (config.maxSeconds > 0) {
                const double spent = std::chrono::duration<double>(Clock::now() - t0).count() / config.maxSeconds;
                at = std::max(at, static_cast<std::int64_t>(spent * static_cast<double>(config.iterations)));
            }
            const double lr = schedule.at(at);
            for (auto& group : optimizer->param_groups()) group.options().set_lr(lr);

            torch::Tensor loss;
            {
                AutocastGuard autocast(device.is_cuda() && config.mixedPrecision, device);
                auto logits = net->forward(input).to(torch::kFloat);
                // The loss's sums over every process's images: the loss of the global batch.
                const auto stats = sumOverRanks(dist, losses::statistics(logits, target, weightTensor, config.notBloodPoolWeight));
                loss = losses::fromStatistics(stats, classes, config.ceWeight, config.diceWeight);
            }
            const double value = loss.item<double>();
            if (!std::isfinite(value)) {
                outcome.status = TrainOutcome::Status::Diverged;
                outcome.message = "training diverged at iteration " + std::to_string(i + 1) +
                                  " (loss is not finite); try a lower learning rate";
                break;
            }
            optimizer->zero_grad();
            if (reducer) {
                // Each rank's share of the global loss; sumOverRanks and the reducer add them up.
                reducer->prepare();
                (loss / world).backward();
                reducer->finish();
            } else {
                loss.backward();
            }
            optimizer->step();

            smoothed = i == start ? value : 0.95 * smoothed + 0.05 * value;
            p.validationDice = std::numeric_limits<double>::quiet_NaN();
            p.iteration = i + 1;
            p.loss = smoothed;
            p.lr = lr;
            const double elapsed = std::chrono::duration<double>(Clock::now() - loopStart).count();
            p.itPerSecond = (i + 1 - start) / std::max(1e-9, elapsed);
            p.etaSeconds = (config.iterations - i - 1) / std::max(1e-9, p.itPerSecond);
            const bool localOutOfTime = config.maxSeconds > 0 &&
                                        std::chrono::duration<double>(Clock::now() - t0).count() >= config.maxSeconds;
            if (config.maxSeconds > 0)
                p.etaSeconds = std::min(p.etaSeconds, std::max(0.0, config.maxSeconds -
                                                                   std::chrono::duration<double>(Clock::now() - t0).count()));
            const bool last = i + 1 == config.iterations || (localOutOfTime && !dist);
            if ((config.validateEvery > 0 && (i + 1) % config.validateEvery == 0) || (last && !validation.empty())) {
                p.validationDice = validate();
                trainMode();  // validation leaves the whole network training
            }
            if (config.checkpointEvery > 0 && ((i + 1) % config.checkpointEvery == 0 || last)) checkpoint(i + 1);
            bool cancelled = progress && !progress(p);
            bool outOfTime = localOutOfTime;
            if (dist) {
                // A cancel or the time budget on any rank stops every rank after this iteration.
                const auto flags = dist->sum({cancelled ? 1.0 : 0.0, outOfTime ? 1.0 : 0.0});
                cancelled = flags[0] > 0;
                outOfTime = flags[1] > 0;
            }
            if ((cancelled || outOfTime) && !last && config.checkpointEvery > 0) checkpoint(i + 1);
            if (cancelled) {
                outcome.status = TrainOutcome::Status::Cancelled;
                outcome.message = "cancelled at iteration " + std::to_string(i + 1);
                ++i;
                break;
            }
            if (outOfTime) {
                outcome.message = "time budget of " + std::to_string(static_cast<int>(config.maxSeconds)) +
                                  " s reached at iteration " + std::to_string(i + 1);
                ++i;
                break;
            }
        }
    } catch (const DistributedError&) {
        throw;
    } catch (const std::exception& e) {
        // A collective that failed inside the backward pass arrives here re-wrapped.
        if (dist) dist->rethrowFailure();
        const bool oom = engine::isOutOfMemory(e);
        const std::string message = oom ? "out of memory at iteration " + std::to_string(i + 1) + " with batch " +
                                              std::to_string(config.batch) + "; try a smaller batch"
                                        : std::string(e.what());
        // Any rank's failure stops them all (the others would wait for it).
        if (dist) dist->abortAll("rank " + std::to_string(dist->rank()) + " failed: " + message);
        if (!oom) throw;
        outcome.status = TrainOutcome::Status::OutOfMemory;
        outcome.message = message;
    }
    if (dist) {
        outcome.communicationSeconds = dist->communicationSeconds();
        dist->finish();  // every rank leaves together; rank 0 then writes the model
    }
    model.info().checkpointIteration.reset();
    net->eval();
    net->to(torch::kCPU);
    setChannelsLast(*net, false);
    outcome.iterations = i;
    outcome.finalLoss = smoothed;
    outcome.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return outcome;
}

}  // namespace cardioseg::engine
