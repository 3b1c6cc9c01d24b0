// int8 inference: activation ranges recorded with a model, an int8 copy of the folded network
// that labels as the fp32 one does, and a segmenter that runs it only for models carrying
// ranges and only where this machine's calibration found int8 fastest.
#include <QtTest>

#include <fstream>

#include "engine/accelerator.h"
#include "engine/calibration.h"
#include "engine/int8.h"
#include "engine/model_impl.h"
#include "engine/segmenter.h"
#include "engine/trainer.h"
#include "image/intensity.h"
#include "io/dicom_loader.h"
#include "io/resources.h"
#include "phantom_support.h"
#include "synthetic_dicom.h"
#include "training/augment.h"

using namespace cardioseg;
using namespace cardioseg::engine;

namespace {

/// A model's network with batch norm folded, as the segmenter runs it.
FoldedDeepLab folded(const Model& model) { return foldBatchNorm(model.impl()->net); }

/// Pixels labelled alike, and foreground pixels (in either) labelled alike out of all of them.
struct Agreement {
    double pixels = 0, same = 0, foreground = 0, sameForeground = 0;
    void add(const torch::Tensor& a, const torch::Tensor& b) {
        pixels += static_cast<double>(a.numel());
        same += (a == b).sum().item<double>();
        foreground += ((a > 0) | (b > 0)).sum().item<double>();
        sameForeground += ((a > 0) & (a == b)).sum().item<double>();
    }
};

}  // namespace

class TestInt8 : public QObject {
    Q_OBJECT

    testing::TempDir m_cache;

private Q_SLOTS:
    void initTestCase() {
        testing::calibrateInto(m_cache);
        if (!int8Supported()) QSKIP("this LibTorch has no quantised engine for this CPU");
    }

