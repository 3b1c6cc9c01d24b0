#include "training/augment.h"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <numeric>

#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

#include "image/label_edit.h"

namespace cardioseg::training {

namespace {

double uniform(std::mt19937_64& rng, double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }

/// A smooth random field in [-1, 1]: uniform noise on a coarse grid (one node every `scale`
/// pixels), upsampled bicubically. Much cheaper than blurring full-size noise.
cv::Mat smoothField(int size, double scale, std::mt19937_64& rng) {
    const int nodes = std::max(2, static_cast<int>(std::ceil(size / std::max(1.0, scale))) + 1);
    cv::Mat coarse(nodes, nodes, CV_32F);
    for (int y = 0; y < nodes; ++y)
        for (int x = 0; x < nodes; ++x) coarse.at<float>(y, x) = static_cast<float>(uniform(rng, -1, 1));
    cv::Mat f;
    cv::resize(coarse, f, cv::Size(size, size), 0, 0, cv::INTER_CUBIC);
    return cv::max(cv::min(f, 1.0), -1.0);
}

}  // namespace

engine::TrainSample augment(const LabelledImage& src, const AugmentConfig& c, std::mt19937_64& rng) {
    const int size = c.crop > 0 ? c.crop : std::max(src.image.width, src.image.height);
    const cv::Mat img(src.image.height, src.image.width, CV_32F, const_cast<float*>(src.image.data.data()));
    const cv::Mat lab(src.labels.height, src.labels.width, CV_8U, const_cast<std::uint8_t*>(src.labels.data.data()));

    // Where the crop is centred in the source image.
    const image::LabelCentre pool = image::labelCentre(src.labels, image::label::BloodPool);
    bool hasLv = pool.pixels > 0;
    cv::Point2d centre = hasLv ? cv::Point2d(pool.x, pool.y) : cv::Point2d(src.labels.width / 2.0, src.labels.height / 2.0);
    if (!hasLv && src.centreX >= 0) {  // where the ventricle is on the neighbouring slices
        centre = {src.centreX, src.centreY};
        hasLv = true;
    }
    if (c.crop > 0 && hasLv && uniform(rng, 0, 1) < c.centredFraction) {
        centre.x += uniform(rng, -0.25, 0.25) * size;
        centre.y += uniform(rng, -0.25, 0.25) * size;
    } else if (c.crop > 0) {
        // Anywhere the crop keeps three quarters of its width on the image (the image's centre
        // when the crop is larger than the image; the rest is padded as unknown).
        const double mx = std::min(size * 0.25, src.image.width / 2.0), my = std::min(size * 0.25, src.image.height / 2.0);
        centre = {uniform(rng, mx, src.image.width - mx), uniform(rng, my, src.image.height - my)};
    } else {
        centre = {src.image.width / 2.0, src.image.height / 2.0};
    }

    // Output pixel q maps to source centre + R(θ)·(flip·(q − half)) / scale.
    const double theta = uniform(rng, -c.rotationDegrees, c.rotationDegrees) * M_PI / 180.0;
    const double scale = std::exp(uniform(rng, std::log(c.scaleMin), std::log(c.scaleMax)));
    const double flip = c.flips && uniform(rng, 0, 1) < 0.5 ? -1.0 : 1.0;
    const double ct = std::cos(theta) / scale, st = std::sin(theta) / scale;
    const double half = (size - 1) / 2.0;
    cv::Mat m = (cv::Mat_<double>(2, 3) << ct * flip, -st, 0, st * flip, ct, 0);
    m.at<double>(0, 2) = centre.x - (m.at<double>(0, 0) * half + m.at<double>(0, 1) * half);
    m.at<double>(1, 2) = centre.y - (m.at<double>(1, 0) * half + m.at<double>(1, 1) * half);

    cv::Mat outImg, outLab;
    cv::warpAffine(img, outImg, m, cv::Size(size, size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::warpAffine(lab, outLab, m, cv::Size(size, size), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP,
                   cv::BORDER_CONSTANT, cv::Scalar(image::label::Ignore));

    if (uniform(rng, 0, 1) < c.elasticProbability) {
        const cv::Mat dx = smoothField(size, c.elasticSigma, rng) * c.elasticAlpha;
        const cv::Mat dy = smoothField(size, c.elasticSigma, rng) * c.elasticAlpha;
        cv::Mat mapX(size, size, CV_32F), mapY(size, size, CV_32F);
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                mapX.at<float>(y, x) = x + dx.at<float>(y, x);
                mapY.at<float>(y, x) = y + dy.at<float>(y, x);
            }
        cv::Mat img2, lab2;
        cv::remap(outImg, img2, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
        cv::remap(outLab, lab2, mapX, mapY, cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(image::label::Ignore));
        outImg = img2;
        outLab = lab2;
    }

    // Another scanner's resolution and tissue contrast.
    if (c.scannerAppearance && uniform(rng, 0, 1) < c.lowResolutionProbability) {
        const double f = uniform(rng, 1.2, 2.2);
        const int coarse = std::max(8, static_cast<int>(std::lround(size / f)));
        cv::Mat small;
        cv::resize(outImg, small, cv::Size(coarse, coarse), 0, 0, cv::INTER_AREA);
        cv::resize(small, outImg, cv::Size(size, size), 0, 0, cv::INTER_LINEAR);
    }
    if (c.scannerAppearance && uniform(rng, 0, 1) < c.toneCurveProbability) {
        // A monotone piecewise-linear curve through (0, 0), three moved inner points and (1, 1).
        std::array<double, 5> ys{0.0, 0.25, 0.5, 0.75, 1.0};
        for (int k = 1; k < 4; ++k) ys[k] += uniform(rng, -c.toneCurveStrength, c.toneCurveStrength);
        std::sort(ys.begin(), ys.end());
        outImg.forEach<float>([&ys](float& v, const int*) {
            if (v <= 0.0f || v >= 1.0f) return;  // the curve keeps 0 and 1; beyond, values stay
            const double t = v * 4.0;
            const int k = std::min(3, static_cast<int>(t));
            v = static_cast<float>(ys[k] + (t - k) * (ys[k + 1] - ys[k]));
        });
    }

    // Intensity: blur, coil shading, gamma, contrast/brightness, noise.
    if (uniform(rng, 0, 1) < c.blurProbability) cv::GaussianBlur(outImg, outImg, cv::Size(0, 0), uniform(rng, 0.4, 1.0));
    if (c.biasField > 0) {
        const cv::Mat field = smoothField(size, size / 4.0, rng);
        outImg = outImg.mul(1.0 + c.biasField * uniform(rng, 0, 1) * field);
    }
    const double gamma = std::exp(uniform(rng, std::log(c.gammaMin), std::log(c.gammaMax)));
    const double contrast = uniform(rng, c.contrastMin, c.contrastMax);
    const double bright = uniform(rng, -c.brightness, c.brightness);
    const double noise = uniform(rng, 0, c.noiseMax);
    const bool rician = c.scannerAppearance && uniform(rng, 0, 1) < c.ricianProbability;
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    engine::TrainSample out;
    out.image = image::FloatImage(size, size);
    out.labels = image::LabelMap(size, size);
    for (int y = 0; y < size; ++y) {
        const float* ip = outImg.ptr<float>(y);
        const std::uint8_t* lp = outLab.ptr<std::uint8_t>(y);
        for (int x = 0; x < size; ++x) {
            const double v = ip[x] > 0 ? std::pow(static_cast<double>(ip[x]), gamma) : ip[x];
            double w = contrast * v + bright;
            if (rician) {
                // Magnitude of a complex signal with noise on both channels: biased upwards
                // where the signal is low (air, lung), as magnitude MR images are.
                const double re = w + noise * gauss(rng), im = noise * gauss(rng);
                w = std::sqrt(re * re + im * im);
            } else {
                w += noise * gauss(rng);
            }
            out.image.at(x, y) = static_cast<float>(std::clamp(w, -0.5, 2.0));
            out.labels.at(x, y) = lp[x];
        }
    }
    return out;
}

const std::vector<std::string>& scannerSimulations() {
    static const std::vector<std::string> kinds{"lowres", "contrast", "noise", "scanner"};
    return kinds;
}

void simulateScanner(image::FloatImage& img, const std::string& kind, std::uint64_t seed) {
    if (std::find(scannerSimulations().begin(), scannerSimulations().end(), kind) == scannerSimulations().end())
        throw std::invalid_argument("unknown scanner simulation '" + kind + "' (lowres, contrast, noise, scanner)");
    if (img.empty()) return;
    std::vector<float> sorted = img.data;
    std::sort(sorted.begin(), sorted.end());
    const float lo = sorted[sorted.size() / 100], hi = sorted[sorted.size() * 99 / 100];
    const float range = std::max(1e-6f, hi - lo);
    cv::Mat m(img.height, img.width, CV_32F, img.data.data());
    m.convertTo(m, CV_32F, 1.0 / range, -lo / range);  // in place (m shares the image's pixels): about [0, 1]
    const bool all = kind == "scanner";
    if (all || kind == "lowres") {
        cv::Mat small, back;
        cv::resize(m, small, cv::Size(std::max(8, img.width / 2), std::max(8, img.height / 2)), 0, 0, cv::INTER_AREA);
        cv::resize(small, back, m.size(), 0, 0, cv::INTER_LINEAR);
        back.copyTo(m);
    }
    if (all || kind == "contrast") {
        // Through (0, 0), (0.25, 0.17), (0.5, 0.45), (0.75, 0.7), (1, 1): the bright blood closer
        // to the myocardium's grey, the dark bands darker.
        static const float ys[5] = {0.0f, 0.17f, 0.45f, 0.70f, 1.0f};
        m.forEach<float>([](float& v, const int*) {
            if (v <= 0.0f || v >= 1.0f) return;
            const float t = v * 4.0f;
            const int k = std::min(3, static_cast<int>(t));
            v = ys[k] + (t - static_cast<float>(k)) * (ys[k + 1] - ys[k]);
        });
    }
    if (all || kind == "noise") {
        std::mt19937_64 rng(seed);
        std::normal_distribution<float> gauss(0.0f, 0.06f);
        for (auto& v : img.data) {
            const float re = v + gauss(rng), im = gauss(rng);
            v = std::sqrt(re * re + im * im);
        }
    }
    m.convertTo(m, CV_32F, range, lo);
}

std::vector<double> drawWeights(const std::vector<LabelledImage>& images, double pseudoShare) {
    std::vector<double> weights;
    double people = 0, models = 0;
    for (const auto& li : images) {
        weights.push_back(li.hasMyocardium ? 2.0 : 1.0);
        (li.pseudo ? models : people) += weights.back();
    }
    // The model-labelled images, however many, take `pseudoShare` of the draws.
    if (models > 0 && people > 0)
        for (std::size_t i = 0; i < images.size(); ++i)
            weights[i] *= images[i].pseudo ? pseudoShare / models : (1.0 - pseudoShare) / people;
    return weights;
}

engine::BatchProvider makeBatchProvider(const std::vector<LabelledImage>& images, const AugmentConfig& config,
                                        std::uint64_t seed, double pseudoShare) {
    if (images.empty()) throw std::invalid_argument("no labelled image to train on");
    const std::vector<double> weights = drawWeights(images, pseudoShare);
    // Its own copy of the images: the provider may outlive the caller's vector.
    auto pool = std::make_shared<const std::vector<LabelledImage>>(images);
    return [pool, config, seed, weights](std::int64_t iteration, int size, std::vector<engine::TrainSample>& batch) {
        const auto& images = *pool;
        std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(iteration));
        std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
        for (int k = 0; k < size; ++k) batch.push_back(augment(images[pick(rng)], config, rng));
    };
}

std::vector<std::size_t> epochEntries(const std::vector<LabelledImage>& images, double pseudoShare) {
    const std::vector<double> weights = drawWeights(images, pseudoShare);
    const double lightest = *std::min_element(weights.begin(), weights.end());
    std::vector<std::size_t> entries;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const auto times = static_cast<std::size_t>(std::clamp(std::lround(weights[i] / lightest), 1L, 16L));
        entries.insert(entries.end(), times, i);
    }
    return entries;
}

engine::BatchProvider makeEpochBatchProvider(const std::vector<LabelledImage>& images, const AugmentConfig& config,
                                             std::uint64_t seed, int rank, int worldSize, double pseudoShare) {
    if (images.empty()) throw std::invalid_argument("no labelled image to train on");
    if (worldSize < 1 || rank < 0 || rank >= worldSize) throw std::invalid_argument("rank outside the world size");
    struct State {
        std::vector<LabelledImage> images;  // its own copy: the provider may outlive the caller's vector
        std::vector<std::size_t> entries;
        std::mutex mutex;
        std::int64_t epoch = -1;
        std::vector<std::size_t> order;
    };
    auto state = std::make_shared<State>();
    state->images = images;
    state->entries = epochEntries(images, pseudoShare);
    return [state, config, seed, rank, worldSize](std::int64_t iteration, int size, std::vector<engine::TrainSample>& batch) {
        const auto length = static_cast<std::int64_t>(state->entries.size());
        const std::int64_t global = static_cast<std::int64_t>(size) * worldSize;
        for (int k = 0; k < size; ++k) {
            const std::int64_t position = iteration * global + static_cast<std::int64_t>(rank) * size + k;
            const std::int64_t epoch = position / length;
            std::size_t image = 0;
            {
                std::lock_guard<std::mutex> lock(state->mutex);
                if (state->epoch != epoch) {
                    // Each epoch its own order, from the seed and the epoch alone.
                    state->order = state->entries;
                    std::mt19937_64 shuffle(seed * 0x9E3779B97F4A7C15ull + 0xD1B54A32D192ED03ull * static_cast<std::uint64_t>(epoch + 1));
                    std::shuffle(state->order.begin(), state->order.end(), shuffle);
                    state->epoch = epoch;
                }
                image = state->order[static_cast<std::size_t>(position % length)];
            }
            // Each sample its own generator: the same augmentation whichever process draws it.
            std::mt19937_64 rng(seed * 0xBF58476D1CE4E5B9ull + 0x94D049BB133111EBull * static_cast<std::uint64_t>(position + 1));
            batch.push_back(augment(state->images[image], config, rng));
        }
    };
}

}  // namespace cardioseg::training
