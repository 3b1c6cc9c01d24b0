#pragma once

#include <limits>
#include <string>
#include <vector>

#include "image/series_labels.h"

namespace cardioseg::analysis {

/// The left ventricle in one cardiac phase.
struct PhaseMeasures {
    int phase = 0;
    int labelledSlices = 0;          ///< slices of this phase that carry labels
    double bloodPoolMl = std::numeric_limits<double>::quiet_NaN();   ///< NaN: no slice labelled
    double myocardiumMl = std::numeric_limits<double>::quiet_NaN();  ///< NaN: no myocardium labelled
    std::vector<double> bloodPoolMm2;   ///< per slice (NaN where the slice carries no labels)
    std::vector<double> myocardiumMm2;  ///< per slice (NaN where no myocardium is labelled)
};

/// LV function of a cine short-axis series from its labels.
///
/// Volumes by disc summation (Simpson's method of discs): each labelled slice contributes its
/// labelled area × the slice spacing, as a disc centred on the slice. Slices without labels
/// contribute nothing, so the base and apex count as far as they are labelled: a basal slice
/// counts when its blood pool is labelled (the contours end at the mitral valve plane), and
/// nothing is extrapolated beyond the most apical labelled slice. Unknown (255) pixels are not
/// counted. End-diastole and end-systole are the phases of largest and smallest blood-pool
/// volume among the phases labelled on the most slices (so a phase labelled on fewer slices
/// never passes for end-systole).
struct CardiacFunction {
    std::vector<PhaseMeasures> phases;  ///< one per phase of the series
    int edPhase = -1;
    int esPhase = -1;
    double edvMl = std::numeric_limits<double>::quiet_NaN();
    double esvMl = std::numeric_limits<double>::quiet_NaN();
    double svMl = std::numeric_limits<double>::quiet_NaN();
    double efPercent = std::numeric_limits<double>::quiet_NaN();
    double myocardiumMl = std::numeric_limits<double>::quiet_NaN();  ///< at end-diastole
    double lvMassG = std::numeric_limits<double>::quiet_NaN();       ///< myocardium at ED × density
    /// Body-surface area (Mosteller) from PatientSize and PatientWeight, and the indexed values.
    double bsaM2 = std::numeric_limits<double>::quiet_NaN();
    double edviMlM2 = std::numeric_limits<double>::quiet_NaN();
    double esviMlM2 = std::numeric_limits<double>::quiet_NaN();
    double sviMlM2 = std::numeric_limits<double>::quiet_NaN();
    double lvMassIndexGM2 = std::numeric_limits<double>::quiet_NaN();
    std::string note;  ///< why figures are missing, when they are (English, for the command line)
    /// The same as a code, for interfaces that word it in their language.
    enum class Note { None, NoLabels, FewerSlices, NoEndSystole, NoMass } noteCode = Note::None;
    int notePhase = -1;  ///< the phase a FewerSlices note is about
    bool edEsByHand = false;     ///< ED and ES were chosen by a person (FunctionOptions)
    bool bodySizeEntered = false;  ///< BSA from a height and weight entered by a person
};

struct FunctionOptions {
    double myocardialDensity = 1.05;  ///< g/mL
    /// End-diastole and end-systole chosen by a person (0-based; -1: found from the volumes).
    /// A chosen phase without labels leaves its figures empty, with a note.
    int edPhase = -1;
    int esPhase = -1;
    /// Height (m) and weight (kg) entered by a person, used when the images have none.
    double heightM = 0.0;
    double weightKg = 0.0;
};

CardiacFunction measureFunction(const image::CineSeries& series, const image::SeriesLabels& labels,
                                const FunctionOptions& options = {});

/// Mosteller's body-surface area in m² (height in m, weight in kg); NaN when either is unknown.
double bodySurfaceArea(double heightM, double weightKg);

}  // namespace cardioseg::analysis
