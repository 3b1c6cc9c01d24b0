#include "dicomweb/dicomweb_client.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <cstring>
#include <fstream>

namespace cardioseg::net {

using pacs::Level;
using pacs::Match;
using pacs::NetworkError;
using Kind = NetworkError::Kind;

std::string sopInstanceUidOfPart10(const std::string& b) {
    // File meta information: always explicit VR little endian, right after "DICM".
    if (b.size() < 132 || b.compare(128, 4, "DICM") != 0) return {};
    std::size_t at = 132;
    while (at + 8 <= b.size()) {
        const auto u16 = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(b[i])) |
                                                     static_cast<unsigned>(static_cast<unsigned char>(b[i + 1])) << 8; };
        const unsigned group = u16(at), element = u16(at + 2);
        if (group != 0x0002) return {};
        const std::string vr = b.substr(at + 4, 2);
        std::size_t length = 0, header = 8;
        if (vr == "OB" || vr == "OW" || vr == "UN" || vr == "SQ" || vr == "UT" || vr == "UC" || vr == "UR") {
            if (at + 12 > b.size()) return {};
            length = u16(at + 8) | static_cast<std::size_t>(u16(at + 10)) << 16;
            header = 12;
        } else {
            length = u16(at + 6);
        }
        if (at + header + length > b.size()) return {};
        if (element == 0x0003) {
            std::string uid = b.substr(at + header, length);
            while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' ')) uid.pop_back();
            return uid;
        }
        at += header + length;
    }
    return {};
}

namespace {

std::string jsonString(const QJsonObject& ds, const char* tag) {
    const QJsonArray values = ds.value(tag).toObject().value("Value").toArray();
    if (values.isEmpty()) return {};
    const QJsonValue v = values.first();
    if (v.isObject()) return v.toObject().value("Alphabetic").toString().toStdString();  // PN
    if (v.isDouble()) return std::to_string(v.toInt());
    QStringList all;
    for (const auto& x : values) all << x.toString();
    return all.join('\\').toStdString();
}

int jsonInt(const QJsonObject& ds, const char* tag) {
    const QJsonArray values = ds.value(tag).toObject().value("Value").toArray();
    if (values.isEmpty()) return -1;
    const QJsonValue v = values.first();
    return v.isDouble() ? v.toInt() : v.toString().toInt();
}

Match matchOf(const QJsonObject& ds, Level level) {
    Match m;
    m.studyUid = jsonString(ds, "0020000D");
    if (level == Level::Study) {
        m.patientId = jsonString(ds, "00100020");
        m.patientName = jsonString(ds, "00100010");
        m.birthDate = jsonString(ds, "00100030");
        m.studyDate = jsonString(ds, "00080020");
        m.studyDescription = jsonString(ds, "00081030");
        m.accession = jsonString(ds, "00080050");
        m.modalities = jsonString(ds, "00080061");
        m.images = jsonInt(ds, "00201208");
        m.series = jsonInt(ds, "00201206");
    } else if (level == Level::Series) {
        m.seriesUid = jsonString(ds, "0020000E");
        m.modality = jsonString(ds, "00080060");
        m.seriesDescription = jsonString(ds, "0008103E");
        m.seriesNumber = jsonInt(ds, "00200011");
        m.images = jsonInt(ds, "00201209");
    } else {
        m.seriesUid = jsonString(ds, "0020000E");
        m.sopInstanceUid = jsonString(ds, "00080018");
        m.sopClassUid = jsonString(ds, "00080016");
    }
    return m;
}

/// One HTTP exchange, waited for on a local event loop; the reply's data may be taken as it
/// arrives (`onData`), which may abort the exchange by returning false.
class Exchange {
public:
    explicit Exchange(const pacs::Node& node) : m_node(node) { m_nam.setAutoDeleteReplies(false); }

    QNetworkRequest request(const QString& path, const QByteArray& accept) const {
        QNetworkRequest rq(QUrl(QString::fromStdString(m_node.url) + path));
        rq.setRawHeader("Accept", accept);
        if (!m_node.token.empty())
            rq.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(m_node.token));
        else if (!m_node.user.empty())
            rq.setRawHeader("Authorization",
                            "Basic " + QByteArray::fromStdString(m_node.user + ":" + m_node.password).toBase64());
        rq.setTransferTimeout(std::max(1, m_node.timeoutSeconds) * 1000);
        return rq;
    }

