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

/// Forward passes of a freshly built network on random input (batch × channels × size²), in
/// inference mode with batch norm folded, as the segmenter runs it.
BenchResult benchInference(const ModelConfig& config, int size, int batch, DeviceChoice device, int runs, int warmup = 2);

/// Optimiser steps (SGD, momentum 0.9, cross-entropy) on random data.
BenchResult benchTrainStep(const ModelConfig& config, int size, int batch, DeviceChoice device, int runs, int warmup = 2);

}  // namespace cardioseg::engine
