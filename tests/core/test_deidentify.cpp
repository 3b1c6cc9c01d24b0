// De-identification, proven: a study full of identifying values (every attribute of DICOM PS3.15's
// Basic Profile that an image can carry, with private attributes, overlays, burned-in text said,
// nested sequences) is exported to every format with de-identification on; no file carries any
// of those values, the attributes the profile removes are absent from the SEG, every UID is new
// and the same new UID wherever the same source UID was, and the SEG says it was de-identified.
// The same export without de-identification carries them (the checks can fail).
#include <QtTest>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dctag.h>
#include <dcmtk/dcmseg/segdoc.h>

#include <zlib.h>

#include <fstream>
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "analysis/series_export.h"
#include "image/label_edit.h"
#include "io/deidentify.h"
#include "io/dicom_loader.h"
#include "io/dicom_seg.h"
#include "dicom_validation.h"
#include "identity_study.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

/// Every element of a dataset, into its sequences.
void walk(DcmItem& item, const std::function<void(DcmElement&)>& visit) {
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* e = item.getElement(i);
        visit(*e);
        if (e->ident() == EVR_SQ) {
            auto* seq = static_cast<DcmSequenceOfItems*>(e);
            for (unsigned long j = 0; j < seq->card(); ++j) walk(*seq->getItem(j), visit);
        }
    }
}

