#pragma once

// int8 inference for DeepLab v3 on the CPU: static quantisation as PyTorch's (per-channel
// symmetric int8 weights, per-tensor affine uint8 activations whose scales are fixed from ranges
// observed on calibration images), run through LibTorch's quantised operators (oneDNN's
// quantised engine) with the same wiring as the folded fp32 network. The image-level pooling
// branch and the final 1 × 1 classifier stay in fp32 (a few hundred multiply-adds a pixel; the
// logits keep fp32's resolution). Internal to the engine.

#include <memory>
#include <string>
#include <vector>

#include "engine/fold.h"
#include "engine/model_info.h"

namespace cardioseg::engine {

/// Whether this LibTorch runs quantised convolutions on this machine (its oneDNN engine).
bool int8Supported();

/// Gathers the range of every activation the int8 network quantises, in its running order,
/// from the folded fp32 network run on `inputs` (each N × C × H × W, normalised as for
/// segmentation); adds to `ranges` when it already holds a network's worth.
void observeActivations(const FoldedDeepLab& folded, const torch::Tensor& input, std::vector<ActivationRange>& ranges);

/// How many activations the int8 copy of `folded` quantises.
std::size_t quantisedActivationCount(const FoldedDeepLab& folded);

/// The int8 copy of a folded network. Weights are quantised and packed once; forward() may run
/// on several threads at once.
class Int8DeepLab {
public:
    /// Throws std::invalid_argument when `ranges` does not match the network, std::runtime_error
    /// when this LibTorch has no quantised engine. Activations keep to [0, 127] on every CPU:
    /// without int8 dot-product instructions the engines multiply unsigned 8-bit activations by
    /// signed weights in 16-bit sums that saturate, and with them (AVX-512 VNNI, LibTorch 1.13)
    /// full 8-bit activations still cost 0.011 blood-pool Dice on region crops of the sample
    /// where 7 bits matched fp32 within 0.0002.
    Int8DeepLab(const FoldedDeepLab& folded, const std::vector<ActivationRange>& ranges);
    ~Int8DeepLab();
    /// fp32 logits N × classes × H × W for an fp32 N × C × H × W input.
    torch::Tensor forward(const torch::Tensor& input) const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cardioseg::engine
