#include "session/review_session.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "analysis/coverage.h"
#include "analysis/series_export.h"

namespace cardioseg::session {

namespace {

bool holdsVentricle(const image::LabelMap& labels) {
    return std::any_of(labels.data.begin(), labels.data.end(), [](std::uint8_t v) {
        return v == image::label::BloodPool || v == image::label::Myocardium;
    });
}

template <class... F>
struct Visitor : F... {
    using F::operator()...;
};
template <class... F>
Visitor(F...) -> Visitor<F...>;

}  // namespace

ReviewSession::ReviewSession(std::shared_ptr<const Study> study, std::vector<io::SeriesWork> work)
    : m_study(study ? std::move(study) : std::make_shared<const Study>()) {
    m_state.resize(m_study->size());
    for (std::size_t i = 0; i < m_study->size(); ++i) {
        const auto& s = (*m_study)[i];
        auto& st = m_state[i];
        st.prediction = st.raw = image::SeriesLabels::like(s);
        st.uncertainty.assign(st.raw.maps.size(), std::nan(""));
        st.corrections = image::SeriesLabels::like(s);
        if (i >= work.size()) continue;
        auto& w = work[i];
        // A workspace of another layout of the series (it was re-arranged) keeps no labels here.
        if (w.corrections.slices == s.slices && w.corrections.phases == s.phases &&
            w.corrections.maps.size() == st.corrections.maps.size())
            st.corrections = std::move(w.corrections);
        for (const auto& [cell, state] : w.review)
            if (cell.first >= 0 && cell.first < s.slices && cell.second >= 0 && cell.second < s.phases &&
                state != io::ReviewState::Unreviewed)
                st.review[cell] = state;
        st.inputs = std::move(w.clinical);
    }
}

ReviewSession::SeriesState& ReviewSession::state(int s) {
    (void)series(s);  // throws for a series the study does not have
    return m_state[static_cast<std::size_t>(s)];
}

const ReviewSession::SeriesState& ReviewSession::state(int series) const {
    return const_cast<ReviewSession*>(this)->state(series);
}

const image::CineSeries& ReviewSession::series(int series) const {
    if (!hasSeries(series)) throw std::out_of_range("no series " + std::to_string(series) + " in the study");
    return (*m_study)[static_cast<std::size_t>(series)];
}

std::shared_ptr<const image::CineSeries> ReviewSession::sharedSeries(int s) const {
    return std::shared_ptr<const image::CineSeries>(m_study, &series(s));
}

bool ReviewSession::hasImage(int s, Cell cell) const {
    return hasSeries(s) && cell.first >= 0 && cell.first < series(s).slices && cell.second >= 0 &&
           cell.second < series(s).phases && series(s).image(cell.first, cell.second) != nullptr;
}

image::LabelMap ReviewSession::background(int s) const {
    const auto& g = series(s).geometry;
    return image::LabelMap(g.columns, g.rows, image::label::Background);
}

void ReviewSession::notify(int kinds, int series, Cell cell) {
    if (m_listener && kinds) m_listener(Change{kinds, series, cell.first, cell.second});
}

Edit ReviewSession::started(int series, Cell cell) {
    Edit e;
    e.m_series = series;
    e.m_cell = cell;
    return e;
}

// ---- the model's labels --------------------------------------------------------------------

const image::SeriesLabels& ReviewSession::prediction(int s) const { return state(s).prediction; }
const image::SeriesLabels& ReviewSession::rawPrediction(int s) const { return state(s).raw; }
const std::vector<double>& ReviewSession::uncertainty(int s) const { return state(s).uncertainty; }

void ReviewSession::setPrediction(int s, Cell cell, image::LabelMap labels, double doubt) {
    auto& st = state(s);
    if (cell.first < 0 || cell.first >= st.raw.slices || cell.second < 0 || cell.second >= st.raw.phases) return;
    st.raw.at(cell.first, cell.second) = labels;
    st.uncertainty[static_cast<std::size_t>(cell.first) * st.raw.phases + cell.second] = doubt;
    // The coverage known so far applies at once (an image segmented again).
    const auto ranges = coverage(s);
    if (cell.second < static_cast<int>(ranges.size()) && !ranges[cell.second].contains(cell.first))
        for (auto& v : labels.data)
            if (v == image::label::BloodPool || v == image::label::Myocardium) v = image::label::Background;
    st.prediction.at(cell.first, cell.second) = std::move(labels);
    notify(Change::Prediction, s, cell);
}

void ReviewSession::refreshCoverage(int s) {
    auto& st = state(s);
    // Found once every image has the model's labels; until then the labels show as they come.
    if (st.raw.labelledCount() == series(s).imageCount()) st.found = analysis::findCoverage(series(s), st.raw);
    applyCoverage(s);
}

void ReviewSession::applyCoverage(int s) {
    auto& st = state(s);
    const auto ranges = coverage(s);
    st.prediction = ranges.empty() ? st.raw : analysis::applyCoverage(st.raw, ranges);
    notify(Change::Prediction, s);
}

// ---- a person's review ---------------------------------------------------------------------

const image::SeriesLabels& ReviewSession::corrections(int s) const { return state(s).corrections; }

io::ReviewState ReviewSession::reviewState(int s, Cell cell) const {
    if (!hasSeries(s)) return io::ReviewState::Unreviewed;
    const auto& review = state(s).review;
    const auto it = review.find(cell);
    return it == review.end() ? io::ReviewState::Unreviewed : it->second;
}

const ReviewStates& ReviewSession::reviewStates(int s) const { return state(s).review; }
const io::ClinicalInputs& ReviewSession::clinicalInputs(int s) const { return state(s).inputs; }

std::vector<image::SliceRange> ReviewSession::coverage(int s) const {
    const auto& st = state(s);
    if (st.found.empty()) return {};
    return analysis::chooseCoverage(st.found, st.inputs.coverage, series(s).slices);
}

const image::LabelMap* ReviewSession::shownLabels(int s, Cell cell) const {
    if (!hasSeries(s) || cell.first < 0 || cell.first >= series(s).slices || cell.second < 0 ||
        cell.second >= series(s).phases)
        return nullptr;
    const auto& st = state(s);
    if (const auto& c = st.corrections.at(cell.first, cell.second); !c.empty()) return &c;
    if (const auto& p = st.prediction.at(cell.first, cell.second); !p.empty()) return &p;
    return nullptr;
}

image::SeriesLabels ReviewSession::reviewedLabels(int s) const {
    const auto& st = state(s);
    const auto labels =
        analysis::selectLabels(st.corrections, st.prediction, analysis::LabelSource::CorrectionsElsePrediction);
    // Outside the ventricle's coverage nothing counts, corrections included.
    const auto ranges = coverage(s);
    return ranges.empty() ? labels : analysis::applyCoverage(labels, ranges);
}

ReviewCounts ReviewSession::counts(int s) const {
    ReviewCounts c;
    if (!hasSeries(s)) return c;
    c.images = static_cast<int>(series(s).imageCount());
    for (const auto& [cell, st] : state(s).review) (st == io::ReviewState::Confirmed ? c.confirmed : c.corrected)++;
    return c;
}

bool ReviewSession::isReviewed(int s, Cell cell, io::ReviewState st) const {
    return st != io::ReviewState::Unreviewed && !state(s).corrections.at(cell.first, cell.second).empty() &&
           hasImage(s, cell);
}

std::vector<ReviewedImage> ReviewSession::reviewedImages() const {
    std::vector<ReviewedImage> out;
    for (int s = 0; s < seriesCount(); ++s)
        for (const auto& [cell, st] : state(s).review)
            if (isReviewed(s, cell, st)) out.push_back({s, cell, &state(s).corrections.at(cell.first, cell.second)});
    return out;
}

int ReviewSession::reviewedImageCount() const {
    // Counted without collecting: asked after every change.
    int n = 0;
    for (int s = 0; s < seriesCount(); ++s)
        for (const auto& [cell, st] : state(s).review) n += isReviewed(s, cell, st) ? 1 : 0;
    return n;
}

// ---- edits ---------------------------------------------------------------------------------

bool ReviewSession::recordLabels(Edit& edit, Cell cell, const image::LabelMap& before, bool created,
                                 bool markCorrected) {
    auto& st = state(edit.m_series);
    const auto& after = st.corrections.at(cell.first, cell.second);
    image::LabelPatch patch = image::makePatch(before, after);
    if (patch.empty() && !created) return false;
    edit.m_steps.emplace_back(Edit::LabelStep{cell, std::move(patch), created, after.width, after.height});
    if (markCorrected && !st.review.count(cell)) {
        edit.m_steps.emplace_back(
            Edit::ReviewStep{{{cell, io::ReviewState::Unreviewed}}, {{cell, io::ReviewState::Corrected}}});
        st.review[cell] = io::ReviewState::Corrected;
    }
    return true;
}

void ReviewSession::extendCoverage(Edit& edit, Cell cell) {
    const int s = edit.m_series;
    const auto [slice, phase] = cell;
    const auto ranges = coverage(s);
    if (phase >= static_cast<int>(ranges.size()) || ranges[phase].contains(slice)) return;
    if (!holdsVentricle(state(s).corrections.at(slice, phase))) return;
    io::ClinicalInputs c = state(s).inputs;
    c.coverage.resize(std::max(c.coverage.size(), static_cast<std::size_t>(phase + 1)));
    const auto& r = ranges[phase];
    if (r.empty())
        c.coverage[phase] = {slice, slice};
    else if (slice < r.base)
        c.coverage[phase].base = slice;
    else
        c.coverage[phase].apex = slice;
    edit.m_steps.emplace_back(Edit::InputsStep{state(s).inputs, c});
    edit.m_extendedTo = slice;
    applyInputs(s, c);
}

void ReviewSession::publish(const Edit& edit) {
    if (edit.empty()) return;
    m_unsaved.insert(edit.m_series);
    int kinds = 0;
    std::set<Cell> cells;
    for (const auto& step : edit.m_steps)
        std::visit(Visitor{[&](const Edit::LabelStep& l) {
                               kinds |= Change::Corrections;
                               cells.insert(l.cell);
                           },
                           [&](const Edit::ReviewStep& r) {
                               kinds |= Change::Review;
                               for (const auto& [cell, st] : r.after) cells.insert(cell);
                           },
                           [&](const Edit::InputsStep&) {}},  // applyInputs told already
                   step);
    notify(kinds, edit.m_series, cells.size() == 1 ? *cells.begin() : Cell{-1, -1});
}

ReviewSession::LabelEdit ReviewSession::beginEdit(int s, Cell cell) {
    if (m_readOnly) return {};
    LabelEdit e;
    if (!hasImage(s, cell)) return e;
    auto& st = state(s);
    e.m_series = s;
    e.m_cell = cell;
    e.m_labels = &st.corrections.at(cell.first, cell.second);
    e.m_created = e.m_labels->empty();
    if (e.m_created) {
        // The first correction of an image starts from the model's labels where there are any.
        const auto& predicted = st.prediction.at(cell.first, cell.second);
        *e.m_labels = predicted.empty() ? background(s) : predicted;
        e.m_before = background(s);
    } else {
        e.m_before = *e.m_labels;
    }
    return e;
}

Edit ReviewSession::commit(LabelEdit& labelEdit) {
    if (!labelEdit.valid()) return {};
    Edit edit = started(labelEdit.m_series, labelEdit.m_cell);
    if (recordLabels(edit, labelEdit.m_cell, labelEdit.m_before, labelEdit.m_created, true))
        extendCoverage(edit, labelEdit.m_cell);
    labelEdit = LabelEdit();
    publish(edit);
    return edit;
}

std::vector<Cell> ReviewSession::predictedCells(int s, Scope scope, Cell at) const {
    std::vector<Cell> cells;
    if (!hasSeries(s)) return cells;
    const auto& predicted = state(s).prediction;
    for (int k = 0; k < predicted.slices; ++k)
        for (int p = 0; p < predicted.phases; ++p) {
            const bool inScope =
                scope == Scope::Series || (k == at.first && (scope == Scope::Slice || p == at.second));
            if (inScope && !predicted.at(k, p).empty()) cells.emplace_back(k, p);
        }
    return cells;
}

Edit ReviewSession::acceptPrediction(int s, const std::vector<Cell>& cells) {
    if (m_readOnly) return {};
    Edit edit = started(s, cells.size() == 1 ? cells.front() : Cell{-1, -1});
    auto& st = state(s);
    for (const Cell& cell : cells) {
        const auto& predicted = st.prediction.at(cell.first, cell.second);
        if (predicted.empty() || !hasImage(s, cell)) continue;
        auto& map = st.corrections.at(cell.first, cell.second);
        const bool created = map.empty();
        const image::LabelMap before = created ? background(s) : map;
        map = predicted;
        if (recordLabels(edit, cell, before, created, true)) extendCoverage(edit, cell);
    }
    publish(edit);
    return edit;
}

ReviewSession::ConfirmOutcome ReviewSession::confirm(int s, Cell cell, bool modelPending, Edit& edit) {
    if (m_readOnly) {
        edit = Edit();
        return ConfirmOutcome::ReadOnly;
    }
    edit = Edit();
    if (!hasImage(s, cell)) return ConfirmOutcome::NoImage;
    const io::ReviewState before = reviewState(s, cell);
    if (before == io::ReviewState::Confirmed) return ConfirmOutcome::AlreadyConfirmed;
    auto& st = state(s);
    auto& map = st.corrections.at(cell.first, cell.second);
    const auto& predicted = st.prediction.at(cell.first, cell.second);
    if (map.empty() && predicted.empty() && modelPending) return ConfirmOutcome::NotSegmentedYet;
    // Confirming an image confirms the labels on screen: the model's unless corrected, none (no
    // left ventricle here) when there are neither.
    edit = started(s, cell);
    if (map.empty()) {
        map = predicted.empty() ? background(s) : predicted;
        recordLabels(edit, cell, background(s), true, false);
        extendCoverage(edit, cell);
    }
    edit.m_steps.emplace_back(Edit::ReviewStep{{{cell, before}}, {{cell, io::ReviewState::Confirmed}}});
    st.review[cell] = io::ReviewState::Confirmed;
    publish(edit);
    return ConfirmOutcome::Confirmed;
}

Edit ReviewSession::unconfirm(int s, Cell cell) {
    if (m_readOnly) return {};
    if (reviewState(s, cell) != io::ReviewState::Confirmed) return {};
    // Back to corrected: the labels stay as they are, only the confirmation goes.
    Edit edit = started(s, cell);
    edit.m_steps.emplace_back(
        Edit::ReviewStep{{{cell, io::ReviewState::Confirmed}}, {{cell, io::ReviewState::Corrected}}});
    state(s).review[cell] = io::ReviewState::Corrected;
    publish(edit);
    return edit;
}

Edit ReviewSession::clearImage(int s, Cell cell) {
    LabelEdit e = beginEdit(s, cell);
    if (!e.valid()) return {};
    std::fill(e.labels().data.begin(), e.labels().data.end(), image::label::Background);
    return commit(e);
}

Edit ReviewSession::clearSlice(int s, int slice) {
    if (m_readOnly) return {};
    Edit edit = started(s, {slice, -1});
    if (!hasSeries(s) || slice < 0 || slice >= series(s).slices) return {};
    auto& st = state(s);
    for (int p = 0; p < series(s).phases; ++p) {
        if (!hasImage(s, {slice, p})) continue;
        auto& map = st.corrections.at(slice, p);
        const bool created = map.empty();
        const image::LabelMap before = created ? background(s) : map;
        map = background(s);
        recordLabels(edit, {slice, p}, before, created, true);
    }
    publish(edit);
    return edit;
}

Edit ReviewSession::copyLabels(int s, int slice, int fromPhase, int toPhase) {
    if (m_readOnly) return {};
    const image::LabelMap* source = shownLabels(s, {slice, fromPhase});
    if (!source || toPhase == fromPhase || !hasImage(s, {slice, toPhase})) return {};
    const image::LabelMap copy = *source;
    Edit edit = started(s, {slice, toPhase});
    auto& map = state(s).corrections.at(slice, toPhase);
    const bool created = map.empty();
    const image::LabelMap before = created ? background(s) : map;
    map = copy;
    if (recordLabels(edit, {slice, toPhase}, before, created, true)) extendCoverage(edit, {slice, toPhase});
    publish(edit);
    return edit;
}

void ReviewSession::applyInputs(int s, const io::ClinicalInputs& inputs) {
    auto& st = state(s);
    const bool coverageChanged = st.inputs.coverage != inputs.coverage;
    st.inputs = inputs;
    m_unsaved.insert(s);
    if (coverageChanged) applyCoverage(s);
    notify(Change::Inputs, s);
}

Edit ReviewSession::setClinicalInputs(int s, const io::ClinicalInputs& inputs) {
    if (m_readOnly) return {};
    if (!hasSeries(s) || state(s).inputs == inputs) return {};
    Edit edit = started(s, {-1, -1});
    edit.m_steps.emplace_back(Edit::InputsStep{state(s).inputs, inputs});
    applyInputs(s, inputs);
    return edit;
}

Edit ReviewSession::setCoverageLimit(int s, Cell cell, bool base, bool everyPhase) {
    const auto ranges = coverage(s);
    if (ranges.empty()) return {};
    io::ClinicalInputs c = state(s).inputs;
    const int phases = series(s).phases;
    const int slice = cell.first;
    c.coverage.resize(static_cast<std::size_t>(phases));
    for (int p = 0; p < phases; ++p) {
        if (!everyPhase && p != cell.second) continue;
        auto& choice = c.coverage[p];
        if (base) {
            choice.base = slice;
            if (ranges[p].apex >= 0 && ranges[p].apex < slice) choice.apex = slice;
        } else {
            choice.apex = slice;
            if (ranges[p].base > slice) choice.base = slice;
        }
    }
    return setClinicalInputs(s, c);
}

Edit ReviewSession::automaticCoverage(int s, int phase, bool everyPhase) {
    if (!hasSeries(s)) return {};
    io::ClinicalInputs c = state(s).inputs;
    if (everyPhase)
        c.coverage.clear();
    else if (phase >= 0 && phase < static_cast<int>(c.coverage.size()))
        c.coverage[phase] = {};
    return setClinicalInputs(s, c);
}

void ReviewSession::applyStep(int s, const Edit::Step& step, bool forward) {
    auto& st = state(s);
    std::visit(Visitor{[&](const Edit::LabelStep& l) {
                           auto& map = st.corrections.at(l.cell.first, l.cell.second);
                           if (forward) {
                               if (l.created) map = image::LabelMap(l.width, l.height, image::label::Background);
                               image::applyPatch(map, l.patch, true);
                           } else if (l.created) {
                               map = image::LabelMap();
                           } else {
                               image::applyPatch(map, l.patch, false);
                           }
                       },
                       [&](const Edit::ReviewStep& r) {
                           for (const auto& [cell, value] : forward ? r.after : r.before) {
                               if (value == io::ReviewState::Unreviewed) st.review.erase(cell);
                               else st.review[cell] = value;
                           }
                       },
                       [&](const Edit::InputsStep& i) { applyInputs(s, forward ? i.after : i.before); }},
               step);
}

void ReviewSession::undo(const Edit& edit) {
    if (edit.empty() || !hasSeries(edit.m_series)) return;
    for (auto it = edit.m_steps.rbegin(); it != edit.m_steps.rend(); ++it) applyStep(edit.m_series, *it, false);
    publish(edit);
}

void ReviewSession::redo(const Edit& edit) {
    if (edit.empty() || !hasSeries(edit.m_series)) return;
    for (const auto& step : edit.m_steps) applyStep(edit.m_series, step, true);
    publish(edit);
}

// ---- saving --------------------------------------------------------------------------------

std::vector<std::pair<int, io::SeriesWork>> ReviewSession::takeUnsaved() {
    std::vector<std::pair<int, io::SeriesWork>> out;
    for (int s : m_unsaved) {
        const auto& st = state(s);
        out.push_back({s, io::SeriesWork{st.corrections, st.review, st.inputs}});
    }
    m_unsaved.clear();
    return out;
}

void ReviewSession::markUnsaved(const std::set<int>& series) {
    for (int s : series)
        if (hasSeries(s)) m_unsaved.insert(s);
}

}  // namespace cardioseg::session
