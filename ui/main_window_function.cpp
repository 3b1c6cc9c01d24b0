// The main window's cardiac function: measures, curves, 3-D surfaces, the PDF report and CSV.
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "analysis/coverage.h"
#include "analysis/label_export.h"
#include "cine_grid.h"
#include "function_panel.h"
#include "main_window.h"
#include "metrics_panel.h"
#include "report.h"
#include "session/segmentation_order.h"
#include "surface_view.h"

namespace cardioseg::ui {

void MainWindow::buildFunctionDock() {
    auto* dock = new QDockWidget(tr("Cardiac function"), this);
    dock->setObjectName("functionDock");
    m_functionPanel = new FunctionPanel(dock);
    dock->setWidget(scrollable(m_functionPanel, dock, 400));
    addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto* updates = findChild<QDockWidget*>("finetuneDock")) tabifyDockWidget(updates, dock);
    m_functionTimer = new QTimer(this);
    m_functionTimer->setSingleShot(true);
    m_functionTimer->setInterval(300);  // once labels settle, not on every arriving image
    connect(m_functionTimer, &QTimer::timeout, this, &MainWindow::updateFunction);
    connect(m_functionPanel, &FunctionPanel::show3dRequested, this, &MainWindow::showSurfaces);
    connect(m_functionPanel, &FunctionPanel::edRequested, this, [this] {
        io::ClinicalInputs c = clinicalInputs(m_series);
        c.edPhase = currentPhase();
        if (c.esPhase < 0) c.esPhase = m_function[1].esPhase;  // keep the other one as it is shown
        if (c.esPhase == c.edPhase) c.esPhase = -1;
        m_editing->setClinicalInputs(c);
    });
    connect(m_functionPanel, &FunctionPanel::esRequested, this, [this] {
        io::ClinicalInputs c = clinicalInputs(m_series);
        c.esPhase = currentPhase();
        if (c.edPhase < 0) c.edPhase = m_function[1].edPhase;
        if (c.edPhase == c.esPhase) c.edPhase = -1;
        m_editing->setClinicalInputs(c);
    });
    connect(m_functionPanel, &FunctionPanel::baseRequested, this, [this] { m_editing->setCoverageLimit(true, false); });
    connect(m_functionPanel, &FunctionPanel::apexRequested, this, [this] { m_editing->setCoverageLimit(false, false); });
    connect(m_functionPanel, &FunctionPanel::automaticCoverageRequested, this, [this] { m_editing->automaticCoverage(false); });
    connect(m_functionPanel, &FunctionPanel::automaticEdEsRequested, this, [this] {
        io::ClinicalInputs c = clinicalInputs(m_series);
        c.edPhase = c.esPhase = -1;
        m_editing->setClinicalInputs(c);
    });
    connect(m_functionPanel, &FunctionPanel::bodySizeEntered, this, [this](double heightM, double weightKg) {
        io::ClinicalInputs c = clinicalInputs(m_series);
        c.heightM = heightM;
        c.weightKg = weightKg;
        m_editing->setClinicalInputs(c);
    });
    connect(m_functionPanel, &FunctionPanel::reportRequested, this, [this] {
        if (m_series < 0) return;
        const QString f = QFileDialog::getSaveFileName(this, tr("Save report"), QString(), tr("PDF (*.pdf)"));
        if (!f.isEmpty()) writeReport(f.endsWith(".pdf", Qt::CaseInsensitive) ? f : f + ".pdf");
    });
    connect(m_functionPanel, &FunctionPanel::csvRequested, this, [this] {
        if (m_series < 0) return;
        const QString f = QFileDialog::getSaveFileName(this, tr("Save measures"), QString(), tr("CSV (*.csv)"));
        if (f.isEmpty()) return;
        const QString error = writeFunctionCsv(f);
        if (!error.isEmpty()) showError(tr("Cardiac function"), error);
        else statusBar()->showMessage(tr("Saved %1").arg(f), 8000);
    });
    connect(&m_report, &QFutureWatcher<ReportOutcome>::finished, this, [this] {
        const auto [file, error] = m_report.result();
        statusBar()->showMessage(error.isEmpty() ? tr("Report saved: %1").arg(file) : tr("Report failed: %1").arg(error),
                                 10000);
        if (!error.isEmpty() && m_screenshotPath.isEmpty() && isVisible()) showError(tr("Report"), error);
        Q_EMIT reportFinished(file, error);
    });
    QMenu* menu = menuBar()->addMenu(tr("F&unction"));
    menu->addAction(tr("&3-D View"), QKeySequence(Qt::CTRL | Qt::Key_3), this, &MainWindow::showSurfaces);
    menu->addAction(tr("&Report (PDF)…"), QKeySequence(Qt::CTRL | Qt::Key_P), m_functionPanel,
                    &FunctionPanel::reportRequested);
    menu->addAction(tr("Measures as &CSV…"), m_functionPanel, &FunctionPanel::csvRequested);
    menu->addSeparator();
    menu->addAction(tr("Set the Ventricle's &Base at This Slice"), QKeySequence(Qt::CTRL | Qt::Key_B), this,
                    [this] { m_editing->setCoverageLimit(true, false); });
    menu->addAction(tr("Set the Ventricle's &Apex at This Slice"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                    this, [this] { m_editing->setCoverageLimit(false, false); });
    menu->addAction(tr("C&overage as Found in Every Phase"), this, [this] { m_editing->automaticCoverage(true); });
    // Keep the Help menu last.
    for (QAction* a : menuBar()->actions())
        if (a->menu() && a->menu()->objectName() == "helpMenu") {
            menuBar()->removeAction(a);
            menuBar()->addAction(a);
        }
}

image::SeriesLabels MainWindow::reviewedLabels() const { return m_session->reviewedLabels(m_series); }

analysis::FunctionOptions MainWindow::functionOptions() const {
    analysis::FunctionOptions o;
    const io::ClinicalInputs c = clinicalInputs(m_series);
    o.edPhase = c.edPhase;
    o.esPhase = c.esPhase;
    o.heightM = c.heightM;
    o.weightKg = c.weightKg;
    return o;
}

int MainWindow::imagesAwaitingModel() const {
    // A job's labels reach this thread after it ends, until its end is handled: the opening
    // job counts as running until then.
    if (m_series < 0 || !(isSegmenting() || m_model->openingSlice())) return 0;
    // The phases the measures need: every phase while ED and ES are found from the volumes,
    // only those two when both are set by hand.
    const auto& s = m_session->series(m_series);
    const io::ClinicalInputs c = clinicalInputs(m_series);
    const bool byHand = c.edPhase >= 0 && c.esPhase >= 0;
    const auto provisional = provisionalEdEs();
    const int ed = byHand ? c.edPhase : provisional ? provisional->edEs.first : -1;
    const int es = byHand ? c.esPhase : provisional ? provisional->edEs.second : -1;
    const auto& predicted = prediction(m_series);
    int missing = 0;
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            if (ed >= 0 && p != ed && p != es) continue;
            if (s.frameAt(k, p) >= 0 && (predicted.maps.empty() || predicted.at(k, p).empty())) ++missing;
        }
    return missing;
}

