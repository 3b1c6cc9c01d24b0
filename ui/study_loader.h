#pragma once

#include <QString>

#include <map>
#include <utility>
#include <vector>

#include "io/dicom_loader.h"
#include "io/scd_dataset.h"
#include "io/workspace.h"

namespace cardioseg::ui {

/// A study as the workstation shows it: its series and, where the study sits in a dataset in
/// SCD layout, the expert labels and contours of each series.
struct LoadedStudy {
    QString path;
    io::LoadResult result;
    std::vector<image::SeriesLabels> expertLabels;  ///< parallel to result.series
    /// Parallel to result.series: expert contours by (slice, phase).
    std::vector<std::map<std::pair<int, int>, io::ExpertContours>> expertContours;
    QString workspaceFolder;                  ///< where corrections of this study are saved
    QString workspaceNote;                    ///< why the workspace is not where asked, if so
    QString activeModel;                      ///< the model version this study uses (empty: the default)
    std::vector<io::SeriesWork> work;         ///< parallel to result.series: restored corrections
};

/// The SCD dataset root that holds a DICOM folder (…/dicoms/<patient>), or an empty string.
QString scdRootFor(const QString& studyPath);

/// Where a study's corrections are kept.
struct WorkspacePlacement {
    QString root;              ///< the folder that holds a workspace per study
    bool besideStudy = false;  ///< a "CardioSeg workspace" folder beside the study, if writable
};

/// The workspace folder of a study; beside the study when asked and writable, else under the
/// root (then `note` says why).
QString workspaceFolderFor(const QString& studyPath, const WorkspacePlacement& placement, QString* note);

/// Loads a study (any thread): DICOM series, expert contours when the study is part of a
/// dataset in SCD layout, and the corrections saved in its workspace.
/// `progress` may cancel (see io::ProgressFn).
LoadedStudy loadStudy(const QString& path, const WorkspacePlacement& placement, const io::ProgressFn& progress);

}  // namespace cardioseg::ui
