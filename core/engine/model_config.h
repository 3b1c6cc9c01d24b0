#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cardioseg::engine {

/// What network to build. Parsed from names such as "resnet50" or "resnet18-w16".
struct ModelConfig {
    /// "resnet18", "resnet34" (basic blocks), "resnet50", "resnet101" (bottlenecks); a suffix
    /// "-wN" sets the width of the first stage to N channels (64 in the standard networks),
    /// and the later stages scale with it.
    std::string backbone = "resnet18-w16";
    int outputStride = 8;      ///< 8 or 16: the last stages use atrous convolution instead
    int inChannels = 1;        ///< 1 for MRI; 3 for the torchvision layout
    int numClasses = 3;
    int asppChannels = 64;     ///< channels of the ASPP branches and of the head
    bool multiGrid = true;     ///< rates (1, 2, 4) × the last stage's rate (Chen et al. 2017)
    bool torchvisionLayout = false;  ///< exactly torchvision's deeplabv3_resnet50/101
    std::vector<std::string> classes{"background", "lv_blood_pool", "lv_myocardium"};
};

/// The architecture names `--arch` and `--backbone` accept: "deeplabv3-<backbone>" or
/// "torchvision-resnet50"/"torchvision-resnet101". Throws std::invalid_argument.
ModelConfig configFromArch(const std::string& arch);

/// "deeplabv3-<backbone>-os<N>" or "torchvision-resnet50".
std::string archName(const ModelConfig& config);

/// Base width and depth of a backbone name; throws std::invalid_argument.
struct BackboneSpec {
    int depth = 18;
    int width = 64;
    bool bottleneck = false;
    std::vector<int> blocks;
};
BackboneSpec parseBackbone(const std::string& name);

}  // namespace cardioseg::engine
