#include "training/evaluation.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/coverage.h"
#include "analysis/postprocess.h"
#include "io/dicom_loader.h"
#include "metrics/surface.h"
#include "training/augment.h"
#include "training/segment_series.h"

namespace cardioseg::training {

namespace {

/// Accumulates one class's figures over images.
struct ClassAccumulator {
    metrics::ConfusionMatrix cm{3};
    double hausdorff = 0, assd = 0;
    int distances = 0, images = 0, missed = 0;

    void add(const image::LabelMap& truth, const image::LabelMap& pred, std::uint8_t label, double rowSp, double colSp) {
        cm.add(truth, pred);
        ++images;
        if (const auto d = metrics::surfaceDistance(truth, pred, label, rowSp, colSp)) {
            hausdorff += d->hausdorff;
            assd += d->assd;
            ++distances;
        } else {
            ++missed;
        }
    }
    ClassFigures figures(int label) const {
        ClassFigures f;
        f.dice = cm.dice(label);
        f.iou = cm.iou(label);
        f.hausdorffMm = distances ? hausdorff / distances : std::nan("");
        f.assdMm = distances ? assd / distances : std::nan("");
        f.images = images;
        f.missed = missed;
        return f;
    }
};

}  // namespace

EvaluationReport evaluatePredictions(const std::vector<LabelledImage>& images,
                                     const std::vector<image::LabelMap>& predictions,
                                     const std::map<std::string, std::pair<double, double>>& spacing) {
    EvaluationReport r;
    ClassAccumulator bp, myo;
    std::map<std::string, std::pair<ClassAccumulator, ClassAccumulator>> perPatient;
    std::map<std::string, int> perPatientImages;
    std::set<std::string> patients;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const auto& li = images[i];
        const auto& pred = predictions[i];
        if (pred.empty()) continue;
        const auto [rs, cs] = spacing.count(li.patientId) ? spacing.at(li.patientId) : std::make_pair(1.0, 1.0);
        patients.insert(li.patientId);
        ++r.images;
        ++perPatientImages[li.patientId];
        r.pooled.add(li.labels, pred);
        if (li.hasBloodPool) {
            bp.add(li.labels, pred, image::label::BloodPool, rs, cs);
            perPatient[li.patientId].first.add(li.labels, pred, image::label::BloodPool, rs, cs);
        }
        if (li.hasMyocardium) {
            myo.add(li.labels, pred, image::label::Myocardium, rs, cs);
            perPatient[li.patientId].second.add(li.labels, pred, image::label::Myocardium, rs, cs);
        }
    }
    r.patients.assign(patients.begin(), patients.end());
    r.bloodPool = bp.figures(image::label::BloodPool);
    r.myocardium = myo.figures(image::label::Myocardium);
    for (const auto& [id, acc] : perPatient) {
        PatientFigures pf;
        pf.images = perPatientImages[id];
        pf.bloodPool = acc.first.figures(image::label::BloodPool);
        pf.myocardium = acc.second.figures(image::label::Myocardium);
        r.perPatient[id] = pf;
    }
    return r;
}

std::map<std::string, FunctionAgreement> compareFunction(const std::vector<LabelledImage>& images,
                                                         const std::vector<image::LabelMap>& predictions,
                                                         const std::map<std::string, image::CineSeries>& series) {
    struct Patient {
        image::SeriesLabels expert, model;
        std::vector<std::size_t> images;  // indices into images and predictions
    };
    std::map<std::string, Patient> patients;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const auto& li = images[i];
        const auto found = series.find(li.patientId);
        if (found == series.end() || predictions[i].empty() || !li.hasBloodPool) continue;
        auto& p = patients[li.patientId];
        if (p.expert.maps.empty()) {
            p.expert = image::SeriesLabels::like(found->second);
            p.model = image::SeriesLabels::like(found->second);
        }
        if (li.slice >= p.expert.slices || li.phase >= p.expert.phases) continue;
        p.expert.at(li.slice, li.phase) = li.labels;
        image::LabelMap model = predictions[i];
        // Where the experts drew no epicardium the model's myocardium has nothing to compare
        // with: left out, so that myocardial volumes and mass cover the same slices.
        if (!li.hasMyocardium)
            std::replace(model.data.begin(), model.data.end(), image::label::Myocardium, image::label::Background);
        p.model.at(li.slice, li.phase) = std::move(model);
        p.images.push_back(i);
    }
    std::map<std::string, FunctionAgreement> out;
    for (const auto& [id, p] : patients) {
        FunctionAgreement a;
        const auto& s = series.at(id);
        a.expert = analysis::measureFunction(s, p.expert);
        a.model = analysis::measureFunction(s, p.model);
        metrics::ConfusionMatrix all(3), ed(3), es(3);
        for (const std::size_t i : p.images) {
            const auto& truth = images[i].labels;
            all.add(truth, predictions[i]);
            if (images[i].phase == a.expert.edPhase) ed.add(truth, predictions[i]);
            if (images[i].phase == a.expert.esPhase) es.add(truth, predictions[i]);
        }
        a.bloodPoolDice = all.dice(image::label::BloodPool);
        a.edBloodPoolDice = ed.dice(image::label::BloodPool);
        a.esBloodPoolDice = es.dice(image::label::BloodPool);
        out[id] = std::move(a);
    }
    return out;
}

