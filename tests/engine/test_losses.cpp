// The training losses against values computed by hand, and out-of-memory known by its type.
#include <QtTest>

#include <torch/torch.h>

#include <array>
#include <cmath>
#include <new>
#include <stdexcept>

#include "engine/losses.h"
#include "image/image2d.h"

using namespace cardioseg;

namespace {

constexpr std::int64_t kBp = image::label::BloodPool, kMyo = image::label::Myocardium,
                       kNotBp = image::label::NotBloodPool, kIgnore = image::label::Ignore;

/// Logits whose softmax is exactly these probabilities (one row per pixel, classes 0, 1, 2):
/// a 1 × 3 × 1 × W batch.
torch::Tensor logitsOf(const std::vector<std::array<double, 3>>& pixels) {
    auto t = torch::empty({1, 3, 1, static_cast<std::int64_t>(pixels.size())}, torch::kDouble);
    for (std::size_t x = 0; x < pixels.size(); ++x)
        for (int c = 0; c < 3; ++c) t[0][c][0][static_cast<std::int64_t>(x)] = std::log(pixels[x][c]);
    return t;
}

torch::Tensor targetOf(const std::vector<std::int64_t>& labels) {
    return torch::tensor(labels, torch::kLong).reshape({1, 1, static_cast<std::int64_t>(labels.size())});
}

}  // namespace

class TestLosses : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void softDiceByHand() {
        // Pixel A: blood pool, p = (0.2, 0.7, 0.1); pixel B: myocardium, p = (0.1, 0.3, 0.6).
        //   blood pool: 2·0.7 + 1 over (0.7 + 0.3) + 1 + 1 = 2.4 / 3 = 0.8
        //   myocardium: 2·0.6 + 1 over (0.1 + 0.6) + 1 + 1 = 2.2 / 2.7
        //   loss = 1 − (0.8 + 2.2/2.7) / 2
        const auto two = engine::losses::softDice(logitsOf({{0.2, 0.7, 0.1}, {0.1, 0.3, 0.6}}), targetOf({kBp, kMyo}));
        QVERIFY(std::abs(two.item<double>() - (1 - (0.8 + 2.2 / 2.7) / 2)) < 1e-9);
        // An Ignore pixel changes nothing; a NotBloodPool pixel p = (0.5, 0.25, 0.25) is a known
        // negative of the blood pool only: its denominator grows by 0.25 → 2.4 / 3.25.
        const auto four = engine::losses::softDice(
            logitsOf({{0.2, 0.7, 0.1}, {0.1, 0.3, 0.6}, {0.3, 0.3, 0.4}, {0.5, 0.25, 0.25}}),
            targetOf({kBp, kMyo, kIgnore, kNotBp}));
        QVERIFY(std::abs(four.item<double>() - (1 - (2.4 / 3.25 + 2.2 / 2.7) / 2)) < 1e-9);
        // Perfect labels: 0.
        const auto perfect =
            engine::losses::softDice(logitsOf({{1e-12, 1 - 2e-12, 1e-12}, {1e-12, 1e-12, 1 - 2e-12}}), targetOf({kBp, kMyo}));
        QVERIFY(perfect.item<double>() < 1e-9);
    }

    void crossEntropyByHand() {
        const auto weights = torch::tensor({0.5, 1.0, 2.0}, torch::kDouble);
        // −1·ln 0.7 − 2·ln 0.6 over the weights counted (1 + 2); the Ignore pixel is not counted.
        const auto logits = logitsOf({{0.2, 0.7, 0.1}, {0.1, 0.3, 0.6}, {0.3, 0.3, 0.4}, {0.5, 0.25, 0.25}});
        const double ab = -std::log(0.7) - 2 * std::log(0.6);
        const auto plain = engine::losses::crossEntropy(logits, targetOf({kBp, kMyo, kIgnore, kIgnore}), weights, 1.0);
        QVERIFY(std::abs(plain.item<double>() - ab / 3) < 1e-9);
        // A NotBloodPool pixel: −ln(1 − 0.25) with the myocardium's weight (2) × 1.5.
        const auto notBp = engine::losses::crossEntropy(logits, targetOf({kBp, kMyo, kIgnore, kNotBp}), weights, 1.5);
        QVERIFY(std::abs(notBp.item<double>() - (ab - 3 * std::log(0.75)) / (3 + 3)) < 1e-9);
        // Nothing labelled: 0, not NaN.
        const auto none = engine::losses::crossEntropy(logits, targetOf({kIgnore, kIgnore, kIgnore, kIgnore}), weights, 1.0);
        QCOMPARE(none.item<double>(), 0.0);
    }

    void frequencyWeightsByHand() {
        // Shares 0.6, 0.3, 0.1 (Ignore not counted): median 0.3 → 0.5, 1, 3.
        auto t = torch::tensor({0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 255, 255}, torch::kLong);
        auto w = engine::losses::frequencyWeights(t, 3);
        QCOMPARE(w.size(), std::size_t(3));
        QVERIFY(std::abs(w[0] - 0.5f) < 1e-6f);
        QVERIFY(std::abs(w[1] - 1.0f) < 1e-6f);
        QVERIFY(std::abs(w[2] - 3.0f) < 1e-6f);
        // A class 1 000 times rarer than the median is held at 10; an absent one gets 1.
        auto rare = torch::cat({torch::zeros({1000}, torch::kLong), torch::ones({1000}, torch::kLong),
                                torch::full({1}, 2, torch::kLong)});
        w = engine::losses::frequencyWeights(rare, 4);
        QVERIFY(std::abs(w[2] - 10.0f) < 1e-6f);
        QVERIFY(std::abs(w[3] - 1.0f) < 1e-6f);
    }

    void outOfMemoryIsKnownByItsType() {
        // LibTorch's CPU allocator (a plain c10::Error in 1.13) on a 256 TiB tensor.
        bool caught = false;
        try {
            auto huge = torch::empty({std::int64_t(1) << 46}, torch::kFloat);
            QFAIL("256 TiB allocated");
        } catch (const std::exception& e) {
            caught = true;
            QVERIFY2(engine::isOutOfMemory(e), e.what());
        }
        QVERIFY(caught);
        QVERIFY(engine::isOutOfMemory(std::bad_alloc()));
        QVERIFY(engine::isOutOfMemory(c10::OutOfMemoryError({__func__, __FILE__, __LINE__}, "CUDA out of memory")));
        // Other failures, even ones naming memory, are not out of memory.
        QVERIFY(!engine::isOutOfMemory(std::runtime_error("out of memory")));
        try {
            (void)torch::matmul(torch::ones({2, 3}), torch::ones({2, 3}));
            QFAIL("shapes accepted");
        } catch (const std::exception& e) {
            QVERIFY(!engine::isOutOfMemory(e));
        }
    }
};

QTEST_APPLESS_MAIN(TestLosses)
#include "test_losses.moc"
