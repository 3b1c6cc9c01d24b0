// The hospital connection in the workstation, against a real Orthanc: nodes configured and
// verified in their dialog, a study found in the browser (matches as they arrive, series on
// expanding), retrieved into the study cache and opened, corrected, and its results (SEG, SR,
// Encapsulated PDF) sent back through File ▸ Send to PACS.
#include <QtTest>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeWidget>

#include <fstream>

#include "io/study.h"
#include "main_window.h"
#include "orthanc.h"
#include "pacs_dialogs.h"
#include "pacs_fixture.h"
#include "pacs_presenter.h"
#include "ui_test_support.h"

namespace fs = std::filesystem;
using namespace cardioseg;

class TestPacsGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_pacs_gui");
        QSettings().clear();
        fs::remove_all(ui::PacsPresenter::cache().root());
        CARDIOSEG_START_PACS_FIXTURE(m_fixture);
        QSettings().setValue("workspace/root", QString::fromStdString((m_dir / "workspaces").string()));
    }

    void nodesAreConfiguredAndVerified() {
        ui::MainWindow w;
        ui::PacsNodesDialog dialog(w.pacs(), &w);
        const pacs::Node orthanc = m_fixture->orthanc->dimseNode();
        dialog.addNode({});
        dialog.setField("name", "Orthanc");
        dialog.setField("aeTitle", QString::fromStdString(orthanc.aeTitle));
        dialog.setField("host", "127.0.0.1");
        dialog.setField("port", QString::number(orthanc.port));
        dialog.setField("ourPort", QString::number(orthanc.ourPort));
        dialog.findChild<QPushButton*>("verify")->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.verifyResult()->text().startsWith(QStringLiteral("✔")), 15000);
        // A wrong AE title is said in the dialog.
        dialog.setField("aeTitle", "NOTHERE");
        dialog.findChild<QPushButton*>("verify")->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.verifyResult()->text().startsWith(QStringLiteral("✘")), 15000);
        QVERIFY(dialog.verifyResult()->text().contains("NOTHERE"));
        dialog.setField("aeTitle", QString::fromStdString(orthanc.aeTitle));
        const pacs::Node web = m_fixture->orthanc->webNode();
        dialog.addNode(web);
        dialog.accept();
        ui::PacsPresenter::setNodes(dialog.nodes());
        const auto stored = ui::PacsPresenter::nodes();
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(stored[0].name, std::string("Orthanc"));
        QCOMPARE(stored[0].port, orthanc.port);
        QCOMPARE(stored[1].url, web.url);
        QCOMPARE(stored[1].password, web.password);
    }

    void findRetrieveOpenCorrectAndSend() {
        ui::MainWindow w;
        w.setModelPath(QString::fromStdString((m_dir / "none.pt").string()), false);
        w.show();
        ui::StudyBrowserDialog browser(w.pacs(), &w);
        QObject::connect(&browser, &ui::StudyBrowserDialog::openRequested, &w, &ui::MainWindow::openStudy);
        browser.field("patientId")->setText(QString::fromStdString(m_fixture->cine.patientId));
        browser.search();
        QTRY_COMPARE_WITH_TIMEOUT(browser.results()->topLevelItemCount(), 1, 15000);
        QTreeWidgetItem* study = browser.results()->topLevelItem(0);
        QCOMPARE(study->text(1).toStdString(), m_fixture->cine.patientId);
        QCOMPARE(study->text(0).toStdString(), "Synthetic, " + m_fixture->cine.patientId);  // Synthetic^SYNTHPACS
        QCOMPARE(study->text(3), QString("2026-01-01"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.pacs()->isQuerying(), 15000);
        study->setExpanded(true);
        QTRY_COMPARE_WITH_TIMEOUT(study->childCount(), 2, 15000);

        // Two studies retrieved earlier, the cache limit tiny: the one whose corrections were
        // never sent stays, the other goes (after the retrieval, by its job).
        pacs::StudyCache cache = ui::PacsPresenter::cache();
        for (const char* uid : {"1.2.826.0.1.3680043.10.511.9.1", "1.2.826.0.1.3680043.10.511.9.2"}) {
            fs::create_directories(cache.folderOf(uid) / "1.9");
            std::ofstream(cache.folderOf(uid) / "1.9" / "1.9.1.dcm") << std::string(4096, 'x');
            pacs::CachedStudy old;
            old.studyUid = uid;
            old.lastUsed = 1;
            cache.record(old);
        }
        const fs::path corrected = io::workspaceFolderFor(cache.folderOf("1.2.826.0.1.3680043.10.511.9.2"),
                                                          {w.settings().workspaceRoot.toStdString(), false});
        fs::create_directories(corrected);
        std::ofstream(corrected / "workspace.json") << "{}";
        ui::PacsPresenter::setCacheLimitGiB(1e-9);

        // Retrieved and opened once the cine series (the largest) is whole.
        QSignalSpy shown(&w, &ui::MainWindow::studyShown);
        QSignalSpy retrieved(w.pacs(), &ui::PacsPresenter::retrieveFinished);
        browser.results()->setCurrentItem(study);
        browser.retrieveSelected();
        QVERIFY(shown.wait(60000));
        const fs::path folder = ui::PacsPresenter::cache().folderOf(testing::studyUidOf(m_fixture->cine));
        QCOMPARE(w.studies()->path().toStdString(), folder.string());
        QTRY_COMPARE_WITH_TIMEOUT(retrieved.count(), 1, 60000);
        QVERIFY2(retrieved[0][1].toString().isEmpty(), qPrintable(retrieved[0][1].toString()));
        const auto cached = ui::PacsPresenter::cache().list();
        QCOMPARE(cached.size(), std::size_t(2));
        QCOMPARE(cached[0].studyUid, testing::studyUidOf(m_fixture->cine));  // the most recently used
        QVERIFY(cached[0].complete);
        QCOMPARE(cached[0].files, m_fixture->totalImages());
        QCOMPARE(cached[1].studyUid, std::string("1.2.826.0.1.3680043.10.511.9.2"));  // unsent corrections
        QVERIFY(!fs::exists(cache.folderOf("1.2.826.0.1.3680043.10.511.9.1")));
        QCOMPARE(browser.cached()->topLevelItemCount(), 2);
        // Open with corrections nobody sent: the cache keeps it whatever its limit.
        std::vector<std::pair<int, int>> all;
        for (int k = 0; k < m_fixture->cine.slices; ++k)
            for (int p = 0; p < m_fixture->cine.phases; ++p) all.emplace_back(k, p);
        testing::outlinePhantom(w, m_fixture->cine, all);
        w.studies()->save();
        QTRY_VERIFY_WITH_TIMEOUT(!w.studies()->isSaving(), 30000);

        // Results back to the PACS: SEG, SR and the PDF report.
        const int before = m_fixture->orthanc->instanceCount();
        QSignalSpy sent(w.pacs(), &ui::PacsPresenter::sendFinished);
        w.pacs()->send(ui::PacsPresenter::nodes()[0], {});
        QVERIFY(sent.wait(60000));
        QVERIFY2(sent[0][2].toString().isEmpty(), qPrintable(sent[0][2].toString()));
        QCOMPARE(sent[0][0].toInt(), 3);
        QCOMPARE(m_fixture->orthanc->instanceCount(), before + 3);
        const QJsonArray series = m_fixture->orthanc
                                      ->getJson("/studies/" + orthancStudyId() + "/series?expand")
                                      .array();
        QStringList modalities;
        for (const auto& s : series) modalities << s.toObject()["MainDicomTags"].toObject()["Modality"].toString();
        for (const char* m : {"SEG", "SR", "DOC"}) QVERIFY2(modalities.contains(m), qPrintable(modalities.join(',')));
        QVERIFY(ui::PacsPresenter::cache().list()[0].resultsSent > 0);
        ui::PacsPresenter::setCacheLimitGiB(20);
    }

private:
    QString orthancStudyId() const {
        QByteArray reply;
        const QJsonObject q{{"Level", "Study"},
                            {"Query", QJsonObject{{"StudyInstanceUID", QString::fromStdString(testing::studyUidOf(m_fixture->cine))}}}};
        m_fixture->orthanc->post("/tools/find", QJsonDocument(q).toJson(), &reply);
        return QJsonDocument::fromJson(reply).array().at(0).toString();
    }
    testing::TempDir m_dir;
    std::unique_ptr<testing::PacsFixture> m_fixture;
};

QTEST_MAIN(TestPacsGui)
#include "test_pacs_gui.moc"
