#include "io/dicom_loader.h"
#include "io/workspace.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "image/intensity.h"
#include "io/dcmtk_codecs.h"
#include "io/series_arrange.h"

namespace fs = std::filesystem;

namespace cardioseg::io {

using image::CineSeries;
using image::FrameInfo;

namespace {

// Elements longer than this are left on disk during the header scan (DCMTK loads them
// lazily), so scanning a study reads headers only.
constexpr Uint32 kHeaderMaxReadLength = 4096;

struct ScannedFrame {
    FrameInfo frame;
    FrameGeometryHint hint;
    image::SeriesInfo info;
    image::Window window;
    bool hasWindow = false;
};

std::string getString(DcmItem& item, const DcmTagKey& tag) {
    OFString v;
    if (item.findAndGetOFStringArray(tag, v).good()) return std::string(v.c_str());
    return {};
}

bool getDouble(DcmItem& item, const DcmTagKey& tag, double& out, unsigned long pos = 0) {
    Float64 v = 0;
    if (item.findAndGetFloat64(tag, v, pos).good() && std::isfinite(v)) {
        out = v;
        return true;
    }
    return false;
}

long getInt(DcmItem& item, const DcmTagKey& tag, long fallback = 0) {
    Sint32 v = 0;
    if (item.findAndGetSint32(tag, v).good()) return v;
    Uint16 u = 0;
    if (item.findAndGetUint16(tag, u).good()) return u;
    return fallback;
}

/// First item of a functional-group macro sequence: from the frame's own item first, then
/// from the shared functional groups.
DcmItem* functionalGroup(DcmItem* perFrame, DcmItem* shared, const DcmTagKey& macro) {
    for (DcmItem* source : {perFrame, shared}) {
        if (!source) continue;
        DcmItem* item = nullptr;
        if (source->findAndGetSequenceItem(macro, item, 0).good() && item) return item;
    }
    return nullptr;
}

bool hasDicomMagic(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char buf[132] = {};
    if (!in.read(buf, sizeof buf)) return false;
    return std::string(buf + 128, 4) == "DICM";
}

image::SeriesInfo readSeriesInfo(DcmDataset& ds) {
    image::SeriesInfo info;
    info.seriesUid = getString(ds, DCM_SeriesInstanceUID);
    info.studyUid = getString(ds, DCM_StudyInstanceUID);
    info.frameOfReferenceUid = getString(ds, DCM_FrameOfReferenceUID);
    info.patientId = getString(ds, DCM_PatientID);
    info.patientName = getString(ds, DCM_PatientName);
    info.patientBirthDate = getString(ds, DCM_PatientBirthDate);
    info.patientSex = getString(ds, DCM_PatientSex);
    info.studyDate = getString(ds, DCM_StudyDate);
    info.studyDescription = getString(ds, DCM_StudyDescription);
    info.seriesDescription = getString(ds, DCM_SeriesDescription);
    info.modality = getString(ds, DCM_Modality);
    info.manufacturer = getString(ds, DCM_Manufacturer);
    info.seriesNumber = static_cast<int>(getInt(ds, DCM_SeriesNumber));
    getDouble(ds, DCM_PatientSize, info.patientSizeM);
    getDouble(ds, DCM_PatientWeight, info.patientWeightKg);
    return info;
}

void readPlaneAttributes(DcmItem* orientItem, DcmItem* measuresItem, FrameGeometryHint& hint) {
    if (orientItem) {
        double v[6];
        bool ok = true;
        for (int i = 0; i < 6; ++i) ok = ok && getDouble(*orientItem, DCM_ImageOrientationPatient, v[i], i);
        if (ok) {
            hint.rowDir = {v[0], v[1], v[2]};
            hint.colDir = {v[3], v[4], v[5]};
            hint.hasOrientation = image::norm(hint.rowDir) > 0.5 && image::norm(hint.colDir) > 0.5;
        }
    }
    if (measuresItem) {
        getDouble(*measuresItem, DCM_PixelSpacing, hint.rowSpacing, 0);
        getDouble(*measuresItem, DCM_PixelSpacing, hint.colSpacing, 1);
        getDouble(*measuresItem, DCM_SliceThickness, hint.sliceThickness);
        getDouble(*measuresItem, DCM_SpacingBetweenSlices, hint.spacingBetweenSlices);
    }
}

void readPosition(DcmItem* item, FrameInfo& frame) {
    if (!item) return;
    double p[3];
    if (getDouble(*item, DCM_ImagePositionPatient, p[0], 0) &&
        getDouble(*item, DCM_ImagePositionPatient, p[1], 1) &&
        getDouble(*item, DCM_ImagePositionPatient, p[2], 2)) {
        frame.position = {p[0], p[1], p[2]};
        frame.hasPosition = true;
    }
}

void readWindow(DcmItem* item, ScannedFrame& sf) {
    if (!item) return;
    double c = 0, w = 0;
    if (getDouble(*item, DCM_WindowCenter, c) && getDouble(*item, DCM_WindowWidth, w) && w > 0) {
        sf.window = {c, w};
        sf.hasWindow = true;
    }
}

/// Reads the header of one file into one ScannedFrame per frame; returns an empty string on
/// success, else the reason the file is skipped.
std::string scanFile(const fs::path& file, std::vector<ScannedFrame>& out) {
    DcmFileFormat ff;
    const bool magic = hasDicomMagic(file);
    const OFCondition st = ff.loadFile(file.string().c_str(), EXS_Unknown, EGL_noChange,
                                       kHeaderMaxReadLength, magic ? ERM_fileOnly : ERM_autoDetect);
    if (st.bad()) {
        if (!magic) return "not a DICOM file";
        return std::string("unreadable DICOM (truncated or corrupt): ") + st.text();
    }
    DcmDataset& ds = *ff.getDataset();
    const std::string sopClass = getString(ds, DCM_SOPClassUID);
    if (!magic && sopClass.empty() && !ds.tagExists(DCM_PixelData)) return "not a DICOM file";
    if (sopClass == UID_MediaStorageDirectoryStorage) return "DICOMDIR (read through its folder)";
    if (!ds.tagExists(DCM_PixelData)) {
        if (sopClass == UID_SegmentationStorage) return "DICOM SEG object, not an image";
        return "no pixel data (not an image)";
    }
    const long rows = getInt(ds, DCM_Rows), cols = getInt(ds, DCM_Columns);
    if (rows <= 0 || cols <= 0) return "image has no rows/columns";
    const long samples = getInt(ds, DCM_SamplesPerPixel, 1);
    if (samples != 1) return "colour image (" + std::to_string(samples) + " samples per pixel); only greyscale MRI is supported";
    const long bits = getInt(ds, DCM_BitsAllocated);
    if (bits != 8 && bits != 16) return "unsupported BitsAllocated " + std::to_string(bits);
    const E_TransferSyntax xfer = ff.getDataset()->getOriginalXfer();
    if (DcmXfer(xfer).isEncapsulated()) {
        // A decoder for this syntax must exist, or decoding will fail later.
        if (xfer != EXS_JPEGProcess1 && xfer != EXS_JPEGProcess2_4 && xfer != EXS_JPEGProcess14 &&
            xfer != EXS_JPEGProcess14SV1 && xfer != EXS_JPEGLSLossless && xfer != EXS_JPEGLSLossy &&
            xfer != EXS_RLELossless)
            return std::string("unsupported transfer syntax ") + DcmXfer(xfer).getXferName();
    }

    const long nFrames = std::max(1L, getInt(ds, DCM_NumberOfFrames, 1));
    if (!DcmXfer(xfer).isEncapsulated()) {
        // Native pixel data must fit in the file: catches truncation before any decoding.
        const std::uintmax_t payload = static_cast<std::uintmax_t>(rows) * cols * nFrames * (bits / 8);
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(file, ec);
        if (!ec && size < payload)
            return "truncated file: " + std::to_string(size) + " bytes cannot hold " +
                   std::to_string(payload) + " bytes of pixel data";
    }

    image::SeriesInfo info = readSeriesInfo(ds);
    if (info.seriesUid.empty()) info.seriesUid = "no-series-uid:" + file.parent_path().string();

    FrameInfo base;
    base.file = file.string();
    base.instanceNumber = static_cast<int>(getInt(ds, DCM_InstanceNumber));
    base.sopInstanceUid = getString(ds, DCM_SOPInstanceUID);
    base.sopClassUid = sopClass;

    // Enhanced (multi-frame) objects keep per-frame attributes in functional groups; classic
    // images keep them at the top level. Some writers add empty functional-group sequences to
    // classic images, so every attribute falls back to the top level when no group has it.
    DcmItem* shared = nullptr;
    ds.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
    DcmSequenceOfItems* perFrameSeq = nullptr;
    ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrameSeq);

