#include "synthetic_dicom.h"

#include "io/dicom_loader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <stdexcept>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpeg/djrploss.h>
#include <dcmtk/dcmjpls/djrparam.h>

#include "io/dcmtk_codecs.h"

namespace fs = std::filesystem;

namespace cardioseg::testing {

namespace {

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string vec(const image::Vec3& v) { return num(v[0]) + "\\" + num(v[1]) + "\\" + num(v[2]); }

E_TransferSyntax xferOf(Encoding e) {
    switch (e) {
        case Encoding::ImplicitLittle: return EXS_LittleEndianImplicit;
        case Encoding::ExplicitBig: return EXS_BigEndianExplicit;
        case Encoding::Rle: return EXS_RLELossless;
        case Encoding::JpegLossless: return EXS_JPEGProcess14SV1;
        case Encoding::JpegLsLossless: return EXS_JPEGLSLossless;
        case Encoding::JpegBaseline: return EXS_JPEGProcess1;
        default: return EXS_LittleEndianExplicit;
    }
}

void check(const OFCondition& c, const std::string& what) {
    if (c.bad()) throw std::runtime_error(what + ": " + c.text());
}

/// Inserts a string element as LO whatever the dictionary says (a wrong VR).
void putAsLongString(DcmDataset& ds, const DcmTagKey& key, const char* value) {
    auto* e = new DcmLongString(DcmTag(key, DcmVR(EVR_LO)));
    e->putString(value);
    check(ds.insert(e, OFTrue), "insert");
}

/// Odd-length values do not survive DCMTK's writer (it pads them), so they are made in the
/// file: the element's length loses one and its padding byte goes (explicit VR little endian).
void makeOddLength(const fs::path& file, const DcmTagKey& key) {
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    const char tag[4] = {static_cast<char>(key.getGroup() & 0xff), static_cast<char>(key.getGroup() >> 8),
                         static_cast<char>(key.getElement() & 0xff), static_cast<char>(key.getElement() >> 8)};
    const std::size_t at = bytes.find(std::string(tag, 4), 132);
    if (at == std::string::npos) throw std::runtime_error("odd-length: tag not found");
    const std::size_t lengthAt = at + 6;
    const unsigned length = static_cast<unsigned char>(bytes[lengthAt]) | static_cast<unsigned char>(bytes[lengthAt + 1]) << 8;
    if (length == 0 || length % 2) throw std::runtime_error("odd-length: unexpected length");
    bytes[lengthAt] = static_cast<char>((length - 1) & 0xff);
    bytes[lengthAt + 1] = static_cast<char>((length - 1) >> 8);
    bytes.erase(lengthAt + 2 + length - 1, 1);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

void putCommon(DcmDataset& ds, const SyntheticSeries& s) {
    ds.putAndInsertString(DCM_PatientName, ("Synthetic^" + s.patientId).c_str());
    ds.putAndInsertString(DCM_PatientID, s.patientId.c_str());
    ds.putAndInsertString(DCM_StudyInstanceUID, studyUidOf(s).c_str());
    ds.putAndInsertString(DCM_SeriesInstanceUID, seriesUidOf(s).c_str());
    ds.putAndInsertString(DCM_FrameOfReferenceUID, frameOfReferenceUidOf(s).c_str());
    if (s.archiveDefects) {
        ds.putAndInsertString(DCM_PatientBirthDate, "00000000");
        putAsLongString(ds, DCM_PatientSex, "male");
        ds.putAndInsertString(DCM_StudyDate, "20120000");
        ds.putAndInsertString(DCM_StudyTime, "10:15:00");
        ds.putAndInsertString(DCM_StudyID, "S\x01T1");
        ds.putAndInsertString(DCM_StudyDescription,
                              "Cardiac MRI with a study description far longer than the sixty-four characters LO allows");
        putAsLongString(ds, DCM_ReferringPhysicianName, "Doe^Jane");
        ds.putAndInsertString(DCM_InstitutionName, "Odd General");
    } else {
        ds.putAndInsertString(DCM_PatientBirthDate, "19700101");
        ds.putAndInsertString(DCM_PatientSex, "O");
        ds.putAndInsertString(DCM_StudyDate, "20260101");
        ds.putAndInsertString(DCM_StudyTime, "101500");
        ds.putAndInsertString(DCM_StudyID, "1");
        ds.putAndInsertString(DCM_ReferringPhysicianName, "");
    }
    ds.putAndInsertString(DCM_AccessionNumber, "A1");
    ds.putAndInsertString(DCM_Modality, "MR");
    ds.putAndInsertString(DCM_SeriesDescription, s.description.c_str());
    ds.putAndInsertString(DCM_SeriesNumber, std::to_string(s.seriesNumber).c_str());
    ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(s.rows));
    ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(s.columns));
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertString(DCM_PhotometricInterpretation, s.monochrome1 ? "MONOCHROME1" : "MONOCHROME2");
    ds.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(s.bitsAllocated));
    ds.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(s.bitsStored));
    ds.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(s.bitsStored - 1));
    ds.putAndInsertUint16(DCM_PixelRepresentation, s.isSigned ? 1 : 0);
}

