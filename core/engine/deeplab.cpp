#include "engine/deeplab.h"

#include "engine/collectives.h"

namespace cardioseg::engine {

namespace nn = torch::nn;

namespace {

nn::Conv2d conv(int in, int out, int k, int stride = 1, int dilation = 1) {
    const int pad = (k / 2) * dilation;
    return nn::Conv2d(nn::Conv2dOptions(in, out, k).stride(stride).padding(pad).dilation(dilation).bias(false));
}

Norm bn(int c) { return Norm(nn::BatchNorm2dOptions(c)); }

}  // namespace

NormImpl::NormImpl(const torch::nn::BatchNormOptions& o) : options(o) {
    const auto c = options.num_features();
    weight = register_parameter("weight", torch::ones({c}));
    bias = register_parameter("bias", torch::zeros({c}));
    running_mean = register_buffer("running_mean", torch::zeros({c}));
    running_var = register_buffer("running_var", torch::ones({c}));
    num_batches_tracked = register_buffer("num_batches_tracked", torch::tensor(0, torch::kLong));
}

torch::Tensor NormImpl::forward(const torch::Tensor& x) {
    const double momentum = options.momentum().value_or(0.1);
    if (is_training())
        if (const auto* shard = dataParallelShard(); shard && (shard->group || shard->portableBatchNorm))
            return syncBatchNorm(shard->group, x, weight, bias, running_mean, running_var, num_batches_tracked, momentum,
                                 options.eps());
    if (is_training()) {
        torch::NoGradGuard ng;
        num_batches_tracked.add_(1);
    }
    return torch::batch_norm(x, weight, bias, running_mean, running_var, is_training(), momentum, options.eps(),
                             at::globalContext().userEnabledCuDNN());
}

torch::Tensor ShardDropoutImpl::forward(const torch::Tensor& x) {
    return is_training() ? shardDropout(x, options.p()) : x;
}

// ---------------------------------------------------------------------------- blocks

ResidualBlockImpl::ResidualBlockImpl(int inPlanes, int planes, int stride, int dilation, bool bottleneck,
                                     bool withDownsample)
    : m_bottleneck(bottleneck) {
    const int expansion = bottleneck ? 4 : 1;
    if (bottleneck) {
        conv1 = register_module("conv1", conv(inPlanes, planes, 1));
        bn1 = register_module("bn1", bn(planes));
        conv2 = register_module("conv2", conv(planes, planes, 3, stride, dilation));
        bn2 = register_module("bn2", bn(planes));
        conv3 = register_module("conv3", conv(planes, planes * expansion, 1));
        bn3 = register_module("bn3", bn(planes * expansion));
    } else {
        conv1 = register_module("conv1", conv(inPlanes, planes, 3, stride, dilation));
        bn1 = register_module("bn1", bn(planes));
        conv2 = register_module("conv2", conv(planes, planes, 3, 1, dilation));
        bn2 = register_module("bn2", bn(planes));
    }
    if (withDownsample)
        downsample = register_module("downsample",
                                     nn::Sequential(conv(inPlanes, planes * expansion, 1, stride), bn(planes * expansion)));
}

torch::Tensor ResidualBlockImpl::forward(torch::Tensor x) {
    const torch::Tensor identity = downsample ? downsample->forward(x) : x;
    torch::Tensor out = torch::relu(bn1(conv1(x)));
    if (m_bottleneck) {
        out = torch::relu(bn2(conv2(out)));
        out = bn3(conv3(out));
    } else {
        out = bn2(conv2(out));
    }
    return torch::relu(out + identity);
}

TrainedLayout::Block ResidualBlockImpl::layout() const {
    TrainedLayout::Block b;
    b.chain = {{conv1, bn1}, {conv2, bn2}};
    if (m_bottleneck) b.chain.push_back({conv3, bn3});
    if (downsample) {
        // The downsample Sequential holds its conv and bn as children "0" and "1".
        const auto children = downsample->children();
        b.downsample = {nn::Conv2d(std::dynamic_pointer_cast<nn::Conv2dImpl>(children[0])),
                        Norm(std::dynamic_pointer_cast<NormImpl>(children[1]))};
    }
    return b;
}

// ---------------------------------------------------------------------------- backbone

ResNetBackboneImpl::ResNetBackboneImpl(const ModelConfig& config) {
    const BackboneSpec spec = parseBackbone(config.backbone);
    m_bottleneck = spec.bottleneck;
    const int w = spec.width;
    m_inPlanes = w;
    conv1 = register_module("conv1", nn::Conv2d(nn::Conv2dOptions(config.inChannels, w, 7).stride(2).padding(3).bias(false)));
    bn1 = register_module("bn1", bn(w));
    maxpool = register_module("maxpool", nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2).padding(1)));
    // Output stride 8 dilates stages 3 and 4; output stride 16 only stage 4.
    const bool dilate3 = config.outputStride == 8;
    const std::vector<int> grid = config.multiGrid ? std::vector<int>{1, 2, 4} : std::vector<int>{};
    layer1 = makeLayer("layer1", w, spec.blocks[0], 1, false, {});
    layer2 = makeLayer("layer2", w * 2, spec.blocks[1], 2, false, {});
    layer3 = makeLayer("layer3", w * 4, spec.blocks[2], 2, dilate3, {});
    layer4 = makeLayer("layer4", w * 8, spec.blocks[3], 2, true, grid);
    m_outChannels = w * 8 * (m_bottleneck ? 4 : 1);
}

