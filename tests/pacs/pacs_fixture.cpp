#include "pacs_fixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <cstring>
#include <fstream>
#include <iterator>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "io/dicom_loader.h"
#include "io/dicom_seg.h"
#include "io/result_objects.h"

namespace fs = std::filesystem;

namespace cardioseg::testing {

PacsFixture::PacsFixture() {
    cine.patientId = "SYNTHPACS";
    cine.phantom = true;
    cine.rows = 48;
    cine.columns = 48;
    cine.slices = 4;
    cine.phases = 5;
    cine.encoding = Encoding::JpegLsLossless;
    second = cine;
    second.phantom = false;
    second.slices = 3;
    second.phases = 1;
    second.encoding = Encoding::ExplicitLittle;
    second.seriesUid = "1.2.826.0.1.3680043.10.511.1.2";
    second.seriesNumber = 1;
    second.description = "Localiser synthetic";
}

bool PacsFixture::start() {
    orthanc = std::make_unique<Orthanc>("CARDIOSEG", freeLoopbackPort());
    if (!orthanc->start()) return false;
    std::vector<fs::path> files = writeSeries(source / "cine", cine);
    const auto more = writeSeries(source / "second", second);
    files.insert(files.end(), more.begin(), more.end());
    for (const fs::path& f : files) uploaded[sopInstanceUidOf(f)] = f;
    return orthanc->upload(files) == totalImages();
}

namespace {

/// The bytes of a DICOM file after its file meta information: the data set as encoded.
std::string dataSetBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (all.size() < 144 || all.compare(128, 4, "DICM") != 0) return {};
    // (0002,0000) UL 4 <group length> right after the preamble.
    std::uint32_t groupLength = 0;
    std::memcpy(&groupLength, all.data() + 140, 4);
    const std::size_t start = 144 + groupLength;
    return start <= all.size() ? all.substr(start) : std::string();
}

std::string transferSyntaxOf(const fs::path& file) {
    DcmFileFormat ff;
    if (ff.loadFile(file.string().c_str()).bad()) return {};
    OFString ts;
    ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, ts);
    return ts.c_str();
}

}  // namespace

void PacsFixture::verifySameAsUploaded(const fs::path& dir) const {
    int checked = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.path().extension() != ".dcm" || e.path().filename().string().front() == '.') continue;
        const std::string uid = sopInstanceUidOf(e.path());
        QCOMPARE(e.path().stem().string(), uid);
        const auto it = uploaded.find(uid);
        QVERIFY2(it != uploaded.end(), uid.c_str());
        QCOMPARE(transferSyntaxOf(e.path()), transferSyntaxOf(it->second));
        const std::string got = dataSetBytes(e.path());
        QVERIFY(!got.empty());
        QVERIFY2(got == dataSetBytes(it->second), qPrintable("data set differs: " + QString::fromStdString(uid)));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void PacsFixture::writeSegmentation(const fs::path& file) const {
    const io::LoadResult r = io::loadDicom({(source / "cine").string()});
    QCOMPARE(r.series.size(), std::size_t(1));
    const image::CineSeries& series = r.series[0];
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    for (int s = 0; s < series.slices; ++s)
        for (int p = 0; p < series.phases; p += 2) {
            image::LabelMap m(series.geometry.columns, series.geometry.rows);
            for (int y = 0; y < m.height; ++y)
                for (int x = 0; x < m.width; ++x) {
                    const double d = std::hypot(x - m.width / 2.0, y - m.height / 2.0);
                    m.at(x, y) = d < 6 ? image::label::BloodPool : d < 9 ? image::label::Myocardium : 0;
                }
            labels.at(s, p) = std::move(m);
        }
    io::writeDicomSeg(file, series, labels);
}