void putPixels(DcmDataset& ds, const SyntheticSeries& s, const std::vector<std::pair<int, int>>& frames) {
    const std::size_t plane = static_cast<std::size_t>(s.rows) * s.columns;
    const unsigned mask = (1u << s.bitsStored) - 1u;
    if (s.bitsAllocated == 8) {
        std::vector<Uint8> px(plane * frames.size());
        for (std::size_t f = 0; f < frames.size(); ++f)
            for (int y = 0; y < s.rows; ++y)
                for (int x = 0; x < s.columns; ++x)
                    px[f * plane + y * s.columns + x] =
                        static_cast<Uint8>(rawPixel(s, frames[f].first, frames[f].second, x, y) & mask);
        check(ds.putAndInsertUint8Array(DCM_PixelData, px.data(), px.size()), "pixel data");
    } else {
        std::vector<Uint16> px(plane * frames.size());
        for (std::size_t f = 0; f < frames.size(); ++f)
            for (int y = 0; y < s.rows; ++y)
                for (int x = 0; x < s.columns; ++x)
                    px[f * plane + y * s.columns + x] =
                        static_cast<Uint16>(rawPixel(s, frames[f].first, frames[f].second, x, y) & mask);
        check(ds.putAndInsertUint16Array(DCM_PixelData, px.data(), px.size()), "pixel data");
    }
}

void save(DcmFileFormat& ff, const fs::path& file, const SyntheticSeries& s) {
    DcmDataset& ds = *ff.getDataset();
    const E_TransferSyntax xfer = xferOf(s.encoding);
    if (DcmXfer(xfer).isEncapsulated()) {
        DJ_RPLossless losslessParams;
        DJ_RPLossy lossyParams(95);
        DJLSRepresentationParameter lsParams(0, OFTrue);
        const DcmRepresentationParameter* params = nullptr;
        if (s.encoding == Encoding::JpegLossless) params = &losslessParams;
        if (s.encoding == Encoding::JpegBaseline) params = &lossyParams;
        if (s.encoding == Encoding::JpegLsLossless) params = &lsParams;
        check(ds.chooseRepresentation(xfer, params), "compress");
        if (!ds.canWriteXfer(xfer)) throw std::runtime_error("cannot compress to the chosen syntax");
    }
    check(ff.saveFile(file.string().c_str(), xfer), "save " + file.string());
    if (s.archiveDefects && xfer == EXS_LittleEndianExplicit) {
        // PatientID has an odd length when the ID does, InstitutionName ("Odd General") always.
        if (s.patientId.size() % 2) makeOddLength(file, DCM_PatientID);
        makeOddLength(file, DCM_InstitutionName);
    }
}

std::string sopInstanceUidOf(const SyntheticSeries& s, int instance) {
    return seriesUidOf(s) + (s.archiveDefects ? ".0" : ".") + std::to_string(instance);
}

}  // namespace

std::string studyUidOf(const SyntheticSeries& s) { return s.archiveDefects ? s.studyUid + ".0042" : s.studyUid; }
std::string seriesUidOf(const SyntheticSeries& s) { return s.archiveDefects ? s.seriesUid + ".007" : s.seriesUid; }
std::string frameOfReferenceUidOf(const SyntheticSeries& s) { return studyUidOf(s) + (s.archiveDefects ? ".09" : ".9"); }