    /// Runs `reply` to its end; throws NetworkError for transport failures and HTTP errors.
    QByteArray run(QNetworkReply* reply, const std::string& doing, const std::function<bool(QNetworkReply&)>& onData = {}) {
        std::unique_ptr<QNetworkReply> owner(reply);
        QEventLoop loop;
        bool stopped = false;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (onData)
            QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
                if (!stopped && !onData(*reply)) {
                    stopped = true;
                    reply->abort();
                }
            });
        if (!reply->isFinished()) loop.exec();
        if (stopped) return {};
        if (onData && reply->bytesAvailable() > 0) onData(*reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString who = QString::fromStdString(m_node.label());
        const QNetworkReply::NetworkError e = reply->error();
        if (status == 401 || status == 403)
            throw NetworkError(Kind::Refused, (who + " refused the login" +
                                               (m_node.user.empty() ? QString() : " of user \"" + QString::fromStdString(m_node.user) + "\"") +
                                               " (HTTP " + QString::number(status) + "): check the user and password or token")
                                                  .toStdString());
        if (e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError ||
            e == QNetworkReply::NetworkSessionFailedError || e == QNetworkReply::TemporaryNetworkFailureError)
            throw NetworkError(Kind::Unreachable, ("cannot reach " + who + " (" + reply->errorString() + ")").toStdString());
        if (e == QNetworkReply::TimeoutError || e == QNetworkReply::OperationCanceledError)
            throw NetworkError(Kind::Timeout, (who + " stopped answering for " + QString::number(m_node.timeoutSeconds) +
                                               " s while " + QString::fromStdString(doing))
                                                  .toStdString());
        if (e == QNetworkReply::RemoteHostClosedError || (status == 0 && e != QNetworkReply::NoError))
            throw NetworkError(Kind::Aborted, (who + " ended the connection while " + QString::fromStdString(doing) + " (" +
                                               reply->errorString() + ")")
                                                  .toStdString());
        if (e == QNetworkReply::SslHandshakeFailedError)
            throw NetworkError(Kind::Refused, (who + ": the secure connection failed (" + reply->errorString() + ")").toStdString());
        QByteArray body = reply->readAll();
        if (status >= 400 && status != 409)
            throw NetworkError(Kind::Failed, (who + " answered HTTP " + QString::number(status) + " while " +
                                              QString::fromStdString(doing))
                                                 .toStdString());
        m_status = status;
        return body;
    }
    QNetworkAccessManager& nam() { return m_nam; }
    int status() const { return m_status; }

private:
    const pacs::Node& m_node;
    QNetworkAccessManager m_nam;
    int m_status = 0;
};

QJsonArray parseJsonArray(const QByteArray& body, const pacs::Node& node, const std::string& doing) {
    if (body.trimmed().isEmpty()) return {};  // 204 No Content: no matches
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        throw NetworkError(Kind::Malformed, node.label() + " answered " + doing + " with something that is not DICOM JSON (" +
                                                (err.error != QJsonParseError::NoError ? err.errorString().toStdString()
                                                                                       : std::string("not an array")) +
                                                ")");
    return doc.array();
}

/// Splits a multipart/related body as it arrives: each complete part goes to `onPart`.
class MultipartReader {
public:
    explicit MultipartReader(QByteArray boundary) : m_delimiter("--" + boundary) {}
    /// Feeds data; calls onPart(body) for each complete part. Throws on a malformed stream.
    template <class OnPart>
    void feed(const QByteArray& data, OnPart&& onPart) {
        m_buffer += data;
        for (;;) {
            const int start = m_buffer.indexOf(m_delimiter);
            if (start < 0) return;
            const int next = m_buffer.indexOf("\r\n" + m_delimiter, start + m_delimiter.size());
            if (next < 0) return;
            const QByteArray part = m_buffer.mid(start + m_delimiter.size(), next - start - m_delimiter.size());
            m_buffer.remove(0, next + 2);  // keep the next delimiter
            const int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) throw NetworkError(Kind::Malformed, "a part of the answer has no headers");
            onPart(part.mid(headersEnd + 4));
        }
    }

private:
    QByteArray m_delimiter;
    QByteArray m_buffer;
};

