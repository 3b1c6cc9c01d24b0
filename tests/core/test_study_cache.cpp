// The local study cache: its index, least-recently-used eviction under a size limit, and the
// studies it must keep (open in a workstation, or with corrections not yet sent).
#include <QtTest>

#include <chrono>
#include <fstream>

#include "io/study.h"
#include "pacs/study_cache.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;

namespace {

void writeBytes(const fs::path& file, std::size_t n) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << std::string(n, 'x');
}

pacs::CachedStudy cached(const std::string& uid, std::int64_t lastUsed) {
    pacs::CachedStudy s;
    s.studyUid = uid;
    s.patientId = "P" + uid.substr(uid.size() - 1);
    s.complete = true;
    s.lastUsed = lastUsed;
    return s;
}

void setAge(const fs::path& file, std::chrono::seconds age) {
    fs::last_write_time(file, fs::file_time_type::clock::now() - age);
}

}  // namespace

class TestStudyCache : public QObject {
    Q_OBJECT

private slots:
    void indexListsAndMeasures() {
        testing::TempDir dir;
        pacs::StudyCache cache(dir / "studies");
        writeBytes(cache.folderOf("1.2.3") / "1.2.3.1" / "1.2.3.1.1.dcm", 1000);
        writeBytes(cache.folderOf("1.2.3") / "1.2.3.1" / "1.2.3.1.2.dcm", 500);
        cache.record(cached("1.2.3", 100));
        writeBytes(cache.folderOf("1.2.4") / "1.2.4.1" / "1.2.4.1.1.dcm", 10);
        cache.record(cached("1.2.4", 200));
        const auto list = cache.list();
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].studyUid, std::string("1.2.4"));  // most recently used first
        QCOMPARE(list[1].bytes, std::uint64_t(1500));
        QCOMPARE(list[1].files, 2);
        // A second cache object (another process) sees the same index.
        QCOMPARE(pacs::StudyCache(dir / "studies").list().size(), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cache.folderOf("../etc"));
        // A study whose folder is gone is not listed.
        fs::remove_all(cache.folderOf("1.2.4"));
        QCOMPARE(cache.list().size(), std::size_t(1));
    }

    void evictsLeastRecentlyUsedFirstAndKeepsWhatItMust() {
        testing::TempDir dir;
        pacs::StudyCache cache(dir / "studies");
        for (int i = 1; i <= 4; ++i) {
            const std::string uid = "1.2." + std::to_string(i);
            writeBytes(cache.folderOf(uid) / "1.9" / "1.9.1.dcm", 1000);
            cache.record(cached(uid, 1000 + i));  // 1.2.1 is the least recently used
        }
        // 1.2.1 has a workspace beside it (corrections): its images go, the workspace stays.
        writeBytes(cache.folderOf("1.2.1") / io::kWorkspaceFolderName / "workspace.json", 10);
        const auto removed = cache.evict(2100, [](const pacs::CachedStudy& s) { return s.studyUid == "1.2.2"; });
        QCOMPARE(removed, (std::vector<std::string>{"1.2.1", "1.2.3"}));
        QVERIFY(fs::exists(cache.folderOf("1.2.1") / io::kWorkspaceFolderName / "workspace.json"));
        QVERIFY(!fs::exists(cache.folderOf("1.2.1") / "1.9"));
        QVERIFY(fs::exists(cache.folderOf("1.2.2") / "1.9" / "1.9.1.dcm"));
        QCOMPARE(cache.list().size(), std::size_t(2));
        // Touching makes a study the most recently used.
        cache.touch("1.2.2");
        QCOMPARE(cache.list().front().studyUid, std::string("1.2.2"));
        QVERIFY(cache.evict(1'000'000, {}).empty());
    }

    void unsentCorrectionsAndOpenStudiesStay() {
        testing::TempDir dir;
        pacs::StudyCache cache(dir / "studies");
        const io::WorkspacePlacement placement{dir / "workspaces", false};
        writeBytes(cache.folderOf("1.2.5") / "1.9" / "1.9.1.dcm", 100);
        cache.record(cached("1.2.5", 1));
        auto study = [&] { return cache.list().front(); };
        QVERIFY(!pacs::hasUnsentWork(cache, study(), placement));  // no workspace yet

        const fs::path ws = io::workspaceFolderFor(cache.folderOf("1.2.5"), placement);
        writeBytes(ws / "workspace.json", 10);
        setAge(ws / "workspace.json", std::chrono::seconds(100));
        QVERIFY(pacs::hasUnsentWork(cache, study(), placement));  // never sent
        cache.markSent("1.2.5");
        QVERIFY(!pacs::hasUnsentWork(cache, study(), placement));
        writeBytes(ws / "series" / "mask.png", 10);  // corrected after sending
        setAge(ws / "series" / "mask.png", std::chrono::seconds(-5));
        QVERIFY(pacs::hasUnsentWork(cache, study(), placement));
        fs::remove(ws / "series" / "mask.png");
        QVERIFY(!pacs::hasUnsentWork(cache, study(), placement));
        writeBytes(ws / "study.lock", 10);  // open in a workstation
        setAge(ws / "study.lock", std::chrono::seconds(100));
        QVERIFY(pacs::hasUnsentWork(cache, study(), placement));
    }
};

QTEST_GUILESS_MAIN(TestStudyCache)
#include "test_study_cache.moc"
