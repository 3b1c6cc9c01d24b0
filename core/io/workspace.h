#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "image/series_labels.h"
#include "image/slice_range.h"
#include "io/progress.h"

namespace cardioseg::io {

/// Name of a workspace folder kept beside a study (the DICOM loader does not look inside).
inline constexpr const char* kWorkspaceFolderName = "CardioSeg workspace";

/// Review state of one image.
enum class ReviewState { Unreviewed = 0, Corrected = 1, Confirmed = 2 };

/// What a clinician entered for a series: it overrides or completes what the images say.
struct ClinicalInputs {
    int edPhase = -1;       ///< end-diastole chosen by hand (0-based); -1: found from the volumes
    int esPhase = -1;       ///< end-systole chosen by hand; -1: found from the volumes
    double heightM = 0.0;   ///< entered because the images lack PatientSize; 0: none
    double weightKg = 0.0;  ///< entered because the images lack PatientWeight; 0: none
    /// Per phase (may be shorter than the phases): base and apex set by hand.
    std::vector<image::CoverageChoice> coverage;
    bool operator==(const ClinicalInputs& o) const {
        return edPhase == o.edPhase && esPhase == o.esPhase && heightM == o.heightM && weightKg == o.weightKg &&
               coverage == o.coverage;
    }
    bool operator!=(const ClinicalInputs& o) const { return !(*this == o); }
};

/// What a cardiologist did on one series: corrected labels, review states, clinical inputs.
struct SeriesWork {
    image::SeriesLabels corrections;
    std::map<std::pair<int, int>, ReviewState> review;  ///< (slice, phase) → state; absent: unreviewed
    ClinicalInputs clinical;
};

/// A study's workspace folder: workspace.json (series UIDs, review states by DICOM instance
/// number) and one folder of PNG masks per series (see writePngMasks). Every file is written
/// atomically, so a crash never leaves a half-written workspace.
class Workspace {
public:
    /// `studyPath`: the study the workspace belongs to, recorded so that training can read the
    /// images again (see training::loadWorkspaceImages).
    explicit Workspace(std::filesystem::path folder, std::string studyPath = {})
        : m_folder(std::move(folder)), m_study(std::move(studyPath)) {}
    const std::filesystem::path& folder() const { return m_folder; }

    /// True when `folder` holds a workspace (its workspace.json).
    static bool isWorkspace(const std::filesystem::path& folder);
    /// The study path recorded in a workspace (empty when none).
    static std::string studyOf(const std::filesystem::path& folder);
    /// The model file active for this workspace's study (empty: the default one).
    std::string activeModel() const;
    /// Records the active model file (empty: back to the default one). Throws on write errors.
    void setActiveModel(const std::string& modelFile) const;

    /// Writes a series' work (masks of corrected images; masks of images no longer corrected
    /// are removed). Throws std::runtime_error naming the file and the reason.
    void save(const image::CineSeries& series, const SeriesWork& work) const;
    /// Reads back a series' work; an absent workspace gives empty work. Unreadable files are
    /// reported in `skipped`.
    SeriesWork load(const image::CineSeries& series, std::vector<SkippedFile>& skipped) const;

    /// The default folder of a study's workspace under `root`: a stable name derived from the
    /// study path, so reopening the study finds it again.
    static std::filesystem::path defaultFolder(const std::filesystem::path& root, const std::string& studyPath);

private:
    std::filesystem::path seriesFolder(const image::CineSeries& series) const;
    std::filesystem::path m_folder;
    std::string m_study;
};

}  // namespace cardioseg::io
