#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "image/series_labels.h"
#include "io/progress.h"

namespace cardioseg::io {

/// Name of a workspace folder kept beside a study (the DICOM loader does not look inside).
inline constexpr const char* kWorkspaceFolderName = "CardioSeg workspace";

/// Review state of one image.
enum class ReviewState { Unreviewed = 0, Corrected = 1, Confirmed = 2 };

/// What a cardiologist did on one series: corrected labels and review states.
struct SeriesWork {
    image::SeriesLabels corrections;
    std::map<std::pair<int, int>, ReviewState> review;  ///< (slice, phase) → state; absent: unreviewed
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
