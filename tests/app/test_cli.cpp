// cardioseg-cli as lab scripts call it: exit codes, stdout/stderr discipline, JSON keys.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include <set>

#include "dicom_validation.h"
#ifdef CARDIOSEG_HAVE_ENGINE
#include "engine/segmenter.h"
#endif
#include "io/dicom_loader.h"
#include "io/dicom_seg.h"
#include "identity_study.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace cardioseg;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(CARDIOSEG_CLI, args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
}

/// Four images of the shipped sample (instances 121-124 of SCD0000101) into `dir`.
void copySampleImages(const fs::path& dir) {
    fs::create_directories(dir);
    for (int instance = 121; instance <= 124; ++instance)
        fs::copy_file(fs::path(CARDIOSEG_SOURCE_DIR) / "resources" / "sample" / "dicoms" / "SCD0000101" /
                          (std::to_string(instance) + ".dcm"),
                      dir / (std::to_string(instance) + ".dcm"), fs::copy_options::none);
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void infoJson() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        { std::ofstream(dir / "study" / "junk.bin") << "junk"; }
        const auto files = testing::writeSeries(dir / "study", s);
        const auto sizeBefore = fs::file_size(files[0]);

        const Run r = cli({"info", QString::fromStdString((dir / "study").string()), "--json"});
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out);  // stdout is exactly one JSON object
        QVERIFY(j.is_object());
        QCOMPARE(j["series"].size(), std::size_t(1));
        const json& se = j["series"][0];
        for (const char* key : {"uid", "patient_id", "description", "modality", "rows", "columns", "slices",
                                "phases", "images", "pixel_spacing", "slice_spacing"})
            QVERIFY2(se.contains(key), key);
        QCOMPARE(se["uid"].get<std::string>(), s.seriesUid);
        QCOMPARE(se["patient_id"].get<std::string>(), s.patientId);
        QCOMPARE(se["modality"].get<std::string>(), std::string("MR"));
        QCOMPARE(se["rows"].get<int>(), s.rows);
        QCOMPARE(se["columns"].get<int>(), s.columns);
        QCOMPARE(se["slices"].get<int>(), s.slices);
        QCOMPARE(se["phases"].get<int>(), s.phases);
        QCOMPARE(se["images"].get<int>(), s.slices * s.phases);
        QCOMPARE(se["pixel_spacing"][0].get<double>(), s.rowSpacing);
        QCOMPARE(se["pixel_spacing"][1].get<double>(), s.colSpacing);
        QVERIFY(std::abs(se["slice_spacing"].get<double>() - s.sliceSpacing) < 1e-6);
        QCOMPARE(j["skipped"].size(), std::size_t(1));
        QVERIFY(j["skipped"][0]["file"].get<std::string>().find("junk.bin") != std::string::npos);
        QCOMPARE(j["skipped"][0]["reason"].get<std::string>(), std::string("not a DICOM file"));
        QCOMPARE(fs::file_size(files[0]), sizeBefore);
    }

    void infoHumanReadable() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir.path(), s);
        const Run r = cli({"info", QString::fromStdString(dir.path().string())});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("4 slices x 5 phases") != std::string::npos);
    }

    void unusableInputExitsTwoWithOneLine() {
        Run r = cli({"info", "/nonexistent/study", "--json"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY(r.err.find("/nonexistent/study") != std::string::npos);
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), 1l);

        testing::TempDir dir;
        { std::ofstream(dir / "a.txt") << "text"; }
        r = cli({"info", QString::fromStdString(dir.path().string()), "--json"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY(r.err.find("no DICOM image") != std::string::npos);
    }

    void badUsage() {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"info"}).code, 2);
        QCOMPARE(cli({"frobnicate"}).code, 2);
        QCOMPARE(cli({"bench", "load", "--threads", "-3"}).code, 2);
        const Run help = cli({"info", "--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.find("--json") != std::string::npos);
    }

    void benchLoadJson() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir.path(), s);
        const Run r = cli({"bench", "load", "--input", QString::fromStdString(dir.path().string()), "--repeat",
                           "2", "--threads", "1", "--json"});
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out);
        for (const char* key : {"what", "arch", "size", "batch", "threads", "device", "median_ms", "n"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["what"].get<std::string>(), std::string("load"));
        QCOMPARE(j["batch"].get<int>(), s.slices * s.phases);
        QCOMPARE(j["threads"].get<int>(), 1);
        QCOMPARE(j["n"].get<int>(), 2);
        QVERIFY(j["median_ms"].get<double>() > 0);
    }

