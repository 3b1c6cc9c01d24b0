#include "engine/model.h"

#include <torch/torch.h>

#include <fstream>

#include <cmath>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "engine/device.h"
#include "io/model_archive.h"
#include "engine/accelerator.h"
#include "engine/model_impl.h"
#include "cardioseg_version.h"

namespace fs = std::filesystem;

namespace cardioseg::engine {

namespace {

constexpr int kFormatVersion = 1;

std::string joinClasses(const std::vector<std::string>& c) {
    std::string s;
    for (std::size_t i = 0; i < c.size(); ++i) s += (i ? "," : "") + c[i];
    return s;
}

std::vector<std::string> splitClasses(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) out.push_back(item);
    return out;
}

/// The configuration and the model's information as "key=value" lines (values carry no newline).
std::string encodeMetadata(const ModelConfig& c, const ModelInfo& info) {
    std::ostringstream out;
    out << "format=" << kFormatVersion << "\n"
        << "arch=" << archName(c) << "\n"
        << "backbone=" << c.backbone << "\n"
        << "output_stride=" << c.outputStride << "\n"
        << "in_channels=" << c.inChannels << "\n"
        << "num_classes=" << c.numClasses << "\n"
        << "aspp_channels=" << c.asppChannels << "\n"
        << "multi_grid=" << (c.multiGrid ? 1 : 0) << "\n"
        << "torchvision_layout=" << (c.torchvisionLayout ? 1 : 0) << "\n"
        << "classes=" << joinClasses(c.classes) << "\n"
        << "normalisation=percentile-1-99\n";
    for (const auto& [k, v] : info.entries()) {
        std::string value = v;
        for (char& ch : value)
            if (ch == '\n' || ch == '\r') ch = ' ';
        out << "meta." << k << "=" << value << "\n";
    }
    return out.str();
}

void decodeMetadata(const std::string& text, ModelConfig& c, ModelInfo& info, const std::string& file) {
    std::map<std::string, std::string> kv;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) kv[line.substr(0, eq)] = line.substr(eq + 1);
    }
    auto need = [&](const std::string& k) -> const std::string& {
        auto it = kv.find(k);
        if (it == kv.end()) throw ModelFileError(file + ": not a CardioSeg model (no '" + k + "' in its metadata)");
        return it->second;
    };
    if (std::stoi(need("format")) > kFormatVersion)
        throw ModelFileError(file + ": written by a newer CardioSeg (format " + need("format") + ")");
    c.backbone = need("backbone");
    c.outputStride = std::stoi(need("output_stride"));
    c.inChannels = std::stoi(need("in_channels"));
    c.numClasses = std::stoi(need("num_classes"));
    c.asppChannels = std::stoi(need("aspp_channels"));
    c.multiGrid = need("multi_grid") == "1";
    c.torchvisionLayout = need("torchvision_layout") == "1";
    c.classes = splitClasses(need("classes"));
    std::map<std::string, std::string> meta;
    for (const auto& [k, v] : kv)
        if (k.rfind("meta.", 0) == 0) meta[k.substr(5)] = v;
    try {
        info = ModelInfo::fromEntries(meta);
    } catch (const std::invalid_argument& e) {
        throw ModelFileError(file + ": unusable model file (" + e.what() + ")");
    }
}

void initWeights(DeepLabV3& net, std::uint64_t seed) {
    torch::manual_seed(seed);
    torch::NoGradGuard ng;
    for (auto& m : net->modules(false)) {
        if (auto* c = m->as<torch::nn::Conv2dImpl>()) {
            torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (c->options.bias()) c->bias.zero_();
        } else if (auto* b = m->as<NormImpl>()) {
            b->weight.fill_(1.0);
            b->bias.zero_();
        }
    }
}

}  // namespace

Model Model::create(const ModelConfig& config, std::uint64_t seed) {
    Model m;
    m.m_impl = std::make_shared<Impl>();
    m.m_impl->config = config;
    m.m_impl->net = DeepLabV3(config);
    initWeights(m.m_impl->net, seed);
    return m;
}

namespace {

/// A tensor's elements all lie within its storage (LibTorch takes sizes, strides and offset from
/// the file as they are).
bool withinStorage(const torch::Tensor& t) {
    if (!t.defined() || !t.has_storage()) return false;
    if (t.numel() == 0) return true;
    const std::int64_t capacity =
        static_cast<std::int64_t>(t.storage().nbytes()) / static_cast<std::int64_t>(t.element_size());
    // Each term checked before it is added: the file's strides may be anything.
    if (t.storage_offset() < 0 || t.storage_offset() >= capacity) return false;
    std::int64_t last = t.storage_offset();
    for (std::int64_t d = 0; d < t.dim(); ++d) {
        if (t.stride(d) < 0 || (t.size(d) > 1 && t.stride(d) >= capacity)) return false;
        last += (t.size(d) - 1) * t.stride(d);
        if (last >= capacity) return false;
    }
    return true;
}

}  // namespace

void checkUntrustedArchive(const fs::path& file) {
    try {
        io::checkModelArchive(file);
    } catch (const io::ModelArchiveError& e) {
        throw ModelFileError(e.what());
    }
}

