#include "io/dicom_seg.h"

#include "io/deidentify.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmiod/iodmacro.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmseg/segutils.h>

#include "io/atomic_file.h"
#include "io/dcmtk_codecs.h"
#include "io/dicom_values.h"

namespace fs = std::filesystem;

namespace cardioseg::io {

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

void check(const OFCondition& c, const std::string& what) {
    if (c.bad()) throw std::runtime_error(what + ": " + c.text());
}

struct SegmentSpec {
    std::uint8_t label;
    const char* name;
    const char* typeCode;
    const char* typeMeaning;
    Uint16 cieLab[3];
};

const SegmentSpec kSegments[] = {
    {image::label::BloodPool, "LV blood pool", "87878005", "Left ventricle", {53000, 53000, 30000}},
    {image::label::Myocardium, "LV myocardium", "74281007", "Myocardium", {40000, 20000, 50000}},
};

}  // namespace

namespace {

/// Source UIDs that must be repeated as they are (the study, the frame of reference, the
/// referenced images and series) but that DCMTK's IOD classes refuse to carry when they break
/// the UI value representation (leading zeros in a component, more than 64 characters...).
/// Each such UID travels through dcmseg as a valid placeholder, and the written dataset gets
/// the source's bytes back.
class SourceUids {
public:
    std::string carry(const std::string& uid) {
        if (uid.empty() || isValidUid(uid)) return uid;
        const auto it = m_placeholderOf.find(uid);
        if (it != m_placeholderOf.end()) return it->second;
        char buf[100];
        const std::string placeholder = dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT);
        m_placeholderOf[uid] = placeholder;
        m_sourceOf[placeholder] = uid;
        return placeholder;
    }
    std::size_t invalidCount() const { return m_sourceOf.size(); }
    /// Puts the source values back in place of the placeholders, in every item of `item`.
    void restore(DcmItem& item) const {
        if (m_sourceOf.empty()) return;
        for (unsigned long i = 0; i < item.card(); ++i) {
            DcmElement* e = item.getElement(i);
            if (!e) continue;
            if (e->ident() == EVR_SQ) {
                auto* sq = static_cast<DcmSequenceOfItems*>(e);
                for (unsigned long k = 0; k < sq->card(); ++k) restore(*sq->getItem(k));
            } else if (e->ident() == EVR_UI) {
                OFString value;
                if (e->getOFStringArray(value).bad()) continue;
                const auto it = m_sourceOf.find(value.c_str());
                if (it != m_sourceOf.end()) e->putString(it->second.c_str());
            }
        }
    }

private:
    std::map<std::string, std::string> m_placeholderOf;  ///< source UID → placeholder
    std::map<std::string, std::string> m_sourceOf;       ///< placeholder → source UID
};

std::string trimValue(std::string v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\0')) v.pop_back();
    while (!v.empty() && v.front() == ' ') v.erase(v.begin());
    return v;
}

/// Patient, study and frame-of-reference attributes of a source image, checked one by one
/// against their dictionary VR: a valid value is copied, a fixable one fixed, anything else
/// left out (empty when the SEG needs the attribute) — each change noted. UIDs are carried.
class SourceAttributes {
public:
    SourceAttributes(DcmItem& source, SourceUids& uids, std::vector<std::string>& notes, std::string file)
        : m_source(source), m_uids(uids), m_notes(notes), m_file(std::move(file)) {}