    void rangesAreWrittenAndReadBackExactlyAndBadTextIsRefused() {
        const std::vector<ActivationRange> r{{-1.5f, 2.25f}, {0.0f, 3.1415927f}, {-1e-7f, 1e6f}};
        const auto back = decodeActivationRanges(encodeActivationRanges(r));
        QCOMPARE(back.size(), r.size());
        for (std::size_t i = 0; i < r.size(); ++i) {
            QCOMPARE(back[i].min, r[i].min);
            QCOMPARE(back[i].max, r[i].max);
        }
        for (const char* bad : {"1:2 3", "a:b", "2:1", "1:2x", "nan:1", "1:inf"})
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decodeActivationRanges(bad));
        QVERIFY(decodeActivationRanges("").empty());
    }

    void observedRangesCoverEveryQuantisedActivationAndGrowWithImages() {
        const auto net = folded(Model::create(testing::tinyConfig(), 2));
        std::vector<ActivationRange> ranges;
        const auto a = testing::phantom(64, 0, 0, 1.0), b = testing::phantom(64, 4, -3, 1.3);
        auto input = [](const training::LabelledImage& li) {
            auto n = image::normalizeIntensity(li.image);
            return torch::from_blob(n.data.data(), {1, 1, n.height, n.width}).clone();
        };
        observeActivations(net, input(a), ranges);
        QCOMPARE(ranges.size(), quantisedActivationCount(net));
        // The input, each conv, each residual sum, the ASPP's branches, concatenation, projection
        // and head: 1 + 1 + (2 + 1) × 8 + 3 (shortcuts) + 4 + 1 + 1 + 1 + 1 for a ResNet-18.
        QCOMPARE(ranges.size(), std::size_t(1 + 1 + 3 * 8 + 3 + 4 + 1 + 1 + 1 + 1));
        for (const auto& r : ranges) QVERIFY(r.min <= r.max);
        const auto first = ranges;
        observeActivations(net, input(b), ranges);
        QCOMPARE(ranges.size(), first.size());
        bool grew = false;
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            QVERIFY(ranges[i].min <= first[i].min && ranges[i].max >= first[i].max);
            grew = grew || ranges[i].max > first[i].max || ranges[i].min < first[i].min;
        }
        QVERIFY(grew);
        std::vector<ActivationRange> other(3);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, observeActivations(net, input(a), other));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Int8DeepLab(net, other));
    }

    void theShippedModelLabelsTheSampleInInt8AsInFp32() {
        const auto model = Model::load(io::defaultModelPath());
        QVERIFY(hasInt8Ranges(model));
        auto net = folded(model);
        const auto ranges = model.info().int8Activations;
        {
            const Int8DeepLab int8(net, ranges);
            const auto loaded = io::loadDicom({io::sampleStudyDir()});
            QVERIFY(!loaded.series.empty());
            const auto& s = loaded.series.front();
            c10::InferenceMode guard;
            Agreement agree;
            for (int slice = 0; slice < s.slices; ++slice)
                for (int phase = 0; phase < s.phases; phase += 5) {
                    auto n = image::normalizeIntensity(*s.image(slice, phase));
                    const auto x = torch::from_blob(n.data.data(), {1, 1, n.height, n.width}).clone();
                    const auto fp32 = net->forward(x), q = int8.forward(x);
                    QCOMPARE(q.sizes(), fp32.sizes());
                    QCOMPARE(q.scalar_type(), torch::kFloat);
                    agree.add(fp32.argmax(1), q.argmax(1));
                }
            const double pixels = agree.same / agree.pixels, foreground = agree.sameForeground / agree.foreground;
            qInfo("%.4f of pixels, %.4f of the ventricle's labelled alike", pixels, foreground);
            QVERIFY2(pixels > 0.998, qPrintable(QString::number(pixels)));
            QVERIFY2(foreground > 0.97, qPrintable(QString::number(foreground)));
        }
    }

    void theSegmenterRunsInt8OnlyForModelsWithRangesWhereItIsFastest() {
        const auto config = testing::tinyConfig();
        Model plain = Model::create(config, 7);
        Model ranged = plain.clone();
        const auto li = testing::phantom(64, 0, 0, 1.0), other = testing::phantom(64, 3, 2, 1.2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, recordInt8Ranges(ranged, {}));
        recordInt8Ranges(ranged, {&li.image, &other.image});
        QVERIFY(hasInt8Ranges(ranged));
        QVERIFY(!hasInt8Ranges(plain));
        // Ranges saved with the file come back with it.
        testing::TempDir dir;
        ranged.save(dir.path() / "ranged.pt");
        QVERIFY(hasInt8Ranges(Model::load(dir.path() / "ranged.pt")));
        // Training changes the weights: the ranges of the old ones go (train and finetune record
        // new ones before writing).
        {
            Model trained = ranged.clone();
            engine::TrainConfig tc;
            tc.iterations = 2;
            tc.batch = 2;
            tc.device = DeviceChoice::Cpu;
            tc.threads = 2;
            training::AugmentConfig aug;
            aug.crop = 48;
            engine::train(trained, tc, training::makeBatchProvider(testing::phantomSet(64), aug, 1), {});
            QVERIFY(!hasInt8Ranges(trained));
            QVERIFY(hasInt8Ranges(ranged));
        }
        // Ranges of another network are not used.
        Model wrong = plain.clone();
        wrong.info().int8Activations = {{0, 1}, {0, 2}};
        QVERIFY(!hasInt8Ranges(wrong));

        // A calibration in which int8 is the fastest, and one in which it is not.
        auto calibrationWith = [&](double int8Ms) {
            const std::string key = calibrationKey(config, 2, 128);
            std::ofstream(m_cache.path() / "engine-calibration.tsv")
                << key << "\t3\t0 0 0 1 10\t1 0 0 2 8\t1 0 1 2 " << int8Ms << "\n";
        };
        SegmentOptions so;
        so.device = DeviceChoice::Cpu;
        so.threads = 2;
        calibrationWith(4);
        std::vector<Prediction> int8Labels, fp32Labels;
        {
            Segmenter s(ranged, so);
            QVERIFY2(s.configuration().rfind("int8", 0) == 0, s.configuration().c_str());
            int8Labels = s.segment({&li.image, &other.image});
        }
        for (const Model* m : {&plain, &wrong}) {
            Segmenter s(*m, so);
            QCOMPARE(s.configuration(), std::string("channels-last, fp32, 2 images at once"));
        }
        SegmentOptions noInt8 = so;
        noInt8.int8 = false;
        {
            Segmenter s(ranged, noInt8);
            QCOMPARE(s.configuration(), std::string("channels-last, fp32, 2 images at once"));
            fp32Labels = s.segment({&li.image, &other.image});
        }
        calibrationWith(9);
        QCOMPARE(Segmenter(ranged, so).configuration(), std::string("channels-last, fp32, 2 images at once"));
        // The int8 labels are mostly the fp32 labels: this untrained network's classes are near
        // ties almost everywhere (the trained model's agreement is checked above).
        for (std::size_t i = 0; i < 2; ++i) {
            std::size_t same = 0;
            const auto& a = int8Labels[i].labels.data;
            const auto& b = fp32Labels[i].labels.data;
            QCOMPARE(a.size(), b.size());
            for (std::size_t k = 0; k < a.size(); ++k) same += a[k] == b[k];
            QVERIFY2(same >= a.size() * 9 / 10, qPrintable(QString::number(same)));
        }
    }
};

QTEST_GUILESS_MAIN(TestInt8)
#include "test_int8.moc"
