// DICOM SEG export: round trips, real studies and sources with the defects real archives
// carry; every SEG written here is checked by an independent validator (dciodvfy) and read
// back through DCMTK.
#include <QtTest>

#include <fstream>
#include <set>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmseg/segdoc.h>

#include "dicom_validation.h"
#include "io/dicom_loader.h"
#include "io/dicom_seg.h"
#include "io/dicom_values.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using testing::TempDir;

namespace {

/// Labels on some images of a series: a disc of blood pool in a ring of myocardium (every
/// `phaseStep`-th phase of every slice; one image with unknown pixels).
image::SeriesLabels discLabels(const image::CineSeries& series, int phaseStep) {
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    const auto& g = series.geometry;
    for (int s = 0; s < series.slices; ++s)
        for (int p = 0; p < series.phases; p += phaseStep) {
            if (series.frameAt(s, p) < 0) continue;
            image::LabelMap m(g.columns, g.rows);
            for (int y = 0; y < m.height; ++y)
                for (int x = 0; x < m.width; ++x) {
                    const double d =
                        std::hypot(x - g.columns * 0.45 - s, y - g.rows * 0.45 - p * 0.5);
                    const double r = std::min(g.rows, g.columns) * 0.15;
                    m.at(x, y) = d < r         ? image::label::BloodPool
                                 : d < r * 1.6 ? image::label::Myocardium
                                               : 0;
                }
            if (s == 1 && p == 0) m.at(0, 0) = image::label::Ignore;
            labels.at(s, p) = std::move(m);
        }
    return labels;
}

image::SeriesLabels withoutIgnore(image::SeriesLabels l) {
    for (auto& m : l.maps)
        for (auto& v : m.data)
            if (v == image::label::Ignore) v = image::label::Background;
    return l;
}

/// Every UID a SEG of this series may have to repeat as the source has it.
std::set<std::string> sourceUids(const image::CineSeries& s) {
    std::set<std::string> uids{s.info.studyUid, s.info.seriesUid, s.info.frameOfReferenceUid};
    for (const auto& f : s.frames) {
        uids.insert(f.sopInstanceUid);
        uids.insert(f.sopClassUid);
    }
    return uids;
}

std::string text(DcmItem& item, const DcmTagKey& key) {
    OFString v;
    item.findAndGetOFStringArray(key, v);
    return v.c_str();
}

/// The SOP Instance UIDs (with frame numbers) the SEG's frames derive from, and those its
/// Referenced Series Sequence lists.
struct References {
    std::set<std::pair<std::string, int>> derivation;
    std::set<std::string> series;
    std::string seriesUid;
};

References referencesOf(DcmDataset& ds) {
    References r;
    DcmSequenceOfItems* perFrame = nullptr;
    if (ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good())
        for (unsigned long i = 0; i < perFrame->card(); ++i) {
            DcmItem* derivation = nullptr;
            DcmItem* source = nullptr;
            if (perFrame->getItem(i)
                    ->findAndGetSequenceItem(DCM_DerivationImageSequence, derivation)
                    .bad() ||
                derivation->findAndGetSequenceItem(DCM_SourceImageSequence, source).bad())
                continue;
            Sint32 frame = 0;
            source->findAndGetSint32(DCM_ReferencedFrameNumber, frame);
            r.derivation.insert({text(*source, DCM_ReferencedSOPInstanceUID), frame});
        }
    DcmItem* series = nullptr;
    if (ds.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series).good()) {
        r.seriesUid = text(*series, DCM_SeriesInstanceUID);
        DcmSequenceOfItems* instances = nullptr;
        if (series->findAndGetSequence(DCM_ReferencedInstanceSequence, instances).good())
            for (unsigned long i = 0; i < instances->card(); ++i)
                r.series.insert(text(*instances->getItem(i), DCM_ReferencedSOPInstanceUID));
    }
    return r;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

/// Writes a SEG of `labels`, validates it, reads it back through DCMTK's dcmseg and through
/// our reader, and checks that it references exactly the labelled source images.
io::DicomSegReport writeAndCheck(const fs::path& file, const image::CineSeries& series,
                                 const image::SeriesLabels& labels,
                                 const io::DicomSegOptions& options = {}) {
    const io::DicomSegReport report = io::writeDicomSeg(file, series, labels, options);
    const auto errors = testing::dciodvfyErrors(file, sourceUids(series));
    if (!errors.empty()) QTest::qFail(("dciodvfy: " + joined(errors)).c_str(), __FILE__, __LINE__);

    DcmSegmentation* raw = nullptr;
    const OFCondition loaded = DcmSegmentation::loadFile(file.string().c_str(), raw);
    std::unique_ptr<DcmSegmentation> seg(raw);
    if (loaded.bad() || !seg)
        QTest::qFail("DCMTK cannot read the SEG back", __FILE__, __LINE__);
    else if (seg->getNumberOfFrames() != 2 * labels.labelledCount())
        QTest::qFail("frame count read back differs", __FILE__, __LINE__);

    DcmFileFormat ff;
    ff.loadFile(file.string().c_str());
    const References refs = referencesOf(*ff.getDataset());
    std::map<std::string, int> perFile;
    for (const auto& f : series.frames) ++perFile[f.file];
    std::set<std::pair<std::string, int>> expected;
    std::set<std::string> expectedInstances;
    for (int s = 0; s < series.slices; ++s)
        for (int p = 0; p < series.phases; ++p) {
            const int f = series.frameAt(s, p);
            if (f < 0 || labels.at(s, p).empty()) continue;
            const auto& frame = series.frames[f];
            expected.insert(
                {frame.sopInstanceUid, perFile[frame.file] > 1 ? frame.frameIndex + 1 : 0});
            expectedInstances.insert(frame.sopInstanceUid);
        }
    if (refs.derivation != expected)
        QTest::qFail("derivation references differ from the source images", __FILE__, __LINE__);
    if (refs.series != expectedInstances)
        QTest::qFail("Referenced Series Sequence differs", __FILE__, __LINE__);
    if (refs.seriesUid != series.info.seriesUid)
        QTest::qFail("referenced series UID differs", __FILE__, __LINE__);
    if (io::readDicomSeg(file, series).maps != withoutIgnore(labels).maps)
        QTest::qFail("labels read back differ", __FILE__, __LINE__);
    return report;
}

/// A small synthetic series (20 × 28 pixels) written as `spec` says and read back.
image::CineSeries writeAndLoad(const TempDir& dir, testing::SyntheticSeries spec) {
    spec.rows = 20;
    spec.columns = 28;
    testing::writeSeries(dir / "dicom", spec);
    return io::loadDicom({dir / "dicom"}).series.at(0);
}

}  // namespace

