#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <variant>
#include <vector>

#include "image/cine_series.h"
#include "image/label_edit.h"
#include "image/series_labels.h"
#include "image/slice_range.h"
#include "io/workspace.h"
#include "session/review_navigation.h"

namespace cardioseg::session {

/// Review states of some images of a series: (slice, phase) → state; Unreviewed stands for
/// "no state" (the image has never been corrected or confirmed).
using ReviewStates = std::map<Cell, io::ReviewState>;

/// How far a series is reviewed.
struct ReviewCounts {
    int corrected = 0;
    int confirmed = 0;
    int images = 0;
};

/// An image whose labels a person corrected or confirmed (what fine-tuning learns from).
struct ReviewedImage {
    int series = 0;
    Cell cell;
    const image::LabelMap* labels = nullptr;  ///< the corrections; valid while the session is unchanged
};

/// What one user action changed in one series, applied already when the session hands it out:
/// the undo stack keeps it and gives it back to ReviewSession::undo / redo. Label changes are
/// kept as region-limited patches, so a long editing session stays small.
class Edit {
public:
    bool empty() const { return m_steps.empty(); }
    int series() const { return m_series; }
    /// The image to show when the edit is undone or redone (slice −1: the series as a whole).
    Cell cell() const { return m_cell; }
    /// The slice the ventricle's coverage grew to include at the edit's phase (an edit outside the
    /// coverage that left ventricle labels there), else −1.
    int coverageExtendedTo() const { return m_extendedTo; }

private:
    friend class ReviewSession;
    struct LabelStep {
        Cell cell;
        image::LabelPatch patch;
        bool created = false;  ///< the image had no corrections before: undo removes them again
        int width = 0, height = 0;
    };
    struct ReviewStep {
        ReviewStates before, after;
    };
    struct InputsStep {
        io::ClinicalInputs before, after;
    };
    using Step = std::variant<LabelStep, ReviewStep, InputsStep>;

    int m_series = -1;
    Cell m_cell{-1, -1};
    int m_extendedTo = -1;
    std::vector<Step> m_steps;
};

/// What changed in the session, for whoever shows it.
struct Change {
    enum Kind {
        Corrections = 1,  ///< a person's labels
        Prediction = 2,   ///< the model's labels (as they arrive, or the coverage applied anew)
        Review = 4,       ///< review states
        Inputs = 8,       ///< ED/ES, body size, base and apex set by hand
    };
    int kinds = 0;
    int series = -1;
    int slice = -1;  ///< −1: anywhere in the series
    int phase = -1;
};

/// One study under review, without a window: its series (shared, read-only, so background work
/// can hold them), the model's labels with the ventricle's coverage applied, a person's
/// corrections, review states and clinical inputs, and which series have changes not yet saved.
/// Every review rule lives here:
///  - the first correction of an image starts from the model's labels (background where there
///    are none) and marks it corrected; undoing that edit takes the corrections and the state
///    back out;
///  - confirming keeps the labels on screen (the model's become the corrections) and needs the
///    model's labels or an explicit "no ventricle here" once segmentation has run;
///  - un-confirming leaves the image corrected;
///  - an edit outside the ventricle's coverage that leaves ventricle labels there extends the
///    coverage of that phase in the same edit;
///  - the model's labels outside the coverage count as background; the coverage is found once
///    every image of the series has the model's labels, and base and apex set by hand win.
/// Every change goes to the listener; every user change marks its series unsaved.
class ReviewSession {
public:
    using Study = std::vector<image::CineSeries>;
    using Listener = std::function<void(const Change&)>;

    /// `work`: what the study's workspace held (parallel to the series; may be empty).
    explicit ReviewSession(std::shared_ptr<const Study> study, std::vector<io::SeriesWork> work = {});

    const std::shared_ptr<const Study>& study() const { return m_study; }
    int seriesCount() const { return static_cast<int>(m_study->size()); }
    bool hasSeries(int series) const { return series >= 0 && series < seriesCount(); }
    /// Throws std::out_of_range for a series the study does not have.
    const image::CineSeries& series(int series) const;
    /// The series, sharing the study's ownership: background work holds this, never a copy.
    std::shared_ptr<const image::CineSeries> sharedSeries(int series) const;
    bool hasImage(int series, Cell cell) const;

    void setListener(Listener listener) { m_listener = std::move(listener); }

    // ---- the model's labels -------------------------------------------------------------
    /// The model's labels with the coverage applied (empty maps where it has not run).
    const image::SeriesLabels& prediction(int series) const;
    /// The model's labels as it made them.
    const image::SeriesLabels& rawPrediction(int series) const;
    /// The network's doubt per image (slice-major; NaN where it has not run).
    const std::vector<double>& uncertainty(int series) const;
    /// The model's labels of one image arrived (the coverage known so far applies at once).
    void setPrediction(int series, Cell cell, image::LabelMap labels, double uncertainty);
    /// Once every image of the series has the model's labels, the coverage is found from them
    /// and applied. Call when a segmentation of the series ended.
    void refreshCoverage(int series);