    for (long f = 0; f < nFrames; ++f) {
        ScannedFrame sf;
        sf.info = info;
        sf.frame = base;
        sf.frame.frameIndex = static_cast<int>(f);
        sf.hint.rows = static_cast<int>(rows);
        sf.hint.columns = static_cast<int>(cols);
        DcmItem* perFrame = perFrameSeq && f < static_cast<long>(perFrameSeq->card())
                                ? perFrameSeq->getItem(static_cast<unsigned long>(f))
                                : nullptr;
        auto group = [&](const DcmTagKey& macro) {
            DcmItem* item = functionalGroup(perFrame, shared, macro);
            return item ? item : static_cast<DcmItem*>(&ds);
        };
        readPlaneAttributes(group(DCM_PlaneOrientationSequence), group(DCM_PixelMeasuresSequence), sf.hint);
        if (sf.hint.rowSpacing <= 0) readPlaneAttributes(nullptr, &ds, sf.hint);
        readPosition(group(DCM_PlanePositionSequence), sf.frame);
        if (!sf.frame.hasPosition) readPosition(&ds, sf.frame);
        sf.frame.hasSliceLocation = getDouble(ds, DCM_SliceLocation, sf.frame.sliceLocation);
        if (DcmItem* sync = functionalGroup(perFrame, shared, DCM_CardiacSynchronizationSequence))
            sf.frame.hasTriggerTime = getDouble(*sync, DCM_NominalCardiacTriggerDelayTime, sf.frame.triggerTime);
        if (!sf.frame.hasTriggerTime)
            sf.frame.hasTriggerTime = getDouble(ds, DCM_TriggerTime, sf.frame.triggerTime);
        DcmItem* pvt = group(DCM_PixelValueTransformationSequence);
        getDouble(*pvt, DCM_RescaleSlope, sf.frame.rescaleSlope);
        getDouble(*pvt, DCM_RescaleIntercept, sf.frame.rescaleIntercept);
        readWindow(group(DCM_FrameVOILUTSequence), sf);
        if (!sf.hasWindow) readWindow(&ds, sf);
        if (sf.frame.rescaleSlope == 0.0) sf.frame.rescaleSlope = 1.0;
        out.push_back(std::move(sf));
    }
    return {};
}

template <typename Fn>
void parallelFor(std::size_t count, int threads, Fn&& fn) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads), count));
    if (threads <= 1) {
        for (std::size_t i = 0; i < count; ++i) fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < count; i = next++) fn(i);
        });
    for (auto& th : pool) th.join();
}

