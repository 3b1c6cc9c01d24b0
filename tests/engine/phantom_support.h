#pragma once
// Synthetic phantoms for engine tests: a bright blood-pool disc in a dark myocardial ring.

#include <QByteArray>
#include <QtGlobal>

#include <cmath>
#include <vector>

#include "engine/device.h"
#include "engine/model_config.h"
#include "synthetic_dicom.h"
#include "training/training_set.h"

namespace cardioseg::testing {

/// A phantom image of the given size: blood pool disc (1.0), myocardial ring (0.1), tissue
/// (0.45) with texture; labels to match. `shift` moves and `scale` resizes the ventricle.
inline training::LabelledImage phantom(int size, double shiftX, double shiftY, double scale) {
    training::LabelledImage li;
    li.image = image::FloatImage(size, size);
    li.labels = image::LabelMap(size, size);
    const double cx = size / 2.0 + shiftX, cy = size / 2.0 + shiftY;
    const double r1 = size * 0.15 * scale, r2 = r1 + size * 0.12;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double d = std::hypot(x - cx, y - cy);
            const float texture = 0.05f * static_cast<float>(((x * 7 + y * 13) % 11) / 10.0);
            if (d < r1) {
                li.image.at(x, y) = 1.0f + texture;
                li.labels.at(x, y) = image::label::BloodPool;
            } else if (d < r2) {
                li.image.at(x, y) = 0.1f + texture;
                li.labels.at(x, y) = image::label::Myocardium;
            } else {
                li.image.at(x, y) = 0.45f + texture;
            }
        }
    li.hasBloodPool = li.hasMyocardium = true;
    li.patientId = "PH";
    return li;
}

inline std::vector<training::LabelledImage> phantomSet(int size) {
    std::vector<training::LabelledImage> set;
    for (int i = 0; i < 6; ++i) set.push_back(phantom(size, (i % 3 - 1) * 5.0, (i / 3 - 0.5) * 6.0, 0.8 + 0.08 * i));
    return set;
}

/// A very small DeepLab v3 that learns phantoms in seconds.
inline engine::ModelConfig tinyConfig() {
    auto c = engine::configFromArch("deeplabv3-resnet18-w8-os8");
    c.asppChannels = 32;
    return c;
}

/// The engine's calibration measured afresh into `cache` (not the user's cache), on 2 threads.
inline void calibrateInto(const TempDir& cache) {
    engine::setCpuThreads(2);
    qputenv("CARDIOSEG_CACHE_DIR", QByteArray::fromStdString(cache.path().string()));
    qunsetenv("CARDIOSEG_CALIBRATION");
}

}  // namespace cardioseg::testing
