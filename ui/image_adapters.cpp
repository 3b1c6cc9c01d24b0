#include "image_adapters.h"

#include <algorithm>

namespace cardioseg::ui {

QImage toQImage(const image::FloatImage& img, const image::Window& window) {
    QImage out(img.width, img.height, QImage::Format_Grayscale8);
    const double lo = window.center - window.width / 2.0;
    const double scale = 255.0 / std::max(1e-6, window.width);
    for (int y = 0; y < img.height; ++y) {
        uchar* line = out.scanLine(y);
        const float* src = &img.data[static_cast<std::size_t>(y) * img.width];
        for (int x = 0; x < img.width; ++x)
            line[x] = static_cast<uchar>(std::clamp((src[x] - lo) * scale, 0.0, 255.0));
    }
    return out;
}

QColor labelColor(std::uint8_t label) {
    switch (label) {
        case image::label::BloodPool: return QColor(235, 64, 52);
        case image::label::Myocardium: return QColor(64, 200, 96);
        default: return QColor(0, 0, 0, 0);
    }
}

QImage labelOverlay(const image::LabelMap& labels, int alpha) {
    QImage out(labels.width, labels.height, QImage::Format_ARGB32_Premultiplied);
    const QRgb bp = qPremultiply(qRgba(235, 64, 52, alpha));
    const QRgb myo = qPremultiply(qRgba(64, 200, 96, alpha));
    for (int y = 0; y < labels.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < labels.width; ++x) {
            const auto v = labels.at(x, y);
            line[x] = v == image::label::BloodPool ? bp : v == image::label::Myocardium ? myo : 0;
        }
    }
    return out;
}

}  // namespace cardioseg::ui
