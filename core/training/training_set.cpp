#include "training/training_set.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "image/intensity.h"
#include "image/label_edit.h"
#include "io/dicom_loader.h"
#include "io/scd_dataset.h"
#include "io/workspace.h"

namespace cardioseg::training {

std::vector<LabelledImage> loadLabelledImages(const std::filesystem::path& root, const SelectOptions& options,
                                              std::vector<io::SkippedFile>& skipped,
                                              std::map<std::string, image::CineSeries>* seriesOut) {
    const io::ScdDataset ds = io::readScdDataset(root);
    for (const auto& s : ds.skipped) skipped.push_back(s);
    for (const auto& wanted : options.patients) {
        bool found = false;
        for (const auto& p : ds.patients) found = found || p.patientId == wanted;
        if (!found) throw std::runtime_error(root.string() + ": no patient '" + wanted + "' in link.csv");
    }
    std::vector<LabelledImage> out;
    for (const auto& patient : ds.patients) {
        if (!options.patients.empty() && !options.patients.count(patient.patientId)) continue;
        auto loaded = io::loadDicom({patient.dicomDir});
        for (const auto& s : loaded.skipped) skipped.push_back(s);
        if (loaded.series.empty()) {
            skipped.push_back({patient.dicomDir.string(), "no readable DICOM series"});
            continue;
        }
        const auto& series = loaded.series.front();
        const auto labels = io::expertLabels(patient, series, &skipped);
        for (int s = 0; s < series.slices; ++s)
            for (int p = 0; p < series.phases; ++p) {
                const auto& map = labels.at(s, p);
                const int f = series.frameAt(s, p);
                if (map.empty() || f < 0 || !series.image(s, p)) continue;
                const int instance = series.frames[f].instanceNumber;
                if (options.excludeInstances.count(instance)) continue;
                if (!options.onlyInstances.empty() && !options.onlyInstances.count(instance)) continue;
                LabelledImage li = labelledImage(series, s, p, map, options.normalize);
                li.patientId = patient.patientId;
                // What the experts drew, not what the raster holds (a tiny contour may hold no pixel).
                const auto& c = patient.contours.at(instance);
                li.hasBloodPool = c.endocardium.has_value();
                li.hasMyocardium = c.endocardium.has_value() && c.epicardium.has_value();
                out.push_back(std::move(li));
            }
        if (options.basalNegatives)
            for (int p = 0; p < series.phases; ++p) {
                int first = -1, count = 0;
                double cx = 0, cy = 0, bp = 0;
                for (int s = 0; s < series.slices; ++s) {
                    const auto& map = labels.at(s, p);
                    if (map.empty()) continue;
                    if (first < 0) first = s;
                    ++count;
                    const auto c = image::labelCentre(map, image::label::BloodPool);
                    cx += c.x * static_cast<double>(c.pixels);
                    cy += c.y * static_cast<double>(c.pixels);
                    bp += static_cast<double>(c.pixels);
                }
                if (count < 3 || bp == 0) continue;
                for (int s = 0; s < first; ++s) {
                    const int f = series.frameAt(s, p);
                    if (f < 0 || !series.image(s, p)) continue;
                    const int instance = series.frames[f].instanceNumber;
                    if (options.excludeInstances.count(instance)) continue;
                    if (!options.onlyInstances.empty() && !options.onlyInstances.count(instance)) continue;
                    LabelledImage li = labelledImage(series, s, p,
                                                     image::LabelMap(series.geometry.columns, series.geometry.rows,
                                                                     image::label::Background),
                                                     options.normalize);
                    li.patientId = patient.patientId;
                    li.negative = true;
                    li.centreX = cx / bp;
                    li.centreY = cy / bp;
                    out.push_back(std::move(li));
                }
            }
        if (seriesOut) {
            image::CineSeries kept = std::move(loaded.series.front());  // not used below
            if (!options.keepSeriesPixels) kept.pixels.clear();
            (*seriesOut)[patient.patientId] = std::move(kept);
        }
    }
    return out;
}

LabelledImage labelledImage(const image::CineSeries& series, int slice, int phase, const image::LabelMap& labels,
                            bool normalize) {
    LabelledImage li;
    li.patientId = series.info.patientId;
    li.instanceNumber = series.frames[series.frameAt(slice, phase)].instanceNumber;
    li.slice = slice;
    li.phase = phase;
    li.pixelSpacing = 0.5 * (series.geometry.rowSpacing + series.geometry.colSpacing);
    li.image = normalize ? image::normalizeIntensity(*series.image(slice, phase)) : *series.image(slice, phase);
    li.labels = labels;
    const auto has = [&](std::uint8_t v) { return std::find(labels.data.begin(), labels.data.end(), v) != labels.data.end(); };
    li.hasBloodPool = has(image::label::BloodPool);
    li.hasMyocardium = has(image::label::Myocardium);
    return li;
}

namespace {

void addWorkspace(const std::filesystem::path& folder, const SelectOptions& options,
                  std::vector<io::SkippedFile>& skipped, std::vector<LabelledImage>& out) {
    const std::string study = io::Workspace::studyOf(folder);
    if (study.empty())
        throw std::runtime_error(folder.string() + ": the workspace does not record its study (saved by an older version?)");
    auto loaded = io::loadDicom({study});
    for (const auto& s : loaded.skipped) skipped.push_back(s);
    if (loaded.series.empty()) throw std::runtime_error(folder.string() + ": its study " + study + " cannot be read");
    const io::Workspace ws(folder);
    for (const auto& series : loaded.series) {
        if (!options.patients.empty() && !options.patients.count(series.info.patientId)) continue;
        const io::SeriesWork work = ws.load(series, skipped);
        for (const auto& [cell, state] : work.review) {
            if (state == io::ReviewState::Unreviewed) continue;
            const auto [s, p] = cell;
            const int f = series.frameAt(s, p);
            if (f < 0 || !series.image(s, p) || work.corrections.maps.empty() || work.corrections.at(s, p).empty()) continue;
            const int instance = series.frames[f].instanceNumber;
            if (options.excludeInstances.count(instance)) continue;
            if (!options.onlyInstances.empty() && !options.onlyInstances.count(instance)) continue;
            out.push_back(labelledImage(series, s, p, work.corrections.at(s, p), options.normalize));
        }
    }
}

}  // namespace

std::vector<LabelledImage> loadWorkspaceImages(const std::filesystem::path& folder, const SelectOptions& options,
                                               std::vector<io::SkippedFile>& skipped) {
    std::vector<LabelledImage> out;
    if (io::Workspace::isWorkspace(folder)) {
        addWorkspace(folder, options, skipped, out);
        return out;
    }
    std::error_code ec;
    std::vector<std::filesystem::path> found;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
        if (e.is_directory(ec) && io::Workspace::isWorkspace(e.path())) found.push_back(e.path());
    if (found.empty()) throw std::runtime_error(folder.string() + ": neither a dataset in SCD layout nor a workspace");
    std::sort(found.begin(), found.end());
    for (const auto& f : found) {
        try {
            addWorkspace(f, options, skipped, out);
        } catch (const std::runtime_error& e) {
            skipped.push_back({f.string(), e.what()});
        }
    }
    return out;
}

std::vector<LabelledImage> loadTrainingImages(const std::filesystem::path& path, const SelectOptions& options,
                                              std::vector<io::SkippedFile>& skipped) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path / "link.csv", ec)) return loadLabelledImages(path, options, skipped);
    if (!std::filesystem::is_directory(path, ec)) throw std::runtime_error(path.string() + ": no such folder");
    return loadWorkspaceImages(path, options, skipped);
}

std::string datasetHash(const std::vector<LabelledImage>& images) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= p[i];
            h *= 1099511628211ull;
        }
    };
    for (const auto& li : images) {
        mix(li.patientId.data(), li.patientId.size());
        mix(&li.instanceNumber, sizeof li.instanceNumber);
        mix(li.labels.data.data(), li.labels.data.size());
        mix(li.image.data.data(), li.image.data.size() * sizeof(float));
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace cardioseg::training
