#include "training/evaluation.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/postprocess.h"
#include "io/dicom_loader.h"
#include "metrics/surface.h"

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

EvaluationReport evaluateModel(const engine::Model& model, const std::filesystem::path& dataset,
                               const SelectOptions& select, const engine::SegmentOptions& segment, bool postprocess,
                               std::vector<io::SkippedFile>& skipped, const io::ProgressFn& progress) {
    SelectOptions raw = select;
    raw.normalize = false;  // the segmenter normalises exactly as in use
    std::map<std::string, image::CineSeries> series;
    const auto images = loadLabelledImages(dataset, raw, skipped, &series);
    std::map<std::string, std::pair<double, double>> spacing;
    for (const auto& li : images) spacing[li.patientId] = {li.pixelSpacing, li.pixelSpacing};
    std::vector<const image::FloatImage*> inputs;
    for (const auto& li : images) inputs.push_back(&li.image);
    engine::Segmenter segmenter(model, segment);
    const auto predictions = segmenter.segment(inputs, progress);
    std::vector<image::LabelMap> labels;
    for (const auto& p : predictions) {
        labels.push_back(p.labels);
        if (postprocess) analysis::cleanLvLabels(labels.back());
    }
    auto report = evaluatePredictions(images, labels, spacing);
    report.function = compareFunction(images, labels, series);
    return report;
}

}  // namespace cardioseg::training
