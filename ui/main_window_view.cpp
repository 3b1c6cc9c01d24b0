// The main window's display: the series on screen, slice and phase, the overlay, the window
// (level), cine playback, the grid of images and the review state shown.
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

#include "cine_grid.h"
#include "function_panel.h"
#include "image_adapters.h"
#include "language.h"
#include "main_window.h"
#include "metrics_panel.h"
#include "session/review_navigation.h"
#include "slice_view.h"

namespace cardioseg::ui {

const image::SeriesLabels& MainWindow::prediction(int series) const {
    static const image::SeriesLabels none;
    return m_session->hasSeries(series) ? m_session->prediction(series) : none;
}

const image::SeriesLabels& MainWindow::corrections(int series) const {
    static const image::SeriesLabels none;
    return m_session->hasSeries(series) ? m_session->corrections(series) : none;
}

io::ClinicalInputs MainWindow::clinicalInputs(int series) const {
    return m_session->hasSeries(series) ? m_session->clinicalInputs(series) : io::ClinicalInputs();
}

bool MainWindow::goToNextUnreviewed(bool edEsOnly) {
    if (m_series < 0) return false;
    const auto& s = m_session->series(m_series);
    const auto& f = m_measures->function(true);
    if (edEsOnly && (f.edPhase < 0 || f.esPhase < 0)) {
        statusBar()->showMessage(tr("End-diastole and end-systole are not known yet"), 5000);
        return false;
    }
    const auto next = session::nextCell(s.slices, s.phases, {currentSlice(), currentPhase()}, [&](session::Cell c) {
        if (edEsOnly && c.second != f.edPhase && c.second != f.esPhase) return false;
        return s.image(c.first, c.second) && reviewState(m_series, c.first, c.second) == io::ReviewState::Unreviewed;
    });
    if (!next) {
        statusBar()->showMessage(edEsOnly ? tr("Every image at end-diastole and end-systole is reviewed")
                                          : tr("Every image of this series is reviewed"),
                                 5000);
        return false;
    }
    setPosition(next->first, next->second);
    return true;
}

io::ReviewState MainWindow::reviewState(int series, int slice, int phase) const {
    return m_session->reviewState(series, {slice, phase});
}

void MainWindow::showSeries(int index) {
    if (index < 0 || index >= m_session->seriesCount() || index == m_series) return;
    m_series = index;
    m_metrics->invalidateAll();
    const auto& s = m_session->series(index);
    const auto& g = s.geometry;
    QStringList details{QStringLiteral("<b>%1</b>").arg(QString::fromStdString(s.info.patientName).toHtmlEscaped())};
    const QString studyDate = localDate(s.info.studyDate);  // impossible dates (20120000) are left out
    if (!studyDate.isEmpty()) details << tr("Study of %1").arg(studyDate);
    const QLocale locale;
    details << tr("%1 × %2 px, %3 × %4 mm")
                   .arg(g.columns)
                   .arg(g.rows)
                   .arg(locale.toString(g.colSpacing, 'f', 3), locale.toString(g.rowSpacing, 'f', 3))
            << tr("slice spacing %1 mm").arg(locale.toString(g.sliceSpacing, 'f', 2))
            << tr("%n image(s)", "", static_cast<int>(s.imageCount())) + QStringLiteral(", ") +
                   tr("%n with expert labels", "", static_cast<int>(m_study.expertLabels[index].labelledCount()));
    m_details->setText(details.join(QStringLiteral("<br>")));
    {
        const QSignalBlocker b1(m_sliceSlider), b2(m_phaseSlider), b3(m_seriesList);
        m_seriesList->setCurrentRow(index);
        m_sliceSlider->setRange(0, std::max(0, s.slices - 1));
        m_phaseSlider->setRange(0, std::max(0, s.phases - 1));
        // Start where the experts drew: the labelled image nearest the middle slice, preferring
        // images with both contours; otherwise the middle slice at the first phase.
        int bestSlice = s.slices / 2, bestPhase = 0, bestScore = -1;
        for (const auto& [cell, contours] : m_study.expertContours[index]) {
            const int score = (contours.epicardium ? 1000 : 0) - std::abs(cell.first - s.slices / 2) * 10 - cell.second;
            if (score > bestScore) {
                bestScore = score;
                bestSlice = cell.first;
                bestPhase = cell.second;
            }
        }
        m_sliceSlider->setValue(bestSlice);
        m_phaseSlider->setValue(bestPhase);
    }
    applyWindowPreset(m_windowPreset->currentData().toInt());
    m_view->fitToWindow();
    updateGrid();
    updateImage();
    m_measures->update();
    if (QFileInfo::exists(m_model->activeModel()) && m_session->prediction(index).labelledCount() == 0)
        m_model->queue({index, {}, true, std::make_pair(currentSlice(), currentPhase())});
}

void MainWindow::applyWindowPreset(int preset) {
    if (m_series < 0) return;
    const auto& s = m_session->series(m_series);
    image::Window w = s.window;
    if (preset == PresetAuto || (preset == PresetDicom && !s.windowFromHeader)) {
        w = io::percentileWindow(s);
    } else if (preset == PresetFullRange) {
        float lo = 0, hi = 1;
        bool first = true;
        for (const auto& img : s.pixels)
            for (float v : img.data) {
                lo = first ? v : std::min(lo, v);
                hi = first ? v : std::max(hi, v);
                first = false;
            }
        w = {0.5 * (lo + hi), std::max(1.0, double(hi - lo))};
    }
    m_view->setDisplayWindow(w);
}

int MainWindow::currentSlice() const { return m_sliceSlider->value(); }

int MainWindow::currentPhase() const { return m_phaseSlider->value(); }

void MainWindow::setPosition(int slice, int phase) {
    m_sliceSlider->setValue(slice);
    m_phaseSlider->setValue(phase);
}

void MainWindow::setOverlaySource(OverlaySource source) {
    m_overlaySource = source;
    const QSignalBlocker block(m_sourceBox);
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(int(source)));
    updateImage();
}

