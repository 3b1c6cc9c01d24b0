#include "viewer_presenter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cstdlib>

#include "cine_grid.h"
#include "image_adapters.h"
#include "io/dicom_loader.h"
#include "language.h"
#include "metrics_panel.h"
#include "session/review_navigation.h"
#include "slice_view.h"
#include "viewer_controls.h"

namespace cardioseg::ui {

namespace {

/// A series thumbnail: its middle slice at the first phase, windowed, on a square.
QIcon thumbnail(const image::CineSeries& s) {
    const image::FloatImage* img = s.image(s.slices / 2, 0);
    QPixmap pix(64, 64);
    pix.fill(Qt::black);
    if (img) {
        const QImage q =
            toQImage(*img, io::percentileWindow(s)).scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QPainter p(&pix);
        p.drawImage((64 - q.width()) / 2, (64 - q.height()) / 2, q);
    }
    return QIcon(pix);
}

void selectData(QComboBox* box, int data) {
    const QSignalBlocker block(box);
    box->setCurrentIndex(box->findData(data));
}

}  // namespace

ViewerPresenter::ViewerPresenter(Widgets widgets, Context context, QObject* parent)
    : QObject(parent), m_w(widgets), m_context(std::move(context)), m_cine(new QTimer(this)) {
    NavigationBar* nav = m_w.navigation;
    DisplayToolBar* display = m_w.display;
    connect(m_cine, &QTimer::timeout, this, [this] { stepPhase(1); });
    connect(nav->slice, &QSlider::valueChanged, this, [this](int k) { setPosition(k, m_phase); });
    connect(nav->phase, &QSlider::valueChanged, this, [this](int p) { setPosition(m_slice, p); });
    connect(nav->play, &QToolButton::toggled, this, &ViewerPresenter::setPlaying);
    connect(nav->fps, qOverload<int>(&QSpinBox::valueChanged), this, [this](int fps) {
        m_cine->setInterval(1000 / fps);
        QSettings().setValue("view/fps", fps);
    });
    connect(display->expert, &QCheckBox::toggled, this, &ViewerPresenter::setExpertContoursShown);
    connect(display->source, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, display](int i) {
        setOverlaySource(static_cast<OverlaySource>(display->source->itemData(i).toInt()));
    });
    connect(display->style, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, display](int i) {
        setOverlayStyle(static_cast<OverlayStyle>(display->style->itemData(i).toInt()));
    });
    connect(display->window, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this, display](int i) { applyWindowPreset(display->window->itemData(i).toInt()); });
    connect(m_w.seriesList, &QListWidget::currentRowChanged, this, &ViewerPresenter::showSeries);
    connect(m_w.grid, &CineGrid::cellClicked, this, &ViewerPresenter::setPosition);
    refresh();
}

void ViewerPresenter::studyOpened() {
    setPlaying(false);
    m_series = -1;
    const QSignalBlocker block(m_w.seriesList);
    m_w.seriesList->clear();
    for (const auto& s : *m_context.session()->study()) {
        const QString desc = s.info.seriesDescription.empty() ? tr("(no description)")
                                                              : QString::fromStdString(s.info.seriesDescription);
        m_w.seriesList->addItem(new QListWidgetItem(thumbnail(s), tr("%1 · %2\n%3 slices × %4 phases, %5")
                                                                      .arg(QString::fromStdString(s.info.patientId), desc)
                                                                      .arg(s.slices)
                                                                      .arg(s.phases)
                                                                      .arg(QString::fromStdString(s.info.modality))));
    }
}

