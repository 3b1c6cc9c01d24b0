#include "engine/roofline.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "engine/accelerator.h"
#include "engine/deeplab.h"

namespace cardioseg::engine {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Rank of an ISA name (avx512* > avx2 > the rest), from the CPU's flags or a cap's value.
int isaRank(const std::string& name) {
    const std::string n = lower(name);
    if (n.find("avx512") != std::string::npos || n.find("amx") != std::string::npos) return 3;
    if (n.find("avx2") != std::string::npos) return 2;
    if (n.empty() || n == "default") return 3;  // no cap
    return 1;
}

std::string cpuinfoField(const std::string& field) {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(field, 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos) {
                auto v = line.substr(colon + 1);
                v.erase(0, v.find_first_not_of(" \t"));
                return v;
            }
        }
    return {};
}

}  // namespace

double forwardFlops(const ModelConfig& config, int height, int width) {
    DeepLabV3 net(config);
    // Walks the modules in the order they run (registration order), following the spatial size.
    long h = height, w = width;
    long blockH = h, blockW = w;  // a residual block's input: its downsample branch reads it
    bool pooled = false;          // the ASPP's image-level branch: its conv runs on 1 × 1
    double flops = 0;
    for (const auto& item : net->named_modules()) {
        const auto& m = item.value();
        if (std::dynamic_pointer_cast<ResidualBlockImpl>(m)) {
            blockH = h;
            blockW = w;
        } else if (auto pool = std::dynamic_pointer_cast<torch::nn::MaxPool2dImpl>(m)) {
            const auto& o = pool->options;
            h = (h + 2 * (*o.padding())[0] - (*o.dilation())[0] * ((*o.kernel_size())[0] - 1) - 1) /
                    (*o.stride())[0] +
                1;
            w = (w + 2 * (*o.padding())[1] - (*o.dilation())[1] * ((*o.kernel_size())[1] - 1) - 1) /
                    (*o.stride())[1] +
                1;
        } else if (std::dynamic_pointer_cast<torch::nn::AdaptiveAvgPool2dImpl>(m)) {
            pooled = true;
        } else if (auto conv = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(m)) {
            const auto& o = conv->options;
            const bool downsample = item.key().find("downsample") != std::string::npos;
            long inH = downsample ? blockH
                       : pooled   ? 1
                                  : h,
                 inW = downsample ? blockW
                       : pooled   ? 1
                                  : w;
            // Every convolution of these networks pads by dilation × (kernel / 2): its output is
            // the input divided by the stride, rounded up.
            const long outH = (inH + o.stride()->at(0) - 1) / o.stride()->at(0);
            const long outW = (inW + o.stride()->at(1) - 1) / o.stride()->at(1);
            flops += 2.0 * static_cast<double>(o.in_channels() / o.groups()) *
                     o.kernel_size()->at(0) * o.kernel_size()->at(1) * o.out_channels() *
                     static_cast<double>(outH) * static_cast<double>(outW);
            if (pooled)
                pooled = false;  // the map it spreads over keeps its size
            else if (!downsample) {
                h = outH;
                w = outW;
            }
        }
    }
    return flops;
}

std::string effectiveCpuIsa() {
    const std::string flags = " " + cpuinfoField("flags") + " ";
    int rank = flags.find(" avx512f ") != std::string::npos ? 3
               : flags.find(" avx2 ") != std::string::npos  ? 2
                                                            : 1;
    for (const char* cap : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY"})
        if (const char* v = std::getenv(cap)) rank = std::min(rank, isaRank(v));
    return rank == 3 ? "avx512" : rank == 2 ? "avx2" : "sse";
}

namespace {

/// Whether an oneDNN ISA cap in the environment (as when emulating another CPU) leaves an
/// instruction family usable: no cap, "all", or a cap naming one of `families`.
bool onednnCapAllows(std::initializer_list<const char*> families) {
    for (const char* cap : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"})
        if (const char* v = std::getenv(cap)) {
            const std::string isa = lower(v);
            if (isa == "all") continue;
            if (std::none_of(families.begin(), families.end(),
                             [&](const char* f) { return isa.find(f) != std::string::npos; }))
                return false;
        }
    return true;
}

/// Whether /proc/cpuinfo lists any of `names` among the CPU's flags.
bool cpuHasAnyFlag(std::initializer_list<const char*> names) {
    const std::string flags = " " + cpuinfoField("flags") + " ";
    return std::any_of(names.begin(), names.end(),
                       [&](const char* n) { return flags.find(" " + std::string(n) + " ") != std::string::npos; });
}

}  // namespace

bool cpuHasNativeBf16() {
    static const bool has = [] {
        // An ISA cap below bf16 leaves it emulated.
        if (!onednnCapAllows({"bf16", "amx"})) return false;
        if (const char* v = std::getenv("ATEN_CPU_CAPABILITY"))
            if (std::string(v).find("avx512") == std::string::npos) return false;
        return cpuHasAnyFlag({"avx512_bf16", "amx_bf16"});
    }();
    return has;
}

bool cpuHasInt8Dot() {
    static const bool has = onednnCapAllows({"vnni", "bf16", "amx"}) &&
                            cpuHasAnyFlag({"avx512_vnni", "avx_vnni", "amx_int8"});
    return has;
}

CpuPeak cpuPeak(int threads) {
    CpuPeak p;
    p.model = cpuinfoField("model name");
    p.isa = effectiveCpuIsa();
    p.lanes = p.isa == "avx512" ? 16 : p.isa == "avx2" ? 8 : 4;
    p.cores = std::max(1, threads);
    if (const char* v = std::getenv("CARDIOSEG_CPU_GHZ")) p.ghz = std::atof(v);
    if (p.ghz <= 0) {
        std::ifstream f("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
        double khz = 0;
        if (f >> khz && khz > 0) p.ghz = khz / 1e6;
    }
    if (p.ghz <= 0) p.ghz = std::atof(cpuinfoField("cpu MHz").c_str()) / 1000.0;
    return p;
}

}  // namespace cardioseg::engine