namespace {

/// Segments images of several patients as the workstation segments a series: per patient, one
/// region search (segmentWithRegionSearch) located on the images nearest that patient's
/// mid-ventricular slice; how the network ran goes into `runs`. Images left when `progress`
/// cancels keep empty labels.
std::vector<engine::Prediction> segmentPerPatient(engine::Segmenter& segmenter,
                                                  const std::vector<const image::FloatImage*>& inputs,
                                                  const std::vector<std::string>& patientOf,
                                                  const std::vector<int>& sliceOf, EvaluationReport::NetworkRuns& runs,
                                                  const io::ProgressFn& progress) {
    std::vector<engine::Prediction> out(inputs.size());
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < inputs.size(); ++i) groups[patientOf[i]].push_back(i);
    std::size_t finished = 0;
    RegionSearch search;  // its counts run on over the patients; each patient's region its own
    for (const auto& [id, ids] : groups) {
        std::vector<const image::FloatImage*> part;
        std::vector<int> slices;
        for (auto i : ids) {
            part.push_back(inputs[i]);
            slices.push_back(sliceOf[i]);
        }
        const auto [lo, hi] = std::minmax_element(slices.begin(), slices.end());
        search.region.reset();
        auto predictions = segmentWithRegionSearch(segmenter, part, midVentricularFirst(slices, (*lo + *hi) / 2.0), search, [&](double f, const std::string& status) {
            return !progress || progress((static_cast<double>(finished) + f * ids.size()) / inputs.size(), status);
        });
        if (!predictions) break;
        for (std::size_t k = 0; k < ids.size(); ++k) out[ids[k]] = std::move((*predictions)[k]);
        finished += ids.size();
    }
    runs = {search.wholeImages, search.cropped, search.fallbacks};
    return out;
}

}  // namespace

