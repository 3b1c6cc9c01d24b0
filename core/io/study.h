#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/dicom_loader.h"
#include "io/progress.h"
#include "io/scd_dataset.h"
#include "io/study_lock.h"
#include "io/workspace.h"

namespace cardioseg::io {

/// A study as a reader opens it (the workstation, or any tool that wants the same view): its
/// series, the corrections saved in its workspace, and, where the study sits in a dataset in
/// SCD layout, the expert labels and contours of each series.
struct Study {
    std::filesystem::path path;
    LoadResult result;
    std::vector<image::SeriesLabels> expertLabels;  ///< parallel to result.series
    /// Parallel to result.series: expert contours by (slice, phase).
    std::vector<std::map<std::pair<int, int>, ExpertContours>> expertContours;
    std::filesystem::path workspaceFolder;  ///< where corrections of this study are saved
    /// Asked beside the study, the workspace went under the root: the study's folder is not
    /// writable.
    bool workspaceMoved = false;
    std::string activeModel;     ///< the model version this study uses (empty: the default)
    std::vector<SeriesWork> work;  ///< parallel to result.series: restored corrections
    /// The workspace's lock, for openers that edit (the workstation takes it after loading);
    /// empty otherwise. Shared so that a Study stays copyable.
    std::shared_ptr<StudyLock> lock;
};

/// The SCD dataset root that holds a DICOM folder (…/dicoms/<patient>, or the root itself), or
/// an empty path.
std::filesystem::path scdRootFor(const std::filesystem::path& studyPath);

/// Where a study's corrections are kept.
struct WorkspacePlacement {
    std::filesystem::path root;  ///< the folder that holds a workspace per study
    bool besideStudy = false;    ///< a "CardioSeg workspace" folder beside the study, if writable
};

/// The workspace folder of a study: beside the study when asked and writable, else under the
/// root (then `moved` is set when it was asked beside the study).
std::filesystem::path workspaceFolderFor(const std::filesystem::path& studyPath, const WorkspacePlacement& placement,
                                         bool* moved = nullptr);

/// Loads a study (any thread): DICOM series, the corrections saved in its workspace, and the
/// expert contours when the study is part of a dataset in SCD layout (a dataset that cannot be
/// read is listed among the skipped files, the images still load). `progress` may cancel.
Study loadStudy(const std::filesystem::path& path, const WorkspacePlacement& placement, const ProgressFn& progress);

}  // namespace cardioseg::io
