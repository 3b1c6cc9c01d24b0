#include "edit_commands.h"

namespace cardioseg::ui {

LabelEditCommand::LabelEditCommand(const QString& text, EditTarget target, image::LabelPatch patch,
                                   bool createdMap, Resolve resolve, Changed changed)
    : QUndoCommand(text),
      m_target(target),
      m_patch(std::move(patch)),
      m_createdMap(createdMap),
      m_resolve(std::move(resolve)),
      m_changed(std::move(changed)) {
    if (auto* labels = m_resolve(m_target.series)) {
        const auto& map = labels->at(m_target.slice, m_target.phase);
        m_width = map.width;
        m_height = map.height;
    }
}

void LabelEditCommand::undo() {
    image::SeriesLabels* labels = m_resolve(m_target.series);
    if (!labels) return;
    auto& map = labels->at(m_target.slice, m_target.phase);
    if (m_createdMap) {
        map = image::LabelMap();
    } else {
        image::applyPatch(map, m_patch, false);
    }
    m_changed(m_target);
}

void LabelEditCommand::redo() {
    if (m_firstRedo) {  // pushed after the edit was made
        m_firstRedo = false;
        return;
    }
    image::SeriesLabels* labels = m_resolve(m_target.series);
    if (!labels) return;
    auto& map = labels->at(m_target.slice, m_target.phase);
    if (m_createdMap) map = image::LabelMap(m_width, m_height, image::label::Background);
    image::applyPatch(map, m_patch, true);
    m_changed(m_target);
}

}  // namespace cardioseg::ui