std::pair<double, double> phantomRadii(const SyntheticSeries& s, int slice, int phase) {
    const double taper = 1.0 - 0.35 * slice / std::max(1, s.slices - 1);
    const double cycle = 0.5 - 0.5 * std::cos(2 * M_PI * phase / std::max(1, s.phases));  // 0 at ED, 1 mid-cycle
    const double endo = std::min(s.rows, s.columns) * 0.16 * taper * (1.0 - 0.3 * cycle);
    return {endo, endo + std::min(s.rows, s.columns) * 0.07};
}

std::pair<double, double> phantomCentre(const SyntheticSeries& s) { return {s.columns * 0.52, s.rows * 0.47}; }

int rawPixel(const SyntheticSeries& s, int slice, int phase, int x, int y) {
    if (s.phantom) {
        const auto [cx, cy] = phantomCentre(s);
        const auto [rEndo, rEpi] = phantomRadii(s, slice, phase);
        const double d = std::hypot(x - cx, y - cy);
        const int texture = (x * 7 + y * 13 + slice * 5 + phase * 3) % 23;  // deterministic speckle
        if (d < rEndo) return 900 + texture;
        if (d < rEpi) return 250 + texture;
        return 450 + texture + ((x / 9 + y / 7) % 2) * 60;
    }
    // A smooth pattern that differs between every image and pixel, within the stored bits.
    const int range = 1 << s.bitsStored;
    const int v = (slice * 37 + phase * 11 + x * 3 + y * 5) % (range - 1);
    if (s.bitsAllocated == 8 && s.encoding == Encoding::JpegBaseline)
        return std::min(255, x * 5 + y * 6 + slice * 3 + phase);  // smooth, and spanning 0..255: DCMTK's lossy encoder stretches narrower ranges
    return v;
}

double modalityPixel(const SyntheticSeries& s, int slice, int phase, int x, int y) {
    int v = rawPixel(s, slice, phase, x, y);
    if (s.isSigned && v >= (1 << (s.bitsStored - 1))) v -= 1 << s.bitsStored;
    return v * s.rescaleSlope + s.rescaleIntercept;
}

int instanceNumberOf(const SyntheticSeries& s, int slice, int phase) {
    const int k = s.apexFirstInstances ? s.slices - 1 - slice : slice;
    return k * s.phases + phase + 1;
}

image::Vec3 slicePosition(const SyntheticSeries& s, int slice) {
    // Slices advance from the base towards the apex (left, anterior, inferior in LPS).
    image::Vec3 n = image::normalized(image::cross(s.rowDir, s.colDir));
    if (image::dot(n, {1, -1, -1}) < 0) n = {-n[0], -n[1], -n[2]};
    image::Vec3 p = s.basalOrigin;
    for (int i = 0; i < 3; ++i) p[i] += slice * s.sliceSpacing * n[i];
    return p;
}

