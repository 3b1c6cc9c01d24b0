// Model files: round trip with metadata, clone independence, clear errors for bad files.
#include <QtTest>

#include "cardioseg_version.h"

#include <fstream>

#include <torch/torch.h>
#include <zlib.h>

#include "engine/model.h"
#include "engine/model_impl.h"
#include "io/model_archive.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
using namespace cardioseg::engine;
namespace fs = std::filesystem;

namespace {

torch::Tensor run(const Model& m, const torch::Tensor& x) {
    auto net = m.impl()->net;
    net->eval();
    torch::NoGradGuard ng;
    return net->forward(x);
}

void expectError(const fs::path& file, const std::string& needle) {
    try {
        Model::load(file);
        QFAIL(qPrintable(QString::fromStdString(file.string() + " loaded: expected a ModelFileError with '" + needle + "'")));
    } catch (const ModelFileError& e) {
        const std::string what = e.what();
        QVERIFY2(what.find(file.string()) != std::string::npos, what.c_str());
        QVERIFY2(what.find(needle) != std::string::npos, what.c_str());
    }
}


/// A model archive's entries in order, as checkModelArchive reads them.
std::vector<std::pair<std::string, std::string>> entriesOf(const fs::path& file) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : io::checkModelArchive(file)) out.emplace_back(e.name, io::readArchiveEntry(file, e, e.size));
    return out;
}

void put16(std::string& s, unsigned v) { s += char(v & 0xFF); s += char((v >> 8) & 0xFF); }
void put32(std::string& s, unsigned long v) { put16(s, v & 0xFFFF); put16(s, (v >> 16) & 0xFFFF); }

/// A zip archive of stored entries, as LibTorch reads them; returns where each entry's central
/// directory record starts (to tamper with afterwards).
std::vector<std::size_t> writeZip(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string zip, cd;
    std::vector<std::size_t> records;
    for (const auto& [name, data] : entries) {
        const unsigned long crc = crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
        const std::size_t local = zip.size();
        put32(zip, 0x04034b50); put16(zip, 20); put16(zip, 0); put16(zip, 0); put16(zip, 0); put16(zip, 0);
        put32(zip, crc); put32(zip, data.size()); put32(zip, data.size()); put16(zip, name.size()); put16(zip, 0);
        zip += name + data;
        records.push_back(cd.size());
        put32(cd, 0x02014b50); put16(cd, 20); put16(cd, 20); put16(cd, 0); put16(cd, 0); put16(cd, 0); put16(cd, 0);
        put32(cd, crc); put32(cd, data.size()); put32(cd, data.size()); put16(cd, name.size()); put16(cd, 0);
        put16(cd, 0); put16(cd, 0); put16(cd, 0); put32(cd, 0); put32(cd, local);
        cd += name;
    }
    const std::size_t cdOffset = zip.size();
    for (auto& r : records) r += cdOffset;
    zip += cd;
    put32(zip, 0x06054b50); put16(zip, 0); put16(zip, 0); put16(zip, entries.size()); put16(zip, entries.size());
    put32(zip, cd.size()); put32(zip, cdOffset); put16(zip, 0);
    std::ofstream(file, std::ios::binary) << zip;
    return records;
}

/// Overwrites 4 bytes of a file at `at` (little-endian).
void patch32(const fs::path& file, std::size_t at, unsigned long v) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(at));
    std::string b;
    put32(b, v);
    f.write(b.data(), 4);
}

}  // namespace

class TestModelFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip() {
        testing::TempDir dir;
        Model m = Model::create(configFromArch("deeplabv3-resnet18-w8-os16"), 7);
        ModelInfo& info = m.info();
        info.trainedOn = {"P1", "P2"};
        info.trainingImages = 56;
        info.seed = 18446744073709551615ULL;
        info.validationDice = 0.875;
        info.finetuneChecks["dice_before"] = std::nan("");
        info.finetuneChecks["dice_after"] = 0.5;
        info.int8Activations = {{0.0f, 1.5f}, {-2.0f, 3.25f}};
        info.checkpointIteration = 1200;
        info.other["note"] = "line one\nline two";  // a newer writer's entry
        info.softwareVersion = "0.0.1";               // read from an older file: the writer's wins
        const fs::path file = dir / "m.pt";
        m.save(file);
        const Model back = Model::load(file);
        QCOMPARE(archName(back.config()), std::string("deeplabv3-resnet18-w8-os16"));
        QCOMPARE(back.config().classes, m.config().classes);
        const ModelInfo& read = back.info();
        QCOMPARE(read.trainedOn, (std::vector<std::string>{"P1", "P2"}));
        QCOMPARE(read.trainingImages.value_or(0), 56LL);
        QCOMPARE(read.seed.value_or(0), 18446744073709551615ULL);
        QCOMPARE(read.validationDice.value_or(0), 0.875);
        QVERIFY(std::isnan(read.finetuneChecks.at("dice_before")));
        QCOMPARE(read.finetuneChecks.at("dice_after"), 0.5);
        QCOMPARE(read.int8Activations.size(), std::size_t(2));
        QCOMPARE(read.int8Activations[1].min, -2.0f);
        QCOMPARE(read.int8Activations[1].max, 3.25f);
        QCOMPARE(read.checkpointIteration.value_or(0), 1200LL);
        QCOMPARE(read.softwareVersion, std::string(CARDIOSEG_VERSION));  // the version that wrote it
        QVERIFY(read.created.empty() && read.parent.empty() && !read.validatedOn.size());  // unset stays unset
        QCOMPARE(read.other.at("note"), std::string("line one line two"));
        QCOMPARE(back.parameterCount(), m.parameterCount());
        const auto x = torch::randn({1, 1, 48, 48});
        QVERIFY(torch::allclose(run(m, x), run(back, x)));
    }

    void seedsDifferAndCloneIsIndependent() {
        Model a = Model::create(configFromArch("deeplabv3-resnet18-w8-os16"), 1);
        Model b = Model::create(configFromArch("deeplabv3-resnet18-w8-os16"), 2);
        const auto x = torch::randn({1, 1, 32, 32});
        QVERIFY(!torch::allclose(run(a, x), run(b, x)));
        Model c = a.clone();
        {
            torch::NoGradGuard ng;
            for (auto& p : a.impl()->net->parameters()) p.add_(1.0);
        }
        QVERIFY(!torch::allclose(run(a, x), run(c, x)));
    }

    void craftedArchivesAreRefusedWithTheirReason() {
        testing::TempDir dir;
        Model m = Model::create(configFromArch("deeplabv3-resnet18-w8-os16"), 1);
        m.save(dir / "good.pt");
        const auto good = entriesOf(dir / "good.pt");
        QVERIFY(good.size() > 20);
        const std::string folder = good.front().first.substr(0, good.front().first.find('/'));
        const auto with = [&](const std::string& name, auto change) {
            auto entries = good;
            change(entries);
            writeZip(dir / name, entries);
            return dir / name;
        };
        const auto index = [&](const std::string& rest) {
            for (std::size_t i = 0; i < good.size(); ++i)
                if (good[i].first == folder + "/" + rest) return i;
            return good.size();
        };
        // The archive rewritten as it is still loads: each refusal below is the change's.
        QVERIFY(Model::load(with("same.pt", [](auto&) {})).parameterCount() == m.parameterCount());

        // Entries a model does not have, and names that leave the archive.
        expectError(with("extra.pt", [&](auto& e) { e.emplace_back(folder + "/extra/readme.txt", "hello"); }),
                    "unexpected entry");
        expectError(with("dotdot.pt", [&](auto& e) { e.emplace_back(folder + "/../evil.py", "x"); }), "'..'");
        expectError(with("absolute.pt", [&](auto& e) { e.emplace_back("/etc/cron.d/evil", "x"); }), "absolute path");
        expectError(with("backslash.pt", [&](auto& e) { e.emplace_back(folder + "\\..\\evil", "x"); }), "backslash");
        expectError(with("outside.pt", [&](auto& e) { e.emplace_back("elsewhere/data.pkl", "x"); }),
                    "outside the archive's folder");
        expectError(with("twice.pt", [&](auto& e) { e.push_back(e[index("version")]); }), "appears twice");
        expectError(with("noversion.pt", [&](auto& e) { e.erase(e.begin() + static_cast<long>(index("version"))); }),
                    "no 'version' entry");
        expectError(with("version99.pt", [&](auto& e) { e[index("version")].second = "99\n"; }), "format version");

        // Code that would run while loading.
        expectError(with("code.pt",
                         [&](auto& e) {
                             e[index("code/__torch__.py")].second +=
                                 "  def __setstate__(self, state: Tuple[int]) -> None:\n    return None\n";
                         }),
                    "is code, not a declaration");

        // Tensor data shorter than data.pkl says (LibTorch would read past its end): refused before
        // LibTorch reads the file.
        expectError(with("short.pt", [&](auto& e) { e[index("data/0")].second.resize(4); }),
                    "holds 392 values of 4 bytes, but it has 4 bytes");
        // A pickle that calls something a model never names, or uses instructions LibTorch never writes.
        expectError(with("global.pt",
                         [&](auto& e) {
                             std::string& pkl = e[index("data.pkl")].second;
                             const auto at = pkl.find("collections\nOrderedDict\n");
                             QVERIFY(at != std::string::npos);
                             pkl.replace(at, 24, "builtins\neval\n");
                         }),
                    "'builtins eval', which a model file never holds");
        expectError(with("opcode.pt",
                         [&](auto& e) {
                             std::string& pkl = e[index("data.pkl")].second;
                             pkl[pkl.find('c')] = 'i';  // GLOBAL becomes INST
                         }),
                    "pickle instruction 0x69");

        // Tuples of memoised tuples, 40 levels deep: 8^40 values if each were copied whole; the
        // check keeps none of them whole and refuses the pickle at once.
        expectError(with("nested.pt",
                         [&](auto& e) {
                             std::string pkl = std::string("\x80\x02)q") + '\0';  // memo 0: ()
                             for (int level = 0; level < 40; ++level) {
                                 pkl += '(';
                                 for (int k = 0; k < 8; ++k) pkl += std::string("h") + char(level);
                                 pkl += std::string("tq") + char(level + 1);
                             }
                             e[index("data.pkl")].second = pkl + ".";
                         }),
                    "damaged");

        // Sizes: beyond what a model may hold, beyond the file, and entries that overlap.
        const auto records = writeZip(dir / "huge.pt", good);
        const std::size_t d0 = index("data/0");
        patch32(dir / "huge.pt", records[d0] + 20, 0xFFFFFFF0);
        patch32(dir / "huge.pt", records[d0] + 24, 0xFFFFFFF0);
        expectError(dir / "huge.pt", "more than allowed");
        fs::copy_file(dir / "same.pt", dir / "beyond.pt");
        patch32(dir / "beyond.pt", records[d0] + 20, 200u << 20);
        patch32(dir / "beyond.pt", records[d0] + 24, 200u << 20);
        expectError(dir / "beyond.pt", "beyond the file");
        fs::copy_file(dir / "same.pt", dir / "overlap.pt");
        const std::size_t grown = good[d0].second.size() + 64;
        patch32(dir / "overlap.pt", records[d0] + 20, grown);
        patch32(dir / "overlap.pt", records[d0] + 24, grown);
        expectError(dir / "overlap.pt", "overlap");
        // Damaged bytes in a small entry: its checksum says so.
        auto flipped = good;
        flipped[index("version")].second = "3\n";
        const auto versionRecords = writeZip(dir / "crc.pt", flipped);
        patch32(dir / "crc.pt", versionRecords[index("version")] + 16, 0x12345678);
        expectError(dir / "crc.pt", "checksum");
    }

    void badFilesGiveClearErrors() {
        testing::TempDir dir;
        expectError(dir / "missing.pt", "no such model file");
        { std::ofstream(dir / "text.pt") << "this is not a model"; }
        expectError(dir / "text.pt", "corrupt or truncated");

        Model m = Model::create(configFromArch("deeplabv3-resnet18-w8-os16"), 1);
        m.save(dir / "good.pt");
        fs::copy_file(dir / "good.pt", dir / "cut.pt");
        fs::resize_file(dir / "cut.pt", fs::file_size(dir / "good.pt") / 2);
        expectError(dir / "cut.pt", "corrupt or truncated");

        // A plain tensor archive without CardioSeg metadata.
        torch::serialize::OutputArchive other;
        other.write("weights", torch::ones({3}));
        other.save_to((dir / "foreign.pt").string());
        expectError(dir / "foreign.pt", "not a CardioSeg model");

        // Metadata that names another width than the stored weights have.
        torch::serialize::InputArchive in;
        in.load_from((dir / "good.pt").string());
        c10::IValue meta;
        QVERIFY(in.try_read("cardioseg_metadata", meta));
        std::string text = meta.toStringRef();
        const auto pos = text.find("backbone=resnet18-w8");
        QVERIFY(pos != std::string::npos);
        text.replace(pos, std::string("backbone=resnet18-w8").size(), "backbone=resnet18-w16");
        torch::serialize::OutputArchive mismatched;
        mismatched.write("cardioseg_metadata", c10::IValue(text));
        for (const auto& p : m.impl()->net->named_parameters()) mismatched.write(p.key(), p.value());
        for (const auto& b : m.impl()->net->named_buffers()) mismatched.write(b.key(), b.value(), true);
        mismatched.save_to((dir / "mismatch.pt").string());
        expectError(dir / "mismatch.pt", "incompatible");

        // Information whose value cannot be what its key says: refused, naming the key.
        const auto withMeta = [&](const std::string& name, const std::string& line) {
            torch::serialize::OutputArchive out;
            out.write("cardioseg_metadata", c10::IValue(meta.toStringRef() + line + "\n"));
            for (const auto& p : m.impl()->net->named_parameters()) out.write(p.key(), p.value());
            for (const auto& b : m.impl()->net->named_buffers()) out.write(b.key(), b.value(), true);
            out.save_to((dir / name).string());
            return dir / name;
        };
        expectError(withMeta("seed.pt", "meta.seed=-3"), "'seed' is not a number");
        expectError(withMeta("images.pt", "meta.training_images=56 images"), "'training_images' is not a number");
        expectError(withMeta("dice.pt", "meta.validation_dice="), "'validation_dice' is not a number");
        expectError(withMeta("int8.pt", "meta.int8_activations=0:1 2:1"), "'int8_activations'");
        QCOMPARE(Model::load(withMeta("newer.pt", "meta.some_future_key=kept")).info().other.at("some_future_key"),
                 std::string("kept"));
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "test_model_file.moc"