std::string readText(const fs::path& f) {
    if (f.extension() == ".gz") {
        gzFile gz = gzopen(f.string().c_str(), "rb");
        std::string out;
        char buf[65536];
        for (int n; gz && (n = gzread(gz, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
        if (gz) gzclose(gz);
        return out;
    }
    std::ifstream in(f, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// The identifying values found in `bytes`.
QStringList leaks(const std::string& bytes, const testing::Identity& id) {
    QStringList found;
    for (const auto& v : testing::identityIn(bytes, id)) found << QString::fromStdString(v);
    return found;
}

/// What in a DICOM file (its meta information too) breaks the profile: an identifying value or
/// UID of the source, an attribute the profile removes, a private, overlay or curve attribute.
QStringList profileBreaches(DcmFileFormat& ff, const testing::Identity& id) {
    std::set<std::pair<unsigned, unsigned>> removed;
    for (const auto& a : io::basicProfileAttributes())
        if (std::string(a.action) == "X") removed.insert({a.group, a.element});
    QStringList problems;
    const auto check = [&](DcmElement& e) {
        const DcmTagKey key = e.getTag().getXTag();
        const QString where = QString::fromStdString(DcmTag(key).getTagName());
        if (key.getGroup() & 1) problems << "private " + where;
        if ((key.getGroup() & 0xFF00) == 0x6000 || (key.getGroup() & 0xFF00) == 0x5000) problems << "overlay/curve";
        if (removed.count({key.getGroup(), key.getElement()})) problems << "kept " + where;
        if (e.ident() == EVR_SQ) return;
        OFString value;
        if (testing::isTextualVr(e.ident()) && e.getOFStringArray(value).good())
            for (const QString& leak : leaks(value.c_str(), id)) problems << where + " = " + leak;
    };
    walk(*ff.getDataset(), check);
    walk(*ff.getMetaInfo(), check);
    return problems;
}

struct Exported {
    std::vector<std::string> files;
    std::vector<std::string> warnings;
    testing::Identity identity;
    std::size_t labelled = 0;
};

Exported exportIdentifyingStudy(const testing::TempDir& dir, bool deidentify);

/// The export, or the test fails with the reason.
#define EXPORT_OR_FAIL(ex, dir, deidentify)                  \
    Exported ex;                                             \
    try {                                                    \
        ex = exportIdentifyingStudy(dir, deidentify);        \
    } catch (const std::exception& e) {                      \
        QFAIL(e.what());                                     \
    }

Exported exportIdentifyingStudy(const testing::TempDir& dir, bool deidentify) {
    testing::SyntheticSeries s;
    s.rows = s.columns = 48;
    s.slices = 3;
    s.phases = 4;
    s.phantom = true;
    Exported out;
    out.identity = testing::fillWithIdentity(testing::writeSeries(dir / "study", s));
    auto loaded = io::loadDicom({dir / "study"}, {});
    if (loaded.series.size() != 1) {
        std::string why = "the identifying study did not load as one series:";
        for (const auto& sk : loaded.skipped) why += " " + sk.file + ": " + sk.reason + ";";
        throw std::runtime_error(why + " " + std::to_string(loaded.series.size()) + " series");
    }
    analysis::ExportInput in;
    in.series = std::make_shared<const image::CineSeries>(std::move(loaded.series[0]));
    in.prediction = image::SeriesLabels::like(*in.series);
    const auto [cx, cy] = testing::phantomCentre(s);
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; p += 2) {
            image::LabelMap m(s.columns, s.rows, image::label::Background);
            image::paintDisc(m, cx, cy, 9, image::label::Myocardium);
            image::paintDisc(m, cx, cy, 6, image::label::BloodPool);
            in.prediction.at(k, p) = m;
            ++out.labelled;
        }
    in.corrections = in.prediction;
    analysis::ExportOptions o;
    o.folder = dir / "export";
    o.png = o.nifti = o.dicomSeg = o.contoursJson = o.contoursCsv = o.metricsCsv = true;
    o.sourceImages = deidentify;
    o.deidentify = deidentify;
    const auto r = analysis::exportSeries(in, o, {});
    if (!r.error.empty()) throw std::runtime_error(r.error);
    out.files = r.files;
    out.warnings = r.warnings;
    return out;
}

std::string stringOf(DcmItem& item, const DcmTagKey& key) {
    OFString v;
    item.findAndGetOFString(key, v);
    return v.c_str();
}

}  // namespace

class TestDeidentify : public QObject {
    Q_OBJECT

private slots:
    void theProfileTableNamesItsAttributesAsDicomDoes() {
        std::set<std::pair<unsigned, unsigned>> seen;
        for (const auto& a : io::basicProfileAttributes()) {
            DcmTag tag(a.group, a.element);
            const std::string name = tag.getTagName();
            QVERIFY2(name == a.keyword || name == std::string("RETIRED_") + a.keyword,
                     qPrintable(QString("(%1,%2) is %3 in DICOM's dictionary, not %4")
                                    .arg(a.group, 4, 16, QChar('0'))
                                    .arg(a.element, 4, 16, QChar('0'))
                                    .arg(QString::fromStdString(name), a.keyword)));
            QVERIFY2(seen.insert({a.group, a.element}).second, a.keyword);
            const std::string action = a.action;
            QVERIFY2(action == "X" || action == "Z" || action == "D" || action == "U" || action == "X/Z" ||
                         action == "X/D" || action == "Z/D" || action == "X/Z/D" || action == "X/Z/U*",
                     a.keyword);
        }
        QVERIFY(seen.size() > 200);
    }

    void aDatasetLosesWhatTheProfileSaysAndKeepsWhatItNeeds() {
        DcmItem ds;
        ds.putAndInsertString(DCM_PatientName, "DOE^JOHN");
        ds.putAndInsertString(DCM_PatientID, "12345");
        ds.putAndInsertString(DCM_PatientBirthDate, "19700101");
        ds.putAndInsertString(DCM_InstitutionName, "General Hospital");
        ds.putAndInsertString(DCM_ContentDate, "20240102");
        ds.putAndInsertString(DCM_StudyInstanceUID, "1.2.3.4");
        ds.putAndInsertString(DcmTagKey(0x0011, 0x0010), "PRIVATE");
        DcmItem* ref = nullptr;
        ds.findOrCreateSequenceItem(DCM_SourceImageSequence, ref, -2);
        ref->putAndInsertString(DCM_ReferencedSOPInstanceUID, "1.2.3.4");  // the same UID as the study's
        ds.findOrCreateSequenceItem(DCM_OtherPatientIDsSequence, ref, -2);
        ref->putAndInsertString(DCM_PatientID, "OTHER-1");
        io::UidMap uids;
        io::deidentifyDataset(ds, uids, {"ContentDate", "SourceImageSequence"});
        QCOMPARE(stringOf(ds, DCM_PatientName), std::string("ANONYMOUS"));
        QCOMPARE(stringOf(ds, DCM_PatientID), std::string("ANON"));
        QCOMPARE(stringOf(ds, DCM_PatientBirthDate), std::string(""));   // Z: emptied
        QVERIFY(!ds.tagExists(DCM_InstitutionName));                         // X/Z/D, not needed: removed
        QCOMPARE(stringOf(ds, DCM_ContentDate), std::string("19000101"));   // Z/D, needed: dummy
        QVERIFY(!ds.tagExists(DcmTagKey(0x0011, 0x0010)));                  // private: removed
        QVERIFY(!ds.tagExists(DCM_OtherPatientIDsSequence));                 // X, with what it holds
        const std::string study = stringOf(ds, DCM_StudyInstanceUID);
        QVERIFY(study.rfind("2.25.", 0) == 0 && study.size() > 30 && study.size() <= 64);
        DcmItem* kept = nullptr;
        QVERIFY(ds.findAndGetSequenceItem(DCM_SourceImageSequence, kept, 0).good());
        QCOMPARE(stringOf(*kept, DCM_ReferencedSOPInstanceUID), study);  // the same source UID, the same new UID
        QCOMPARE(stringOf(ds, DCM_PatientIdentityRemoved), std::string("YES"));
        QCOMPARE(uids.map("1.2.3.4"), study);
        QVERIFY(uids.map("1.2.3.5") != study);
    }

    void everyExportCarriesNoIdentifyingValue() {
        testing::TempDir dir;
        EXPORT_OR_FAIL(ex, dir, true);
        QVERIFY(ex.files.size() >= 6);
        std::string segFile;
        nlohmann::json contours;
        for (const auto& f : ex.files) {
            const fs::path path(f);
            // No identifying value in a file's name or in its bytes (NIfTI decompressed).
            QVERIFY2(leaks(path.filename().string(), ex.identity).isEmpty(), f.c_str());
            const std::string bytes = readText(path);
            QVERIFY2(!bytes.empty(), f.c_str());
            const QStringList found = leaks(bytes, ex.identity);
            QVERIFY2(found.isEmpty(), qPrintable(QString::fromStdString(f) + ": " + found.join(", ")));
            if (path.extension() == ".png")  // masks only: no text chunk
                for (const char* chunk : {"tEXt", "iTXt", "zTXt", "eXIf"})
                    QVERIFY2(bytes.find(chunk) == std::string::npos, f.c_str());
            if (path.filename() == "segmentation.dcm") segFile = f;
            if (path.filename() == "contours.json") contours = nlohmann::json::parse(bytes);
        }
        QVERIFY(!segFile.empty());
        qInfo("%zu identifying values and %zu source UIDs looked for in %zu files", ex.identity.values.size(),
              ex.identity.uids.size(), ex.files.size());

        // The SEG: every element (file meta too) free of the source's values and UIDs; nothing
        // the profile removes; no private, overlay or curve attribute.
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(segFile.c_str()).good());
        const QStringList problems = profileBreaches(ff, ex.identity);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("; ")));

        // Still a valid Segmentation for an independent validator (its dummies valid for their VRs).
        const auto invalid = testing::dciodvfyErrors(segFile);
        QVERIFY2(invalid.empty(), invalid.empty() ? "" : invalid.front().c_str());

        // The choice is recorded.
        DcmDataset& ds = *ff.getDataset();
        QCOMPARE(stringOf(ds, DCM_PatientIdentityRemoved), std::string("YES"));
        QCOMPARE(stringOf(ds, DCM_DeidentificationMethod), std::string(io::kDeidentificationMethod));
        DcmItem* code = nullptr;
        QVERIFY(ds.findAndGetSequenceItem(DCM_DeidentificationMethodCodeSequence, code, 0).good());
        QCOMPARE(stringOf(*code, DCM_CodeValue), std::string("113100"));
        QCOMPARE(stringOf(*code, DCM_CodingSchemeDesignator), std::string("DCM"));
        QCOMPARE(stringOf(ds, DCM_LongitudinalTemporalInformationModified), std::string("REMOVED"));
        QCOMPARE(stringOf(ds, DCM_PatientName), std::string("ANONYMOUS"));

        // UIDs: new, and the same new UID wherever the same source image is meant, in the SEG
        // (its per-frame references and its list of referenced instances) and in the contours.
        std::set<std::string> perFrame, listed, inContours;
        for (unsigned long f = 0;; ++f) {
            DcmItem* frame = nullptr;
            if (ds.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, frame, static_cast<int>(f)).bad()) break;
            DcmItem *derivation = nullptr, *source = nullptr;
            QVERIFY(frame->findAndGetSequenceItem(DCM_DerivationImageSequence, derivation, 0).good());
            QVERIFY(derivation->findAndGetSequenceItem(DCM_SourceImageSequence, source, 0).good());
            perFrame.insert(stringOf(*source, DCM_ReferencedSOPInstanceUID));
        }
        DcmItem* series = nullptr;
        QVERIFY(ds.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good());
        for (int i = 0;; ++i) {
            DcmItem* inst = nullptr;
            if (series->findAndGetSequenceItem(DCM_ReferencedInstanceSequence, inst, i).bad()) break;
            listed.insert(stringOf(*inst, DCM_ReferencedSOPInstanceUID));
        }
        for (const auto& image : contours["images"]) inContours.insert(image["sop_instance_uid"].get<std::string>());
        QCOMPARE(perFrame.size(), ex.labelled);
        QVERIFY(perFrame == listed);
        QVERIFY(perFrame == inContours);
        for (const auto& uid : perFrame) QVERIFY2(uid.rfind("2.25.", 0) == 0, uid.c_str());
        QCOMPARE(contours["study_uid"].get<std::string>(), stringOf(ds, DCM_StudyInstanceUID));
        QCOMPARE(contours["series_uid"].get<std::string>(), stringOf(*series, DCM_SeriesInstanceUID));
        QCOMPARE(contours["frame_of_reference_uid"].get<std::string>(), stringOf(ds, DCM_FrameOfReferenceUID));
        QVERIFY(contours["patient_identity_removed"].get<bool>());
        QVERIFY(!contours.contains("patient_id") && !contours.contains("patient_name"));
        // It is still a segmentation DCMTK reads, one frame per image and segment.
        DcmSegmentation* raw = nullptr;
        QVERIFY(DcmSegmentation::loadFile(segFile.c_str(), raw).good());
        std::unique_ptr<DcmSegmentation> seg(raw);
        QCOMPARE(static_cast<std::size_t>(seg->getNumberOfFrames()), 2 * ex.labelled);

        // The de-identified copies of the source images: each within the profile, the one that
        // says it carries burned-in text left out (and said), and the SEG reads back onto them.
        std::size_t images = 0;
        for (const auto& f : ex.files) {
            if (fs::path(f).parent_path().filename() != "images") continue;
            ++images;
            DcmFileFormat img;
            QVERIFY(img.loadFile(f.c_str()).good());
            const QStringList breaches = profileBreaches(img, ex.identity);
            QVERIFY2(breaches.isEmpty(), qPrintable(QString::fromStdString(f) + ": " + breaches.join("; ")));
            QCOMPARE(stringOf(*img.getDataset(), DCM_PatientIdentityRemoved), std::string("YES"));
            QCOMPARE(stringOf(*img.getMetaInfo(), DCM_MediaStorageSOPInstanceUID),
                     stringOf(*img.getDataset(), DCM_SOPInstanceUID));
        }
        QCOMPARE(images, std::size_t(3 * 4 - 1));
        QVERIFY(std::any_of(ex.warnings.begin(), ex.warnings.end(),
                            [](const std::string& w) { return w.find("1 image(s) not copied") != std::string::npos; }));
        const auto copies = io::loadDicom({fs::path(segFile).parent_path() / "images"}, {});
        QCOMPARE(copies.series.size(), std::size_t(1));
        const image::SeriesLabels back = io::readDicomSeg(segFile, copies.series[0]);
        QVERIFY(back.labelledCount() >= ex.labelled - 1);
    }

    void withoutDeidentificationTheSameChecksFindTheIdentity() {
        testing::TempDir dir;
        EXPORT_OR_FAIL(ex, dir, false);
        QStringList found;
        for (const auto& f : ex.files)
            if (fs::path(f).filename() == "segmentation.dcm" || fs::path(f).filename() == "contours.json")
                found << leaks(readText(f), ex.identity);
        QVERIFY2(found.size() >= 3, qPrintable(found.join(", ")));
        qInfo("not de-identified, the SEG and contours carry %lld of them", static_cast<long long>(found.size()));  // the patient's name, ID, study UID...
    }
};

QTEST_GUILESS_MAIN(TestDeidentify)
#include "test_deidentify.moc"
