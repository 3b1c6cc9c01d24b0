#include "io/scd_dataset.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace cardioseg::io {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

void readContourFolder(const fs::path& dir, bool endo, ScdPatient& patient,
                       std::vector<SkippedFile>& skipped) {
    static const std::regex name(R"(IM-\d+-(\d+)-([io])contour-(manual|auto)\.txt)");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::smatch m;
        const std::string fn = f.filename().string();
        if (!std::regex_match(fn, m, name)) {
            skipped.push_back({f.string(), "not a contour file name (IM-0001-NNNN-[io]contour-manual.txt)"});
            continue;
        }
        if ((m[2] == "i") != endo) {
            skipped.push_back({f.string(), "contour type does not match its folder"});
            continue;
        }
        try {
            image::Polygon poly = readContourFile(f);
            const int instance = std::stoi(m[1]);
            auto& c = patient.contours[instance];
            c.instanceNumber = instance;
            (endo ? c.endocardium : c.epicardium) = std::move(poly);
        } catch (const std::exception& e) {
            skipped.push_back({f.string(), e.what()});
        }
    }
}

}  // namespace

image::Polygon readContourFile(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot open contour file " + file.string());
    image::Polygon poly;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        line = trim(line);
        if (line.empty()) continue;
        std::istringstream ls(line);
        image::Point2 p;
        std::string rest;
        if (!(ls >> p.x >> p.y) || (ls >> rest) || !std::isfinite(p.x) || !std::isfinite(p.y))
            throw std::runtime_error("line " + std::to_string(lineNo) + " is not an 'x y' pair");
        poly.push_back(p);
    }
    if (poly.size() < 3)
        throw std::runtime_error("contour has " + std::to_string(poly.size()) +
                                 " points; a polygon needs at least 3");
    return poly;
}

ScdDataset readScdDataset(const fs::path& root) {
    ScdDataset ds;
    ds.root = root;
    const fs::path link = root / "link.csv";
    std::ifstream in(link);
    if (!in) throw std::runtime_error(link.string() + ": missing; not a dataset in SCD layout");
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        line = trim(line);
        if (line.empty() || (lineNo == 1 && line.rfind("patient_id", 0) == 0)) continue;
        const auto comma = line.find(',');
        if (comma == std::string::npos) {
            ds.skipped.push_back({link.string(), "line " + std::to_string(lineNo) + " has no comma"});
            continue;
        }
        ScdPatient p;
        p.patientId = trim(line.substr(0, comma));
        p.originalId = trim(line.substr(comma + 1));
        p.dicomDir = root / "dicoms" / p.patientId;
        p.contourDir = root / "contourfiles" / p.originalId;
        if (!fs::is_directory(p.dicomDir)) {
            ds.skipped.push_back({p.dicomDir.string(), "DICOM folder of patient " + p.patientId + " is missing"});
            continue;
        }
        if (!fs::is_directory(p.contourDir))
            ds.skipped.push_back({p.contourDir.string(), "contour folder missing; patient has no labels"});
        readContourFolder(p.contourDir / "i-contours", true, p, ds.skipped);
        readContourFolder(p.contourDir / "o-contours", false, p, ds.skipped);
        ds.patients.push_back(std::move(p));
    }
    return ds;
}

image::SeriesLabels expertLabels(const ScdPatient& patient, const image::CineSeries& series,
                                 std::vector<SkippedFile>* skipped) {
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    for (const auto& [instance, c] : patient.contours) {
        const auto where = series.findInstance(instance);
        if (!where) {
            if (skipped)
                skipped->push_back({(patient.contourDir / ("instance " + std::to_string(instance))).string(),
                                    "contour refers to instance " + std::to_string(instance) +
                                        ", which is not in the series"});
            continue;
        }
        labels.at(where->first, where->second) = image::rasterizeContours(
            series.geometry.columns, series.geometry.rows,
            c.endocardium ? &*c.endocardium : nullptr, c.epicardium ? &*c.epicardium : nullptr);
    }
    return labels;
}

}  // namespace cardioseg::io
