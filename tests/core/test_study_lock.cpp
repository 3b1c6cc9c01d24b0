// One workstation edits a study at a time: the lock file, who holds it, and stale locks (a holder
// that ended, a pid given to another process, a holder on another host that stopped refreshing,
// an unreadable lock).
#include <QtTest>

#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

#include "io/study_lock.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

void writeLock(const fs::path& folder, const io::LockHolder& h) {
    fs::create_directories(folder);
    std::ofstream(folder / io::StudyLock::kFileName)
        << "host=" << h.host << "\npid=" << h.pid << "\nstart=" << h.processStart << "\nuser=" << h.user
        << "\nsince=" << h.since << "\n";
}

/// The pid of a process that has ended.
long endedProcess() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

std::size_t filesIn(const fs::path& folder) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(folder)) n += e.is_regular_file() ? 1 : 0;
    return n;
}

}  // namespace

class TestStudyLock : public QObject {
    Q_OBJECT

private slots:
    void theFirstOpenerHoldsItTheSecondIsToldWho() {
        testing::TempDir dir;
        const fs::path ws = dir / "workspace";
        io::StudyLock first = io::StudyLock::acquire(ws);
        QCOMPARE(first.outcome(), io::StudyLock::Outcome::Acquired);
        QVERIFY(first.held());
        io::LockHolder written;
        QVERIFY(io::StudyLock::read(ws / io::StudyLock::kFileName, written));
        QCOMPARE(written.pid, static_cast<long>(::getpid()));
        QCOMPARE(written.host, io::StudyLock::self().host);
        QVERIFY(written.processStart > 0);
        QVERIFY(!written.since.empty());

        io::StudyLock second = io::StudyLock::acquire(ws);
        QCOMPARE(second.outcome(), io::StudyLock::Outcome::HeldByOther);
        QVERIFY(!second.held());
        QCOMPARE(second.holder().pid, static_cast<long>(::getpid()));
        const std::string said = io::describe(second.holder());
        QVERIFY2(said.find("process " + std::to_string(::getpid())) != std::string::npos, said.c_str());
        QVERIFY(said.find("host " + written.host) != std::string::npos);
        QCOMPARE(filesIn(ws), std::size_t(1));  // no temporary left behind

        // Releasing by the one that does not hold it changes nothing; by the holder, frees it.
        second.release();
        QVERIFY(fs::exists(ws / io::StudyLock::kFileName));
        QVERIFY(first.refresh());
        first.release();
        QVERIFY(!fs::exists(ws / io::StudyLock::kFileName));
        QVERIFY(!first.refresh());
        QCOMPARE(io::StudyLock::acquire(ws).outcome(), io::StudyLock::Outcome::Acquired);
        QVERIFY(!fs::exists(ws / io::StudyLock::kFileName));  // the temporary lock released itself
    }

    void aLockWhoseProcessEndedIsTakenOver() {
        testing::TempDir dir;
        io::LockHolder gone = io::StudyLock::self();
        gone.pid = endedProcess();
        writeLock(dir.path(), gone);
        io::StudyLock lock = io::StudyLock::acquire(dir.path());
        QCOMPARE(lock.outcome(), io::StudyLock::Outcome::TookOverStale);
        QCOMPARE(lock.holder().pid, gone.pid);
        io::LockHolder now;
        QVERIFY(io::StudyLock::read(lock.file(), now));
        QCOMPARE(now.pid, static_cast<long>(::getpid()));
        QCOMPARE(filesIn(dir.path()), std::size_t(1));
    }

    void aPidGivenToAnotherProcessIsNoHolder() {
        testing::TempDir dir;
        io::LockHolder reused = io::StudyLock::self();  // this pid, but another process's start
        reused.processStart -= 1;
        writeLock(dir.path(), reused);
        QVERIFY(io::StudyLock::isStale(dir / io::StudyLock::kFileName, reused));
        QCOMPARE(io::StudyLock::acquire(dir.path()).outcome(), io::StudyLock::Outcome::TookOverStale);
    }

    void anotherHostsLockIsHeldUntilItStopsRefreshing() {
        testing::TempDir dir;
        io::LockHolder remote;
        remote.host = "reading-room-7.invalid";
        remote.pid = 4242;
        remote.processStart = 99;
        remote.user = "dr-lee";
        remote.since = "2026-11-29T08:00:00Z";
        writeLock(dir.path(), remote);
        {
            io::StudyLock lock = io::StudyLock::acquire(dir.path());
            QCOMPARE(lock.outcome(), io::StudyLock::Outcome::HeldByOther);
            QCOMPARE(lock.holder().host, remote.host);
            QCOMPARE(lock.holder().user, std::string("dr-lee"));
        }
        QVERIFY(fs::exists(dir / io::StudyLock::kFileName));  // not ours: left in place
        // Not refreshed for longer than the limit: its holder is taken to be gone.
        fs::last_write_time(dir / io::StudyLock::kFileName,
                            fs::file_time_type::clock::now() - io::StudyLock::kStaleAfter - std::chrono::seconds(5));
        io::StudyLock lock = io::StudyLock::acquire(dir.path());
        QCOMPARE(lock.outcome(), io::StudyLock::Outcome::TookOverStale);
        QCOMPARE(lock.holder().host, remote.host);
    }

    void anUnreadableLockIsStale() {
        testing::TempDir dir;
        std::ofstream(dir / io::StudyLock::kFileName) << "\x01\x02 not a lock";
        io::StudyLock lock = io::StudyLock::acquire(dir.path());
        QCOMPARE(lock.outcome(), io::StudyLock::Outcome::TookOverStale);
    }

    void noLockWhereNothingCanBeWritten() {
        testing::TempDir dir;
        std::ofstream(dir / "afile") << "x";
        io::StudyLock lock = io::StudyLock::acquire(dir / "afile" / "workspace");
        QCOMPARE(lock.outcome(), io::StudyLock::Outcome::Unavailable);
        QVERIFY(!lock.held());
        QVERIFY2(lock.error().find("afile") != std::string::npos, lock.error().c_str());
    }

    void movingTheLockKeepsItHeldOnce() {
        testing::TempDir dir;
        io::StudyLock a = io::StudyLock::acquire(dir.path());
        io::StudyLock b = std::move(a);
        QVERIFY(b.held());
        QVERIFY(!a.held());  // NOLINT(bugprone-use-after-move): moved-from is defined as released
        a.release();
        QVERIFY(fs::exists(dir / io::StudyLock::kFileName));
        b = io::StudyLock();
        QVERIFY(!fs::exists(dir / io::StudyLock::kFileName));
    }
};

QTEST_GUILESS_MAIN(TestStudyLock)
#include "test_study_lock.moc"
