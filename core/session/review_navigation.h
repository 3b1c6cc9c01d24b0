#pragma once

#include <functional>
#include <optional>
#include <utility>

namespace cardioseg::session {

/// A (slice, phase) cell of a cine series.
using Cell = std::pair<int, int>;

/// The review order of a series: slice by slice from the base, and within a slice phase by
/// phase. The next cell after `from` (wrapping round, `from` itself last) for which `wanted`
/// holds; nothing when no cell does.
std::optional<Cell> nextCell(int slices, int phases, Cell from,
                             const std::function<bool(Cell)>& wanted);

}  // namespace cardioseg::session
