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
    return m_session->hasSeries(series) ? m_session->coverage(series) : std::vector<image::SliceRange>();
}

const image::SeriesLabels& MainWindow::rawPrediction(int series) const {
    static const image::SeriesLabels none;
    return m_session->hasSeries(series) ? m_session->rawPrediction(series) : none;
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
    if (m_series < 0) return {};
    const auto& s = m_session->series(m_series);
    return session::suggestCorrections(
        s.slices, s.phases, m_function[1].edPhase, m_function[1].esPhase, coverage(m_series),
        m_session->uncertainty(m_series),
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

}  // namespace cardioseg::ui
