#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "image/cine_series.h"
#include "image/image2d.h"
#include "io/progress.h"

namespace cardioseg::training {

/// One expert-labelled image, ready for training: intensities normalised over the whole image
/// (image::normalizeIntensity) unless asked otherwise, labels 0/1/2/255.
struct LabelledImage {
    std::string patientId;
    int instanceNumber = 0;
    int slice = 0;
    int phase = 0;
    double pixelSpacing = 1.0;  ///< mm (mean of row and column spacing)
    image::FloatImage image;
    image::LabelMap labels;
    bool hasBloodPool = false;   ///< an endocardial contour exists
    bool hasMyocardium = false;  ///< endocardial and epicardial contours: myocardium labelled
    /// A slice above the ventricle's base at a phase the experts labelled: no ventricle there,
    /// all background (SelectOptions::basalNegatives).
    bool negative = false;
    /// Labelled by a model, not by a person (training::pseudoLabelledImages).
    bool pseudo = false;
    /// Where crops of an image without blood pool are centred (pixels): the ventricle's centre
    /// on its neighbours; negative: anywhere.
    double centreX = -1, centreY = -1;
};

struct SelectOptions {
    std::set<std::string> patients;      ///< empty: every patient of the dataset
    std::set<int> excludeInstances;      ///< DICOM instance numbers left out
    std::set<int> onlyInstances;         ///< non-empty: only these instance numbers
    bool normalize = true;               ///< false: keep modality values (for inference-time use)
    bool keepSeriesPixels = false;       ///< the series handed back keep their decoded pixels
    /// Also the slices above the experts' most basal contour at each phase they labelled (at
    /// least three slices), as images with no ventricle (all background): the atrium, the
    /// outflow tract and the valve planes the experts left out are what the model must not label.
    bool basalNegatives = false;
};

/// Every expert-labelled image of a dataset in SCD layout. Throws std::runtime_error when the
/// dataset is unusable or a requested patient is not in it; unreadable files go to `skipped`.
/// `seriesOut`, when given, receives each selected patient's series by patient ID (geometry,
/// grid and patient data, without the pixels), for measures that need the geometry.
std::vector<LabelledImage> loadLabelledImages(const std::filesystem::path& root, const SelectOptions& options,
                                              std::vector<io::SkippedFile>& skipped,
                                              std::map<std::string, image::CineSeries>* seriesOut = nullptr);

/// One image of a series with its labels as training data (the image normalised unless
/// `normalize` is false); hasBloodPool/hasMyocardium say whether the labels contain each class.
/// The cell must hold a decoded image.
LabelledImage labelledImage(const image::CineSeries& series, int slice, int phase, const image::LabelMap& labels,
                            bool normalize = true);

/// The corrected and confirmed images of a workstation workspace (its masks, with the images
/// of the study the workspace records), or of every workspace in a folder of workspaces.
/// Images the user only looked at are not used. Throws std::runtime_error when the folder holds
/// no workspace or a workspace's study cannot be read.
std::vector<LabelledImage> loadWorkspaceImages(const std::filesystem::path& folder, const SelectOptions& options,
                                               std::vector<io::SkippedFile>& skipped);

/// Labelled images of a dataset in SCD layout, of a workspace, or of a folder of workspaces.
std::vector<LabelledImage> loadTrainingImages(const std::filesystem::path& path, const SelectOptions& options,
                                              std::vector<io::SkippedFile>& skipped);

/// A short, stable digest (FNV-1a, hex) of the images and labels, recorded in model files.
std::string datasetHash(const std::vector<LabelledImage>& images);

}  // namespace cardioseg::training
