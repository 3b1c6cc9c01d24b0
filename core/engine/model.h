#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/model_config.h"
#include "engine/model_info.h"

namespace cardioseg::engine {

/// A model file that cannot be used: the file and the reason.
class ModelFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A DeepLab v3 network with its metadata (architecture, classes, normalisation, training data,
/// schedule, metrics, date, parent model). Copies share the network; use clone() for an
/// independent one. The LibTorch types stay behind this header.
class Model {
public:
    /// A freshly initialised network (Kaiming init as torchvision, seeded).
    static Model create(const ModelConfig& config, std::uint64_t seed = 1);
    /// Loads a model file; throws ModelFileError (corrupt, truncated, incompatible, missing).
    static Model load(const std::filesystem::path& file);
    /// Writes a model file atomically; throws std::runtime_error.
    void save(const std::filesystem::path& file) const;
    /// An independent deep copy (weights, buffers and metadata).
    Model clone() const;

    const ModelConfig& config() const;
    /// What the file says about the weights (training data, recipe, parent, checks, int8 ranges).
    ModelInfo& info();
    const ModelInfo& info() const;
    std::int64_t parameterCount() const;

    struct Impl;
    std::shared_ptr<Impl> impl() const { return m_impl; }

private:
    std::shared_ptr<Impl> m_impl;
};

}  // namespace cardioseg::engine
