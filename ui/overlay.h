#pragma once

#include <QImage>

#include <cstdint>
#include <vector>

#include "image/image2d.h"
#include "image/polygon.h"

namespace cardioseg::ui {

/// A contour to outline, with the label whose colour it takes.
struct LabelledContour {
    std::uint8_t label = 0;
    image::Polygon polygon;
    bool dashed = false;  ///< the model's outline when compared with corrections
};

/// What the slice view draws over the image: a filled label layer, a highlight layer (pixels
/// where the model and the corrections disagree) and outlines.
struct OverlayLayers {
    QImage fill;
    QImage highlight;
    std::vector<LabelledContour> contours;
    std::size_t disagreement = 0;  ///< pixels highlighted
};

/// Which labels the overlay shows.
enum class OverlaySource {
    Labels,       ///< the corrections where the image has them, else the model's labels
    Prediction,   ///< the model's labels only
    Corrections,  ///< the corrections only
    Compare,      ///< corrections, with the model's outline dashed and the disagreement highlighted
};
/// How labels are drawn.
enum class OverlayStyle { Filled, Contours, FilledAndContours };

/// Colour of the disagreement highlight.
QColor disagreementColor();

/// The overlay of one image. Any map may be empty (absent). `expert` fills in when neither
/// corrections nor the model's labels are shown.
OverlayLayers composeOverlay(const image::LabelMap& prediction, const image::LabelMap& corrections,
                             const image::LabelMap& expert, OverlaySource source, OverlayStyle style, int alpha);

/// Outlines of a label map: the endocardium in the blood pool's colour, the epicardium in the
/// myocardium's.
std::vector<LabelledContour> labelOutlines(const image::LabelMap& labels, bool dashed);

}  // namespace cardioseg::ui
