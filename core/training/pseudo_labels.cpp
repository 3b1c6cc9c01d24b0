#include "training/pseudo_labels.h"

#include <algorithm>
#include <cmath>

#include "analysis/coverage.h"
#include "engine/segmenter.h"
#include "io/dicom_loader.h"
#include "io/scd_dataset.h"
#include "training/segment_series.h"

namespace cardioseg::training {

std::vector<LabelledImage> pseudoLabelledImages(const engine::Model& teacher,
                                                const std::filesystem::path& root,
                                                const SelectOptions& select,
                                                const PseudoLabelOptions& o,
                                                std::vector<io::SkippedFile>& skipped) {
    const io::ScdDataset ds = io::readScdDataset(root);
    engine::SegmentOptions so;
    so.threads = o.threads;
    engine::Segmenter segmenter(teacher, so);
    std::vector<LabelledImage> out;
    for (const auto& patient : ds.patients) {
        if (!select.patients.empty() && !select.patients.count(patient.patientId)) continue;
        auto loaded = io::loadDicom({patient.dicomDir});
        if (loaded.series.empty()) {
            skipped.push_back({patient.dicomDir.string(), "no readable DICOM series"});
            continue;
        }
        const auto& series = loaded.series.front();
        const auto experts = io::expertLabels(patient, series, &skipped);
        auto segmented = segmentSeriesWithCoverage(segmenter, series);
        if (!segmented) continue;
        const auto evidence = analysis::coverageEvidence(series, segmented->labels);
        struct Candidate {
            int slice, phase;
            double uncertainty;
        };
        std::vector<Candidate> candidates;
        for (int s = 0; s < series.slices; ++s)
            for (int p = 0; p < series.phases; ++p) {
                const std::size_t i = static_cast<std::size_t>(s) * series.phases + p;
                if (!experts.at(s, p).empty() || !series.image(s, p)) continue;
                if (p >= static_cast<int>(segmented->coverage.size()) ||
                    !segmented->coverage[p].contains(s))
                    continue;
                if (evidence[i].surround < o.minSurround ||
                    evidence[i].bloodPoolMm2 < o.minBloodPoolMm2)
                    continue;
                candidates.push_back({s, p, segmented->uncertainty[i]});
            }
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return a.uncertainty < b.uncertainty;
        });
        const auto keep = static_cast<std::size_t>(
            std::ceil(o.keepShare * static_cast<double>(candidates.size())));
        candidates.resize(std::min(candidates.size(), keep));
        for (const auto& c : candidates) {
            LabelledImage li = labelledImage(
                series, c.slice, c.phase, segmented->labels.at(c.slice, c.phase), select.normalize);
            li.patientId = patient.patientId;
            li.pseudo = true;
            out.push_back(std::move(li));
        }
    }
    return out;
}

}  // namespace cardioseg::training
