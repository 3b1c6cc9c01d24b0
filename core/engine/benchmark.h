#pragma once

#include <string>
#include <vector>

#include "engine/device.h"
#include "engine/model_config.h"

namespace cardioseg::engine {

struct BenchResult {
    std::vector<double> ms;  ///< one timing per measured run (after warm-up)
    std::string device;
};

/// The engine's optimisations, each of which a benchmark can leave out to show what it brings.
struct BenchOptions {
    bool foldBatchNorm = true;  ///< inference: batch norm folded into the convolutions
    bool inferenceMode =
        true;  ///< inference: c10::InferenceMode (else NoGradGuard, as torch.no_grad)
    bool channelsLast = true;    ///< NHWC activations and weights (CPU: oneDNN; CUDA: tensor cores)
    bool mixedPrecision = true;  ///< inference: bf16 autocast on CUDA and on CPUs with native bf16;
                                 ///< training: CUDA only
};

/// Forward passes of a freshly built network on random input (batch × channels × size²), in
/// inference mode with batch norm folded, as the segmenter runs it.
BenchResult benchInference(const ModelConfig& config, int size, int batch, DeviceChoice device,
                           int runs, const BenchOptions& options = {}, int warmup = 2);

/// Optimiser steps (SGD, momentum 0.9, weight decay 5e-4, cross-entropy) on random data.
BenchResult benchTrainStep(const ModelConfig& config, int size, int batch, DeviceChoice device,
                           int runs, const BenchOptions& options = {}, int warmup = 2);

/// Parses a comma-separated list of optimisations to leave out ("fold-bn", "inference-mode",
/// "channels-last", "mixed-precision"); throws std::invalid_argument naming an unknown one.
BenchOptions benchOptionsWithout(const std::string& list);

}  // namespace cardioseg::engine