    // ---- a person's review ---------------------------------------------------------------
    const image::SeriesLabels& corrections(int series) const;
    io::ReviewState reviewState(int series, Cell cell) const;
    const ReviewStates& reviewStates(int series) const;
    const io::ClinicalInputs& clinicalInputs(int series) const;
    /// The ventricle's coverage per phase (found, with the base and apex set by hand); empty until
    /// the series is fully segmented.
    std::vector<image::SliceRange> coverage(int series) const;
    /// The image's labels on screen: its corrections, else the model's; null when neither.
    const image::LabelMap* shownLabels(int series, Cell cell) const;
    /// The series' corrections, the model's labels where an image has none, nothing outside the
    /// coverage: what the reviewed measures count.
    image::SeriesLabels reviewedLabels(int series) const;
    ReviewCounts counts(int series) const;
    /// Images of the study with corrected or confirmed labels.
    int reviewedImageCount() const;
    std::vector<ReviewedImage> reviewedImages() const;

    // ---- edits: each returns what it changed, already applied (empty: nothing changed) -----
    /// A label edit in progress: `labels()` may be changed in place (a brush stroke) until
    /// commit. The image's corrections are created from the model's labels when it has none.
    class LabelEdit {
    public:
        bool valid() const { return m_labels != nullptr; }
        image::LabelMap& labels() { return *m_labels; }

    private:
        friend class ReviewSession;
        int m_series = -1;
        Cell m_cell;
        image::LabelMap* m_labels = nullptr;
        image::LabelMap m_before;
        bool m_created = false;
    };
    /// Invalid (nothing to edit) when the image does not exist.
    LabelEdit beginEdit(int series, Cell cell);
    Edit commit(LabelEdit& edit);
    /// The cells the model has labelled: one image, a slice (all phases) or the series.
    enum class Scope { Image, Slice, Series };
    std::vector<Cell> predictedCells(int series, Scope scope, Cell at) const;
    /// The model's labels become the corrections of these images.
    Edit acceptPrediction(int series, const std::vector<Cell>& cells);
    enum class ConfirmOutcome { Confirmed, AlreadyConfirmed, NotSegmentedYet, NoImage, ReadOnly };
    /// `modelPending`: the model is still to segment (an image without its labels waits for them).
    ConfirmOutcome confirm(int series, Cell cell, bool modelPending, Edit& edit);
    /// Back to corrected; empty when the image was not confirmed.
    Edit unconfirm(int series, Cell cell);
    Edit clearImage(int series, Cell cell);
    /// Every phase of a slice to background: for slices the left ventricle does not reach.
    Edit clearSlice(int series, int slice);
    /// The labels on screen at `from` (corrections, else the model's) become the corrections at
    /// (`slice`, `toPhase`): a starting point. Empty when there is nothing to copy.
    Edit copyLabels(int series, int slice, int fromPhase, int toPhase);
    Edit setClinicalInputs(int series, const io::ClinicalInputs& inputs);
    /// The ventricle's base (or apex) at `cell`'s slice at its phase or at every phase; empty
    /// while the coverage is unknown. The other end moves along when it would cross.
    Edit setCoverageLimit(int series, Cell cell, bool base, bool everyPhase);
    /// Back to the coverage found from the model's labels at `phase` or at every phase.
    Edit automaticCoverage(int series, int phase, bool everyPhase);

    void undo(const Edit& edit);
    void redo(const Edit& edit);

    // ---- saving --------------------------------------------------------------------------
    bool hasUnsaved() const { return !m_unsaved.empty(); }
    /// A study another workstation is editing is reviewed read-only: every edit above is
    /// refused (returns an empty edit, ConfirmOutcome::ReadOnly), predictions still arrive.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }
    const std::set<int>& unsavedSeries() const { return m_unsaved; }
    /// Copies of what changed since the last call (the series, its review); nothing is unsaved
    /// after it. When writing them fails, markUnsaved puts them back.
    std::vector<std::pair<int, io::SeriesWork>> takeUnsaved();
    void markUnsaved(const std::set<int>& series);

private:
    struct SeriesState {
        image::SeriesLabels prediction, raw, corrections;
        std::vector<double> uncertainty;
        std::vector<image::SliceRange> found;
        ReviewStates review;
        io::ClinicalInputs inputs;
    };
    SeriesState& state(int series);
    const SeriesState& state(int series) const;
    /// A corrected or confirmed image with corrections and an image (what fine-tuning can use).
    bool isReviewed(int series, Cell cell, io::ReviewState state) const;
    image::LabelMap background(int series) const;
    /// Records a change of an image's corrections from `before` (or from none) to what they are
    /// now; marks the image corrected when it had no state. Returns false when nothing changed.
    bool recordLabels(Edit& edit, Cell cell, const image::LabelMap& before, bool created, bool markCorrected);
    void applyStep(int series, const Edit::Step& step, bool forward);
    void applyInputs(int series, const io::ClinicalInputs& inputs);
    void applyCoverage(int series);
    /// An image outside the coverage whose corrections hold ventricle labels now: the coverage
    /// of its phase grows to include it, as part of `edit`.
    void extendCoverage(Edit& edit, Cell cell);
    /// Tells the listener what an edit changed (one change for the series when it touched more
    /// than one image) and marks the series unsaved.
    void publish(const Edit& edit);
    void notify(int kinds, int series, Cell cell = {-1, -1});
    static Edit started(int series, Cell cell);

    std::shared_ptr<const Study> m_study;
    std::vector<SeriesState> m_state;
    std::set<int> m_unsaved;
    bool m_readOnly = false;
    Listener m_listener;
};

}  // namespace cardioseg::session
