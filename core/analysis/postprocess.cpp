#include "analysis/postprocess.h"

#include <opencv2/imgproc.hpp>

namespace cardioseg::analysis {

namespace {

/// Mask of the largest 8-connected component of `mask` (empty mask stays empty).
cv::Mat largestComponent(const cv::Mat& mask) {
    cv::Mat cc, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, cc, stats, centroids, 8, CV_32S);
    int best = 0, bestArea = 0;
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) > bestArea) {
            bestArea = stats.at<int>(i, cv::CC_STAT_AREA);
            best = i;
        }
    return best ? cv::Mat(cc == best) : cv::Mat::zeros(mask.size(), CV_8U);
}

/// Fills the holes of a mask: background regions (4-connected) that do not reach the border.
cv::Mat fillHoles(const cv::Mat& mask) {
    cv::Mat inverse = mask == 0, cc;
    const int n = cv::connectedComponents(inverse, cc, 4, CV_32S);
    std::vector<char> touches(static_cast<std::size_t>(n), 0);
    for (int x = 0; x < cc.cols; ++x) touches[cc.at<int>(0, x)] = touches[cc.at<int>(cc.rows - 1, x)] = 1;
    for (int y = 0; y < cc.rows; ++y) touches[cc.at<int>(y, 0)] = touches[cc.at<int>(y, cc.cols - 1)] = 1;
    cv::Mat out = mask.clone();
    for (int y = 0; y < cc.rows; ++y)
        for (int x = 0; x < cc.cols; ++x)
            if (inverse.at<std::uint8_t>(y, x) && !touches[cc.at<int>(y, x)]) out.at<std::uint8_t>(y, x) = 255;
    return out;
}

}  // namespace

void cleanLvLabels(image::LabelMap& labels) {
    if (labels.empty()) return;
    cv::Mat lab(labels.height, labels.width, CV_8U, labels.data.data());
    const cv::Mat blood = fillHoles(largestComponent(lab == image::label::BloodPool));

    // Myocardium components that touch the blood pool.
    cv::Mat myo = lab == image::label::Myocardium;
    myo.setTo(0, blood);
    cv::Mat cc;
    const int n = cv::connectedComponents(myo, cc, 8, CV_32S);
    cv::Mat near;
    cv::dilate(blood, near, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    std::vector<char> keep(static_cast<std::size_t>(n), 0);
    bool any = false;
    for (int y = 0; y < cc.rows; ++y)
        for (int x = 0; x < cc.cols; ++x) {
            const int id = cc.at<int>(y, x);
            if (id && near.at<std::uint8_t>(y, x)) keep[id] = any = 1;
        }
    cv::Mat keptMyo = cv::Mat::zeros(lab.size(), CV_8U);
    if (any) {
        for (int y = 0; y < cc.rows; ++y)
            for (int x = 0; x < cc.cols; ++x)
                if (keep[cc.at<int>(y, x)]) keptMyo.at<std::uint8_t>(y, x) = 255;
    } else {
        keptMyo = largestComponent(myo);
    }

    for (int y = 0; y < lab.rows; ++y)
        for (int x = 0; x < lab.cols; ++x) {
            std::uint8_t& v = lab.at<std::uint8_t>(y, x);
            if (blood.at<std::uint8_t>(y, x))
                v = image::label::BloodPool;
            else if (keptMyo.at<std::uint8_t>(y, x))
                v = image::label::Myocardium;
            else if (v == image::label::BloodPool || v == image::label::Myocardium)
                v = image::label::Background;
        }
}

}  // namespace cardioseg::analysis
