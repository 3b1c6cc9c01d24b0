#pragma once

#include <array>
#include <filesystem>
#include <vector>

#include "image/geometry.h"
#include "image/series_labels.h"

namespace cardioseg::analysis {

/// A triangle mesh in DICOM patient coordinates (mm).
struct Mesh {
    std::vector<image::Vec3> points;
    std::vector<image::Vec3> normals;  ///< per point, outwards (may be empty)
    std::vector<std::array<int, 3>> triangles;

    bool empty() const { return triangles.empty(); }
    /// Enclosed volume in mL (divergence theorem; the mesh should be closed).
    double volumeMl() const;
    double areaMm2() const;
};

/// Which labels a surface encloses.
enum class SurfaceKind {
    BloodPool,   ///< the endocardial surface
    Epicardium,  ///< blood pool and myocardium together
    Myocardium,  ///< the myocardium alone (a shell)
};

/// The surface of one phase's labels in the series' real geometry: the labelled voxels (slice
/// thickness = slice spacing, unlabelled slices empty) → discrete flying edges → windowed-sinc
/// smoothing (`smoothing` iterations, 0: none) → normals, all through VTK. Empty when the phase
/// has none of those labels.
Mesh labelSurface(const image::CineSeries& series, const image::SeriesLabels& labels, int phase, SurfaceKind kind,
                  int smoothing = 20);
/// The same from the series' geometry alone (all the surface needs of it).
Mesh labelSurface(const image::Geometry& geometry, const image::SeriesLabels& labels, int phase, SurfaceKind kind,
                  int smoothing = 20);

/// Writes a mesh as STL (binary), VTP (VTK XML) or OBJ, chosen by the extension; atomically.
/// Throws std::runtime_error naming the file and the reason (unknown extension included).
void writeMesh(const std::filesystem::path& file, const Mesh& mesh);

/// Reads an STL, VTP or OBJ file back. Throws std::runtime_error naming the file.
Mesh readMesh(const std::filesystem::path& file);

}  // namespace cardioseg::analysis
