#pragma once

#include <array>

namespace cardioseg::image {

using Vec3 = std::array<double, 3>;

/// Geometry of a stack of parallel 2-D images in DICOM patient coordinates (LPS, millimetres).
/// Pixel (col, row) of slice k lies at origin + col*colSpacing*rowDir + row*rowSpacing*colDir
/// + k*sliceSpacing*normal. rowDir/colDir follow DICOM ImageOrientationPatient: rowDir is the
/// direction in which the column index grows along a row, colDir the one in which the row index
/// grows down a column.
struct Geometry {
    int rows = 0;
    int columns = 0;
    double rowSpacing = 1.0;  ///< PixelSpacing[0]: distance between rows (mm)
    double colSpacing = 1.0;  ///< PixelSpacing[1]: distance between columns (mm)
    double sliceSpacing = 1.0;
    Vec3 origin{0, 0, 0};  ///< ImagePositionPatient of the first pixel of slice 0
    Vec3 rowDir{1, 0, 0};
    Vec3 colDir{0, 1, 0};
    Vec3 normal{0, 0, 1};  ///< unit direction from slice 0 towards the last slice

    /// Patient coordinates (mm) of a (possibly fractional) pixel position.
    Vec3 toPatient(double col, double row, double slice) const;
    /// Pixel area in mm².
    double pixelArea() const { return rowSpacing * colSpacing; }
    /// Voxel volume in mL (mm³ / 1000).
    double voxelVolumeMl() const { return rowSpacing * colSpacing * sliceSpacing / 1000.0; }
};

Vec3 cross(const Vec3& a, const Vec3& b);
double dot(const Vec3& a, const Vec3& b);
double norm(const Vec3& a);
Vec3 normalized(const Vec3& a);

}  // namespace cardioseg::image
