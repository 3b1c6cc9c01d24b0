#pragma once

#include <QObject>

class QSocketNotifier;
class QTimer;

namespace cardioseg::ui {

class MainWindow;

/// A remote control for tests that run the real workstation as a child process (the crash test):
/// enabled only when the environment has CARDIOSEG_TEST_INPUT=1. It reads one command per line
/// on standard input and answers on standard output:
///   paint <slice> <phase> <x> <y> <label>  brush stroke at image pixel (x, y) through synthetic
///                                            mouse events on the image → "painted <n>"
///   label <slice> <phase> <x> <y>           the corrected label there → "label <v>" (−1: none)
/// and tells, unasked, "opened <series> <readonly 0|1>" when a study is shown, "save-begun" when
/// an autosave starts writing and "saved <ok|error>" when it ends.
class TestInput : public QObject {
    Q_OBJECT

public:
    /// Null unless the environment asks for it.
    static TestInput* attachIfAsked(MainWindow* window);

private:
    explicit TestInput(MainWindow* window);
    void readCommands();
    void run(const QByteArray& line);
    void say(const QByteArray& line);

    MainWindow* m_window;
    QSocketNotifier* m_stdin;
    QTimer* m_watch;  ///< notices an autosave starting
    QByteArray m_pending;
    bool m_saving = false;
    int m_painted = 0;
};

}  // namespace cardioseg::ui
