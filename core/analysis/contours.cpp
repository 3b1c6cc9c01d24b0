#include "analysis/contours.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace cardioseg::analysis {

namespace {

bool inRegion(std::uint8_t v, Boundary boundary) {
    return v == image::label::BloodPool || (boundary == Boundary::Epicardium && v == image::label::Myocardium);
}

}  // namespace

std::vector<image::Polygon> regionContours(const image::LabelMap& labels, Boundary boundary, double tolerance) {
    if (labels.empty()) return {};
    // Traced on a twice-finer grid: the centres of its boundary pixels lie a quarter of an
    // original pixel inside the region's edges, which encloses every original pixel centre
    // of the region and none outside it. Only the region's bounding box is traced.
    const cv::Mat lab(labels.height, labels.width, CV_8U, const_cast<std::uint8_t*>(labels.data.data()));
    cv::Mat region = lab == image::label::BloodPool;
    if (boundary == Boundary::Epicardium) region |= lab == image::label::Myocardium;
    const cv::Rect box = cv::boundingRect(region);
    if (box.empty()) return {};
    cv::Mat fine;
    cv::resize(region(box), fine, cv::Size(box.width * 2, box.height * 2), 0, 0, cv::INTER_NEAREST);
    cv::copyMakeBorder(fine, fine, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);  // outlines never touch the edge
    std::vector<std::vector<cv::Point>> found;
    cv::findContours(fine, found, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE, cv::Point(box.x * 2 - 1, box.y * 2 - 1));
    std::vector<std::pair<double, image::Polygon>> regions;
    for (auto& c : found) {
        if (tolerance > 0 && c.size() > 8) {
            std::vector<cv::Point> simple;
            cv::approxPolyDP(c, simple, tolerance * 2.0, true);
            if (simple.size() >= 3) c = std::move(simple);
        }
        image::Polygon poly;
        poly.reserve(c.size());
        for (const auto& p : c) poly.push_back({p.x / 2.0 - 0.25, p.y / 2.0 - 0.25});
        regions.emplace_back(std::abs(cv::contourArea(c)), std::move(poly));
    }
    std::stable_sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<image::Polygon> out;
    for (auto& r : regions) out.push_back(std::move(r.second));
    return out;
}

std::size_t applyContourEdit(image::LabelMap& labels, Boundary boundary, const image::Polygon& before,
                             const image::Polygon& after) {
    if (labels.empty()) return 0;
    image::LabelMap was(labels.width, labels.height, 0), now(labels.width, labels.height, 0);
    if (before.size() >= 3) image::fillPolygon(was, before, 1);
    if (after.size() >= 3) image::fillPolygon(now, after, 1);
    const bool hasMyocardium =
        std::find(labels.data.begin(), labels.data.end(), image::label::Myocardium) != labels.data.end();
    std::size_t changed = 0;
    for (std::size_t i = 0; i < labels.data.size(); ++i) {
        if (was.data[i] == now.data[i]) continue;
        std::uint8_t& v = labels.data[i];
        const std::uint8_t old = v;
        if (now.data[i]) {  // joins the region
            if (boundary == Boundary::Endocardium) v = image::label::BloodPool;
            else if (!inRegion(v, boundary)) v = image::label::Myocardium;
        } else if (inRegion(v, boundary)) {  // leaves it
            v = boundary == Boundary::Endocardium && hasMyocardium ? image::label::Myocardium
                                                                    : image::label::Background;
        }
        changed += v != old;
    }
    return changed;
}

}  // namespace cardioseg::analysis
