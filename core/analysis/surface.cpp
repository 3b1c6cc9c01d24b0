#include "analysis/surface.h"

#include <cmath>
#include <stdexcept>

#include <vtkCellArray.h>
#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkOBJReader.h>
#include <vtkOBJWriter.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkSTLReader.h>
#include <vtkSTLWriter.h>
#include <vtkSmartPointer.h>
#include <vtkTriangleFilter.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowedSincPolyDataFilter.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLPolyDataWriter.h>

#include "io/atomic_file.h"

namespace fs = std::filesystem;

namespace cardioseg::analysis {

namespace {

bool inside(std::uint8_t v, SurfaceKind kind) {
    switch (kind) {
        case SurfaceKind::BloodPool: return v == image::label::BloodPool;
        case SurfaceKind::Epicardium: return v == image::label::BloodPool || v == image::label::Myocardium;
        case SurfaceKind::Myocardium: return v == image::label::Myocardium;
    }
    return false;
}

Mesh fromPolyData(vtkPolyData* poly) {
    Mesh m;
    vtkNew<vtkTriangleFilter> tri;
    tri->SetInputData(poly);
    tri->Update();
    vtkPolyData* t = tri->GetOutput();
    m.points.resize(t->GetNumberOfPoints());
    for (vtkIdType i = 0; i < t->GetNumberOfPoints(); ++i) {
        double p[3];
        t->GetPoint(i, p);
        m.points[i] = {p[0], p[1], p[2]};
    }
    if (auto* n = t->GetPointData()->GetNormals(); n && n->GetNumberOfTuples() == t->GetNumberOfPoints()) {
        m.normals.resize(t->GetNumberOfPoints());
        for (vtkIdType i = 0; i < t->GetNumberOfPoints(); ++i) {
            double v[3];
            n->GetTuple(i, v);
            m.normals[i] = {v[0], v[1], v[2]};
        }
    }
    vtkCellArray* polys = t->GetPolys();
    const vtkIdType* ids = nullptr;
    vtkIdType n = 0;
    for (polys->InitTraversal(); polys->GetNextCell(n, ids);)
        if (n == 3) m.triangles.push_back({static_cast<int>(ids[0]), static_cast<int>(ids[1]), static_cast<int>(ids[2])});
    return m;
}

vtkSmartPointer<vtkPolyData> toPolyData(const Mesh& m) {
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    vtkNew<vtkPoints> points;
    points->SetDataTypeToFloat();
    for (const auto& p : m.points) points->InsertNextPoint(p[0], p[1], p[2]);
    vtkNew<vtkCellArray> cells;
    for (const auto& t : m.triangles) {
        const vtkIdType ids[3] = {t[0], t[1], t[2]};
        cells->InsertNextCell(3, ids);
    }
    poly->SetPoints(points);
    poly->SetPolys(cells);
    if (m.normals.size() == m.points.size()) {
        vtkNew<vtkFloatArray> normals;
        normals->SetNumberOfComponents(3);
        normals->SetName("Normals");
        for (const auto& n : m.normals) normals->InsertNextTuple3(n[0], n[1], n[2]);
        poly->GetPointData()->SetNormals(normals);
    }
    return poly;
}

std::string extensionOf(const fs::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

double Mesh::volumeMl() const {
    double v = 0;
    for (const auto& t : triangles) {
        const auto& a = points[t[0]];
        const auto& b = points[t[1]];
        const auto& c = points[t[2]];
        v += image::dot(a, image::cross(b, c)) / 6.0;
    }
    return std::abs(v) / 1000.0;
}

double Mesh::areaMm2() const {
    double s = 0;
    for (const auto& t : triangles) {
        const auto& a = points[t[0]];
        const auto& b = points[t[1]];
        const auto& c = points[t[2]];
        s += 0.5 * image::norm(image::cross({b[0] - a[0], b[1] - a[1], b[2] - a[2]}, {c[0] - a[0], c[1] - a[1], c[2] - a[2]}));
    }
    return s;
}

Mesh labelSurface(const image::CineSeries& series, const image::SeriesLabels& labels, int phase, SurfaceKind kind,
                  int smoothing) {
    return labelSurface(series.geometry, labels, phase, kind, smoothing);
}

Mesh labelSurface(const image::Geometry& g, const image::SeriesLabels& labels, int phase, SurfaceKind kind,
                  int smoothing) {
    const int nx = g.columns + 2, ny = g.rows + 2, nz = labels.slices + 2;  // one empty voxel all round
    vtkNew<vtkImageData> volume;
    volume->SetDimensions(nx, ny, nz);
    volume->SetSpacing(g.colSpacing, g.rowSpacing, g.sliceSpacing);
    volume->SetOrigin(-g.colSpacing, -g.rowSpacing, -g.sliceSpacing);
    volume->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
    auto* voxels = static_cast<unsigned char*>(volume->GetScalarPointer());
    std::fill(voxels, voxels + static_cast<std::size_t>(nx) * ny * nz, 0);
    bool any = false;
    for (int s = 0; s < labels.slices; ++s) {
        const auto& map = labels.at(s, phase);
        if (map.empty() || map.width != g.columns || map.height != g.rows) continue;
        for (int y = 0; y < map.height; ++y)
            for (int x = 0; x < map.width; ++x)
                if (inside(map.at(x, y), kind)) {
                    voxels[(static_cast<std::size_t>(s + 1) * ny + (y + 1)) * nx + (x + 1)] = 1;
                    any = true;
                }
    }
    if (!any) return {};
    vtkNew<vtkDiscreteFlyingEdges3D> edges;
    edges->SetInputData(volume);
    edges->SetValue(0, 1);
    edges->ComputeNormalsOff();
    edges->ComputeGradientsOff();
    vtkAlgorithmOutput* surface = edges->GetOutputPort();
    vtkNew<vtkWindowedSincPolyDataFilter> smooth;
    if (smoothing > 0) {
        smooth->SetInputConnection(surface);
        smooth->SetNumberOfIterations(smoothing);
        smooth->SetPassBand(0.1);
        smooth->BoundarySmoothingOff();
        smooth->FeatureEdgeSmoothingOff();
        smooth->NonManifoldSmoothingOn();
        smooth->NormalizeCoordinatesOn();
        surface = smooth->GetOutputPort();
    }
    vtkNew<vtkPolyDataNormals> normals;
    normals->SetInputConnection(surface);
    normals->ConsistencyOn();
    normals->AutoOrientNormalsOn();
    normals->SplittingOff();
    normals->Update();
    Mesh m = fromPolyData(normals->GetOutput());
    // From the volume's (column, row, slice) millimetres to patient coordinates.
    auto toPatient = [&](const image::Vec3& p) {
        image::Vec3 q;
        for (int a = 0; a < 3; ++a) q[a] = g.origin[a] + p[0] * g.rowDir[a] + p[1] * g.colDir[a] + p[2] * g.normal[a];
        return q;
    };
    auto rotate = [&](const image::Vec3& n) {
        image::Vec3 q;
        for (int a = 0; a < 3; ++a) q[a] = n[0] * g.rowDir[a] + n[1] * g.colDir[a] + n[2] * g.normal[a];
        return q;
    };
    for (auto& p : m.points) p = toPatient(p);
    for (auto& n : m.normals) n = rotate(n);
    return m;
}

void writeMesh(const fs::path& file, const Mesh& mesh) {
    const std::string ext = extensionOf(file);
    if (ext != ".stl" && ext != ".vtp" && ext != ".obj")
        throw std::runtime_error("cannot write " + file.string() + ": use .stl, .vtp or .obj");
    if (mesh.empty()) throw std::runtime_error("cannot write " + file.string() + ": the surface is empty");
    const auto poly = toPolyData(mesh);
    io::writeAtomically(file, [&](const fs::path& tmp) {
        int error = 0;
        if (ext == ".stl") {
            vtkNew<vtkSTLWriter> w;
            w->SetFileName(tmp.c_str());
            w->SetInputData(poly);
            w->SetFileTypeToBinary();
            w->Write();
            error = static_cast<int>(w->GetErrorCode());
        } else if (ext == ".vtp") {
            vtkNew<vtkXMLPolyDataWriter> w;
            w->SetFileName(tmp.c_str());
            w->SetInputData(poly);
            w->SetDataModeToBinary();
            error = w->Write() ? 0 : 1;
        } else {
            vtkNew<vtkOBJWriter> w;
            w->SetFileName(tmp.c_str());
            w->SetInputData(poly);
            w->Write();
            error = static_cast<int>(w->GetErrorCode());
        }
        if (error) throw std::runtime_error("the VTK writer failed (disk full or folder not writable?)");
    });
}

Mesh readMesh(const fs::path& file) {
    const std::string ext = extensionOf(file);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw std::runtime_error(file.string() + ": no such file");
    vtkSmartPointer<vtkPolyData> poly;
    if (ext == ".stl") {
        vtkNew<vtkSTLReader> r;
        r->SetFileName(file.c_str());
        r->Update();
        poly = r->GetOutput();
    } else if (ext == ".vtp") {
        vtkNew<vtkXMLPolyDataReader> r;
        r->SetFileName(file.c_str());
        r->Update();
        poly = r->GetOutput();
    } else if (ext == ".obj") {
        vtkNew<vtkOBJReader> r;
        r->SetFileName(file.c_str());
        r->Update();
        poly = r->GetOutput();
    } else {
        throw std::runtime_error(file.string() + ": not an STL, VTP or OBJ file");
    }
    Mesh m = fromPolyData(poly);
    if (m.empty()) throw std::runtime_error(file.string() + ": no triangles could be read");
    return m;
}

}  // namespace cardioseg::analysis