EvaluationReport evaluateModel(const engine::Model& model, const std::filesystem::path& dataset,
                               const SelectOptions& select, const engine::SegmentOptions& segment,
                               const EvaluateOptions& options, std::vector<io::SkippedFile>& skipped,
                               const io::ProgressFn& progress) {
    SelectOptions raw = select;
    raw.normalize = false;  // the segmenter normalises exactly as in use
    raw.keepSeriesPixels = options.coverage;
    std::map<std::string, image::CineSeries> series;
    auto images = loadLabelledImages(dataset, raw, skipped, &series);
    if (!options.simulate.empty()) {
        // The same change for an image wherever it is used (labelled, or as a coverage slice).
        for (auto& li : images) simulateScanner(li.image, options.simulate, static_cast<std::uint64_t>(li.instanceNumber));
        for (auto& [id, s] : series)
            for (std::size_t f = 0; f < s.pixels.size(); ++f)
                simulateScanner(s.pixels[f], options.simulate, static_cast<std::uint64_t>(s.frames[f].instanceNumber));
    }
    std::map<std::string, std::pair<double, double>> spacing;
    for (const auto& li : images) spacing[li.patientId] = {li.pixelSpacing, li.pixelSpacing};
    engine::Segmenter segmenter(model, segment);
    const std::string engineUsed = segmenter.device() == "cpu" ? "cpu: " + segmenter.configuration() : segmenter.device();
    auto finish = [&](image::LabelMap labels) {
        if (options.postprocess) analysis::cleanLvLabels(labels);
        return labels;
    };
    std::vector<image::LabelMap> labels;
    if (!options.coverage) {
        std::vector<const image::FloatImage*> inputs;
        std::vector<std::string> patientOf;
        std::vector<int> sliceOf;
        for (const auto& li : images) {
            inputs.push_back(&li.image);
            patientOf.push_back(li.patientId);
            sliceOf.push_back(li.slice);
        }
        EvaluationReport::NetworkRuns runs;
        for (auto& p : segmentPerPatient(segmenter, inputs, patientOf, sliceOf, runs, progress))
            labels.push_back(finish(std::move(p.labels)));
        auto report = evaluatePredictions(images, labels, spacing);
        report.function = compareFunction(images, labels, series);
        report.runs = runs;
        report.engine = engineUsed;
        return report;
    }

    // Every slice of the expert-labelled phases and of their neighbours (the coverage is
    // smoothed across the cycle), segmented as the workstation would.
    struct Patient {
        std::set<int> expertPhases, phases;
        image::SeriesLabels model;
        std::vector<std::pair<int, int>> cells;
    };
    std::map<std::string, Patient> patients;
    for (const auto& li : images) {
        auto& p = patients[li.patientId];
        p.expertPhases.insert(li.phase);
    }
    std::vector<const image::FloatImage*> inputs;
    std::vector<std::pair<std::string, std::pair<int, int>>> where;
    for (auto& [id, p] : patients) {
        const auto& s = series.at(id);
        p.model = image::SeriesLabels::like(s);
        for (int phase : p.expertPhases)
            for (int d : {-1, 0, 1}) p.phases.insert((phase + d + s.phases) % s.phases);
        for (int phase : p.phases)
            for (int slice = 0; slice < s.slices; ++slice)
                if (const auto* img = s.image(slice, phase)) {
                    inputs.push_back(img);
                    where.push_back({id, {slice, phase}});
                }
    }
    std::vector<std::string> patientOf;
    std::vector<int> sliceOf;
    for (const auto& [id, cell] : where) {
        patientOf.push_back(id);
        sliceOf.push_back(cell.first);
    }
    EvaluationReport::NetworkRuns runs;
    auto predictions = segmentPerPatient(segmenter, inputs, patientOf, sliceOf, runs, progress);
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        const auto& [id, cell] = where[i];
        patients[id].model.at(cell.first, cell.second) = finish(std::move(predictions[i].labels));
    }
    EvaluationReport::WholeVolume total;
    std::map<std::string, EvaluationReport::WholeVolume> whole;
    std::map<std::string, std::vector<EvaluationReport::CoverageAgreement>> agreement;
    for (auto& [id, p] : patients) {
        const auto& s = series.at(id);
        const auto coverage = analysis::findCoverage(s, p.model);
        p.model = analysis::applyCoverage(p.model, coverage);
        // The experts' extent and labels per phase.
        image::SeriesLabels expert = image::SeriesLabels::like(s);
        std::map<int, bool> epicardium;
        for (const auto& li : images)
            if (li.patientId == id) {
                expert.at(li.slice, li.phase) = li.labels;
                epicardium[li.phase] = epicardium[li.phase] || li.hasMyocardium;
            }
        auto& w = whole[id];
        for (int phase : p.expertPhases) {
            EvaluationReport::CoverageAgreement c;
            c.phase = phase;
            c.model = phase < static_cast<int>(coverage.size()) ? coverage[phase] : image::SliceRange();
            for (int slice = 0; slice < s.slices; ++slice)
                if (!expert.at(slice, phase).empty()) {
                    if (c.experts.base < 0) c.experts.base = slice;
                    c.experts.apex = slice;
                }
            agreement[id].push_back(c);
            for (int slice = 0; slice < s.slices; ++slice) {
                const auto& pred = p.model.at(slice, phase);
                if (pred.empty()) continue;
                image::LabelMap truth = expert.at(slice, phase);
                if (truth.empty()) {
                    truth = image::LabelMap(pred.width, pred.height, image::label::Background);
                    const auto lv = std::count_if(pred.data.begin(), pred.data.end(), [](std::uint8_t v) {
                        return v == image::label::BloodPool || v == image::label::Myocardium;
                    });
                    w.labelsOutsideMl += static_cast<double>(lv) * s.geometry.voxelVolumeMl();
                }
                image::LabelMap model = pred;
                if (!epicardium[phase]) {
                    // No epicardia at this phase: its myocardium is not judged (unknown against
                    // the experts' "not blood pool"); the blood pool is.
                    std::replace(truth.data.begin(), truth.data.end(), image::label::Myocardium, image::label::Ignore);
                    std::replace(model.data.begin(), model.data.end(), image::label::Myocardium, image::label::Background);
                }
                w.cm.add(truth, model);
                ++w.images;
            }
        }
        total.cm.add(w.cm);
        total.labelsOutsideMl += w.labelsOutsideMl;
        total.images += w.images;
    }
    // The expert-labelled images themselves, with the coverage applied.
    for (const auto& li : images) labels.push_back(patients[li.patientId].model.at(li.slice, li.phase));
    auto report = evaluatePredictions(images, labels, spacing);
    report.function = compareFunction(images, labels, series);
    report.coverage = std::move(agreement);
    report.wholeVolume = std::move(total);
    report.wholeVolumePerPatient = std::move(whole);
    report.runs = runs;
    report.engine = engineUsed;
    return report;
}

}  // namespace cardioseg::training
