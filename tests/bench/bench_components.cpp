// Medians of the pieces of work behind a displayed frame and a segmentation: intensity
// normalisation, post-processing, metrics, rasterisation, outlines, and the slice view drawing
// an image with its overlay at 256² and 512² (the frame budget of cine playback is 16–50 ms).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "analysis/contours.h"
#include "analysis/postprocess.h"
#include "image/intensity.h"
#include "image/label_edit.h"
#include "image/polygon.h"
#include "metrics/confusion.h"

#ifdef CARDIOSEG_BENCH_UI
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <thread>

#include "engine/model.h"
#include "io/resources.h"
#include "training/finetune.h"

#include "function_panel.h"
#include "main_window.h"
#include "overlay.h"
#include "session/thread_policy.h"
#include "slice_view.h"
#endif

using namespace cardioseg;

namespace {

image::FloatImage noisyImage(int size) {
    image::FloatImage img(size, size);
    std::mt19937 rng(1);
    std::normal_distribution<float> noise(0.f, 20.f);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double r = std::hypot(x - size / 2.0, y - size / 2.0) / size;
            img.at(x, y) = static_cast<float>((r < 0.1 ? 900 : r < 0.14 ? 250 : 500) + noise(rng));
        }
    return img;
}

/// A heart-like label map: a blood pool in a myocardial ring, with a few stray specks.
image::LabelMap heart(int size) {
    image::LabelMap m(size, size, image::label::Background);
    image::paintDisc(m, size / 2.0, size / 2.0, size * 0.14, image::label::Myocardium);
    image::paintDisc(m, size / 2.0, size / 2.0, size * 0.10, image::label::BloodPool);
    image::paintDisc(m, size * 0.2, size * 0.2, 2, image::label::BloodPool);
    image::paintDisc(m, size * 0.8, size * 0.3, 2, image::label::Myocardium);
    return m;
}

