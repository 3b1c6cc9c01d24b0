#include "overlay.h"

#include "analysis/contours.h"
#include "image_adapters.h"

namespace cardioseg::ui {

QColor disagreementColor() { return QColor(255, 220, 0, 170); }

std::vector<LabelledContour> labelOutlines(const image::LabelMap& labels, bool dashed) {
    std::vector<LabelledContour> out;
    for (auto& p : analysis::regionContours(labels, analysis::Boundary::Epicardium))
        out.push_back({image::label::Myocardium, std::move(p), dashed});
    for (auto& p : analysis::regionContours(labels, analysis::Boundary::Endocardium))
        out.push_back({image::label::BloodPool, std::move(p), dashed});
    return out;
}

OverlayLayers composeOverlay(const image::LabelMap& prediction, const image::LabelMap& corrections,
                             const image::LabelMap& expert, OverlaySource source, OverlayStyle style, int alpha) {
    const image::LabelMap* shown = nullptr;
    switch (source) {
        case OverlaySource::Labels:
        case OverlaySource::Compare: shown = !corrections.empty() ? &corrections : &prediction; break;
        case OverlaySource::Prediction: shown = &prediction; break;
        case OverlaySource::Corrections: shown = &corrections; break;
    }
    if (shown->empty()) shown = &expert;
    OverlayLayers layers;
    if (shown->empty()) return layers;
    if (style != OverlayStyle::Contours) layers.fill = labelOverlay(*shown, alpha);
    if (style != OverlayStyle::Filled) layers.contours = labelOutlines(*shown, false);
    if (source == OverlaySource::Compare && !corrections.empty() && !prediction.empty() &&
        corrections.width == prediction.width && corrections.height == prediction.height) {
        auto model = labelOutlines(prediction, true);
        layers.contours.insert(layers.contours.end(), model.begin(), model.end());
        std::vector<std::uint8_t> differ(corrections.data.size(), 0);
        for (std::size_t i = 0; i < differ.size(); ++i) {
            const auto c = corrections.data[i];
            if (c != image::label::Ignore && c != prediction.data[i]) {
                differ[i] = 1;
                ++layers.disagreement;
            }
        }
        layers.highlight = maskOverlay(differ, corrections.width, corrections.height, disagreementColor());
    }
    return layers;
}

}  // namespace cardioseg::ui