Model Model::load(const fs::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw ModelFileError(name + ": no such model file");
    checkUntrustedArchive(file);
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(name);
    } catch (const c10::Error& e) {
        throw ModelFileError(name + ": not a readable model file (corrupt or truncated)");
    }
    Model m;
    m.m_impl = std::make_shared<Impl>();
    try {
        c10::IValue meta;
        if (!archive.try_read("cardioseg_metadata", meta) || !meta.isString())
            throw ModelFileError(name + ": not a CardioSeg model (no metadata)");
        decodeMetadata(meta.toStringRef(), m.m_impl->config, m.m_impl->info, name);
        m.m_impl->net = DeepLabV3(m.m_impl->config);
        torch::NoGradGuard ng;
        auto assign = [&](const std::string& key, torch::Tensor& target) {
            torch::Tensor t;
            if (!archive.try_read(key, t))
                throw ModelFileError(name + ": incompatible with its architecture (no '" + key + "')");
            if (t.sizes() != target.sizes())
                throw ModelFileError(name + ": incompatible: '" + key + "' has shape " + c10::str(t.sizes()) +
                                     ", the architecture expects " + c10::str(target.sizes()));
            if (t.scalar_type() != target.scalar_type())
                throw ModelFileError(name + ": incompatible: '" + key + "' holds " + std::string(c10::toString(t.scalar_type())) +
                                     ", the architecture expects " + c10::toString(target.scalar_type()));
            // The file says where in its storage the tensor's values are: they must be there.
            if (!withinStorage(t))
                throw ModelFileError(name + ": damaged: '" + key + "' claims more values than its storage holds");
            target.copy_(t);
        };
        for (auto& p : m.m_impl->net->named_parameters()) assign(p.key(), p.value());
        for (auto& b : m.m_impl->net->named_buffers()) assign(b.key(), b.value());
    } catch (const ModelFileError&) {
        throw;
    } catch (const std::exception& e) {
        throw ModelFileError(name + ": unusable model file (" + std::string(e.what()).substr(0, 200) + ")");
    }
    return m;
}

void Model::save(const fs::path& file) const {
    torch::serialize::OutputArchive archive;
    ModelInfo written = m_impl->info;
    written.softwareVersion = CARDIOSEG_VERSION;  // the version that writes the file, not the one that read it
    archive.write("cardioseg_metadata", c10::IValue(encodeMetadata(m_impl->config, written)));
    {
        torch::NoGradGuard ng;
        for (const auto& p : m_impl->net->named_parameters()) archive.write(p.key(), p.value().detach().cpu(), false);
        for (const auto& b : m_impl->net->named_buffers()) archive.write(b.key(), b.value().cpu(), true);
    }
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    try {
        archive.save_to(tmp.string());
        fs::rename(tmp, file);
    } catch (const std::exception& e) {
        fs::remove(tmp, ec);
        throw std::runtime_error("cannot write model " + file.string() + ": " + std::string(e.what()).substr(0, 200));
    }
}

void copyWeights(DeepLabV3& from, DeepLabV3& to) {
    torch::NoGradGuard ng;
    auto params = from->named_parameters();
    for (auto& p : to->named_parameters()) p.value().copy_(params[p.key()]);
    auto buffers = from->named_buffers();
    for (auto& b : to->named_buffers()) b.value().copy_(buffers[b.key()]);
}

Model Model::clone() const {
    Model m;
    m.m_impl = std::make_shared<Impl>();
    m.m_impl->config = m_impl->config;
    m.m_impl->info = m_impl->info;
    m.m_impl->net = DeepLabV3(m_impl->config);
    copyWeights(m_impl->net, m.m_impl->net);
    m.m_impl->net->to(m_impl->net->parameters().front().device());
    return m;
}

const ModelConfig& Model::config() const { return m_impl->config; }
ModelInfo& Model::info() { return m_impl->info; }
const ModelInfo& Model::info() const { return m_impl->info; }

std::int64_t Model::parameterCount() const {
    std::int64_t n = 0;
    for (const auto& p : m_impl->net->parameters()) n += p.numel();
    return n;
}

// ---------------------------------------------------------------------------- devices

DeviceChoice parseDevice(const std::string& name) {
    if (name == "auto") return DeviceChoice::Auto;
    if (name == "cpu") return DeviceChoice::Cpu;
    if (name == "cuda") return DeviceChoice::Cuda;
    throw std::invalid_argument("unknown device '" + name + "' (use auto, cpu or cuda)");
}

bool cudaAvailable() { return torch::cuda::is_available(); }

std::string resolveDevice(DeviceChoice choice) {
    if (choice == DeviceChoice::Cpu) return "cpu";
    if (cudaAvailable()) return "cuda";
    if (choice == DeviceChoice::Cuda)
        throw std::runtime_error("CUDA was asked for, but this LibTorch has no CUDA support or no GPU is visible");
    return "cpu";
}

void setCpuThreads(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
}

int cpuThreads() { return torch::get_num_threads(); }

}  // namespace cardioseg::engine
