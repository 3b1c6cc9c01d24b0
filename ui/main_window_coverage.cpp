// The main window's coverage of the left ventricle: found from the model's labels once a series
// is segmented, set by hand per phase (undoable, saved), applied to every label that counts.
#include <QLocale>
#include <QStatusBar>

#include <algorithm>

#include "analysis/coverage.h"
#include "cine_grid.h"
#include "finetune_panel.h"
#include "function_panel.h"
#include "main_window.h"

namespace cardioseg::ui {

std::vector<image::SliceRange> MainWindow::coverage(int series) const {
    if (series < 0 || series >= static_cast<int>(m_foundCoverage.size()) ||
        m_foundCoverage[series].empty())
        return {};
    return analysis::chooseCoverage(m_foundCoverage[series], clinicalInputs(series).coverage,
                                    m_study.result.series[series].slices);
}

const image::SeriesLabels& MainWindow::rawPrediction(int series) const {
    static const image::SeriesLabels none;
    return series >= 0 && series < static_cast<int>(m_rawPredictions.size())
               ? m_rawPredictions[series]
               : none;
}

void MainWindow::refreshCoverage(int series) {
    if (series < 0 || series >= static_cast<int>(m_rawPredictions.size())) return;
    const auto& s = m_study.result.series[series];
    const auto& raw = m_rawPredictions[series];
    // Found once every image has the model's labels; until then the labels show as they come.
    if (raw.labelledCount() == s.imageCount())
        m_foundCoverage[series] = analysis::findCoverage(s, raw);
    const auto ranges = coverage(series);
    m_predictions[series] = ranges.empty() ? raw : analysis::applyCoverage(raw, ranges);
    labelsChanged(series, -1, -1);
}

void MainWindow::setCoverageLimit(bool base, bool everyPhase) {
    if (m_series < 0) return;
    const auto ranges = coverage(m_series);
    if (ranges.empty()) {
        statusBar()->showMessage(
            tr("The coverage is found once the model has segmented the series"), 5000);
        return;
    }
    io::ClinicalInputs c = clinicalInputs(m_series);
    const int phases = m_study.result.series[m_series].phases;
    c.coverage.resize(static_cast<std::size_t>(phases));
    for (int p = 0; p < phases; ++p) {
        if (!everyPhase && p != currentPhase()) continue;
        auto& choice = c.coverage[p];
        if (base) {
            choice.base = currentSlice();
            if (ranges[p].apex >= 0 && ranges[p].apex < currentSlice())
                choice.apex = currentSlice();
        } else {
            choice.apex = currentSlice();
            if (ranges[p].base > currentSlice()) choice.base = currentSlice();
        }
    }
    const QString what = base ? (everyPhase ? tr("Set the base at slice %1 in every phase")
                                            : tr("Set the base at slice %1"))
                              : (everyPhase ? tr("Set the apex at slice %1 in every phase")
                                            : tr("Set the apex at slice %1"));
    setClinicalInputs(c, what.arg(currentSlice() + 1));
}

void MainWindow::automaticCoverage(bool everyPhase) {
    if (m_series < 0) return;
    io::ClinicalInputs c = clinicalInputs(m_series);
    if (everyPhase)
        c.coverage.clear();
    else if (currentPhase() < static_cast<int>(c.coverage.size()))
        c.coverage[currentPhase()] = {};
    setClinicalInputs(c, everyPhase ? tr("Coverage found by the model in every phase")
                                    : tr("Coverage found by the model in this phase"));
}

void MainWindow::showCoverage() {
    if (!m_functionPanel) return;
    const auto ranges = coverage(m_series);
    const int phase = currentPhase();
    const auto choices = clinicalInputs(m_series).coverage;
    const bool byHand = phase < static_cast<int>(choices.size()) &&
                        (choices[phase].base >= 0 || choices[phase].apex >= 0);
    m_functionPanel->setCoverage(
        phase < static_cast<int>(ranges.size()) ? ranges[phase] : image::SliceRange(), phase,
        byHand, !ranges.empty());
}

std::vector<session::Suggestion> MainWindow::suggestions(int count) const {
    if (m_series < 0 || m_series >= static_cast<int>(m_uncertainty.size())) return {};
    const auto& s = m_study.result.series[m_series];
    return session::suggestCorrections(
        s.slices, s.phases, m_function[1].edPhase, m_function[1].esPhase, coverage(m_series),
        m_uncertainty[m_series],
        [&](session::Cell c) {
            return s.image(c.first, c.second) &&
                   reviewState(m_series, c.first, c.second) == io::ReviewState::Unreviewed;
        },
        count);
}

bool MainWindow::goToSuggestion() {
    const auto list = suggestions(1);
    if (list.empty()) {
        statusBar()->showMessage(
            tr("No image to suggest: the model has not segmented the series, or every image "
               "at end-diastole and end-systole is reviewed"),
            6000);
        return false;
    }
    setPosition(list.front().cell.first, list.front().cell.second);
    return true;
}

void MainWindow::updateSuggestions() {
    if (!m_finetunePanel) return;
    QStringList lines;
    std::vector<std::pair<int, int>> cells;
    for (const auto& g : suggestions()) {
        const QString region = g.region == "base"  ? tr("base")
                               : g.region == "mid" ? tr("middle")
                                                   : tr("apex");
        lines << tr("slice %1 at %2 (%3), doubt %4")
                     .arg(g.cell.first + 1)
                     .arg(g.endDiastole ? tr("ED") : tr("ES"))
                     .arg(region)
                     .arg(QLocale().toString(g.uncertainty, 'f', 2));
        cells.push_back(g.cell);
    }
    m_finetunePanel->setSuggestions(lines);
    m_grid->setSuggested(std::move(cells));
}

bool MainWindow::extendCoverageFor(int series, int slice, int phase) {
    const auto ranges = coverage(series);
    if (phase >= static_cast<int>(ranges.size()) || ranges[phase].contains(slice)) return false;
    const auto& labels = m_corrections[series].at(slice, phase);
    const bool lv = std::any_of(labels.data.begin(), labels.data.end(), [](std::uint8_t v) {
        return v == image::label::BloodPool || v == image::label::Myocardium;
    });
    if (!lv) return false;
    io::ClinicalInputs c = clinicalInputs(series);
    c.coverage.resize(std::max(c.coverage.size(), static_cast<std::size_t>(phase + 1)));
    const auto& r = ranges[phase];
    if (r.empty())
        c.coverage[phase] = {slice, slice};
    else if (slice < r.base)
        c.coverage[phase].base = slice;
    else
        c.coverage[phase].apex = slice;
    // Part of the edit's undo step (the caller's macro).
    m_undo->push(new ClinicalInputsCommand(
        tr("Extend the coverage to slice %1").arg(slice + 1), series, m_clinical[series], c,
        [this](int s, const io::ClinicalInputs& v) { applyClinicalInputs(s, v); }));
    statusBar()->showMessage(
        tr("Slice %1 is now part of the left ventricle at phase %2").arg(slice + 1).arg(phase + 1),
        6000);
    return true;
}

}  // namespace cardioseg::ui