std::vector<fs::path> writeSeries(const fs::path& dir, const SyntheticSeries& s) {
    io::registerDcmtkCodecs();
    fs::create_directories(dir);
    std::vector<fs::path> written;
    const std::string iop = vec(s.rowDir) + "\\" + vec(s.colDir);
    const std::string spacing = num(s.rowSpacing) + "\\" + num(s.colSpacing);

    if (s.multiFrame) {
        DcmFileFormat ff;
        DcmDataset& ds = *ff.getDataset();
        putCommon(ds, s);
        ds.putAndInsertString(DCM_SOPClassUID, UID_EnhancedMRImageStorage);
        ds.putAndInsertString(DCM_SOPInstanceUID, sopInstanceUidOf(s, 1).c_str());
        ds.putAndInsertString(DCM_InstanceNumber, "1");
        ds.putAndInsertString(DCM_NumberOfFrames, std::to_string(s.slices * s.phases).c_str());
        DcmItem* shared = nullptr;
        ds.findOrCreateSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
        DcmItem* item = nullptr;
        shared->findOrCreateSequenceItem(DCM_PixelMeasuresSequence, item, 0);
        item->putAndInsertString(DCM_PixelSpacing, spacing.c_str());
        item->putAndInsertString(DCM_SliceThickness, num(s.sliceSpacing).c_str());
        shared->findOrCreateSequenceItem(DCM_PlaneOrientationSequence, item, 0);
        item->putAndInsertString(DCM_ImageOrientationPatient, iop.c_str());
        shared->findOrCreateSequenceItem(DCM_PixelValueTransformationSequence, item, 0);
        item->putAndInsertString(DCM_RescaleSlope, num(s.rescaleSlope).c_str());
        item->putAndInsertString(DCM_RescaleIntercept, num(s.rescaleIntercept).c_str());
        item->putAndInsertString(DCM_RescaleType, "US");
        // Frames stored apex first, phases reversed, so that the reader has to sort.
        std::vector<std::pair<int, int>> frames;
        for (int k = s.slices - 1; k >= 0; --k)
            for (int p = s.phases - 1; p >= 0; --p) frames.emplace_back(k, p);
        for (std::size_t f = 0; f < frames.size(); ++f) {
            DcmItem* perFrame = nullptr;
            ds.findOrCreateSequenceItem(DCM_PerFrameFunctionalGroupsSequence, perFrame, static_cast<long>(f));
            perFrame->findOrCreateSequenceItem(DCM_PlanePositionSequence, item, 0);
            item->putAndInsertString(DCM_ImagePositionPatient, vec(slicePosition(s, frames[f].first)).c_str());
            perFrame->findOrCreateSequenceItem(DCM_CardiacSynchronizationSequence, item, 0);
            item->putAndInsertFloat64(DCM_NominalCardiacTriggerDelayTime, frames[f].second * s.triggerStep);
            perFrame->findOrCreateSequenceItem(DCM_FrameContentSequence, item, 0);
            item->putAndInsertUint32(DCM_InStackPositionNumber, static_cast<Uint32>(frames[f].first + 1));
            item->putAndInsertUint32(DCM_TemporalPositionIndex, static_cast<Uint32>(frames[f].second + 1));
        }
        putPixels(ds, s, frames);
        const fs::path file = dir / (s.withExtension ? "enhanced.dcm" : "ENHANCED");
        save(ff, file, s);
        written.push_back(file);
        return written;
    }

    std::vector<std::pair<int, int>> order;
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) order.emplace_back(k, p);
    std::vector<int> names(order.size());
    std::iota(names.begin(), names.end(), 1);
    if (s.shuffleSeed) std::shuffle(names.begin(), names.end(), std::mt19937(s.shuffleSeed));

    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto [k, p] = order[i];
        DcmFileFormat ff;
        DcmDataset& ds = *ff.getDataset();
        putCommon(ds, s);
        const int instance = instanceNumberOf(s, k, p);
        ds.putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
        ds.putAndInsertString(DCM_SOPInstanceUID, sopInstanceUidOf(s, instance).c_str());
        ds.putAndInsertString(DCM_InstanceNumber, std::to_string(instance).c_str());
        ds.putAndInsertString(DCM_ImageOrientationPatient, iop.c_str());
        ds.putAndInsertString(DCM_ImagePositionPatient, vec(slicePosition(s, k)).c_str());
        ds.putAndInsertString(DCM_PixelSpacing, spacing.c_str());
        ds.putAndInsertString(DCM_SliceThickness, num(s.sliceSpacing - 1.0).c_str());  // gap: must not be used
        ds.putAndInsertString(DCM_TriggerTime, num(p * s.triggerStep).c_str());
        ds.putAndInsertString(DCM_SliceLocation, num(-10.0 * k).c_str());
        if (s.rescaleSlope != 1.0 || s.rescaleIntercept != 0.0) {
            ds.putAndInsertString(DCM_RescaleSlope, num(s.rescaleSlope).c_str());
            ds.putAndInsertString(DCM_RescaleIntercept, num(s.rescaleIntercept).c_str());
        }
        if (s.writeWindow) {
            ds.putAndInsertString(DCM_WindowCenter, "600");
            ds.putAndInsertString(DCM_WindowWidth, "1200");
        }
        putPixels(ds, s, {{k, p}});
        char name[32];
        std::snprintf(name, sizeof name, s.withExtension ? "img%04d.dcm" : "IM%06d", names[i]);
        const fs::path file = dir / name;
        save(ff, file, s);
        written.push_back(file);
    }
    return written;
}

