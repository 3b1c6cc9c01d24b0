#include "engine/state_dict.h"

#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/torch.h>

#include <fstream>
#include <iterator>
#include <map>

#include "engine/model_impl.h"

namespace cardioseg::engine {

namespace {

std::string shapeOf(const torch::Tensor& t) {
    std::string s = "[";
    for (std::int64_t i = 0; i < t.dim(); ++i) s += (i ? "×" : "") + std::to_string(t.size(i));
    return s + "]";
}

}  // namespace

StateDictImport importStateDict(Model& model, const std::filesystem::path& file, bool strict) {
    const std::string name = file.string();
    checkUntrustedArchive(file);  // untrusted input, as a model file
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ModelFileError(name + ": cannot be opened");
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    c10::IValue value;
    try {
        value = torch::pickle_load(bytes);
    } catch (const std::exception& e) {
        throw ModelFileError(name + ": not a PyTorch file saved with torch.save (" +
                             std::string(e.what()).substr(0, 200) + ")");
    }
    if (!value.isGenericDict())
        throw ModelFileError(name + ": holds no state dict (a dictionary of tensors)");
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& entry : value.toGenericDict()) {
        if (!entry.key().isString() || !entry.value().isTensor())
            throw ModelFileError(name + ": holds no state dict (an entry is not a named tensor)");
        tensors[entry.key().toStringRef()] = entry.value().toTensor();
    }

    auto net = model.impl()->net;
    StateDictImport report;
    std::map<std::string, torch::Tensor> targets;
    for (const auto& p : net->named_parameters()) targets[p.key()] = p.value();
    for (const auto& b : net->named_buffers()) targets[b.key()] = b.value();
    torch::NoGradGuard ng;
    for (const auto& [key, target] : targets) {
        const auto it = tensors.find(key);
        if (it == tensors.end()) {
            report.notInFile.push_back(key);
            continue;
        }
        if (it->second.sizes() != target.sizes())
            throw ModelFileError(name + ": tensor '" + key + "' is " + shapeOf(it->second) +
                                 ", the " + archName(model.config()) + " model needs " +
                                 shapeOf(target));
        target.copy_(it->second.to(target.dtype()));
        ++report.copied;
    }
    for (const auto& kv : tensors)
        if (!targets.count(kv.first)) report.notInModel.push_back(kv.first);
    if (strict) {
        for (const auto& key : report.notInFile)
            if (key.find("num_batches_tracked") == std::string::npos)
                throw ModelFileError(name + ": lacks tensor '" + key + "' of the " +
                                     archName(model.config()) + " model");
    }
    return report;
}

}  // namespace cardioseg::engine
