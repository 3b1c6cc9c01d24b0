#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace cardioseg::testing {

/// Checks a DICOM file with an independent validator, dciodvfy of Debian's dicom3tools, and
/// returns its error lines except those about a UID in `sourceUids` (values a derived object
/// must repeat as the source has them, valid or not). Empty: the file is valid. When dciodvfy
/// cannot be run, the one error says so (the check never passes silently).
std::vector<std::string> dciodvfyErrors(const std::filesystem::path& file,
                                        const std::set<std::string>& sourceUids = {});

}  // namespace cardioseg::testing
