#include "export_job.h"

#include "io/dicom_seg.h"
#include "io/nifti_masks.h"
#include "io/png_masks.h"

namespace fs = std::filesystem;

namespace cardioseg::ui {

ExportResult exportMasks(const image::CineSeries& series, const image::SeriesLabels& labels, const ExportOptions& o) {
    ExportResult r;
    try {
        if (labels.labelledCount() == 0) throw std::runtime_error("there are no labels to export");
        const fs::path dir = o.folder.toStdString();
        if (o.png)
            for (const auto& f : io::writePngMasks(series, labels, dir / "png")) r.files.push_back(f.string());
        if (o.nifti) {
            io::writeNiftiLabels(dir / "labels.nii.gz", series, labels);
            r.files.push_back((dir / "labels.nii.gz").string());
        }
        if (o.dicomSeg) {
            io::DicomSegOptions seg;
            seg.deidentify = o.deidentify;
            seg.manual = o.manual;
            io::writeDicomSeg(dir / "segmentation.dcm", series, labels, seg);
            r.files.push_back((dir / "segmentation.dcm").string());
        }
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

image::SeriesLabels mergedLabels(const image::SeriesLabels& corrections, const image::SeriesLabels& prediction) {
    image::SeriesLabels out = corrections;
    if (out.maps.empty()) return prediction;
    for (std::size_t i = 0; i < out.maps.size() && i < prediction.maps.size(); ++i)
        if (out.maps[i].empty()) out.maps[i] = prediction.maps[i];
    return out;
}

}  // namespace cardioseg::ui