class TestDicomSeg : public QObject {
    Q_OBJECT

private slots:
    void roundTripIsValid() {
        TempDir dir;
        testing::SyntheticSeries spec;
        spec.rows = 20;
        spec.columns = 28;
        testing::writeSeries(dir / "dicom", spec);
        const auto series = io::loadDicom({dir / "dicom"}).series.at(0);
        const auto labels = discLabels(series, 2);
        const fs::path file = dir / "seg.dcm";
        const auto report = writeAndCheck(file, series, labels);
        if (QTest::currentTestFailed()) return;
        QVERIFY2(report.notes.empty(), joined(report.notes).c_str());
        QCOMPARE(report.images, labels.labelledCount());
        QCOMPARE(report.frames, 2 * labels.labelledCount());
        // Clean sources give a SEG without any validator error at all.
        QVERIFY2(testing::dciodvfyErrors(file).empty(),
                 joined(testing::dciodvfyErrors(file)).c_str());

        DcmFileFormat ff;
        QVERIFY(ff.loadFile(file.string().c_str()).good());
        DcmDataset& ds = *ff.getDataset();
        QCOMPARE(text(ds, DCM_SOPClassUID), std::string(UID_SegmentationStorage));
        QCOMPARE(text(ds, DCM_PatientID), spec.patientId);
        QCOMPARE(text(ds, DCM_StudyInstanceUID), spec.studyUid);
        QCOMPARE(text(ds, DCM_FrameOfReferenceUID), spec.studyUid + ".9");
        QCOMPARE(text(ds, DCM_StudyDate), std::string("20260101"));
        QCOMPARE(std::stoi(text(ds, DCM_NumberOfFrames)), int(2 * labels.labelledCount()));
        DcmSequenceOfItems* segments = nullptr;
        QVERIFY(ds.findAndGetSequence(DCM_SegmentSequence, segments).good());
        QCOMPARE(segments->card(), 2ul);
        QCOMPARE(text(*segments->getItem(1), DCM_SegmentLabel), std::string("LV myocardium"));
        DcmItem* type = nullptr;
        segments->getItem(1)->findAndGetSequenceItem(DCM_SegmentedPropertyTypeCodeSequence, type);
        QCOMPARE(text(*type, DCM_CodeValue), std::string("74281007"));
        // Segment, slice position and cardiac phase: time is a dimension of its own.
        DcmSequenceOfItems* dims = nullptr;
        QVERIFY(ds.findAndGetSequence(DCM_DimensionIndexSequence, dims).good());
        QCOMPARE(dims->card(), 3ul);
        DcmElement* pointer = nullptr;
        QVERIFY(dims->getItem(2)->findAndGetElement(DCM_DimensionIndexPointer, pointer).good());
        DcmTagKey key;
        QVERIFY(static_cast<DcmAttributeTag*>(pointer)->getTagVal(key).good());
        QCOMPARE(key, DCM_TemporalPositionIndex);
    }

