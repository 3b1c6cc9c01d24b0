// cardioseg-cli quantize: records the int8 activation ranges a model needs to run in int8 (the
// weights stay fp32; the segmenter quantises them when this CPU's calibration finds int8 faster).
#include <cstdio>
#include <iostream>

#include "cli_commands.h"
#include "engine/segmenter.h"
#include "training/finetune.h"
#include "training/training_set.h"

namespace cardioseg::cli {

void addQuantizeCommand(CLI::App& app, QuantizeArgs& a) {
    auto* cmd = app.add_subcommand(
        "quantize", "Record a model's int8 activation ranges from labelled images, so that it runs in int8 where "
                    "this CPU's calibration finds that faster (train and finetune record them themselves)");
    cmd->add_option("--model", a.model, "Model file (default: the shipped model)");
    cmd->add_option("--dataset", a.dataset, "Dataset root in SCD layout, a workspace, or a folder of workspaces")
        ->required();
    cmd->add_option("--output", a.output, "Model file to write")->required();
    cmd->add_option("--patients", a.patients, "Patient IDs whose images are used (default: all)");
    cmd->add_option("--images", a.images, "At most this many images, spread over the dataset")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_flag("--json", a.json, "Print one JSON object on stdout");
}

int runQuantize(const QuantizeArgs& a) {
    engine::Model model = loadModelOrDefault(a.model);  // its own, freshly read: only its metadata changes
    training::SelectOptions sel;
    sel.patients = splitList(a.patients);
    sel.basalNegatives = true;  // slices without ventricle are shown to the network too
    std::vector<io::SkippedFile> skipped;
    const std::vector<training::LabelledImage> images = loadTrainingImagesForCli(a.dataset, sel, skipped);
    if (images.empty()) throw UsageError(a.dataset + ": no labelled image to observe");
    const std::size_t used = std::min<std::size_t>(images.size(), static_cast<std::size_t>(a.images));
    training::recordInt8Ranges(model, images, used);
    model.save(a.output);
    const nlohmann::json out{{"model", a.output},
                             {"images", used},
                             {"int8_ranges", engine::hasInt8Ranges(model)},
                             {"skipped", skippedJson(skipped)}};
    if (a.json)
        std::cout << out.dump(2) << "\n";
    else
        std::printf("Recorded int8 activation ranges from %zu image(s); wrote %s\n", used, a.output.c_str());
    return 0;
}

}  // namespace cardioseg::cli
