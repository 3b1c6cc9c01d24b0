#pragma once

// Internal to the engine: what the CUDA paths of training, inference and benchmarks share.
// Everything here also builds against a CPU-only LibTorch (1.13 or 2.x) and is a no-op there.

#include <torch/torch.h>
#include <torch/version.h>

#include <ATen/autocast_mode.h>

#include "engine/deeplab.h"

namespace cardioseg::engine {

/// bf16 autocast on `device` for the guard's lifetime (when `on`): convolutions and matrix
/// products in bf16, reductions and losses in fp32. bf16 keeps fp32's range, so no loss
/// scaling. On CUDA it uses tensor cores; on a CPU with AVX-512 BF16 oneDNN's bf16 kernels.
struct AutocastGuard {
    AutocastGuard(bool on, const torch::Device& device) : enabled(on), cuda(device.is_cuda()) {
        if (enabled) set(true);
    }
    ~AutocastGuard() {
        if (!enabled) return;
        at::autocast::clear_cache();
        set(false);
    }
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    void set(bool on) const {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        const auto type = cuda ? at::kCUDA : at::kCPU;
        if (on) at::autocast::set_autocast_dtype(type, at::kBFloat16);
        at::autocast::set_autocast_enabled(type, on);
#else
        if (cuda) {
            if (on) at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
            at::autocast::set_enabled(on);
        } else {
            if (on) at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
            at::autocast::set_cpu_enabled(on);
        }
#endif
    }
    bool enabled;
    bool cuda;
};

/// Whether this CPU computes bf16 dot products natively (AVX-512 BF16 or AMX): there bf16
/// autocast roughly halves inference time; elsewhere it would be emulated and slower.
bool cpuHasNativeBf16();

/// Whether this CPU has int8 dot-product instructions (AVX-512 VNNI, AVX-VNNI or AMX) that an
/// ISA cap leaves usable: int8 runs at another speed there (the calibration's key says so).
bool cpuHasInt8Dot();

/// Whether `device` computes bf16 natively, so that bf16 autocast pays for inference: CUDA, or
/// a CPU with native bf16.
inline bool nativeBf16(const torch::Device& device) { return device.is_cuda() || cpuHasNativeBf16(); }

/// Whether training runs channels-last on `device`: on CUDA, where cuDNN's tensor cores prefer
/// it. Not on the CPU: there it made steps ~15 % faster, but LibTorch 1.13's CPU kernels corrupt
/// the heap when training on some shapes in that layout (192-pixel crops of a narrow ResNet-18
/// at batch 4 abort with "corrupted size vs. prev_size"; tests/engine/test_finetune keeps that
/// case).
inline bool trainChannelsLast(const torch::Device& device) { return device.is_cuda(); }

/// Module::to() takes no memory format in C++: converts the 4-D weights one by one.
/// Channels-last (NHWC) lets cuDNN use tensor cores without transposing every activation.
inline void setChannelsLast(torch::nn::Module& net, bool on) {
    torch::NoGradGuard ng;
    for (auto& p : net.parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(on ? torch::MemoryFormat::ChannelsLast
                                       : torch::MemoryFormat::Contiguous));
}

/// A host tensor on `device`: on CUDA through pinned memory and an asynchronous copy (the
/// host buffer stays alive until the copy is done: the caching allocator records the stream),
/// in channels-last when `channelsLast` and the tensor is 4-D.
inline torch::Tensor toDevice(const torch::Tensor& host, const torch::Device& device,
                              bool channelsLast = false) {
    if (!device.is_cuda())
        return channelsLast && host.dim() == 4 ? host.contiguous(torch::MemoryFormat::ChannelsLast)
                                               : host;
    auto t = host.pin_memory().to(device, /*non_blocking=*/true);
    if (channelsLast && t.dim() == 4) t = t.contiguous(torch::MemoryFormat::ChannelsLast);
    return t;
}

}  // namespace cardioseg::engine