std::optional<MainWindow::Provisional> MainWindow::provisionalEdEs() const {
    if (!m_model->openingSlice() || m_model->openingSlice()->first != m_series || !m_session->hasSeries(m_series)) return std::nullopt;
    // One of them set by hand: the other is found from the volumes of every phase.
    const io::ClinicalInputs c = clinicalInputs(m_series);
    if (c.edPhase >= 0 || c.esPhase >= 0) return std::nullopt;
    const auto& s = m_session->series(m_series);
    const auto& raw = m_session->rawPrediction(m_series);  // before the coverage: the areas as segmented
    const int slice = m_model->openingSlice()->second;
    std::vector<double> areas;
    for (int p = 0; p < s.phases; ++p) {
        if (s.frameAt(slice, p) < 0) continue;
        const auto& map = raw.at(slice, p);
        areas.push_back(map.empty() ? -1.0
                                    : static_cast<double>(std::count(map.data.begin(), map.data.end(),
                                                                     image::label::BloodPool)));
    }
    // Phases without an image on the slice are left out; their positions shift the indices.
    if (static_cast<int>(areas.size()) != s.phases) return std::nullopt;
    const auto edEs = session::provisionalEdEs(areas);
    if (!edEs) return std::nullopt;
    return Provisional{slice, *edEs};
}

