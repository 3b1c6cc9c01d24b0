#include "test_input.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

#include "editing_presenter.h"
#include "main_window.h"
#include "slice_view.h"
#include "study_presenter.h"
#include "viewer_presenter.h"

namespace cardioseg::ui {

TestInput* TestInput::attachIfAsked(MainWindow* window) {
    const char* asked = std::getenv("CARDIOSEG_TEST_INPUT");
    if (!asked || std::strcmp(asked, "1") != 0) return nullptr;
    return new TestInput(window);
}

TestInput::TestInput(MainWindow* window)
    : QObject(window),
      m_window(window),
      m_stdin(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this)),
      m_watch(new QTimer(this)) {
    connect(m_stdin, &QSocketNotifier::activated, this, &TestInput::readCommands);
    connect(window->studies(), &StudyPresenter::opened, this, [this] {
        say("opened " + QByteArray::number(m_window->session().seriesCount()) + " " +
            (m_window->session().isReadOnly() ? "1" : "0"));
    });
    connect(window->studies(), &StudyPresenter::saved, this,
            [this](const QString& error) { say(error.isEmpty() ? "saved ok" : "saved error " + error.toUtf8()); });
    // An autosave runs on a worker: its start shows as the presenter's saving flag.
    m_watch->setInterval(1);
    connect(m_watch, &QTimer::timeout, this, [this] {
        const bool saving = m_window->studies()->isSaving();
        if (saving && !m_saving) say("save-begun");
        m_saving = saving;
    });
    m_watch->start();
}

void TestInput::say(const QByteArray& line) {
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void TestInput::readCommands() {
    char buf[4096];
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n <= 0) {
        m_stdin->setEnabled(false);  // the test closed its end
        return;
    }
    m_pending.append(buf, static_cast<int>(n));
    for (int eol = m_pending.indexOf('\n'); eol >= 0; eol = m_pending.indexOf('\n')) {
        const QByteArray line = m_pending.left(eol).trimmed();
        m_pending.remove(0, eol + 1);
        if (!line.isEmpty()) run(line);
    }
}

void TestInput::run(const QByteArray& line) {
    const QList<QByteArray> w = line.split(' ');
    const auto arg = [&w](int i) { return i < w.size() ? w[i].toInt() : -1; };
    if (w[0] == "paint" && w.size() == 6) {
        m_window->viewer()->setPosition(arg(1), arg(2));
        m_window->editing()->setBrushLabel(static_cast<std::uint8_t>(arg(5)));
        m_window->editing()->setBrushRadius(1.5);
        m_window->editing()->setTool(EditingPresenter::Tool::Brush);
        // The stroke a person makes: press, a short drag, release — on the image as shown.
        SliceView* view = m_window->sliceView();
        const QPointF a = view->imageToWidgetPoint(QPointF(arg(3) + 0.5, arg(4) + 0.5));
        const QPointF b = view->imageToWidgetPoint(QPointF(arg(3) + 1.0, arg(4) + 0.5));
        QMouseEvent press(QEvent::MouseButtonPress, a, view->mapToGlobal(a), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QMouseEvent move(QEvent::MouseMove, b, view->mapToGlobal(b), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QMouseEvent release(QEvent::MouseButtonRelease, b, view->mapToGlobal(b), Qt::LeftButton, Qt::NoButton,
                            Qt::NoModifier);
        QCoreApplication::sendEvent(view, &press);
        QCoreApplication::sendEvent(view, &move);
        QCoreApplication::sendEvent(view, &release);
        say("painted " + QByteArray::number(++m_painted));
    } else if (w[0] == "label" && w.size() == 5) {
        const auto& map = m_window->session().corrections(0).at(arg(1), arg(2));
        const int x = arg(3), y = arg(4);
        const bool inside = !map.empty() && x >= 0 && y >= 0 && x < map.width && y < map.height;
        say("label " + QByteArray::number(inside ? int(map.data[static_cast<std::size_t>(y) * map.width + x]) : -1));
    } else {
        say("unknown " + line);
    }
}

}  // namespace cardioseg::ui
