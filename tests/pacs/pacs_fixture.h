#pragma once

// What the PACS tests share: an Orthanc holding a synthetic study of two series (a JPEG-LS
// cine stack and an uncompressed localiser-like series), and checks of what comes back.

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "orthanc.h"
#include "synthetic_dicom.h"

/// In initTestCase: skips the test when Orthanc is not installed, else starts `fixture` (a
/// std::unique_ptr<PacsFixture>) and fails when it does not come up.
#define CARDIOSEG_START_PACS_FIXTURE(fixture)                                                              \
    do {                                                                                                   \
        if (cardioseg::testing::Orthanc::binary().isEmpty())                                               \
            QSKIP("Orthanc is not installed (Debian package orthanc): PACS tests skipped");                \
        fixture = std::make_unique<cardioseg::testing::PacsFixture>();                                     \
        QVERIFY2(fixture->start(), qPrintable(fixture->orthanc->error()));                                 \
    } while (false)

namespace cardioseg::testing {

struct PacsFixture {
    PacsFixture();
    /// Starts Orthanc and uploads the study; false when either fails (see orthanc->error()).
    bool start();

    std::unique_ptr<Orthanc> orthanc;
    SyntheticSeries cine, second;
    TempDir source;  ///< the uploaded files
    std::map<std::string, std::filesystem::path> uploaded;  ///< SOP Instance UID → file

    int cineImages() const { return cine.slices * cine.phases; }
    int secondImages() const { return second.slices * second.phases; }
    int totalImages() const { return cineImages() + secondImages(); }
    /// Every DICOM file under `dir` holds the data set that was uploaded, byte for byte, in its
    /// transfer syntax (QVERIFY inside: call from a test function).
    void verifySameAsUploaded(const std::filesystem::path& dir) const;
    /// A DICOM SEG of the cine series (discs on every other phase).
    void writeSegmentation(const std::filesystem::path& file) const;
    /// Orthanc holds `seg` once, and it references the cine series.
    void verifyStoredSegmentation(const std::filesystem::path& seg) const;
    /// The cine series' measurement report (SR) and a PDF report (Encapsulated PDF) in `dir`.
    std::vector<std::filesystem::path> writeResults(const std::filesystem::path& dir) const;
    /// Orthanc holds each of them once, in the study, referencing the cine series' images.
    void verifyStoredResults(const std::vector<std::filesystem::path>& results) const;
};

/// DICOM files (*.dcm, not hidden) under `dir`, recursively.
int countDicomFiles(const std::filesystem::path& dir);
/// Every DICOM file under `dir` reads whole (QVERIFY inside).
void verifyWholeDicomFiles(const std::filesystem::path& dir);
/// A DICOM object of a private SOP class no node accepts.
void writePrivateClassObject(const std::filesystem::path& file);
/// The SOP Instance UID of a DICOM file (empty when unreadable).
std::string sopInstanceUidOf(const std::filesystem::path& file);

}  // namespace cardioseg::testing
