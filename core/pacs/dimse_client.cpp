// DIMSE through DCMTK's DcmSCU (C-ECHO, C-FIND, C-GET, C-MOVE, C-STORE) and a DcmSCP that
// receives C-MOVE's sub-operations. Received instances are written bit for bit as they come
// off the network (DcmSCU's bit-preserving storage), under names we derive from validated UIDs
// only — never from the path DcmSCU proposes, which takes the peer's UID as it is.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scp.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include "pacs/pacs.h"

namespace fs = std::filesystem;

namespace cardioseg::pacs {
namespace {

using Kind = NetworkError::Kind;

void quietDcmtkNetworkLog() {
    static std::once_flag once;
    // DCMTK logs every association failure to stderr; the errors below say it in words.
    std::call_once(once, [] { OFLog::configure(OFLogger::FATAL_LOG_LEVEL); });
}

bool contains(const OFCondition& c, const char* text) { return std::strstr(c.text(), text) != nullptr; }

[[noreturn]] void fail(const OFCondition& c, const Node& n, const std::string& doing) {
    const std::string who = n.label();
    const std::string timeout = std::to_string(n.timeoutSeconds) + " s";
    if (c == DUL_ASSOCIATIONREJECTED)
        throw NetworkError(Kind::Refused, who + " refused the association (our AE title \"" + n.ourAeTitle +
                                              "\", its AE title \"" + n.aeTitle +
                                              "\"): check that the node knows our AE title and that its AE title is right");
    if (c == DUL_REQUESTASSOCIATIONFAILED || (c.module() == OFM_dcmnet && c.code() == DULC_TCPINITERROR)) {
        if (contains(c, "timed out") || contains(c, "Timeout"))
            throw NetworkError(Kind::Timeout, who + " did not answer within " + timeout + " while " + doing);
        std::string why = c.text();
        if (const char* colon = std::strrchr(c.text(), ':')) why = colon + 1;
        while (!why.empty() && why.front() == ' ') why.erase(0, 1);
        throw NetworkError(Kind::Unreachable, "cannot reach " + who + " at " + n.host + ":" + std::to_string(n.port) +
                                                  " (" + why + ")");
    }
    if (c == DIMSE_NODATAAVAILABLE || c == DUL_READTIMEOUT)
        throw NetworkError(Kind::Timeout, who + " stopped answering for " + timeout + " while " + doing);
    if (c == DUL_PEERABORTEDASSOCIATION || c == DUL_NETWORKCLOSED || c == DUL_PEERREQUESTEDRELEASE ||
        c == DIMSE_READPDVFAILED || c == DIMSE_RECEIVEFAILED || c == DIMSE_SENDFAILED)
        throw NetworkError(Kind::Aborted, who + " ended the connection while " + doing +
                                              " (nodes also do so for a calling AE title they do not know: ours is \"" +
                                              n.ourAeTitle + "\")");
    if (c == NET_EC_NoAcceptablePresentationContexts || c == DIMSE_NOVALIDPRESENTATIONCONTEXTID)
        throw NetworkError(Kind::NoCommonSyntax,
                           who + " accepts none of the kinds of object or encodings we offered for " + doing);
    if (c == DIMSE_PARSEFAILED || c == DIMSE_BADMESSAGE || c == DUL_ILLEGALPDU || c == DUL_UNEXPECTEDPDU ||
        c == DIMSE_UNEXPECTEDPDVTYPE)
        throw NetworkError(Kind::Malformed, who + " sent a malformed message while " + doing + " (" + c.text() + ")");
    throw NetworkError(Kind::Failed, who + ": " + doing + " failed (" + c.text() + ")");
}

const char* const kUncompressed[] = {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax};
const char* const kCompressed[] = {
    UID_JPEGProcess14SV1TransferSyntax,  UID_JPEGProcess1TransferSyntax,       UID_JPEGProcess2_4TransferSyntax,
    UID_JPEGLSLosslessTransferSyntax,    UID_JPEGLSLossyTransferSyntax,        UID_JPEG2000LosslessOnlyTransferSyntax,
    UID_JPEG2000TransferSyntax,          UID_RLELosslessTransferSyntax,        UID_DeflatedExplicitVRLittleEndianTransferSyntax};
/// The kinds of image a cardiac study holds: each compressed encoding gets its own context so
/// that the node sends images as it stores them (one encoding per context: nothing to choose).
const char* const kImageClasses[] = {UID_MRImageStorage, UID_EnhancedMRImageStorage,
                                     UID_SecondaryCaptureImageStorage};

OFList<OFString> syntaxes(std::initializer_list<const char*> uids) {
    OFList<OFString> l;
    for (const char* u : uids) l.push_back(u);
    return l;
}

/// Explicit, then implicit little endian: what every node accepts.
OFList<OFString> uncompressed() { return syntaxes({kUncompressed[0], kUncompressed[1]}); }

/// A DIMSE status as the standard writes it (0xA700).
std::string hex(Uint16 status) {
    char b[8];
    std::snprintf(b, sizeof b, "%04X", status);
    return b;
}

/// DcmSCU set up for a node: timeouts, TLS, our AE title.
class Scu : public DcmSCU {
public:
    explicit Scu(const Node& n) : m_node(n) {
        quietDcmtkNetworkLog();
        setAETitle(n.ourAeTitle.c_str());
        setPeerAETitle(n.aeTitle.c_str());
        setPeerHostName(n.host.c_str());
        setPeerPort(static_cast<Uint16>(n.port));
        const auto t = static_cast<Uint32>(std::max(1, n.timeoutSeconds));
        setConnectionTimeout(static_cast<Sint32>(t));
        setACSETimeout(t);
        setDIMSETimeout(t);
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setMaxReceivePDULength(ASC_MAXIMUMPDUSIZE / 2);
    }
    ~Scu() override {
        if (isConnected()) abortAssociation();
    }

