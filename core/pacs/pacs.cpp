#include "pacs/pacs.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace cardioseg::pacs {

std::string Node::address() const {
    if (isWeb()) return url;
    return aeTitle + "@" + host + ":" + std::to_string(port);
}

namespace {

bool validAeTitle(const std::string& ae) {
    if (ae.empty() || ae.size() > 16) return false;
    return std::all_of(ae.begin(), ae.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '\\'; }) &&
           ae.find_first_not_of(' ') != std::string::npos;
}

int parsePort(const std::string& text, const std::string& what) {
    if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos)
        throw std::invalid_argument(what + ": the port must be a number from 1 to 65535");
    const int port = std::stoi(text);
    if (port < 1 || port > 65535) throw std::invalid_argument(what + ": the port must be from 1 to 65535");
    return port;
}

}  // namespace

Node parseNode(const std::string& text) {
    Node n;
    if (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0) {
        n.url = text;
        while (n.url.size() > 8 && n.url.back() == '/') n.url.pop_back();
        if (n.url.find('/', n.url.find("//") + 2) == std::string::npos && n.url.size() <= 8)
            throw std::invalid_argument(text + ": no host in the URL");
        return n;
    }
    const auto at = text.rfind('@');
    const auto colon = text.rfind(':');
    if (at == std::string::npos || colon == std::string::npos || colon < at)
        throw std::invalid_argument(text + ": a node is AET@host:port or an http(s):// DICOMweb root");
    n.aeTitle = text.substr(0, at);
    n.host = text.substr(at + 1, colon - at - 1);
    if (!validAeTitle(n.aeTitle))
        throw std::invalid_argument(text + ": the AE title must be 1 to 16 printable characters without a backslash");
    if (n.host.empty()) throw std::invalid_argument(text + ": no host");
    n.port = parsePort(text.substr(colon + 1), text);
    return n;
}

std::string nodesToJson(const std::vector<Node>& nodes, bool withSecrets) {
    json arr = json::array();
    for (const Node& n : nodes) {
        json j{{"name", n.name}, {"timeout", n.timeoutSeconds}};
        if (n.isWeb()) {
            j["url"] = n.url;
            j["user"] = n.user;
            if (withSecrets) {
                j["password"] = n.password;
                j["token"] = n.token;
            }
        } else {
            j.update({{"ae_title", n.aeTitle}, {"host", n.host}, {"port", n.port}, {"our_ae_title", n.ourAeTitle},
                      {"our_port", n.ourPort}, {"method", n.method == RetrieveMethod::Move ? "move" : "get"},
                      {"tls", n.tls}, {"tls_ca", n.tlsCaFile}, {"tls_cert", n.tlsCertFile}, {"tls_key", n.tlsKeyFile}});
        }
        arr.push_back(std::move(j));
    }
    return arr.dump(2);
}

std::vector<Node> nodesFromJson(const std::string& text) {
    std::vector<Node> nodes;
    const json arr = json::parse(text, nullptr, false);
    if (!arr.is_array()) return nodes;
    for (const json& j : arr) {
        if (!j.is_object()) continue;
        Node n;
        n.name = j.value("name", "");
        n.timeoutSeconds = std::clamp(j.value("timeout", 30), 1, 3600);
        n.url = j.value("url", "");
        n.user = j.value("user", "");
        n.password = j.value("password", "");
        n.token = j.value("token", "");
        n.aeTitle = j.value("ae_title", "");
        n.host = j.value("host", "");
        n.port = j.value("port", 104);
        n.ourAeTitle = j.value("our_ae_title", "CARDIOSEG");
        n.ourPort = j.value("our_port", 11112);
        n.method = j.value("method", "get") == "move" ? RetrieveMethod::Move : RetrieveMethod::Get;
        n.tls = j.value("tls", false);
        n.tlsCaFile = j.value("tls_ca", "");
        n.tlsCertFile = j.value("tls_cert", "");
        n.tlsKeyFile = j.value("tls_key", "");
        if (n.isWeb() || (validAeTitle(n.aeTitle) && !n.host.empty())) nodes.push_back(std::move(n));
    }
    return nodes;
}

