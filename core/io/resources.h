#pragma once

#include <filesystem>

namespace cardioseg::io {

/// Folder of CardioSeg's data files (sample study, default model): $CARDIOSEG_RESOURCES when
/// set, else <exe>/../share/cardioseg when installed, else the source tree's resources/.
std::filesystem::path resourceDir();

/// The sample study shipped with CardioSeg (a dataset in SCD layout).
std::filesystem::path sampleDatasetDir();

/// The DICOM folder of the sample study.
std::filesystem::path sampleStudyDir();

/// The model shipped with CardioSeg, used when none is named.
std::filesystem::path defaultModelPath();

}  // namespace cardioseg::io
