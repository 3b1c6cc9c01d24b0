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
#include "finetune_panel.h"
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
    tabifyDockWidget(m_finetuneDock, dock);
    m_measures = new FunctionPresenter(
        m_functionPanel, m_grid, m_editing, m_jobs,
        {[this] { return m_session; }, [this] { return m_series; }, [this] { return currentCell(); },
         [this] { return isSegmenting(); }, [this] { return m_model->openingSlice(); }},
        this);
    connect(m_measures, &FunctionPresenter::updated, this,
            &MainWindow::updateReviewStatus);  // the image's tag names ED and ES
    connect(m_measures, &FunctionPresenter::suggestionsChanged, this,
            [this](const QStringList& lines, const std::vector<std::pair<int, int>>& cells) {
                m_finetunePanel->setSuggestions(lines);
                m_grid->setSuggested(cells);
            });
    connect(m_functionPanel, &FunctionPanel::show3dRequested, this, &MainWindow::showSurfaces);
    connect(m_functionPanel, &FunctionPanel::reportRequested, this, [this] {
        if (m_series < 0) return;
        const QString f = QFileDialog::getSaveFileName(this, tr("Save report"), QString(), tr("PDF (*.pdf)"));
        if (!f.isEmpty()) writeReport(f.endsWith(".pdf", Qt::CaseInsensitive) ? f : f + ".pdf");
    });
    connect(m_functionPanel, &FunctionPanel::csvRequested, this, [this] {
        if (m_series < 0) return;
        const QString f = QFileDialog::getSaveFileName(this, tr("Save measures"), QString(), tr("CSV (*.csv)"));
        if (f.isEmpty()) return;
        const QString error = m_measures->writeCsv(f);
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
    m_measures->addCoverageActions(menu);
    // Keep the Help menu last.
    menuBar()->removeAction(m_helpMenu->menuAction());
    menuBar()->addAction(m_helpMenu->menuAction());
}






SurfaceDialog* MainWindow::showSurfaces() { return m_measures->showSurfaces(this); }


void MainWindow::writeReport(const QString& file) {
    if (m_series < 0 || m_report.isRunning()) return;
    m_measures->update();
    ReportInput in;
    // The worker shares the series: another study may be opened while it writes.
    in.series = m_session->sharedSeries(m_series);
    in.model = prediction(m_series);
    in.reviewed = m_session->reviewedLabels(m_series);
    in.modelFunction = m_measures->function(false);
    in.reviewedFunction = m_measures->function(true);
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
