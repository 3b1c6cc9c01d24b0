#include "io/png_masks.h"

#include <cstdio>
#include <regex>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>

#include "io/atomic_file.h"

namespace fs = std::filesystem;

namespace cardioseg::io {

std::string pngMaskName(const image::CineSeries& series, int slice, int phase) {
    const int f = series.frameAt(slice, phase);
    const int instance = f >= 0 ? series.frames[f].instanceNumber : 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "inst%04d_slice%02d_phase%02d.png", instance, slice, phase);
    return buf;
}

std::vector<fs::path> writePngMasks(const image::CineSeries& series, const image::SeriesLabels& labels,
                                    const fs::path& dir, const ProgressFn& progress, std::vector<fs::path>* done) {
    ensureDirectory(dir);
    std::vector<fs::path> written;
    const std::size_t total = labels.labelledCount();
    for (int s = 0; s < labels.slices; ++s)
        for (int p = 0; p < labels.phases; ++p) {
            const auto& map = labels.at(s, p);
            if (map.empty()) continue;
            const fs::path target = dir / pngMaskName(series, s, p);
            const cv::Mat mat(map.height, map.width, CV_8UC1, const_cast<std::uint8_t*>(map.data.data()));
            // Encoded in memory, then written with every write checked (a full disk is reported).
            std::vector<uchar> png;
            if (!cv::imencode(".png", mat, png)) throw std::runtime_error("cannot write " + target.string() + ": PNG encoder failed");
            writeFileAtomically(target, std::string(png.begin(), png.end()));
            written.push_back(target);
            if (done) done->push_back(target);
            if (progress && !progress(static_cast<double>(written.size()) / total, "Writing PNG masks"))
                return written;
        }
    return written;
}

image::SeriesLabels readPngMasks(const image::CineSeries& series, const fs::path& dir,
                                 std::vector<SkippedFile>& skipped) {
    static const std::regex name(R"(inst(\d+)_slice(\d+)_phase(\d+)\.png)");
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string fn = e.path().filename().string();
        std::smatch m;
        if (!e.is_regular_file() || !std::regex_match(fn, m, name)) continue;
        const int s = std::stoi(m[2]), p = std::stoi(m[3]), instance = std::stoi(m[1]);
        const int f = series.frameAt(s, p);
        if (f < 0 || series.frames[f].instanceNumber != instance) {
            skipped.push_back({e.path().string(), "no image of this series at that slice, phase and instance"});
            continue;
        }
        const cv::Mat mat = cv::imread(e.path().string(), cv::IMREAD_UNCHANGED);
        if (mat.empty() || mat.type() != CV_8UC1) {
            skipped.push_back({e.path().string(), "not an 8-bit greyscale PNG label image"});
            continue;
        }
        if (mat.cols != series.geometry.columns || mat.rows != series.geometry.rows) {
            skipped.push_back({e.path().string(), "size differs from the series' images"});
            continue;
        }
        image::LabelMap map(mat.cols, mat.rows);
        for (int y = 0; y < mat.rows; ++y)
            std::copy(mat.ptr<std::uint8_t>(y), mat.ptr<std::uint8_t>(y) + mat.cols, &map.at(0, y));
        labels.at(s, p) = std::move(map);
    }
    if (ec) skipped.push_back({dir.string(), "cannot read folder: " + ec.message()});
    return labels;
}

}  // namespace cardioseg::io