fs::path resolveReferencedFile(const fs::path& dir, const std::string& ref) {
    fs::path p = dir;
    std::string part;
    for (char c : ref + "\\") {
        if (c == '\\' || c == '/') {
            if (!part.empty()) p /= part;
            part.clear();
        } else {
            part += c;
        }
    }
    if (fs::exists(p)) return p;
    // Media written on other systems may differ in case: retry in lower case.
    std::string lower = p.lexically_relative(dir).string();
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    return dir / lower;
}

std::vector<fs::path> filesFromDicomDir(const fs::path& dicomdir, std::vector<SkippedFile>& skipped) {
    std::vector<fs::path> files;
    DcmFileFormat ff;
    if (ff.loadFile(dicomdir.string().c_str()).bad()) {
        skipped.push_back({dicomdir.string(), "unreadable DICOMDIR; folder searched instead"});
        return files;
    }
    DcmSequenceOfItems* records = nullptr;
    if (ff.getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || !records)
        return files;
    std::set<fs::path> seen;
    for (unsigned long i = 0; i < records->card(); ++i) {
        OFString ref;
        if (records->getItem(i)->findAndGetOFStringArray(DCM_ReferencedFileID, ref).good() &&
            !ref.empty()) {
            const fs::path p = resolveReferencedFile(dicomdir.parent_path(), ref.c_str());
            if (!fs::is_regular_file(p)) {
                skipped.push_back({p.string(), "listed in DICOMDIR but missing"});
                continue;
            }
            if (seen.insert(p).second) files.push_back(p);
        }
    }
    return files;
}

