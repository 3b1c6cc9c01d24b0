#include "analysis/label_export.h"

#include "io/deidentify.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "analysis/contours.h"
#include "analysis/function.h"
#include "io/atomic_file.h"
#include "metrics/confusion.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace cardioseg::analysis {

namespace {

struct NamedContour {
    const char* name;
    Boundary boundary;
};
constexpr NamedContour kContours[] = {{"endocardium", Boundary::Endocardium}, {"epicardium", Boundary::Epicardium}};

/// Calls `visit(slice, phase, frame index)` for each labelled image that has a frame.
template <typename Visit>
void forEachLabelled(const image::CineSeries& series, const image::SeriesLabels& labels, Visit visit) {
    for (int s = 0; s < labels.slices; ++s)
        for (int p = 0; p < labels.phases; ++p) {
            const int f = series.frameAt(s, p);
            if (!labels.at(s, p).empty() && f >= 0) visit(s, p, f);
        }
}

std::string fixed(double v, int decimals) {
    if (std::isnan(v)) return "";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

void writeContoursJson(const fs::path& file, const image::CineSeries& series, const image::SeriesLabels& labels,
                       bool deidentify, io::UidMap* uids) {
    const auto& g = series.geometry;
    io::UidMap own;
    io::UidMap& map = uids ? *uids : own;
    const auto uid = [&](const std::string& u) { return deidentify ? map.map(u) : u; };
    json doc = {{"format", "cardioseg-contours"},
                {"version", 1},
                {"series_uid", uid(series.info.seriesUid)},
                {"study_uid", uid(series.info.studyUid)},
                {"frame_of_reference_uid", uid(series.info.frameOfReferenceUid)},
                {"coordinates", "pixel: (column, row), pixel centres on integers; mm: DICOM patient (LPS)"},
                {"pixel_spacing_mm", {g.rowSpacing, g.colSpacing}},
                {"slice_spacing_mm", g.sliceSpacing},
                {"rows", g.rows},
                {"columns", g.columns}};
    if (!deidentify) {
        doc["patient_id"] = series.info.patientId;
        doc["patient_name"] = series.info.patientName;
    } else {
        doc["patient_identity_removed"] = true;
        doc["deidentification_method"] = io::kDeidentificationMethod;
    }
    json images = json::array();
    forEachLabelled(series, labels, [&](int s, int p, int f) {
        json contours = json::array();
        for (const auto& named : kContours) {
            const auto regions = regionContours(labels.at(s, p), named.boundary);
            for (std::size_t r = 0; r < regions.size(); ++r) {
                json px = json::array(), mm = json::array();
                for (const auto& pt : regions[r]) {
                    px.push_back({pt.x, pt.y});
                    const image::Vec3 v = g.toPatient(pt.x, pt.y, s);
                    mm.push_back({v[0], v[1], v[2]});
                }
                contours.push_back({{"name", named.name}, {"region", r}, {"points_px", px}, {"points_mm", mm}});
            }
        }
        images.push_back({{"slice", s},
                          {"phase", p},
                          {"instance_number", series.frames[f].instanceNumber},
                          {"sop_instance_uid", uid(series.frames[f].sopInstanceUid)},
                          {"contours", contours}});
    });
    doc["images"] = std::move(images);
    io::writeFileAtomically(file, doc.dump(1) + "\n");
}

void writeContoursCsv(const fs::path& file, const image::CineSeries& series, const image::SeriesLabels& labels) {
    std::ostringstream out;
    out << "slice,phase,instance,contour,region,point,x_px,y_px,x_mm,y_mm,z_mm\n";
    forEachLabelled(series, labels, [&](int s, int p, int f) {
        for (const auto& named : kContours) {
            const auto regions = regionContours(labels.at(s, p), named.boundary);
            for (std::size_t r = 0; r < regions.size(); ++r)
                for (std::size_t k = 0; k < regions[r].size(); ++k) {
                    const auto& pt = regions[r][k];
                    const image::Vec3 v = series.geometry.toPatient(pt.x, pt.y, s);
                    out << s << ',' << p << ',' << series.frames[f].instanceNumber << ',' << named.name << ',' << r
                        << ',' << k << ',' << fixed(pt.x, 2) << ',' << fixed(pt.y, 2) << ',' << fixed(v[0], 3) << ','
                        << fixed(v[1], 3) << ',' << fixed(v[2], 3) << '\n';
                }
        }
    });
    io::writeFileAtomically(file, out.str());
}

void writeAgreementCsv(const fs::path& file, const image::CineSeries& series, const image::SeriesLabels& prediction,
                       const image::SeriesLabels& corrections,
                       const std::map<std::pair<int, int>, std::string>& states) {
    std::ostringstream out;
    out << "scope,slice,phase,instance,review,dice_blood_pool,iou_blood_pool,dice_myocardium,iou_myocardium,"
           "mean_iou,mean_dice,mean_acc,freqw_acc,overall_acc\n";
    metrics::ConfusionMatrix pooled(3);
    int rows = 0;
    auto figures = [](const metrics::ConfusionMatrix& m) {
        return fixed(m.dice(1), 4) + ',' + fixed(m.iou(1), 4) + ',' + fixed(m.dice(2), 4) + ',' + fixed(m.iou(2), 4);
    };
    forEachLabelled(series, corrections, [&](int s, int p, int f) {
        if (prediction.maps.size() != corrections.maps.size() || prediction.at(s, p).empty()) return;
        metrics::ConfusionMatrix m(3);
        m.add(corrections.at(s, p), prediction.at(s, p));
        pooled.add(m);
        const auto state = states.find({s, p});
        out << "image," << s << ',' << p << ',' << series.frames[f].instanceNumber << ','
            << (state == states.end() ? "unreviewed" : state->second) << ',' << figures(m) << ",,,,,\n";
        ++rows;
    });
    if (rows == 0) throw std::runtime_error("cannot write " + file.string() +
                                            ": no image has both the model's labels and corrections");
    out << "series,,,,," << figures(pooled) << ',' << fixed(pooled.meanIou(), 4) << ',' << fixed(pooled.meanDice(), 4)
        << ',' << fixed(pooled.meanAccuracy(), 4) << ',' << fixed(pooled.frequencyWeightedAccuracy(), 4) << ','
        << fixed(pooled.overallAccuracy(), 4) << '\n';
    io::writeFileAtomically(file, out.str());
}

void writeFunctionCsv(const fs::path& file, const std::vector<std::pair<std::string, const CardiacFunction*>>& functions) {
    std::ostringstream out;
    out << "measure";
    for (const auto& [name, f] : functions) out << ',' << name;
    out << '\n';
    auto row = [&](const char* name, auto value, int decimals) {
        out << name;
        for (const auto& [n, f] : functions) out << ',' << fixed(value(*f), decimals);
        out << '\n';
    };
    row("ed_phase", [](const CardiacFunction& f) { return f.edPhase < 0 ? NAN : f.edPhase + 1.0; }, 0);
    row("es_phase", [](const CardiacFunction& f) { return f.esPhase < 0 || f.esPhase == f.edPhase ? NAN : f.esPhase + 1.0; }, 0);
    row("edv_ml", [](const CardiacFunction& f) { return f.edvMl; }, 2);
    row("esv_ml", [](const CardiacFunction& f) { return f.esvMl; }, 2);
    row("sv_ml", [](const CardiacFunction& f) { return f.svMl; }, 2);
    row("ef_percent", [](const CardiacFunction& f) { return f.efPercent; }, 2);
    row("myocardium_ml", [](const CardiacFunction& f) { return f.myocardiumMl; }, 2);
    row("lv_mass_g", [](const CardiacFunction& f) { return f.lvMassG; }, 2);
    row("bsa_m2", [](const CardiacFunction& f) { return f.bsaM2; }, 3);
    row("edvi_ml_m2", [](const CardiacFunction& f) { return f.edviMlM2; }, 2);
    row("esvi_ml_m2", [](const CardiacFunction& f) { return f.esviMlM2; }, 2);
    row("svi_ml_m2", [](const CardiacFunction& f) { return f.sviMlM2; }, 2);
    row("lv_mass_index_g_m2", [](const CardiacFunction& f) { return f.lvMassIndexGM2; }, 2);
    std::size_t phases = 0;
    for (const auto& [n, f] : functions) phases = std::max(phases, f->phases.size());
    for (std::size_t p = 0; p < phases; ++p) {
        const std::string bp = "phase_" + std::to_string(p + 1) + "_blood_pool_ml";
        const std::string myo = "phase_" + std::to_string(p + 1) + "_myocardium_ml";
        row(bp.c_str(), [p](const CardiacFunction& f) { return p < f.phases.size() ? f.phases[p].bloodPoolMl : NAN; }, 2);
        row(myo.c_str(), [p](const CardiacFunction& f) { return p < f.phases.size() ? f.phases[p].myocardiumMl : NAN; }, 2);
    }
    io::writeFileAtomically(file, out.str());
}

}  // namespace cardioseg::analysis
