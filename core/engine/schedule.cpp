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
    double lr;
    if (kind == "constant")
        lr = baseLr;
    else if (kind == "poly")
        lr = poly(0);
    else if (kind == "seed")
        lr = i < constantIterations ? baseLr : poly(constantIterations);
    else
        throw std::invalid_argument("unknown schedule '" + kind + "' (use seed, poly or constant)");
    if (warmupIterations > 0 && i < warmupIterations) lr *= static_cast<double>(i + 1) / warmupIterations;
    return lr;
}

}  // namespace cardioseg::engine
