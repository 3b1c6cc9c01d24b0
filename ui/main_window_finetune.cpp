// The main window's fine-tuning: "Update model" in the background, model versions per study.
#include <QDockWidget>
#include <QFileInfo>
#include <QScrollArea>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <thread>

#include "finetune_panel.h"
#include "io/resources.h"
#include "main_window.h"
#include "session/thread_policy.h"

namespace cardioseg::ui {

void MainWindow::buildFinetuneDock() {
    auto* dock = m_finetuneDock = new QDockWidget(tr("Model updates"), this);
    dock->setObjectName("finetuneDock");
    m_finetunePanel = new FinetunePanel(dock);
    dock->setWidget(scrollable(m_finetunePanel, dock));
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_updates = new FinetunePresenter(
        m_finetunePanel, m_jobs, m_model,
        {[this] { return m_session; }, [this] { return versionsFolder(); }, [this] { return m_settings; }}, this);
    connect(m_finetunePanel, &FinetunePanel::modelChosen, this, &MainWindow::chooseVersion);
    connect(m_updates, &FinetunePresenter::versionChosen, this, &MainWindow::chooseVersion);
    connect(m_updates, &FinetunePresenter::finished, this, &MainWindow::finetuneFinished);
    connect(m_updates, &FinetunePresenter::message, statusBar(), &QStatusBar::showMessage);
    connect(m_updates, &FinetunePresenter::failed, this, &MainWindow::showError);
    m_modelMenu->addSeparator();
    m_modelMenu->addAction(tr("&Update Model from Corrections"), QKeySequence(Qt::CTRL | Qt::Key_U), m_updates,
                           &FinetunePresenter::start);
    m_updates->refreshVersions();
}

QString MainWindow::versionsFolder() const {
    return m_study.workspaceFolder.isEmpty() ? QString() : m_study.workspaceFolder + "/models";
}

int MainWindow::reviewedImageCount() const { return m_session->reviewedImageCount(); }







void MainWindow::chooseVersion(const QString& file) {
    // The measures from the labels of the model in use, to say once the series is segmented by
    // the other version which of them moved.
    if (m_series >= 0 && !isSegmenting() && m_measures->function(false).edPhase >= 0 &&
        QFileInfo(file).absoluteFilePath() != QFileInfo(m_model->activeModel()).absoluteFilePath()) {
        m_measuresBeforeUpdate = m_measures->function(false);
        m_measuresSeries = m_series;
    }
    // The study remembers its model; the session's model is remembered as "none".
    m_study.activeModel = QFileInfo(file).absoluteFilePath() == QFileInfo(m_model->baseModel()).absoluteFilePath() ? QString() : file;
    m_activeDirty = true;
    if (!m_autosave->isActive()) m_autosave->start();
    m_model->activate(file);
    m_updates->refreshVersions();
}



}  // namespace cardioseg::ui