void ViewerPresenter::showSeries(int index) {
    const auto session = m_context.session();
    if (index < 0 || index >= session->seriesCount() || index == m_series) return;
    m_series = index;
    m_w.metrics->invalidateAll();
    const io::Study& study = m_context.study();
    const auto& s = session->series(index);
    const auto& g = s.geometry;
    QStringList details{QStringLiteral("<b>%1</b>").arg(QString::fromStdString(s.info.patientName).toHtmlEscaped())};
    const QString studyDate = localDate(s.info.studyDate);  // impossible dates (20120000) are left out
    if (!studyDate.isEmpty()) details << tr("Study of %1").arg(studyDate);
    const QLocale locale;
    const int expertImages = index < static_cast<int>(study.expertLabels.size())
                                 ? static_cast<int>(study.expertLabels[index].labelledCount())
                                 : 0;
    details << tr("%1 × %2 px, %3 × %4 mm")
                   .arg(g.columns)
                   .arg(g.rows)
                   .arg(locale.toString(g.colSpacing, 'f', 3), locale.toString(g.rowSpacing, 'f', 3))
            << tr("slice spacing %1 mm").arg(locale.toString(g.sliceSpacing, 'f', 2))
            << tr("%n image(s)", "", static_cast<int>(s.imageCount())) + QStringLiteral(", ") +
                   tr("%n with expert labels", "", expertImages);
    m_w.details->setText(details.join(QStringLiteral("<br>")));
    {
        const QSignalBlocker block(m_w.seriesList);
        m_w.seriesList->setCurrentRow(index);
    }
    // Start where the experts drew: the labelled image nearest the middle slice, preferring
    // images with both contours; otherwise the middle slice at the first phase.
    int bestSlice = s.slices / 2, bestPhase = 0, bestScore = -1;
    if (index < static_cast<int>(study.expertContours.size()))
        for (const auto& [cell, contours] : study.expertContours[index]) {
            const int score = (contours.epicardium ? 1000 : 0) - std::abs(cell.first - s.slices / 2) * 10 - cell.second;
            if (score > bestScore) {
                bestScore = score;
                bestSlice = cell.first;
                bestPhase = cell.second;
            }
        }
    m_slice = bestSlice;
    m_phase = bestPhase;
    {
        const QSignalBlocker b1(m_w.navigation->slice), b2(m_w.navigation->phase);
        m_w.navigation->slice->setRange(0, std::max(0, s.slices - 1));
        m_w.navigation->phase->setRange(0, std::max(0, s.phases - 1));
    }
    applyWindowPreset(m_w.display->window->currentData().toInt());
    m_w.view->fitToWindow();
    updateGrid();
    refresh();
    Q_EMIT seriesShown(index);
}

