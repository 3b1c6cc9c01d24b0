#include "study_loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fs = std::filesystem;

namespace cardioseg::ui {

QString scdRootFor(const QString& studyPath) {
    const QFileInfo info(studyPath);
    QDir dir(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    if (dir.exists("link.csv")) return dir.absolutePath();
    if (dir.cdUp() && dir.dirName() == "dicoms" && dir.cdUp() && dir.exists("link.csv")) return dir.absolutePath();
    return {};
}

QString workspaceFolderFor(const QString& studyPath, const WorkspacePlacement& placement, QString* note) {
    if (placement.besideStudy) {
        const QFileInfo info(studyPath);
        const QString folder = QDir(info.isDir() ? info.absoluteFilePath() : info.absolutePath())
                                   .filePath(QString::fromUtf8(io::kWorkspaceFolderName));
        // Writable when the folder exists or can be made and takes a file.
        if (QDir().mkpath(folder)) {
            QFile probe(QDir(folder).filePath(QStringLiteral(".write-test")));
            if (probe.open(QIODevice::WriteOnly)) {
                probe.close();
                probe.remove();
                return folder;
            }
        }
        if (note) *note = QObject::tr("The study's folder is not writable; corrections are saved under %1").arg(placement.root);
    }
    return QString::fromStdString(
        io::Workspace::defaultFolder(placement.root.toStdString(), studyPath.toStdString()).string());
}

LoadedStudy loadStudy(const QString& path, const WorkspacePlacement& placement, const io::ProgressFn& progress) {
    LoadedStudy study;
    study.path = path;
    io::LoadOptions opt;
    opt.progress = progress;
    study.result = io::loadDicom({fs::path(path.toStdString())}, opt);
    const auto& series = study.result.series;
    study.expertLabels.resize(series.size());
    study.expertContours.resize(series.size());
    study.workspaceFolder = workspaceFolderFor(path, placement, &study.workspaceNote);
    const io::Workspace workspace(study.workspaceFolder.toStdString());
    study.activeModel = QString::fromStdString(workspace.activeModel());
    for (const auto& s : series) study.work.push_back(workspace.load(s, study.result.skipped));
    const QString root = scdRootFor(path);
    if (root.isEmpty() || study.result.cancelled) return study;

    io::ScdDataset ds;
    try {
        ds = io::readScdDataset(root.toStdString());
    } catch (const std::exception& e) {
        study.result.skipped.push_back({root.toStdString(), e.what()});
        return study;
    }
    for (auto& s : ds.skipped) study.result.skipped.push_back(std::move(s));
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (series[i].frames.empty()) continue;
        const fs::path first = fs::weakly_canonical(series[i].frames.front().file);
        for (const auto& patient : ds.patients) {
            const fs::path dir = fs::weakly_canonical(patient.dicomDir);
            if (first.parent_path() != dir) continue;
            study.expertLabels[i] = io::expertLabels(patient, series[i], &study.result.skipped);
            for (const auto& [instance, contours] : patient.contours)
                if (const auto where = series[i].findInstance(instance)) study.expertContours[i][*where] = contours;
        }
    }
    return study;
}

}  // namespace cardioseg::ui
