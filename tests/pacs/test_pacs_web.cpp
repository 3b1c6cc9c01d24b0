// DICOMweb (QIDO-RS, WADO-RS, STOW-RS) against a real Orthanc with its DICOMweb plugin and
// HTTP authentication on: the same capabilities and failures as over DIMSE.
#include <QtTest>

#include <csignal>
#include <set>

#include "dicomweb/dicomweb_client.h"
#include "fake_node.h"
#include "io/atomic_file.h"
#include "orthanc.h"
#include "pacs_fixture.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using pacs::NetworkError;

class TestPacsWeb : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        CARDIOSEG_START_PACS_FIXTURE(m_fixture);
    }
    void cleanup() { io::setWriteFault({}); }

    void partTenUidIsRead() {
        const auto& [uid, file] = *m_fixture->uploaded.begin();
        QFile f(QString::fromStdString(file.string()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(net::sopInstanceUidOfPart10(f.readAll().toStdString()), uid);
        QVERIFY(net::sopInstanceUidOfPart10("not dicom").empty());
    }

    void echoAndFind() {
        auto client = net::makeClient(m_fixture->orthanc->webNode());
        QVERIFY(client->echo() > 0);
        pacs::Query q;
        q.patientId = m_fixture->cine.patientId;
        const auto studies = client->findAll(q);
        QCOMPARE(studies.size(), std::size_t(1));
        QCOMPARE(studies[0].studyUid, testing::studyUidOf(m_fixture->cine));
        QCOMPARE(studies[0].patientName, "Synthetic^" + m_fixture->cine.patientId);
        QCOMPARE(studies[0].images, m_fixture->totalImages());

        pacs::Query s;
        s.level = pacs::Level::Series;
        s.studyUid = studies[0].studyUid;
        const auto series = client->findAll(s);
        QCOMPARE(series.size(), std::size_t(2));
        for (const auto& m : series)
            QCOMPARE(m.images, m.seriesUid == testing::seriesUidOf(m_fixture->cine) ? m_fixture->cineImages()
                                                                                   : m_fixture->secondImages());
        q.patientId = "NOBODY";
        QVERIFY(client->findAll(q).empty());
    }

    void wadoRetrievesBitPreservingAndResumes() {
        testing::TempDir dir;
        auto client = net::makeClient(m_fixture->orthanc->webNode());
        pacs::RetrieveRequest rq{testing::studyUidOf(m_fixture->cine), {}, dir.path()};
        try {
            client->retrieve(rq, [&](const pacs::RetrieveProgress& p) { return p.received < 6; });
            QFAIL("cancelling did not stop the retrieval");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Cancelled);
        }
        const int partial = testing::countDicomFiles(dir.path() / ".incoming");
        QVERIFY2(partial >= 6 && partial < m_fixture->totalImages(), qPrintable(QString::number(partial)));
        const auto r = client->retrieve(rq, {});
        QCOMPARE(r.alreadyHere, partial);
        QCOMPARE(r.files + r.alreadyHere, m_fixture->totalImages());
        m_fixture->verifySameAsUploaded(dir.path());
    }

    void stowSendsASegmentation() {
        testing::TempDir dir;
        const fs::path seg = dir / "seg.dcm";
        m_fixture->writeSegmentation(seg);
        {
            QFile junk(QString::fromStdString((dir / "junk.dcm").string()));
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write("not a DICOM file");
        }
        auto client = net::makeClient(m_fixture->orthanc->webNode());
        const auto r = client->send({seg, dir / "junk.dcm"}, {});
        QCOMPARE(r.sent, 1);
        QCOMPARE(r.failed.size(), std::size_t(1));
        QCOMPARE(r.failed[0].file, (dir / "junk.dcm").string());
        m_fixture->verifyStoredSegmentation(seg);
    }

    void stowSendsMeasurementsAndReport() {
        testing::TempDir dir;
        const auto results = m_fixture->writeResults(dir.path());
        const auto r = net::makeClient(m_fixture->orthanc->webNode())->send(results, {});
        QCOMPARE(r.sent, 2);
        m_fixture->verifyStoredResults(results);
    }

    void wrongPasswordIsRefused() {
        pacs::Node node = m_fixture->orthanc->webNode();
        node.password = "wrong";
        try {
            net::makeClient(node)->echo();
            QFAIL("a wrong password was accepted");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Refused);
            QVERIFY2(std::string(e.what()).find("login") != std::string::npos, e.what());
        }
    }

    void unreachableAndSilentAndGarbage() {
        pacs::Node node = m_fixture->orthanc->webNode();
        node.url = "http://127.0.0.1:" + std::to_string(testing::freeLoopbackPort()) + "/dicom-web";
        try {
            net::makeClient(node)->echo();
            QFAIL("nothing listens there");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Unreachable);
        }
        testing::FakeNode silent(testing::FakeNode::Behaviour::Silent);
        node.url = "http://127.0.0.1:" + std::to_string(silent.port()) + "/dicom-web";
        node.timeoutSeconds = 2;
        QElapsedTimer t;
        t.start();
        try {
            net::makeClient(node)->echo();
            QFAIL("a node that never answers was reached");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Timeout);
        }
        QVERIFY(t.elapsed() < 15000);
        testing::FakeNode garbage(testing::FakeNode::Behaviour::Garbage);
        node.url = "http://127.0.0.1:" + std::to_string(garbage.port()) + "/dicom-web";
        try {
            net::makeClient(node)->echo();
            QFAIL("garbage was taken for an answer");
        } catch (const NetworkError& e) {
            QVERIFY2(e.kind() == NetworkError::Kind::Malformed || e.kind() == NetworkError::Kind::Aborted, e.what());
        }
    }

    void fullDiskLeavesNothingHalfWritten() {
        testing::TempDir dir;
        std::atomic<int> writes{0};
        io::setWriteFault([&](const fs::path&) { return ++writes > 3 ? ENOSPC : 0; });
        try {
            net::makeClient(m_fixture->orthanc->webNode())->retrieve({testing::studyUidOf(m_fixture->cine), {}, dir.path()}, {});
            QFAIL("a full disk went unnoticed");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Storage);
        }
        QCOMPARE(testing::countDicomFiles(dir.path() / ".incoming"), 3);
        QVERIFY(testing::atomicTemporariesIn(dir.path()).empty());
    }

    void peerStoppingMidTransferIsSaid() {
        testing::TempDir dir;
        pacs::Node node = m_fixture->orthanc->webNode();
        node.timeoutSeconds = 3;
        const qint64 pid = m_fixture->orthanc->processId();
        const std::vector<std::string> uploadedSeries{testing::seriesUidOf(m_fixture->cine), testing::seriesUidOf(m_fixture->second)};
        try {
            net::makeClient(node)->retrieve({testing::studyUidOf(m_fixture->cine), uploadedSeries, dir.path()},
                                            [&](const pacs::RetrieveProgress& p) {
                                                if (p.received == 4) ::kill(static_cast<pid_t>(pid), SIGKILL);
                                                return true;
                                            });
            QFAIL("the node's end went unnoticed");
        } catch (const NetworkError& e) {
            QVERIFY2(e.kind() != NetworkError::Kind::Cancelled && e.kind() != NetworkError::Kind::Storage, e.what());
        }
        testing::verifyWholeDicomFiles(dir.path());
        // What HTTP had buffered may complete a series; a series in place is whole.
        const fs::path cineFolder = pacs::seriesFolder(dir.path(), testing::seriesUidOf(m_fixture->cine));
        QVERIFY(!fs::exists(cineFolder) || testing::countDicomFiles(cineFolder) == m_fixture->cineImages());
        QVERIFY2(m_fixture->orthanc->start(), qPrintable(m_fixture->orthanc->error()));
        const auto r = net::makeClient(node)->retrieve({testing::studyUidOf(m_fixture->cine), uploadedSeries, dir.path()}, {});
        QCOMPARE(r.files + r.alreadyHere, m_fixture->totalImages());
        QVERIFY(r.alreadyHere >= 4);
        m_fixture->verifySameAsUploaded(dir.path());
    }

private:
    std::unique_ptr<testing::PacsFixture> m_fixture;
};

QTEST_GUILESS_MAIN(TestPacsWeb)
#include "test_pacs_web.moc"
