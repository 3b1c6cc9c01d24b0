#pragma once

// Hospital connection (Qt-free): PACS nodes, queries, retrieval into a folder and sending
// results back, through DIMSE (DCMTK's dcmnet, dimse_client.h) or DICOMweb (the workstation's
// Qt Network client). Every network wait is bounded by the node's timeout.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/progress.h"

namespace cardioseg::pacs {

/// How a DIMSE node hands over images: C-GET on our association, or C-MOVE to our own storage
/// SCP (started only during the retrieval, on Node::ourPort).
enum class RetrieveMethod { Get, Move };

/// A PACS node: a DIMSE application entity, or a DICOMweb service (url set).
struct Node {
    std::string name;  ///< the user's label for it (may be empty)
    // DIMSE
    std::string aeTitle;
    std::string host;
    int port = 104;
    std::string ourAeTitle = "CARDIOSEG";  ///< our calling AE title (and C-MOVE destination)
    int ourPort = 11112;                   ///< our storage SCP's port for C-MOVE
    RetrieveMethod method = RetrieveMethod::Get;
    bool tls = false;          ///< DICOM over TLS (DCMTK's transport layer)
    std::string tlsCaFile;     ///< PEM certificates we trust; empty: the peer is not verified
    std::string tlsCertFile;   ///< our certificate (PEM) when the node asks for one
    std::string tlsKeyFile;    ///< its private key (PEM)
    // DICOMweb
    std::string url;  ///< the DICOMweb root ("https://host/dicom-web"); non-empty: a web node
    std::string user, password;  ///< basic authentication
    std::string token;           ///< bearer authentication
    int timeoutSeconds = 30;     ///< bounds every network wait