bool isDicomDirName(const fs::path& p) { return p.filename() == "DICOMDIR"; }

// ---------------------------------------------------------------- pixel decoding

template <typename Raw>
void convertFrame(const Raw* raw, std::size_t count, long bitsStored, long highBit, bool isSigned,
                  double slope, double intercept, float* out) {
    const int shift = static_cast<int>(highBit + 1 - bitsStored);
    const bool needMask = bitsStored < static_cast<long>(sizeof(Raw) * 8) || shift != 0;
    const std::uint32_t mask = bitsStored >= 32 ? 0xFFFFFFFFu : ((1u << bitsStored) - 1u);
    const std::uint32_t signBit = 1u << (bitsStored - 1);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t v = static_cast<std::uint32_t>(raw[i]);
        if (needMask) v = (v >> shift) & mask;
        double value;
        if (isSigned && (v & signBit))
            value = static_cast<double>(static_cast<std::int64_t>(v) - (static_cast<std::int64_t>(mask) + 1));
        else
            value = static_cast<double>(v);
        out[i] = static_cast<float>(value * slope + intercept);
    }
}

/// Decodes the listed frames of one file. Returns an empty string or the reason for failure.
std::string decodeFile(const std::string& file, const std::vector<int>& frameIds, CineSeries& series) {
    DcmFileFormat ff;
    OFCondition st = ff.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                 hasDicomMagic(file) ? ERM_fileOnly : ERM_autoDetect);
    if (st.bad()) return std::string("unreadable DICOM (truncated or corrupt): ") + st.text();
    DcmDataset& ds = *ff.getDataset();
    if (DcmXfer(ds.getOriginalXfer()).isEncapsulated()) {
        st = ds.chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
        if (st.bad() || !ds.canWriteXfer(EXS_LittleEndianExplicit))
            return std::string("cannot decode compressed pixel data (") +
                   DcmXfer(ds.getOriginalXfer()).getXferName() + "): " + st.text();
    }
    const long rows = getInt(ds, DCM_Rows), cols = getInt(ds, DCM_Columns);
    const long bitsAllocated = getInt(ds, DCM_BitsAllocated);
    const long bitsStored = getInt(ds, DCM_BitsStored, bitsAllocated);
    const long highBit = getInt(ds, DCM_HighBit, bitsStored - 1);
    const bool isSigned = getInt(ds, DCM_PixelRepresentation) == 1;
    const bool mono1 = getString(ds, DCM_PhotometricInterpretation) == "MONOCHROME1";
    const long nFrames = std::max(1L, getInt(ds, DCM_NumberOfFrames, 1));
    if (rows != series.geometry.rows || cols != series.geometry.columns)
        return "image size " + std::to_string(cols) + "x" + std::to_string(rows) + " differs from the series";
    if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated)
        return "inconsistent BitsStored/HighBit";

    const std::size_t perFrame = static_cast<std::size_t>(rows) * cols;
    const std::size_t needed = perFrame * nFrames;
    const Uint8* data8 = nullptr;
    const Uint16* data16 = nullptr;
    unsigned long count = 0;
    DcmElement* elem = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, elem).bad() || !elem) return "no pixel data";
    if (bitsAllocated == 8) {
        Uint8* p = nullptr;
        st = elem->getUint8Array(p);
        data8 = p;
        count = elem->getLength();
    } else {
        Uint16* p = nullptr;
        st = elem->getUint16Array(p);
        data16 = p;
        count = elem->getLength() / 2;
    }
    if (st.bad() || (!data8 && !data16)) return std::string("cannot read pixel data: ") + st.text();
    if (count < needed)
        return "pixel data truncated (" + std::to_string(count) + " of " + std::to_string(needed) + " values)";

    for (int id : frameIds) {
        FrameInfo& fi = series.frames[id];
        if (fi.frameIndex >= nFrames) return "frame " + std::to_string(fi.frameIndex + 1) + " missing";
        image::FloatImage img(static_cast<int>(cols), static_cast<int>(rows));
        const std::size_t offset = perFrame * fi.frameIndex;
        if (data8)
            convertFrame(data8 + offset, perFrame, bitsStored, highBit, isSigned, fi.rescaleSlope,
                         fi.rescaleIntercept, img.data.data());
        else
            convertFrame(data16 + offset, perFrame, bitsStored, highBit, isSigned, fi.rescaleSlope,
                         fi.rescaleIntercept, img.data.data());
        if (mono1) {
            // MONOCHROME1 shows high values dark; invert within the stored range so that
            // bright always means high signal downstream.
            const double lo = isSigned ? -std::ldexp(1.0, bitsStored - 1) : 0.0;
            const double hi = isSigned ? std::ldexp(1.0, bitsStored - 1) - 1 : std::ldexp(1.0, bitsStored) - 1;
            const double sum = (lo + hi) * fi.rescaleSlope + 2 * fi.rescaleIntercept;
            for (float& v : img.data) v = static_cast<float>(sum - v);
        }
        series.pixels[id] = std::move(img);
    }
    return {};
}

