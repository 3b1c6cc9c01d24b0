#include "image_adapters.h"

#include <algorithm>

namespace cardioseg::ui {

namespace {

QColor g_bloodPool = QColor(235, 64, 52);
QColor g_myocardium = QColor(64, 200, 96);

}  // namespace

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

QColor defaultLabelColor(std::uint8_t label) {
    switch (label) {
        case image::label::BloodPool: return QColor(235, 64, 52);
        case image::label::Myocardium: return QColor(64, 200, 96);
        default: return QColor(0, 0, 0, 0);
    }
}

QColor labelColor(std::uint8_t label) {
    switch (label) {
        case image::label::BloodPool: return g_bloodPool;
        case image::label::Myocardium: return g_myocardium;
        default: return QColor(0, 0, 0, 0);
    }
}

void setLabelColors(const QColor& bloodPool, const QColor& myocardium) {
    if (bloodPool.isValid()) g_bloodPool = bloodPool;
    if (myocardium.isValid()) g_myocardium = myocardium;
}

QImage labelOverlay(const image::LabelMap& labels, int alpha) {
    QImage out(labels.width, labels.height, QImage::Format_ARGB32_Premultiplied);
    const QColor b = labelColor(image::label::BloodPool), m = labelColor(image::label::Myocardium);
    const QRgb bp = qPremultiply(qRgba(b.red(), b.green(), b.blue(), alpha));
    const QRgb myo = qPremultiply(qRgba(m.red(), m.green(), m.blue(), alpha));
    for (int y = 0; y < labels.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        const std::uint8_t* src = &labels.data[static_cast<std::size_t>(y) * labels.width];
        for (int x = 0; x < labels.width; ++x)
            line[x] = src[x] == image::label::BloodPool ? bp : src[x] == image::label::Myocardium ? myo : 0;
    }
    return out;
}

QImage maskOverlay(const std::vector<std::uint8_t>& mask, int width, int height, const QColor& color) {
    QImage out(width, height, QImage::Format_ARGB32_Premultiplied);
    const QRgb on = qPremultiply(color.rgba());
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        const std::uint8_t* src = &mask[static_cast<std::size_t>(y) * width];
        for (int x = 0; x < width; ++x) line[x] = src[x] ? on : 0;
    }
    return out;
}

}  // namespace cardioseg::ui
