// cardioseg-cli pacs echo|find|get|send (CLI.md, "PACS and DICOMweb").
#include <QCoreApplication>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_pacs.h"
#include "dicomweb/dicomweb_client.h"
#include "io/dicom_loader.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace cardioseg::cli {

void addPacsCommand(CLI::App& app, PacsArgs& a) {
    auto* pacs = app.add_subcommand("pacs", "Query, retrieve and send through DICOM networking or DICOMweb");
    pacs->require_subcommand(1);
    const auto common = [&a](CLI::App* c) {
        c->add_option("--node", a.node, "AET@host:port (DIMSE) or an http(s):// DICOMweb root")->required();
        c->add_option("--aet", a.aet, "Our calling AE title");
        c->add_option("--user", a.user, "DICOMweb basic authentication, USER:PASSWORD");
        c->add_option("--token", a.token, "DICOMweb bearer token");
        c->add_option("--timeout", a.timeout, "Seconds any network wait may last")->check(CLI::Range(1, 3600));
        c->add_flag("--json", a.json, "Print one JSON object on stdout");
    };
    auto* echo = pacs->add_subcommand("echo", "Verify a node (C-ECHO, or a QIDO-RS request)");
    common(echo);
    auto* find = pacs->add_subcommand("find", "Query a node's studies or series (C-FIND, QIDO-RS)");
    common(find);
    find->add_option("--level", a.level, "study or series")->check(CLI::IsMember({"study", "series"}));
    find->add_option("--patient-id", a.patientId, "Patient ID (wildcards * and ?)");
    find->add_option("--patient-name", a.patientName, "Patient name (wildcards * and ?)");
    find->add_option("--study-date", a.studyDate, "YYYYMMDD or a range YYYYMMDD-YYYYMMDD");
    find->add_option("--modality", a.modality, "MR, CT, ...");
    find->add_option("--study", a.study, "Study Instance UID (series level: the study's series)");
    auto* get = pacs->add_subcommand("get", "Retrieve a study or a series into a folder (C-GET, C-MOVE, WADO-RS)");
    common(get);
    get->add_option("--study", a.study, "Study Instance UID")->required();
    get->add_option("--series", a.series, "Series Instance UID (default: every series of the study)");
    get->add_option("--output", a.output, "Folder to retrieve into (one folder per series)")->required();
    get->add_option("--method", a.method, "get (C-GET) or move (C-MOVE to our storage SCP)")->check(CLI::IsMember({"get", "move"}));
    get->add_option("--port", a.port, "Our storage SCP's port for C-MOVE")->check(CLI::Range(1, 65535));
    auto* send = pacs->add_subcommand("send", "Send DICOM files or folders to a node (C-STORE, STOW-RS)");
    common(send);
    send->add_option("path", a.paths, "DICOM files or folders (searched recursively)")->required();
    a.echo = echo;
    a.find = find;
    a.get = get;
    a.send = send;
}

