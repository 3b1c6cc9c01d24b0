#pragma once

#include <QUndoCommand>

#include <functional>
#include <map>
#include <utility>

#include "image/label_edit.h"
#include "image/series_labels.h"
#include "io/workspace.h"

namespace cardioseg::ui {

/// Where an edit happened: a series and one image of it.
struct EditTarget {
    int series = -1;
    int slice = 0;
    int phase = 0;
};

/// One undoable change to the corrected labels of one image, kept as a region-limited RLE
/// patch. `createdMap`: the image had no corrections before, so undo removes the map again.
/// The change is already applied when the command is pushed.
class LabelEditCommand : public QUndoCommand {
public:
    using Resolve = std::function<image::SeriesLabels*(int series)>;
    using Changed = std::function<void(const EditTarget&)>;

    LabelEditCommand(const QString& text, EditTarget target, image::LabelPatch patch, bool createdMap,
                     Resolve resolve, Changed changed);
    void undo() override;
    void redo() override;
    std::size_t bytes() const { return m_patch.bytes(); }

private:
    EditTarget m_target;
    image::LabelPatch m_patch;
    bool m_createdMap;
    bool m_firstRedo = true;
    int m_width = 0, m_height = 0;
    Resolve m_resolve;
    Changed m_changed;
};

/// One undoable change of review states (confirm, un-confirm) of images of a series. States
/// map (slice, phase) to the state; Unreviewed stands for "no state". Applied when pushed.
class ReviewStateCommand : public QUndoCommand {
public:
    using States = std::map<std::pair<int, int>, io::ReviewState>;
    using Apply = std::function<void(int series, const States& states)>;

    ReviewStateCommand(const QString& text, int series, States before, States after, Apply apply);
    void undo() override;
    void redo() override;

private:
    int m_series;
    States m_before;
    States m_after;
    Apply m_apply;
    bool m_firstRedo = true;
};

}  // namespace cardioseg::ui