    void copy(const DcmTagKey& key, DcmItem& out) {
        DcmElement* src = nullptr;
        if (m_source.findAndGetElement(key, src).bad() || !src) return;
        DcmTag tag(key);
        const std::string name = tag.getTagName();
        OFString raw;
        if (src->getOFStringArray(raw).bad()) {
            note(name + " is stored as " + src->getTag().getVRName() + ", not " + tag.getVRName() + ": left out");
            return;
        }
        std::string value = trimValue(raw.c_str());
        if (value.empty()) return;
        if (src->getTag().getEVR() != tag.getEVR() && src->getTag().getEVR() != EVR_UN)
            note(name + " is stored as " + src->getTag().getVRName() + ", not " + tag.getVRName() + ": converted");
        if (tag.getEVR() == EVR_UI) {
            const std::string carried = m_uids.carry(value);
            if (carried != value)
                note(name + " " + value + " is not a valid UID; repeated as it is, as the SEG must match the source");
            out.putAndInsertString(key, carried.c_str());
            return;
        }
        if (valid(key, value)) {
            out.putAndInsertString(key, value.c_str());
            return;
        }
        const std::string fixed = fix(tag.getEVR(), value);
        if (!fixed.empty() && valid(key, fixed)) {
            note(name + " '" + printable(value) + "' is not a valid " + tag.getVRName() + " value: written as '" +
                 printable(fixed) + "'");
            out.putAndInsertString(key, fixed.c_str());
        } else {
            note(name + " '" + printable(value) + "' is not a valid " + tag.getVRName() + " value: left out");
        }
    }

private:
    /// Checked inside a dataset, as dcmiod checks it when writing: only there does DCMTK check
    /// the characters (a standalone item lets control characters through).
    static bool valid(const DcmTagKey& key, const std::string& value) {
        if (value.size() > maxLength(DcmTag(key).getEVR())) return false;  // DCMTK's check leaves lengths alone
        DcmDataset item;
        if (item.putAndInsertString(key, value.c_str()).bad()) return false;
        DcmElement* e = nullptr;
        return item.findAndGetElement(key, e).good() && e->checkValue("1", OFTrue).good();
    }

    /// PS3.5 6.2's maximum lengths of the VRs copied (PN: per component group).
    static std::size_t maxLength(DcmEVR vr) {
        switch (vr) {
            case EVR_CS:
            case EVR_SH: return 16;
            case EVR_DA: return 8;
            case EVR_TM: return 14;
            case EVR_LO:
            case EVR_PN:
            case EVR_UI: return 64;
            default: return 1024;
        }
    }

    /// The repairs that keep the meaning: the retired date and time forms, case of coded
    /// strings, control characters, over-long text.
    static std::string fix(DcmEVR vr, std::string v) {
        switch (vr) {
            case EVR_DA:
                if (v.size() == 10 && v[4] == '.' && v[7] == '.') return v.substr(0, 4) + v.substr(5, 2) + v.substr(8, 2);
                return {};
            case EVR_TM: {
                std::string t;
                for (char c : v)
                    if (c != ':') t += c;
                return t == v ? std::string() : t;
            }
            case EVR_CS: {
                for (auto& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                if (v == "MALE") return "M";
                if (v == "FEMALE") return "F";
                return v.size() <= 16 ? v : std::string();
            }
            case EVR_PN:
            case EVR_LO:
            case EVR_SH: {
                std::string t;
                for (char c : v)
                    if (static_cast<unsigned char>(c) >= 0x20 || c == 0x1b) t += c;
                const std::size_t max = vr == EVR_SH ? 16 : 64;
                if (t.size() > max) t.resize(max);
                return trimValue(t);
            }
            default: return {};
        }
    }

    static std::string printable(const std::string& v) {
        std::string out;
        for (char c : v) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
        return out;
    }

    void note(const std::string& what) { m_notes.push_back(m_file + ": " + what); }

    DcmItem& m_source;
    SourceUids& m_uids;
    std::vector<std::string>& m_notes;
    std::string m_file;
};

/// The source attributes the SEG repeats: patient, study, frame of reference.
const DcmTagKey kCopiedAttributes[] = {
    DCM_PatientName,     DCM_PatientID,        DCM_IssuerOfPatientID, DCM_PatientBirthDate,
    DCM_PatientSex,      DCM_StudyInstanceUID, DCM_StudyDate,         DCM_StudyTime,
    DCM_ReferringPhysicianName, DCM_StudyID,   DCM_AccessionNumber,   DCM_StudyDescription,
    DCM_FrameOfReferenceUID, DCM_PositionReferenceIndicator,
};


/// The Referenced Series Sequence of the Common Instance Reference module: the source series
/// and every image the SEG derives from.
void addSeriesReference(DcmItem& ds, const std::string& seriesUid,
                        const std::vector<std::pair<std::string, std::string>>& instances) {
    DcmItem* series = nullptr;
    check(ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, 0), "cannot reference the source series");
    check(series->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str()), "cannot reference the source series");
    for (std::size_t i = 0; i < instances.size(); ++i) {
        DcmItem* ref = nullptr;
        check(series->findOrCreateSequenceItem(DCM_ReferencedInstanceSequence, ref, -2),
              "cannot reference the source images");
        ref->putAndInsertString(DCM_ReferencedSOPClassUID, instances[i].first.c_str());
        ref->putAndInsertString(DCM_ReferencedSOPInstanceUID, instances[i].second.c_str());
    }
}

}  // namespace

