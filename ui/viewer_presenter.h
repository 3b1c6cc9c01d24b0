#pragma once

#include <QObject>

#include <functional>
#include <memory>

#include "analysis/function.h"
#include "io/study.h"
#include "overlay.h"
#include "session/review_session.h"

class QLabel;
class QListWidget;
class QTimer;

namespace cardioseg::ui {

class CineGrid;
class DisplayToolBar;
class MetricsPanel;
class NavigationBar;
class SliceView;

/// What is on screen: the series, the image (slice and phase), the overlay (which labels, how,
/// expert contours), the display window and cine playback. It holds that state (the widgets
/// only show it) and draws the image with its labels, the grid of images, the metrics of the
/// image and its review state.
class ViewerPresenter : public QObject {
    Q_OBJECT

public:
    struct Widgets {
        SliceView* view;
        NavigationBar* navigation;
        DisplayToolBar* display;
        QListWidget* seriesList;
        QLabel* details;
        CineGrid* grid;
        MetricsPanel* metrics;
        QLabel* reviewLabel;
    };
    struct Context {
        std::function<std::shared_ptr<session::ReviewSession>()> session;
        std::function<const io::Study&()> study;  ///< expert labels and contours
        std::function<int()> opacity;             ///< of the filled labels, 0–255
        /// The reviewed measures of the series on screen (ED and ES are named on the image).
        std::function<const analysis::CardiacFunction&()> reviewedFunction;
    };

    ViewerPresenter(Widgets widgets, Context context, QObject* parent = nullptr);

    int series() const { return m_series; }  ///< −1: none
    int slice() const { return m_slice; }
    int phase() const { return m_phase; }
    session::Cell cell() const { return {m_slice, m_phase}; }

    /// Another study is open: its series listed, none shown yet (showSeries next).
    void studyOpened();
    /// Shows a series, starting where the experts drew (else the middle slice, first phase).
    void showSeries(int index);
    void setPosition(int slice, int phase);
    void stepSlice(int delta);
    void stepPhase(int delta);  ///< the cycle wraps
    void setPlaying(bool play);
    bool isPlaying() const;

    void setOverlaySource(OverlaySource source);
    OverlaySource overlaySource() const { return m_source; }
    void setOverlayStyle(OverlayStyle style);
    OverlayStyle overlayStyle() const { return m_style; }
    void cycleOverlaySource();
    void cycleOverlayStyle();
    void setExpertContoursShown(bool shown);
    bool expertContoursShown() const { return m_expert; }
    void applyWindowPreset(int preset);  ///< DisplayToolBar::WindowPreset

    /// Goes to the next image (review order: slice by slice from the base, phase by phase) that
    /// is neither corrected nor confirmed; `edEsOnly`: only at end-diastole and end-systole.
    /// False when there is none (then a message says why).
    bool goToNextUnreviewed(bool edEsOnly);

    /// Redraws everything of the image on screen (its labels, metrics, grid cell, state).
    void refresh();
    /// Redraws the labels over the image on screen (during a stroke, only they change).
    void updateOverlay();
    /// Labels of images changed (slice −1: the whole series): the views follow.
    void labelsChanged(int series, int slice, int phase);
    /// The grid's cells and the review state of the image on screen.
    void updateGrid();
    void updateReviewStatus();

Q_SIGNALS:
    /// Another series is on screen.
    void seriesShown(int series);
    /// Another image is on screen (or the one on screen was redrawn).
    void imageShown();
    /// The review state of the image on screen.
    void reviewStateShown(io::ReviewState state);
    void message(const QString& text, int timeoutMs);

private:
    /// The metrics of the image on screen (and of its slice and series).
    void refreshMetrics();

    Widgets m_w;
    Context m_context;
    QTimer* m_cine;
    int m_series = -1;
    int m_slice = 0;
    int m_phase = 0;
    OverlaySource m_source = OverlaySource::Labels;
    OverlayStyle m_style = OverlayStyle::Filled;
    bool m_expert = true;
};

}  // namespace cardioseg::ui
