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

/// One undoable change of some state of a series from one value to another, applied by a
/// function (review states of images, what a clinician entered). Applied when pushed.
template <typename T>
class ValueCommand : public QUndoCommand {
public:
    using Apply = std::function<void(int series, const T& value)>;
    ValueCommand(const QString& text, int series, T before, T after, Apply apply)
        : QUndoCommand(text), m_series(series), m_before(std::move(before)), m_after(std::move(after)),
          m_apply(std::move(apply)) {
        m_apply(m_series, m_after);
    }
    void undo() override { m_apply(m_series, m_before); }
    void redo() override {
        if (m_firstRedo) {  // applied by the constructor
            m_firstRedo = false;
            return;
        }
        m_apply(m_series, m_after);
    }

private:
    int m_series;
    T m_before;
    T m_after;
    Apply m_apply;
    bool m_firstRedo = true;
};

/// Review states of some images: (slice, phase) → state; Unreviewed stands for "no state".
using ReviewStates = std::map<std::pair<int, int>, io::ReviewState>;
/// Confirm, un-confirm.
using ReviewStateCommand = ValueCommand<ReviewStates>;
/// ED/ES, body size, the ventricle's base and apex.
using ClinicalInputsCommand = ValueCommand<io::ClinicalInputs>;

}  // namespace cardioseg::ui
