#pragma once

// De-identification of what CardioSeg writes, after DICOM PS3.15 Annex E, the Basic Application
// Level Confidentiality Profile (no option retained): identifying attributes removed, emptied or
// given dummy values, every instance UID replaced by a new one (the same source UID always by the
// same new UID within one export, so that references still match), private attributes, overlays
// and curves removed, and the choice recorded (Patient Identity Removed, De-identification
// Method and its code sequence).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "image/cine_series.h"
#include "io/progress.h"

class DcmItem;

namespace cardioseg::io {

/// Replaces UIDs: each source UID gets a new random UID ("2.25." and 128 random bits, PS3.5
/// B.2), the same one every time it is asked for.
class UidMap {
public:
    /// The new UID of `uid` (empty stays empty).
    std::string map(const std::string& uid);
    std::size_t size() const { return m_uids.size(); }

private:
    std::map<std::string, std::string> m_uids;
};

/// The Basic Profile's action on an attribute (PS3.15 Table E.1-1), as its code: "X" remove,
/// "Z" empty or dummy, "D" dummy, "U" new UID, and the conditional forms "X/Z", "X/D", "Z/D",
/// "X/Z/D", "X/Z/U*" (a reference sequence: kept when the object needs it, its UIDs replaced).
struct ProfileAttribute {
    unsigned short group;
    unsigned short element;
    const char* keyword;  ///< DICOM keyword, as in PS3.6
    const char* action;
};

/// The attributes of the Basic Profile that de-identification acts on, from PS3.15 Table E.1-1.
const std::vector<ProfileAttribute>& basicProfileAttributes();

/// What `deidentifyDataset` wrote into the De-identification Method (0012,0063).
extern const char* const kDeidentificationMethod;

/// De-identifies `dataset` in place, into its sequences: the profile's attributes removed, emptied,
/// given dummy values or new UIDs (`uids`); conditional actions keep an attribute (empty or dummy)
/// only when `keep` lists it (an attribute the written object requires); private attributes,
/// overlay (60xx) and curve (50xx) groups removed. Patient Name and Patient ID become
/// "ANONYMOUS" and "ANON". Records Patient Identity Removed = YES, the method and the code
/// sequence (DCM 113100 Basic Application Confidentiality Profile).
void deidentifyDataset(DcmItem& dataset, UidMap& uids, const std::vector<std::string>& keep = {});

/// What copySourceImages wrote and left out.
struct CopiedImages {
    std::vector<std::filesystem::path> files;
    /// Images not copied and why (counts, never a source value): pixels that say they carry
    /// burned-in text (Burned In Annotation YES) are not de-identified by CardioSeg.
    std::vector<std::string> warnings;
};

/// Writes de-identified copies of a series' source files into `folder` as IMG00001.dcm, … (the
/// source names may say who the patient is), each de-identified with `uids` so that a SEG of
/// the same export references them; atomically, in the source's transfer syntax. Throws
/// std::runtime_error with the file and the reason (`done`, when given, has received each file
/// once complete); `progress` may cancel.
CopiedImages copySourceImagesDeidentified(const image::CineSeries& series, const std::filesystem::path& folder,
                                          UidMap& uids, const ProgressFn& progress = {},
                                          std::vector<std::filesystem::path>* done = nullptr);

}  // namespace cardioseg::io
