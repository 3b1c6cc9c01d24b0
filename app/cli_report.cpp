// segment --format report: the workstation's PDF report of a series, and the same report as
// Encapsulated PDF for a PACS. Built with the workstation (the report draws with Qt).
#include "cli_report.h"

#include <QGuiApplication>

#include <cstdlib>

#include "analysis/function.h"
#include "io/result_objects.h"
#include "report.h"

namespace fs = std::filesystem;

namespace cardioseg::cli {

std::shared_ptr<void> reportApplication() {
    if (QCoreApplication::instance()) return {};
    // Fonts and painting need a GUI application; the command line has no display.
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static int argc = 1;
    static char name[] = "cardioseg-cli";
    static char* argv[] = {name, nullptr};
    return std::make_shared<QGuiApplication>(argc, argv);
}

std::vector<std::string> writeReportFiles(const fs::path& dir, const std::shared_ptr<const image::CineSeries>& series,
                                          const image::SeriesLabels& labels, const std::string& modelName,
                                          bool deidentify, std::vector<std::string>& notes) {
    ui::ReportInput input;
    input.series = series;
    input.model = labels;
    input.reviewed = labels;  // nobody reviewed them: the model's labels throughout
    input.modelFunction = input.reviewedFunction = analysis::measureFunction(*series, labels);
    input.modelName = QString::fromStdString(fs::path(modelName).filename().string());
    input.deidentify = deidentify;
    const fs::path pdf = dir / "report.pdf";
    ui::writeReport(QString::fromStdString(pdf.string()), input);
    std::vector<std::string> files{pdf.string()};
    if (deidentify) {
        // The DICOM form belongs to the patient's study in a PACS: it carries the identity.
        notes.push_back("report.dcm (Encapsulated PDF) is not written de-identified; report.pdf is");
        return files;
    }
    io::writeEncapsulatedPdf(dir / "report.dcm", *series, pdf, "Left-ventricular function");
    files.push_back((dir / "report.dcm").string());
    return files;
}

}  // namespace cardioseg::cli