void MainWindow::updateFunction() {
    if (m_series < 0) {
        m_function[0] = m_function[1] = analysis::CardiacFunction();
        m_functionPanel->setWaiting(0);
        m_functionPanel->setProvisional(-1);
        m_functionPanel->setFunctions(m_function[0], m_function[1], 0);
        m_functionPanel->setBodySize(false, 0, 0);
        return;
    }
    const auto& s = m_session->series(m_series);
    analysis::FunctionOptions o = functionOptions();
    // While the model segments the series, ED and ES as found on the opening slice: the measures
    // need only those two phases (figures shown as provisional).
    const auto provisional = provisionalEdEs();
    if (provisional) std::tie(o.edPhase, o.esPhase) = provisional->edEs;
    m_function[0] = analysis::measureFunction(s, prediction(m_series), o);
    m_function[1] = analysis::measureFunction(s, reviewedLabels(), o);
    if (provisional) m_function[0].edEsByHand = m_function[1].edEsByHand = false;
    m_functionPanel->setProvisional(provisional ? provisional->slice : -1);
    m_functionPanel->setWaiting(imagesAwaitingModel());
    m_functionPanel->setFunctions(m_function[0], m_function[1], currentPhase());
    const io::ClinicalInputs c = clinicalInputs(m_series);
    m_functionPanel->setBodySize(!(s.info.patientSizeM > 0) || !(s.info.patientWeightKg > 0), c.heightM, c.weightKg);
    m_grid->setCardiacPhases(m_function[1].edPhase, m_function[1].esPhase, m_function[1].edEsByHand);
    showCoverage();
    updateSuggestions();
    updateReviewStatus();  // the image's tag names ED and ES
}

SurfaceDialog* MainWindow::showSurfaces() {
    if (m_series < 0) return nullptr;
    if (!m_surfaces) m_surfaces = new SurfaceDialog(this);
    m_surfaces->setLabels(m_session->series(m_series).geometry, prediction(m_series),
                          reviewedLabels(),
                          currentPhase());
    m_surfaces->show();
    m_surfaces->raise();
    return m_surfaces;
}

QString MainWindow::writeFunctionCsv(const QString& file) {
    updateFunction();
    try {
        analysis::writeFunctionCsv(file.toStdString(), {{"model", &m_function[0]}, {"reviewed", &m_function[1]}});
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void MainWindow::writeReport(const QString& file) {
    if (m_series < 0 || m_report.isRunning()) return;
    updateFunction();
    ReportInput in;
    // The worker shares the series: another study may be opened while it writes.
    in.series = m_session->sharedSeries(m_series);
    in.model = prediction(m_series);
    in.reviewed = reviewedLabels();
    in.modelFunction = m_function[0];
    in.reviewedFunction = m_function[1];
    in.modelName = QFileInfo(m_model->activeModel()).fileName();
    in.reviewedImages = reviewedImageCount();
    // For a clinical reader: how far the model's contours were changed, without the
    // segmentation-accuracy jargon (the CSV export carries every metric).
    const double bp = m_metrics->chartValue(2, 0), myo = m_metrics->chartValue(2, 1);
    if (in.reviewedImages == 0 || std::isnan(bp))
        in.agreement = tr("No image was corrected or confirmed by a person: every contour is the model's.");
    else
        in.agreement = tr("On the %n image(s) a person corrected or confirmed, the model's contours overlapped "
                          "theirs by %1 % for the blood pool and %2 % for the myocardium (Dice; 100 % = identical).",
                          "", in.reviewedImages)
                           .arg(localNumber(100 * bp, 0), std::isnan(myo) ? QStringLiteral("–") : localNumber(100 * myo, 0));
    statusBar()->showMessage(tr("Writing the report…"));
    m_report.setFuture(m_jobs->run<ReportOutcome>(tr("Writing the report"), [file, in](const io::ProgressFn&) {
        try {
            ui::writeReport(file, in);
            return ReportOutcome{file, QString()};
        } catch (const std::exception& e) {
            return ReportOutcome{file, QString::fromStdString(e.what())};
        }
    }));
}

}  // namespace cardioseg::ui
