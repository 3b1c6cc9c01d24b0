// DIMSE against a real Orthanc started for the test on free loopback ports: echo, find, C-GET
// and C-MOVE into a retrieval folder (bit-preserving, resumable), sending results back, and
// each failure a hospital network produces.
#include <QtTest>

#include <QJsonObject>
#include <QProcess>

#include <csignal>
#include <set>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include "fake_node.h"
#include "io/atomic_file.h"
#include "io/dicom_loader.h"
#include "io/dicom_seg.h"
#include "orthanc.h"
#include "pacs/pacs.h"
#include "pacs_fixture.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;
using pacs::NetworkError;

class TestPacsDimse : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        CARDIOSEG_START_PACS_FIXTURE(m_fixture);
    }
    void cleanup() { io::setWriteFault({}); }

    void echoAnswers() {
        auto client = pacs::makeDimseClient(m_fixture->orthanc->dimseNode());
        const double ms = client->echo();
        QVERIFY(ms > 0 && ms < 10000);
    }

    void findsStudiesAndSeries() {
        auto client = pacs::makeDimseClient(m_fixture->orthanc->dimseNode());
        pacs::Query q;
        q.patientId = m_fixture->cine.patientId;
        const auto studies = client->findAll(q);
        QCOMPARE(studies.size(), std::size_t(1));
        QCOMPARE(studies[0].studyUid, testing::studyUidOf(m_fixture->cine));
        QCOMPARE(studies[0].patientId, m_fixture->cine.patientId);
        QCOMPARE(studies[0].images, m_fixture->totalImages());
        QCOMPARE(studies[0].series, 2);

        q.patientId = "NOBODY";
        QVERIFY(client->findAll(q).empty());

        pacs::Query s;
        s.level = pacs::Level::Series;
        s.studyUid = testing::studyUidOf(m_fixture->cine);
        const auto series = client->findAll(s);
        QCOMPARE(series.size(), std::size_t(2));
        std::set<std::string> uids;
        for (const auto& m : series) uids.insert(m.seriesUid);
        QVERIFY(uids.count(testing::seriesUidOf(m_fixture->cine)));
        QVERIFY(uids.count(testing::seriesUidOf(m_fixture->second)));

        // A wildcard on the name and a date range that excludes the study.
        pacs::Query w;
        w.patientName = "Synth*";
        QCOMPARE(client->findAll(w).size(), std::size_t(1));
        w.studyDate = "19000101-19000102";
        QVERIFY(client->findAll(w).empty());
    }

    void getRetrievesBitPreservingAndResumes() {
        testing::TempDir dir;
        pacs::Node node = m_fixture->orthanc->dimseNode();
        auto client = pacs::makeDimseClient(node);
        pacs::RetrieveRequest rq{testing::studyUidOf(m_fixture->cine), {}, dir.path()};

        // Cancelled after 7 images: what arrived waits hidden, nothing is in place as complete.
        int calls = 0;
        try {
            client->retrieve(rq, [&](const pacs::RetrieveProgress& p) { return ++calls, p.received < 7; });
            QFAIL("cancelling did not stop the retrieval");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Cancelled);
        }
        QVERIFY(!fs::exists(pacs::seriesFolder(dir.path(), testing::seriesUidOf(m_fixture->cine))));
        const int partial = testing::countDicomFiles(dir.path() / ".incoming");
        QVERIFY2(partial >= 7 && partial < m_fixture->totalImages(), qPrintable(QString::number(partial)));

        // Resumed: only the rest is asked for; the result is bit for bit what was uploaded.
        std::vector<int> received;
        const auto r = client->retrieve(rq, [&](const pacs::RetrieveProgress& p) {
            received.push_back(p.received);
            return true;
        });
        QCOMPARE(r.alreadyHere, partial);
        QCOMPARE(r.files + r.alreadyHere, m_fixture->totalImages());
        QCOMPARE(r.expected, m_fixture->totalImages());
        QVERIFY(std::is_sorted(received.begin(), received.end()));
        QCOMPARE(received.back(), m_fixture->totalImages());
        QCOMPARE(r.completeSeries.front(), testing::seriesUidOf(m_fixture->cine));  // most images first
        QVERIFY(!fs::exists(dir.path() / ".incoming"));
        m_fixture->verifySameAsUploaded(dir.path());

        // Everything here: nothing is asked for again.
        const auto again = client->retrieve(rq, {});
        QCOMPARE(again.files, 0);
        QCOMPARE(again.alreadyHere, m_fixture->totalImages());
    }

    void moveRetrievesOneSeries() {
        testing::TempDir dir;
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.method = pacs::RetrieveMethod::Move;
        auto client = pacs::makeDimseClient(node);
        const std::string series = testing::seriesUidOf(m_fixture->second);
        const auto r = client->retrieve({testing::studyUidOf(m_fixture->cine), {series}, dir.path()}, {});
        QCOMPARE(r.files, m_fixture->secondImages());
        QCOMPARE(testing::countDicomFiles(pacs::seriesFolder(dir.path(), series)), m_fixture->secondImages());
        QVERIFY(!fs::exists(pacs::seriesFolder(dir.path(), testing::seriesUidOf(m_fixture->cine))));
        m_fixture->verifySameAsUploaded(dir.path());
    }

    void moveCancelsAndResumes() {
        testing::TempDir dir;
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.method = pacs::RetrieveMethod::Move;
        auto client = pacs::makeDimseClient(node);
        const pacs::RetrieveRequest rq{testing::studyUidOf(m_fixture->cine), {testing::seriesUidOf(m_fixture->cine)}, dir.path()};
        try {
            client->retrieve(rq, [](const pacs::RetrieveProgress& p) { return p.received < 3; });
            QFAIL("cancelling did not stop the retrieval");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Cancelled);
        }
        const int partial = testing::countDicomFiles(dir.path());
        QVERIFY2(partial >= 3 && partial < m_fixture->cineImages(), qPrintable(QString::number(partial)));
        const auto r = client->retrieve(rq, {});
        QCOMPARE(r.alreadyHere, partial);
        QCOMPARE(r.files + r.alreadyHere, m_fixture->cineImages());
        m_fixture->verifySameAsUploaded(dir.path());
    }

    void moveToAnUnknownDestinationSaysSo() {
        testing::TempDir dir;
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.method = pacs::RetrieveMethod::Move;
        node.ourAeTitle = "STRANGER";
        auto client = pacs::makeDimseClient(node);
        try {
            client->retrieve({testing::studyUidOf(m_fixture->cine), {}, dir.path()}, {});
            QFAIL("a move to an unknown destination succeeded");
        } catch (const NetworkError& e) {
            // Orthanc refuses an unknown calling AE title at once, or the destination.
            QVERIFY2(std::string(e.what()).find("STRANGER") != std::string::npos, e.what());
        }
        QCOMPARE(testing::countDicomFiles(dir.path()), 0);
    }

    void sendsASegmentationThatReferencesItsSeries() {
        testing::TempDir dir;
        const fs::path seg = dir / "seg.dcm";
        m_fixture->writeSegmentation(seg);
        auto client = pacs::makeDimseClient(m_fixture->orthanc->dimseNode());
        const auto r = client->send({seg, dir / "missing.dcm"}, {});
        QCOMPARE(r.sent, 1);
        QCOMPARE(r.failed.size(), std::size_t(1));
        QVERIFY(r.failed[0].reason.find("not a DICOM file") != std::string::npos);
        m_fixture->verifyStoredSegmentation(seg);
    }

    void sendsMeasurementsAndReport() {
        testing::TempDir dir;
        const auto results = m_fixture->writeResults(dir.path());
        const auto r = pacs::makeDimseClient(m_fixture->orthanc->dimseNode())->send(results, {});
        QCOMPARE(r.sent, 2);
        QVERIFY(r.failed.empty());
        m_fixture->verifyStoredResults(results);
    }

    void refusedAssociationNamesTheAeTitles() {
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.aeTitle = "WRONGAET";
        auto client = pacs::makeDimseClient(node);
        try {
            client->echo();
            QFAIL("a wrong AE title was accepted");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Refused);
            QVERIFY(std::string(e.what()).find("WRONGAET") != std::string::npos);
        }
    }

    void unreachableNodeIsSaidAtOnce() {
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.port = testing::freeLoopbackPort();
        auto client = pacs::makeDimseClient(node);
        QElapsedTimer t;
        t.start();
        try {
            client->echo();
            QFAIL("nothing listens there");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Unreachable);
            QVERIFY2(std::string(e.what()).find("cannot reach") != std::string::npos, e.what());
        }
        QVERIFY(t.elapsed() < 5000);
    }

    void silentNodeTimesOut() {
        testing::FakeNode silent(testing::FakeNode::Behaviour::Silent);
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.port = silent.port();
        node.timeoutSeconds = 2;
        auto client = pacs::makeDimseClient(node);
        QElapsedTimer t;
        t.start();
        try {
            client->echo();
            QFAIL("a node that never answers was reached");
        } catch (const NetworkError& e) {
            QVERIFY2(e.kind() == NetworkError::Kind::Timeout || e.kind() == NetworkError::Kind::Aborted, e.what());
        }
        QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
    }

    void malformedAnswerIsSaid() {
        testing::FakeNode garbage(testing::FakeNode::Behaviour::Garbage);
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.port = garbage.port();
        node.timeoutSeconds = 3;
        auto client = pacs::makeDimseClient(node);
        try {
            client->echo();
            QFAIL("garbage was taken for an association");
        } catch (const NetworkError& e) {
            QVERIFY2(e.kind() != NetworkError::Kind::Refused && e.kind() != NetworkError::Kind::Cancelled, e.what());
            QVERIFY(std::string(e.what()).size() > 10);
        }
    }

    void noCommonSyntaxIsSaid() {
        testing::TempDir dir;
        const fs::path odd = dir / "odd.dcm";
        testing::writePrivateClassObject(odd);
        auto client = pacs::makeDimseClient(m_fixture->orthanc->dimseNode());
        try {
            const auto r = client->send({odd}, {});
            // Some nodes accept the association for other classes: then the file is refused.
            QCOMPARE(r.sent, 0);
            QCOMPARE(r.failed.size(), std::size_t(1));
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::NoCommonSyntax);
        }
    }

    void tlsConnectsOnlyWithTheRightCertificates() {
        // A PACS speaking DICOM over TLS, requiring a client certificate; one self-signed
        // certificate serves both sides, a second one is trusted by nobody.
        testing::TempDir dir;
        for (const char* name : {"pacs", "stranger"}) {
            QProcess openssl;
            openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                                      QString("/CN=%1").arg(name), "-keyout",
                                      QString::fromStdString((dir / (std::string(name) + ".key")).string()), "-out",
                                      QString::fromStdString((dir / (std::string(name) + ".crt")).string())});
            if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) QSKIP("openssl cannot make a test certificate");
        }
        const auto path = [&](const char* f) { return QString::fromStdString((dir / f).string()); };
        testing::Orthanc secure("CARDIOSEG", testing::freeLoopbackPort(),
                                QJsonObject{{"DicomTlsEnabled", true},
                                            {"DicomTlsCertificate", path("pacs.crt")},
                                            {"DicomTlsPrivateKey", path("pacs.key")},
                                            {"DicomTlsTrustedCertificates", path("pacs.crt")},
                                            {"DicomTlsRemoteCertificateRequired", true}});
        QVERIFY2(secure.start(), qPrintable(secure.error()));
        pacs::Node node = secure.dimseNode();
        node.timeoutSeconds = 5;
        node.tls = true;
        node.tlsCaFile = (dir / "pacs.crt").string();
        node.tlsCertFile = (dir / "pacs.crt").string();
        node.tlsKeyFile = (dir / "pacs.key").string();
        QVERIFY(pacs::makeDimseClient(node)->echo() > 0);
        pacs::Query q;
        q.patientId = "NOBODY";
        QVERIFY(pacs::makeDimseClient(node)->findAll(q).empty());

        const auto refused = [&](pacs::Node n, const char* why) {
            try {
                pacs::makeDimseClient(n)->echo();
                QFAIL(why);
            } catch (const NetworkError& e) {
                QVERIFY2(e.kind() != NetworkError::Kind::Cancelled, e.what());
            }
        };
        pacs::Node plain = node;
        plain.tls = false;
        refused(plain, "a plain connection reached a TLS-only PACS");
        pacs::Node anonymous = node;
        anonymous.tlsCertFile.clear();
        anonymous.tlsKeyFile.clear();
        refused(anonymous, "a client without a certificate was let in");
        pacs::Node distrustful = node;
        distrustful.tlsCaFile = (dir / "stranger.crt").string();
        refused(distrustful, "the PACS's certificate was trusted without being so");
        pacs::Node missing = node;
        missing.tlsCaFile = (dir / "none.crt").string();
        try {
            pacs::makeDimseClient(missing)->echo();
            QFAIL("a missing certificate file went unnoticed");
        } catch (const NetworkError& e) {
            QVERIFY2(std::string(e.what()).find("none.crt") != std::string::npos, e.what());
        }
    }

    void fullDiskLeavesNothingHalfWritten() {
        testing::TempDir dir;
        std::atomic<int> writes{0};
        io::setWriteFault([&](const fs::path&) { return ++writes > 4 ? ENOSPC : 0; });
        auto client = pacs::makeDimseClient(m_fixture->orthanc->dimseNode());
        try {
            client->retrieve({testing::studyUidOf(m_fixture->cine), {}, dir.path()}, {});
            QFAIL("a full disk went unnoticed");
        } catch (const NetworkError& e) {
            QCOMPARE(e.kind(), NetworkError::Kind::Storage);
            QVERIFY2(std::string(e.what()).find("No space left on device") != std::string::npos, e.what());
        }
        io::setWriteFault({});
        QCOMPARE(testing::countDicomFiles(dir.path() / ".incoming"), 4);
        QVERIFY(!fs::exists(pacs::seriesFolder(dir.path(), testing::seriesUidOf(m_fixture->cine))));
        QVERIFY(testing::atomicTemporariesIn(dir.path()).empty());
    }

    void peerStoppingMidTransferIsSaidAndResumes() {
        testing::TempDir dir;
        pacs::Node node = m_fixture->orthanc->dimseNode();
        node.timeoutSeconds = 3;
        auto client = pacs::makeDimseClient(node);
        const qint64 pid = m_fixture->orthanc->processId();
        try {
            client->retrieve({testing::studyUidOf(m_fixture->cine), {}, dir.path()}, [&](const pacs::RetrieveProgress& p) {
                if (p.received == 5) ::kill(static_cast<pid_t>(pid), SIGKILL);
                return true;
            });
            QFAIL("the node's end went unnoticed");
        } catch (const NetworkError& e) {
            QVERIFY2(e.kind() == NetworkError::Kind::Aborted || e.kind() == NetworkError::Kind::Timeout ||
                         e.kind() == NetworkError::Kind::Failed,
                     e.what());
        }
        const int arrived = testing::countDicomFiles(dir.path() / ".incoming");
        QVERIFY(arrived >= 5 && arrived < m_fixture->totalImages());
        testing::verifyWholeDicomFiles(dir.path());
        QVERIFY(!fs::exists(pacs::seriesFolder(dir.path(), testing::seriesUidOf(m_fixture->cine))));

        QVERIFY2(m_fixture->orthanc->start(), qPrintable(m_fixture->orthanc->error()));
        // Only the uploaded series: the study also holds the SEG sent above.
        const auto r = client->retrieve(
            {testing::studyUidOf(m_fixture->cine), {testing::seriesUidOf(m_fixture->cine), testing::seriesUidOf(m_fixture->second)}, dir.path()},
            {});
        QCOMPARE(r.alreadyHere, arrived);
        QCOMPARE(r.files + r.alreadyHere, m_fixture->totalImages());
        m_fixture->verifySameAsUploaded(dir.path());
    }

private:
    std::unique_ptr<testing::PacsFixture> m_fixture;
};

QTEST_GUILESS_MAIN(TestPacsDimse)
#include "test_pacs_dimse.moc"