    void sourcesWithArchiveDefects() {
        TempDir dir;
        testing::SyntheticSeries spec;
        spec.rows = 20;
        spec.columns = 28;
        spec.patientId = "SYNTH01";  // odd length
        spec.archiveDefects = true;
        testing::writeSeries(dir / "dicom", spec);
        const auto loaded = io::loadDicom({dir / "dicom"});
        QVERIFY(loaded.skipped.empty());
        const auto series = loaded.series.at(0);
        QCOMPARE(series.info.studyUid, testing::studyUidOf(spec));
        const fs::path file = dir / "seg.dcm";
        const auto report = writeAndCheck(file, series, discLabels(series, 1));
        if (QTest::currentTestFailed()) return;

        // Every value left out or repaired is said, with the file it came from.
        const std::string notes = joined(report.notes);
        for (const char* what :
             {"PatientBirthDate '00000000'", "StudyDate '20120000'", "StudyTime '10:15:00'",
              "PatientSex is stored as LO", "ReferringPhysicianName is stored as LO",
              "StudyDescription", "StudyID", "StudyInstanceUID", "FrameOfReferenceUID"})
            QVERIFY2(notes.find(what) != std::string::npos,
                     (std::string(what) + " not in\n" + notes).c_str());
        QVERIFY(notes.find(series.frames.front().file) != std::string::npos);

        DcmFileFormat ff;
        QVERIFY(ff.loadFile(file.string().c_str()).good());
        DcmDataset& ds = *ff.getDataset();
        // The source's UIDs, byte for byte, where the SEG must repeat them.
        QCOMPARE(text(ds, DCM_StudyInstanceUID), testing::studyUidOf(spec));
        QCOMPARE(text(ds, DCM_FrameOfReferenceUID), testing::frameOfReferenceUidOf(spec));
        // Our own new UIDs are valid.
        QVERIFY(io::isValidUid(text(ds, DCM_SOPInstanceUID)));
        QVERIFY(io::isValidUid(text(ds, DCM_SeriesInstanceUID)));
        QVERIFY(!io::isValidUid(series.info.seriesUid));
        // Impossible dates left empty, the retired time repaired, wrong VRs converted.
        QCOMPARE(text(ds, DCM_StudyDate), std::string());
        QCOMPARE(text(ds, DCM_PatientBirthDate), std::string());
        QCOMPARE(text(ds, DCM_StudyTime), std::string("101500"));
        QCOMPARE(text(ds, DCM_PatientSex), std::string("M"));
        QCOMPARE(text(ds, DCM_ReferringPhysicianName), std::string("Doe^Jane"));
        QCOMPARE(text(ds, DCM_PatientID), spec.patientId);
        QCOMPARE(text(ds, DCM_StudyDescription).size(), std::size_t(64));
        QCOMPARE(text(ds, DCM_StudyID), std::string("ST1"));
        DcmElement* e = nullptr;
        QVERIFY(ds.findAndGetElement(DCM_ReferringPhysicianName, e).good());
        QCOMPARE(e->getVR(), EVR_PN);
    }

    void multiFrameSourcesAreReferencedByFrame() {
        TempDir dir;
        testing::SyntheticSeries spec;
        spec.multiFrame = true;
        const auto series = writeAndLoad(dir, spec);
        writeAndCheck(dir / "seg.dcm", series, discLabels(series, 2));
    }

