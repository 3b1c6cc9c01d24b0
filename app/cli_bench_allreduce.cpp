// cardioseg-cli bench allreduce: what data-parallel training spends summing gradients.
#include "cli_commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "engine/collectives.h"
#include "engine/device.h"
#include "engine/distributed.h"
#include "engine/model.h"

namespace cardioseg::cli {

int runBenchAllreduce(const BenchArgs& a) {
    engine::DistributedOptions o;
    try {
        o = engine::distributedOptions(a.worldSize, a.rank, a.master);
        engine::validate(o);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (o.worldSize < 2)
        throw UsageError(
            "bench allreduce: needs --world-size 2 or more, and as many ranks started");
    engine::setCpuThreads(a.threads);
    const engine::ModelConfig config =
        a.arch.empty() ? loadModelOrDefault("").config() : engine::configFromArch(a.arch);
    const std::int64_t parameters = engine::Model::create(config).parameterCount();

    auto time = [&](torch::Tensor t, engine::Distributed& group) {
        for (int k = 0; k < 3; ++k) engine::allreduceSum(group, t);  // warm-up
        std::vector<double> ms;
        for (int k = 0; k < a.repeat; ++k) {
            const auto t0 = std::chrono::steady_clock::now();
            engine::allreduceSum(group, t);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count());
        }
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    };
    double median = 0, latency = 0;
    std::string backend;
    try {
        engine::Distributed group(o);
        backend = group.backend();
        median = time(torch::ones({parameters}), group);
        latency = time(torch::ones({1}), group);
        group.finish();
    } catch (const engine::DistributedError& e) {
        throw UsageError(e.what());
    }
    const double bytes = static_cast<double>(parameters) * 4.0;
    // What each process sends and receives in a ring all-reduce, per second: 2 (p − 1) / p · size.
    const double bus =
        2.0 * (o.worldSize - 1) / o.worldSize * bytes * 8.0 / (median / 1000.0) / 1e9;
    const nlohmann::json out{{"what", "allreduce"},
                             {"arch", engine::archName(config)},
                             {"parameters", parameters},
                             {"bytes", bytes},
                             {"world_size", o.worldSize},
                             {"rank", o.rank},
                             {"backend", backend},
                             {"median_ms", median},
                             {"latency_ms", latency},
                             {"bus_gbit_per_s", bus},
                             {"n", a.repeat}};
    if (a.json)
        std::cout << out.dump(2) << "\n";
    else
        std::printf(
            "%s: all-reduce of %.1f MB over %d processes (%s): %.2f ms (%.2f Gb/s per process), "
            "latency %.3f ms\n",
            engine::archName(config).c_str(), bytes / 1e6, o.worldSize, backend.c_str(), median,
            bus, latency);
    return 0;
}

}  // namespace cardioseg::cli