torch::nn::Sequential ResNetBackboneImpl::makeLayer(const std::string& name, int planes, int blocks, int stride,
                                                    bool dilate, const std::vector<int>& multiGrid) {
    // As torchvision: a dilated stage keeps stride 1, its first block uses the previous
    // stage's rate and the others the new rate. Multi-grid multiplies the rates per block.
    const int previousDilation = m_dilation;
    if (dilate) {
        m_dilation *= stride;
        stride = 1;
    }
    const int expansion = m_bottleneck ? 4 : 1;
    nn::Sequential layer;
    for (int b = 0; b < blocks; ++b) {
        int rate = b == 0 ? previousDilation : m_dilation;
        if (!multiGrid.empty()) rate = m_dilation * multiGrid[static_cast<std::size_t>(b) % multiGrid.size()];
        const bool down = b == 0 && (stride != 1 || m_inPlanes != planes * expansion);
        layer->push_back(ResidualBlock(m_inPlanes, planes, b == 0 ? stride : 1, rate, m_bottleneck, down));
        m_inPlanes = planes * expansion;
    }
    return register_module(name, layer);
}

torch::Tensor ResNetBackboneImpl::forward(torch::Tensor x) {
    x = maxpool(torch::relu(bn1(conv1(x))));
    return layer4->forward(layer3->forward(layer2->forward(layer1->forward(x))));
}

void ResNetBackboneImpl::describe(TrainedLayout& layout) const {
    layout.stem = {conv1, bn1};
    for (const auto* layer : {&layer1, &layer2, &layer3, &layer4})
        for (const auto& child : (*layer)->children())
            layout.blocks.push_back(std::dynamic_pointer_cast<ResidualBlockImpl>(child)->layout());
}

// ---------------------------------------------------------------------------- ASPP

namespace {

/// Image-level features: global average, 1×1 conv, bn, relu, then spread back over the map.
/// Children are named "0".."3" like torchvision's ASPPPooling Sequential.
class AsppPoolingImpl : public nn::Module {
public:
    AsppPoolingImpl(int in, int out) {
        pool = register_module("0", nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions(1)));
        c = register_module("1", conv(in, out, 1));
        b = register_module("2", bn(out));
        register_module("3", nn::ReLU());
    }
    torch::Tensor forward(const torch::Tensor& x) {
        auto y = torch::relu(b(c(pool(x))));
        return y.expand({-1, -1, x.size(2), x.size(3)});  // bilinear from 1×1 is a constant
    }
    nn::AdaptiveAvgPool2d pool{nullptr};
    nn::Conv2d c{nullptr};
    Norm b{nullptr};
};
TORCH_MODULE(AsppPooling);

