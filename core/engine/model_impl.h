#pragma once

// Internal to the engine: the LibTorch side of Model.

#include <filesystem>
#include <mutex>
#include <string>

#include "engine/deeplab.h"
#include "engine/model.h"

namespace cardioseg::engine {

struct Model::Impl {
    ModelConfig config;
    DeepLabV3 net{nullptr};
    ModelInfo info;
};

/// Copies every parameter and buffer of `from` into `to` (same architecture), without grad.
void copyWeights(DeepLabV3& from, DeepLabV3& to);

/// Checks a model file or state dict as untrusted input before LibTorch reads any of it
/// (io::checkModelArchive); throws ModelFileError with the file and the reason.
void checkUntrustedArchive(const std::filesystem::path& file);

}  // namespace cardioseg::engine
