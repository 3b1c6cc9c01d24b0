#include "main_menus.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include "cardioseg_version.h"
#include "function_panel.h"
#include "io/resources.h"
#include "main_window.h"
#include "pacs_dialogs.h"
#include "pacs_presenter.h"
#include "slice_view.h"

namespace cardioseg::ui {

MainMenus::MainMenus(MainWindow* window) : QObject(window), m_window(window) {
    buildFile();
    buildEdit();
    buildView();
    buildModel();
    buildFunction();
    buildHelp();
}

void MainMenus::buildFile() {
    MainWindow* w = m_window;
    QMenu* file = w->menuBar()->addMenu(tr("&File"));
    QAction* openFolder = file->addAction(tr("&Open Folder…"), this, [w] {
        const QString dir = QFileDialog::getExistingDirectory(w, tr("Open a study folder"));
        if (!dir.isEmpty()) w->openStudy(dir);
    });
    openFolder->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Files…"), this, [w] {
        const QString f = QFileDialog::getOpenFileName(w, tr("Open a DICOM file or DICOMDIR"));
        if (!f.isEmpty()) w->openStudy(f);
    });
    file->addAction(tr("Open from &PACS…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &MainMenus::showStudyBrowser);
    m_recent = file->addMenu(tr("&Recent Studies"));
    rebuildRecent();
    file->addSeparator();
    file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainMenus::showExportDialog);
    file->addAction(tr("Send to PA&CS…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this, &MainMenus::showSendToPacs);
    file->addAction(tr("PACS &Nodes…"), this, [this] {
        PacsNodesDialog dialog(m_window->pacs(), m_window);
        dialog.exec();
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), w, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainMenus::rebuildRecent() {
    m_recent->clear();
    const QStringList recent = StudyPresenter::recentStudies();
    for (const QString& p : recent) m_recent->addAction(p, this, [this, p] { m_window->openStudy(p); });
    m_recent->setEnabled(!recent.isEmpty());
}

void MainMenus::buildEdit() {
    QMenu* edit = m_window->menuBar()->addMenu(tr("&Edit"));
    auto* tools = m_window->addToolBar(tr("Tools"));
    tools->setObjectName("toolsToolbar");
    m_window->editing()->buildActions(edit, tools);
    edit->addSeparator();
    edit->addAction(tr("Se&ttings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainMenus::showSettingsDialog);
}

void MainMenus::buildView() {
    ViewerPresenter* viewer = m_window->viewer();
    QMenu* view = m_window->menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Fit to Window"), QKeySequence(Qt::Key_F), m_window->sliceView(), &SliceView::fitToWindow);
    view->addAction(tr("Show Expert &Contours"), QKeySequence(Qt::Key_L), viewer,
                    [viewer] { viewer->setExpertContoursShown(!viewer->expertContoursShown()); });
    view->addAction(tr("Next Overlay &Labels"), QKeySequence(Qt::Key_P), viewer, &ViewerPresenter::cycleOverlaySource);
    view->addAction(tr("Next Overlay &Style"), QKeySequence(Qt::Key_O), viewer, &ViewerPresenter::cycleOverlayStyle);
    QAction* overlay =
        view->addAction(tr("Show &Overlay"), QKeySequence(Qt::Key_H), m_window->sliceView(), &SliceView::setOverlayVisible);
    overlay->setCheckable(true);
    overlay->setChecked(true);
    view->addAction(tr("&Play Cine"), QKeySequence(Qt::Key_Space), viewer,
                    [viewer] { viewer->setPlaying(!viewer->isPlaying()); });
    view->addSeparator();
    view->addAction(tr("Next Slice"), QKeySequence(Qt::Key_Down), viewer, [viewer] { viewer->stepSlice(1); });
    view->addAction(tr("Previous Slice"), QKeySequence(Qt::Key_Up), viewer, [viewer] { viewer->stepSlice(-1); });
    view->addAction(tr("Next Phase"), QKeySequence(Qt::Key_Right), viewer, [viewer] { viewer->stepPhase(1); });
    view->addAction(tr("Previous Phase"), QKeySequence(Qt::Key_Left), viewer, [viewer] { viewer->stepPhase(-1); });
    view->addSeparator();
    view->addAction(tr("Next &Unreviewed Image"), QKeySequence(Qt::Key_N), viewer,
                    [viewer] { viewer->goToNextUnreviewed(false); });
    view->addAction(tr("Next Unreviewed Image at &ED or ES"), QKeySequence(Qt::SHIFT | Qt::Key_N), viewer,
                    [viewer] { viewer->goToNextUnreviewed(true); });
    view->addAction(tr("Image to &Correct First"), QKeySequence(Qt::Key_J), m_window->measures(),
                    &FunctionPresenter::goToSuggestion);
}

void MainMenus::buildModel() {
    MainWindow* w = m_window;
    ModelPresenter* model = w->model();
    QMenu* menu = w->menuBar()->addMenu(tr("&Model"));
    const auto segment = [w, model](ModelPresenter::Scope scope) {
        return [w, model, scope] { model->segment(scope, w->viewer()->series(), w->viewer()->cell()); };
    };
    menu->addAction(tr("Segment This &Image"), QKeySequence(Qt::Key_R), model, segment(ModelPresenter::Scope::Image));
    menu->addAction(tr("Segment This &Slice (All Phases)"), QKeySequence(Qt::SHIFT | Qt::Key_R), model,
                    segment(ModelPresenter::Scope::Slice));
    menu->addAction(tr("Segment This S&eries"), QKeySequence(Qt::CTRL | Qt::Key_R), model,
                    segment(ModelPresenter::Scope::Series));
    menu->addAction(tr("Segment the Whole S&tudy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), model,
                    segment(ModelPresenter::Scope::Study));
    menu->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, [w, model] {
        if (model->isSegmenting() || w->studies()->isExporting() || w->studies()->isLoading()) w->cancelWork();
    });
    menu->addSeparator();
    menu->addAction(tr("Choose Model &File…"), this, &MainMenus::chooseModelFile);
    menu->addAction(tr("Use the &Default Model"), this,
                    [w] { w->setModelPath(QString::fromStdString(io::defaultModelPath().string())); });
    menu->addSeparator();
    menu->addAction(tr("&Update Model from Corrections"), QKeySequence(Qt::CTRL | Qt::Key_U), w->updates(),
                    &FinetunePresenter::start);
}

void MainMenus::buildFunction() {
    MainWindow* w = m_window;
    QMenu* menu = w->menuBar()->addMenu(tr("F&unction"));
    menu->addAction(tr("&3-D View"), QKeySequence(Qt::CTRL | Qt::Key_3), w->functionPanel(),
                    &FunctionPanel::show3dRequested);
    menu->addAction(tr("&Report (PDF)…"), QKeySequence(Qt::CTRL | Qt::Key_P), w->functionPanel(),
                    &FunctionPanel::reportRequested);
    menu->addAction(tr("Measures as &CSV…"), w->functionPanel(), &FunctionPanel::csvRequested);
    QAction* deidentify = menu->addAction(tr("&De-identify Reports and Exports"));
    deidentify->setObjectName("deidentifyAction");
    deidentify->setCheckable(true);
    deidentify->setToolTip(tr("No patient name, ID, birth date, study date or description in reports and "
                              "exports; new UIDs (DICOM PS3.15 Basic Profile)"));
    // The export dialog sets it too: the menu shows the setting as it is when it opens.
    connect(menu, &QMenu::aboutToShow, deidentify,
            [deidentify] { deidentify->setChecked(FunctionPresenter::deidentifyExports()); });
    connect(deidentify, &QAction::toggled, this, [](bool on) { FunctionPresenter::setDeidentifyExports(on); });
    menu->addSeparator();
    w->measures()->addCoverageActions(menu);
}

void MainMenus::buildHelp() {
    QMenu* help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainMenus::showShortcuts);
    help->addAction(tr("&About CardioSeg"), this, [this] {
        QMessageBox::about(m_window, tr("About CardioSeg"), aboutText());
    });
}

QString MainMenus::aboutText() {
    return tr("<b>CardioSeg</b> %1<br>Cardiac MRI segmentation workstation, with Qt %2.<br>"
              "Research software, not a medical device.<br>"
              "Free software: GNU General Public License, version 3 or later.<br>"
              "Sample study: Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.")
        .arg(QStringLiteral(CARDIOSEG_VERSION), QString::fromLatin1(qVersion()));
}

void MainMenus::showShortcuts() {
    QStringList rows;
    for (QAction* menu : m_window->menuBar()->actions())
        for (QAction* a : menu->menu() ? menu->menu()->actions() : QList<QAction*>())
            if (!a->shortcut().isEmpty())
                rows << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                            .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                                 a->text().remove('&').toHtmlEscaped());
    QMessageBox::information(m_window, tr("Keyboard shortcuts"),
                             QStringLiteral("<table cellspacing=4>%1</table>").arg(rows.join(QString())));
}

void MainMenus::showStudyBrowser() {
    // One browser, not modal: the workstation stays usable while studies arrive.
    if (!m_browser) {
        m_browser = new StudyBrowserDialog(m_window->pacs(), m_window);
        connect(m_browser, &StudyBrowserDialog::openRequested, m_window, &MainWindow::openStudy);
    }
    m_browser->refreshCache();
    m_browser->show();
    m_browser->raise();
}

void MainMenus::showSendToPacs() {
    if (m_window->viewer()->series() < 0) {
        m_window->statusBar()->showMessage(tr("Open a study first"), 5000);
        return;
    }
    SendToPacsDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted) return;
    const auto nodes = PacsPresenter::nodes();
    if (dialog.nodeIndex() < 0 || dialog.nodeIndex() >= static_cast<int>(nodes.size())) return;
    PacsPresenter::SendChoice choice;
    choice.segmentation = dialog.segmentation();
    choice.measurements = dialog.measurements();
    choice.report = dialog.report();
    choice.source = dialog.modelOnly() ? analysis::LabelSource::Prediction : analysis::LabelSource::CorrectionsElsePrediction;
    m_window->pacs()->send(nodes[dialog.nodeIndex()], choice);
}

void MainMenus::showExportDialog() {
    const int series = m_window->viewer()->series();
    if (series < 0) {
        m_window->statusBar()->showMessage(tr("Open a study first"), 5000);
        return;
    }
    ExportDialog dialog(m_window);
    if (dialog.exec() == QDialog::Accepted) m_window->studies()->exportSeries(series, dialog.options());
}

void MainMenus::showSettingsDialog() {
    SettingsDialog dialog(m_window->settings(), m_window);
    if (dialog.exec() == QDialog::Accepted) m_window->applySettings(dialog.settings());
}

void MainMenus::chooseModelFile() {
    const QString f = QFileDialog::getOpenFileName(m_window, tr("Choose a model file"),
                                                   QFileInfo(m_window->modelPath()).path(),
                                                   tr("CardioSeg models (*.pt);;All files (*)"));
    if (!f.isEmpty()) m_window->setModelPath(f);
}

}  // namespace cardioseg::ui
