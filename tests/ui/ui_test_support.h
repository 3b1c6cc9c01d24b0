#pragma once
// Helpers of the workstation's tests: outlining a synthetic phantom as a cardiologist would.

#include <cmath>
#include <utility>
#include <vector>

#include "main_window.h"
#include "synthetic_dicom.h"

namespace cardioseg::testing {

/// A circle as a polygon (pixel coordinates).
inline image::Polygon circle(double cx, double cy, double r, int vertices = 64) {
    image::Polygon p;
    for (int k = 0; k < vertices; ++k)
        p.push_back({cx + r * std::cos(k * 2 * M_PI / vertices), cy + r * std::sin(k * 2 * M_PI / vertices)});
    return p;
}

/// Corrects the images (slice, phase) of an open phantom study with the phantom's own outlines:
/// cleared, myocardium filled to the epicardium, blood pool to the endocardium.
inline void outlinePhantom(ui::MainWindow& w, const SyntheticSeries& s, const std::vector<std::pair<int, int>>& cells) {
    const auto [cx, cy] = phantomCentre(s);
    w.editing()->setTool(ui::EditingPresenter::Tool::Polygon);
    for (const auto& [k, p] : cells) {
        w.viewer()->setPosition(k, p);
        w.editing()->clearImage();
        const auto [endo, epi] = phantomRadii(s, k, p);
        w.editing()->setBrushLabel(image::label::Myocardium);
        w.editing()->fillPolygon(circle(cx, cy, epi));
        w.editing()->setBrushLabel(image::label::BloodPool);
        w.editing()->fillPolygon(circle(cx, cy, endo));
    }
}

}  // namespace cardioseg::testing