void BM_NormalizeIntensity(benchmark::State& state) {
    const auto img = noisyImage(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(image::normalizeIntensity(img));
}
BENCHMARK(BM_NormalizeIntensity)->Arg(256)->Arg(512)->Unit(benchmark::kMicrosecond);

void BM_PostProcess(benchmark::State& state) {
    const auto labels = heart(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto copy = labels;
        analysis::cleanLvLabels(copy);
        benchmark::DoNotOptimize(copy.data.data());
    }
}
BENCHMARK(BM_PostProcess)->Arg(256)->Arg(512)->Unit(benchmark::kMicrosecond);

void BM_ConfusionMatrix(benchmark::State& state) {
    const int size = static_cast<int>(state.range(0));
    const auto truth = heart(size);
    auto predicted = truth;
    image::paintDisc(predicted, size / 2.0 + 3, size / 2.0, size * 0.10, image::label::BloodPool);
    for (auto _ : state) {
        metrics::ConfusionMatrix m(3);
        m.add(truth, predicted);
        benchmark::DoNotOptimize(m.dice(1));
    }
}
BENCHMARK(BM_ConfusionMatrix)->Arg(256)->Arg(512)->Unit(benchmark::kMicrosecond);

void BM_RasterizeContours(benchmark::State& state) {
    const int size = static_cast<int>(state.range(0));
    image::Polygon endo, epi;
    for (int k = 0; k < 64; ++k) {
        const double a = 2 * M_PI * k / 64;
        endo.push_back({size / 2.0 + size * 0.10 * std::cos(a), size / 2.0 + size * 0.10 * std::sin(a)});
        epi.push_back({size / 2.0 + size * 0.14 * std::cos(a), size / 2.0 + size * 0.14 * std::sin(a)});
    }
    for (auto _ : state) benchmark::DoNotOptimize(image::rasterizeContours(size, size, &endo, &epi));
}
BENCHMARK(BM_RasterizeContours)->Arg(256)->Arg(512)->Unit(benchmark::kMicrosecond);

void BM_RegionOutlines(benchmark::State& state) {
    const auto labels = heart(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        benchmark::DoNotOptimize(analysis::regionContours(labels, analysis::Boundary::Endocardium));
        benchmark::DoNotOptimize(analysis::regionContours(labels, analysis::Boundary::Epicardium));
    }
}
BENCHMARK(BM_RegionOutlines)->Arg(256)->Arg(512)->Unit(benchmark::kMicrosecond);

#ifdef CARDIOSEG_BENCH_UI
/// One cine frame in the slice view: new image, overlay composed (filled, outlines, or the
/// compare mode), drawn into a 900 × 900 widget.
void BM_SliceViewFrame(benchmark::State& state) {
    const int size = static_cast<int>(state.range(0));
    const auto style = static_cast<ui::OverlayStyle>(state.range(1));
    const bool compare = state.range(2) != 0;
    const auto img = noisyImage(size);
    const auto prediction = heart(size);
    auto corrections = prediction;
    image::paintDisc(corrections, size / 2.0 + 4, size / 2.0, size * 0.10, image::label::BloodPool);
    image::Geometry g;
    g.rows = g.columns = size;
    ui::SliceView view;
    view.resize(900, 900);
    view.setDisplayWindow({500, 1000});
    QImage target(900, 900, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.setImage(&img, g, 0);
        view.setOverlay(ui::composeOverlay(prediction, compare ? corrections : image::LabelMap(), {},
                                           compare ? ui::OverlaySource::Compare : ui::OverlaySource::Labels, style,
                                           90));
        view.render(&target);
        benchmark::DoNotOptimize(target.constBits());
    }
}
BENCHMARK(BM_SliceViewFrame)
    ->ArgNames({"size", "style", "compare"})
    ->Args({256, int(ui::OverlayStyle::Filled), 0})
    ->Args({512, int(ui::OverlayStyle::Filled), 0})
    ->Args({256, int(ui::OverlayStyle::FilledAndContours), 0})
    ->Args({512, int(ui::OverlayStyle::FilledAndContours), 0})
    ->Args({512, int(ui::OverlayStyle::Filled), 1})
    ->Unit(benchmark::kMillisecond);

/// How late a 10 ms timer of the GUI thread fires while the workstation's fine-tuning runs
/// (the shipped model on four sample images), and how many training steps it makes meanwhile.
/// Arg 1 is the workstation's policy: every core at background priority
/// (session::runInBackground); arg 0 the former one: all cores but one at normal priority.
/// Counters: latency median, 99th percentile and worst in ms; steps in the measured window.
void BM_EventLoopLatencyWhileFinetuning(benchmark::State& state) {
    std::vector<io::SkippedFile> skipped;
    training::SelectOptions sel;
    sel.onlyInstances = {59, 68, 119, 128};
    const auto corrections = training::loadLabelledImages(io::sampleDatasetDir(), sel, skipped);
    const engine::Model base = engine::Model::load(io::defaultModelPath());
    const bool background = state.range(1) != 0;
    training::FinetuneOptions o;
    o.seconds = 0;
    o.iterations = 1000000;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    o.threads = static_cast<int>(background ? cores : std::max(1u, cores - 1));
    std::vector<double> late;
    std::int64_t steps = 0;
    for (auto _ : state) {
        std::atomic<bool> stop{false};
        std::atomic<std::int64_t> step{0};
        std::thread worker([&] {
            auto run = [&] {
                training::finetune(base, corrections, {}, o, [&](const training::FinetuneProgress& p) {
                    step = p.train.iteration;
                    return !stop.load();
                });
            };
            if (background) session::runInBackground(run);
            else run();
        });
        QThread::msleep(1500);  // well into training
        const std::int64_t firstStep = step;
        QElapsedTimer clock;
        clock.start();
        qint64 expected = 10;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        QEventLoop loop;
        QObject::connect(&timer, &QTimer::timeout, [&] {
            late.push_back(std::max<qint64>(0, clock.elapsed() - expected));
            expected = clock.elapsed() + 10;
            if (clock.elapsed() > static_cast<qint64>(state.range(0)) * 1000) loop.quit();
        });
        timer.start(10);
        loop.exec();
        steps = step - firstStep;
        stop = true;
        worker.join();
    }
    std::sort(late.begin(), late.end());
    state.counters["median_ms"] = late[late.size() / 2];
    state.counters["p99_ms"] = late[late.size() * 99 / 100];
    state.counters["max_ms"] = late.back();
    state.counters["ticks"] = static_cast<double>(late.size());
    state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(BM_EventLoopLatencyWhileFinetuning)
    ->ArgNames({"seconds", "background"})
    ->Args({10, 0})
    ->Args({10, 1})
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

/// Reopening the sample study (240 images) whose model labels are in its workspace: from
/// openStudy to every label on screen, the model not run.
void BM_ReopenStudyWithCachedLabels(benchmark::State& state) {
    QTemporaryDir root;
    QSettings().setValue("workspace/root", root.path());
    const QString study = QString::fromStdString(io::sampleStudyDir().string());
    {  // the first opening segments and keeps the labels
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        w.openStudy(study);
        done.wait(600000);
        QThread::msleep(500);  // the cache is written in the background
    }
    for (auto _ : state) {
        ui::MainWindow w;
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QElapsedTimer clock;
        clock.start();
        w.openStudy(study);
        done.wait(600000);
        state.SetIterationTime(clock.elapsed() / 1000.0);
        if (w.session().prediction(0).labelledCount() != w.session().series(0).imageCount())
            state.SkipWithError("labels missing after reopening");
    }
    QSettings().remove("workspace/root");
}
BENCHMARK(BM_ReopenStudyWithCachedLabels)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

/// Opening the sample study with nothing cached: from the moment its first image is on screen
/// (studyShown) to the model's contours on that image, to the first (provisional) measures in
/// the function panel, and to every image of the series labelled. The engine's calibration is
/// cached (one opening beforehand).
void BM_FirstContoursAfterOpening(benchmark::State& state) {
    const QString study = QString::fromStdString(io::sampleStudyDir().string());
    struct Times {
        double first = 0, measures = 0, all = 0;
    };
    auto open = [&](Times* t) {
        QTemporaryDir workspace;  // nothing cached: the model runs
        QSettings().setValue("workspace/root", workspace.path());
        ui::MainWindow w;
        QSignalSpy shown(&w, &ui::MainWindow::studyShown);
        QSignalSpy done(&w, &ui::MainWindow::segmentationFinished);
        QElapsedTimer clock;
        double measures = -1;
        QObject::connect(w.functionPanel(), &ui::FunctionPanel::functionsShown, [&] {
            if (measures < 0 && clock.isValid() && w.functionPanel()->waiting() == 0)
                measures = clock.nsecsElapsed() / 1e9;
        });
        w.openStudy(study);
        if (!shown.wait(60000)) return false;
        clock.start();
        const int slice = w.viewer()->slice(), phase = w.viewer()->phase();
        while (w.session().prediction(0).at(slice, phase).empty() && clock.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            QThread::usleep(200);
        }
        const double first = clock.nsecsElapsed() / 1e9;
        if (done.isEmpty() && !done.wait(600000)) return false;
        if (t) *t = {first, measures, clock.nsecsElapsed() / 1e9};
        return w.session().prediction(0).labelledCount() == w.session().series(0).imageCount();
    };
    open(nullptr);  // the calibration, once per machine
    Times t;
    for (auto _ : state) {
        if (!open(&t)) state.SkipWithError("the series was not labelled");
        state.SetIterationTime(t.first);
    }
    state.counters["measures_s"] = t.measures;
    state.counters["whole_series_s"] = t.all;
    QSettings().remove("workspace/root");
}
BENCHMARK(BM_FirstContoursAfterOpening)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
#endif

}  // namespace

int main(int argc, char** argv) {
#ifdef CARDIOSEG_BENCH_UI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("CardioSegBench");
    QCoreApplication::setApplicationName("cardioseg_bench");
#endif
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