bool isFileSafeUid(const std::string& uid) {
    if (uid.empty() || uid.size() > 64 || uid.front() == '.' || uid.back() == '.') return false;
    if (uid.find("..") != std::string::npos) return false;
    return uid.find_first_not_of("0123456789.") == std::string::npos;
}

fs::path seriesFolder(const fs::path& folder, const std::string& seriesUid) { return folder / seriesUid; }
fs::path incomingFolder(const fs::path& folder, const std::string& seriesUid) {
    return folder / ".incoming" / seriesUid;
}

std::vector<Match> Client::findAll(const Query& query) {
    std::vector<Match> all;
    find(query, [&](const Match& m) {
        all.push_back(m);
        return true;
    });
    return all;
}

namespace {

std::set<std::string> instancesIn(const fs::path& dir) {
    std::set<std::string> uids;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const fs::path& p = e.path();
        if (p.extension() == ".dcm" && p.filename().string().front() != '.' && e.is_regular_file(ec))
            uids.insert(p.stem().string());
    }
    return uids;
}

/// Moves the arrived instances of a series from its incoming folder into its folder.
void moveInPlace(const fs::path& incoming, const fs::path& target) {
    std::error_code ec;
    if (!fs::exists(incoming, ec)) return;
    if (!fs::exists(target, ec)) {
        fs::rename(incoming, target, ec);
        if (!ec) return;
    }
    io::ensureDirectory(target);
    for (const auto& e : fs::directory_iterator(incoming, ec)) {
        if (e.path().filename().string().front() == '.') continue;
        fs::rename(e.path(), target / e.path().filename(), ec);
        if (ec)
            throw NetworkError(NetworkError::Kind::Storage,
                               "cannot move " + e.path().string() + " into " + target.string() + ": " + ec.message());
    }
    fs::remove_all(incoming, ec);
}

class FolderSink : public Client::Sink {
public:
    FolderSink(fs::path dir, std::set<std::string> wanted, RetrieveProgress& progress, const RetrieveProgressFn& report,
               RetrieveResult& result)
        : m_dir(std::move(dir)), m_wanted(std::move(wanted)), m_progress(progress), m_report(report), m_result(result) {}

    void store(const std::string& sopUid, const std::function<void(const fs::path&)>& write) override {
        if (!isFileSafeUid(sopUid))
            throw NetworkError(NetworkError::Kind::Malformed,
                               "the node sent an instance whose UID is not a DICOM UID (\"" + sopUid.substr(0, 80) + "\")");
        const fs::path target = m_dir / (sopUid + ".dcm");
        try {
            io::writeAtomically(target, write);
        } catch (const NetworkError&) {
            throw;
        } catch (const std::exception& e) {
            throw NetworkError(NetworkError::Kind::Storage, e.what());
        }
        std::error_code ec;
        const auto size = fs::file_size(target, ec);
        std::lock_guard<std::mutex> lock(m_mutex);  // C-MOVE stores on the SCP's thread
        m_result.bytes += ec ? 0 : size;
        if (m_wanted.erase(sopUid)) {
            ++m_result.files;
            ++m_progress.received;
        }
        if (m_report && !m_report(m_progress)) m_cancelled = true;
    }
    bool keepGoing() override {
        std::lock_guard<std::mutex> lock(m_mutex);
        return !m_cancelled;
    }
    std::size_t stillMissing() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_wanted.size();
    }

private:
    fs::path m_dir;
    std::set<std::string> m_wanted;
    RetrieveProgress& m_progress;
    const RetrieveProgressFn& m_report;
    RetrieveResult& m_result;
    std::mutex m_mutex;
    bool m_cancelled = false;
};

}  // namespace