    bool isWeb() const { return !url.empty(); }
    /// "AET@host:port" or the URL, as the command line writes nodes.
    std::string address() const;
    /// The name when there is one, else the address.
    std::string label() const { return name.empty() ? address() : name; }
};

/// Parses a node as the command line writes it: "AET@host:port" or an http(s):// URL. Throws
/// std::invalid_argument saying what is wrong.
Node parseNode(const std::string& text);

/// Nodes as JSON text (settings) and back; a password is kept only when `withSecrets`.
std::string nodesToJson(const std::vector<Node>& nodes, bool withSecrets = true);
std::vector<Node> nodesFromJson(const std::string& text);

/// What went wrong talking to a node, in words a user can act on; kind() for programs.
class NetworkError : public std::runtime_error {
public:
    enum class Kind {
        Unreachable,     ///< no connection (host unknown, nothing listening, network down)
        Refused,         ///< the node refused the association (AE titles) or the login
        Timeout,         ///< the node stopped answering within the timeout
        Aborted,         ///< the node ended the connection mid-work
        NoCommonSyntax,  ///< the node accepts none of the kinds of object or encodings offered
        Malformed,       ///< the node's answer is not what the standard says
        Storage,         ///< a received file could not be written here (disk full, ...)
        Failed,          ///< the node answered with a failure status
        Cancelled,       ///< the user cancelled
    };
    NetworkError(Kind kind, const std::string& what) : std::runtime_error(what), m_kind(kind) {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

enum class Level { Study, Series, Image };

/// Query keys; empty keys match everything. Names and descriptions accept DICOM wildcards
/// (* and ?); dates are YYYYMMDD or a range YYYYMMDD-YYYYMMDD (either end may be open).
struct Query {
    Level level = Level::Study;
    std::string patientId, patientName, birthDate, studyDate, modality, accession, description;
    std::string studyUid;   ///< series and image levels: the study
    std::string seriesUid;  ///< image level: the series
};

/// One match of a query (fields of other levels stay empty; counts -1 when unknown).
struct Match {
    std::string patientId, patientName, birthDate;
    std::string studyUid, studyDate, studyDescription, accession, modalities;
    std::string seriesUid, seriesDescription, modality;
    int seriesNumber = -1;
    int images = -1;  ///< instances in the study (study level) or the series (series level)
    int series = -1;  ///< series in the study (study level)
    std::string sopInstanceUid, sopClassUid;  ///< image level
};

/// What to retrieve, and where: the study's series (all when `series` is empty) into
/// `folder`, one sub-folder per series named by its UID. Instances already there are not asked
/// for again (a partial retrieval resumes).
struct RetrieveRequest {
    std::string studyUid;
    std::vector<std::string> series;
    std::filesystem::path folder;
};

/// Progress of a retrieval: instances received (this run and before) of the expected total.
struct RetrieveProgress {
    int received = 0;
    int expected = 0;
    std::string series;      ///< the series being received
    bool seriesComplete = false;  ///< `series` has just arrived whole (its folder is in place)
};
/// Returns false to cancel.
using RetrieveProgressFn = std::function<bool(const RetrieveProgress&)>;

struct RetrieveResult {
    int files = 0;        ///< instances received in this run
    int alreadyHere = 0;  ///< instances found from an earlier run
    int expected = 0;
    std::uint64_t bytes = 0;  ///< bytes received in this run
    double seconds = 0;
    std::vector<std::string> completeSeries;  ///< in the order they arrived
};

struct SendResult {
    int sent = 0;
    std::vector<io::SkippedFile> failed;
};

/// The folder of series `seriesUid` inside a retrieval folder, and where its instances wait
/// until the whole series has arrived (hidden: the DICOM loader does not look there).
std::filesystem::path seriesFolder(const std::filesystem::path& folder, const std::string& seriesUid);
std::filesystem::path incomingFolder(const std::filesystem::path& folder, const std::string& seriesUid);

/// True for a UID made of digits and dots only (at most 64 characters, no empty component): UIDs
/// from the network become file names only when they pass. Looser than io::isValidUid on
/// purpose: real archives' UIDs with leading zeros are still retrieved.
bool isFileSafeUid(const std::string& uid);

/// A connection to one node. Not thread-safe: one call at a time per client.
class Client {
public:
    explicit Client(Node node) : m_node(std::move(node)) {}
    virtual ~Client() = default;
    const Node& node() const { return m_node; }

    /// C-ECHO or a QIDO-RS request; returns the round trip in milliseconds. Throws NetworkError.
    virtual double echo() = 0;
    /// Calls `onMatch` for each match as it arrives; `onMatch` returning false cancels (the rest
    /// is not waited for). Throws NetworkError.
    virtual void find(const Query& query, const std::function<bool(const Match&)>& onMatch) = 0;
    /// All matches of a query (find() collected).
    std::vector<Match> findAll(const Query& query);
    /// Retrieves a study or some of its series (see RetrieveRequest): asks the node which
    /// instances there are, then fetches only those not yet here, one series after another
    /// (most images first); each file is written atomically and moved in place with its whole
    /// series. Throws NetworkError (Cancelled when `progress` returns false).
    RetrieveResult retrieve(const RetrieveRequest& request, const RetrieveProgressFn& progress);
    /// Sends DICOM files (C-STORE or STOW-RS). A file the node refuses is listed with its reason
    /// and the rest still go; a connection failure throws NetworkError.
    virtual SendResult send(const std::vector<std::filesystem::path>& files, const io::ProgressFn& progress) = 0;

    /// Where fetched instances go: the retrieval gives one to fetchSeries().
    class Sink {
    public:
        virtual ~Sink() = default;
        /// Writes the instance `sopUid` atomically through `write` (which fills the temporary
        /// path it is given); throws NetworkError(Storage) when it cannot be written here.
        virtual void store(const std::string& sopUid, const std::function<void(const std::filesystem::path&)>& write) = 0;
        /// False once the user cancelled: fetchers stop as soon as they can.
        virtual bool keepGoing() = 0;
    };

protected:
    /// Fetches the instances `sopUids` of a series (all of it when empty) into `sink`.
    virtual void fetchSeries(const std::string& studyUid, const std::string& seriesUid,
                             const std::vector<std::string>& sopUids, Sink& sink) = 0;
    Node m_node;
};

/// A client for a DIMSE node (defined in dimse_client.cpp).
std::unique_ptr<Client> makeDimseClient(const Node& node);

}  // namespace cardioseg::pacs