void MainWindow::setOverlayStyle(OverlayStyle style) {
    m_overlayStyle = style;
    const QSignalBlocker block(m_styleBox);
    m_styleBox->setCurrentIndex(m_styleBox->findData(int(style)));
    updateImage();
}

void MainWindow::updateImage() {
    if (m_series < 0) {
        m_sliceLabel->setText(tr("Slice –"));
        m_phaseLabel->setText(tr("Phase –"));
        m_view->setImage(nullptr, {}, 0);
        return;
    }
    const auto& s = m_session->series(m_series);
    const int slice = currentSlice(), phase = currentPhase();
    m_sliceLabel->setText(tr("Slice %1 / %2").arg(slice + 1).arg(s.slices));
    const int f = s.frameAt(slice, phase);
    const QString time = f >= 0 && s.frames[f].hasTriggerTime
                             ? tr(" (%1 ms)").arg(QLocale().toString(s.frames[f].triggerTime, 'f', 0))
                             : QString();
    m_phaseLabel->setText(tr("Phase %1 / %2%3").arg(phase + 1).arg(s.phases).arg(time));
    m_view->setImage(s.image(slice, phase), s.geometry, slice);
    updateOverlay();
    m_editing->refreshEditableContour();
    m_metrics->refresh(prediction(m_series), corrections(m_series), slice, phase, reviewCounts());
    updateReviewStatus();
    m_grid->setCurrent(slice, phase);
    if (m_measures) m_measures->imageShown();
}

void MainWindow::updateOverlay() {
    if (m_series < 0) return;
    const int slice = currentSlice(), phase = currentPhase();
    static const image::LabelMap none;
    const auto& predicted = prediction(m_series);
    const auto& corrected = corrections(m_series);
    const auto& expert = m_study.expertLabels[m_series];
    const auto& p = predicted.maps.empty() ? none : predicted.at(slice, phase);
    const auto& c = corrected.maps.empty() ? none : corrected.at(slice, phase);
    const auto& e = !m_showLabels->isChecked() || expert.maps.empty() ? none : expert.at(slice, phase);
    OverlayLayers layers = composeOverlay(p, c, e, m_overlaySource, m_overlayStyle, m_settings.opacity);
    // Expert contours are drawn as lines over the labels.
    const auto& byCell = m_study.expertContours[m_series];
    const auto it = byCell.find({slice, phase});
    if (m_showLabels->isChecked() && it != byCell.end()) {
        if (it->second.epicardium) layers.contours.push_back({image::label::Myocardium, *it->second.epicardium, false});
        if (it->second.endocardium) layers.contours.push_back({image::label::BloodPool, *it->second.endocardium, false});
    }
    m_view->setOverlay(std::move(layers));
}

