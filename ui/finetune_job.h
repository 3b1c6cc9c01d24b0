#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/model_versions.h"
#include "training/finetune.h"

namespace cardioseg::ui {

/// What a fine-tuning job hands back to the GUI thread.
struct FinetuneJobResult {
    training::FinetuneReport report;           ///< its model moved to `candidate`
    std::shared_ptr<engine::Model> candidate;  ///< the fine-tuned model when training completed
    std::optional<io::ModelVersion> saved;     ///< the version recorded when it was accepted
    std::string error;                         ///< an unexpected failure (the base model unreadable, ...)
};

/// Fine-tunes (any thread) its own copy of the model in `baseModel` on the corrections, with
/// replay images of the model's training data when they are at hand. When the result is at
/// least as good, it is saved at once as the next version under `versionsFolder`.
FinetuneJobResult runFinetuneJob(const QString& baseModel, const std::vector<training::LabelledImage>& corrections,
                                 const training::FinetuneOptions& options, const QString& versionsFolder,
                                 const std::function<bool(const training::FinetuneProgress&)>& progress);

/// Saves a fine-tuned model as the next version of a versions folder (any thread), with the
/// report's figures; `decision` says why it was accepted.
io::ModelVersion saveVersion(engine::Model model, const training::FinetuneReport& report, const QString& versionsFolder,
                             const QString& parent, const std::string& decision);

}  // namespace cardioseg::ui
