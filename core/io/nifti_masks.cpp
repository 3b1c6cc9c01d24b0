#include "io/nifti_masks.h"

#include <zlib.h>

#include <cmath>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <vtkImageCast.h>
#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkNIFTIImageReader.h>
#include <vtkNIFTIImageWriter.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkDataArray.h>

#include "io/atomic_file.h"

namespace fs = std::filesystem;

namespace cardioseg::io {

using image::Vec3;

namespace {

Vec3 lpsToRas(const Vec3& v) { return {-v[0], -v[1], v[2]}; }

double det3(const Vec3& a, const Vec3& b, const Vec3& c) { return image::dot(a, image::cross(b, c)); }

/// 4×4 matrix whose columns are the unit axis directions and whose last column is the origin.
vtkNew<vtkMatrix4x4> axisMatrix(const Vec3& i, const Vec3& j, const Vec3& k, const Vec3& o) {
    vtkNew<vtkMatrix4x4> m;
    for (int r = 0; r < 3; ++r) {
        m->SetElement(r, 0, i[r]);
        m->SetElement(r, 1, j[r]);
        m->SetElement(r, 2, k[r]);
        m->SetElement(r, 3, o[r]);
    }
    return m;
}

bool isAllIgnore(const image::LabelMap& m) {
    for (auto v : m.data)
        if (v != image::label::Ignore) return false;
    return true;
}

}  // namespace

void writeNiftiLabels(const fs::path& file, const image::CineSeries& series,
                      const image::SeriesLabels& labels, int phase) {
    const auto& g = series.geometry;
    if (labels.slices != series.slices || labels.phases != series.phases)
        throw std::runtime_error("cannot write " + file.string() + ": labels do not match the series grid");
    if (phase >= series.phases) throw std::runtime_error("cannot write " + file.string() + ": no such phase");
    const int nx = g.columns, ny = g.rows, nz = series.slices;
    const int nt = phase < 0 ? series.phases : 1;

    // NIfTI wants a right-handed qform; when rows × columns × slices is left-handed, store
    // the slices in reverse order instead of relying on qfac.
    Vec3 normal = g.normal;
    Vec3 origin = g.origin;
    const bool reverse = det3(g.rowDir, g.colDir, g.normal) < 0;
    if (reverse) {
        for (int r = 0; r < 3; ++r) origin[r] += (nz - 1) * g.sliceSpacing * normal[r];
        normal = {-normal[0], -normal[1], -normal[2]};
    }

    vtkNew<vtkImageData> img;
    img->SetDimensions(nx, ny, nz);
    img->SetSpacing(g.colSpacing, g.rowSpacing, g.sliceSpacing);
    img->SetOrigin(0, 0, 0);
    img->AllocateScalars(VTK_UNSIGNED_CHAR, nt);
    auto* out = static_cast<unsigned char*>(img->GetScalarPointer());
    const std::size_t plane = static_cast<std::size_t>(nx) * ny;
    for (int z = 0; z < nz; ++z) {
        const int slice = reverse ? nz - 1 - z : z;
        for (int t = 0; t < nt; ++t) {
            const auto& map = labels.at(slice, phase < 0 ? t : phase);
            for (std::size_t i = 0; i < plane; ++i)
                out[(z * plane + i) * nt + t] = map.empty() ? image::label::Ignore : map.data[i];
        }
    }

    const auto m = axisMatrix(lpsToRas(g.rowDir), lpsToRas(g.colDir), lpsToRas(normal), lpsToRas(origin));
    writeAtomically(file, [&](const fs::path& tmp) {
        vtkNew<vtkNIFTIImageWriter> w;
        w->SetInputData(img);
        w->SetFileName(tmp.string().c_str());
        w->SetQFormMatrix(m);
        w->SetSFormMatrix(m);
        w->SetDescription("CardioSeg labels 0 bg 1 LV 2 myo 255 unknown");
        if (nt > 1) w->SetTimeDimension(nt);
        w->Write();
        if (w->GetErrorCode() != 0) throw std::runtime_error("NIfTI writer failed (disk full?)");
    });
}

namespace {

/// Checks a NIfTI-1 file's header (plain or gzip-compressed) before VTK reads it: VTK 9.1's
/// reader trusts it and crashes on some malformed ones (found by fuzzing). What a label file
/// needs: a single-file NIfTI-1 ("n+1"), 1 to 7 dimensions each at least 1, an integer or
/// floating-point voxel type whose bits match, finite spacings, and voxel data that fits in the
/// file after its offset. Throws std::runtime_error naming the file and what is wrong.
void checkNiftiHeader(const fs::path& file) {
    const std::string name = file.string();
    const auto bad = [&](const std::string& why) { return std::runtime_error(name + ": not a usable NIfTI file (" + why + ")"); };
    const std::unique_ptr<std::remove_pointer_t<gzFile>, int (*)(gzFile)> in(gzopen(name.c_str(), "rb"), gzclose);
    if (!in) throw bad("cannot be opened");
    unsigned char h[348];
    if (gzread(in.get(), h, sizeof h) != static_cast<int>(sizeof h)) throw bad("shorter than a header");
    std::int32_t size = 0;
    std::memcpy(&size, h, 4);
    const bool swap = size != 348;
    const auto i16 = [&](int at) {
        std::uint16_t v = static_cast<std::uint16_t>(h[at] | (h[at + 1] << 8));
        if (swap) v = static_cast<std::uint16_t>((v >> 8) | (v << 8));
        return static_cast<std::int16_t>(v);
    };
    const auto f32 = [&](int at) {
        unsigned char b[4] = {h[at], h[at + 1], h[at + 2], h[at + 3]};
        if (swap) std::swap(b[0], b[3]), std::swap(b[1], b[2]);
        float v = 0;
        std::memcpy(&v, b, 4);
        return v;
    };
    if (swap && !(h[0] == 0 && h[1] == 0 && h[2] == 1 && h[3] == 0x5c)) throw bad("header size is not 348");
    if (std::memcmp(h + 344, "n+1", 4) != 0) throw bad("not a single-file NIfTI-1");
    const int rank = i16(40);
    if (rank < 1 || rank > 7) throw bad("dimension count " + std::to_string(rank));
    std::uint64_t voxels = 1;
    for (int d = 1; d <= rank; ++d) {
        const int n = i16(40 + 2 * d);
        if (n < 1) throw bad("dimension " + std::to_string(d) + " is " + std::to_string(n));
        voxels *= static_cast<std::uint64_t>(n);
        if (voxels > (std::uint64_t{1} << 31)) throw bad("more than 2^31 voxels");
        if (d <= 3 && !(std::isfinite(f32(76 + 4 * d)))) throw bad("spacing " + std::to_string(d) + " is not a number");
    }
    int bits = 0;
    switch (i16(70)) {
        case 2: case 256: bits = 8; break;                // uint8, int8
        case 4: case 512: bits = 16; break;               // int16, uint16
        case 8: case 16: case 768: bits = 32; break;      // int32, float32, uint32
        case 64: case 1024: case 1280: bits = 64; break;  // float64, int64, uint64
        default: throw bad("voxel type " + std::to_string(i16(70)));
    }
    if (i16(72) != bits) throw bad("bits per voxel " + std::to_string(i16(72)) + " for its type");
    const float offset = f32(108);
    if (!std::isfinite(offset) || offset < 348 || offset > 1e9f) throw bad("voxel data offset");
    // The voxel data must be there: the file's size says so, or (compressed) reading up to its end.
    const std::uint64_t end = static_cast<std::uint64_t>(offset) + voxels * static_cast<std::uint64_t>(bits / 8);
    if (gzdirect(in.get())) {
        const std::uint64_t size = fs::file_size(file);
        if (size < end) throw bad("truncated: " + std::to_string(size) + " of " + std::to_string(end) + " bytes");
        return;
    }
    std::uint64_t have = sizeof h;
    std::vector<char> chunk(1 << 16);
    while (have < end) {
        const int n = gzread(in.get(), chunk.data(), static_cast<unsigned>(std::min<std::uint64_t>(chunk.size(), end - have)));
        if (n <= 0) throw bad("truncated: " + std::to_string(have) + " of " + std::to_string(end) + " bytes");
        have += static_cast<std::uint64_t>(n);
    }
}

}  // namespace

NiftiLabelVolume readNiftiLabels(const fs::path& file) {
    if (!fs::is_regular_file(file)) throw std::runtime_error(file.string() + ": no such file");
    checkNiftiHeader(file);
    vtkNew<vtkNIFTIImageReader> r;
    if (!r->CanReadFile(file.string().c_str()))
        throw std::runtime_error(file.string() + ": not a NIfTI file");
    r->SetFileName(file.string().c_str());
    r->TimeAsVectorOn();  // every phase, as scalar components
    r->Update();
    vtkImageData* raw = r->GetOutput();
    if (r->GetErrorCode() != 0 || !raw || !raw->GetPointData()->GetScalars())
        throw std::runtime_error(file.string() + ": unreadable or truncated NIfTI file");
    vtkNew<vtkImageCast> cast;
    cast->SetInputData(raw);
    cast->SetOutputScalarTypeToUnsignedChar();
    cast->Update();
    vtkImageData* img = cast->GetOutput();

    int dims[3];
    img->GetDimensions(dims);
    double spacing[3];
    img->GetSpacing(spacing);
    const int nt = img->GetNumberOfScalarComponents();

    vtkMatrix4x4* m = r->GetSFormMatrix() ? r->GetSFormMatrix() : r->GetQFormMatrix();
    NiftiLabelVolume v;
    auto& g = v.geometry;
    g.columns = dims[0];
    g.rows = dims[1];
    g.colSpacing = spacing[0];
    g.rowSpacing = spacing[1];
    g.sliceSpacing = spacing[2];
    if (m) {
        auto column = [&](int c) { return lpsToRas({m->GetElement(0, c), m->GetElement(1, c), m->GetElement(2, c)}); };
        g.rowDir = image::normalized(column(0));
        g.colDir = image::normalized(column(1));
        g.normal = image::normalized(column(2));
        g.origin = column(3);
        // VTK keeps the image origin apart from the matrix.
        double o[3];
        img->GetOrigin(o);
        for (int r2 = 0; r2 < 3; ++r2)
            g.origin[r2] += o[0] * g.rowDir[r2] + o[1] * g.colDir[r2] + o[2] * g.normal[r2];
    }
    v.slices = dims[2];
    v.phases = nt;
    v.labels = image::SeriesLabels(v.slices, v.phases);
    const auto* in = static_cast<const unsigned char*>(img->GetScalarPointer());
    const std::size_t plane = static_cast<std::size_t>(dims[0]) * dims[1];
    for (int z = 0; z < v.slices; ++z)
        for (int t = 0; t < nt; ++t) {
            image::LabelMap map(dims[0], dims[1]);
            for (std::size_t i = 0; i < plane; ++i) map.data[i] = in[(z * plane + i) * nt + t];
            if (!isAllIgnore(map)) v.labels.at(z, t) = std::move(map);
        }
    return v;
}

image::SeriesLabels readNiftiLabelsFor(const fs::path& file, const image::CineSeries& series, int phase) {
    NiftiLabelVolume v = readNiftiLabels(file);
    const auto& g = series.geometry;
    auto fail = [&](const std::string& why) {
        return std::runtime_error(file.string() + ": " + why + " of the series");
    };
    if (v.geometry.columns != g.columns || v.geometry.rows != g.rows)
        throw fail("image size differs from that");
    if (v.slices != series.slices) throw fail("slice count differs from that");
    if (image::dot(v.geometry.rowDir, g.rowDir) < 0.99 || image::dot(v.geometry.colDir, g.colDir) < 0.99)
        throw fail("in-plane orientation differs from that");
    const double along = image::dot(v.geometry.normal, g.normal);
    if (series.slices > 1 && std::abs(along) < 0.99) throw fail("slice direction differs from that");
    const bool reversed = series.slices > 1 && along < 0;

    image::SeriesLabels labels = image::SeriesLabels::like(series);
    int target = phase;
    if (v.phases > 1) {
        if (v.phases != series.phases) throw fail("phase count differs from that");
    } else if (target < 0) {
        if (series.phases != 1) throw std::runtime_error(file.string() + ": a 3-D file needs the phase it belongs to");
        target = 0;
    }
    for (int z = 0; z < v.slices; ++z)
        for (int t = 0; t < v.phases; ++t) {
            const int slice = reversed ? v.slices - 1 - z : z;
            labels.at(slice, v.phases > 1 ? t : target) = std::move(v.labels.at(z, t));
        }
    return labels;
}

}  // namespace cardioseg::io
