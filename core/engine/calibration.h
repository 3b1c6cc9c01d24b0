#pragma once

#include <string>
#include <vector>

#include "engine/model_config.h"

namespace cardioseg::engine {

/// How the segmenter runs a network on this CPU.
struct EngineChoice {
    bool channelsLast = true;  ///< NHWC weights and activations (else NCHW)
    bool bf16 = false;  ///< bf16 autocast (offered only where the CPU computes bf16 natively)
    /// int8 (engine/int8.h): offered where LibTorch has a quantised engine; used for models that
    /// carry activation ranges (engine::recordInt8Ranges), else the fastest float choice.
    bool int8 = false;
    /// Images at once, one core each; 1: one image at a time on every thread.
    int parallelImages = 1;
    std::string name() const;  ///< e.g. "channels-last, fp32, 2 images at once", "int8, ..."
};

/// What the calibration measured on this machine for one architecture and thread count.
struct Calibration {
    std::string key;  ///< CPU, ISA in effect, LibTorch version, BLAS, architecture, threads, size
    int threads = 1;
    int size = 128;  ///< square input the timings are for (the region around the ventricle)
    struct Run {
        EngineChoice choice;
        double msPerImage = 0.0;
    };
    std::vector<Run> runs;  ///< every configuration tried; the first is the plain one
    EngineChoice best;      ///< the fastest
    double bestMs = 0.0;
    EngineChoice bestFloat;  ///< the fastest in fp32 or bf16 (for models without int8 ranges)
    double bestFloatMs = 0.0;
    EngineChoice bestFp32;   ///< the fastest in fp32 (when bf16 is not wanted)
    double plainMs = 0.0;  ///< NCHW, fp32, one image at a time: LibTorch's default
    bool fromCache = false;
    std::string cacheFile;
};

/// The CPU configuration without calibration: channels-last, bf16 where the CPU computes it
/// natively, one image per core.
EngineChoice fixedEngineChoice(int threads);

/// The calibration's key for this machine (CPU model and ISA in effect — ONEDNN_MAX_CPU_ISA,
/// DNNL_MAX_CPU_ISA and ATEN_CPU_CAPABILITY count —, LibTorch version, the BLAS library in
/// use, architecture, threads, whether int8 is offered).
std::string calibrationKey(const ModelConfig& config, int threads, int size);

/// Times every configuration (memory format × one image on all threads or one image per core
/// × bf16 where native, and int8 where LibTorch has a quantised engine) on random input; a few
/// seconds for the shipped network.
Calibration calibrate(const ModelConfig& config, int threads, int size = 128);

/// The calibration of this machine: from the cache (CARDIOSEG_CACHE_DIR, else
/// $XDG_CACHE_HOME/CardioSeg, else ~/.cache/CardioSeg: engine-calibration.tsv) when its key
/// matches, else measured now and stored there. `remeasure` ignores the cache.
/// CARDIOSEG_CALIBRATION=off gives the engine's fixed defaults without measuring.
Calibration engineCalibration(const ModelConfig& config, int threads, int size = 128,
                              bool remeasure = false);

}  // namespace cardioseg::engine
