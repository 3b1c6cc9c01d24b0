#include "image/geometry.h"

#include <cmath>

namespace cardioseg::image {

Vec3 Geometry::toPatient(double col, double row, double slice) const {
    Vec3 p{};
    for (int i = 0; i < 3; ++i) {
        p[i] = origin[i] + col * colSpacing * rowDir[i] + row * rowSpacing * colDir[i] +
               slice * sliceSpacing * normal[i];
    }
    return p;
}

Vec3 cross(const Vec3& a, const Vec3& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

double norm(const Vec3& a) { return std::sqrt(dot(a, a)); }

Vec3 normalized(const Vec3& a) {
    const double n = norm(a);
    if (n <= 0.0) return a;
    return {a[0] / n, a[1] / n, a[2] / n};
}

}  // namespace cardioseg::image
