#include "session/review_navigation.h"

namespace cardioseg::session {

std::optional<Cell> nextCell(int slices, int phases, Cell from,
                             const std::function<bool(Cell)>& wanted) {
    const int n = slices * phases;
    if (n <= 0) return std::nullopt;
    const int start =
        from.first >= 0 && from.first < slices && from.second >= 0 && from.second < phases
            ? from.first * phases + from.second
            : n - 1;
    for (int k = 1; k <= n; ++k) {
        const int i = (start + k) % n;
        const Cell c{i / phases, i % phases};
        if (wanted(c)) return c;
    }
    return std::nullopt;
}

}  // namespace cardioseg::session
