#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "image/cine_series.h"
#include "image/series_labels.h"

namespace cardioseg::cli {

/// The application object the report needs (off-screen), alive as long as the returned owner;
/// nothing when one exists. Keep it in the command's scope: it must end before main() returns.
std::shared_ptr<void> reportApplication();

/// Needs reportApplication()'s object. Writes report.pdf (the workstation's report of the model's labels) and, unless
/// de-identified, report.dcm (the same as Encapsulated PDF, in the source study) into `dir`;
/// returns the files. Throws std::runtime_error naming the file and the reason.
std::vector<std::string> writeReportFiles(const std::filesystem::path& dir,
                                          const std::shared_ptr<const image::CineSeries>& series,
                                          const image::SeriesLabels& labels, const std::string& modelName,
                                          bool deidentify, std::vector<std::string>& notes);

}  // namespace cardioseg::cli
