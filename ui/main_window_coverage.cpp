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



bool MainWindow::goToSuggestion() {
    const auto list = m_measures->suggestions(1);
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


}  // namespace cardioseg::ui
