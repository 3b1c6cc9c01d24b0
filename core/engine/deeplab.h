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

/// Batch norm over N×C×H×W as torch::nn::BatchNorm2d computes it, with its parameters and
/// buffers under the same names ("weight", "bias", "running_mean", "running_var",
/// "num_batches_tracked"), whose training-mode statistics span every process of a data-parallel
/// training while a DataParallelGuard (engine/collectives.h) is alive: what one process would
/// compute over the global batch. (Not a subclass of BatchNorm2dImpl: LibTorch does not export
/// all of its base's members.)
class NormImpl : public torch::nn::Module {
public:
    explicit NormImpl(const torch::nn::BatchNormOptions& options);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::BatchNormOptions options;
    torch::Tensor weight, bias, running_mean, running_var, num_batches_tracked;
};
TORCH_MODULE(Norm);

/// torch::nn::Dropout whose masks do not depend on how the global batch is split between the
/// processes of a data-parallel training (engine::shardDropout).
class ShardDropoutImpl : public torch::nn::DropoutImpl {
public:
    using torch::nn::DropoutImpl::DropoutImpl;
    torch::Tensor forward(const torch::Tensor& x);
};
TORCH_MODULE(ShardDropout);

/// A convolution and the batch norm after it (none after the classifier).
struct ConvBn {
    torch::nn::Conv2d conv{nullptr};
    Norm bn{nullptr};
    explicit operator bool() const { return !conv.is_empty(); }
};

/// The network's convolutions in the order they run, with their wiring: the stem, the residual
/// blocks, the ASPP, the head and the classifier. `Unit` is a ConvBn for the network as trained
/// (DeepLabV3Impl::layout) and a Conv2d once batch norm is folded (engine/fold.h), which is what
/// an int8 copy of the network (engine/int8.h) quantises and runs with the same wiring.
template <class Unit>
struct Layout {
    struct Block {
        std::vector<Unit> chain;   ///< ReLU after each but the last
        Unit downsample{nullptr};  ///< the shortcut's conv, when it has one
    };
    Unit stem{nullptr};              ///< then ReLU and a 3 × 3 max-pool of stride 2
    std::vector<Block> blocks;       ///< each: ReLU(chain(x) + shortcut(x))
    std::vector<Unit> asppBranches;  ///< each then ReLU
    Unit asppPooling{nullptr};       ///< on the global average, then ReLU, spread out
    Unit asppProject{nullptr};       ///< on the concatenation, then ReLU
    Unit head{nullptr};              ///< then ReLU
    Unit classifier{nullptr};        ///< logits, upsampled bilinearly to the input
};
using TrainedLayout = Layout<ConvBn>;
using FoldedLayout = Layout<torch::nn::Conv2d>;

class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(int inPlanes, int planes, int stride, int dilation, bool bottleneck,
                      bool downsample);
    torch::Tensor forward(torch::Tensor x);
    TrainedLayout::Block layout() const;

private:
    bool m_bottleneck;
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    Norm bn1{nullptr}, bn2{nullptr}, bn3{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(ResidualBlock);

class ResNetBackboneImpl : public torch::nn::Module {
public:
    ResNetBackboneImpl(const ModelConfig& config);
    torch::Tensor forward(torch::Tensor x);
    int outChannels() const { return m_outChannels; }
    void describe(TrainedLayout& layout) const;

private:
    torch::nn::Sequential makeLayer(const std::string& name, int planes, int blocks, int stride,
                                    bool dilate, const std::vector<int>& multiGrid);
    bool m_bottleneck = false;
    int m_inPlanes = 64;
    int m_dilation = 1;
    int m_outChannels = 0;
    torch::nn::Conv2d conv1{nullptr};
    Norm bn1{nullptr};
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
    void describe(TrainedLayout& layout) const;

private:
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
    /// The convolutions and their batch norms in running order (for engine::foldBatchNorm).
    TrainedLayout layout() const;

private:
    ModelConfig m_config;
    ResNetBackbone backbone{nullptr};
    Aspp aspp{nullptr};
    torch::nn::Sequential classifier{nullptr};
};
TORCH_MODULE(DeepLabV3);

}  // namespace cardioseg::engine