void ViewerPresenter::applyWindowPreset(int preset) {
    if (m_series < 0) return;
    const auto& s = m_context.session()->series(m_series);
    image::Window w = s.window;
    if (preset == DisplayToolBar::PresetAuto || (preset == DisplayToolBar::PresetDicom && !s.windowFromHeader)) {
        w = io::percentileWindow(s);
    } else if (preset == DisplayToolBar::PresetFullRange) {
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
    m_w.view->setDisplayWindow(w);
}

void ViewerPresenter::setPosition(int slice, int phase) {
    if (m_series < 0) return;
    const auto& s = m_context.session()->series(m_series);
    slice = std::clamp(slice, 0, std::max(0, s.slices - 1));
    phase = std::clamp(phase, 0, std::max(0, s.phases - 1));
    if (slice == m_slice && phase == m_phase) return;
    m_slice = slice;
    m_phase = phase;
    refresh();
}

void ViewerPresenter::stepSlice(int delta) { setPosition(m_slice + delta, m_phase); }

void ViewerPresenter::stepPhase(int delta) {
    if (m_series < 0) return;
    const int n = std::max(1, m_context.session()->series(m_series).phases);
    setPosition(m_slice, ((m_phase + delta) % n + n) % n);
}

void ViewerPresenter::setPlaying(bool play) {
    QToolButton* button = m_w.navigation->play;
    if (play) m_cine->start(1000 / m_w.navigation->fps->value());
    else m_cine->stop();
    const QSignalBlocker block(button);
    button->setChecked(play);
    button->setText(play ? tr("Pause") : tr("Play"));
}

bool ViewerPresenter::isPlaying() const { return m_cine->isActive(); }

void ViewerPresenter::setOverlaySource(OverlaySource source) {
    m_source = source;
    selectData(m_w.display->source, int(source));
    refresh();
}

void ViewerPresenter::setOverlayStyle(OverlayStyle style) {
    m_style = style;
    selectData(m_w.display->style, int(style));
    refresh();
}

void ViewerPresenter::cycleOverlaySource() {
    QComboBox* box = m_w.display->source;
    setOverlaySource(static_cast<OverlaySource>(box->itemData((box->currentIndex() + 1) % box->count()).toInt()));
}

void ViewerPresenter::cycleOverlayStyle() {
    QComboBox* box = m_w.display->style;
    setOverlayStyle(static_cast<OverlayStyle>(box->itemData((box->currentIndex() + 1) % box->count()).toInt()));
}

void ViewerPresenter::setExpertContoursShown(bool shown) {
    m_expert = shown;
    const QSignalBlocker block(m_w.display->expert);
    m_w.display->expert->setChecked(shown);
    updateOverlay();
}

bool ViewerPresenter::goToNextUnreviewed(bool edEsOnly) {
    if (m_series < 0) return false;
    const auto session = m_context.session();
    const auto& s = session->series(m_series);
    const auto& f = m_context.reviewedFunction();
    if (edEsOnly && (f.edPhase < 0 || f.esPhase < 0)) {
        Q_EMIT message(tr("End-diastole and end-systole are not known yet"), 5000);
        return false;
    }
    const auto next = session::nextCell(s.slices, s.phases, cell(), [&](session::Cell c) {
        if (edEsOnly && c.second != f.edPhase && c.second != f.esPhase) return false;
        return s.image(c.first, c.second) && session->reviewState(m_series, c) == io::ReviewState::Unreviewed;
    });
    if (!next) {
        Q_EMIT message(edEsOnly ? tr("Every image at end-diastole and end-systole is reviewed")
                                : tr("Every image of this series is reviewed"),
                       5000);
        return false;
    }
    setPosition(next->first, next->second);
    return true;
}

void ViewerPresenter::refresh() {
    NavigationBar* nav = m_w.navigation;
    if (m_series < 0) {
        nav->sliceLabel->setText(tr("Slice –"));
        nav->phaseLabel->setText(tr("Phase –"));
        m_w.view->setImage(nullptr, {}, 0);
        return;
    }
    const auto session = m_context.session();
    const auto& s = session->series(m_series);
    {
        const QSignalBlocker b1(nav->slice), b2(nav->phase);
        nav->slice->setValue(m_slice);
        nav->phase->setValue(m_phase);
    }
    nav->sliceLabel->setText(tr("Slice %1 / %2").arg(m_slice + 1).arg(s.slices));
    const int f = s.frameAt(m_slice, m_phase);
    const QString time = f >= 0 && s.frames[f].hasTriggerTime
                             ? tr(" (%1 ms)").arg(QLocale().toString(s.frames[f].triggerTime, 'f', 0))
                             : QString();
    nav->phaseLabel->setText(tr("Phase %1 / %2%3").arg(m_phase + 1).arg(s.phases).arg(time));
    m_w.view->setImage(s.image(m_slice, m_phase), s.geometry, m_slice);
    updateOverlay();
    refreshMetrics();
    updateReviewStatus();
    m_w.grid->setCurrent(m_slice, m_phase);
    Q_EMIT imageShown();
}

void ViewerPresenter::updateOverlay() {
    if (m_series < 0) return;
    const auto session = m_context.session();
    const io::Study& study = m_context.study();
    static const image::LabelMap none;
    const auto& predicted = session->prediction(m_series);
    const auto& corrected = session->corrections(m_series);
    const bool expertShown = m_expert && m_series < static_cast<int>(study.expertLabels.size());
    const auto& p = predicted.maps.empty() ? none : predicted.at(m_slice, m_phase);
    const auto& c = corrected.maps.empty() ? none : corrected.at(m_slice, m_phase);
    const image::SeriesLabels* expert = expertShown ? &study.expertLabels[m_series] : nullptr;
    const auto& e = !expert || expert->maps.empty() ? none : expert->at(m_slice, m_phase);
    OverlayLayers layers = composeOverlay(p, c, e, m_source, m_style, m_context.opacity());
    // Expert contours are drawn as lines over the labels.
    if (expertShown) {
        const auto& byCell = study.expertContours[m_series];
        const auto it = byCell.find(cell());
        if (it != byCell.end()) {
            if (it->second.epicardium)
                layers.contours.push_back({image::label::Myocardium, *it->second.epicardium, false});
            if (it->second.endocardium)
                layers.contours.push_back({image::label::BloodPool, *it->second.endocardium, false});
        }
    }
    m_w.view->setOverlay(std::move(layers));
}

void ViewerPresenter::labelsChanged(int series, int slice, int phase) {
    if (series != m_series) return;
    if (slice < 0) m_w.metrics->invalidateAll();
    else m_w.metrics->invalidate(slice, phase);
    updateGrid();
    if (slice < 0 || (slice == m_slice && phase == m_phase)) {
        refresh();
    } else {
        refreshMetrics();
        updateReviewStatus();
    }
}

void ViewerPresenter::refreshMetrics() {
    const auto session = m_context.session();
    m_w.metrics->refresh(session->prediction(m_series), session->corrections(m_series), m_slice, m_phase,
                         session->counts(m_series));
}

void ViewerPresenter::updateGrid() {
    if (m_series < 0) {
        m_w.grid->setCells(0, 0, {});
        return;
    }
    const auto session = m_context.session();
    const auto& s = session->series(m_series);
    const auto& predicted = session->prediction(m_series);
    const auto& corrected = session->corrections(m_series);
    const io::Study& study = m_context.study();
    static const std::map<std::pair<int, int>, io::ExpertContours> noExperts;
    const auto& experts = m_series < static_cast<int>(study.expertContours.size()) ? study.expertContours[m_series]
                                                                                   : noExperts;
    const auto ranges = session->coverage(m_series);
    std::vector<std::uint8_t> flags(static_cast<std::size_t>(s.slices) * s.phases, 0);
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            std::uint8_t f = s.frameAt(k, p) >= 0 ? CineGrid::HasImage : 0;
            const std::size_t i = static_cast<std::size_t>(k) * s.phases + p;
            if (i < predicted.maps.size() && !predicted.maps[i].empty()) f |= CineGrid::Predicted;
            if (i < corrected.maps.size() && !corrected.maps[i].empty()) f |= CineGrid::Corrected;
            if (session->reviewState(m_series, {k, p}) == io::ReviewState::Confirmed) f |= CineGrid::Confirmed;
            if (experts.count({k, p})) f |= CineGrid::Expert;
            if (p < static_cast<int>(ranges.size()) && !ranges[p].contains(k)) f |= CineGrid::OutsideCoverage;
            flags[i] = f;
        }
    m_w.grid->setCells(s.slices, s.phases, std::move(flags));
    const auto& function = m_context.reviewedFunction();
    m_w.grid->setCardiacPhases(function.edPhase, function.esPhase, function.edEsByHand);
    m_w.grid->setCurrent(m_slice, m_phase);
}

