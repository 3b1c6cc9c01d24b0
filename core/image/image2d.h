#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cardioseg::image {

/// A dense row-major 2-D image.
template <typename T>
struct Image2D {
    int width = 0;
    int height = 0;
    std::vector<T> data;

    Image2D() = default;
    Image2D(int w, int h, T fill = T{})
        : width(w), height(h), data(static_cast<std::size_t>(w) * h, fill) {}

    bool empty() const { return data.empty(); }
    T& at(int x, int y) { return data[static_cast<std::size_t>(y) * width + x]; }
    const T& at(int x, int y) const { return data[static_cast<std::size_t>(y) * width + x]; }
    bool operator==(const Image2D& o) const {
        return width == o.width && height == o.height && data == o.data;
    }
};

using FloatImage = Image2D<float>;
using LabelMap = Image2D<std::uint8_t>;

/// Label values shared by the whole application.
namespace label {
constexpr std::uint8_t Background = 0;
constexpr std::uint8_t BloodPool = 1;
constexpr std::uint8_t Myocardium = 2;
/// Known not to be blood pool, class otherwise unknown (background or myocardium): outside an
/// endocardial contour drawn without an epicardial one. Training uses it as a negative for the
/// blood pool; metrics count it as a false positive of the blood pool where predicted so, and
/// nowhere else.
constexpr std::uint8_t NotBloodPool = 254;
constexpr std::uint8_t Ignore = 255;
}  // namespace label

}  // namespace cardioseg::image