/// Rebuilds frames/grid without the frames whose flag is set.
void removeFrames(CineSeries& series, const std::vector<char>& remove) {
    std::vector<int> newIndex(series.frames.size(), -1);
    std::vector<FrameInfo> frames;
    std::vector<image::FloatImage> pixels;
    for (std::size_t i = 0; i < series.frames.size(); ++i) {
        if (remove[i]) continue;
        newIndex[i] = static_cast<int>(frames.size());
        frames.push_back(std::move(series.frames[i]));
        pixels.push_back(std::move(series.pixels[i]));
    }
    // Close the gaps: phases keep their order within each slice; empty slices go.
    std::vector<std::vector<int>> slices;
    for (int s = 0; s < series.slices; ++s) {
        std::vector<int> row;
        for (int p = 0; p < series.phases; ++p) {
            const int g = series.grid[static_cast<std::size_t>(s) * series.phases + p];
            if (g >= 0 && newIndex[g] >= 0) row.push_back(newIndex[g]);
        }
        if (!row.empty()) slices.push_back(std::move(row));
    }
    std::size_t phases = 0;
    for (const auto& row : slices) phases = std::max(phases, row.size());
    series.slices = static_cast<int>(slices.size());
    series.phases = static_cast<int>(phases);
    series.grid.assign(slices.size() * phases, -1);
    for (std::size_t s = 0; s < slices.size(); ++s)
        std::copy(slices[s].begin(), slices[s].end(), series.grid.begin() + static_cast<std::ptrdiff_t>(s * phases));
    series.frames = std::move(frames);
    series.pixels = std::move(pixels);
}

}  // namespace