void PacsFixture::verifyStoredSegmentation(const fs::path& seg) const {
    const QStringList ids = orthanc->findInstances(QString::fromStdString(sopInstanceUidOf(seg)));
    QCOMPARE(ids.size(), 1);
    const QJsonObject tags = orthanc->instanceTags(ids[0]).object();
    QCOMPARE(tags.value("Modality").toString(), QString("SEG"));
    QCOMPARE(tags.value("StudyInstanceUID").toString().toStdString(), studyUidOf(cine));
    const QJsonArray refs = tags.value("ReferencedSeriesSequence").toArray();
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs[0].toObject().value("SeriesInstanceUID").toString().toStdString(), seriesUidOf(cine));
}

std::vector<fs::path> PacsFixture::writeResults(const fs::path& dir) const {
    const io::LoadResult r = io::loadDicom({(source / "cine").string()});
    io::MeasurementValues v;
    v.edvMl = 140;
    v.esvMl = 60;
    v.efPercent = 57.1;
    v.massG = 101;
    io::writeMeasurementSr(dir / "sr.dcm", r.series.at(0), v);
    std::ofstream(dir / "report.pdf", std::ios::binary) << "%PDF-1.4\n%%EOF\n";
    io::writeEncapsulatedPdf(dir / "pdf.dcm", r.series.at(0), dir / "report.pdf", "LV function");
    return {dir / "sr.dcm", dir / "pdf.dcm"};
}

void PacsFixture::verifyStoredResults(const std::vector<fs::path>& results) const {
    for (const fs::path& f : results) {
        const QStringList ids = orthanc->findInstances(QString::fromStdString(sopInstanceUidOf(f)));
        QCOMPARE(ids.size(), 1);
        const QJsonObject tags = orthanc->instanceTags(ids[0]).object();
        QCOMPARE(tags.value("StudyInstanceUID").toString().toStdString(), studyUidOf(cine));
        QCOMPARE(tags.value("PatientID").toString().toStdString(), cine.patientId);
        const QString modality = tags.value("Modality").toString();
        if (modality == "SR") {
            const QJsonObject evidence = tags.value("CurrentRequestedProcedureEvidenceSequence").toArray().at(0).toObject();
            const QJsonObject series = evidence.value("ReferencedSeriesSequence").toArray().at(0).toObject();
            QCOMPARE(series.value("SeriesInstanceUID").toString().toStdString(), seriesUidOf(cine));
            QCOMPARE(series.value("ReferencedSOPSequence").toArray().size(), cineImages());
        } else {
            QCOMPARE(modality, QString("DOC"));
            const QJsonArray sources = tags.value("SourceInstanceSequence").toArray();
            QCOMPARE(sources.size(), cineImages());
            for (const auto& item : sources) {
                const auto it = uploaded.find(item.toObject().value("ReferencedSOPInstanceUID").toString().toStdString());
                QVERIFY(it != uploaded.end() && it->second.parent_path() == source / "cine");
            }
        }
    }
}

int countDicomFiles(const fs::path& dir) {
    int n = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".dcm" && it->path().filename().string().front() != '.' && it->is_regular_file()) ++n;
    return n;
}

void verifyWholeDicomFiles(const fs::path& dir) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".dcm") continue;
        DcmFileFormat ff;
        QVERIFY2(ff.loadFile(e.path().string().c_str()).good(), e.path().c_str());
        QVERIFY2(ff.getDataset()->tagExists(DCM_PixelData), e.path().c_str());
    }
}

void writePrivateClassObject(const fs::path& file) {
    DcmFileFormat ff;
    DcmDataset* ds = ff.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, "1.2.826.0.1.3680043.10.511.99.1");
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.10.511.99.2");
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.10.511.99.3");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.10.511.99.4");
    ds->putAndInsertString(DCM_PatientID, "ODD");
    ff.saveFile(file.string().c_str(), EXS_LittleEndianExplicit);
}

std::string sopInstanceUidOf(const fs::path& file) {
    DcmFileFormat ff;
    if (ff.loadFile(file.string().c_str(), EXS_Unknown, EGL_noChange, 256).bad()) return {};
    OFString uid;
    ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid);
    return uid.c_str();
}

}  // namespace cardioseg::testing
