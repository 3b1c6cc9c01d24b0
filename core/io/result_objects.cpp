#include "io/result_objects.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/codes/ucum.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include "io/atomic_file.h"
#include "io/dicom_values.h"

namespace fs = std::filesystem;

namespace cardioseg::io {
namespace {

void check(const OFCondition& c, const std::string& what) {
    if (c.bad()) throw std::runtime_error(what + " (" + c.text() + ")");
}

std::string newUid(const char* root) {
    char buf[100];
    dcmGenerateUniqueIdentifier(buf, root);
    return buf;
}

std::string number(double v, const char* format) {
    char b[32];
    std::snprintf(b, sizeof b, format, v);
    return b;
}

void save(DcmFileFormat& ff, const fs::path& file) {
    writeAtomically(file, [&](const fs::path& tmp) {
        check(ff.saveFile(tmp.string().c_str(), EXS_LittleEndianExplicit), "cannot write " + file.string());
    });
}

/// Date and time now, as DA and TM.
std::pair<std::string, std::string> now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char d[16], h[16];
    std::strftime(d, sizeof d, "%Y%m%d", &tm);
    std::strftime(h, sizeof h, "%H%M%S", &tm);
    return {d, h};
}

/// Copied patient and study values that break their VR are left out (archives are full of
/// dates such as 00000000); references to the source (UIDs) are repeated as they are.
std::string validDate(const std::string& da) {
    const auto d = parseDicomDate(da);
    if (!d) return {};
    char b[16];
    std::snprintf(b, sizeof b, "%04d%02d%02d", d->year, d->month, d->day);
    return b;
}

std::string validSex(const std::string& cs) {
    std::string v;
    for (char c : cs)
        if (c != ' ') v += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return v == "M" || v == "F" || v == "O" ? v : std::string();
}

}  // namespace

