#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cardioseg::io {

/// For people: what an export wrote, in a few words ("240 .png files in /out/png,
/// /out/labels.nii.gz"; "nothing"). Files of one kind in one folder are counted, not listed.
std::string describeWrittenFiles(const std::vector<std::string>& files);

}  // namespace cardioseg::io
