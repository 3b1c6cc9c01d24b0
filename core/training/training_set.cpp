#include "training/training_set.h"

#include <cstdio>
#include <stdexcept>

#include "image/intensity.h"
#include "io/dicom_loader.h"
#include "io/scd_dataset.h"

namespace cardioseg::training {

std::vector<LabelledImage> loadLabelledImages(const std::filesystem::path& root, const SelectOptions& options,
                                              std::vector<io::SkippedFile>& skipped) {
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
                LabelledImage li;
                li.patientId = patient.patientId;
                li.instanceNumber = instance;
                li.slice = s;
                li.phase = p;
                li.pixelSpacing = 0.5 * (series.geometry.rowSpacing + series.geometry.colSpacing);
                li.image = options.normalize ? image::normalizeIntensity(*series.image(s, p)) : *series.image(s, p);
                li.labels = map;
                const auto& c = patient.contours.at(instance);
                li.hasBloodPool = c.endocardium.has_value();
                li.hasMyocardium = c.endocardium.has_value() && c.epicardium.has_value();
                out.push_back(std::move(li));
            }
    }
    return out;
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
