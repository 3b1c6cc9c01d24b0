// cardioseg-cli as lab scripts call it: exit codes, stdout/stderr discipline, JSON keys.
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

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
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