#ifdef CARDIOSEG_HAVE_ENGINE
    void trainEvaluateSegmentEndToEnd() {
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        s.slices = 2;
        s.phases = 4;
        const std::vector<int> labelled = testing::writeScdDataset(dir / "scd", s);
        const QString scd = QString::fromStdString((dir / "scd").string());
        const QString model = QString::fromStdString((dir / "m.pt").string());

        Run r = cli({"train", "--dataset", scd, "--output", model, "--backbone", "resnet18-w8", "--iterations", "12",
                     "--batch", "2", "--crop", "48", "--threads", "2", "--validate-patients", "SYNTH001", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        json j = json::parse(r.out);
        QCOMPARE(j["iterations"].get<int>(), 12);
        QCOMPARE(j["images"].get<int>(), 4);
        QCOMPARE(j["arch"].get<std::string>(), std::string("deeplabv3-resnet18-w8-os8"));
        QVERIFY(fs::exists(dir / "m.pt"));
        QVERIFY(!fs::exists(dir / "m.pt.ckpt"));  // checkpoints go once the model is written

        // Fine-tuning on two chosen images; the base model is never modified.
        const auto baseBytes = fs::file_size(dir / "m.pt");
        const QString images = QString("%1,%2").arg(labelled[0]).arg(labelled[1]);
        const QString tuned = QString::fromStdString((dir / "tuned.pt").string());
        r = cli({"finetune", "--model", model, "--dataset", scd, "--images", images, "--iterations", "4", "--batch", "2",
                 "--threads", "2", "--output", tuned, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json::parse(r.out);
        for (const char* key : {"model", "base", "patients", "images", "instances", "replay_images", "iterations", "batch",
                                "seconds", "device", "final_loss", "held_out_images", "dice_before", "dice_after",
                                "replay_dice_before", "replay_dice_after", "accepted", "decision", "skipped"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["images"].get<int>(), 2);
        QCOMPARE(j["iterations"].get<int>(), 4);
        QCOMPARE(j["model"].get<std::string>(), tuned.toStdString());
        QVERIFY(fs::exists(tuned.toStdString()));
        QCOMPARE(fs::file_size(dir / "m.pt"), baseBytes);
        // Crop size and loss terms of the fine-tune can be chosen.
        r = cli({"finetune", "--model", model, "--dataset", scd, "--images", images, "--iterations", "2", "--batch", "2",
                 "--crop", "32", "--dice-weight", "0", "--threads", "2", "--output", tuned, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(json::parse(r.out)["iterations"].get<int>(), 2);
        QCOMPARE(cli({"finetune", "--model", model, "--dataset", scd, "--crop", "8", "--output", tuned}).code, 2);
        // The labels of images that carry none, a missing dataset, and two stopping rules are refused.
        QCOMPARE(cli({"finetune", "--model", model, "--dataset", scd, "--images", "9999", "--output", tuned}).code, 2);
        QCOMPARE(cli({"finetune", "--model", model, "--dataset", scd + "/nowhere", "--output", tuned}).code, 2);
        QCOMPARE(cli({"finetune", "--model", model, "--dataset", scd, "--iterations", "3", "--seconds", "9", "--output",
                      tuned}).code,
                 2);

        // A trained model carries its int8 activation ranges; quantize records them again for
        // any model, from the labelled images given, into a new file.
        const QString quantised = QString::fromStdString((dir / "q.pt").string());
        r = cli({"quantize", "--model", model, "--dataset", scd, "--images", "3", "--output", quantised, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json::parse(r.out);
        QCOMPARE(j["images"].get<int>(), 3);
        QVERIFY(j["int8_ranges"].get<bool>());
        QVERIFY(engine::hasInt8Ranges(engine::Model::load(quantised.toStdString())));
        QVERIFY(engine::hasInt8Ranges(engine::Model::load(model.toStdString())));
        QCOMPARE(cli({"quantize", "--model", model, "--dataset", scd + "/nowhere", "--output", quantised}).code, 2);

        r = cli({"evaluate", "--dataset", scd, "--model", model, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json::parse(r.out);
        for (const char* key : {"model", "patients", "images", "classes", "dice", "iou", "hausdorff_mm", "assd_mm",
                                "mean_iou", "mean_dice", "mean_acc", "freqw_acc", "overall_acc", "per_patient",
                                "engine"})
            QVERIFY2(j.contains(key), key);
        QVERIFY(j["engine"].get<std::string>().rfind("cpu: ", 0) == 0);
        // --fp32: neither int8 nor bf16.
        r = cli({"evaluate", "--dataset", scd, "--model", model, "--fp32", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY(json::parse(r.out)["engine"].get<std::string>().find("fp32") != std::string::npos);
        r = cli({"evaluate", "--dataset", scd, "--model", model, "--json"});
        j = json::parse(r.out);
        QCOMPARE(j["images"].get<int>(), 4);
        QCOMPARE(j["classes"], json({"background", "lv_blood_pool", "lv_myocardium"}));
        QVERIFY(j["dice"].contains("lv_blood_pool") && j["dice"].contains("lv_myocardium"));
        QVERIFY(j["per_patient"].contains("SYNTH001"));
        QVERIFY(j["per_patient"]["SYNTH001"]["dice"].contains("lv_myocardium"));
        // The ventricle's coverage against the experts' slices, and whole-volume figures.
        QCOMPARE(j["per_patient"]["SYNTH001"]["coverage"].size(), std::size_t(2));  // the two labelled phases
        QCOMPARE(j["per_patient"]["SYNTH001"]["coverage"][0]["experts"], json({0, s.slices - 1}));
        QVERIFY(j["whole_volume"]["dice"].contains("lv_blood_pool"));
        QVERIFY(j["whole_volume"]["labels_outside_experts_ml"].get<double>() >= 0);
        // LV function from the expert labels and from the model's labels of the same images.
        const json& fn = j["per_patient"]["SYNTH001"]["function"];
        for (const char* key : {"expert", "model", "edv_error_percent", "esv_error_percent", "ef_difference_points",
                                "blood_pool_dice_ed", "blood_pool_dice_es", "edv_error_bound_percent", "esv_error_bound_percent"})
            QVERIFY2(fn.contains(key), key);
        QCOMPARE(fn["expert"]["ed_phase"].get<int>(), 0);
        QCOMPARE(fn["expert"]["es_phase"].get<int>(), s.phases / 2);
        QVERIFY(fn["expert"]["edv_ml"].get<double>() > fn["expert"]["esv_ml"].get<double>());
        QCOMPARE(fn["expert"]["es_blood_pool_mm2"].size(), std::size_t(s.slices));
        const double acc = j["overall_acc"].get<double>();
        QVERIFY(acc >= 0 && acc <= 1);

        r = cli({"evaluate", "--dataset", scd, "--model", model, "--exclude-images", "1,2,3,4,5,6,7,8", "--json"});
        QCOMPARE(r.code, 2);  // nothing left to evaluate

        const QString out = QString::fromStdString((dir / "out").string());
        r = cli({"segment", "--input", QString::fromStdString((dir / "scd" / "dicoms").string()), "--output", out,
                 "--model", model, "--format", "png", "nifti", "dicom-seg", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json::parse(r.out);
        for (const char* key : {"images", "seconds", "device", "model", "outputs"}) QVERIFY2(j.contains(key), key);
        QCOMPARE(j["images"].get<int>(), 8);
        QCOMPARE(j["coverage"][s.seriesUid].size(), std::size_t(s.phases));
        QCOMPARE(j["device"].get<std::string>(), std::string("cpu"));
        QCOMPARE(j["outputs"].size(), std::size_t(8 + 2));
        for (const auto& p : j["outputs"]) QVERIFY(fs::exists(p.get<std::string>()));

        // Cardiac function from those labels (PNG masks, NIfTI) and from the model directly.
        const QString dicoms = QString::fromStdString((dir / "scd" / "dicoms").string());
        for (const QString& labels : {out, out + "/labels.nii.gz"}) {
            r = cli({"measure", "--input", dicoms, "--labels", labels, "--json"});
            QVERIFY2(r.code == 0 || r.code == 2, r.err.c_str());
            if (r.code == 2) {  // a model this small may find no ventricle: then it says so
                QVERIFY(r.err.find("no labelled") != std::string::npos);
                continue;
            }
            j = json::parse(r.out);
            for (const char* key : {"ed_phase", "es_phase", "edv_ml", "esv_ml", "sv_ml", "ef_percent", "lv_mass_g",
                                    "volumes_ml"})
                QVERIFY2(j.contains(key), key);
            QCOMPARE(j["volumes_ml"].size(), std::size_t(4));
        }
        r = cli({"measure", "--input", dicoms, "--model", model, "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(json::parse(r.out)["volumes_ml"].size(), std::size_t(4));
        QCOMPARE(json::parse(r.out)["coverage"].size(), std::size_t(4));  // per phase: [base, apex] or null

        // The images to correct first, among the experts' (their labels stand for corrections).
        r = cli({"suggest", "--dataset", scd, "--patient", "SYNTH001", "--model", model, "--count", "3", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json::parse(r.out);
        QVERIFY(!j["images"].empty() && j["images"].size() <= 3);
        for (const auto& instance : j["images"])
            QVERIFY(std::find(labelled.begin(), labelled.end(), instance.get<int>()) != labelled.end());
        for (const char* key : {"instance", "slice", "phase", "phase_kind", "region", "uncertainty"})
            QVERIFY2(j["suggestions"][0].contains(key), key);
        QCOMPARE(cli({"suggest", "--model", model}).code, 2);
        QCOMPARE(cli({"measure", "--input", dicoms, "--labels", QString::fromStdString((dir / "none").string())}).code, 2);
    }

    void finetuneTrainsBasalSlicesAsImagesWithoutVentricle() {
        // Experts who start at slice 1 of 4: with --negatives basal, slice 0 at both phases they
        // drew joins the fine-tune as an image without ventricle; it is not counted as a correction.
        testing::TempDir dir;
        testing::writeScdDatasetWithBasalGap(dir / "scd");
        const QString scd = QString::fromStdString((dir / "scd").string());
        const QString model = QString::fromStdString((dir / "m.pt").string());
        Run r = cli({"train", "--dataset", scd, "--output", model, "--backbone", "resnet18-w8", "--iterations", "2",
                     "--batch", "2", "--crop", "32", "--threads", "2", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const QString tuned = QString::fromStdString((dir / "tuned.pt").string());
        for (const char* negatives : {"none", "basal"}) {
            r = cli({"finetune", "--model", model, "--dataset", scd, "--negatives", negatives, "--iterations", "2",
                     "--batch", "2", "--crop", "32", "--threads", "2", "--output", tuned, "--json"});
            QVERIFY2(r.code == 0, r.err.c_str());
            const json j = json::parse(r.out);
            QCOMPARE(j["images"].get<int>(), 6);  // 3 labelled slices x 2 phases
            QCOMPARE(j["negative_images"].get<int>(), std::string(negatives) == "basal" ? 2 : 0);
            QCOMPARE(j["instances"].size(), std::size_t(6));
        }
        QCOMPARE(cli({"finetune", "--model", model, "--dataset", scd, "--negatives", "apical", "--output", tuned}).code,
                 2);
    }

    void deidentifiedSegmentationPrintsAndWritesNoIdentifyingValue() {
        // A study full of identifying values, segmented to every format de-identified: neither
        // what the command prints (its log included) nor what it writes carries any of them.
        testing::TempDir dir;
        testing::SyntheticSeries s;
        s.rows = s.columns = 64;
        s.slices = 2;
        s.phases = 2;
        s.phantom = true;
        s.archiveDefects = true;  // values the SEG must repair: their notes name no value either
        const testing::Identity identity = testing::fillWithIdentity(testing::writeSeries(dir / "study", s));
        const QString out = QString::fromStdString((dir / "out").string());
        const Run r = cli({"segment", "--input", QString::fromStdString((dir / "study").string()), "--output", out,
                           "--format", "png", "nifti", "dicom-seg", "--deidentify", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        for (const std::string* printed : {&r.out, &r.err}) {
            const auto found = testing::identityIn(*printed, identity);
            QVERIFY2(found.empty(), found.empty() ? "" : (found.front() + " printed").c_str());
        }
        int files = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir / "out")) {
            if (!e.is_regular_file()) continue;
            ++files;
            std::ifstream in(e.path(), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const auto found = testing::identityIn(bytes + e.path().filename().string(), identity);
            QVERIFY2(found.empty(), found.empty() ? "" : (e.path().string() + ": " + found.front()).c_str());
        }
        QVERIFY(files >= 3);
        const auto errors = testing::dciodvfyErrors(dir / "out" / "segmentation.dcm");
        QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
    }

    void segmentWritesMeasurementsAndReportForAPacs() {
        // The measurements as a TID 1500 SR and the PDF report, also as Encapsulated PDF: what
        // `pacs send` takes to the hospital's PACS.
        // Images of the shipped sample (a real study, which the shipped model segments).
        testing::TempDir dir;
        copySampleImages(dir / "study");
        const QString out = QString::fromStdString((dir / "out").string());
        QStringList formats{"dicom-sr"};
#ifdef CARDIOSEG_CLI_REPORT
        formats << "report";
#endif
        const Run r = cli(QStringList{"segment", "--input", QString::fromStdString((dir / "study").string()), "--output",
                                      out, "--format"} +
                          formats + QStringList{"--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        // The source's UIDs (leading zeros) are repeated as they are: references must match.
        const auto source = io::loadDicom({dir / "study"}).series.at(0);
        std::set<std::string> uids{source.info.studyUid, source.info.seriesUid};
        for (const auto& f : source.frames) uids.insert(f.sopInstanceUid);
        const fs::path sr = dir / "out" / "measurements_sr.dcm";
        auto errors = testing::dciodvfyErrors(sr, uids);
        QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
#ifdef CARDIOSEG_CLI_REPORT
        std::ifstream pdf(dir / "out" / "report.pdf", std::ios::binary);
        std::string head(5, '\0');
        pdf.read(head.data(), 5);
        QCOMPARE(head, std::string("%PDF-"));
        errors = testing::dciodvfyErrors(dir / "out" / "report.dcm", uids);
        QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
        QCOMPARE(json::parse(r.out)["outputs"].size(), std::size_t(3));
#endif
    }

    void segmentWritesValidDicomSegOfARealStudy() {
        // Four images of the shipped sample (a real study: UIDs with leading zeros, StudyDate
        // 20120000) segmented by the shipped model and exported as PNG and DICOM SEG.
        testing::TempDir dir;
        copySampleImages(dir / "study");
        const QString out = QString::fromStdString((dir / "out").string());
        Run r = cli({"segment", "--input", QString::fromStdString((dir / "study").string()), "--output", out,
                     "--format", "png", "dicom-seg", "--json"});
        QVERIFY2(r.code == 0, r.err.c_str());
        const json j = json::parse(r.out);
        QCOMPARE(j["images"].get<int>(), 4);
        QVERIFY(j["warnings"].size() > 0);  // the source's invalid values, said
        QVERIFY(r.err.find("StudyDate '20120000'") != std::string::npos);
        const auto series = io::loadDicom({dir / "study"}).series.at(0);
        std::set<std::string> uids{series.info.studyUid, series.info.seriesUid, series.info.frameOfReferenceUid};
        for (const auto& f : series.frames) uids.insert(f.sopInstanceUid);
        const auto errors = testing::dciodvfyErrors(dir / "out" / "segmentation.dcm", uids);
        QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
        QCOMPARE(io::readDicomSeg(dir / "out" / "segmentation.dcm", series).labelledCount(), std::size_t(4));

        // A failed export says what was written before it.
        fs::remove(dir / "out" / "segmentation.dcm");
        fs::create_directories(dir / "out" / "segmentation.dcm" / "in-the-way");
        r = cli({"segment", "--input", QString::fromStdString((dir / "study").string()), "--output", out,
                 "--format", "png", "dicom-seg"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.find("written before the failure: 4 .png files in") != std::string::npos, r.err.c_str());
    }

    void benchInferAndTrain() {
        for (const char* what : {"infer", "train"}) {
            const Run r = cli({"bench", what, "--arch", "deeplabv3-resnet18-w8-os16", "--size", "64", "--batch", "2",
                               "--repeat", "2", "--threads", "1", "--json"});
            QVERIFY2(r.code == 0, r.err.c_str());
            const json j = json::parse(r.out);
            for (const char* key : {"what", "arch", "size", "batch", "threads", "device", "median_ms", "n"})
                QVERIFY2(j.contains(key), key);
            QCOMPARE(j["what"].get<std::string>(), std::string(what));
            QCOMPARE(j["arch"].get<std::string>(), std::string("deeplabv3-resnet18-w8-os16"));
            QCOMPARE(j["n"].get<int>(), 2);
            QCOMPARE(j["threads"].get<int>(), 1);
        }
        QCOMPARE(cli({"bench", "infer", "--arch", "vgg16"}).code, 2);
    }

    void badModelAndDatasetAreUsageErrors() {
        testing::TempDir dir;
        { std::ofstream(dir / "bad.pt") << "not a model"; }
        Run r = cli({"evaluate", "--dataset", QString::fromStdString(dir.path().string()), "--model",
                     QString::fromStdString((dir / "bad.pt").string()), "--json"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY(r.err.find("bad.pt") != std::string::npos);
        testing::SyntheticSeries s;
        s.rows = s.columns = 48;
        s.slices = 2;
        s.phases = 2;
        testing::writeScdDataset(dir / "scd", s);
        r = cli({"train", "--dataset", QString::fromStdString((dir / "scd").string()), "--output",
                 QString::fromStdString((dir / "m.pt").string()), "--patients", "NOBODY"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("NOBODY") != std::string::npos);
    }
#endif
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