namespace {

pacs::Node nodeOf(const PacsArgs& a) {
    pacs::Node n;
    try {
        n = pacs::parseNode(a.node);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (!a.aet.empty()) n.ourAeTitle = a.aet;
    n.timeoutSeconds = a.timeout;
    n.method = a.method == "move" ? pacs::RetrieveMethod::Move : pacs::RetrieveMethod::Get;
    if (a.port > 0) n.ourPort = a.port;
    if (!a.user.empty()) {
        const auto colon = a.user.find(':');
        if (colon == std::string::npos) throw UsageError("--user takes USER:PASSWORD");
        n.user = a.user.substr(0, colon);
        n.password = a.user.substr(colon + 1);
    }
    n.token = a.token;
    if (!n.isWeb() && (!n.user.empty() || !n.token.empty())) throw UsageError("--user and --token are for DICOMweb nodes");
    return n;
}

int runPacsCommand(const PacsArgs& a) {
    const pacs::Node node = nodeOf(a);
    const auto client = net::makeClient(node);
    if (a.echo->parsed()) {
        const double ms = client->echo();
        if (a.json)
            std::cout << json{{"node", node.address()}, {"ok", true}, {"ms", ms}}.dump(2) << "\n";
        else
            std::printf("%s answered in %.1f ms\n", node.address().c_str(), ms);
        return 0;
    }
    if (a.find->parsed()) {
        pacs::Query q;
        q.level = a.level == "series" ? pacs::Level::Series : pacs::Level::Study;
        q.patientId = a.patientId;
        q.patientName = a.patientName;
        q.studyDate = a.studyDate;
        q.modality = a.modality;
        q.studyUid = a.study;
        if (q.level == pacs::Level::Series && q.studyUid.empty()) throw UsageError("--level series needs --study UID");
        json results = json::array();
        client->find(q, [&](const pacs::Match& m) {
            json r{{"patient_id", m.patientId}, {"patient_name", m.patientName}, {"study_uid", m.studyUid},
                   {"study_date", m.studyDate}, {"study_description", m.studyDescription},
                   {"modality", q.level == pacs::Level::Series ? m.modality : m.modalities},
                   {"images", m.images >= 0 ? json(m.images) : json(nullptr)}};
            if (q.level == pacs::Level::Series) {
                r["series_uid"] = m.seriesUid;
                r["series_description"] = m.seriesDescription;
            }
            if (a.json) {
                results.push_back(std::move(r));
            } else if (q.level == pacs::Level::Series) {
                std::printf("%-64s  %-4s %5d  %s\n", m.seriesUid.c_str(), m.modality.c_str(), m.images,
                            m.seriesDescription.c_str());
            } else {
                std::printf("%-64s  %-8s  %-16s  %-24s %5d  %s\n", m.studyUid.c_str(), m.studyDate.c_str(),
                            m.patientId.c_str(), m.patientName.c_str(), m.images, m.studyDescription.c_str());
            }
            return true;
        });
        if (a.json) std::cout << json{{"results", results}}.dump(2) << "\n";
        return 0;
    }
    if (a.get->parsed()) {
        pacs::RetrieveRequest rq;
        rq.studyUid = a.study;
        if (!pacs::isFileSafeUid(rq.studyUid)) throw UsageError("--study " + a.study + ": not a DICOM UID");
        if (!a.series.empty()) {
            if (!pacs::isFileSafeUid(a.series)) throw UsageError("--series " + a.series + ": not a DICOM UID");
            rq.series = {a.series};
        }
        rq.folder = a.output;
        StderrProgress report("retrieving");
        const auto r = client->retrieve(rq, [&](const pacs::RetrieveProgress& p) {
            return report(p.expected > 0 ? double(p.received) / p.expected : 0.0,
                          std::to_string(p.received) + " of " + std::to_string(p.expected) + " images");
        });
        if (a.json) {
            std::cout << json{{"files", r.files + r.alreadyHere}, {"bytes", r.bytes}, {"seconds", r.seconds},
                              {"output", fs::absolute(a.output).string()}, {"received", r.files},
                              {"already_here", r.alreadyHere}, {"series", r.completeSeries}}
                             .dump(2)
                      << "\n";
        } else {
            std::printf("%d images in %s (%d received now, %d already here), %.1f MB in %.1f s\n", r.files + r.alreadyHere,
                        a.output.c_str(), r.files, r.alreadyHere, r.bytes / 1e6, r.seconds);
        }
        return 0;
    }
    if (a.send->parsed()) {
        // The files the loader would read: folders searched, hidden folders, workspaces and
        // DICOMDIR files left out (a DICOMDIR's files are sent).
        std::vector<io::SkippedFile> unusable;
        const std::vector<fs::path> files = io::collectDicomFiles({a.paths.begin(), a.paths.end()}, unusable);
        if (files.empty() && unusable.empty()) throw UsageError("nothing to send: no file under the paths given");
        StderrProgress report("sending");
        pacs::SendResult r = files.empty() ? pacs::SendResult{} : client->send(files, report);
        r.failed.insert(r.failed.begin(), unusable.begin(), unusable.end());
        if (a.json) {
            std::cout << json{{"sent", r.sent}, {"failed", skippedJson(r.failed)}}.dump(2) << "\n";
        } else {
            std::printf("%d file(s) sent to %s\n", r.sent, node.label().c_str());
            for (const auto& f : r.failed) std::printf("  not sent: %s: %s\n", f.file.c_str(), f.reason.c_str());
        }
        return r.failed.empty() ? 0 : 1;
    }
    return kUsageError;
}

}  // namespace

int runPacs(const PacsArgs& a) {
    // DICOMweb waits on Qt's event loop: it needs an application object.
    std::unique_ptr<QCoreApplication> qt;
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "cardioseg-cli";
        static char* argv[] = {name, nullptr};
        qt = std::make_unique<QCoreApplication>(argc, argv);
    }
    try {
        return runPacsCommand(a);
    } catch (const pacs::NetworkError& e) {
        std::cerr << "cardioseg-cli: " << e.what() << "\n";
        using Kind = pacs::NetworkError::Kind;
        const bool contractual = e.kind() == Kind::Unreachable || e.kind() == Kind::Refused || e.kind() == Kind::Timeout;
        return contractual ? kUsageError : 1;
    }
}

}  // namespace cardioseg::cli