    void deidentified() {
        TempDir dir;
        testing::SyntheticSeries spec;
        spec.archiveDefects = true;
        const auto series = writeAndLoad(dir, spec);
        io::DicomSegOptions opt;
        opt.deidentify = true;
        const fs::path file = dir / "anon.dcm";
        const auto report = io::writeDicomSeg(file, series, discLabels(series, 2), opt);
        // The archive's defects are counted, their values not named.
        QCOMPARE(report.notes.size(), std::size_t(1));
        QVERIFY2(report.notes[0].find("not shown") != std::string::npos, report.notes[0].c_str());
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(file.string().c_str()).good());
        QCOMPARE(text(*ff.getDataset(), DCM_PatientName), std::string("ANONYMOUS"));
        QCOMPARE(text(*ff.getDataset(), DCM_PatientID), std::string("ANON"));
        QCOMPARE(text(*ff.getDataset(), DCM_PatientBirthDate), std::string());
        QCOMPARE(text(*ff.getDataset(), DCM_ReferringPhysicianName), std::string());
        std::ifstream in(file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), {});
        QVERIFY(bytes.find(spec.patientId) == std::string::npos);
        QVERIFY(bytes.find("Doe^Jane") == std::string::npos);
        // References carry new UIDs (see test_deidentify for the whole profile).
        for (const auto& f : series.frames) QVERIFY(bytes.find(f.sopInstanceUid) == std::string::npos);
        QVERIFY(bytes.find(series.info.studyUid) == std::string::npos);
    }

    void errorsNameTheFile() {
        TempDir dir;
        const auto series = writeAndLoad(dir, {});
        try {
            io::writeDicomSeg(dir / "empty.dcm", series, image::SeriesLabels::like(series));
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("empty.dcm") != std::string::npos);
        }
        QVERIFY(!fs::exists(dir / "empty.dcm"));
        // A SEG of another series references none of our images.
        io::writeDicomSeg(dir / "seg.dcm", series, discLabels(series, 2));
        image::CineSeries renamed = series;
        for (auto& f : renamed.frames) f.sopInstanceUid += ".1";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, io::readDicomSeg(dir / "seg.dcm", renamed));
        // A source image that went away since loading.
        image::CineSeries gone = series;
        for (auto& f : gone.frames) f.file = (dir / "missing.dcm").string();
        try {
            io::writeDicomSeg(dir / "gone.dcm", gone, discLabels(series, 2));
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("missing.dcm") != std::string::npos);
        }
    }

    void sampleStudy() {
        // The shipped sample (a real Sunnybrook study): leading-zero UIDs, dates 20120000 and
        // 00000000.
        TempDir dir;
        const auto loaded =
            io::loadDicom({fs::path(CARDIOSEG_SOURCE_DIR) / "resources" / "sample" / "dicoms"});
        QCOMPARE(loaded.series.size(), std::size_t(1));
        const auto& series = loaded.series.front();
        const auto labels = discLabels(series, 1);
        QCOMPARE(labels.labelledCount(), series.imageCount());
        const auto report = writeAndCheck(dir / "seg.dcm", series, labels);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(report.images, series.imageCount());
        QVERIFY(joined(report.notes).find("StudyDate '20120000'") != std::string::npos);
    }

    void validatorSeesErrors() {
        // The check above can fail: a real source image, with nothing allowed, has errors.
        const fs::path source = fs::path(CARDIOSEG_SOURCE_DIR) / "resources" / "sample" / "dicoms" /
                                "SCD0000101" / "1.dcm";
        const auto errors = testing::dciodvfyErrors(source);
        QVERIFY(!errors.empty());
        QVERIFY(joined(errors).find("Leading zeroes") != std::string::npos);
    }

    void valueRules() {
        QVERIFY(io::isValidUid("1.2.840.10008.5.1.4.1.1.4"));
        QVERIFY(io::isValidUid("0.1"));
        QVERIFY(!io::isValidUid("2.16.124.113543.6006.99.06478339416823747950"));  // leading zero
        QVERIFY(!io::isValidUid("1..2"));
        QVERIFY(!io::isValidUid("1.2."));
        QVERIFY(!io::isValidUid("1.2a"));
        QVERIFY(!io::isValidUid(std::string(65, '1')));
        QVERIFY(!io::parseDicomDate("20120000"));
        QVERIFY(!io::parseDicomDate("00000000"));
        QVERIFY(!io::parseDicomDate("20230230"));
        QVERIFY(!io::parseDicomDate(""));
        QVERIFY(io::parseDicomDate("20240229"));
        QVERIFY(!io::parseDicomDate("20230229"));
        const auto d = io::parseDicomDate("1970.01.31");
        QVERIFY(d && d->year == 1970 && d->month == 1 && d->day == 31);
        QCOMPARE(io::patientSexName("F "), std::string("Female"));
        QCOMPARE(io::patientSexName("X"), std::string());
    }

    void sunnybrookStudies() {
        const fs::path scd = testing::sharedScdDir();
        if (scd.empty())
            QSKIP("../shared/data/scd is absent: the other Sunnybrook studies are not checked");
        for (const auto& patient : fs::directory_iterator(scd / "dicoms")) {
            TempDir dir;
            const auto loaded = io::loadDicom({patient.path()});
            QVERIFY(!loaded.series.empty());
            for (const auto& series : loaded.series) {
                writeAndCheck(dir / "seg.dcm", series, discLabels(series, 1));
                if (QTest::currentTestFailed()) return;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDicomSeg)
#include "test_dicom_seg.moc"
