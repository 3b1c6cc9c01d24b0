#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "image/series_labels.h"

namespace cardioseg::io {

/// A digest of a file's bytes (64-bit FNV-1a, hex): names a model version whatever its path.
/// Remembered per path, size and modification time, so asking again costs nothing.
std::string fileDigest(const std::filesystem::path& file);

/// What identifies a series' images: its UID, its grid and the SOP Instance UIDs in grid
/// order (hex digest). Another series, or the same one with images added or removed, differs.
std::string seriesDigest(const image::CineSeries& series);

/// What the cache gives back.
struct CachedPrediction {
    image::SeriesLabels labels;
    std::vector<double> uncertainty;  ///< per image (slice-major), NaN where unknown
};

/// The model's labels of a series kept in a study's workspace (`<workspace>/predictions/`),
/// so that reopening a study shows them at once instead of segmenting again. One file per
/// series, keyed by the series digest and the model's key (its file digest and whether the
/// labels were post-processed): labels of another model version or of a changed series are
/// never returned. Labels are run-length encoded (a 256² label map takes a few hundred bytes),
/// with the network's uncertainty of each image; files are written atomically.
class PredictionCache {
public:
    explicit PredictionCache(std::filesystem::path workspaceFolder)
        : m_folder(std::move(workspaceFolder)) {}

    /// Stores the labelled images of `labels` (images without labels are stored as absent) and
    /// the network's uncertainty of each (engine::Prediction::uncertainty; may be empty).
    /// Throws std::runtime_error naming the file and the reason.
    void save(const image::CineSeries& series, const std::string& modelKey, const image::SeriesLabels& labels,
              const std::vector<double>& uncertainty = {}) const;
    /// The stored labels for this series and model, or nothing (absent, another model or
    /// series, unreadable, an older format: the caller segments again).
    std::optional<CachedPrediction> load(const image::CineSeries& series, const std::string& modelKey) const;
    /// Removes every stored prediction of the series.
    void clear(const image::CineSeries& series) const;

    std::filesystem::path fileFor(const image::CineSeries& series) const;

private:
    std::filesystem::path m_folder;
};

}  // namespace cardioseg::io
