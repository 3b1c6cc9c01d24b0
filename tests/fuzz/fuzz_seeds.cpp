// Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/): what the tests
// write — synthetic DICOM series in every encoding the writer knows, single and multi-frame,
// with archive defects; SCD contours; PNG, NIfTI and DICOM SEG masks of a series; a workspace;
// a versions index; model information.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "engine/model_info.h"
#include "fuzz_support.h"
#include "io/dicom_loader.h"
#include "io/dicom_seg.h"
#include "io/model_versions.h"
#include "io/nifti_masks.h"
#include "io/png_masks.h"
#include "io/workspace.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;
using namespace cardioseg;

namespace {

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

image::SeriesLabels someLabels(const image::CineSeries& s) {
    image::SeriesLabels labels = image::SeriesLabels::like(s);
    image::LabelMap m(s.geometry.columns, s.geometry.rows, image::label::Background);
    for (int y = 3; y < 8; ++y)
        for (int x = 4; x < 10; ++x) m.at(x, y) = (x == 4 || y == 3) ? image::label::Myocardium : image::label::BloodPool;
    labels.at(0, 0) = m;
    labels.at(s.slices - 1, s.phases - 1) = m;
    return labels;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds <corpus root>\n");
        return 2;
    }
    const fs::path root = argv[1];
    testing::TempDir tmp;
    int written = 0;
    // DICOM: small synthetic series, one seed per encoding and form.
    struct Form {
        const char* name;
        testing::SyntheticSeries s;
    };
    // Tiny images: the fuzzer mutates headers, not pixels.
    const auto tiny = [](int slices) {
        testing::SyntheticSeries s;
        s.rows = 8;
        s.columns = 10;
        s.slices = slices;
        s.phases = 2;
        return s;
    };
    std::vector<Form> forms;
    for (auto [name, encoding] : {std::pair{"explicit", testing::Encoding::ExplicitLittle},
                                  std::pair{"implicit", testing::Encoding::ImplicitLittle},
                                  std::pair{"big", testing::Encoding::ExplicitBig}, std::pair{"rle", testing::Encoding::Rle},
                                  std::pair{"jpegll", testing::Encoding::JpegLossless},
                                  std::pair{"jpegls", testing::Encoding::JpegLsLossless},
                                  std::pair{"jpeg", testing::Encoding::JpegBaseline}}) {
        testing::SyntheticSeries s = tiny(1);
        s.encoding = encoding;
        if (encoding == testing::Encoding::JpegBaseline) s.bitsAllocated = 8, s.bitsStored = 8;
        forms.push_back({name, s});
    }
    testing::SyntheticSeries multi = tiny(2);
    multi.multiFrame = true;
    forms.push_back({"multiframe", multi});
    testing::SyntheticSeries defects = tiny(1);
    defects.archiveDefects = true;
    defects.monochrome1 = true;
    defects.isSigned = true;
    forms.push_back({"defects", defects});
    for (const auto& [name, s] : forms) {
        const auto files = testing::writeSeries(tmp / name, s);
        if (files.empty()) continue;
        put(root / "fuzz_dicom_file" / (std::string(name) + ".dcm"), bytesOf(files.front()));
        ++written;
        if (files.size() >= 2) {
            const std::string a = bytesOf(files[0]), b = bytesOf(files[1]);
            // The folder target splits its input after the first byte where that byte says.
            const auto cut = static_cast<unsigned char>(std::min<std::size_t>(255, 255 * (a.size() + 1) / (a.size() + b.size() + 1)));
            put(root / "fuzz_dicom_folder" / (std::string(name) + ".bin"), std::string(1, static_cast<char>(cut)) + a + b);
            ++written;
        }
    }
    // SCD contours.
    put(root / "fuzz_scd_contour" / "icontour.txt", "120.5 96.25\n121.0 97.5\n122.75 99.0\n120.0 100.0\n");
    put(root / "fuzz_scd_contour" / "ocontour.txt", "110 90\n130 90\n130 110\n110 110\n");
    written += 2;
    // Masks of a small series.
    const image::CineSeries series = fuzz::smallSeries();
    const auto labels = someLabels(series);
    for (const auto& png : io::writePngMasks(series, labels, tmp / "png")) {
        put(root / "fuzz_png_mask" / png.filename(), bytesOf(png));
        ++written;
        break;
    }
    io::writeNiftiLabels(tmp / "labels.nii", series, labels);
    put(root / "fuzz_nifti_mask" / "cine.nii", bytesOf(tmp / "labels.nii"));
    io::writeNiftiLabels(tmp / "phase.nii", series, labels, 0);
    put(root / "fuzz_nifti_mask" / "phase.nii", bytesOf(tmp / "phase.nii"));
    written += 2;
    // A SEG of a series read from files (the writer copies its attributes from them).
    const auto loaded = io::loadDicom({tmp / "explicit"});
    for (const auto& s : loaded.series) {
        try {
            io::writeDicomSeg(tmp / "seg.dcm", s, someLabels(s));
            put(root / "fuzz_dicom_seg" / (s.info.seriesUid + ".dcm"), bytesOf(tmp / "seg.dcm"));
            ++written;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "fuzz_seeds: no SEG seed for %s: %s\n", s.info.seriesUid.c_str(), e.what());
        }
    }
    // A workspace of the small series.
    {
        io::SeriesWork work;
        work.corrections = labels;
        work.review[{0, 0}] = io::ReviewState::Corrected;
        work.review[{1, 1}] = io::ReviewState::Confirmed;
        work.clinical.edPhase = 0;
        work.clinical.esPhase = 2;
        const io::Workspace ws(tmp / "ws", "/data/study");
        ws.save(series, work);
        ws.setActiveModel("/data/models/v1.pt");
        put(root / "fuzz_workspace" / "workspace.json", bytesOf(tmp / "ws" / "workspace.json"));
        ++written;
    }
    // A versions index with a measured and an unmeasured check.
    {
        const io::ModelVersions versions(tmp / "models");
        io::ModelVersion v;
        v.file = versions.fileFor("v1").string();
        v.parent = "default.pt";
        v.created = "2026-11-27T03:00:00Z";
        v.corrections = 3;
        v.heldOut = 1;
        v.iterations = 420;
        v.checks.diceBefore = 0.81;
        v.checks.diceAfter = 0.86;
        v.decision = "at least as good";
        versions.add(v);
        v.parent = "v1";
        v.checks.diceAfter = std::nan("");
        versions.add(v);
        put(root / "fuzz_versions" / "versions.json", bytesOf(tmp / "models" / "versions.json"));
        ++written;
    }
    // Model information, as a trained and a fine-tuned model carry it.
    {
        engine::ModelInfo info;
        info.created = "2026-11-29T06:10:49Z";
        info.parent = "final.pt";
        info.trainedOn = {"SCD0000101", "SCD0000201"};
        info.trainingImages = 64;
        info.trainingDataHash = "17089f209386716e";
        info.schedule = "poly lr 0.0005 adamw batch 8 iterations 519";
        info.seed = 1;
        info.validatedOn = {"SCD0000301"};
        info.validationDice = 0.91;
        info.finetunedOn = {"SCD0000101:48", "SCD0000101:59"};
        info.finetuneChecks["dice_before"] = std::nan("");
        info.finetuneChecks["dice_after"] = 0.5;
        info.int8Activations = {{0, 2}, {-15.83f, 10.42f}};
        info.checkpointIteration = 1200;
        info.other["note"] = "kept";
        std::string text;
        for (const auto& [k, v] : info.entries()) text += k + "=" + v + "\n";
        put(root / "fuzz_model_info" / "info.txt", text);
        ++written;
    }
    std::printf("%d seeds written under %s\n", written, root.string().c_str());
    return 0;
}
