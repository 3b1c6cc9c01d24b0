#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/model.h"

namespace cardioseg::engine {

/// What importing a PyTorch state dict did.
struct StateDictImport {
    int copied = 0;  ///< parameters and buffers copied
    std::vector<std::string>
        notInFile;  ///< tensors of the model the file lacks (kept as they were)
    std::vector<std::string> notInModel;  ///< tensors of the file the model has no place for
};

/// Copies the weights of a PyTorch-Python state dict (`torch.save(net.state_dict(), file)`,
/// zip format) into `model`, matched by name: torchvision's names for the torchvision-resnet*
/// architectures, which lets a lab bring a network trained in Python into CardioSeg and lets
/// the engine be checked against torchvision on the same weights. Throws ModelFileError naming
/// the file and the first tensor whose shape differs, or when the file is not a state dict.
/// `strict` also refuses files that leave a parameter of the model unset.
StateDictImport importStateDict(Model& model, const std::filesystem::path& file,
                                bool strict = true);

}  // namespace cardioseg::engine