QByteArray boundaryOf(const QByteArray& contentType) {
    for (QByteArray p : contentType.split(';')) {
        p = p.trimmed();
        if (p.toLower().startsWith("boundary=")) {
            QByteArray b = p.mid(9);
            if (b.startsWith('"') && b.endsWith('"')) b = b.mid(1, b.size() - 2);
            return b;
        }
    }
    return {};
}

class DicomWebClient : public pacs::Client {
public:
    using Client::Client;

    double echo() override {
        QElapsedTimer t;
        t.start();
        Exchange x(m_node);
        const QByteArray body = x.run(x.nam().get(x.request("/studies?limit=1", "application/dicom+json")), "verifying the connection");
        parseJsonArray(body, m_node, "a query");
        return static_cast<double>(t.nsecsElapsed()) / 1e6;
    }

    void find(const pacs::Query& q, const std::function<bool(const Match&)>& onMatch) override {
        QString path;
        QUrlQuery query;
        const auto key = [&](const char* name, const std::string& v) {
            if (!v.empty()) query.addQueryItem(name, QString::fromStdString(v));
        };
        if (q.level == Level::Study) {
            path = "/studies";
            key("PatientID", q.patientId);
            key("PatientName", q.patientName);
            key("PatientBirthDate", q.birthDate);
            key("StudyDate", q.studyDate);
            key("AccessionNumber", q.accession);
            key("StudyDescription", q.description);
            key("ModalitiesInStudy", q.modality);
            key("StudyInstanceUID", q.studyUid);
            for (const char* f : {"00100030", "00081030", "00080061", "00201206", "00201208"}) query.addQueryItem("includefield", f);
        } else if (q.level == Level::Series) {
            checkUid(q.studyUid);
            path = "/studies/" + QString::fromStdString(q.studyUid) + "/series";
            key("Modality", q.modality);
            key("SeriesDescription", q.description);
            for (const char* f : {"0008103E", "00200011", "00201209"}) query.addQueryItem("includefield", f);
        } else {
            checkUid(q.studyUid);
            checkUid(q.seriesUid);
            path = "/studies/" + QString::fromStdString(q.studyUid) + "/series/" + QString::fromStdString(q.seriesUid) +
                   "/instances";
        }
        // Pages, so that matches show as they come and a cancel stops between pages.
        const int page = q.level == Level::Image ? 1000 : 100;
        for (int offset = 0;; offset += page) {
            QUrlQuery paged = query;
            paged.addQueryItem("limit", QString::number(page));
            paged.addQueryItem("offset", QString::number(offset));
            Exchange x(m_node);
            const QByteArray body =
                x.run(x.nam().get(x.request(path + "?" + paged.toString(QUrl::FullyEncoded), "application/dicom+json")), "querying");
            const QJsonArray matches = parseJsonArray(body, m_node, "the query");
            for (const auto& v : matches) {
                if (!v.isObject()) throw NetworkError(Kind::Malformed, m_node.label() + " answered the query with a non-object match");
                const Match m = matchOf(v.toObject(), q.level);
                if (m.studyUid.empty() || (q.level != Level::Study && m.seriesUid.empty()) ||
                    (q.level == Level::Image && m.sopInstanceUid.empty()))
                    throw NetworkError(Kind::Malformed, m_node.label() + ": the node answered the query with a match that lacks its UIDs");
                if (!onMatch(m)) return;
            }
            if (matches.size() < page) return;
        }
    }