DicomSegReport writeDicomSeg(const fs::path& file, const image::CineSeries& series,
                             const image::SeriesLabels& labels, const DicomSegOptions& options) {
    registerDcmtkCodecs();
    DicomSegReport report;
    const auto& g = series.geometry;
    const std::string where = "cannot write " + file.string();
    if (labels.slices != series.slices || labels.phases != series.phases)
        throw std::runtime_error(where + ": labels do not match the series grid");
    if (labels.labelledCount() == 0) throw std::runtime_error(where + ": no labelled image to export");

    IODGeneralEquipmentModule::EquipmentInfo equipment("CardioSeg", options.algorithmName.c_str(), "1",
                                                       options.softwareVersion.c_str());
    ContentIdentificationMacro content("1", "LV_SEGMENTATION", options.seriesDescription.c_str(),
                                       options.manual ? "CardioSeg user" : "");
    DcmSegmentation* raw = nullptr;
    check(DcmSegmentation::createBinarySegmentation(raw, static_cast<Uint16>(g.rows),
                                                    static_cast<Uint16>(g.columns), equipment, content),
          where + ": cannot create the segmentation");
    std::unique_ptr<DcmSegmentation> seg(raw);

    // Patient, study and frame of reference from the first source image, each value checked.
    int firstFrame = -1;
    for (int s = 0; s < series.slices && firstFrame < 0; ++s)
        for (int p = 0; p < series.phases && firstFrame < 0; ++p)
            if (!labels.at(s, p).empty()) firstFrame = series.frameAt(s, p);
    if (firstFrame < 0) throw std::runtime_error(where + ": no labelled image has a source image");
    const std::string sourceFile = series.frames[firstFrame].file;
    DcmFileFormat source;
    const OFCondition read = source.loadFile(sourceFile.c_str());
    if (read.bad()) throw std::runtime_error(where + ": cannot read source image " + sourceFile + " (" + read.text() + ")");
    SourceUids uids;
    DcmItem copied;
    {
        SourceAttributes attributes(*source.getDataset(), uids, report.notes, sourceFile);
        for (const auto& key : kCopiedAttributes) attributes.copy(key, copied);
    }
    OFString charset;
    if (source.getDataset()->findAndGetOFStringArray(DCM_SpecificCharacterSet, charset).good() && !charset.empty())
        copied.putAndInsertString(DCM_SpecificCharacterSet, charset.c_str());
    if (!copied.tagExists(DCM_StudyInstanceUID)) {
        char buf[100];
        copied.putAndInsertString(DCM_StudyInstanceUID, dcmGenerateUniqueIdentifier(buf, SITE_STUDY_UID_ROOT));
        report.notes.push_back(sourceFile + ": no StudyInstanceUID; the SEG starts a study of its own");
    }
    if (!copied.tagExists(DCM_FrameOfReferenceUID)) {
        char buf[100];
        copied.putAndInsertString(DCM_FrameOfReferenceUID, dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT));
        report.notes.push_back(sourceFile + ": no FrameOfReferenceUID; the SEG has a frame of reference of its own");
    }
    check(seg->importFromSourceImage(copied), where + ": cannot take over the patient and study of " + sourceFile);
    check(seg->getSeries().setSeriesDescription(options.seriesDescription.c_str()), where + ": series description");
    check(seg->getSeries().setSeriesNumber("9001"), where + ": series number");

    // Segments.
    std::map<std::uint8_t, Uint16> segmentNumber;
    for (const auto& spec : kSegments) {
        DcmSegment* segment = nullptr;
        check(DcmSegment::create(segment, spec.name,
                                 CodeSequenceMacro("123037004", "SCT", "Anatomical Structure"),
                                 CodeSequenceMacro(spec.typeCode, "SCT", spec.typeMeaning),
                                 options.manual ? DcmSegTypes::SAT_SEMIAUTOMATIC : DcmSegTypes::SAT_AUTOMATIC,
                                 options.algorithmName.c_str()),
              where + ": cannot create a segment");
        if (spec.label == image::label::Myocardium)
            segment->getGeneralAnatomyCode().getAnatomicRegion().set("87878005", "SCT", "Left ventricle");
        else
            segment->getGeneralAnatomyCode().getAnatomicRegion().set("80891009", "SCT", "Heart");
        segment->setRecommendedDisplayCIELabValue(spec.cieLab[0], spec.cieLab[1], spec.cieLab[2]);
        Uint16 n = 0;
        check(seg->addSegment(segment, n), where + ": cannot add a segment");
        segmentNumber[spec.label] = n;
    }

    // Shared functional groups: pixel measures and orientation.
    FGPixelMeasures measures;
    check(measures.setPixelSpacing((num(g.rowSpacing) + "\\" + num(g.colSpacing)).c_str()), where + ": pixel spacing");
    check(measures.setSliceThickness(num(g.sliceSpacing).c_str()), where + ": slice thickness");
    check(seg->addForAllFrames(measures), where + ": cannot set pixel measures");
    std::unique_ptr<FGPlaneOrientationPatient> orient(FGPlaneOrientationPatient::createMinimal(
        num(g.rowDir[0]).c_str(), num(g.rowDir[1]).c_str(), num(g.rowDir[2]).c_str(),
        num(g.colDir[0]).c_str(), num(g.colDir[1]).c_str(), num(g.colDir[2]).c_str()));
    if (!orient) throw std::runtime_error(where + ": cannot set the orientation");
    check(seg->addForAllFrames(*orient), where + ": cannot set the orientation");

    // Frames are organised by segment, slice position and cardiac phase (time is not a slice).
    const OFString dimUid = [] {
        char buf[100];
        return OFString(dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT));
    }();
    IODMultiframeDimensionModule& dims = seg->getDimensions();
    check(dims.addDimensionIndex(DCM_ReferencedSegmentNumber, dimUid, DCM_SegmentIdentificationSequence,
                                 "ReferencedSegmentNumber"),
          where + ": cannot set dimensions");
    check(dims.addDimensionIndex(DCM_ImagePositionPatient, dimUid, DCM_PlanePositionSequence, "ImagePositionPatient"),
          where + ": cannot set dimensions");
    if (series.phases > 1)
        check(dims.addDimensionIndex(DCM_TemporalPositionIndex, dimUid, DCM_FrameContentSequence,
                                     "TemporalPositionIndex"),
              where + ": cannot set dimensions");

    // Frames of multi-frame sources are referenced by number.
    std::map<std::string, int> framesPerFile;
    for (const auto& f : series.frames) ++framesPerFile[f.file];

    std::vector<std::pair<std::string, std::string>> referenced;  // class, instance (carried)
    std::set<std::string> referencedOnce;
    std::vector<Uint8> mask(static_cast<std::size_t>(g.rows) * g.columns);
    for (int s = 0; s < labels.slices; ++s)
        for (int p = 0; p < labels.phases; ++p) {
            const auto& map = labels.at(s, p);
            const int f = series.frameAt(s, p);
            if (map.empty() || f < 0) continue;
            const auto& frame = series.frames[f];
            const image::Vec3 pos = frame.hasPosition ? frame.position : g.toPatient(0, 0, s);

            std::unique_ptr<FGPlanePosPatient> planePos(FGPlanePosPatient::createMinimal(
                num(pos[0]).c_str(), num(pos[1]).c_str(), num(pos[2]).c_str()));
            if (!planePos) throw std::runtime_error(where + ": cannot set the position of " + frame.file);
            const std::string classUid = uids.carry(frame.sopClassUid);
            const std::string instanceUid = uids.carry(frame.sopInstanceUid);
            if (classUid.empty() || instanceUid.empty())
                throw std::runtime_error(where + ": " + frame.file + " has no SOP Class or SOP Instance UID to reference");
            OFVector<ImageSOPInstanceReferenceMacro> refs(1);
            check(refs[0].setReferencedSOPClassUID(classUid.c_str()), where + ": cannot reference " + frame.file);
            check(refs[0].setReferencedSOPInstanceUID(instanceUid.c_str()), where + ": cannot reference " + frame.file);
            if (framesPerFile[frame.file] > 1)
                check(refs[0].addReferencedFrameNumber(static_cast<Uint16>(frame.frameIndex + 1)),
                      where + ": cannot reference frame " + std::to_string(frame.frameIndex + 1) + " of " + frame.file);
            std::unique_ptr<FGDerivationImage> derivation(
                DcmSegmentation::createDerivationImageFG(refs, "Segmentation of the source image"));
            if (!derivation) throw std::runtime_error(where + ": cannot reference source image " + frame.file);
            if (referencedOnce.insert(instanceUid).second) referenced.emplace_back(classUid, instanceUid);

            for (const auto& spec : kSegments) {
                for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = map.data[i] == spec.label ? 1 : 0;
                FGFrameContent frameContent;
                check(frameContent.setDimensionIndexValues(segmentNumber[spec.label], 0), where + ": frame content");
                check(frameContent.setDimensionIndexValues(static_cast<Uint32>(s + 1), 1), where + ": frame content");
                if (series.phases > 1) {
                    check(frameContent.setDimensionIndexValues(static_cast<Uint32>(p + 1), 2), where + ": frame content");
                    check(frameContent.setTemporalPositionIndex(static_cast<Uint32>(p + 1)), where + ": frame content");
                }
                OFVector<FGBase*> perFrame;
                perFrame.push_back(planePos.get());
                perFrame.push_back(&frameContent);
                perFrame.push_back(derivation.get());
                check(seg->addFrame(mask.data(), segmentNumber[spec.label], perFrame),
                      where + ": cannot add the frame of " + frame.file);
                ++report.frames;
            }
            ++report.images;
        }

    DcmFileFormat out;
    DcmDataset& ds = *out.getDataset();
    check(seg->writeDataset(ds), where + ": the segmentation is incomplete");
    if (!series.info.seriesUid.empty()) {
        const std::string seriesUid = uids.carry(series.info.seriesUid);
        addSeriesReference(ds, seriesUid, referenced);
    }
    // The references carry the source's own UIDs, byte for byte.
    uids.restore(ds);
    if (uids.invalidCount() > 0)
        report.notes.push_back(std::to_string(uids.invalidCount()) +
                               " source UID(s) do not follow the DICOM UID rules (for example leading zeros); "
                               "the SEG references them exactly as the source has them");
    if (options.deidentify) {
        UidMap own;
        // Kept (as dummies or with new UIDs) because a SEG requires them: the content date and
        // time, the equipment's serial number, the references to the source images.
        deidentifyDataset(ds, options.uids ? *options.uids : own,
                          {"ContentDate", "ContentTime", "DeviceSerialNumber", "SourceImageSequence",
                           "ReferencedImageSequence"});
        // The notes name source values: only their number is said.
        if (!report.notes.empty())
            report.notes = {std::to_string(report.notes.size()) +
                            " source value(s) were repaired or left out (not shown: the export is de-identified)"};
    }
    writeAtomically(file, [&](const fs::path& tmp) {
        check(out.saveFile(tmp.string().c_str(), EXS_LittleEndianExplicit), "DICOM SEG writer failed");
    });
    return report;
}