nn::Sequential convBnRelu(nn::Conv2d c, int out) { return nn::Sequential(c, bn(out), nn::ReLU()); }

ConvBn pairOf(const nn::Sequential& s) {
    auto ch = s->children();
    return {nn::Conv2d(std::dynamic_pointer_cast<nn::Conv2dImpl>(ch[0])),
            Norm(std::dynamic_pointer_cast<NormImpl>(ch[1]))};
}

}  // namespace

AsppImpl::AsppImpl(int in, int channels, const std::vector<int>& rates) {
    convs = register_module("convs", nn::ModuleList());
    convs->push_back(convBnRelu(conv(in, channels, 1), channels));
    for (int r : rates) convs->push_back(convBnRelu(conv(in, channels, 3, 1, r), channels));
    convs->push_back(AsppPooling(in, channels));
    const int n = static_cast<int>(rates.size()) + 2;
    project = register_module("project", nn::Sequential(conv(n * channels, channels, 1), bn(channels), nn::ReLU(),
                                                        ShardDropout(nn::DropoutOptions(0.5))));
}

torch::Tensor AsppImpl::forward(torch::Tensor x) {
    std::vector<torch::Tensor> outs;
    const std::size_t n = convs->size();
    for (std::size_t i = 0; i + 1 < n; ++i) outs.push_back(convs->ptr<nn::SequentialImpl>(i)->forward(x));
    outs.push_back(convs->ptr<AsppPoolingImpl>(n - 1)->forward(x));
    return project->forward(torch::cat(outs, 1));
}

void AsppImpl::describe(TrainedLayout& layout) const {
    const std::size_t n = convs->size();
    for (std::size_t i = 0; i + 1 < n; ++i)
        layout.asppBranches.push_back(pairOf(nn::Sequential(convs->ptr<nn::SequentialImpl>(i))));
    const auto pooling = convs->ptr<AsppPoolingImpl>(n - 1);
    layout.asppPooling = {pooling->c, pooling->b};
    layout.asppProject = pairOf(project);
}

// ---------------------------------------------------------------------------- DeepLab v3

DeepLabV3Impl::DeepLabV3Impl(const ModelConfig& config) : m_config(config) {
    if (config.outputStride != 8 && config.outputStride != 16)
        throw std::invalid_argument("output stride must be 8 or 16");
    backbone = register_module("backbone", ResNetBackbone(config));
    const int base = config.outputStride == 8 ? 12 : 6;
    const std::vector<int> rates{base, base * 2, base * 3};
    const int c = config.asppChannels;
    aspp = Aspp(backbone->outChannels(), c, rates);
    // torchvision's DeepLabHead: ASPP, 3×3 conv, bn, relu, 1×1 classifier.
    classifier = register_module("classifier", nn::Sequential(aspp, conv(c, c, 3), bn(c), nn::ReLU(),
                                                              nn::Conv2d(nn::Conv2dOptions(c, config.numClasses, 1))));
}

torch::Tensor DeepLabV3Impl::forward(torch::Tensor x) {
    const auto h = x.size(2), w = x.size(3);
    const auto y = classifier->forward(backbone->forward(x));
    return torch::nn::functional::interpolate(
        y, nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false));
}

TrainedLayout DeepLabV3Impl::layout() const {
    TrainedLayout layout;
    backbone->describe(layout);
    aspp->describe(layout);
    const auto head = classifier->children();
    layout.head = {nn::Conv2d(std::dynamic_pointer_cast<nn::Conv2dImpl>(head[1])),
                   Norm(std::dynamic_pointer_cast<NormImpl>(head[2]))};
    layout.classifier = {nn::Conv2d(std::dynamic_pointer_cast<nn::Conv2dImpl>(head[4])), nullptr};
    return layout;
}

}  // namespace cardioseg::engine
