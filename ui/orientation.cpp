#include "orientation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace cardioseg::ui {

QString orientationLetters(const image::Vec3& d) {
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](int a, int b) { return std::abs(d[a]) > std::abs(d[b]); });
    QString out;
    for (int axis : order) {
        if (std::abs(d[axis]) < 0.3) continue;
        static const char pos[] = {'L', 'P', 'H'};
        static const char neg[] = {'R', 'A', 'F'};
        out += QChar(d[axis] > 0 ? pos[axis] : neg[axis]);
    }
    return out;
}

}  // namespace cardioseg::ui