    /// Opens the association; throws NetworkError.
    void connect(const std::string& doing) {
        OFCondition c = initNetwork();
        if (c.good() && m_node.tls) c = startTls();
        if (c.good()) c = negotiateAssociation();
        if (c.bad()) fail(c, m_node, doing);
    }
    T_ASC_PresentationContextID context(const char* sopClass, const std::string& doing) {
        const T_ASC_PresentationContextID id = findAnyPresentationContextID(sopClass, "");
        if (id == 0) fail(NET_EC_NoAcceptablePresentationContexts, m_node, doing);
        return id;
    }
    void finish() {
        if (isConnected()) releaseAssociation();
    }

    // C-FIND: matches stream to the callback; false from it ends the query.
    std::function<bool(DcmDataset&)> onFindMatch;
    bool findCancelled = false;
    OFCondition handleFINDResponse(const T_ASC_PresentationContextID presID, QRResponse* response,
                                   OFBool& waitForNextResponse) override {
        const OFCondition c = DcmSCU::handleFINDResponse(presID, response, waitForNextResponse);
        if (response->m_status == STATUS_Pending || response->m_status == STATUS_FIND_Pending_WarningUnsupportedOptionalKeys) {
            if (response->m_dataset && onFindMatch && !onFindMatch(*response->m_dataset)) {
                findCancelled = true;
                waitForNextResponse = OFFalse;
            }
        } else if (DICOM_FAILURE_STATUS(response->m_status)) {
            m_failure = "the node answered the query with failure status 0x" + hex(response->m_status);
        }
        return c;
    }

