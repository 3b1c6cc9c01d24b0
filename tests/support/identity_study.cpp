#include "identity_study.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dctag.h>

#include <cstdio>
#include <stdexcept>

#include "io/deidentify.h"

namespace fs = std::filesystem;

namespace cardioseg::testing {

namespace {

/// A value that identifies, unique per attribute, valid enough for its VR.
std::string identifying(DcmEVR vr, int n) {
    char buf[64];
    switch (vr) {
        case EVR_PN: std::snprintf(buf, sizeof buf, "DOE%d^JANE^SECRET", n); break;
        case EVR_DA: std::snprintf(buf, sizeof buf, "1971%02d%02d", n % 12 + 1, n % 28 + 1); break;
        case EVR_TM: std::snprintf(buf, sizeof buf, "13%02d%02d.4711", n % 60, (n / 60) % 60); break;
        case EVR_DT: std::snprintf(buf, sizeof buf, "1971%02d%02d13%02d%02d.4711", n % 12 + 1, n % 28 + 1, n % 60, 7); break;
        case EVR_UI: std::snprintf(buf, sizeof buf, "1.2.826.0.1.3680043.10.511.77.%d", n); break;
        default: std::snprintf(buf, sizeof buf, "S%dSECRET", n); break;
    }
    return buf;
}

}  // namespace

bool isTextualVr(int evr) {
    const auto vr = static_cast<DcmEVR>(evr);
    switch (vr) {
        case EVR_AE: case EVR_AS: case EVR_CS: case EVR_DA: case EVR_DT: case EVR_LO: case EVR_LT: case EVR_PN:
        case EVR_SH: case EVR_ST: case EVR_TM: case EVR_UC: case EVR_UI: case EVR_UR: case EVR_UT:
            return true;
        default: return false;
    }
}

/// Writes every textual attribute of the Basic Profile into each file of the series (the
/// loader's own UIDs and arrangement left as they are, their values added to the identity),
/// nested sequences, private attributes, an overlay with comments and "burned-in annotation".
Identity fillWithIdentity(const std::vector<fs::path>& files) {
    Identity id;
    const std::set<std::string> structural = {"SOPInstanceUID", "SeriesInstanceUID", "StudyInstanceUID",
                                              "FrameOfReferenceUID", "ConcatenationUID", "DimensionOrganizationUID",
                                              "SynchronizationFrameOfReferenceUID"};
    for (const auto& file : files) {
        DcmFileFormat ff;
        if (ff.loadFile(file.string().c_str()).bad()) throw std::runtime_error("cannot read " + file.string());
        ff.loadAllDataIntoMemory();  // written back to the same file
        DcmDataset& ds = *ff.getDataset();
        int n = 0;
        for (const auto& a : io::basicProfileAttributes()) {
            ++n;
            const DcmTag tag(a.group, a.element);
            const DcmEVR vr = tag.getEVR();
            if (structural.count(a.keyword) || !isTextualVr(vr) || a.group == 0x0002 || a.group == 0x0004) continue;
            const std::string value = identifying(vr, n);
            ds.putAndInsertString(DcmTagKey(a.group, a.element), value.c_str());
            (vr == EVR_UI ? id.uids : id.values).insert(value);
        }
        for (const DcmTagKey& key : {DCM_SOPInstanceUID, DCM_SeriesInstanceUID, DCM_StudyInstanceUID,
                                     DCM_FrameOfReferenceUID}) {
            OFString v;
            if (ds.findAndGetOFString(key, v).good()) id.uids.insert(v.c_str());
        }
        // Nested: other IDs of the patient, a referenced image, a request with its ID.
        DcmItem* item = nullptr;
        ds.findOrCreateSequenceItem(DCM_OtherPatientIDsSequence, item, -2);
        item->putAndInsertString(DCM_PatientID, "S900SECRET");
        item->putAndInsertString(DCM_IssuerOfPatientID, "S901SECRET");
        ds.findOrCreateSequenceItem(DCM_ReferencedImageSequence, item, -2);
        item->putAndInsertString(DCM_ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.4");
        item->putAndInsertString(DCM_ReferencedSOPInstanceUID, "1.2.826.0.1.3680043.10.511.77.900");
        ds.findOrCreateSequenceItem(DCM_RequestAttributesSequence, item, -2);
        item->putAndInsertString(DCM_RequestedProcedureID, "S902SECRET");
        item->putAndInsertString(DCM_ScheduledProcedureStepID, "S903SECRET");
        // Private attributes, an overlay with text, and pixels that say they carry text.
        ds.putAndInsertString(DcmTagKey(0x0009, 0x0010), "ACME PRIVATE");
        ds.putAndInsertString(DcmTagKey(0x0009, 0x1001), "S904SECRET");
        ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0010), 8);
        ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0011), 8);
        ds.putAndInsertString(DcmTagKey(0x6000, 0x0040), "G");
        ds.putAndInsertString(DcmTagKey(0x6000, 0x4000), "S905SECRET");
        const Uint16 overlay[4] = {0xFFFF, 0, 0xFFFF, 0};
        ds.putAndInsertUint16Array(DcmTagKey(0x6000, 0x3000), overlay, 4);
        // The first image says its pixels carry text: it is never copied.
        ds.putAndInsertString(DCM_BurnedInAnnotation, file == files.front() ? "YES" : "NO");
        if (ff.saveFile(file.string().c_str(), EXS_LittleEndianExplicit).bad())
            throw std::runtime_error("cannot write " + file.string());
    }
    id.uids.insert("1.2.826.0.1.3680043.10.511.77.900");
    for (int k = 900; k <= 905; ++k) id.values.insert("S" + std::to_string(k) + "SECRET");
    return id;
}


std::vector<std::string> identityIn(const std::string& bytes, const Identity& id) {
    std::vector<std::string> found;
    for (const auto* set : {&id.values, &id.uids})
        for (const auto& v : *set)
            if (bytes.find(v) != std::string::npos) found.push_back(v);
    return found;
}

}  // namespace cardioseg::testing