void writeMeasurementSr(const fs::path& file, const image::CineSeries& series, const MeasurementValues& v) {
    if (series.frames.empty()) throw std::runtime_error("cannot write " + file.string() + ": the series has no images");
    const image::SeriesInfo& info = series.info;
    DSRDocument doc(DSRTypes::DT_ComprehensiveSR);
    doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8);
    doc.setPatientName(info.patientName.c_str(), OFFalse);
    doc.setPatientID(info.patientId.c_str(), OFFalse);
    doc.setPatientBirthDate(validDate(info.patientBirthDate).c_str(), OFFalse);
    doc.setPatientSex(validSex(info.patientSex).c_str(), OFFalse);
    doc.setStudyDescription(info.studyDescription.c_str(), OFFalse);
    doc.setSeriesDescription("CardioSeg LV function", OFFalse);
    doc.setManufacturer("CardioSeg", OFFalse);
    check(doc.createNewSeriesInStudy(info.studyUid.c_str(), OFFalse), "cannot start a series in study " + info.studyUid);
    doc.setSeriesNumber("9002", OFFalse);
    doc.setInstanceNumber("1", OFFalse);

    DSRDocumentTree& tree = doc.getTree();
    const auto code = [](const char* value, const char* scheme, const char* meaning) {
        return DSRCodedEntryValue(value, scheme, meaning);
    };
    tree.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
    tree.getCurrentContentItem().setConceptName(code("126000", "DCM", "Imaging Measurement Report"));
    check(tree.setTemplateIdentification("1500", "DCMR"), "cannot mark the report as TID 1500");
    tree.addContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Code, DSRTypes::AM_belowCurrent);
    tree.getCurrentContentItem().setConceptName(code("121049", "DCM", "Language of Content Item and Descendants"));
    tree.getCurrentContentItem().setCodeValue(code("eng", "RFC5646", "English"));
    tree.addContentItem(DSRTypes::RT_hasObsContext, DSRTypes::VT_Code);
    tree.getCurrentContentItem().setConceptName(code("121005", "DCM", "Observer Type"));
    tree.getCurrentContentItem().setCodeValue(code("121007", "DCM", "Device"));
    tree.addContentItem(DSRTypes::RT_hasObsContext, DSRTypes::VT_UIDRef);
    tree.getCurrentContentItem().setConceptName(code("121012", "DCM", "Device Observer UID"));
    tree.getCurrentContentItem().setStringValue(newUid(SITE_INSTANCE_UID_ROOT).c_str());
    tree.addContentItem(DSRTypes::RT_hasObsContext, DSRTypes::VT_Text);
    tree.getCurrentContentItem().setConceptName(code("121013", "DCM", "Device Observer Name"));
    tree.getCurrentContentItem().setStringValue(v.algorithmName.c_str(), OFFalse);
    tree.addContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Code);
    tree.getCurrentContentItem().setConceptName(code("121058", "DCM", "Procedure reported"));
    tree.getCurrentContentItem().setCodeValue(code("241620005", "SCT", "MRI of heart"));

    // Image library: the source images.
    tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container);
    tree.getCurrentContentItem().setConceptName(code("111028", "DCM", "Image Library"));
    tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container, DSRTypes::AM_belowCurrent);
    tree.getCurrentContentItem().setConceptName(code("126200", "DCM", "Image Library Group"));
    bool first = true;
    for (const image::FrameInfo& f : series.frames) {
        if (f.sopInstanceUid.empty() || f.sopClassUid.empty()) continue;
        tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Image, first ? DSRTypes::AM_belowCurrent : DSRTypes::AM_afterCurrent);
        tree.getCurrentContentItem().setImageReference(DSRImageReferenceValue(f.sopClassUid.c_str(), f.sopInstanceUid.c_str(), OFFalse), OFFalse);
        first = false;
    }
    if (!first) tree.goUp();
    tree.goUp();  // back to the image library

    // Imaging measurements: one group for the left ventricle.
    tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container);
    tree.getCurrentContentItem().setConceptName(code("126010", "DCM", "Imaging Measurements"));
    tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container, DSRTypes::AM_belowCurrent);
    tree.getCurrentContentItem().setConceptName(code("125007", "DCM", "Measurement Group"));
    tree.addContentItem(DSRTypes::RT_hasObsContext, DSRTypes::VT_Text, DSRTypes::AM_belowCurrent);
    tree.getCurrentContentItem().setConceptName(code("112039", "DCM", "Tracking Identifier"));
    tree.getCurrentContentItem().setStringValue("Left ventricle");
    tree.addContentItem(DSRTypes::RT_hasObsContext, DSRTypes::VT_UIDRef);
    tree.getCurrentContentItem().setConceptName(code("112040", "DCM", "Tracking Unique Identifier"));
    tree.getCurrentContentItem().setStringValue(newUid(SITE_INSTANCE_UID_ROOT).c_str());
    tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Code);
    tree.getCurrentContentItem().setConceptName(code("121071", "DCM", "Finding"));
    tree.getCurrentContentItem().setCodeValue(code("87878005", "SCT", "Left ventricle"));
    tree.addContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Code);
    tree.getCurrentContentItem().setConceptName(code("370129005", "SCT", "Measurement Method"));
    tree.getCurrentContentItem().setCodeValue(v.manual ? code("258090004", "SCT", "Semi-automated")
                                                       : code("129465004", "SCT", "Automated"));
    tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_UIDRef);
    tree.getCurrentContentItem().setConceptName(code("112227", "DCM", "Source series for segmentation"));
    tree.getCurrentContentItem().setStringValue(info.seriesUid.c_str(), OFFalse);
    const auto num = [&](const DSRCodedEntryValue& concept, double value, const char* format, const DSRCodedEntryValue& unit) {
        if (!std::isfinite(value)) return;
        tree.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Num);
        tree.getCurrentContentItem().setConceptName(concept);
        tree.getCurrentContentItem().setNumericValue(DSRNumericMeasurementValue(number(value, format).c_str(), unit));
    };
    const DSRCodedEntryValue ml = code("mL", "UCUM", "milliliter"), percent = code("%", "UCUM", "percent"),
                             gram = code("g", "UCUM", "gram");
    num(code("18026-5", "LN", "Left Ventricular End Diastolic Volume"), v.edvMl, "%.1f", ml);
    num(code("18148-7", "LN", "Left Ventricular End Systolic Volume"), v.esvMl, "%.1f", ml);
    num(code("90096-0", "LN", "Left ventricular Stroke volume"), v.svMl, "%.1f", ml);
    num(code("10230-1", "LN", "Left Ventricular Ejection Fraction"), v.efPercent, "%.1f", percent);
    num(code("18087-5", "LN", "Left Ventricular Mass"), v.massG, "%.1f", gram);

    for (const image::FrameInfo& f : series.frames)
        if (!f.sopInstanceUid.empty() && !f.sopClassUid.empty())
            doc.getCurrentRequestedProcedureEvidence().addItem(info.studyUid.c_str(), info.seriesUid.c_str(),
                                                               f.sopClassUid.c_str(), f.sopInstanceUid.c_str(), OFFalse);
    check(doc.completeDocument(), "cannot complete the report");

    DcmFileFormat ff;
    check(doc.write(*ff.getDataset()), "cannot encode the measurement report");
    ff.getDataset()->putAndInsertString(DCM_StudyDate, validDate(info.studyDate).c_str());
    save(ff, file);
}

