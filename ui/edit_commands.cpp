#include "edit_commands.h"

namespace cardioseg::ui {

SessionEditCommand::SessionEditCommand(const QString& text, std::weak_ptr<session::ReviewSession> session,
                                       session::Edit edit, Shown shown)
    : QUndoCommand(text), m_session(std::move(session)), m_edit(std::move(edit)), m_shown(std::move(shown)) {}

void SessionEditCommand::undo() {
    const auto session = m_session.lock();
    if (!session) return;
    session->undo(m_edit);
    if (m_shown) m_shown(m_edit);
}

void SessionEditCommand::redo() {
    if (m_firstRedo) {  // pushed after the session made the edit
        m_firstRedo = false;
        return;
    }
    const auto session = m_session.lock();
    if (!session) return;
    session->redo(m_edit);
    if (m_shown) m_shown(m_edit);
}

}  // namespace cardioseg::ui