std::vector<fs::path> collectDicomFiles(const std::vector<fs::path>& inputs,
                                        std::vector<SkippedFile>& skipped) {
    std::vector<fs::path> files;
    std::set<fs::path> seen;
    auto add = [&](const fs::path& p) {
        if (seen.insert(fs::weakly_canonical(p)).second) files.push_back(p);
    };
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_regular_file(in, ec)) {
            if (isDicomDirName(in)) {
                for (const auto& f : filesFromDicomDir(in, skipped)) add(f);
            } else {
                add(in);
            }
            continue;
        }
        if (!fs::is_directory(in, ec)) {
            skipped.push_back({in.string(), "no such file or folder"});
            continue;
        }
        if (fs::is_regular_file(in / "DICOMDIR", ec)) {
            auto listed = filesFromDicomDir(in / "DICOMDIR", skipped);
            if (!listed.empty()) {
                for (const auto& f : listed) add(f);
                continue;
            }
        }
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(
                 in, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (it->is_directory(ec)) {
                // Hidden folders and CardioSeg's own workspaces hold no images of the study.
                if (name.front() == '.' || name == kWorkspaceFolderName) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && !isDicomDirName(it->path()) && name.front() != '.')
                found.push_back(it->path());
        }
        if (ec) skipped.push_back({in.string(), "folder could not be read completely: " + ec.message()});
        std::sort(found.begin(), found.end());
        for (const auto& f : found) add(f);
    }
    return files;
}

image::Window percentileWindow(const CineSeries& series) {
    std::vector<float> sample;
    for (const auto& img : series.pixels) {
        const std::size_t step = std::max<std::size_t>(1, img.data.size() / 4096);
        for (std::size_t i = 0; i < img.data.size(); i += step) sample.push_back(img.data[i]);
    }
    if (sample.empty()) return {};
    const double lo = image::percentile(sample, 0.01), hi = image::percentile(sample, 0.99);
    return {0.5 * (lo + hi), std::max(1.0, hi - lo)};
}

bool decodeSeriesPixels(CineSeries& series, std::vector<SkippedFile>& skipped, int threads,
                        const ProgressFn& progress) {
    registerDcmtkCodecs();
    series.pixels.resize(series.frames.size());
    std::map<std::string, std::vector<int>> byFile;
    for (std::size_t i = 0; i < series.frames.size(); ++i)
        if (series.pixels[i].empty()) byFile[series.frames[i].file].push_back(static_cast<int>(i));
    std::vector<std::pair<std::string, std::vector<int>>> jobs(byFile.begin(), byFile.end());

    std::vector<std::string> errors(jobs.size());
    std::atomic<bool> cancel{false};
    std::atomic<std::size_t> done{0};
    std::mutex progressMutex;
    parallelFor(jobs.size(), threads, [&](std::size_t j) {
        if (cancel) return;
        errors[j] = decodeFile(jobs[j].first, jobs[j].second, series);
        const std::size_t d = ++done;
        if (progress) {
            std::lock_guard<std::mutex> lock(progressMutex);
            if (!progress(static_cast<double>(d) / jobs.size(), "Decoding images")) cancel = true;
        }
    });

    std::vector<char> remove(series.frames.size(), 0);
    bool anyRemoved = false;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        if (errors[j].empty()) continue;
        skipped.push_back({jobs[j].first, errors[j]});
        for (int id : jobs[j].second) remove[id] = 1;
        anyRemoved = true;
    }
    if (anyRemoved) removeFrames(series, remove);
    if (!series.windowFromHeader && !cancel) series.window = percentileWindow(series);
    return !cancel;
}

