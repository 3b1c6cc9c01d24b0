#include "engine/model_config.h"

#include <regex>
#include <stdexcept>

namespace cardioseg::engine {

BackboneSpec parseBackbone(const std::string& name) {
    static const std::regex re(R"(resnet(18|34|50|101)(?:-w(\d+))?)");
    std::smatch m;
    if (!std::regex_match(name, m, re))
        throw std::invalid_argument("unknown backbone '" + name +
                                    "' (use resnet18, resnet34, resnet50 or resnet101, optionally -wN)");
    BackboneSpec s;
    s.depth = std::stoi(m[1]);
    s.width = m[2].matched ? std::stoi(m[2]) : 64;
    if (s.width < 4 || s.width > 256) throw std::invalid_argument("backbone width must be 4..256");
    s.bottleneck = s.depth >= 50;
    switch (s.depth) {
        case 18: s.blocks = {2, 2, 2, 2}; break;
        case 34: s.blocks = {3, 4, 6, 3}; break;
        case 50: s.blocks = {3, 4, 6, 3}; break;
        default: s.blocks = {3, 4, 23, 3}; break;
    }
    return s;
}

ModelConfig configFromArch(const std::string& arch) {
    ModelConfig c;
    if (arch == "torchvision-resnet50" || arch == "torchvision-resnet101") {
        c.backbone = arch.substr(std::string("torchvision-").size());
        c.outputStride = 8;
        c.inChannels = 3;
        c.asppChannels = 256;
        c.multiGrid = false;
        c.torchvisionLayout = true;
        return c;
    }
    static const std::regex re(R"((?:deeplabv3-)?(resnet\d+(?:-w\d+)?)(?:-os(8|16))?)");
    std::smatch m;
    if (!std::regex_match(arch, m, re))
        throw std::invalid_argument("unknown architecture '" + arch +
                                    "' (use deeplabv3-resnet18[-wN][-os8|-os16], torchvision-resnet50, ...)");
    c.backbone = m[1];
    parseBackbone(c.backbone);
    if (m[2].matched) c.outputStride = std::stoi(m[2]);
    const int width = parseBackbone(c.backbone).width;
    c.asppChannels = width >= 64 ? 256 : std::max(32, width * 4);
    return c;
}

std::string archName(const ModelConfig& c) {
    if (c.torchvisionLayout) return "torchvision-" + c.backbone;
    return "deeplabv3-" + c.backbone + "-os" + std::to_string(c.outputStride);
}

}  // namespace cardioseg::engine
