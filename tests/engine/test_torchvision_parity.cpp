// The engine's torchvision-resnet50 computes what torchvision's deeplabv3_resnet50 computes:
// PyTorch-Python (tests/bench/pytorch_reference.py) writes random weights, an input and its
// logits; the engine loads the same weights and must agree within a relative error of 1e-4,
// with its batch norm as trained and folded (as the segmenter runs it). Skips when Debian's
// python3-torchvision is not installed.
#include <QProcess>
#include <QtTest>

#include <fstream>
#include <iterator>

#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/torch.h>

#include "engine/model.h"
#include "engine/fold.h"
#include "engine/model_impl.h"
#include "engine/state_dict.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
using namespace cardioseg::engine;
namespace fs = std::filesystem;

namespace {

torch::Tensor loadTensor(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    return torch::pickle_load(bytes).toTensor();
}

double relativeError(const torch::Tensor& ours, const torch::Tensor& reference) {
    return ((ours - reference).norm() / reference.norm()).item<double>();
}

/// A Python 3 with torchvision: Debian's first (another one on PATH may lack it).
QString pythonWithTorchvision() {
    for (const QString& candidate :
         {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess p;
        p.start(candidate, {"-c", "import torchvision"});
        if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return candidate;
    }
    return {};
}

}  // namespace

class TestTorchvisionParity : public QObject {
    Q_OBJECT

    testing::TempDir m_dir;
    bool m_exported = false;

private Q_SLOTS:
    void initTestCase() {
        const QString python = pythonWithTorchvision();
        if (python.isEmpty())
            QSKIP("python3-torchvision is not installed: parity with torchvision not checked");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(python, {QString(CARDIOSEG_SOURCE_DIR) + "/tests/bench/pytorch_reference.py",
                         "export", QString::fromStdString(m_dir.path().string()), "--size", "160"});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        m_exported = true;
    }

    void sameLogitsAsTorchvision() {
        if (!m_exported) QSKIP("no reference export");
        Model model = Model::create(configFromArch("torchvision-resnet50"), 3);
        const auto report = importStateDict(model, m_dir / "state_dict.pt");
        QVERIFY(report.notInModel.empty());
        QCOMPARE(report.copied + static_cast<int>(report.notInFile.size()), 362);
        const auto input = loadTensor(m_dir / "input.pt");
        const auto reference = loadTensor(m_dir / "output.pt");
        QCOMPARE(reference.sizes(), (torch::IntArrayRef{1, 3, 160, 160}));

        auto net = model.impl()->net;
        net->eval();
        const FoldedDeepLab foldedNet = foldBatchNorm(net);
        c10::InferenceMode guard;
        const double plain = relativeError(net->forward(input), reference);
        const double folded = relativeError(foldedNet->forward(input), reference);
        qInfo("relative error vs torchvision: %.2e (batch norm as trained), %.2e (folded)", plain,
              folded);
        QVERIFY2(plain < 1e-4, QByteArray::number(plain).constData());
        QVERIFY2(folded < 1e-4, QByteArray::number(folded).constData());
    }

    void wrongArchitectureIsRefused() {
        if (!m_exported) QSKIP("no reference export");
        Model deeper = Model::create(configFromArch("torchvision-resnet101"), 3);
        try {
            importStateDict(deeper, m_dir / "state_dict.pt");
            QFAIL("a ResNet-50 state dict must not fill a ResNet-101 model");
        } catch (const ModelFileError& e) {
            QVERIFY2(
                std::string(e.what()).find("lacks tensor 'backbone.layer3.") != std::string::npos,
                e.what());
        }
        Model narrow = Model::create(configFromArch("deeplabv3-resnet18-w16-os8"), 3);
        try {
            importStateDict(narrow, m_dir / "state_dict.pt");
            QFAIL("a ResNet-50 state dict must not fill a narrow ResNet-18 model");
        } catch (const ModelFileError& e) {
            QVERIFY2(std::string(e.what()).find("model needs") != std::string::npos, e.what());
        }
    }

    void notAStateDict() {
        const fs::path junk = m_dir / "junk.pt";
        std::ofstream(junk) << "not a pickle";
        Model model = Model::create(configFromArch("deeplabv3-resnet18-w8-os16"), 1);
        try {
            importStateDict(model, junk);
            QFAIL("expected ModelFileError");
        } catch (const ModelFileError& e) {
            QVERIFY2(std::string(e.what()).find(junk.string()) != std::string::npos, e.what());
        }
        try {
            importStateDict(model, m_dir / "missing.pt");
            QFAIL("expected ModelFileError");
        } catch (const ModelFileError& e) {
            QVERIFY2(std::string(e.what()).find("cannot be opened") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTorchvisionParity)
#include "test_torchvision_parity.moc"
