#pragma once

// The training losses, on their own and tested against hand-computed values
// (tests/engine/test_losses). Labels: image::label — 0 background, 1 blood pool, 2 myocardium,
// NotBloodPool (background or myocardium), Ignore.

#include <cstdint>
#include <exception>
#include <vector>

#include <torch/types.h>

namespace cardioseg::engine::losses {

/// Soft Dice loss over the foreground classes: 1 − the mean over classes 1… of
/// (2·Σ p·t + 1) / (Σ p + Σ t + 1), sums over batch and pixels. A pixel counts for a class when
/// its membership is known: every labelled pixel for the blood pool (a NotBloodPool pixel is a
/// known negative there), labelled pixels other than NotBloodPool for the others; Ignore pixels
/// never. `logits` N×C×H×W, `target` N×H×W (long).
torch::Tensor softDice(const torch::Tensor& logits, const torch::Tensor& target);

/// Class-weighted cross-entropy over labelled pixels, normalised by the weights of the pixels
/// counted (PyTorch's weighted mean). A NotBloodPool pixel contributes −log(1 − p(blood pool))
/// with the myocardium's weight × `notBloodPoolWeight`.
torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& target, const torch::Tensor& weights,
                           double notBloodPoolWeight);

/// The training loss as sums over pixels, so that a batch split between processes gives the
/// loss of the whole batch once each part's sums are added (engine/collectives.h): a 1-D tensor
/// [Σ weighted cross-entropy, Σ its weights, Σ p·t per class, Σ p + Σ t per class], the terms of
/// crossEntropy and softDice above. Differentiable.
torch::Tensor statistics(const torch::Tensor& logits, const torch::Tensor& target, const torch::Tensor& weights,
                         double notBloodPoolWeight);
/// ceWeight · crossEntropy + diceWeight · softDice from (summed) statistics of `classes` classes.
torch::Tensor fromStatistics(const torch::Tensor& statistics, std::int64_t classes, double ceWeight, double diceWeight);

/// Label counts per class 0…classes−1 (others not counted).
std::vector<double> classCounts(const torch::Tensor& targets, int classes);
/// Median-frequency class weights from counts: see frequencyWeights.
std::vector<float> frequencyWeights(const std::vector<double>& counts);
/// Median-frequency class weights from label counts (labels 0…classes−1; others not counted):
/// median share of the classes present / the class's share, clamped to [0.1, 10]; 1 for a class
/// absent from the labels.
std::vector<float> frequencyWeights(const torch::Tensor& targets, int classes);

}  // namespace cardioseg::engine::losses

namespace cardioseg::engine {

/// Whether an exception means that memory ran out: c10::OutOfMemoryError (CUDA) and
/// std::bad_alloc by type; LibTorch 1.13's CPU allocator throws a plain c10::Error, known by the
/// allocator's message.
bool isOutOfMemory(const std::exception& e);

}  // namespace cardioseg::engine
