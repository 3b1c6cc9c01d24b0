#pragma once

#include <QColor>
#include <QImage>

#include "image/cine_series.h"

namespace cardioseg::ui {

/// 8-bit greyscale rendering of an image through a display window.
QImage toQImage(const image::FloatImage& img, const image::Window& window);

/// Colours of the labels in overlays (Settings ▸ Display changes them).
QColor labelColor(std::uint8_t label);
void setLabelColors(const QColor& bloodPool, const QColor& myocardium);
QColor defaultLabelColor(std::uint8_t label);

/// Semi-transparent overlay of a label map (background and ignore transparent).
QImage labelOverlay(const image::LabelMap& labels, int alpha);

/// Semi-transparent mask of the pixels where `mask` is non-zero, in `color`.
QImage maskOverlay(const std::vector<std::uint8_t>& mask, int width, int height, const QColor& color);

}  // namespace cardioseg::ui