RetrieveResult Client::retrieve(const RetrieveRequest& request, const RetrieveProgressFn& report) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!isFileSafeUid(request.studyUid)) throw std::invalid_argument("\"" + request.studyUid + "\" is not a study UID");
    io::ensureDirectory(request.folder);

    // What the node has: the study's series, then each series' instances.
    Query q;
    q.level = Level::Series;
    q.studyUid = request.studyUid;
    std::vector<Match> series = findAll(q);
    if (series.empty())
        throw NetworkError(NetworkError::Kind::Failed, "the node has no study " + request.studyUid);
    if (!request.series.empty()) {
        const std::set<std::string> wanted(request.series.begin(), request.series.end());
        for (const std::string& uid : wanted)
            if (std::none_of(series.begin(), series.end(), [&](const Match& m) { return m.seriesUid == uid; }))
                throw NetworkError(NetworkError::Kind::Failed, "the node has no series " + uid + " in this study");
        series.erase(std::remove_if(series.begin(), series.end(), [&](const Match& m) { return !wanted.count(m.seriesUid); }),
                     series.end());
    }
    struct Plan {
        std::string uid;
        std::set<std::string> remote;
        std::set<std::string> local;
    };
    std::vector<Plan> plans;
    RetrieveResult result;
    RetrieveProgress progress;
    for (const Match& s : series) {
        if (!isFileSafeUid(s.seriesUid))
            throw NetworkError(NetworkError::Kind::Malformed,
                               "the node answered with a series UID that is not a DICOM UID (\"" + s.seriesUid.substr(0, 80) + "\")");
        Query iq;
        iq.level = Level::Image;
        iq.studyUid = request.studyUid;
        iq.seriesUid = s.seriesUid;
        Plan plan{s.seriesUid, {}, {}};
        find(iq, [&](const Match& m) {
            if (!isFileSafeUid(m.sopInstanceUid))
                throw NetworkError(NetworkError::Kind::Malformed,
                                   "the node answered with an instance UID that is not a DICOM UID (\"" +
                                       m.sopInstanceUid.substr(0, 80) + "\")");
            plan.remote.insert(m.sopInstanceUid);
            return true;
        });
        for (const fs::path& dir : {seriesFolder(request.folder, s.seriesUid), incomingFolder(request.folder, s.seriesUid)})
            for (const std::string& uid : instancesIn(dir))
                if (plan.remote.count(uid)) plan.local.insert(uid);
        result.expected += static_cast<int>(plan.remote.size());
        result.alreadyHere += static_cast<int>(plan.local.size());
        plans.push_back(std::move(plan));
    }
    std::stable_sort(plans.begin(), plans.end(), [](const Plan& a, const Plan& b) { return a.remote.size() > b.remote.size(); });
    progress.expected = result.expected;
    progress.received = result.alreadyHere;
    if (report && !report(progress)) throw NetworkError(NetworkError::Kind::Cancelled, "retrieval cancelled");

    for (const Plan& plan : plans) {
        std::set<std::string> missing;
        std::set_difference(plan.remote.begin(), plan.remote.end(), plan.local.begin(), plan.local.end(),
                            std::inserter(missing, missing.end()));
        const fs::path incoming = incomingFolder(request.folder, plan.uid);
        progress.series = plan.uid;
        progress.seriesComplete = false;
        if (!missing.empty()) {
            io::ensureDirectory(incoming);
            io::removeStaleTemporaries(incoming);
            FolderSink sink(incoming, missing, progress, report, result);
            // Asking for the whole series is one request; a resumed series asks for what is missing.
            const std::vector<std::string> only =
                plan.local.empty() ? std::vector<std::string>{} : std::vector<std::string>(missing.begin(), missing.end());
            fetchSeries(request.studyUid, plan.uid, only, sink);
            if (!sink.keepGoing()) throw NetworkError(NetworkError::Kind::Cancelled, "retrieval cancelled");
            if (const std::size_t left = sink.stillMissing())
                throw NetworkError(NetworkError::Kind::Failed,
                                   "the node sent " + std::to_string(missing.size() - left) + " of the " +
                                       std::to_string(missing.size()) + " missing images of series " + plan.uid +
                                       " (what arrived is kept; retrieving again asks for the rest)");
        }
        moveInPlace(incoming, seriesFolder(request.folder, plan.uid));
        result.completeSeries.push_back(plan.uid);
        progress.seriesComplete = true;
        if (report && !report(progress) && &plan != &plans.back())
            throw NetworkError(NetworkError::Kind::Cancelled, "retrieval cancelled");
    }
    std::error_code ec;
    fs::remove(request.folder / ".incoming", ec);  // only when empty
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return result;
}

}  // namespace cardioseg::pacs