    pacs::SendResult send(const std::vector<std::filesystem::path>& files, const io::ProgressFn& progress) override {
        pacs::SendResult result;
        // One STOW-RS request per file: a refusal names its file, and memory stays one file.
        for (std::size_t i = 0; i < files.size(); ++i) {
            const auto& f = files[i];
            if (progress && !progress(static_cast<double>(i) / files.size(), f.filename().string()))
                throw NetworkError(Kind::Cancelled, "sending cancelled after " + std::to_string(result.sent) + " file(s)");
            QFile in(QString::fromStdString(f.string()));
            if (!in.open(QIODevice::ReadOnly)) {
                result.failed.push_back({f.string(), "cannot read it (" + in.errorString().toStdString() + ")"});
                continue;
            }
            const QByteArray bytes = in.readAll();
            const std::string uid = sopInstanceUidOfPart10(bytes.toStdString());
            if (uid.empty()) {
                result.failed.push_back({f.string(), "not a DICOM file (no file meta information)"});
                continue;
            }
            const QByteArray boundary = "cardioseg-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
            QByteArray body = "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
            Exchange x(m_node);
            QNetworkRequest rq = x.request("/studies", "application/dicom+json");
            rq.setHeader(QNetworkRequest::ContentTypeHeader,
                         "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
            const QByteArray reply = x.run(x.nam().post(rq, body), "sending " + f.filename().string());
            const QJsonDocument doc = QJsonDocument::fromJson(reply);
            const QJsonArray failed = doc.object().value("00081198").toObject().value("Value").toArray();
            if (x.status() == 409 || !failed.isEmpty()) {
                std::string why = "the node refused it";
                if (!failed.isEmpty()) {
                    const int reason = jsonInt(failed.first().toObject(), "00081197");
                    if (reason > 0) why += " (failure reason " + std::to_string(reason) + ")";
                }
                result.failed.push_back({f.string(), why});
            } else {
                ++result.sent;
            }
        }
        if (progress) progress(1.0, "sent");
        return result;
    }

protected:
    void fetchSeries(const std::string& studyUid, const std::string& seriesUid, const std::vector<std::string>& sopUids,
                     Sink& sink) override {
        checkUid(studyUid);
        checkUid(seriesUid);
        const QString series = "/studies/" + QString::fromStdString(studyUid) + "/series/" + QString::fromStdString(seriesUid);
        if (sopUids.empty()) {
            fetch(series, sink);
            return;
        }
        for (const std::string& uid : sopUids) {
            checkUid(uid);
            fetch(series + "/instances/" + QString::fromStdString(uid), sink);
            if (!sink.keepGoing()) return;
        }
    }

private:
    void checkUid(const std::string& uid) const {
        if (!pacs::isFileSafeUid(uid)) throw std::invalid_argument("\"" + uid + "\" is not a DICOM UID");
    }

    /// WADO-RS: the instances as the node stores them (transfer-syntax=*), each part written as it
    /// completes.
    void fetch(const QString& path, Sink& sink) {
        Exchange x(m_node);
        std::unique_ptr<MultipartReader> reader;
        std::unique_ptr<NetworkError> storeError;
        const auto onData = [&](QNetworkReply& reply) {
            if (!reader) {
                const QByteArray boundary = boundaryOf(reply.header(QNetworkRequest::ContentTypeHeader).toByteArray());
                const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status >= 400) return true;  // run() reports it
                if (boundary.isEmpty()) {
                    storeError = std::make_unique<NetworkError>(Kind::Malformed, m_node.label() + " answered the retrieval without a multipart body");
                    return false;
                }
                reader = std::make_unique<MultipartReader>(boundary);
            }
            try {
                reader->feed(reply.readAll(), [&](const QByteArray& part) {
                    const std::string bytes = part.toStdString();
                    const std::string uid = sopInstanceUidOfPart10(bytes);
                    if (uid.empty()) throw NetworkError(Kind::Malformed, m_node.label() + " sent a part that is not a DICOM file");
                    sink.store(uid, [&](const std::filesystem::path& tmp) {
                        std::ofstream out(tmp, std::ios::binary);
                        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
                        out.flush();
                        if (!out) throw std::runtime_error(std::strerror(errno));
                    });
                });
            } catch (const NetworkError& e) {
                storeError = std::make_unique<NetworkError>(e);
                return false;
            }
            return sink.keepGoing();
        };
        x.run(x.nam().get(x.request(path, "multipart/related; type=\"application/dicom\"; transfer-syntax=*")), "retrieving",
              onData);
        if (storeError) throw *storeError;
    }
};

}  // namespace

std::unique_ptr<pacs::Client> makeDicomWebClient(const pacs::Node& node) {
    if (!node.isWeb()) throw std::invalid_argument(node.address() + " is not a DICOMweb node");
    return std::make_unique<DicomWebClient>(node);
}

std::unique_ptr<pacs::Client> makeClient(const pacs::Node& node) {
    return node.isWeb() ? makeDicomWebClient(node) : pacs::makeDimseClient(node);
}

}  // namespace cardioseg::net