    // C-GET: instances to the sink, under names from their validated UIDs.
    Client::Sink* sink = nullptr;
    std::string storeError;
    Kind storeErrorKind = Kind::Storage;
    OFCondition handleSTORERequestFile(T_ASC_PresentationContextID* presID, const OFString& /*proposed*/,
                                       T_DIMSE_C_StoreRQ* request) override {
        if (!sink || !storeError.empty()) return ignoreSTORERequest(*presID, *request);
        // Cancelled: an error ends the C-GET session now (the caller then aborts the association)
        // rather than after every remaining image has come in.
        if (!sink->keepGoing()) return EC_IllegalCall;
        OFCondition received = EC_Normal;
        try {
            sink->store(request->AffectedSOPInstanceUID, [&](const fs::path& tmp) {
                received = DcmSCU::handleSTORERequestFile(presID, tmp.string().c_str(), request);
                if (received.bad()) throw NetworkError(Kind::Aborted, received.text());
            });
        } catch (const NetworkError& e) {
            if (received.bad()) return received;  // the network failed: handled by the caller
            storeError = e.what();
            storeErrorKind = e.kind();
            return EC_IllegalCall;
        }
        return EC_Normal;
    }
    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& continueCGETSession) override {
        const OFCondition c = DcmSCU::handleCGETResponse(presID, response, continueCGETSession);
        noteRetrieveStatus(*response);
        if (sink && !sink->keepGoing()) continueCGETSession = OFFalse;
        return c;
    }
    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& waitForNextResponse) override {
        const OFCondition c = DcmSCU::handleMOVEResponse(presID, response, waitForNextResponse);
        noteRetrieveStatus(*response);
        if (sink && !sink->keepGoing()) waitForNextResponse = OFFalse;  // cancelled: stop waiting
        return c;
    }
    void notifyInstanceStored(const OFString&, const OFString&, const OFString&) const override {}
    const std::string& failure() const { return m_failure; }

private:
    void noteRetrieveStatus(const RetrieveResponse& r) {
        if (r.m_status == STATUS_MOVE_Failed_MoveDestinationUnknown)
            m_failure = m_node.label() + " does not know our AE title \"" + m_node.ourAeTitle +
                        "\" as a C-MOVE destination (add it, with our host and port " + std::to_string(m_node.ourPort) +
                        ", to the node's list of modalities)";
        else if (DICOM_FAILURE_STATUS(r.m_status) && m_failure.empty())
            m_failure = m_node.label() + " answered the retrieval with failure status 0x" + hex(r.m_status) + " (" +
                        std::to_string(r.m_numberOfFailedSubops) + " image(s) failed)";
    }
    OFCondition startTls() {
        auto layer = std::make_unique<DcmTLSTransportLayer>(NET_REQUESTOR, nullptr, OFTrue);
        // BCP 195: TLS 1.2 or later with the cipher suites the DICOM standard recommends.
        OFCondition c = layer->setTLSProfile(TSP_Profile_BCP195);
        if (c.good()) c = layer->activateCipherSuites();
        if (c.bad()) throw NetworkError(Kind::Failed, std::string("cannot set up TLS (") + c.text() + ")");
        if (!m_node.tlsCaFile.empty()) {
            c = layer->addTrustedCertificateFile(m_node.tlsCaFile.c_str(), DCF_Filetype_PEM);
            if (c.bad())
                throw NetworkError(Kind::Failed, "cannot read the trusted certificates " + m_node.tlsCaFile + " (" + c.text() + ")");
            layer->setCertificateVerification(DCV_requireCertificate);
        } else {
            layer->setCertificateVerification(DCV_ignoreCertificate);
        }
        if (!m_node.tlsCertFile.empty()) {
            c = layer->setPrivateKeyFile(m_node.tlsKeyFile.c_str(), DCF_Filetype_PEM);
            if (c.good()) c = layer->setCertificateFile(m_node.tlsCertFile.c_str(), DCF_Filetype_PEM);
            if (c.bad())
                throw NetworkError(Kind::Failed, "cannot read our certificate " + m_node.tlsCertFile + " or its key " +
                                                     m_node.tlsKeyFile + " (" + c.text() + ")");
        }
        c = useSecureConnection(layer.get());
        if (c.good()) m_tls = std::move(layer);
        return c;
    }
    const Node& m_node;
    std::string m_failure;
    std::unique_ptr<DcmTLSTransportLayer> m_tls;
};

