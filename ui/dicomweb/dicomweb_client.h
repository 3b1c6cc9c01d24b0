#pragma once

// DICOMweb (QIDO-RS, WADO-RS, STOW-RS) through Qt Network, behind pacs::Client. Needs only
// QtCore and QtNetwork, so the command line uses it too. Calls block their thread on a local
// event loop (any thread: the workstation calls from its jobs); the calling thread needs a
// QCoreApplication to exist.

#include <memory>

#include "pacs/pacs.h"

namespace cardioseg::net {

/// A client for a DICOMweb node (node.url set).
std::unique_ptr<pacs::Client> makeDicomWebClient(const pacs::Node& node);

/// The client for any node: DICOMweb for a URL, DIMSE otherwise.
std::unique_ptr<pacs::Client> makeClient(const pacs::Node& node);

/// The SOP Instance UID in a DICOM file's meta information (Part 10 bytes); empty when absent.
std::string sopInstanceUidOfPart10(const std::string& bytes);

}  // namespace cardioseg::net
