#include "analysis/function.h"

#include <cmath>

namespace cardioseg::analysis {

double bodySurfaceArea(double heightM, double weightKg) {
    if (!(heightM > 0) || !(weightKg > 0)) return std::numeric_limits<double>::quiet_NaN();
    return std::sqrt(heightM * 100.0 * weightKg / 3600.0);
}

CardiacFunction measureFunction(const image::CineSeries& series, const image::SeriesLabels& labels,
                                const FunctionOptions& options) {
    CardiacFunction f;
    const auto& g = series.geometry;
    const double pixelMm2 = g.pixelArea();
    const double discMm = g.sliceSpacing;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int p = 0; p < labels.phases; ++p) {
        PhaseMeasures m;
        m.phase = p;
        m.bloodPoolMm2.assign(labels.slices, nan);
        m.myocardiumMm2.assign(labels.slices, nan);
        double bp = 0, myo = 0;
        bool anyMyo = false;
        for (int s = 0; s < labels.slices; ++s) {
            const auto& map = labels.at(s, p);
            if (map.empty()) continue;
            std::size_t nb = 0, nm = 0;
            for (const auto v : map.data) {
                nb += v == image::label::BloodPool;
                nm += v == image::label::Myocardium;
            }
            ++m.labelledSlices;
            m.bloodPoolMm2[s] = nb * pixelMm2;
            bp += nb * pixelMm2 * discMm;
            if (nm > 0) {
                m.myocardiumMm2[s] = nm * pixelMm2;
                myo += nm * pixelMm2 * discMm;
                anyMyo = true;
            }
        }
        if (m.labelledSlices > 0) m.bloodPoolMl = bp / 1000.0;
        if (anyMyo) m.myocardiumMl = myo / 1000.0;
        f.phases.push_back(std::move(m));
    }
    int most = 0;
    for (const auto& m : f.phases) most = std::max(most, m.labelledSlices);
    if (most == 0) {
        f.note = "no labels";
        f.noteCode = CardiacFunction::Note::NoLabels;
        return f;
    }
    for (const auto& m : f.phases) {
        if (m.labelledSlices != most) continue;
        if (f.edPhase < 0 || m.bloodPoolMl > f.phases[f.edPhase].bloodPoolMl) f.edPhase = m.phase;
        if (f.esPhase < 0 || m.bloodPoolMl < f.phases[f.esPhase].bloodPoolMl) f.esPhase = m.phase;
    }
    const int phases = static_cast<int>(f.phases.size());
    if (options.edPhase >= 0 && options.edPhase < phases) f.edPhase = options.edPhase;
    if (options.esPhase >= 0 && options.esPhase < phases) f.esPhase = options.esPhase;
    f.edEsByHand = (options.edPhase >= 0 && options.edPhase < phases) || (options.esPhase >= 0 && options.esPhase < phases);
    if (f.edEsByHand)
        for (int p : {f.edPhase, f.esPhase})
            if (f.phases[p].labelledSlices < most && f.note.empty()) {
                f.note = "phase " + std::to_string(p + 1) + " is labelled on fewer slices than others";
                f.noteCode = CardiacFunction::Note::FewerSlices;
                f.notePhase = p;
            }
    f.edvMl = f.phases[f.edPhase].bloodPoolMl;
    if (f.esPhase != f.edPhase) {
        f.esvMl = f.phases[f.esPhase].bloodPoolMl;
        f.svMl = f.edvMl - f.esvMl;
        f.efPercent = f.edvMl > 0 ? 100.0 * f.svMl / f.edvMl : nan;
    } else {
        f.note = "only one phase is labelled on every labelled slice: no end-systole";
        f.noteCode = CardiacFunction::Note::NoEndSystole;
    }
    f.myocardiumMl = f.phases[f.edPhase].myocardiumMl;
    f.lvMassG = f.myocardiumMl * options.myocardialDensity;
    if (std::isnan(f.lvMassG) && f.note.empty()) {
        f.note = "no myocardium labelled at end-diastole: no LV mass";
        f.noteCode = CardiacFunction::Note::NoMass;
    }
    // What the images say comes first; a person's entry completes what they lack.
    const bool heightEntered = !(series.info.patientSizeM > 0) && options.heightM > 0;
    const bool weightEntered = !(series.info.patientWeightKg > 0) && options.weightKg > 0;
    f.bsaM2 = bodySurfaceArea(heightEntered ? options.heightM : series.info.patientSizeM,
                              weightEntered ? options.weightKg : series.info.patientWeightKg);
    f.bodySizeEntered = (heightEntered || weightEntered) && !std::isnan(f.bsaM2);
    if (!std::isnan(f.bsaM2)) {
        f.edviMlM2 = f.edvMl / f.bsaM2;
        f.esviMlM2 = f.esvMl / f.bsaM2;
        f.sviMlM2 = f.svMl / f.bsaM2;
        f.lvMassIndexGM2 = f.lvMassG / f.bsaM2;
    }
    return f;
}

}  // namespace cardioseg::analysis
