#include "io/study.h"

#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace cardioseg::io {

namespace {

fs::path folderOf(const fs::path& studyPath) {
    std::error_code ec;
    const fs::path abs = fs::absolute(studyPath, ec);
    return fs::is_directory(abs, ec) ? abs : abs.parent_path();
}

/// The folder exists or can be made and takes a file.
bool writableFolder(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (!fs::is_directory(folder, ec)) return false;
    const fs::path probe = folder / ".write-test";
    bool ok = false;
    {
        std::ofstream out(probe, std::ios::binary);
        ok = out.good() && (out << 'x') && out.flush().good();
    }
    fs::remove(probe, ec);
    return ok;
}

}  // namespace

fs::path scdRootFor(const fs::path& studyPath) {
    std::error_code ec;
    fs::path dir = folderOf(studyPath).lexically_normal();
    if (!dir.empty() && !dir.has_filename()) dir = dir.parent_path();  // a trailing separator
    if (fs::exists(dir / "link.csv", ec)) return dir;
    const fs::path parent = dir.parent_path();
    if (parent.filename() == "dicoms" && fs::exists(parent.parent_path() / "link.csv", ec)) return parent.parent_path();
    return {};
}

fs::path workspaceFolderFor(const fs::path& studyPath, const WorkspacePlacement& placement, bool* moved) {
    if (moved) *moved = false;
    if (placement.besideStudy) {
        const fs::path folder = folderOf(studyPath) / kWorkspaceFolderName;
        if (writableFolder(folder)) return folder;
        if (moved) *moved = true;
    }
    return Workspace::defaultFolder(placement.root, studyPath.string());
}

Study loadStudy(const fs::path& path, const WorkspacePlacement& placement, const ProgressFn& progress) {
    Study study;
    study.path = path;
    LoadOptions opt;
    opt.progress = progress;
    study.result = loadDicom({path}, opt);
    const auto& series = study.result.series;
    study.expertLabels.resize(series.size());
    study.expertContours.resize(series.size());
    study.workspaceFolder = workspaceFolderFor(path, placement, &study.workspaceMoved);
    const Workspace workspace(study.workspaceFolder);
    study.activeModel = workspace.activeModel();
    for (const auto& s : series) study.work.push_back(workspace.load(s, study.result.skipped));
    const fs::path root = scdRootFor(path);
    if (root.empty() || study.result.cancelled) return study;

    ScdDataset ds;
    try {
        ds = readScdDataset(root);
    } catch (const std::exception& e) {
        study.result.skipped.push_back({root.string(), e.what()});
        return study;
    }
    for (auto& s : ds.skipped) study.result.skipped.push_back(std::move(s));
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (series[i].frames.empty()) continue;
        const fs::path first = fs::weakly_canonical(series[i].frames.front().file);
        for (const auto& patient : ds.patients) {
            const fs::path dir = fs::weakly_canonical(patient.dicomDir);
            if (first.parent_path() != dir) continue;
            study.expertLabels[i] = expertLabels(patient, series[i], &study.result.skipped);
            for (const auto& [instance, contours] : patient.contours)
                if (const auto where = series[i].findInstance(instance)) study.expertContours[i][*where] = contours;
        }
    }
    return study;
}

}  // namespace cardioseg::io
