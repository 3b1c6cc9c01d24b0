// The DeepLab v3 network: shapes, output stride, receptive field, torchvision layout,
// batch-norm folding, and the learning-rate schedules.
#include <QtTest>

#include "engine/deeplab.h"
#include "engine/fold.h"
#include "engine/schedule.h"

using namespace cardioseg::engine;

class TestDeepLab : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void outputMatchesInputSize_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("stride");
        QTest::newRow("resnet18-w8 os8") << "deeplabv3-resnet18-w8-os8" << 8;
        QTest::newRow("resnet18-w8 os16") << "deeplabv3-resnet18-w8-os16" << 16;
        QTest::newRow("resnet50-w8 os8") << "deeplabv3-resnet50-w8-os8" << 8;
    }
    void outputMatchesInputSize() {
        QFETCH(QString, arch);
        QFETCH(int, stride);
        const ModelConfig c = configFromArch(arch.toStdString());
        QCOMPARE(c.outputStride, stride);
        DeepLabV3 net(c);
        net->eval();
        torch::NoGradGuard ng;
        const auto y = net->forward(torch::randn({2, 1, 97, 130}));
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{2, 3, 97, 130}));
    }

    void receptiveFieldCoversTheImage() {
        // Image-level pooling in ASPP gives every output pixel the whole image as context.
        // Seeded: with random weights a single corner pixel can get no gradient (a max-pool
        // window or a ReLU passes none through it), so each far corner is checked as a 4×4 patch.
        torch::manual_seed(3);
        DeepLabV3 net(configFromArch("deeplabv3-resnet18-w8-os16"));
        net->eval();
        auto x = torch::randn({1, 1, 96, 96}, torch::requires_grad());
        net->forward(x)[0][1][48][48].backward();
        const auto g = x.grad().abs()[0][0];
        QVERIFY(g.slice(0, 0, 4).slice(1, 0, 4).sum().item<float>() > 0);    // top-left corner
        QVERIFY(g.slice(0, 92, 96).slice(1, 92, 96).sum().item<float>() > 0);  // bottom-right corner
        QVERIFY((g > 0).sum().item<int64_t>() > 96 * 96 * 9 / 10);
    }

    void torchvisionLayoutNamesAndShapes() {
        DeepLabV3 net(configFromArch("torchvision-resnet50"));
        auto params = net->named_parameters();
        QVERIFY(params.contains("backbone.conv1.weight"));
        QCOMPARE(params["backbone.conv1.weight"].sizes().vec(), (std::vector<int64_t>{64, 3, 7, 7}));
        QCOMPARE(params["backbone.layer4.2.conv3.weight"].sizes().vec(), (std::vector<int64_t>{2048, 512, 1, 1}));
        QCOMPARE(params["backbone.layer1.0.downsample.0.weight"].sizes().vec(), (std::vector<int64_t>{256, 64, 1, 1}));
        QCOMPARE(params["classifier.0.convs.0.0.weight"].sizes().vec(), (std::vector<int64_t>{256, 2048, 1, 1}));
        QCOMPARE(params["classifier.0.convs.1.0.weight"].sizes().vec(), (std::vector<int64_t>{256, 2048, 3, 3}));
        QCOMPARE(params["classifier.0.convs.4.1.weight"].sizes().vec(), (std::vector<int64_t>{256, 2048, 1, 1}));
        QCOMPARE(params["classifier.0.project.0.weight"].sizes().vec(), (std::vector<int64_t>{256, 1280, 1, 1}));
        QCOMPARE(params["classifier.1.weight"].sizes().vec(), (std::vector<int64_t>{256, 256, 3, 3}));
        QCOMPARE(params["classifier.4.weight"].sizes().vec(), (std::vector<int64_t>{3, 256, 1, 1}));
        QVERIFY(params.contains("classifier.4.bias"));
        QVERIFY(net->named_buffers().contains("backbone.bn1.running_mean"));
        // torchvision's deeplabv3_resnet50(num_classes=3, aux_loss=False): ResNet-50 without fc
        // 23,508,032 + ASPP 15,535,104 + head 590,336 + classifier 771 = 39,634,243.
        std::int64_t n = 0;
        for (const auto& p : net->parameters()) n += p.numel();
        QCOMPARE(n, std::int64_t(39634243));
    }

    void atrousRatesFollowTheOutputStride() {
        // Output stride 16: layer4 keeps 1/16 resolution, multi-grid (1, 2, 4) × 2.
        DeepLabV3 net(configFromArch("deeplabv3-resnet18-w8-os16"));
        auto modules = net->named_modules();
        auto dil = [&](const std::string& name) {
            return modules[name]->as<torch::nn::Conv2dImpl>()->options.dilation()->at(0);
        };
        QCOMPARE(dil("backbone.layer3.0.conv1"), int64_t(1));
        QCOMPARE(dil("backbone.layer4.0.conv1"), int64_t(2));
        QCOMPARE(dil("backbone.layer4.1.conv1"), int64_t(4));
        QCOMPARE(dil("classifier.0.convs.1.0"), int64_t(6));
        QCOMPARE(dil("classifier.0.convs.3.0"), int64_t(18));
        DeepLabV3 tv(configFromArch("torchvision-resnet50"));
        auto tm = tv->named_modules();
        auto tdil = [&](const std::string& name) { return tm[name]->as<torch::nn::Conv2dImpl>()->options.dilation()->at(0); };
        QCOMPARE(tdil("backbone.layer3.0.conv2"), int64_t(1));  // torchvision: previous rate first
        QCOMPARE(tdil("backbone.layer3.1.conv2"), int64_t(2));
        QCOMPARE(tdil("backbone.layer4.0.conv2"), int64_t(2));
        QCOMPARE(tdil("backbone.layer4.1.conv2"), int64_t(4));
        QCOMPARE(tdil("classifier.0.convs.1.0"), int64_t(12));
        QCOMPARE(tdil("classifier.0.convs.3.0"), int64_t(36));
    }

    void foldingBatchNormKeepsOutputs_data() {
        QTest::addColumn<QString>("arch");
        QTest::newRow("basic blocks, os8") << "deeplabv3-resnet18-w8-os8";
        QTest::newRow("bottlenecks, os16") << "deeplabv3-resnet50-w8-os16";
    }
    void foldingBatchNormKeepsOutputs() {
        QFETCH(QString, arch);
        DeepLabV3 net(configFromArch(arch.toStdString()));
        // Non-trivial running statistics, as after training.
        net->train();
        {
            torch::NoGradGuard ng;
            for (int i = 0; i < 3; ++i) net->forward(torch::randn({4, 1, 64, 64}) * 3 + 1);
        }
        net->eval();
        std::vector<torch::Tensor> weights;
        for (const auto& p : net->parameters()) weights.push_back(p.detach().clone());
        const FoldedDeepLab folded = foldBatchNorm(net);
        torch::NoGradGuard ng;
        const auto x = torch::randn({2, 1, 64, 64});
        const auto before = net->forward(x);
        const auto after = folded->forward(x);
        const double rel = ((after - before).abs().max() / before.abs().max()).item<double>();
        QVERIFY2(rel < 1e-4, qPrintable(QString::number(rel)));
        // One convolution per conv + batch norm pair, each with a bias; no batch norm left.
        int convs = 0, norms = 0;
        for (const auto& m : folded->modules(false)) {
            if (const auto* c = m->as<torch::nn::Conv2dImpl>()) {
                ++convs;
                QVERIFY(c->bias.defined());
            }
            if (m->as<NormImpl>()) ++norms;
        }
        QCOMPARE(norms, 0);
        int trainedConvs = 0;
        for (const auto& m : net->modules(false))
            if (m->as<torch::nn::Conv2dImpl>()) ++trainedConvs;
        QCOMPARE(convs, trainedConvs);
        // A pass, not a change: the trained network keeps its weights and batch norms.
        const auto params = net->parameters();
        QCOMPARE(params.size(), weights.size());
        for (std::size_t i = 0; i < params.size(); ++i) QVERIFY(torch::equal(params[i], weights[i]));
        QVERIFY(torch::equal(net->forward(x), before));
    }

    void unknownArchitecturesAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, configFromArch("vgg16"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, configFromArch("deeplabv3-resnet18-os4"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseBackbone("resnet18-w1000"));
        QCOMPARE(archName(configFromArch("resnet34-w32")), std::string("deeplabv3-resnet34-w32-os8"));
    }

    void schedules() {
        Schedule seed{Schedule::Kind::Seed, 2.5e-4, 25000, 15000, 0};
        QCOMPARE(seed.at(0), 2.5e-4);
        QCOMPARE(seed.at(14999), 2.5e-4);
        QCOMPARE(seed.at(15000), 2.5e-4);  // poly starts at its own first step
        QVERIFY(std::abs(seed.at(20000) - 2.5e-4 * std::pow(0.5, 0.9)) < 1e-12);
        QCOMPARE(seed.at(25000), 0.0);
        Schedule poly{Schedule::Kind::Poly, 1e-3, 1000, 0, 0};
        QVERIFY(std::abs(poly.at(500) - 1e-3 * std::pow(0.5, 0.9)) < 1e-15);
        QCOMPARE(poly.at(0), 1e-3);
        Schedule constant{Schedule::Kind::Constant, 0.01, 100, 0, 0};
        QCOMPARE(constant.at(99), 0.01);
        Schedule warm{Schedule::Kind::Constant, 0.01, 100, 0, 10};
        QVERIFY(std::abs(warm.at(0) - 0.001) < 1e-12);
        QCOMPARE(warm.at(10), 0.01);
        // Names in and out (the command line's and the model files').
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Schedule::parseKind("cosine"));
        for (auto k : {Schedule::Kind::Seed, Schedule::Kind::Poly, Schedule::Kind::Constant})
            QVERIFY(Schedule::parseKind(Schedule::kindName(k)) == k);
        QVERIFY(parseOptimizer("sgd") == Optimizer::Sgd);
        QCOMPARE(std::string(optimizerName(parseOptimizer("adamw"))), std::string("adamw"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseOptimizer("adam"));
    }
};

QTEST_GUILESS_MAIN(TestDeepLab)
#include "test_deeplab.moc"
