#pragma once

#include <cstdint>
#include <string>

namespace cardioseg::engine {

/// Learning-rate schedules. "poly": base·(1 − i/max)^0.9; "constant"; "seed": the seed
/// study's — constant for the first `constantIterations` (15 000 of 25 000 there), then poly
/// decay over the remaining ones, base·(1 − (i − c)/(max − c))^0.9, so the rate is continuous.
struct Schedule {
    enum class Kind { Poly, Constant, Seed };
    Kind kind = Kind::Poly;
    double baseLr = 1e-3;
    std::int64_t maxIterations = 1000;
    std::int64_t constantIterations = 0;
    int warmupIterations = 0;  ///< linear ramp from 0 at the start (0: none)

    /// Learning rate at iteration `i` (0-based).
    double at(std::int64_t i) const;

    /// "poly", "constant", "seed"; std::invalid_argument for another name.
    static Kind parseKind(const std::string& name);
    static const char* kindName(Kind kind);
};

/// The optimiser of a training run: SGD with momentum and weight decay (the seed study's), or AdamW.
enum class Optimizer { Sgd, AdamW };
/// "sgd", "adamw"; std::invalid_argument for another name.
Optimizer parseOptimizer(const std::string& name);
const char* optimizerName(Optimizer optimizer);

}  // namespace cardioseg::engine