LoadResult loadDicom(const std::vector<fs::path>& inputs, const LoadOptions& options) {
    registerDcmtkCodecs();
    LoadResult result;
    const auto files = collectDicomFiles(inputs, result.skipped);

    std::vector<std::vector<ScannedFrame>> scanned(files.size());
    std::vector<std::string> reasons(files.size());
    std::atomic<bool> cancel{false};
    std::atomic<std::size_t> done{0};
    std::mutex progressMutex;
    const double scanShare = options.decodePixels ? 0.3 : 1.0;
    parallelFor(files.size(), options.threads, [&](std::size_t i) {
        if (cancel) return;
        reasons[i] = scanFile(files[i], scanned[i]);
        const std::size_t d = ++done;
        if (options.progress) {
            std::lock_guard<std::mutex> lock(progressMutex);
            if (!options.progress(scanShare * d / files.size(), "Reading headers")) cancel = true;
        }
    });
    if (cancel) {
        result.cancelled = true;
        return result;
    }

    // Group by series, in file order.
    std::map<std::string, std::vector<ScannedFrame*>> groups;
    std::vector<std::string> groupOrder;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!reasons[i].empty()) {
            result.skipped.push_back({files[i].string(), reasons[i]});
            continue;
        }
        for (auto& sf : scanned[i]) {
            auto [it, inserted] = groups.try_emplace(sf.info.seriesUid);
            if (inserted) groupOrder.push_back(sf.info.seriesUid);
            it->second.push_back(&sf);
        }
    }

    for (const auto& uid : groupOrder) {
        auto& members = groups[uid];
        // The most common image size defines the series; other sizes are inconsistent.
        std::map<std::pair<int, int>, int> sizes;
        for (auto* sf : members) ++sizes[{sf->hint.columns, sf->hint.rows}];
        const auto major = std::max_element(sizes.begin(), sizes.end(), [](auto& a, auto& b) {
                               return a.second < b.second;
                           })->first;
        CineSeries series;
        series.info = members.front()->info;
        std::vector<FrameGeometryHint> hints;
        std::set<std::string> rejectedFiles;
        for (auto* sf : members) {
            if (std::make_pair(sf->hint.columns, sf->hint.rows) != major) {
                if (rejectedFiles.insert(sf->frame.file).second)
                    result.skipped.push_back(
                        {sf->frame.file, "image size " + std::to_string(sf->hint.columns) + "x" +
                                             std::to_string(sf->hint.rows) +
                                             " differs from the rest of its series (" +
                                             std::to_string(major.first) + "x" +
                                             std::to_string(major.second) + ")"});
                continue;
            }
            if (!series.windowFromHeader && sf->hasWindow) {
                series.window = sf->window;
                series.windowFromHeader = true;
            }
            series.frames.push_back(sf->frame);
            hints.push_back(sf->hint);
        }
        arrangeSeries(series, hints);
        result.series.push_back(std::move(series));
    }
    std::stable_sort(result.series.begin(), result.series.end(), [](const auto& a, const auto& b) {
        if (a.info.studyUid != b.info.studyUid) return a.info.studyUid < b.info.studyUid;
        return a.info.seriesNumber < b.info.seriesNumber;
    });

    if (options.decodePixels) {
        std::size_t total = 0, before = 0;
        for (const auto& s : result.series) total += s.frames.size();
        for (auto& s : result.series) {
            const std::size_t n = s.frames.size();
            ProgressFn sub;
            if (options.progress)
                sub = [&, n, before](double f, const std::string& msg) {
                    return options.progress(scanShare + (1 - scanShare) * (before + f * n) / total, msg);
                };
            if (!decodeSeriesPixels(s, result.skipped, options.threads, sub)) {
                result.cancelled = true;
                break;
            }
            before += n;
        }
        result.series.erase(std::remove_if(result.series.begin(), result.series.end(),
                                           [](const auto& s) { return s.frames.empty(); }),
                            result.series.end());
    }
    return result;
}

}  // namespace cardioseg::io