void putString(DcmDataset& ds, const DcmTagKey& tag, const std::string& value) {
    ds.putAndInsertString(tag, value.c_str());
}

std::string getString(DcmItem& ds, const DcmTagKey& tag) {
    OFString v;
    ds.findAndGetOFStringArray(tag, v);
    return v.c_str();
}

int getInt(DcmItem& ds, const DcmTagKey& tag) {
    const std::string s = getString(ds, tag);
    if (s.empty()) return -1;
    try {
        return std::stoi(s);
    } catch (...) {
        return -1;
    }
}

DcmDataset queryKeys(const Query& q) {
    DcmDataset ds;
    const char* level = q.level == Level::Study ? "STUDY" : q.level == Level::Series ? "SERIES" : "IMAGE";
    putString(ds, DCM_QueryRetrieveLevel, level);
    putString(ds, DCM_StudyInstanceUID, q.studyUid);
    if (q.level == Level::Study) {
        putString(ds, DCM_PatientName, q.patientName);
        putString(ds, DCM_PatientID, q.patientId);
        putString(ds, DCM_PatientBirthDate, q.birthDate);
        putString(ds, DCM_StudyDate, q.studyDate);
        putString(ds, DCM_AccessionNumber, q.accession);
        putString(ds, DCM_StudyDescription, q.description);
        putString(ds, DCM_ModalitiesInStudy, q.modality);
        putString(ds, DCM_NumberOfStudyRelatedInstances, "");
        putString(ds, DCM_NumberOfStudyRelatedSeries, "");
    } else if (q.level == Level::Series) {
        putString(ds, DCM_SeriesInstanceUID, "");
        putString(ds, DCM_Modality, q.modality);
        putString(ds, DCM_SeriesDescription, q.description);
        putString(ds, DCM_SeriesNumber, "");
        putString(ds, DCM_NumberOfSeriesRelatedInstances, "");
    } else {
        putString(ds, DCM_SeriesInstanceUID, q.seriesUid);
        putString(ds, DCM_SOPInstanceUID, "");
        putString(ds, DCM_SOPClassUID, "");
    }
    return ds;
}

Match matchOf(DcmDataset& ds, Level level) {
    Match m;
    m.studyUid = getString(ds, DCM_StudyInstanceUID);
    if (level == Level::Study) {
        m.patientId = getString(ds, DCM_PatientID);
        m.patientName = getString(ds, DCM_PatientName);
        m.birthDate = getString(ds, DCM_PatientBirthDate);
        m.studyDate = getString(ds, DCM_StudyDate);
        m.studyDescription = getString(ds, DCM_StudyDescription);
        m.accession = getString(ds, DCM_AccessionNumber);
        m.modalities = getString(ds, DCM_ModalitiesInStudy);
        m.images = getInt(ds, DCM_NumberOfStudyRelatedInstances);
        m.series = getInt(ds, DCM_NumberOfStudyRelatedSeries);
    } else if (level == Level::Series) {
        m.seriesUid = getString(ds, DCM_SeriesInstanceUID);
        m.modality = getString(ds, DCM_Modality);
        m.seriesDescription = getString(ds, DCM_SeriesDescription);
        m.seriesNumber = getInt(ds, DCM_SeriesNumber);
        m.images = getInt(ds, DCM_NumberOfSeriesRelatedInstances);
    } else {
        m.seriesUid = getString(ds, DCM_SeriesInstanceUID);
        m.sopInstanceUid = getString(ds, DCM_SOPInstanceUID);
        m.sopClassUid = getString(ds, DCM_SOPClassUID);
    }
    return m;
}

