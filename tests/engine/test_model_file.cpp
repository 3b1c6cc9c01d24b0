// Model files: round trip with metadata, clone independence, clear errors for bad files.
#include <QtTest>

#include <fstream>

#include <torch/torch.h>

#include "engine/model.h"
#include "engine/model_impl.h"
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
        QFAIL("expected ModelFileError");
    } catch (const ModelFileError& e) {
        const std::string what = e.what();
        QVERIFY2(what.find(file.string()) != std::string::npos, what.c_str());
        QVERIFY2(what.find(needle) != std::string::npos, what.c_str());
    }
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
