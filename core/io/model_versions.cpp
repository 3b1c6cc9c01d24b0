#include "io/model_versions.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace cardioseg::io {

namespace {

json number(double v) { return std::isnan(v) ? json(nullptr) : json(v); }
double number(const json& j, const char* key) {
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : std::numeric_limits<double>::quiet_NaN();
}
/// A count: a finite number within range, else 0 (a NaN or huge value converted as is would be
/// undefined behaviour).
template <typename T>
T count(const json& j, const char* key) {
    const double v = number(j, key);
    if (!std::isfinite(v) || v < 0 || v > static_cast<double>(std::numeric_limits<T>::max())) return 0;
    return static_cast<T>(v);
}
std::string text(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

std::vector<ModelVersion> ModelVersions::list() const {
    const fs::path index = m_folder / "versions.json";
    std::error_code ec;
    if (!fs::exists(index, ec)) return {};
    std::ifstream in(index);
    const json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("versions") || !doc["versions"].is_array())
        throw std::runtime_error(index.string() + ": not a CardioSeg versions index");
    std::vector<ModelVersion> out;
    for (const auto& j : doc["versions"]) {
        ModelVersion v;
        v.id = text(j, "id");
        v.file = text(j, "file");
        v.parent = text(j, "parent");
        v.created = text(j, "created");
        v.corrections = count<int>(j, "corrections");
        v.heldOut = count<int>(j, "held_out");
        v.iterations = count<long long>(j, "iterations");
        v.seconds = number(j, "seconds");
        for (const auto& f : FinetuneChecks::fields()) v.checks.*f.value = number(j, f.key);
        v.schedule = text(j, "schedule");
        v.decision = text(j, "decision");
        // Files are recorded relative to the folder, so a workspace can move.
        if (!v.file.empty() && fs::path(v.file).is_relative()) v.file = (m_folder / v.file).string();
        out.push_back(std::move(v));
    }
    return out;
}

const std::vector<FinetuneChecks::Field>& FinetuneChecks::fields() {
    static const std::vector<Field> all{{"dice_before", &FinetuneChecks::diceBefore},
                                        {"dice_after", &FinetuneChecks::diceAfter},
                                        {"replay_dice_before", &FinetuneChecks::replayBefore},
                                        {"replay_dice_after", &FinetuneChecks::replayAfter}};
    return all;
}

std::string ModelVersions::nextId() const { return "v" + std::to_string(list().size() + 1); }

fs::path ModelVersions::fileFor(const std::string& id) const { return m_folder / (id + ".pt"); }

ModelVersion ModelVersions::add(ModelVersion v) const {
    std::vector<ModelVersion> all = list();
    if (v.id.empty()) v.id = "v" + std::to_string(all.size() + 1);
    all.push_back(v);
    json versions = json::array();
    for (const auto& x : all) {
        const fs::path file(x.file);
        const std::string stored =
            file.parent_path() == m_folder ? file.filename().string() : file.string();
        json entry{{"id", x.id},
                            {"file", stored},
                            {"parent", x.parent},
                            {"created", x.created},
                            {"corrections", x.corrections},
                            {"held_out", x.heldOut},
                            {"iterations", x.iterations},
                            {"seconds", x.seconds},
                            {"schedule", x.schedule},
                            {"decision", x.decision}};
        for (const auto& f : FinetuneChecks::fields()) entry[f.key] = number(x.checks.*f.value);
        versions.push_back(std::move(entry));
    }
    ensureDirectory(m_folder);
    writeFileAtomically(m_folder / "versions.json", json{{"format", 1}, {"versions", versions}}.dump(2) + "\n");
    return v;
}

}  // namespace cardioseg::io