/// The storage contexts for receiving: image classes once per encoding, every other storage
/// class uncompressed, at most `room` contexts in all.
template <class Add>
void addStorageContexts(Add&& add, int room) {
    int used = 0;
    for (const char* cls : kImageClasses) {
        for (const char* ts : kUncompressed) add(cls, syntaxes({ts})), ++used;
        for (const char* ts : kCompressed) add(cls, syntaxes({ts})), ++used;
    }
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && used < room; ++i) {
        const char* cls = dcmLongSCUStorageSOPClassUIDs[i];
        if (std::any_of(std::begin(kImageClasses), std::end(kImageClasses), [&](const char* c) { return !std::strcmp(c, cls); }))
            continue;
        add(cls, uncompressed());
        ++used;
    }
}

/// Our storage SCP for C-MOVE: listens on the node's ourPort only while a retrieval runs.
class MoveReceiver : public DcmSCP {
public:
    MoveReceiver(const Node& n, Client::Sink& sink) : m_sink(sink) {
        quietDcmtkNetworkLog();
        setAETitle(n.ourAeTitle.c_str());
        setPort(static_cast<Uint16>(n.ourPort));
        setConnectionBlockingMode(DUL_NOBLOCK);
        setConnectionTimeout(1);
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setDIMSETimeout(static_cast<Uint32>(std::max(1, n.timeoutSeconds)));
        setACSETimeout(static_cast<Uint32>(std::max(1, n.timeoutSeconds)));
        setHostLookupEnabled(OFFalse);
        OFList<OFString> all;
        for (const char* ts : kCompressed) all.push_back(ts);  // keep what the sender stores
        for (const char* ts : kUncompressed) all.push_back(ts);
        for (int i = 0; i < numberOfDcmAllStorageSOPClassUIDs; ++i)
            addPresentationContext(dcmAllStorageSOPClassUIDs[i], all);
        addPresentationContext(UID_VerificationSOPClass, uncompressed());
    }
    void stop() { m_stop = true; }
    std::string error() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_error;
    }
    Kind errorKind() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_errorKind;
    }

protected:
    OFCondition handleIncomingCommand(T_DIMSE_Message* msg, const DcmPresentationContextInfo& info) override {
        if (msg->CommandField != DIMSE_C_STORE_RQ) return DcmSCP::handleIncomingCommand(msg, info);
        T_DIMSE_C_StoreRQ& rq = msg->msg.CStoreRQ;
        Uint16 status = STATUS_Success;
        OFCondition received = EC_Normal;
        if (!m_sink.keepGoing() || !error().empty()) {
            DcmDataset* ignored = nullptr;
            received = receiveSTORERequest(rq, info.presentationContextID, ignored);
            delete ignored;
            status = STATUS_STORE_Refused_OutOfResources;
        } else {
            try {
                m_sink.store(rq.AffectedSOPInstanceUID, [&](const fs::path& tmp) {
                    received = receiveSTORERequest(rq, info.presentationContextID, OFString(tmp.string().c_str()));
                    if (received.bad()) throw NetworkError(Kind::Aborted, received.text());
                });
            } catch (const NetworkError& e) {
                if (received.bad()) return received;
                std::lock_guard<std::mutex> lock(m_mutex);
                m_error = e.what();
                m_errorKind = e.kind();
                status = STATUS_STORE_Refused_OutOfResources;
            }
        }
        if (received.bad()) return received;
        return sendSTOREResponse(info.presentationContextID, rq, status);
    }
    OFBool stopAfterConnectionTimeout() override { return m_stop.load(); }
    OFBool stopAfterCurrentAssociation() override { return m_stop.load(); }

private:
    Client::Sink& m_sink;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::string m_error;
    Kind m_errorKind = Kind::Storage;
};

class DimseClient : public Client {
public:
    using Client::Client;

    double echo() override {
        const auto t0 = std::chrono::steady_clock::now();
        Scu scu(m_node);
        scu.addPresentationContext(UID_VerificationSOPClass, uncompressed());
        scu.connect("verifying the connection");
        const OFCondition c = scu.sendECHORequest(scu.context(UID_VerificationSOPClass, "verification"));
        if (c.bad()) fail(c, m_node, "verifying the connection");
        scu.finish();
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }

    void find(const Query& query, const std::function<bool(const Match&)>& onMatch) override {
        Scu scu(m_node);
        scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel,
                                   uncompressed());
        scu.connect("querying");
        std::string malformed;
        scu.onFindMatch = [&](DcmDataset& ds) {
            Match m = matchOf(ds, query.level);
            if (m.studyUid.empty() || (query.level != Level::Study && m.seriesUid.empty()) ||
                (query.level == Level::Image && m.sopInstanceUid.empty())) {
                malformed = "the node answered the query with a match that lacks its UIDs";
                return false;
            }
            return onMatch(m);
        };
        DcmDataset keys = queryKeys(query);
        const OFCondition c = scu.sendFINDRequest(
            scu.context(UID_FINDStudyRootQueryRetrieveInformationModel, "querying"), &keys, nullptr);
        if (!malformed.empty()) throw NetworkError(Kind::Malformed, m_node.label() + ": " + malformed);
        if (scu.findCancelled) return;  // the destructor aborts the association
        if (c.bad()) fail(c, m_node, "querying");
        if (!scu.failure().empty()) throw NetworkError(Kind::Failed, m_node.label() + ": " + scu.failure());
        scu.finish();
    }

    SendResult send(const std::vector<fs::path>& files, const io::ProgressFn& progress) override {
        SendResult result;
        struct Item {
            fs::path file;
            std::string sopClass, ts;
        };
        std::vector<Item> items;
        for (const fs::path& f : files) {
            DcmFileFormat ff;
            const OFCondition c = ff.loadFileUntilTag(f.string().c_str(), EXS_Unknown, EGL_noChange,
                                                      DCM_MaxReadLength, ERM_fileOnly, DCM_PixelData);
            std::string cls = getString(*ff.getMetaInfo(), DCM_MediaStorageSOPClassUID);
            std::string ts = getString(*ff.getMetaInfo(), DCM_TransferSyntaxUID);
            if (c.bad() || cls.empty() || ts.empty()) {
                result.failed.push_back({f.string(), c.bad() ? std::string("not a DICOM file (") + c.text() + ")"
                                                             : "not a DICOM file (no file meta information)"});
                continue;
            }
            items.push_back({f, cls, ts});
        }
        if (items.empty()) return result;
        Scu scu(m_node);
        scu.setDatasetConversionMode(OFTrue);
        std::set<std::pair<std::string, std::string>> offered;
        for (const Item& it : items) {
            if (!offered.insert({it.sopClass, it.ts}).second) continue;
            if (it.ts == kUncompressed[0] || it.ts == kUncompressed[1])
                scu.addPresentationContext(it.sopClass.c_str(), uncompressed());
            else
                scu.addPresentationContext(it.sopClass.c_str(), syntaxes({it.ts.c_str()}));
        }
        scu.connect("sending");
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Item& it = items[i];
            if (progress && !progress(static_cast<double>(i) / items.size(), it.file.filename().string()))
                throw NetworkError(Kind::Cancelled, "sending cancelled after " + std::to_string(result.sent) + " file(s)");
            T_ASC_PresentationContextID id = scu.findPresentationContextID(it.sopClass.c_str(), it.ts.c_str());
            if (id == 0) id = scu.findAnyPresentationContextID(it.sopClass.c_str(), "");
            if (id == 0) {
                result.failed.push_back({it.file.string(), m_node.label() + " does not accept this kind of object (" +
                                                               std::string(dcmFindNameOfUID(it.sopClass.c_str(), it.sopClass.c_str())) + ")"});
                continue;
            }
            Uint16 status = 0;
            const OFCondition c = scu.sendSTORERequest(id, OFFilename(it.file.string().c_str()), nullptr, status);
            if (c.bad()) fail(c, m_node, "sending " + it.file.filename().string());
            if (DICOM_FAILURE_STATUS(status)) {
                result.failed.push_back({it.file.string(), m_node.label() + " refused it (status 0x" + hex(status) + ")"});
            } else {
                ++result.sent;
            }
        }
        scu.finish();
        if (progress) progress(1.0, "sent");
        return result;
    }

