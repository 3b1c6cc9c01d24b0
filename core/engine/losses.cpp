#include "engine/losses.h"

#include <torch/torch.h>

#include <algorithm>
#include <new>
#include <string>

#include "image/image2d.h"

namespace cardioseg::engine::losses {

torch::Tensor softDice(const torch::Tensor& logits, const torch::Tensor& target) {
    const auto classes = logits.size(1);
    // Per class, the pixels whose membership is known: all labelled pixels for the blood pool
    // (NotBloodPool pixels are known negatives), labelled pixels other than NotBloodPool for the rest.
    const auto known = (target != image::label::Ignore);
    const auto strict = known & (target != image::label::NotBloodPool);
    auto valid = strict.unsqueeze(1).repeat({1, classes, 1, 1});
    valid.select(1, image::label::BloodPool).copy_(known);
    const auto validF = valid.to(logits.dtype());
    const auto safeTarget = target.masked_fill(~strict, 0);
    const auto onehot = torch::one_hot(safeTarget, classes).permute({0, 3, 1, 2}).to(logits.dtype()) * validF;
    const auto probs = torch::softmax(logits, 1) * validF;
    const std::vector<int64_t> dims{0, 2, 3};
    const auto inter = (probs * onehot).sum(dims);
    const auto denom = probs.sum(dims) + onehot.sum(dims);
    const auto dice = (2 * inter + 1.0) / (denom + 1.0);
    return 1.0 - dice.slice(0, 1).mean();  // background excluded
}

torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& target, const torch::Tensor& weights,
                               double notBloodPoolWeight) {
    namespace F = torch::nn::functional;
    const auto notBp = target == image::label::NotBloodPool;
    const auto ceTarget = target.masked_fill(notBp, image::label::Ignore);
    const auto ce = F::cross_entropy(
        logits, ceTarget, F::CrossEntropyFuncOptions().weight(weights).ignore_index(image::label::Ignore).reduction(torch::kNone));
    const auto valid = ceTarget != image::label::Ignore;
    const auto pixelWeights = weights.index({ceTarget.masked_fill(~valid, 0)}) * valid.to(weights.dtype());
    auto sum = ce.sum();
    auto norm = pixelWeights.sum();
    if (notBp.any().item<bool>()) {
        std::vector<int64_t> others;
        for (int64_t c = 0; c < logits.size(1); ++c)
            if (c != image::label::BloodPool) others.push_back(c);
        const auto logp = torch::log_softmax(logits, 1);
        const auto notBpLoss = -torch::logsumexp(logp.index_select(1, torch::tensor(others, torch::kLong).to(logits.device())), 1);
        // Weighted as the myocardium: these pixels sit mostly in the myocardial ring around the
        // blood pool, where the end-systolic boundary is decided (the background's small weight
        // let the blood pool spill into the ring).
        const auto classWeight = weights.size(0) > image::label::Myocardium ? weights[image::label::Myocardium]
                                                                            : weights[image::label::Background];
        const auto w = classWeight * notBloodPoolWeight * notBp.to(weights.dtype());
        sum = sum + (notBpLoss * w).sum();
        norm = norm + w.sum();
    }
    return sum / norm.clamp_min(1e-6);
}

std::vector<float> frequencyWeights(const torch::Tensor& targets, int classes) {
    std::vector<double> freq(classes, 0.0);
    double total = 0;
    for (int c = 0; c < classes; ++c) {
        freq[c] = (targets == c).sum().item<double>();
        total += freq[c];
    }
    std::vector<double> present;
    for (double f : freq)
        if (f > 0) present.push_back(f / total);
    std::sort(present.begin(), present.end());
    const double median = present.empty() ? 1.0 : present[present.size() / 2];
    std::vector<float> w(classes, 1.0f);
    for (int c = 0; c < classes; ++c)
        w[c] = freq[c] > 0 ? static_cast<float>(std::clamp(median / (freq[c] / total), 0.1, 10.0)) : 1.0f;
    return w;
}

}  // namespace cardioseg::engine::losses

namespace cardioseg::engine {

bool isOutOfMemory(const std::exception& e) {
    if (dynamic_cast<const c10::OutOfMemoryError*>(&e) || dynamic_cast<const std::bad_alloc*>(&e)) return true;
    // LibTorch 1.13's CPU allocator has no exception type of its own.
    const auto* error = dynamic_cast<const c10::Error*>(&e);
    return error && error->msg().find("DefaultCPUAllocator") != std::string::npos;
}

}  // namespace cardioseg::engine