void ViewerPresenter::updateReviewStatus() {
    if (m_series < 0) {
        m_w.reviewLabel->clear();
        m_w.view->setBadge(QString(), QColor());
        return;
    }
    const auto session = m_context.session();
    const ReviewCounts c = session->counts(m_series);
    const auto state = session->reviewState(m_series, cell());
    const QString here = state == io::ReviewState::Confirmed ? tr("confirmed")
                         : state == io::ReviewState::Corrected ? tr("corrected")
                                                               : tr("unreviewed");
    m_w.reviewLabel->setText(tr("Image %1").arg(here) + QStringLiteral(" · ") + tr("%n corrected", "", c.corrected) +
                             QStringLiteral(", ") + tr("%n confirmed", "", c.confirmed));
    // The state on the image itself, and in the Edit menu.
    const QColor colour = state == io::ReviewState::Confirmed   ? QColor(64, 180, 90)
                          : state == io::ReviewState::Corrected ? QColor(230, 140, 40)
                                                                : QColor(110, 110, 110);
    QString badge = state == io::ReviewState::Confirmed   ? tr("✓ Confirmed")
                    : state == io::ReviewState::Corrected ? tr("Corrected")
                                                          : tr("Not reviewed");
    const auto& f = m_context.reviewedFunction();
    if (m_phase == f.edPhase) badge += tr(" · ED");
    if (m_phase == f.esPhase) badge += tr(" · ES");
    const auto ranges = session->coverage(m_series);
    if (m_phase < static_cast<int>(ranges.size()) && !ranges[m_phase].contains(m_slice))
        badge += tr(" · outside the left ventricle");
    m_w.view->setBadge(badge, colour);
    Q_EMIT reviewStateShown(state);
}

}  // namespace cardioseg::ui
