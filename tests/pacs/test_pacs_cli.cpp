// cardioseg-cli pacs echo|find|get|send against a real Orthanc, over DIMSE and DICOMweb: the
// JSON keys of CLI.md, and exit 2 with one line for an unreachable node, a refused
// association or login, or a timeout.
#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "fake_node.h"
#include "orthanc.h"
#include "pacs_fixture.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using nlohmann::json;

namespace {

struct Run {
    int rc = -1;
    QByteArray out, err;
    json j;
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(CARDIOSEG_CLI, args);
    p.waitForFinished(120000);
    Run r;
    r.rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.j = json::parse(r.out.toStdString(), nullptr, false);
    return r;
}

}  // namespace

class TestPacsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        CARDIOSEG_START_PACS_FIXTURE(m_fixture);
        m_dimse = QString::fromStdString(m_fixture->orthanc->dimseNode().address());
        m_web = QString::fromStdString(m_fixture->orthanc->webNode().url);
        m_login = QString("%1:%2").arg(testing::Orthanc::kUser, testing::Orthanc::kPassword);
    }

    void echoBothWays() {
        Run r = cli({"pacs", "echo", "--node", m_dimse, "--json"});
        QCOMPARE(r.rc, 0);
        QCOMPARE(r.j["node"].get<std::string>(), m_dimse.toStdString());
        QVERIFY(r.j["ok"].get<bool>());
        QVERIFY(r.j["ms"].get<double>() > 0);
        r = cli({"pacs", "echo", "--node", m_web, "--user", m_login, "--json"});
        QCOMPARE(r.rc, 0);
        QVERIFY(r.j["ok"].get<bool>());
    }

    void findStudiesAndSeries() {
        for (const QStringList& node : {QStringList{"--node", m_dimse}, QStringList{"--node", m_web, "--user", m_login}}) {
            Run r = cli(QStringList{"pacs", "find"} + node + QStringList{"--patient-id", "SYNTHPACS", "--json"});
            QCOMPARE(r.rc, 0);
            QCOMPARE(r.j["results"].size(), std::size_t(1));
            const json& s = r.j["results"][0];
            for (const char* key : {"patient_id", "patient_name", "study_uid", "study_date", "study_description", "modality", "images"})
                QVERIFY2(s.contains(key), key);
            QCOMPARE(s["study_uid"].get<std::string>(), testing::studyUidOf(m_fixture->cine));
            QCOMPARE(s["images"].get<int>(), m_fixture->totalImages());

            r = cli(QStringList{"pacs", "find"} + node +
                    QStringList{"--level", "series", "--study", QString::fromStdString(testing::studyUidOf(m_fixture->cine)), "--json"});
            QCOMPARE(r.rc, 0);
            QCOMPARE(r.j["results"].size(), std::size_t(2));
            for (const json& m : r.j["results"]) {
                QVERIFY(m.contains("series_uid") && m.contains("series_description"));
                QCOMPARE(m["modality"].get<std::string>(), std::string("MR"));
            }
        }
    }

    void getByEachMethod() {
        const QString study = QString::fromStdString(testing::studyUidOf(m_fixture->cine));
        const QString series = QString::fromStdString(testing::seriesUidOf(m_fixture->cine));
        const QList<QStringList> ways{
            {"--node", m_dimse},
            {"--node", m_dimse, "--method", "move", "--port", QString::number(m_fixture->orthanc->dimseNode().ourPort)},
            {"--node", m_web, "--user", m_login}};
        for (const QStringList& way : ways) {
            testing::TempDir out;
            Run r = cli(QStringList{"pacs", "get"} + way +
                        QStringList{"--study", study, "--series", series, "--output", QString::fromStdString(out.path().string()), "--json"});
            QVERIFY2(r.rc == 0, r.err.constData());
            QCOMPARE(r.j["files"].get<int>(), m_fixture->cineImages());
            QVERIFY(r.j["bytes"].get<std::uint64_t>() > 0);
            QVERIFY(r.j.contains("seconds"));
            QCOMPARE(r.j["output"].get<std::string>(), fs::absolute(out.path()).string());
            QCOMPARE(testing::countDicomFiles(out.path()), m_fixture->cineImages());
            m_fixture->verifySameAsUploaded(out.path());
        }
    }

    void sendFilesAndFolders() {
        testing::TempDir dir;
        m_fixture->writeSegmentation(dir / "results" / "seg.dcm");
        Run r = cli({"pacs", "send", "--node", m_dimse, QString::fromStdString((dir / "results").string()),
                     QString::fromStdString((dir / "gone.dcm").string()), "--json"});
        QCOMPARE(r.rc, 1);  // one file could not be sent
        QCOMPARE(r.j["sent"].get<int>(), 1);
        QCOMPARE(r.j["failed"].size(), std::size_t(1));
        QCOMPARE(r.j["failed"][0]["file"].get<std::string>(), (dir / "gone.dcm").string());
        QVERIFY(!r.j["failed"][0]["reason"].get<std::string>().empty());
        m_fixture->verifyStoredSegmentation(dir / "results" / "seg.dcm");

        r = cli({"pacs", "send", "--node", m_web, "--user", m_login, QString::fromStdString((dir / "results").string()), "--json"});
        QCOMPARE(r.rc, 0);
        QCOMPARE(r.j["sent"].get<int>(), 1);
    }

    void failuresExitTwoWithOneLine() {
        testing::FakeNode silent(testing::FakeNode::Behaviour::Silent);
        const QList<QStringList> bad{
            {"--node", QString("ORTHANC@127.0.0.1:%1").arg(testing::freeLoopbackPort())},      // unreachable
            {"--node", QString("WRONG@127.0.0.1:%1").arg(m_fixture->orthanc->dicomPort())},    // refused
            {"--node", m_web, "--user", QString("%1:wrong").arg(testing::Orthanc::kUser)},    // login refused
            {"--node", QString("ORTHANC@127.0.0.1:%1").arg(silent.port()), "--timeout", "2"},  // timeout
        };
        for (const QStringList& b : bad) {
            const Run r = cli(QStringList{"pacs", "echo"} + b);
            QVERIFY2(r.rc == 2, qPrintable(b.join(' ') + ": " + r.err));
            QCOMPARE(r.err.count('\n'), 1);
            QVERIFY(r.err.startsWith("cardioseg-cli: "));
        }
        const Run r = cli({"pacs", "echo", "--node", "no-at-sign"});
        QCOMPARE(r.rc, 2);
    }

private:
    std::unique_ptr<testing::PacsFixture> m_fixture;
    QString m_dimse, m_web, m_login;
};

QTEST_GUILESS_MAIN(TestPacsCli)
#include "test_pacs_cli.moc"
