#include "io/study_lock.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic_file.h"

namespace fs = std::filesystem;

namespace cardioseg::io {

namespace {

/// Start time of a process (clock ticks since boot), 0 when unknown.
long long processStartOf(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) return 0;
    const auto close = line.rfind(')');  // the command name may hold spaces and parentheses
    if (close == std::string::npos) return 0;
    std::istringstream fields(line.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22 && (fields >> field); ++i)
        if (i == 22) return std::atoll(field.c_str());
    return 0;
}

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

std::string userName() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* u = std::getenv("USER")) return u;
    return "unknown";
}

std::string nowUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string encode(const LockHolder& h) {
    return "host=" + h.host + "\npid=" + std::to_string(h.pid) + "\nstart=" + std::to_string(h.processStart) +
           "\nuser=" + h.user + "\nsince=" + h.since + "\n";
}

bool sameHolder(const LockHolder& a, const LockHolder& b) {
    return a.host == b.host && a.pid == b.pid && a.processStart == b.processStart;
}

/// A holder is still running on this host.
bool aliveHere(const LockHolder& h) {
    if (h.pid <= 0) return false;
    if (::kill(static_cast<pid_t>(h.pid), 0) != 0 && errno == ESRCH) return false;
    // The pid is in use: by the holder, unless it ended and the pid was given to another process.
    const long long start = processStartOf(h.pid);
    return h.processStart == 0 || start == 0 || start == h.processStart;
}

}  // namespace

LockHolder StudyLock::self() {
    LockHolder h;
    h.host = hostName();
    h.pid = static_cast<long>(::getpid());
    h.processStart = processStartOf(h.pid);
    h.user = userName();
    h.since = nowUtc();
    return h;
}

bool StudyLock::read(const fs::path& file, LockHolder& holder) {
    std::ifstream in(file);
    if (!in) return false;
    LockHolder h;
    std::string line;
    bool hasHost = false, hasPid = false;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        char* end = nullptr;
        if (key == "host") {
            h.host = value;
            hasHost = !value.empty();
        } else if (key == "pid") {
            h.pid = std::strtol(value.c_str(), &end, 10);
            hasPid = end && *end == '\0' && h.pid > 0;
        } else if (key == "start") {
            h.processStart = std::strtoll(value.c_str(), &end, 10);
        } else if (key == "user") {
            h.user = value;
        } else if (key == "since") {
            h.since = value;
        }
    }
    if (!hasHost || !hasPid) return false;
    holder = h;
    return true;
}

bool StudyLock::isStale(const fs::path& file, const LockHolder& holder) {
    if (holder.host == hostName()) return !aliveHere(holder);
    std::error_code ec;
    const auto written = fs::last_write_time(file, ec);
    if (ec) return true;
    return fs::file_time_type::clock::now() - written > kStaleAfter;
}

StudyLock StudyLock::acquire(const fs::path& folder) {
    StudyLock lock;
    lock.m_file = folder / kFileName;
    lock.m_self = self();
    try {
        ensureDirectory(folder);
    } catch (const std::exception& e) {
        lock.m_error = e.what();
        return lock;
    }
    // The lock is written whole under a name of its own, then linked to its place: link() fails
    // when the lock exists, so of two openers exactly one wins, and no reader sees it half-written.
    const fs::path mine = folder / (std::string(kFileName) + "." + std::to_string(lock.m_self.pid) + ".new");
    try {
        writeFileDurably(mine, encode(lock.m_self));
    } catch (const std::exception& e) {
        lock.m_error = "cannot write " + mine.string() + ": " + e.what();
        std::error_code ec;
        fs::remove(mine, ec);
        return lock;
    }
    bool tookOver = false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (::link(mine.c_str(), lock.m_file.c_str()) == 0) {
            lock.m_outcome = tookOver ? Outcome::TookOverStale : Outcome::Acquired;
            break;
        }
        if (errno != EEXIST) {
            lock.m_error = "cannot create " + lock.m_file.string() + ": " + std::strerror(errno);
            break;
        }
        LockHolder other;
        const bool readable = read(lock.m_file, other);
        if (readable && !isStale(lock.m_file, other)) {
            lock.m_other = other;
            lock.m_outcome = Outcome::HeldByOther;
            break;
        }
        // Stale: moved aside under a name of this process, and removed only if it is the lock
        // judged stale (another opener may have replaced it meanwhile: then it is put back).
        const fs::path aside = folder / (std::string(kFileName) + "." + std::to_string(lock.m_self.pid) + ".stale");
        if (::rename(lock.m_file.c_str(), aside.c_str()) != 0) continue;  // gone meanwhile: try again
        LockHolder moved;
        const bool movedReadable = read(aside, moved);
        if (readable != movedReadable || (readable && !sameHolder(moved, other))) {
            ::link(aside.c_str(), lock.m_file.c_str());  // fails only if a third opener won: fine
        } else {
            lock.m_other = other;
            if (!readable) lock.m_other.host = "(unreadable lock file)";
            tookOver = true;
        }
        std::error_code ec;
        fs::remove(aside, ec);
    }
    std::error_code ec;
    fs::remove(mine, ec);
    if (lock.m_outcome == Outcome::Unavailable && lock.m_error.empty())
        lock.m_error = "cannot take " + lock.m_file.string() + ": other openers kept replacing it";
    return lock;
}

StudyLock::~StudyLock() { release(); }

StudyLock::StudyLock(StudyLock&& other) noexcept { *this = std::move(other); }

StudyLock& StudyLock::operator=(StudyLock&& other) noexcept {
    if (this != &other) {
        release();
        m_file = std::move(other.m_file);
        m_outcome = std::exchange(other.m_outcome, Outcome::Unavailable);
        m_other = std::move(other.m_other);
        m_self = std::move(other.m_self);
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool StudyLock::refresh() const {
    if (!held()) return false;
    LockHolder current;
    if (!read(m_file, current) || !sameHolder(current, m_self)) return false;
    return ::utimensat(AT_FDCWD, m_file.c_str(), nullptr, 0) == 0;
}

void StudyLock::release() {
    if (!held()) return;
    LockHolder current;
    if (read(m_file, current) && sameHolder(current, m_self)) {
        std::error_code ec;
        fs::remove(m_file, ec);
    }
    m_outcome = Outcome::Unavailable;
}

std::string describe(const LockHolder& h) {
    std::string s = "host " + h.host + ", process " + std::to_string(h.pid);
    if (!h.user.empty()) s += ", user " + h.user;
    if (!h.since.empty()) s += ", since " + h.since;
    return s;
}

}  // namespace cardioseg::io
