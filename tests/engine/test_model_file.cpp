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
        m.metadata()["trained_on"] = "P1,P2";
        m.metadata()["note"] = "line one\nline two";
        const fs::path file = dir / "m.pt";
        m.save(file);
        const Model back = Model::load(file);
        QCOMPARE(archName(back.config()), std::string("deeplabv3-resnet18-w8-os16"));
        QCOMPARE(back.config().classes, m.config().classes);
        QCOMPARE(back.metadata().at("trained_on"), std::string("P1,P2"));
        QCOMPARE(back.metadata().at("note"), std::string("line one line two"));
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
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "test_model_file.moc"
