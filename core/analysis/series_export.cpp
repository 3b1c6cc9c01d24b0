#include "analysis/series_export.h"

#include <cmath>
#include <functional>

#include "analysis/label_export.h"
#include "io/deidentify.h"
#include "io/dicom_seg.h"
#include "io/nifti_masks.h"
#include "io/png_masks.h"
#include "io/result_objects.h"
#include "io/written_files.h"

namespace fs = std::filesystem;

namespace cardioseg::analysis {

image::SeriesLabels selectLabels(const image::SeriesLabels& corrections, const image::SeriesLabels& prediction,
                                 LabelSource source) {
    if (source == LabelSource::Prediction) return prediction;
    if (source == LabelSource::Corrections || corrections.maps.empty()) return corrections;
    image::SeriesLabels out = corrections;
    for (std::size_t i = 0; i < out.maps.size() && i < prediction.maps.size(); ++i)
        if (out.maps[i].empty()) out.maps[i] = prediction.maps[i];
    return out;
}

ExportResult exportSeries(const ExportInput& in, const ExportOptions& o, const io::ProgressFn& progress) {
    ExportResult r;
    const image::CineSeries& series = *in.series;
    const image::SeriesLabels labels = selectLabels(in.corrections, in.prediction, o.source);
    const fs::path dir = o.folder;
    // De-identified, every file of the export replaces a source UID by the same new one.
    io::UidMap uids;
    // The chosen outputs as steps; each reports its share of the progress.
    std::vector<std::pair<std::string, std::function<void(const io::ProgressFn&)>>> steps;
    auto file = [&](const char* name, auto write) {
        steps.emplace_back(name, [&r, &dir, name, write](const io::ProgressFn&) {
            write(dir / name);
            r.files.push_back((dir / name).string());
        });
    };
    // A step writing many files lists each once complete, also when a later one fails.
    const auto listingWritten = [&r](const std::function<void(std::vector<fs::path>&)>& write) {
        std::vector<fs::path> done;
        try {
            write(done);
        } catch (...) {
            for (const auto& f : done) r.files.push_back(f.string());
            throw;
        }
        for (const auto& f : done) r.files.push_back(f.string());
    };
    const bool needLabels = o.png || o.nifti || o.dicomSeg || o.contoursJson || o.contoursCsv || o.measurementsSr;
    if (o.png)
        steps.emplace_back("png", [&](const io::ProgressFn& p) {
            listingWritten([&](std::vector<fs::path>& done) { io::writePngMasks(series, labels, dir / "png", p, &done); });
        });
    if (o.nifti) file("labels.nii.gz", [&](const fs::path& f) { io::writeNiftiLabels(f, series, labels); });
    if (o.dicomSeg)
        file("segmentation.dcm", [&](const fs::path& f) {
            io::DicomSegOptions seg;
            seg.deidentify = o.deidentify;
            seg.uids = &uids;
            seg.manual = o.source != LabelSource::Prediction;
            seg.algorithmName = in.algorithmName;
            const auto report = io::writeDicomSeg(f, series, labels, seg);
            r.warnings.insert(r.warnings.end(), report.notes.begin(), report.notes.end());
        });
    if (o.measurementsSr)
        file("measurements_sr.dcm", [&](const fs::path& f) {
            const CardiacFunction fn = measureFunction(series, labels, o.function);
            if (!std::isfinite(fn.edvMl)) throw std::runtime_error("no cardiac function to report: " + fn.note);
            io::MeasurementValues v;
            v.edvMl = fn.edvMl;
            v.esvMl = fn.esvMl;
            v.svMl = fn.svMl;
            v.efPercent = fn.efPercent;
            v.massG = fn.lvMassG;
            v.edPhase = fn.edPhase;
            v.esPhase = fn.esPhase;
            v.manual = o.source != LabelSource::Prediction;
            v.algorithmName = in.algorithmName;
            io::writeMeasurementSr(f, series, v);
        });
    if (o.contoursJson)
        file("contours.json", [&](const fs::path& f) { writeContoursJson(f, series, labels, o.deidentify, &uids); });
    if (o.contoursCsv) file("contours.csv", [&](const fs::path& f) { writeContoursCsv(f, series, labels); });
    if (o.metricsCsv)
        file("metrics.csv", [&](const fs::path& f) {
            writeAgreementCsv(f, series, in.prediction, in.corrections, in.states);
        });
    if (o.sourceImages && o.deidentify)
        steps.emplace_back("images", [&](const io::ProgressFn& p) {
            io::CopiedImages copied;
            listingWritten([&](std::vector<fs::path>& done) {
                copied = io::copySourceImagesDeidentified(series, dir / "images", uids, p, &done);
            });
            r.warnings.insert(r.warnings.end(), copied.warnings.begin(), copied.warnings.end());
        });
    try {
        if (o.measurementsSr && o.deidentify)
            throw std::runtime_error("the measurement report (DICOM SR) is for the hospital's PACS and carries the patient's "
                                     "identity: export it without de-identification");
        if (o.sourceImages && !o.deidentify)
            throw std::runtime_error("source images are exported de-identified only: the study itself holds them");
        if (steps.empty()) throw std::runtime_error("nothing to export: choose at least one format");
        if (needLabels && labels.labelledCount() == 0) throw std::runtime_error("there are no labels to export");
        bool stopped = false;
        for (std::size_t k = 0; k < steps.size() && !stopped; ++k) {
            const double base = static_cast<double>(k) / steps.size(), share = 1.0 / steps.size();
            steps[k].second([&](double f, const std::string& status) {
                stopped = progress && !progress(base + f * share, status);
                return !stopped;
            });
            if (!stopped && progress) stopped = !progress(base + share, steps[k].first);
        }
        r.cancelled = stopped;
    } catch (const std::exception& e) {
        // The files before the failure are complete: say which they are.
        r.error = std::string(e.what()) + (r.files.empty() ? std::string(" (nothing was written)")
                                                           : " (written before the failure: " +
                                                                 io::describeWrittenFiles(r.files) + ")");
    }
    return r;
}

std::string algorithmName(const std::string& architecture, const std::filesystem::path& modelFile) {
    std::string name = "CardioSeg";
    if (!architecture.empty()) name += " " + architecture;
    if (!modelFile.empty()) name += " (" + modelFile.filename().string() + ")";
    return name;
}

}  // namespace cardioseg::analysis
