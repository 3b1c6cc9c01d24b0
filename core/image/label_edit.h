#pragma once

#include <cstdint>
#include <vector>

#include "image/image2d.h"

namespace cardioseg::image {

/// A compact, region-limited record of an edit to a label map: the changed rectangle's labels
/// before and after, run-length encoded. Undo stacks keep these instead of whole maps, so a long
/// editing session stays small.
struct LabelPatch {
    int x = 0, y = 0, width = 0, height = 0;  ///< changed rectangle (empty: no change)
    std::vector<std::pair<std::uint8_t, std::uint32_t>> before;  ///< (label, run length)
    std::vector<std::pair<std::uint8_t, std::uint32_t>> after;

    bool empty() const { return width == 0 || height == 0; }
    /// Bytes this patch holds (for memory accounting).
    std::size_t bytes() const { return (before.size() + after.size()) * sizeof(before.front()); }
};

/// The patch that turns `before` into `after` (same size; throws std::invalid_argument if not).
LabelPatch makePatch(const LabelMap& before, const LabelMap& after);

/// Applies a patch forwards (redo) or backwards (undo).
void applyPatch(LabelMap& map, const LabelPatch& patch, bool forward);

/// Combines two successive patches of the same map (a then b) into one.
LabelPatch mergePatches(const LabelPatch& a, const LabelPatch& b, const LabelMap& afterB);

/// Paints a filled disc of `label` centred on (cx, cy) with radius `radius` pixels (pixel
/// centres within the radius); returns the number of pixels changed.
std::size_t paintDisc(LabelMap& map, double cx, double cy, double radius, std::uint8_t label);

/// Paints a stroke segment: discs along the line from (x0, y0) to (x1, y1).
std::size_t paintSegment(LabelMap& map, double x0, double y0, double x1, double y1, double radius,
                         std::uint8_t label);

/// Flood fill: sets to `label` the 4-connected region of pixels that share the label of pixel
/// (x, y). Returns the number of pixels changed (0 when (x, y) is outside or already `label`).
std::size_t floodFill(LabelMap& map, int x, int y, std::uint8_t label);

/// The pixels of one label: their count and centre (pixel coordinates; 0, 0 when none).
struct LabelCentre {
    double x = 0.0;
    double y = 0.0;
    std::size_t pixels = 0;
};
LabelCentre labelCentre(const LabelMap& map, std::uint8_t label);

}  // namespace cardioseg::image
