#pragma once

// DeepLab v3 (Chen et al. 2017, "Rethinking Atrous Convolution for Semantic Image
// Segmentation") in LibTorch: a ResNet backbone whose last stages trade stride for atrous
// rate (output stride 8 or 16, multi-grid in the last stage), ASPP with image-level pooling,
// batch norm, a 1×1 classifier and bilinear upsampling to the input size. Parameter names follow
// torchvision's deeplabv3_resnet50/101 ("backbone.layer4.0.conv2.weight",
// "classifier.0.convs.4.1.weight", ...) so that weights can be exchanged with it.

#include <torch/torch.h>

#include "engine/model_config.h"

namespace cardioseg::engine {

/// A conv followed by its batch norm, foldable into one conv with bias for inference.
struct ConvBn {
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};

/// The convolutions of a network whose batch norm is folded, in the order they run: what an
/// int8 copy of the network (engine/int8.h) quantises and runs with the same wiring.
struct FoldedLayout {
    struct Block {
        std::vector<torch::nn::Conv2d> chain;  ///< ReLU after each but the last
        torch::nn::Conv2d downsample{nullptr};  ///< the shortcut's conv, when it has one
    };
    torch::nn::Conv2d stem{nullptr};  ///< then ReLU and a 3 × 3 max-pool of stride 2
    std::vector<Block> blocks;        ///< each: ReLU(chain(x) + shortcut(x))
    std::vector<torch::nn::Conv2d> asppBranches;  ///< each then ReLU
    torch::nn::Conv2d asppPooling{nullptr};  ///< on the global average, then ReLU, spread out
    torch::nn::Conv2d asppProject{nullptr};  ///< on the concatenation, then ReLU
    torch::nn::Conv2d head{nullptr};         ///< then ReLU
    torch::nn::Conv2d classifier{nullptr};   ///< logits, upsampled bilinearly to the input
};

class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(int inPlanes, int planes, int stride, int dilation, bool bottleneck,
                      bool downsample);
    torch::Tensor forward(torch::Tensor x);
    std::vector<ConvBn> convBnPairs();
    void markFused() { m_fused = true; }
    FoldedLayout::Block layout() const;

private:
    bool m_bottleneck;
    bool m_fused = false;
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, bn3{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(ResidualBlock);

class ResNetBackboneImpl : public torch::nn::Module {
public:
    ResNetBackboneImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x);
    int outChannels() const { return m_outChannels; }
    std::vector<ConvBn> convBnPairs();
    void markFused();
    void describe(FoldedLayout& layout) const;

private:
    torch::nn::Sequential makeLayer(const std::string& name, int planes, int blocks, int stride,
                                    bool dilate, const std::vector<int>& multiGrid);
    bool m_bottleneck = false;
    bool m_fused = false;
    int m_inPlanes = 64;
    int m_dilation = 1;
    int m_outChannels = 0;
    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::MaxPool2d maxpool{nullptr};
    torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
};
TORCH_MODULE(ResNetBackbone);

/// Atrous spatial pyramid pooling: a 1×1 branch, three 3×3 atrous branches and an image-level
/// pooling branch, concatenated and projected.
class AsppImpl : public torch::nn::Module {
public:
    AsppImpl(int inChannels, int channels, const std::vector<int>& rates);
    torch::Tensor forward(torch::Tensor x);
    std::vector<ConvBn> convBnPairs();
    void markFused() { m_fused = true; }
    void describe(FoldedLayout& layout) const;

private:
    bool m_fused = false;
    torch::nn::ModuleList convs{nullptr};
    torch::nn::Sequential project{nullptr};
};
TORCH_MODULE(Aspp);

class DeepLabV3Impl : public torch::nn::Module {
public:
    explicit DeepLabV3Impl(const ModelConfig& config);
    /// Logits at the input's resolution: N × classes × H × W.
    torch::Tensor forward(torch::Tensor x);
    const ModelConfig& config() const { return m_config; }
    /// Folds every batch norm into the convolution before it (inference only; irreversible).
    void foldBatchNorm();
    bool batchNormFolded() const { return m_folded; }
    /// The convolutions in running order; throws std::logic_error before foldBatchNorm().
    FoldedLayout foldedLayout() const;

private:
    ModelConfig m_config;
    bool m_folded = false;
    ResNetBackbone backbone{nullptr};
    Aspp aspp{nullptr};
    torch::nn::Sequential classifier{nullptr};
};
TORCH_MODULE(DeepLabV3);

}  // namespace cardioseg::engine
