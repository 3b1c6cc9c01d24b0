#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/device.h"
#include "engine/model.h"
#include "image/image2d.h"

namespace cardioseg::engine {

struct SegmentOptions {
    DeviceChoice device = DeviceChoice::Auto;
    int threads = 0;      ///< CPU threads (0: default)
    int batch = 1;        ///< images per forward pass (on this CPU one at a time is fastest)
    bool probabilities = false;  ///< also return per-class softmax maps
};

struct Prediction {
    image::LabelMap labels;  ///< argmax class per pixel
    std::vector<image::FloatImage> probabilities;  ///< per class, when asked for
};

/// Runs a model on images. Its own copy of the network has batch norm folded into the
/// convolutions and runs under InferenceMode; images are normalised like the training data
/// (image::normalizeIntensity). Images of different sizes are batched separately.
class Segmenter {
public:
    Segmenter(const Model& model, const SegmentOptions& options = {});
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    /// One prediction per image; `progress` (fraction, status) may cancel, leaving the rest
    /// empty. Throws std::runtime_error on out-of-memory with a clear message.
    std::vector<Prediction> segment(const std::vector<const image::FloatImage*>& images,
                                    const std::function<bool(double, const std::string&)>& progress = {});
    std::string device() const;
    const Model& model() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cardioseg::engine
