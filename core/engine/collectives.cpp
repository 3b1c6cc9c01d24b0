#include "engine/collectives.h"

namespace cardioseg::engine {

namespace {

/// Forward: the sum over the ranks. Backward: the sum of the ranks' gradients of it, which is
/// the gradient of the total of every rank's loss with respect to this rank's input.
struct SumOverRanksFunction : torch::autograd::Function<SumOverRanksFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 Distributed* group) {
        ctx->saved_data["group"] =
            static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(group));
        auto y = x.detach().contiguous().clone();
        allreduceSum(*group, y);
        return y;
    }
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list grads) {
        auto* group = reinterpret_cast<Distributed*>(
            static_cast<std::intptr_t>(ctx->saved_data["group"].toInt()));
        auto g = grads.front().contiguous().clone();
        allreduceSum(*group, g);
        return {g, torch::Tensor()};
    }
};

// Per thread: the trainer's forward passes run on its own thread (a fine-tuning in the
// workstation never sees a command-line training's shard, nor the other way round).
thread_local const DataParallelShard* t_shard = nullptr;

}  // namespace

torch::Tensor sumOverRanks(Distributed* group, const torch::Tensor& t) {
    if (!group || group->worldSize() == 1) return t;
    return SumOverRanksFunction::apply(t, group);
}

const DataParallelShard* dataParallelShard() {
    return t_shard;
}

DataParallelGuard::DataParallelGuard(const DataParallelShard& shard)
    : m_shard(shard), m_previous(t_shard) {
    t_shard = &m_shard;
}
DataParallelGuard::~DataParallelGuard() {
    t_shard = m_previous;
}

torch::Tensor shardDropout(const torch::Tensor& x, double p) {
    if (p <= 0.0) return x;
    const auto* shard = dataParallelShard();
    const std::int64_t n = x.size(0);
    const std::int64_t global = shard && shard->globalBatch > 0 ? shard->globalBatch : n;
    const std::int64_t offset = shard && shard->globalBatch > 0 ? shard->offset : 0;
    auto sizes = x.sizes().vec();
    sizes[0] = global;
    const auto mask = torch::empty(sizes, x.options().requires_grad(false))
                          .bernoulli_(1.0 - p)
                          .narrow(0, offset, n);
    return x * mask / (1.0 - p);
}

torch::Tensor syncBatchNorm(Distributed* group, const torch::Tensor& x, const torch::Tensor& weight,
                            const torch::Tensor& bias, torch::Tensor& runningMean,
                            torch::Tensor& runningVar, torch::Tensor& batchesTracked,
                            double momentum, double eps) {
    const std::int64_t c = x.size(1);
    const std::vector<std::int64_t> dims{0, 2, 3};
    // Each rank's own mean and variance (LibTorch's kernels, accurate in float), combined over
    // the ranks in double: n·mean and n·(variance + mean²) add up, and the global variance is
    // then E[x²] − E[x]² without float's cancellation.
    const double local = static_cast<double>(x.numel() / c);
    const auto [localVar, localMean] = torch::var_mean(x, dims, /*unbiased=*/false);
    const auto m = localMean.to(torch::kDouble);
    const auto count = torch::full({1}, local, m.options());
    const auto stats = sumOverRanks(
        group, torch::cat({m * local, (localVar.to(torch::kDouble) + m * m) * local, count}));
    const auto n = stats.narrow(0, 2 * c, 1);
    const auto mean = stats.narrow(0, 0, c) / n;
    const auto var = (stats.narrow(0, c, c) / n - mean * mean).clamp_min(0.0);
    const auto invstd = torch::rsqrt(var + eps);
    const auto scale = (invstd * weight.to(torch::kDouble)).to(x.scalar_type());
    const auto shift =
        (bias.to(torch::kDouble) - mean * invstd * weight.to(torch::kDouble)).to(x.scalar_type());
    {
        torch::NoGradGuard ng;
        const double total = n.item<double>();
        runningMean.mul_(1.0 - momentum).add_(mean.detach().to(runningMean.dtype()), momentum);
        runningVar.mul_(1.0 - momentum)
            .add_((var.detach() * (total / std::max(1.0, total - 1.0))).to(runningVar.dtype()),
                  momentum);
        batchesTracked.add_(1);
    }
    return x * scale.view({1, c, 1, 1}) + shift.view({1, c, 1, 1});
}

// ---------------------------------------------------------------------------------------------

GradientReducer::GradientReducer(Distributed& group, std::vector<torch::Tensor> params,
                                 std::size_t bucketBytes)
    : m_group(group),
      m_params(std::move(params)),
      m_place(m_params.size()),
      m_overlap(bucketBytes > 0) {
    // The backward pass produces the last layers' gradients first: buckets from the end.
    std::size_t bytes = 0;
    std::int64_t used = 0;  // elements in the current bucket
    auto allocate = [&] {
        m_buckets.back().flat = torch::zeros(
            {used}, m_params.front().options().dtype(torch::kFloat).requires_grad(false));
    };
    for (std::size_t k = m_params.size(); k-- > 0;) {
        const auto& p = m_params[k];
        const std::size_t size = static_cast<std::size_t>(p.numel()) * p.element_size();
        if (m_buckets.empty() || (m_overlap && bytes > 0 && bytes + size > bucketBytes)) {
            if (!m_buckets.empty()) allocate();
            m_buckets.emplace_back();
            bytes = 0;
            used = 0;
        }
        m_buckets.back().params.push_back(k);
        m_place[k] = {m_buckets.size() - 1, used};
        used += p.numel();
        bytes += size;
    }
    if (!m_buckets.empty()) allocate();
    for (std::size_t k = 0; k < m_params.size(); ++k)
        m_hooks.push_back(
            m_params[k].register_hook([this, k](const torch::Tensor& grad) { ready(k, grad); }));
}

GradientReducer::~GradientReducer() {
    for (std::size_t k = 0; k < m_params.size(); ++k) m_params[k].remove_hook(m_hooks[k]);
}

void GradientReducer::prepare() {
    for (auto& b : m_buckets) {
        b.pending = b.params.size();
        b.wait = nullptr;
        b.flat.zero_();
    }
    m_nextToStart = 0;
}

void GradientReducer::ready(std::size_t param, const torch::Tensor& grad) {
    const Place& place = m_place[param];
    Bucket& b = m_buckets[place.bucket];
    torch::NoGradGuard ng;
    b.flat.narrow(0, place.offset, grad.numel()).copy_(grad.reshape({-1}));
    --b.pending;
    if (m_overlap) startReadyBuckets(false);
}

void GradientReducer::startReadyBuckets(bool all) {
    // Strictly in bucket order, so that every rank issues the same all-reduces in the same order.
    while (m_nextToStart < m_buckets.size()) {
        Bucket& b = m_buckets[m_nextToStart];
        if (!all && b.pending > 0) return;
        b.wait = allreduceSumAsync(m_group, b.flat);
        ++m_nextToStart;
    }
}

void GradientReducer::finish() {
    startReadyBuckets(true);
    torch::NoGradGuard ng;
    for (auto& b : m_buckets) {
        b.wait();
        for (const std::size_t k : b.params) {
            auto& p = m_params[k];
            const auto summed = b.flat.narrow(0, m_place[k].offset, p.numel()).view(p.sizes());
            if (p.grad().defined())
                p.mutable_grad().copy_(summed);
            else
                p.mutable_grad() = summed.clone();
        }
    }
}

}  // namespace cardioseg::engine