void MainWindow::labelsChanged(int series, int slice, int phase) {
    if (series != m_series) return;
    m_measures->labelsChanged();
    if (slice < 0) m_metrics->invalidateAll();
    else m_metrics->invalidate(slice, phase);
    updateGrid();
    if (slice < 0 || (slice == currentSlice() && phase == currentPhase())) {
        updateImage();
    } else {
        m_metrics->refresh(prediction(series), corrections(series), currentSlice(), currentPhase(), reviewCounts());
        updateReviewStatus();
    }
}

void MainWindow::stepSlice(int delta) {
    const int n = m_sliceSlider->maximum() + 1;
    m_sliceSlider->setValue(std::clamp(m_sliceSlider->value() + delta, 0, n - 1));
}

void MainWindow::stepPhase(int delta) {
    const int n = m_phaseSlider->maximum() + 1;
    m_phaseSlider->setValue(((m_phaseSlider->value() + delta) % n + n) % n);  // the cycle wraps
}

void MainWindow::togglePlay(bool play) {
    if (play) {
        m_cineTimer->start(1000 / m_fps->value());
    } else {
        m_cineTimer->stop();
    }
    const QSignalBlocker block(m_playButton);
    m_playButton->setChecked(play);
    m_playButton->setText(play ? tr("Pause") : tr("Play"));
}

void MainWindow::updateGrid() {
    if (m_series < 0) {
        m_grid->setCells(0, 0, {});
        return;
    }
    const auto& s = m_session->series(m_series);
    const auto& predicted = prediction(m_series);
    const auto& corrected = corrections(m_series);
    const auto& experts = m_study.expertContours[m_series];
    const auto ranges = coverage(m_series);
    std::vector<std::uint8_t> flags(static_cast<std::size_t>(s.slices) * s.phases, 0);
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            std::uint8_t f = s.frameAt(k, p) >= 0 ? CineGrid::HasImage : 0;
            const std::size_t i = static_cast<std::size_t>(k) * s.phases + p;
            if (i < predicted.maps.size() && !predicted.maps[i].empty()) f |= CineGrid::Predicted;
            if (i < corrected.maps.size() && !corrected.maps[i].empty()) f |= CineGrid::Corrected;
            if (reviewState(m_series, k, p) == io::ReviewState::Confirmed) f |= CineGrid::Confirmed;
            if (experts.count({k, p})) f |= CineGrid::Expert;
            if (p < static_cast<int>(ranges.size()) && !ranges[p].contains(k)) f |= CineGrid::OutsideCoverage;
            flags[i] = f;
        }
    m_grid->setCells(s.slices, s.phases, std::move(flags));
    m_grid->setCardiacPhases(m_measures->function(true).edPhase, m_measures->function(true).esPhase, m_measures->function(true).edEsByHand);
    m_grid->setCurrent(currentSlice(), currentPhase());
}

ReviewCounts MainWindow::reviewCounts() const { return m_session->counts(m_series); }

void MainWindow::updateReviewStatus() {
    if (m_series < 0) {
        m_reviewLabel->clear();
        m_view->setBadge(QString(), QColor());
        return;
    }
    const ReviewCounts c = reviewCounts();
    const auto state = reviewState(m_series, currentSlice(), currentPhase());
    const QString here = state == io::ReviewState::Confirmed ? tr("confirmed")
                         : state == io::ReviewState::Corrected ? tr("corrected")
                                                               : tr("unreviewed");
    m_reviewLabel->setText(tr("Image %1").arg(here) + QStringLiteral(" · ") + tr("%n corrected", "", c.corrected) +
                           QStringLiteral(", ") + tr("%n confirmed", "", c.confirmed));
    // The state on the image itself, and in the Edit menu.
    const QColor colour = state == io::ReviewState::Confirmed   ? QColor(64, 180, 90)
                          : state == io::ReviewState::Corrected ? QColor(230, 140, 40)
                                                                : QColor(110, 110, 110);
    QString badge = state == io::ReviewState::Confirmed   ? tr("✓ Confirmed")
                    : state == io::ReviewState::Corrected ? tr("Corrected")
                                                          : tr("Not reviewed");
    const auto& f = m_measures->function(true);
    if (currentPhase() == f.edPhase) badge += tr(" · ED");
    if (currentPhase() == f.esPhase) badge += tr(" · ES");
    const auto ranges = coverage(m_series);
    if (currentPhase() < static_cast<int>(ranges.size()) && !ranges[currentPhase()].contains(currentSlice()))
        badge += tr(" · outside the left ventricle");
    m_view->setBadge(badge, colour);
    m_editing->showReviewState(state);
}

}  // namespace cardioseg::ui
