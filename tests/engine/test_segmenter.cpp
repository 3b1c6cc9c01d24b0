// The segmenter: images in parallel on the CPU label as one at a time, cancel stops early,
// bf16 (where the CPU has it) labels as fp32, images of different sizes in one call, regions
// of images (background outside, the region's sides checked).
#include <QtTest>

#include <torch/torch.h>

#include <random>

#include "engine/model.h"
#include "engine/segmenter.h"

using namespace cardioseg;
using namespace cardioseg::engine;

namespace {

std::vector<image::FloatImage> randomImages(int count, int size, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, 1.0f);
    std::vector<image::FloatImage> images;
    for (int i = 0; i < count; ++i) {
        image::FloatImage im(size, size);
        for (auto& v : im.data) v = n(rng);
        images.push_back(std::move(im));
    }
    return images;
}

std::vector<const image::FloatImage*> pointers(const std::vector<image::FloatImage>& images) {
    std::vector<const image::FloatImage*> p;
    for (const auto& i : images) p.push_back(&i);
    return p;
}

double agreement(const image::LabelMap& a, const image::LabelMap& b) {
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i) same += a.data[i] == b.data[i];
    return static_cast<double>(same) / static_cast<double>(a.data.size());
}

}  // namespace

class TestSegmenter : public QObject {
    Q_OBJECT

    Model m_model = Model::create(configFromArch("deeplabv3-resnet18-w8-os8"), 4);

private Q_SLOTS:
    void initTestCase() { setCpuThreads(2); }

    void parallelImagesLabelAsOneAtATime() {
        const auto images = randomImages(7, 64, 1);
        SegmentOptions serial;
        serial.device = DeviceChoice::Cpu;
        serial.parallelImages = 1;
        serial.mixedPrecision = false;
        SegmentOptions parallel = serial;
        parallel.parallelImages = 2;
        Segmenter a(m_model, serial), b(m_model, parallel);
        int calls = 0;
        double last = 0;
        const auto one = a.segment(pointers(images));
        const auto two = b.segment(pointers(images), [&](double f, const std::string&) {
            ++calls;
            last = f;
            return true;
        });
        QCOMPARE(two.size(), images.size());
        for (std::size_t i = 0; i < images.size(); ++i) {
            QCOMPARE(two[i].labels.width, 64);
            QVERIFY2(agreement(one[i].labels, two[i].labels) > 0.999, qPrintable(QString::number(i)));
        }
        QVERIFY(calls >= 1);
        QCOMPARE(last, 1.0);
        QCOMPARE(torch::get_num_threads(), 2);  // the caller's thread count is restored
    }

    void cancelStopsEarly() {
        const auto images = randomImages(24, 64, 2);
        for (int parallel : {1, 2}) {
            SegmentOptions o;
            o.device = DeviceChoice::Cpu;
            o.parallelImages = parallel;
            Segmenter s(m_model, o);
            const auto out = s.segment(pointers(images), [](double, const std::string&) { return false; });
            int labelled = 0;
            for (const auto& p : out) labelled += p.labels.empty() ? 0 : 1;
            // The caller stops after its first image; a helper may finish the one it is on.
            QVERIFY2(labelled >= 1 && labelled <= (parallel == 1 ? 1 : 12), qPrintable(QString::number(labelled)));
        }
    }

    void defaultPrecisionLabelsAsFp32() {
        // bf16 where the CPU computes it natively, else fp32: either way the labels agree.
        const auto images = randomImages(4, 96, 3);
        SegmentOptions fp32;
        fp32.device = DeviceChoice::Cpu;
        fp32.mixedPrecision = false;
        SegmentOptions fast = fp32;
        fast.mixedPrecision = true;
        Segmenter a(m_model, fp32), b(m_model, fast);
        const auto x = a.segment(pointers(images)), y = b.segment(pointers(images));
        for (std::size_t i = 0; i < images.size(); ++i)
            QVERIFY2(agreement(x[i].labels, y[i].labels) > 0.97, qPrintable(QString::number(agreement(x[i].labels, y[i].labels))));
    }

    void imagesOfDifferentSizes() {
        auto images = randomImages(3, 64, 4);
        images.push_back(randomImages(1, 80, 5).front());
        std::vector<const image::FloatImage*> p = pointers(images);
        const image::FloatImage empty;
        p.push_back(&empty);
        SegmentOptions o;
        o.device = DeviceChoice::Cpu;
        Segmenter s(m_model, o);
        const auto out = s.segment(p);
        QCOMPARE(out.size(), std::size_t{5});
        QCOMPARE(out[3].labels.width, 80);
        QCOMPARE(out[0].labels.width, 64);
        QVERIFY(out[4].labels.empty());
    }

    void regionsRunOnTheirCropOnly() {
        // Regions inside, across the edge of, and beyond the image, and none: labels keep the
        // image's size, background outside the (clipped) region; the flag says whether the labels
        // reach a side of the region that is not the image's border.
        const auto images = randomImages(4, 64, 6);
        const std::vector<Region> regions{{8, 16, 32, 24}, {40, 40, 48, 48}, {}, {100, 100, 8, 8}};
        const std::vector<Region> expected{{8, 16, 32, 24}, {40, 40, 24, 24}, {0, 0, 64, 64}, {0, 0, 64, 64}};
        SegmentOptions o;
        o.device = DeviceChoice::Cpu;
        o.probabilities = true;
        Segmenter s(m_model, o);
        const auto out = s.segment(pointers(images), {}, regions);
        QCOMPARE(out.size(), images.size());
        int foregroundInside = 0;
        for (std::size_t i = 0; i < out.size(); ++i) {
            const auto& p = out[i];
            const Region r = expected[i];
            QVERIFY(p.region == r);
            QCOMPARE(p.labels.width, 64);
            QCOMPARE(p.labels.height, 64);
            bool touches = false;
            for (int y = 0; y < 64; ++y)
                for (int x = 0; x < 64; ++x) {
                    const bool inside = x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
                    const bool fg = p.labels.at(x, y) != image::label::Background;
                    if (!inside) {
                        QVERIFY(!fg);
                        QCOMPARE(p.probabilities[0].at(x, y), 1.0f);
                        continue;
                    }
                    foregroundInside += fg;
                    const bool side = (x == r.x && r.x > 0) || (y == r.y && r.y > 0) ||
                                      (x == r.x + r.width - 1 && r.x + r.width < 64) ||
                                      (y == r.y + r.height - 1 && r.y + r.height < 64);
                    touches = touches || (fg && side);
                }
            QCOMPARE(p.touchesRegionBorder, touches);
            if (r.width == 64) QVERIFY(!p.touchesRegionBorder);  // the image's own border is no side
        }
        QVERIFY(foregroundInside > 0);  // the untrained network labels something: the checks bite
        // The crop is normalised with its whole image: an image with the region's content
        // elsewhere would not give the same labels, the same image does.
        const auto again = s.segment({&images[0]}, {}, {regions[0]});
        QVERIFY(again[0].labels == out[0].labels);
    }
};

QTEST_GUILESS_MAIN(TestSegmenter)
#include "test_segmenter.moc"
