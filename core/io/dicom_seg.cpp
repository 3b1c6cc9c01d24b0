#include "io/dicom_seg.h"

#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
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

void writeDicomSeg(const fs::path& file, const image::CineSeries& series,
                   const image::SeriesLabels& labels, const DicomSegOptions& options) {
    registerDcmtkCodecs();
    const auto& g = series.geometry;
    if (labels.slices != series.slices || labels.phases != series.phases)
        throw std::runtime_error("cannot write " + file.string() + ": labels do not match the series grid");
    if (labels.labelledCount() == 0)
        throw std::runtime_error("cannot write " + file.string() + ": no labelled image to export");

    IODGeneralEquipmentModule::EquipmentInfo equipment("CardioSeg", options.algorithmName.c_str(), "1",
                                                       options.softwareVersion.c_str());
    ContentIdentificationMacro content("1", "LV_SEGMENTATION", options.seriesDescription.c_str(),
                                       options.manual ? "CardioSeg user" : "");
    DcmSegmentation* raw = nullptr;
    check(DcmSegmentation::createBinarySegmentation(raw, static_cast<Uint16>(g.rows),
                                                    static_cast<Uint16>(g.columns), equipment, content),
          "cannot create segmentation");
    std::unique_ptr<DcmSegmentation> seg(raw);

    // Patient, study and frame of reference from a source image.
    int firstFrame = -1;
    for (int f : series.grid)
        if (f >= 0) {
            firstFrame = f;
            break;
        }
    check(seg->importFromSourceImage(series.frames[firstFrame].file.c_str()),
          "cannot read source image " + series.frames[firstFrame].file);
    if (options.deidentify) {
        IODPatientModule& patient = seg->getPatient();
        patient.setPatientName("Anonymous");
        patient.setPatientID("ANON");
        patient.setPatientBirthDate("");
        patient.setPatientSex("");
    }
    seg->getSeries().setSeriesDescription(options.seriesDescription.c_str());
    seg->getSeries().setSeriesNumber("9001");

    // Segments.
    std::map<std::uint8_t, Uint16> segmentNumber;
    for (const auto& spec : kSegments) {
        DcmSegment* segment = nullptr;
        check(DcmSegment::create(segment, spec.name,
                                 CodeSequenceMacro("123037004", "SCT", "Anatomical Structure"),
                                 CodeSequenceMacro(spec.typeCode, "SCT", spec.typeMeaning),
                                 options.manual ? DcmSegTypes::SAT_SEMIAUTOMATIC : DcmSegTypes::SAT_AUTOMATIC,
                                 options.algorithmName.c_str()),
              "cannot create segment");
        if (spec.label == image::label::Myocardium)
            segment->getGeneralAnatomyCode().getAnatomicRegion().set("87878005", "SCT", "Left ventricle");
        else
            segment->getGeneralAnatomyCode().getAnatomicRegion().set("80891009", "SCT", "Heart");
        segment->setRecommendedDisplayCIELabValue(spec.cieLab[0], spec.cieLab[1], spec.cieLab[2]);
        Uint16 n = 0;
        check(seg->addSegment(segment, n), "cannot add segment");
        segmentNumber[spec.label] = n;
    }

    // Shared functional groups: pixel measures and orientation.
    FGPixelMeasures measures;
    measures.setPixelSpacing((num(g.rowSpacing) + "\\" + num(g.colSpacing)).c_str());
    measures.setSliceThickness(num(g.sliceSpacing).c_str());
    check(seg->addForAllFrames(measures), "cannot set pixel measures");
    std::unique_ptr<FGPlaneOrientationPatient> orient(FGPlaneOrientationPatient::createMinimal(
        num(g.rowDir[0]).c_str(), num(g.rowDir[1]).c_str(), num(g.rowDir[2]).c_str(),
        num(g.colDir[0]).c_str(), num(g.colDir[1]).c_str(), num(g.colDir[2]).c_str()));
    check(seg->addForAllFrames(*orient), "cannot set orientation");

    const OFString dimUid = [] {
        char buf[100];
        return OFString(dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT));
    }();
    IODMultiframeDimensionModule& dims = seg->getDimensions();
    check(dims.addDimensionIndex(DCM_ReferencedSegmentNumber, dimUid, DCM_SegmentIdentificationSequence,
                                 "ReferencedSegmentNumber"),
          "cannot set dimensions");
    check(dims.addDimensionIndex(DCM_ImagePositionPatient, dimUid, DCM_PlanePositionSequence,
                                 "ImagePositionPatient"),
          "cannot set dimensions");

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
            OFVector<ImageSOPInstanceReferenceMacro> refs(1);
            refs[0].setReferencedSOPClassUID(frame.sopClassUid.c_str());
            refs[0].setReferencedSOPInstanceUID(frame.sopInstanceUid.c_str());
            std::unique_ptr<FGDerivationImage> derivation(
                DcmSegmentation::createDerivationImageFG(refs, "Segmentation of the source image"));
            if (!derivation) throw std::runtime_error("cannot reference source image " + frame.file);

            for (const auto& spec : kSegments) {
                for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = map.data[i] == spec.label ? 1 : 0;
                FGFrameContent frameContent;
                frameContent.setDimensionIndexValues(segmentNumber[spec.label], 0);
                frameContent.setDimensionIndexValues(static_cast<Uint32>(s + 1), 1);
                OFVector<FGBase*> perFrame;
                perFrame.push_back(planePos.get());
                perFrame.push_back(&frameContent);
                perFrame.push_back(derivation.get());
                check(seg->addFrame(mask.data(), segmentNumber[spec.label], perFrame),
                      "cannot add frame for " + frame.file);
            }
        }

    writeAtomically(file, [&](const fs::path& tmp) {
        check(seg->saveFile(tmp.string().c_str(), EXS_LittleEndianExplicit), "DICOM SEG writer failed");
    });
}

image::SeriesLabels readDicomSeg(const fs::path& file, const image::CineSeries& series) {
    registerDcmtkCodecs();
    if (!fs::is_regular_file(file)) throw std::runtime_error(file.string() + ": no such file");
    DcmSegmentation* raw = nullptr;
    const OFCondition st = DcmSegmentation::loadFile(file.string().c_str(), raw);
    std::unique_ptr<DcmSegmentation> seg(raw);
    if (st.bad() || !seg) throw std::runtime_error(file.string() + ": not a readable DICOM SEG (" + st.text() + ")");
    const auto& g = series.geometry;

    std::map<std::string, int> frameByUid;
    for (std::size_t i = 0; i < series.frames.size(); ++i) frameByUid[series.frames[i].sopInstanceUid] = static_cast<int>(i);
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
        derFg->getDerivationImageItems()[0]->getSourceImageItems()[0]->getImageSOPInstanceReference()
            .getReferencedSOPInstanceUID(uid);
        const auto it = frameByUid.find(uid.c_str());
        if (it == frameByUid.end() || !labelOf.count(segNo)) continue;
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