image::SeriesLabels readDicomSeg(const fs::path& file, const image::CineSeries& series) {
    registerDcmtkCodecs();
    if (!fs::is_regular_file(file)) throw std::runtime_error(file.string() + ": no such file");
    DcmSegmentation* raw = nullptr;
    const OFCondition st = DcmSegmentation::loadFile(file.string().c_str(), raw);
    std::unique_ptr<DcmSegmentation> seg(raw);
    if (st.bad() || !seg) throw std::runtime_error(file.string() + ": not a readable DICOM SEG (" + st.text() + ")");
    const auto& g = series.geometry;

    // Source frames by SOP Instance UID and frame number (0 for single-frame files).
    std::map<std::string, int> framesPerFile;
    for (const auto& f : series.frames) ++framesPerFile[f.file];
    std::map<std::pair<std::string, int>, int> frameByRef;
    for (std::size_t i = 0; i < series.frames.size(); ++i) {
        const auto& f = series.frames[i];
        frameByRef[{f.sopInstanceUid, framesPerFile[f.file] > 1 ? f.frameIndex + 1 : 0}] = static_cast<int>(i);
    }
    std::map<int, std::pair<int, int>> cellOfFrame;
    for (int s = 0; s < series.slices; ++s)
        for (int p = 0; p < series.phases; ++p)
            if (series.frameAt(s, p) >= 0) cellOfFrame[series.frameAt(s, p)] = {s, p};

    // Segment number → our label, from the segment label text.
    std::map<Uint16, std::uint8_t> labelOf;
    for (Uint16 n = 1; seg->getSegment(n); ++n) {
        OFString name;
        seg->getSegment(n)->getSegmentLabel(name);
        for (const auto& spec : kSegments)
            if (name == spec.name) labelOf[n] = spec.label;
    }

    image::SeriesLabels labels = image::SeriesLabels::like(series);
    std::size_t matched = 0;
    FGInterface& fg = seg->getFunctionalGroups();
    for (Uint32 i = 0; i < seg->getNumberOfFrames(); ++i) {
        auto* segFg = dynamic_cast<FGSegmentation*>(fg.get(i, DcmFGTypes::EFG_SEGMENTATION));
        auto* derFg = dynamic_cast<FGDerivationImage*>(fg.get(i, DcmFGTypes::EFG_DERIVATIONIMAGE));
        if (!segFg || !derFg || derFg->getDerivationImageItems().empty() ||
            derFg->getDerivationImageItems()[0]->getSourceImageItems().empty())
            continue;
        Uint16 segNo = 0;
        segFg->getReferencedSegmentNumber(segNo);
        OFString uid;
        ImageSOPInstanceReferenceMacro& ref =
            derFg->getDerivationImageItems()[0]->getSourceImageItems()[0]->getImageSOPInstanceReference();
        ref.getReferencedSOPInstanceUID(uid);
        OFVector<Uint16> frameNumbers;
        ref.getReferencedFrameNumber(frameNumbers);
        const auto it = frameByRef.find({uid.c_str(), frameNumbers.empty() ? 0 : frameNumbers.front()});
        if (it == frameByRef.end() || !labelOf.count(segNo)) continue;
        const auto [s, p] = cellOfFrame[it->second];
        const DcmIODTypes::Frame* packed = seg->getFrame(i);
        std::unique_ptr<DcmIODTypes::Frame> frame(
            packed ? DcmSegUtils::unpackBinaryFrame(packed, static_cast<Uint16>(g.rows), static_cast<Uint16>(g.columns))
                   : nullptr);
        if (!frame) throw std::runtime_error(file.string() + ": frame " + std::to_string(i + 1) + " unreadable");
        auto& map = labels.at(s, p);
        if (map.empty()) map = image::LabelMap(g.columns, g.rows, image::label::Background);
        for (std::size_t k = 0; k < map.data.size() && k < frame->length; ++k)
            if (frame->pixData[k]) map.data[k] = labelOf[segNo];
        ++matched;
    }
    if (matched == 0)
        throw std::runtime_error(file.string() + ": the segmentation references none of the series' images");
    return labels;
}

}  // namespace cardioseg::io