protected:
    void fetchSeries(const std::string& studyUid, const std::string& seriesUid, const std::vector<std::string>& sopUids,
                     Sink& sink) override {
        DcmDataset keys;
        putString(keys, DCM_QueryRetrieveLevel, sopUids.empty() ? "SERIES" : "IMAGE");
        putString(keys, DCM_StudyInstanceUID, studyUid);
        putString(keys, DCM_SeriesInstanceUID, seriesUid);
        // A resumed series asks for its missing instances, in batches that keep the request small.
        const std::size_t batch = 200;
        for (std::size_t first = 0; first == 0 || first < sopUids.size(); first += batch) {
            if (!sopUids.empty()) {
                std::string list;
                for (std::size_t i = first; i < std::min(sopUids.size(), first + batch); ++i)
                    list += (list.empty() ? "" : "\\") + sopUids[i];
                putString(keys, DCM_SOPInstanceUID, list);
            }
            if (m_node.method == RetrieveMethod::Move)
                move(keys, sink);
            else
                get(keys, sink);
            if (!sink.keepGoing()) return;
            if (sopUids.empty()) break;
        }
    }

private:
    void get(DcmDataset& keys, Sink& sink) {
        Scu scu(m_node);
        scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel,
                                   uncompressed());
        addStorageContexts([&](const char* cls, const OFList<OFString>& ts) { scu.addPresentationContext(cls, ts, ASC_SC_ROLE_SCP); },
                           126);
        scu.setStorageMode(DCMSCU_STORAGE_BIT_PRESERVING);
        scu.sink = &sink;
        scu.connect("retrieving");
        const OFCondition c =
            scu.sendCGETRequest(scu.context(UID_GETStudyRootQueryRetrieveInformationModel, "retrieving"), &keys, nullptr);
        if (!scu.storeError.empty()) throw NetworkError(scu.storeErrorKind, scu.storeError);
        if (!sink.keepGoing()) return;  // cancelled: the destructor aborts the association
        if (c.bad()) fail(c, m_node, "retrieving");
        if (!scu.failure().empty()) throw NetworkError(Kind::Failed, scu.failure());
        scu.finish();
    }

    void move(DcmDataset& keys, Sink& sink) {
        MoveReceiver receiver(m_node, sink);
        OFCondition c = receiver.openListenPort();
        if (c.bad())
            throw NetworkError(Kind::Failed, "cannot receive images on port " + std::to_string(m_node.ourPort) +
                                                 " (" + c.text() + "): choose another port for this node, or C-GET");
        std::thread listener([&receiver] { receiver.acceptAssociations(); });
        struct Join {
            MoveReceiver& r;
            std::thread& t;
            ~Join() {
                r.stop();
                t.join();
            }
        } join{receiver, listener};
        Scu scu(m_node);
        scu.sink = &sink;  // only asked whether the user cancelled: the receiver stores
        scu.addPresentationContext(UID_MOVEStudyRootQueryRetrieveInformationModel,
                                   uncompressed());
        scu.connect("retrieving");
        c = scu.sendMOVERequest(scu.context(UID_MOVEStudyRootQueryRetrieveInformationModel, "retrieving"),
                                m_node.ourAeTitle.c_str(), &keys, nullptr);
        if (!receiver.error().empty()) throw NetworkError(receiver.errorKind(), receiver.error());
        if (!sink.keepGoing()) return;
        if (c.bad()) fail(c, m_node, "retrieving");
        if (!scu.failure().empty()) throw NetworkError(Kind::Failed, scu.failure());
        scu.finish();
    }
};

}  // namespace

std::unique_ptr<Client> makeDimseClient(const Node& node) {
    if (node.isWeb()) throw std::invalid_argument(node.url + " is a DICOMweb node, not a DIMSE one");
    return std::make_unique<DimseClient>(node);
}

}  // namespace cardioseg::pacs
