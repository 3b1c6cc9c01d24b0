#pragma once

// A real Orthanc PACS for tests: started on free loopback ports with its own configuration and
// storage (our AE title registered, HTTP authentication on, the DICOMweb plugin loaded), and
// checked through its REST API.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <filesystem>
#include <memory>
#include <vector>

#include "pacs/pacs.h"

namespace cardioseg::testing {

/// A TCP port on 127.0.0.1 that nothing listens on now.
int freeLoopbackPort();

class Orthanc {
public:
    /// The Orthanc binary, or empty when it is not installed (tests then skip).
    static QString binary();

    static constexpr const char* kAeTitle = "ORTHANC";
    static constexpr const char* kUser = "cardio";
    static constexpr const char* kPassword = "s3cret-pw";

    /// `ourAeTitle` at `ourPort` on 127.0.0.1 is registered as a modality (C-MOVE destination).
    /// `extra` adds to (or replaces in) the configuration (DICOM TLS, for instance).
    Orthanc(const QString& ourAeTitle, int ourPort, const QJsonObject& extra = {});
    ~Orthanc();
    Orthanc(const Orthanc&) = delete;
    Orthanc& operator=(const Orthanc&) = delete;

    /// Starts it (again, on the same storage and ports) and waits until it answers; false with
    /// error() set when it does not within 30 s.
    bool start();
    /// Kills it at once (SIGKILL), as a crash or a pulled cable would.
    void kill();
    QString error() const { return m_error; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QString log() const;

    int dicomPort() const { return m_dicomPort; }
    int httpPort() const { return m_httpPort; }
    /// Our DIMSE node for it (C-GET by default; our port for C-MOVE).
    pacs::Node dimseNode() const;
    /// Our DICOMweb node for it (basic authentication).
    pacs::Node webNode() const;

    /// REST: GET (JSON), POST; nullopt-like empty document / -1 on failure.
    QJsonDocument getJson(const QString& path) const;
    QByteArray get(const QString& path) const;
    int post(const QString& path, const QByteArray& body, QByteArray* reply = nullptr) const;
    /// Uploads DICOM files through REST; returns how many were accepted.
    int upload(const std::vector<std::filesystem::path>& files) const;
    /// Instances stored, by SOP Instance UID: the Orthanc IDs (empty when none).
    QStringList findInstances(const QString& sopInstanceUid) const;
    /// The tags of a stored instance (Orthanc's "simplified-tags" form).
    QJsonDocument instanceTags(const QString& orthancId) const;
    int instanceCount() const;

private:
    QByteArray request(const QString& method, const QString& path, const QByteArray& body, int* status) const;
    QString m_ourAe;
    int m_ourPort;
    int m_dicomPort = 0, m_httpPort = 0;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

}  // namespace cardioseg::testing
