// Results as DICOM objects for a PACS: the TID 1500 measurement report and the Encapsulated
// PDF, each checked by an independent validator (dciodvfy) and read back through DCMTK.
#include <QtTest>

#include <fstream>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include "dicom_validation.h"
#include "io/dicom_loader.h"
#include "io/result_objects.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;

namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

/// Numeric values of the report by concept code.
std::map<std::string, std::pair<double, std::string>> numbersOf(DSRDocument& doc) {
    std::map<std::string, std::pair<double, std::string>> found;
    DSRDocumentTree& tree = doc.getTree();
    if (tree.gotoRoot() == 0) return found;
    do {
        DSRContentItem& item = tree.getCurrentContentItem();
        if (item.getValueType() == DSRTypes::VT_Num) {
            const auto* num = item.getNumericValuePtr();
            found[item.getConceptName().getCodeValue().c_str()] = {std::stod(num->getNumericValue().c_str()),
                                                                   num->getMeasurementUnit().getCodeValue().c_str()};
        }
    } while (tree.iterate() != 0);
    return found;
}

}  // namespace

class TestResultObjects : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_files = testing::writeSeries(m_dir / "study", m_synthetic);
        const auto r = io::loadDicom({(m_dir / "study").string()});
        QCOMPARE(r.series.size(), std::size_t(1));
        m_series = r.series[0];
    }

    void measurementReportIsValidTid1500() {
        io::MeasurementValues v;
        v.edvMl = 151.26;
        v.esvMl = 61.0;
        v.svMl = 90.26;
        v.efPercent = 59.67;
        v.massG = 118.4;
        v.manual = true;
        const fs::path file = m_dir / "sr.dcm";
        io::writeMeasurementSr(file, m_series, v);
        const auto errors = testing::dciodvfyErrors(file);
        QVERIFY2(errors.empty(), joined(errors).c_str());

        DcmFileFormat ff;
        QVERIFY(ff.loadFile(file.c_str()).good());
        DSRDocument doc;
        QVERIFY(doc.read(*ff.getDataset()).good());
        QCOMPARE(doc.getDocumentType(), DSRTypes::DT_ComprehensiveSR);
        OFString templ, mapping;
        doc.getTree().gotoRoot();
        doc.getTree().getTemplateIdentification(templ, mapping);
        QCOMPARE(templ, OFString("1500"));
        QCOMPARE(doc.getTree().getCurrentContentItem().getConceptName().getCodeValue(), OFString("126000"));
        OFString study, patient;
        doc.getStudyInstanceUID(study);
        doc.getPatientID(patient);
        QCOMPARE(study.c_str(), m_series.info.studyUid);
        QCOMPARE(patient.c_str(), m_series.info.patientId);
        const auto numbers = numbersOf(doc);
        QCOMPARE(numbers.size(), std::size_t(5));
        QCOMPARE(numbers.at("18026-5").first, 151.3);
        QCOMPARE(numbers.at("18026-5").second, std::string("mL"));
        QCOMPARE(numbers.at("10230-1").first, 59.7);
        QCOMPARE(numbers.at("10230-1").second, std::string("%"));
        QCOMPARE(numbers.at("18087-5").second, std::string("g"));
        // Every source image is evidence, under its series.
        DSRSOPInstanceReferenceList& evidence = doc.getCurrentRequestedProcedureEvidence();
        QCOMPARE(evidence.getNumberOfInstances(), m_series.frames.size());
        QVERIFY(evidence.gotoItem(m_series.frames[0].sopClassUid.c_str(), m_series.frames[0].sopInstanceUid.c_str()).good());
        OFString series;
        evidence.getSeriesInstanceUID(series);
        QCOMPARE(series.c_str(), m_series.info.seriesUid);
    }

    void unmeasuredValuesAreLeftOut() {
        io::MeasurementValues v;
        v.edvMl = 120;
        const fs::path file = m_dir / "partial.dcm";
        io::writeMeasurementSr(file, m_series, v);
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(file.c_str()).good());
        DSRDocument doc;
        QVERIFY(doc.read(*ff.getDataset()).good());
        QCOMPARE(numbersOf(doc).size(), std::size_t(1));
    }

    void encapsulatedPdfCarriesTheReport() {
        const fs::path pdf = m_dir / "report.pdf";
        const std::string bytes = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF";  // odd length on purpose
        QCOMPARE(bytes.size() % 2, std::size_t(1));
        std::ofstream(pdf, std::ios::binary) << bytes;
        const fs::path file = m_dir / "pdf.dcm";
        io::writeEncapsulatedPdf(file, m_series, pdf, "Left-ventricular function");
        const auto errors = testing::dciodvfyErrors(file);
        QVERIFY2(errors.empty(), joined(errors).c_str());
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(file.c_str()).good());
        DcmDataset& ds = *ff.getDataset();
        const Uint8* doc = nullptr;
        unsigned long length = 0;
        QVERIFY(ds.findAndGetUint8Array(DCM_EncapsulatedDocument, doc, &length).good());
        QCOMPARE(length, static_cast<unsigned long>(bytes.size() + 1));  // padded to even
        QCOMPARE(std::string(reinterpret_cast<const char*>(doc), bytes.size()), bytes);
        Uint32 declared = 0;
        QVERIFY(ds.findAndGetUint32(DcmTagKey(0x0042, 0x0015), declared).good());
        QCOMPARE(declared, static_cast<Uint32>(bytes.size()));
        OFString value;
        ds.findAndGetOFString(DCM_StudyInstanceUID, value);
        QCOMPARE(value.c_str(), m_series.info.studyUid);
        DcmItem* source = nullptr;
        QVERIFY(ds.findAndGetSequenceItem(DCM_SourceInstanceSequence, source, 0).good());
        source->findAndGetOFString(DCM_ReferencedSOPInstanceUID, value);
        QCOMPARE(value.c_str(), m_series.frames[0].sopInstanceUid);

        std::ofstream(m_dir / "fake.pdf") << "not a pdf";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, io::writeEncapsulatedPdf(m_dir / "x.dcm", m_series, m_dir / "fake.pdf", "x"));
    }

private:
    testing::TempDir m_dir;
    testing::SyntheticSeries m_synthetic;
    std::vector<fs::path> m_files;
    image::CineSeries m_series;
};

QTEST_GUILESS_MAIN(TestResultObjects)
#include "test_result_objects.moc"