std::vector<int> writeScdDataset(const fs::path& root, SyntheticSeries s, const std::string& contourId) {
    s.phantom = true;
    writeSeries(root / "dicoms" / s.patientId, s);
    {
        std::ofstream link(root / "link.csv");
        link << "patient_id,original_id\n" << s.patientId << "," << contourId << "\n";
    }
    std::vector<int> instances;
    const std::pair<double, double> centre = phantomCentre(s);
    const double cx = centre.first, cy = centre.second;  // plain names: lambdas capture them in C++17
    auto writeCircle = [&](const fs::path& file, double r) {
        fs::create_directories(file.parent_path());
        std::ofstream out(file);
        for (int k = 0; k < 64; ++k) {
            const double a = 2 * M_PI * k / 64;
            out << cx + r * std::cos(a) << " " << cy + r * std::sin(a) << "\n";
        }
    };
    for (int k = 0; k < s.slices; ++k)
        for (int p : {0, s.phases / 2}) {
            const int instance = instanceNumberOf(s, k, p);
            const auto [rEndo, rEpi] = phantomRadii(s, k, p);
            char name[64];
            std::snprintf(name, sizeof name, "IM-0001-%04d-icontour-manual.txt", instance);
            writeCircle(root / "contourfiles" / contourId / "i-contours" / name, rEndo);
            if (p == 0) {
                std::snprintf(name, sizeof name, "IM-0001-%04d-ocontour-manual.txt", instance);
                writeCircle(root / "contourfiles" / contourId / "o-contours" / name, rEpi);
            }
            instances.push_back(instance);
        }
    return instances;
}

void removeScdContours(const fs::path& root, const SyntheticSeries& s, int slice, int phase,
                       const std::string& contourId) {
    for (const char* kind : {"i", "o"}) {
        char name[64];
        std::snprintf(name, sizeof name, "IM-0001-%04d-%scontour-manual.txt", instanceNumberOf(s, slice, phase), kind);
        fs::remove(root / "contourfiles" / contourId / (std::string(kind) + "-contours") / name);
    }
}

SyntheticSeries writeScdDatasetWithBasalGap(const fs::path& root) {
    SyntheticSeries s;
    s.rows = s.columns = 48;
    s.slices = 4;
    s.phases = 4;
    writeScdDataset(root, s);
    for (int p : {0, s.phases / 2}) removeScdContours(root, s, 0, p);
    return s;
}

TempDir::TempDir() {
    static std::mt19937_64 rng(std::random_device{}());
    m_path = fs::temp_directory_path() / ("cardioseg-test-" + std::to_string(rng()));
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

fs::path sharedScdDir() {
    const fs::path p = fs::path(CARDIOSEG_SOURCE_DIR) / ".." / "shared" / "data" / "scd";
    std::error_code ec;
    return fs::is_regular_file(p / "link.csv", ec) ? fs::canonical(p) : fs::path();
}

image::CineSeries makeCineSeries(const SyntheticSeries& s) {
    TempDir dir;
    writeSeries(dir.path(), s);
    io::LoadResult r = io::loadDicom({dir.path()});
    if (r.series.size() != 1) throw std::runtime_error("synthetic series did not load as one series");
    return std::move(r.series.front());
}

double writeThreeThousandImageStudy(const fs::path& dir, const std::string& uidRoot) {
    constexpr int kSeries = 10;
    SyntheticSeries s;
    s.rows = s.columns = 128;
    s.slices = 15;
    s.phases = 20;
    for (int i = 0; i < kSeries; ++i) {
        s.seriesUid = uidRoot + "." + std::to_string(i + 1);
        s.seriesNumber = 100 + i;
        writeSeries(dir / ("series" + std::to_string(i)), s);
    }
    return double(kSeries) * s.slices * s.phases * s.rows * s.columns * sizeof(float);
}

std::vector<std::string> atomicTemporariesIn(const fs::path& folder) {
    std::vector<std::string> found;
    std::error_code ec;  // files may come and go while it looks
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->path().filename().string().find(".tmp") != std::string::npos) found.push_back(it->path().string());
    return found;
}

}  // namespace cardioseg::testing
