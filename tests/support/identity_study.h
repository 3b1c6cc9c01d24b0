#pragma once
// A study full of identifying values, for the tests that prove de-identification: every textual
// attribute of DICOM PS3.15's Basic Profile, nested sequences, private attributes, an overlay
// with text, and one image that says its pixels carry burned-in text.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace cardioseg::testing {

/// What the source carries that must not leave: text values, dates and times, and UIDs.
struct Identity {
    std::set<std::string> values;
    std::set<std::string> uids;
};

/// Writes every textual attribute of the Basic Profile into each file (the loader's own UIDs
/// and arrangement left as they are, their values added to the identity), nested sequences,
/// private attributes, an overlay with comments; the first file says "burned-in annotation".
Identity fillWithIdentity(const std::vector<std::filesystem::path>& files);

/// The identifying values (and source UIDs) found in `bytes`.
std::vector<std::string> identityIn(const std::string& bytes, const Identity& id);

/// A VR whose value is text (DcmEVR as int, to keep DCMTK out of this header).
bool isTextualVr(int vr);

}  // namespace cardioseg::testing