void writeEncapsulatedPdf(const fs::path& file, const image::CineSeries& series, const fs::path& pdf, const std::string& title) {
    if (series.frames.empty()) throw std::runtime_error("cannot write " + file.string() + ": the series has no images");
    std::ifstream in(pdf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw std::runtime_error("cannot read " + pdf.string());
    if (bytes.compare(0, 5, "%PDF-") != 0) throw std::runtime_error(pdf.string() + " is not a PDF file");
    const std::size_t length = bytes.size();
    if (bytes.size() % 2) bytes.push_back('\0');  // OB values have even length
    const image::SeriesInfo& info = series.info;
    const auto [date, time] = now();
    DcmFileFormat ff;
    DcmDataset& ds = *ff.getDataset();
    const auto put = [&](const DcmTagKey& tag, const std::string& value) {
        check(ds.putAndInsertString(tag, value.c_str()), "cannot write " + file.string());
    };
    put(DCM_SpecificCharacterSet, "ISO_IR 192");
    put(DCM_SOPClassUID, UID_EncapsulatedPDFStorage);
    put(DCM_SOPInstanceUID, newUid(SITE_INSTANCE_UID_ROOT));
    put(DCM_StudyInstanceUID, info.studyUid);
    put(DCM_SeriesInstanceUID, newUid(SITE_SERIES_UID_ROOT));
    put(DCM_PatientName, info.patientName);
    put(DCM_PatientID, info.patientId);
    put(DCM_PatientBirthDate, validDate(info.patientBirthDate));
    put(DCM_PatientSex, validSex(info.patientSex));
    put(DCM_StudyDate, validDate(info.studyDate));
    put(DCM_StudyTime, "");
    put(DCM_ReferringPhysicianName, "");
    put(DCM_StudyID, "");
    put(DCM_AccessionNumber, "");
    put(DCM_StudyDescription, info.studyDescription);
    put(DCM_Modality, "DOC");
    put(DCM_SeriesNumber, "9003");
    put(DCM_SeriesDescription, "CardioSeg report");
    put(DCM_Manufacturer, "CardioSeg");
    put(DCM_ConversionType, "WSD");
    put(DCM_InstanceNumber, "1");
    put(DCM_ContentDate, date);
    put(DCM_ContentTime, time);
    put(DCM_AcquisitionDateTime, date + time);
    put(DCM_BurnedInAnnotation, "YES");
    put(DCM_DocumentTitle, title);
    put(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    check(ds.insertEmptyElement(DCM_ConceptNameCodeSequence), "cannot write " + file.string());
    for (const image::FrameInfo& f : series.frames) {
        if (f.sopInstanceUid.empty() || f.sopClassUid.empty()) continue;
        DcmItem* item = nullptr;
        check(ds.findOrCreateSequenceItem(DCM_SourceInstanceSequence, item, -2), "cannot write " + file.string());
        item->putAndInsertString(DCM_ReferencedSOPClassUID, f.sopClassUid.c_str());
        item->putAndInsertString(DCM_ReferencedSOPInstanceUID, f.sopInstanceUid.c_str());
    }
    check(ds.putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8*>(bytes.data()),
                                    static_cast<unsigned long>(bytes.size())),
          "cannot write " + file.string());
    check(ds.putAndInsertUint32(DcmTagKey(0x0042, 0x0015), static_cast<Uint32>(length)), "cannot write " + file.string());
    save(ff, file);
}

}  // namespace cardioseg::io
