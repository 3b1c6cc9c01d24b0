#include "engine/losses.h"

#include <torch/torch.h>

#include <algorithm>
#include <new>
#include <string>

#include "image/image2d.h"

namespace cardioseg::engine::losses {

namespace {

/// Σ p·t and Σ p + Σ t per class over the pixels whose membership of the class is known.
std::pair<torch::Tensor, torch::Tensor> diceSums(const torch::Tensor& logits, const torch::Tensor& target) {
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
    return {(probs * onehot).sum(dims), probs.sum(dims) + onehot.sum(dims)};
}

torch::Tensor diceFromSums(const torch::Tensor& inter, const torch::Tensor& denom) {
    const auto dice = (2 * inter + 1.0) / (denom + 1.0);
    return 1.0 - dice.slice(0, 1).mean();  // background excluded
}

/// Σ weighted cross-entropy and Σ weights over the labelled pixels.
std::pair<torch::Tensor, torch::Tensor> crossEntropySums(const torch::Tensor& logits, const torch::Tensor& target,
                                                         const torch::Tensor& weights, double notBloodPoolWeight) {
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
    return {sum, norm};
}

}  // namespace

torch::Tensor softDice(const torch::Tensor& logits, const torch::Tensor& target) {
    const auto [inter, denom] = diceSums(logits, target);
    return diceFromSums(inter, denom);
}

torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& target, const torch::Tensor& weights,
                           double notBloodPoolWeight) {
    const auto [sum, norm] = crossEntropySums(logits, target, weights, notBloodPoolWeight);
    return sum / norm.clamp_min(1e-6);
}

torch::Tensor statistics(const torch::Tensor& logits, const torch::Tensor& target, const torch::Tensor& weights,
                         double notBloodPoolWeight) {
    const auto [sum, norm] = crossEntropySums(logits, target, weights, notBloodPoolWeight);
    const auto [inter, denom] = diceSums(logits, target);
    return torch::cat({sum.reshape({1}).to(torch::kFloat), norm.reshape({1}).to(torch::kFloat), inter.to(torch::kFloat),
                       denom.to(torch::kFloat)});
}

torch::Tensor fromStatistics(const torch::Tensor& s, std::int64_t classes, double ceWeight, double diceWeight) {
    auto loss = torch::zeros({}, s.options());
    if (ceWeight > 0) loss = loss + ceWeight * (s[0] / s[1].clamp_min(1e-6));
    if (diceWeight > 0) loss = loss + diceWeight * diceFromSums(s.narrow(0, 2, classes), s.narrow(0, 2 + classes, classes));
    return loss;
}

std::vector<double> classCounts(const torch::Tensor& targets, int classes) {
    std::vector<double> counts(classes, 0.0);
    for (int c = 0; c < classes; ++c) counts[c] = (targets == c).sum().item<double>();
    return counts;
}

std::vector<float> frequencyWeights(const torch::Tensor& targets, int classes) {
    return frequencyWeights(classCounts(targets, classes));
}

std::vector<float> frequencyWeights(const std::vector<double>& freq) {
    const int classes = static_cast<int>(freq.size());
    double total = 0;
    for (double f : freq) total += f;
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
