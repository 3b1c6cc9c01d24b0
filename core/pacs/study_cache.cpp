#include "pacs/study_cache.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/study_lock.h"
#include "io/workspace.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace cardioseg::pacs {
namespace {

std::int64_t now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void measure(const fs::path& folder, CachedStudy& s) {
    s.bytes = 0;
    s.files = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->path().filename() == io::kWorkspaceFolderName) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        s.bytes += fs::file_size(it->path(), ec);
        if (it->path().extension() == ".dcm" && it->path().filename().string().front() != '.') ++s.files;
    }
}

std::vector<CachedStudy> readIndex(const fs::path& file) {
    std::vector<CachedStudy> out;
    std::ifstream in(file);
    if (!in) return out;
    std::stringstream text;
    text << in.rdbuf();
    const json j = json::parse(text.str(), nullptr, false);
    if (!j.is_object() || !j.contains("studies") || !j["studies"].is_array()) return out;
    for (const json& e : j["studies"]) {
        if (!e.is_object()) continue;
        CachedStudy s;
        s.studyUid = e.value("study_uid", "");
        if (!isFileSafeUid(s.studyUid)) continue;
        s.patientName = e.value("patient_name", "");
        s.patientId = e.value("patient_id", "");
        s.studyDate = e.value("study_date", "");
        s.description = e.value("description", "");
        s.node = e.value("node", "");
        s.complete = e.value("complete", false);
        s.retrieved = e.value("retrieved", std::int64_t{0});
        s.lastUsed = e.value("last_used", std::int64_t{0});
        s.resultsSent = e.value("results_sent", std::int64_t{0});
        s.bytes = e.value("bytes", std::uint64_t{0});
        s.files = e.value("files", 0);
        out.push_back(std::move(s));
    }
    return out;
}

void writeIndex(const fs::path& file, const std::vector<CachedStudy>& studies) {
    json arr = json::array();
    for (const CachedStudy& s : studies)
        arr.push_back({{"study_uid", s.studyUid}, {"patient_name", s.patientName}, {"patient_id", s.patientId},
                       {"study_date", s.studyDate}, {"description", s.description}, {"node", s.node},
                       {"complete", s.complete}, {"retrieved", s.retrieved}, {"last_used", s.lastUsed},
                       {"results_sent", s.resultsSent}, {"bytes", s.bytes}, {"files", s.files}});
    io::writeFileAtomically(file, json{{"version", 1}, {"studies", arr}}.dump(2) + "\n");
}

/// An exclusive lock on the cache's index for one read-modify-write.
class IndexLock {
public:
    explicit IndexLock(const fs::path& root) {
        io::ensureDirectory(root);
        m_fd = ::open((root / ".index.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd >= 0) ::flock(m_fd, LOCK_EX);
    }
    ~IndexLock() {
        if (m_fd >= 0) ::close(m_fd);
    }
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

private:
    int m_fd = -1;
};

}  // namespace

fs::path StudyCache::folderOf(const std::string& studyUid) const {
    if (!isFileSafeUid(studyUid)) throw std::invalid_argument("\"" + studyUid + "\" is not a study UID");
    return m_root / studyUid;
}

template <class F>
void StudyCache::update(F&& change) {
    IndexLock lock(m_root);
    std::vector<CachedStudy> studies = readIndex(m_root / "index.json");
    change(studies);
    writeIndex(m_root / "index.json", studies);
}

std::vector<CachedStudy> StudyCache::list() const {
    std::vector<CachedStudy> studies = readIndex(m_root / "index.json");
    std::error_code ec;
    studies.erase(std::remove_if(studies.begin(), studies.end(),
                                 [&](const CachedStudy& s) { return !fs::is_directory(m_root / s.studyUid, ec); }),
                  studies.end());
    std::stable_sort(studies.begin(), studies.end(), [](const CachedStudy& a, const CachedStudy& b) { return a.lastUsed > b.lastUsed; });
    return studies;
}

void StudyCache::record(CachedStudy study) {
    measure(folderOf(study.studyUid), study);
    if (study.lastUsed == 0) study.lastUsed = now();
    update([&](std::vector<CachedStudy>& studies) {
        auto it = std::find_if(studies.begin(), studies.end(), [&](const CachedStudy& s) { return s.studyUid == study.studyUid; });
        if (it == studies.end()) {
            studies.push_back(study);
        } else {
            study.resultsSent = std::max(study.resultsSent, it->resultsSent);
            *it = study;
        }
    });
}

void StudyCache::stamp(const std::string& studyUid, std::int64_t CachedStudy::*when) {
    update([&](std::vector<CachedStudy>& studies) {
        for (CachedStudy& s : studies)
            if (s.studyUid == studyUid) s.*when = now();
    });
}

void StudyCache::touch(const std::string& studyUid) { stamp(studyUid, &CachedStudy::lastUsed); }
void StudyCache::markSent(const std::string& studyUid) { stamp(studyUid, &CachedStudy::resultsSent); }

void StudyCache::remove(const std::string& studyUid) {
    const fs::path folder = folderOf(studyUid);
    update([&](std::vector<CachedStudy>& studies) {
        std::error_code ec;
        // The images go; a workspace kept beside the study (corrections) stays.
        for (const auto& e : fs::directory_iterator(folder, ec))
            if (e.path().filename() != io::kWorkspaceFolderName) fs::remove_all(e.path(), ec);
        fs::remove(folder, ec);  // only when empty
        studies.erase(std::remove_if(studies.begin(), studies.end(), [&](const CachedStudy& s) { return s.studyUid == studyUid; }),
                      studies.end());
    });
}

std::vector<std::string> StudyCache::evict(std::uint64_t limitBytes, const std::function<bool(const CachedStudy&)>& keep) {
    std::vector<CachedStudy> studies = list();
    std::uint64_t total = 0;
    for (const CachedStudy& s : studies) total += s.bytes;
    std::vector<std::string> removed;
    // Least recently used first.
    for (auto it = studies.rbegin(); it != studies.rend() && total > limitBytes; ++it) {
        if (keep && keep(*it)) continue;
        remove(it->studyUid);
        total -= std::min(total, it->bytes);
        removed.push_back(it->studyUid);
    }
    return removed;
}

bool hasUnsentWork(const StudyCache& cache, const CachedStudy& study, const io::WorkspacePlacement& placement) {
    const fs::path folder = cache.folderOf(study.studyUid);
    const fs::path ws = io::workspaceFolderFor(folder, placement);
    std::error_code ec;
    if (fs::exists(ws / io::StudyLock::kFileName, ec)) return true;  // open in a workstation
    if (!io::Workspace::isWorkspace(ws)) return false;
    // Any file of the workspace (corrections, review states) newer than the last sending.
    for (auto it = fs::recursive_directory_iterator(ws, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto t = fs::last_write_time(it->path(), ec);
        const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                              t - fs::file_time_type::clock::now() + std::chrono::system_clock::now().time_since_epoch())
                              .count();
        if (secs > study.resultsSent) return true;
    }
    return false;
}

}  // namespace cardioseg::pacs
