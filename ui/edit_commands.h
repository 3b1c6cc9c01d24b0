#pragma once

#include <QUndoCommand>

#include <functional>
#include <memory>

#include "session/review_session.h"

namespace cardioseg::ui {

/// One user action on the undo stack: an edit the review session made (already applied when
/// pushed), undone and redone by the session. It holds the session weakly: once another study is
/// open, it does nothing. `shown` goes to the images it changed after each undo and redo.
class SessionEditCommand : public QUndoCommand {
public:
    using Shown = std::function<void(const session::Edit&)>;
    SessionEditCommand(const QString& text, std::weak_ptr<session::ReviewSession> session, session::Edit edit,
                       Shown shown);
    void undo() override;
    void redo() override;

private:
    std::weak_ptr<session::ReviewSession> m_session;
    session::Edit m_edit;
    Shown m_shown;
    bool m_firstRedo = true;
};

}  // namespace cardioseg::ui
