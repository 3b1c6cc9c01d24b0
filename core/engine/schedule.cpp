#include "engine/schedule.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cardioseg::engine {

double Schedule::at(std::int64_t i) const {
    const auto poly = [&](std::int64_t from) {
        const double span = static_cast<double>(std::max<std::int64_t>(1, maxIterations - from));
        const double progress = std::clamp(static_cast<double>(i - from) / span, 0.0, 1.0);
        return baseLr * std::pow(1.0 - progress, 0.9);
    };
    double lr = baseLr;
    switch (kind) {
        case Kind::Constant: break;
        case Kind::Poly: lr = poly(0); break;
        case Kind::Seed: lr = i < constantIterations ? baseLr : poly(constantIterations); break;
    }
    if (warmupIterations > 0 && i < warmupIterations) lr *= static_cast<double>(i + 1) / warmupIterations;
    return lr;
}

Schedule::Kind Schedule::parseKind(const std::string& name) {
    if (name == "poly") return Kind::Poly;
    if (name == "constant") return Kind::Constant;
    if (name == "seed") return Kind::Seed;
    throw std::invalid_argument("unknown schedule '" + name + "' (use seed, poly or constant)");
}

const char* Schedule::kindName(Kind kind) {
    switch (kind) {
        case Kind::Poly: return "poly";
        case Kind::Constant: return "constant";
        case Kind::Seed: return "seed";
    }
    return "poly";
}

Optimizer parseOptimizer(const std::string& name) {
    if (name == "sgd") return Optimizer::Sgd;
    if (name == "adamw") return Optimizer::AdamW;
    throw std::invalid_argument("unknown optimizer '" + name + "' (use sgd or adamw)");
}

const char* optimizerName(Optimizer optimizer) { return optimizer == Optimizer::Sgd ? "sgd" : "adamw"; }

}  // namespace cardioseg::engine
