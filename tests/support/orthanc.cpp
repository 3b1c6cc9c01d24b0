#include "orthanc.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <csignal>

#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cardioseg::testing {

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

QString Orthanc::binary() {
    for (const QString& p : {QStringLiteral("/usr/sbin/Orthanc"), QStringLiteral("/usr/bin/Orthanc")})
        if (QFileInfo(p).isExecutable()) return p;
    return QStandardPaths::findExecutable("Orthanc");
}

Orthanc::Orthanc(const QString& ourAeTitle, int ourPort, const QJsonObject& extra)
    : m_ourAe(ourAeTitle), m_ourPort(ourPort) {
    m_dicomPort = freeLoopbackPort();
    m_httpPort = freeLoopbackPort();
    const QString plugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    QJsonObject config{
        {"Name", "CardioSeg test PACS"},
        {"StorageDirectory", m_dir.filePath("storage")},
        {"IndexDirectory", m_dir.filePath("storage")},
        {"DicomAet", kAeTitle},
        {"DicomPort", m_dicomPort},
        {"HttpPort", m_httpPort},
        {"RemoteAccessAllowed", false},
        {"AuthenticationEnabled", true},
        {"RegisteredUsers", QJsonObject{{kUser, kPassword}}},
        {"DicomCheckCalledAet", true},
        {"DicomCheckModalityHost", false},
        {"DicomAlwaysAllowEcho", true},
        {"DicomAlwaysAllowStore", true},
        {"DicomModalities", QJsonObject{{"cardioseg", QJsonArray{m_ourAe, "127.0.0.1", m_ourPort}}}},
        {"DicomScuTimeout", 10},
        {"StableAge", 1},
        {"SaveJobs", false},
        {"Plugins", QJsonArray{plugin}},
        {"DicomWeb", QJsonObject{{"Enable", true}, {"Root", "/dicom-web/"}}},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it) config[it.key()] = it.value();
    QFile f(m_dir.filePath("orthanc.json"));
    if (f.open(QIODevice::WriteOnly)) f.write(QJsonDocument(config).toJson());
}

Orthanc::~Orthanc() { kill(); }

bool Orthanc::start() {
    kill();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath("orthanc.log"), QIODevice::Append);
    // Orthanc goes with the test even when the test dies without cleaning up (a crash, a
    // sanitizer's abort): it must not outlive it, listening on its ports.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(binary(), {m_dir.filePath("orthanc.json")});
    if (!m_process->waitForStarted(10000)) {
        m_error = "Orthanc did not start: " + m_process->errorString();
        return false;
    }
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        int status = 0;
        request("GET", "/system", {}, &status);
        if (status == 200) return true;
        if (m_process->state() == QProcess::NotRunning) break;
        QThread::msleep(100);
    }
    m_error = "Orthanc did not answer: " + log().right(2000);
    return false;
}

void Orthanc::kill() {
    if (!m_process) return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

QString Orthanc::log() const {
    QFile f(m_dir.filePath("orthanc.log"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

pacs::Node Orthanc::dimseNode() const {
    pacs::Node n;
    n.name = "Test PACS";
    n.aeTitle = kAeTitle;
    n.host = "127.0.0.1";
    n.port = m_dicomPort;
    n.ourAeTitle = m_ourAe.toStdString();
    n.ourPort = m_ourPort;
    n.timeoutSeconds = 10;
    return n;
}

pacs::Node Orthanc::webNode() const {
    pacs::Node n;
    n.name = "Test DICOMweb";
    n.url = "http://127.0.0.1:" + std::to_string(m_httpPort) + "/dicom-web";
    n.user = kUser;
    n.password = kPassword;
    n.timeoutSeconds = 10;
    return n;
}

QByteArray Orthanc::request(const QString& method, const QString& path, const QByteArray& body, int* status) const {
    QNetworkAccessManager nam;
    QNetworkRequest rq(QUrl(QString("http://127.0.0.1:%1%2").arg(m_httpPort).arg(path)));
    rq.setRawHeader("Authorization", "Basic " + QByteArray(QByteArray(kUser) + ":" + kPassword).toBase64());
    rq.setTransferTimeout(30000);
    QNetworkReply* reply = nullptr;
    if (method == "GET") {
        reply = nam.get(rq);
    } else {
        rq.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream");
        reply = nam.post(rq, body);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status) *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
}

QJsonDocument Orthanc::getJson(const QString& path) const { return QJsonDocument::fromJson(get(path)); }

QByteArray Orthanc::get(const QString& path) const {
    int status = 0;
    const QByteArray data = request("GET", path, {}, &status);
    return status == 200 ? data : QByteArray();
}

int Orthanc::post(const QString& path, const QByteArray& body, QByteArray* reply) const {
    int status = 0;
    const QByteArray data = request("POST", path, body, &status);
    if (reply) *reply = data;
    return status;
}

int Orthanc::upload(const std::vector<std::filesystem::path>& files) const {
    int accepted = 0;
    for (const auto& p : files) {
        QFile f(QString::fromStdString(p.string()));
        if (!f.open(QIODevice::ReadOnly)) continue;
        if (post("/instances", f.readAll()) == 200) ++accepted;
    }
    return accepted;
}

QStringList Orthanc::findInstances(const QString& sopInstanceUid) const {
    QByteArray reply;
    const QJsonObject q{{"Level", "Instance"}, {"Query", QJsonObject{{"SOPInstanceUID", sopInstanceUid}}}};
    if (post("/tools/find", QJsonDocument(q).toJson(), &reply) != 200) return {};
    QStringList ids;
    for (const auto& v : QJsonDocument::fromJson(reply).array()) ids << v.toString();
    return ids;
}

QJsonDocument Orthanc::instanceTags(const QString& orthancId) const {
    return getJson("/instances/" + orthancId + "/simplified-tags");
}

int Orthanc::instanceCount() const { return getJson("/statistics").object().value("CountInstances").toInt(-1); }

}  // namespace cardioseg::testing
