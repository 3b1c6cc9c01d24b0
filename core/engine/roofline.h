#pragma once

#include <string>

#include "engine/model_config.h"

namespace cardioseg::engine {

/// Floating-point operations of one forward pass of the network on a height × width image:
/// its convolutions, 2 per multiply-add (the usual count; batch norm, activations, pooling and
/// upsampling are left out, under 1 % here).
double forwardFlops(const ModelConfig& config, int height, int width);

/// The CPU's fp32 peak as LibTorch may use it: cores × FMA pipes × lanes × 2 × clock.
struct CpuPeak {
    std::string model;  ///< /proc/cpuinfo's model name
    /// Widest vector ISA LibTorch may use: the CPU's, capped by ONEDNN_MAX_CPU_ISA /
    /// DNNL_MAX_CPU_ISA and ATEN_CPU_CAPABILITY when set ("avx512", "avx2" or "sse").
    std::string isa;
    int lanes = 4;  ///< fp32 lanes of one FMA instruction
    int fmaPipes =
        2;  ///< FMA pipes per core: 2 on current x86 cores (not measurable from software)
    double ghz =
        0.0;        ///< CARDIOSEG_CPU_GHZ, else the kernel's maximum frequency, else cpuinfo's MHz
    int cores = 1;  ///< threads in use, one per core
    double gflops() const { return cores * fmaPipes * lanes * 2.0 * ghz; }
};
CpuPeak cpuPeak(int threads);

/// The widest vector ISA of this CPU, capped by the environment as above.
std::string effectiveCpuIsa();

}  // namespace cardioseg::engine
