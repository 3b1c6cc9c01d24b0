#include "image/label_edit.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cardioseg::image {

namespace {

std::vector<std::pair<std::uint8_t, std::uint32_t>> encode(const LabelMap& m, int x0, int y0, int w, int h) {
    std::vector<std::pair<std::uint8_t, std::uint32_t>> runs;
    for (int y = y0; y < y0 + h; ++y)
        for (int x = x0; x < x0 + w; ++x) {
            const std::uint8_t v = m.at(x, y);
            if (!runs.empty() && runs.back().first == v)
                ++runs.back().second;
            else
                runs.emplace_back(v, 1u);
        }
    return runs;
}

void decode(LabelMap& m, const LabelPatch& p, const std::vector<std::pair<std::uint8_t, std::uint32_t>>& runs) {
    std::size_t i = 0;
    for (const auto& [v, n] : runs)
        for (std::uint32_t k = 0; k < n; ++k, ++i) {
            const int x = p.x + static_cast<int>(i % p.width), y = p.y + static_cast<int>(i / p.width);
            m.at(x, y) = v;
        }
}

}  // namespace

LabelPatch makePatch(const LabelMap& before, const LabelMap& after) {
    if (before.width != after.width || before.height != after.height)
        throw std::invalid_argument("label patch: maps differ in size");
    int x0 = before.width, y0 = before.height, x1 = -1, y1 = -1;
    for (int y = 0; y < before.height; ++y)
        for (int x = 0; x < before.width; ++x)
            if (before.at(x, y) != after.at(x, y)) {
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x);
                y1 = std::max(y1, y);
            }
    LabelPatch p;
    if (x1 < 0) return p;
    p.x = x0;
    p.y = y0;
    p.width = x1 - x0 + 1;
    p.height = y1 - y0 + 1;
    p.before = encode(before, p.x, p.y, p.width, p.height);
    p.after = encode(after, p.x, p.y, p.width, p.height);
    return p;
}

void applyPatch(LabelMap& map, const LabelPatch& patch, bool forward) {
    if (patch.empty()) return;
    if (patch.x < 0 || patch.y < 0 || patch.x + patch.width > map.width || patch.y + patch.height > map.height)
        throw std::invalid_argument("label patch does not fit the map");
    decode(map, patch, forward ? patch.after : patch.before);
}

LabelPatch mergePatches(const LabelPatch& a, const LabelPatch& b, const LabelMap& afterB) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    // Rebuild the state before a inside the union rectangle, then diff against the final map.
    LabelMap before = afterB;
    applyPatch(before, b, false);
    applyPatch(before, a, false);
    const int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const int x1 = std::max(a.x + a.width, b.x + b.width), y1 = std::max(a.y + a.height, b.y + b.height);
    LabelPatch p;
    p.x = x0;
    p.y = y0;
    p.width = x1 - x0;
    p.height = y1 - y0;
    p.before = encode(before, p.x, p.y, p.width, p.height);
    p.after = encode(afterB, p.x, p.y, p.width, p.height);
    return p;
}

std::size_t paintDisc(LabelMap& map, double cx, double cy, double radius, std::uint8_t label) {
    std::size_t changed = 0;
    const int x0 = std::max(0, static_cast<int>(std::floor(cx - radius)));
    const int x1 = std::min(map.width - 1, static_cast<int>(std::ceil(cx + radius)));
    const int y0 = std::max(0, static_cast<int>(std::floor(cy - radius)));
    const int y1 = std::min(map.height - 1, static_cast<int>(std::ceil(cy + radius)));
    const double r2 = radius * radius;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2 && map.at(x, y) != label) {
                map.at(x, y) = label;
                ++changed;
            }
    return changed;
}

std::size_t paintSegment(LabelMap& map, double x0, double y0, double x1, double y1, double radius,
                         std::uint8_t label) {
    const double length = std::hypot(x1 - x0, y1 - y0);
    const int steps = std::max(1, static_cast<int>(std::ceil(length / std::max(0.5, radius * 0.5))));
    std::size_t changed = 0;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        changed += paintDisc(map, x0 + t * (x1 - x0), y0 + t * (y1 - y0), radius, label);
    }
    return changed;
}

std::size_t floodFill(LabelMap& map, int x, int y, std::uint8_t label) {
    if (x < 0 || y < 0 || x >= map.width || y >= map.height) return 0;
    const std::uint8_t from = map.at(x, y);
    if (from == label) return 0;
    // Scan-line fill: each stack entry is a seed pixel; its run is filled left and right.
    std::vector<std::pair<int, int>> stack{{x, y}};
    std::size_t changed = 0;
    while (!stack.empty()) {
        auto [sx, sy] = stack.back();
        stack.pop_back();
        if (map.at(sx, sy) != from) continue;
        int left = sx, right = sx;
        while (left > 0 && map.at(left - 1, sy) == from) --left;
        while (right + 1 < map.width && map.at(right + 1, sy) == from) ++right;
        for (int cx = left; cx <= right; ++cx) map.at(cx, sy) = label;
        changed += static_cast<std::size_t>(right - left + 1);
        for (const int ny : {sy - 1, sy + 1}) {
            if (ny < 0 || ny >= map.height) continue;
            bool inRun = false;
            for (int cx = left; cx <= right; ++cx) {
                const bool match = map.at(cx, ny) == from;
                if (match && !inRun) stack.emplace_back(cx, ny);
                inRun = match;
            }
        }
    }
    return changed;
}

LabelCentre labelCentre(const LabelMap& map, std::uint8_t label) {
    LabelCentre c;
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x)
            if (map.at(x, y) == label) {
                c.x += x;
                c.y += y;
                ++c.pixels;
            }
    if (c.pixels) {
        c.x /= static_cast<double>(c.pixels);
        c.y /= static_cast<double>(c.pixels);
    }
    return c;
}

}  // namespace cardioseg::image
