#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "image/cine_series.h"
#include "image/geometry.h"

namespace cardioseg::testing {

/// Transfer syntaxes the synthetic writer can produce.
enum class Encoding { ExplicitLittle, ImplicitLittle, ExplicitBig, Rle, JpegLossless, JpegLsLossless, JpegBaseline };

/// A synthetic cine short-axis series with known geometry and pixel values.
struct SyntheticSeries {
    int rows = 24;
    int columns = 32;
    int slices = 4;
    int phases = 5;
    double rowSpacing = 1.5;
    double colSpacing = 1.25;
    double sliceSpacing = 8.0;
    /// The Sunnybrook short-axis orientation (rowDir × colDir points towards the base).
    image::Vec3 rowDir{-0.104592, 0.346381, -0.932245};
    image::Vec3 colDir{-0.733192, -0.660188, -0.163037};
    image::Vec3 basalOrigin{162.673, 35.6185, 144.459};  ///< position of the basal slice
    double triggerStep = 37.5;                           ///< ms between phases
    std::string seriesUid = "1.2.826.0.1.3680043.10.511.1.1";
    std::string studyUid = "1.2.826.0.1.3680043.10.511.2.1";
    std::string patientId = "SYNTH001";
    std::string description = "SA cine synthetic";
    int seriesNumber = 5;
    Encoding encoding = Encoding::ExplicitLittle;
    int bitsAllocated = 16;
    int bitsStored = 12;
    bool isSigned = false;
    double rescaleSlope = 1.0;
    double rescaleIntercept = 0.0;
    bool monochrome1 = false;
    bool writeWindow = true;
    bool multiFrame = false;       ///< one Enhanced MR file holding every frame
    bool withExtension = true;     ///< ".dcm" file names
    bool apexFirstInstances = true;  ///< instance 1 is the most apical slice (tests re-sorting)
    unsigned shuffleSeed = 1;      ///< file names do not follow the slice/phase order
    /// Pixels show an LV phantom instead of a ramp: a bright blood pool disc in a dark
    /// myocardial ring on mid-grey tissue (see phantomRadii).
    bool phantom = false;
    /// Values real archives are full of: UID components with leading zeros (study, series,
    /// frame of reference, every SOP instance), impossible dates (StudyDate 20120000,
    /// PatientBirthDate 00000000), a retired time form (10:15:00), wrong VRs (PatientSex and
    /// ReferringPhysicianName stored as LO, PatientSex "male"), an over-long StudyDescription,
    /// a control character in StudyID and odd-length values (PatientID, InstitutionName).
    bool archiveDefects = false;
};

/// The UIDs the series' files carry (study, series, frame of reference, SOP instances).
std::string studyUidOf(const SyntheticSeries& s);
std::string seriesUidOf(const SyntheticSeries& s);
std::string frameOfReferenceUidOf(const SyntheticSeries& s);

/// Endocardial and epicardial radii (pixels) of the phantom at (slice, phase): the ventricle
/// narrows towards the apex and contracts from phase 0 (end-diastole) to the middle phase.
std::pair<double, double> phantomRadii(const SyntheticSeries& s, int slice, int phase);
/// Centre of the phantom in pixel coordinates.
std::pair<double, double> phantomCentre(const SyntheticSeries& s);

/// Writes a dataset in SCD layout: link.csv, dicoms/<patientId>/ (a phantom series) and
/// contourfiles/<contourId>/ with endocardial contours at phases 0 and phases/2 of every slice
/// and epicardial contours at phase 0. Returns the instance numbers that carry contours.
std::vector<int> writeScdDataset(const std::filesystem::path& root, SyntheticSeries s,
                                 const std::string& contourId = "C-1");

/// A dataset in SCD layout of a 48² phantom series, 4 slices × 4 phases, whose experts start
/// at slice 1: slice 0 is left unlabelled at both phases they drew (a basal slice without
/// ventricle). Returns the series written.
SyntheticSeries writeScdDatasetWithBasalGap(const std::filesystem::path& root);

/// Removes the contours of image (slice, phase) from a dataset writeScdDataset wrote: the
/// experts left that image unlabelled.
void removeScdContours(const std::filesystem::path& root, const SyntheticSeries& s, int slice, int phase,
                       const std::string& contourId = "C-1");

/// Raw stored value of pixel (x, y) of image (slice, phase); within bitsStored.
int rawPixel(const SyntheticSeries& s, int slice, int phase, int x, int y);

/// Modality value (after rescale and sign) that a reader must produce for that pixel.
double modalityPixel(const SyntheticSeries& s, int slice, int phase, int x, int y);

/// InstanceNumber given to image (slice, phase) (slice 0 = base).
int instanceNumberOf(const SyntheticSeries& s, int slice, int phase);

/// ImagePositionPatient of slice k (slice 0 = base).
image::Vec3 slicePosition(const SyntheticSeries& s, int slice);

/// Writes the series into `dir` (created); returns the files written.
std::vector<std::filesystem::path> writeSeries(const std::filesystem::path& dir, const SyntheticSeries& s);

/// A 3 000-image study in `dir`: ten cine series (UIDs …<uidRoot>.1 to .10) of 15 slices × 20
/// phases, 128 × 128 pixels, each in a folder of its own. Returns the bytes of its pixels as the
/// workstation holds them (32-bit values).
double writeThreeThousandImageStudy(const std::filesystem::path& dir, const std::string& uidRoot);

/// The series as the loader reads it (written to a temporary folder, loaded, folder removed).
image::CineSeries makeCineSeries(const SyntheticSeries& s);

/// Files under `folder` (into its subfolders) whose names say they are an atomic write's
/// temporary (".tmp"): what a write that failed or was killed could leave behind. Empty when
/// there are none (or no folder).
std::vector<std::string> atomicTemporariesIn(const std::filesystem::path& folder);

/// A fresh empty temporary folder, removed with the object.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// ../shared/data/scd when present next to the source tree, else an empty path.
std::filesystem::path sharedScdDir();

}  // namespace cardioseg::testing
