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
    int batch = 0;        ///< images per forward pass; 0: 1 on the CPU (fastest there), 32 on CUDA
    /// bf16 autocast on CUDA and on CPUs with native bf16 (AVX-512 BF16, AMX); fp32 elsewhere.
    bool mixedPrecision = true;
    /// CPU with batch 1: images segmented at once, one core each (0: one per CPU thread).
    int parallelImages = 0;
    bool probabilities = false;  ///< also return per-class softmax maps
};

struct Prediction {
    image::LabelMap labels;  ///< argmax class per pixel
    std::vector<image::FloatImage> probabilities;  ///< per class, when asked for
    /// How unsure the network is about this image's ventricle: the mean of 1 − (the winning
    /// class's probability) over the pixels within 4 pixels of its blood pool and myocardium
    /// (over the whole image when it found none). 0 is certain; 2/3 is a guess among three.
    double uncertainty = 0.0;
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
    /// CPU threads it uses (from SegmentOptions::threads, else LibTorch's count at construction).
    int threads() const;
    const Model& model() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cardioseg::engine
