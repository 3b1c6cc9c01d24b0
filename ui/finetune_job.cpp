#include "finetune_job.h"

#include <QFileInfo>

namespace cardioseg::ui {

io::ModelVersion saveVersion(engine::Model model, const training::FinetuneReport& report, const QString& versionsFolder,
                             const QString& parent, const std::string& decision) {
    const io::ModelVersions versions(versionsFolder.toStdString());
    io::ModelVersion v;
    v.id = versions.nextId();
    v.file = versions.fileFor(v.id).string();
    v.parent = parent.toStdString();
    v.created = model.info().created;
    v.corrections = report.trainImages;
    v.heldOut = report.validationImages;
    v.iterations = report.outcome.iterations;
    v.seconds = report.seconds;
    v.checks = report.checks;
    v.schedule = model.info().schedule;
    v.decision = decision;
    model.info().version = v.id;
    model.info().parent = v.parent;
    model.save(v.file);  // the file first, then the index that names it
    return versions.add(v);
}

FinetuneJobResult runFinetuneJob(const QString& baseModel, const std::vector<training::LabelledImage>& corrections,
                                 const training::FinetuneOptions& options, const QString& versionsFolder,
                                 const std::function<bool(const training::FinetuneProgress&)>& progress) {
    FinetuneJobResult r;
    try {
        const engine::Model base = engine::Model::load(baseModel.toStdString());
        std::vector<io::SkippedFile> skipped;
        const auto replay = training::replayImages(base, {}, corrections, skipped);
        training::FinetuneOptions o = options;
        if (replay.empty()) o.replayShare = 0.0;
        r.report = training::finetune(base, corrections, replay, o, progress);
        if (r.report.model) {
            r.candidate = std::make_shared<engine::Model>(std::move(*r.report.model));
            r.report.model.reset();
            if (r.report.accepted) {
                const QString parent = !base.info().version.empty() ? QString::fromStdString(base.info().version)
                                                                    : QFileInfo(baseModel).fileName();
                r.saved = saveVersion(*r.candidate, r.report, versionsFolder, parent, r.report.decision);
            }
        }
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

}  // namespace cardioseg::ui
