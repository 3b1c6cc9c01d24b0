#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/device.h"
#include "engine/model.h"
#include "image/image2d.h"

namespace cardioseg::engine {

/// A rectangle of an image in pixels; empty: the whole image.
struct Region {
    int x = 0, y = 0, width = 0, height = 0;
    bool empty() const { return width <= 0 || height <= 0; }
    bool operator==(const Region& o) const {
        return x == o.x && y == o.y && width == o.width && height == o.height;
    }
};

struct SegmentOptions {
    DeviceChoice device = DeviceChoice::Auto;
    int threads = 0;      ///< CPU threads (0: one per core)
    int batch = 0;        ///< images per forward pass; 0: 1 on the CPU (fastest there), 32 on CUDA
    /// bf16 autocast on CUDA, and on CPUs with native bf16 (AVX-512 BF16, AMX) where the
    /// calibration found it faster; fp32 elsewhere.
    bool mixedPrecision = true;
    /// CPU with batch 1: images segmented at once, one core each (0: as calibrated).
    int parallelImages = 0;
    bool probabilities = false;  ///< also return per-class softmax maps
    /// Series-level callers (training::segmentImages, evaluation): find the left ventricle once
    /// per series, then run the network on a crop around it (training::RegionSearch). The
    /// Segmenter itself only runs the regions it is given.
    bool regionOfInterest = true;
    /// CPU: memory format, bf16 and images at once as this machine's calibration found fastest
    /// (engine::engineCalibration: measured once per machine, LibTorch version, architecture
    /// and thread count, then cached). false: channels-last, bf16 where native, one image per core.
    bool calibrated = true;
    /// int8 on the CPU where the calibration found it fastest and the model carries activation
    /// ranges (recordInt8Ranges); false: fp32 or bf16 only.
    bool int8 = true;
};

struct Prediction {
    image::LabelMap labels;  ///< argmax class per pixel
    std::vector<image::FloatImage> probabilities;  ///< per class, when asked for
    /// How unsure the network is about this image's ventricle: the mean of 1 − (the winning
    /// class's probability) over the pixels within 4 pixels of its blood pool and myocardium
    /// (over the whole image when it found none). 0 is certain; 2/3 is a guess among three.
    double uncertainty = 0.0;
    /// Where the network ran: the whole image, or the region it was given.
    Region region;
    /// A region was given and the labels reach one of its sides that is not the image's own
    /// border: the ventricle may go on outside it.
    bool touchesRegionBorder = false;
};

/// Records in `model`'s metadata ("int8_activations") the range of every activation an int8
/// copy of its network quantises, from its fp32 network run on `images` (normalised and cropped
/// to `regions` as segment() would). Images that span what the model will see: the ventricle at
/// every level and phase. Replaces earlier ranges. Throws std::invalid_argument without images.
void recordInt8Ranges(Model& model, const std::vector<const image::FloatImage*>& images,
                      const std::vector<Region>& regions = {});

/// Whether `model` carries int8 activation ranges that fit its network.
bool hasInt8Ranges(const Model& model);

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
    /// `regions` (one per image, or none): the network runs on that crop of the image only
    /// (the image normalised as a whole first, as in training); the labels keep the image's
    /// size, background outside the region.
    std::vector<Prediction> segment(const std::vector<const image::FloatImage*>& images,
                                    const std::function<bool(double, const std::string&)>& progress = {},
                                    const std::vector<Region>& regions = {});
    const SegmentOptions& options() const;
    std::string device() const;
    /// CPU threads it uses (SegmentOptions::threads, else one per core).
    int threads() const;
    /// How it runs on the CPU: "channels-last, fp32, 2 images at once", "int8, 2 images at
    /// once" (calibrated or fixed).
    std::string configuration() const;
    /// The model it was made from (a copy sharing its trained network; it runs its own folded one).
    const Model& model() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cardioseg::engine
