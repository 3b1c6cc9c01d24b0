#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/trainer.h"
#include "training/training_set.h"

namespace cardioseg::training {

/// Random geometric and intensity changes that keep a label map valid, all with OpenCV.
struct AugmentConfig {
    int crop = 128;                  ///< output size (square); 0: the whole image
    double centredFraction = 0.8;    ///< share of crops centred near the LV (else anywhere)
    double rotationDegrees = 180.0;  ///< uniform in ±this
    double scaleMin = 0.75;          ///< zoom (> 1 enlarges); also spans scanners' pixel sizes
    double scaleMax = 1.35;
    bool flips = true;               ///< mirror half of the samples
    double elasticProbability = 0.5;
    double elasticAlpha = 4.0;       ///< largest displacement (pixels) of the random field
    double elasticSigma = 16.0;      ///< spacing (pixels) of the field's random nodes
    double gammaMin = 0.7, gammaMax = 1.5;
    double contrastMin = 0.8, contrastMax = 1.25;
    double brightness = 0.1;         ///< ± offset
    double noiseMax = 0.05;          ///< Gaussian noise σ, uniform in [0, this]
    double biasField = 0.25;         ///< amplitude of a smooth multiplicative field (coil shading)
    double blurProbability = 0.2;
    /// The appearance of other scanners (vendors, field strengths, sequence parameters), on top
    /// of the above: a random monotone tone curve (the contrast between blood, myocardium, fat
    /// and lung bands shifts, not only the overall gamma), coarser resolution (resampled at
    /// 1/1.2–1/2.2 of it: other pixel sizes and partial volume) and magnitude-image (Rician)
    /// noise. Off by default (fine-tuning learns this scanner's appearance); `train` turns it on.
    bool scannerAppearance = false;
    double toneCurveProbability = 0.6;
    double toneCurveStrength = 0.12;  ///< largest move of the curve's inner control points
    double lowResolutionProbability = 0.3;
    double ricianProbability = 0.4;
};

/// Fixed changes that make an image look as if another scanner had made it, to judge how a
/// model holds up on appearance it has not seen: "lowres" (resampled at half the resolution:
/// larger pixels, partial volume), "contrast" (blood and myocardium closer in brightness, the
/// dark bands darker), "noise" (Rician noise at 6 % of the intensity range), "scanner" (all
/// three). Works on modality values (the image's 1st–99th percentile range is the scale).
/// Deterministic for a seed. Throws std::invalid_argument for an unknown kind.
void simulateScanner(image::FloatImage& image, const std::string& kind, std::uint64_t seed);
/// The kinds simulateScanner knows.
const std::vector<std::string>& scannerSimulations();

/// One augmented sample of an image. Deterministic for a given generator state.
engine::TrainSample augment(const LabelledImage& source, const AugmentConfig& config, std::mt19937_64& rng);

/// A batch provider drawing images at random (images with a myocardium contour twice as often,
/// as they carry both classes), each augmented; batch i depends only on (seed, i). Images
/// labelled by a model (LabelledImage::pseudo) together weigh `pseudoShare` of the draws.
engine::BatchProvider makeBatchProvider(const std::vector<LabelledImage>& images, const AugmentConfig& config,
                                        std::uint64_t seed, double pseudoShare = 0.4);

/// The provider of `train`, for one process or any of several training one model together: the
/// images in epochs, each epoch a new seeded order of every image (an image with myocardium
/// twice, model-labelled ones at `pseudoShare` of the draws: epochEntries). Step i of global
/// batch B = size × worldSize takes positions i·B … i·B + B − 1 of that sequence, of which this
/// rank takes `size` from rank·size; every sample is augmented from a generator seeded by its
/// position. So a run sees the same images, augmented the same way, whatever the number of
/// processes it is split into, and every image once per epoch across them.
engine::BatchProvider makeEpochBatchProvider(const std::vector<LabelledImage>& images, const AugmentConfig& config,
                                             std::uint64_t seed, int rank = 0, int worldSize = 1,
                                             double pseudoShare = 0.4);
/// One epoch of makeEpochBatchProvider, unshuffled: image indices, each as many times as its
/// draw weight over the lightest (at most 16).
std::vector<std::size_t> epochEntries(const std::vector<LabelledImage>& images, double pseudoShare);

/// How often makeBatchProvider draws each image (relative): twice for images with myocardium,
/// and the model-labelled ones together `pseudoShare` of the total.
std::vector<double> drawWeights(const std::vector<LabelledImage>& images, double pseudoShare);

}  // namespace cardioseg::training
