#include "io/workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/png_masks.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace cardioseg::io {

namespace {

std::string fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

json readJson(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return json::object();
    return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

fs::path Workspace::defaultFolder(const fs::path& root, const std::string& studyPath) {
    const fs::path p(studyPath);
    const std::string name = p.filename().empty() ? p.parent_path().filename().string() : p.filename().string();
    return root / (name + "-" + fnv1a(fs::weakly_canonical(p).string()).substr(0, 10));
}

bool Workspace::isWorkspace(const fs::path& folder) {
    std::error_code ec;
    return fs::is_regular_file(folder / "workspace.json", ec);
}

std::string Workspace::studyOf(const fs::path& folder) {
    const json index = readJson(folder / "workspace.json");
    return index.is_object() && index.contains("study") && index["study"].is_string() ? index["study"].get<std::string>()
                                                                                      : std::string();
}

std::string Workspace::activeModel() const {
    const json index = readJson(m_folder / "workspace.json");
    return index.is_object() && index.contains("active_model") && index["active_model"].is_string()
               ? index["active_model"].get<std::string>()
               : std::string();
}

void Workspace::setActiveModel(const std::string& modelFile) const {
    json index = readJson(m_folder / "workspace.json");
    if (!index.is_object()) index = json::object();
    index["format"] = 1;
    if (!m_study.empty()) index["study"] = m_study;
    if (modelFile.empty()) index.erase("active_model");
    else index["active_model"] = modelFile;
    ensureDirectory(m_folder);
    writeFileAtomically(m_folder / "workspace.json", index.dump(2) + "\n");
}

fs::path Workspace::seriesFolder(const image::CineSeries& series) const {
    return m_folder / ("series-" + fnv1a(series.info.seriesUid).substr(0, 12));
}

void Workspace::save(const image::CineSeries& series, const SeriesWork& work) const {
    const fs::path dir = seriesFolder(series);
    ensureDirectory(dir);
    // What a workstation killed while saving left behind.
    removeStaleTemporaries(dir);
    removeStaleTemporaries(m_folder);
    // Masks first, then the index: the index never names a mask that is not there yet.
    std::error_code ec;
    std::vector<fs::path> keep;
    const auto written = writePngMasks(series, work.corrections, dir);
    keep.insert(keep.end(), written.begin(), written.end());
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".png" && std::find(keep.begin(), keep.end(), e.path()) == keep.end())
            fs::remove(e.path(), ec);

    json index = readJson(m_folder / "workspace.json");
    if (!index.is_object()) index = json::object();
    index["format"] = 1;
    if (!m_study.empty()) index["study"] = m_study;
    json review = json::object();
    for (const auto& [cell, state] : work.review) {
        const int f = series.frameAt(cell.first, cell.second);
        if (f < 0 || state == ReviewState::Unreviewed) continue;
        review[std::to_string(series.frames[f].instanceNumber) + ":" + std::to_string(cell.first) + ":" +
               std::to_string(cell.second)] = static_cast<int>(state);
    }
    json clinical = json::object();
    const ClinicalInputs& c = work.clinical;
    if (c.edPhase >= 0) clinical["ed_phase"] = c.edPhase;
    if (c.esPhase >= 0) clinical["es_phase"] = c.esPhase;
    if (c.heightM > 0) clinical["height_m"] = c.heightM;
    if (c.weightKg > 0) clinical["weight_kg"] = c.weightKg;
    json coverage = json::object();
    for (std::size_t p = 0; p < c.coverage.size(); ++p)
        if (c.coverage[p].base >= 0 || c.coverage[p].apex >= 0)
            coverage[std::to_string(p)] = {c.coverage[p].base, c.coverage[p].apex};
    if (!coverage.empty()) clinical["coverage"] = coverage;
    index["series"][series.info.seriesUid] = {{"folder", dir.filename().string()},
                                              {"patient_id", series.info.patientId},
                                              {"review", review},
                                              {"clinical", clinical}};
    writeFileAtomically(m_folder / "workspace.json", index.dump(2) + "\n");
}

SeriesWork Workspace::load(const image::CineSeries& series, std::vector<SkippedFile>& skipped) const {
    SeriesWork work;
    work.corrections = image::SeriesLabels::like(series);
    const fs::path dir = seriesFolder(series);
    std::error_code ec;
    if (fs::is_directory(dir, ec)) work.corrections = readPngMasks(series, dir, skipped);
    const fs::path indexFile = m_folder / "workspace.json";
    if (!fs::exists(indexFile, ec)) return work;
    const json index = readJson(indexFile);
    if (index.is_discarded() || !index.is_object()) {
        skipped.push_back({indexFile.string(), "unreadable workspace index; review states not restored"});
        return work;
    }
    if (!index.contains("series") || !index["series"].contains(series.info.seriesUid)) return work;
    const json& entry = index["series"][series.info.seriesUid];
    if (entry.contains("clinical") && entry["clinical"].is_object()) {
        const json& c = entry["clinical"];
        auto phase = [&](const char* key) {
            const int p = c.contains(key) && c[key].is_number_integer() ? c[key].get<int>() : -1;
            return p >= 0 && p < series.phases ? p : -1;
        };
        auto positive = [&](const char* key, double max) {
            const double v = c.contains(key) && c[key].is_number() ? c[key].get<double>() : 0.0;
            return v > 0 && v < max ? v : 0.0;
        };
        work.clinical.edPhase = phase("ed_phase");
        work.clinical.esPhase = phase("es_phase");
        work.clinical.heightM = positive("height_m", 3.0);
        work.clinical.weightKg = positive("weight_kg", 500.0);
        if (c.contains("coverage") && c["coverage"].is_object())
            for (const auto& [key, value] : c["coverage"].items()) {
                const int p = std::atoi(key.c_str());
                if (p < 0 || p >= series.phases || !value.is_array() || value.size() != 2 ||
                    !value[0].is_number_integer() || !value[1].is_number_integer())
                    continue;
                auto slice = [&](int v) { return v >= 0 && v < series.slices ? v : -1; };
                if (static_cast<int>(work.clinical.coverage.size()) <= p) work.clinical.coverage.resize(p + 1);
                work.clinical.coverage[p] = {slice(value[0].get<int>()), slice(value[1].get<int>())};
            }
    }
    const json& review = entry.contains("review") ? entry["review"] : json::object();
    for (const auto& [key, value] : review.items()) {
        int instance = 0, slice = 0, phase = 0;
        if (std::sscanf(key.c_str(), "%d:%d:%d", &instance, &slice, &phase) != 3 || !value.is_number_integer()) continue;
        const int f = series.frameAt(slice, phase);
        if (f < 0 || series.frames[f].instanceNumber != instance) continue;
        const int v = value.get<int>();
        if (v == 1 || v == 2) work.review[{slice, phase}] = static_cast<ReviewState>(v);
    }
    return work;
}

}  // namespace cardioseg::io
