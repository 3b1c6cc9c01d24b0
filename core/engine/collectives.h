#pragma once

// Internal to the engine: tensor-level collectives over a Distributed group, the
// differentiable sum the losses and batch norm use, and the bucketed gradient all-reduce.
// Every failure of a collective goes through Distributed::fail (the lost rank is named).

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "engine/distributed.h"

namespace cardioseg::engine {

/// Sums `t` over the ranks in place and waits.
void allreduceSum(Distributed& group, torch::Tensor t);
/// Starts summing `t` over the ranks in place; the returned function waits for it.
std::function<void()> allreduceSumAsync(Distributed& group, torch::Tensor t);
/// Rank 0's values into every rank's `tensors` (same shapes everywhere), in place.
void broadcastFromRankZero(Distributed& group, const std::vector<torch::Tensor>& tensors);

/// The sum of `t` over the ranks, differentiable: its gradient is the sum of the ranks'
/// gradients (each rank's loss then counts once in the total the ranks minimise together).
/// `group` null: `t` itself.
torch::Tensor sumOverRanks(Distributed* group, const torch::Tensor& t);

/// This process's part of a data-parallel training step, for the layers whose result depends on
/// the whole batch: batch norm (statistics over every rank's images) and dropout (the mask of the
/// whole global batch, of which this rank takes its rows). Set by a DataParallelGuard while the
/// trainer runs; `group` null: one process.
struct DataParallelShard {
    Distributed* group = nullptr;
    std::int64_t offset = 0;       ///< of this rank's first image in the global batch
    std::int64_t globalBatch = 0;  ///< 0: this rank's batch is the whole batch
    /// Batch norm by syncBatchNorm's formula also in one process (group null): LibTorch's own
    /// kernel rounds differently, and the network amplifies that (a batch norm over a few pooled
    /// values), so a 1-process run matches an N-process run of the same global batch only when
    /// both use the same formula. About 5 % slower than LibTorch's kernel per step on a CPU.
    bool portableBatchNorm = false;
};
/// The shard in force on this thread, or null outside training.
const DataParallelShard* dataParallelShard();
class DataParallelGuard {
public:
    explicit DataParallelGuard(const DataParallelShard& shard);
    ~DataParallelGuard();
    DataParallelGuard(const DataParallelGuard&) = delete;
    DataParallelGuard& operator=(const DataParallelGuard&) = delete;

private:
    DataParallelShard m_shard;
    const DataParallelShard* m_previous;
};

/// Dropout whose mask is drawn for the whole global batch (one generator state gives the same
/// masks whichever process holds an image); `x` N×…
torch::Tensor shardDropout(const torch::Tensor& x, double p);

/// Training-mode batch norm with its statistics summed over the ranks of `group` (null: this
/// process's batch alone); updates the running statistics as torch::nn::BatchNorm2d does
/// (unbiased variance, momentum).
torch::Tensor syncBatchNorm(Distributed* group, const torch::Tensor& x, const torch::Tensor& weight,
                            const torch::Tensor& bias, torch::Tensor& runningMean,
                            torch::Tensor& runningVar, torch::Tensor& batchesTracked,
                            double momentum, double eps);

/// Sums the gradients of `params` over the ranks in buckets of about `bucketBytes`, each
/// started as soon as the backward pass has produced all of its gradients (it then travels
/// while the earlier layers' gradients are computed), in the same order on every rank.
/// bucketBytes 0: one all-reduce of everything after the backward pass.
class GradientReducer {
public:
    GradientReducer(Distributed& group, std::vector<torch::Tensor> params, std::size_t bucketBytes);
    ~GradientReducer();
    GradientReducer(const GradientReducer&) = delete;
    GradientReducer& operator=(const GradientReducer&) = delete;
    /// Before each backward pass.
    void prepare();
    /// After it: starts what has not started, waits for everything, and leaves the summed
    /// gradients in the parameters' grad().
    void finish();
    std::size_t buckets() const { return m_buckets.size(); }

private:
    struct Bucket {
        std::vector<std::size_t> params;  ///< indices into m_params
        torch::Tensor flat;
        std::size_t pending = 0;
        std::function<void()> wait;
    };
    void ready(std::size_t param, const torch::Tensor& grad);
    void startReadyBuckets(bool all);

    Distributed& m_group;
    std::vector<torch::Tensor> m_params;
    /// Per parameter: its bucket and where its gradient sits in the bucket's flat buffer.
    struct Place {
        std::size_t bucket = 0;
        std::int64_t offset = 0;
    };
    std::vector<Place> m_place;
    std::vector<Bucket> m_buckets;
    std::vector<unsigned> m_hooks;
    std::size_t m_nextToStart = 0;
    bool m_overlap = true;
};

}  // namespace cardioseg::engine
