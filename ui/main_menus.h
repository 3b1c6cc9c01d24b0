#pragma once

#include <QObject>

class QMenu;

namespace cardioseg::ui {

class MainWindow;
class StudyBrowserDialog;

/// The main window's menus and their shortcuts (File, Edit, View, Model, Function, Help), each
/// action calling the window's presenters.
class MainMenus : public QObject {
    Q_OBJECT

public:
    explicit MainMenus(MainWindow* window);
    /// The recent studies, most recent first.
    void rebuildRecent();
    /// The About box's text: this build's version (CARDIOSEG_VERSION), Qt's, the licence.
    static QString aboutText();

private:
    void buildFile();
    void buildEdit();
    void buildView();
    void buildModel();
    void buildFunction();
    void buildHelp();
    void showExportDialog();
    void showStudyBrowser();
    void showSendToPacs();
    void showSettingsDialog();
    void chooseModelFile();
    void showShortcuts();

    MainWindow* m_window;
    QMenu* m_recent = nullptr;
    StudyBrowserDialog* m_browser = nullptr;
};

}  // namespace cardioseg::ui
