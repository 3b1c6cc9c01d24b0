#pragma once

#include <QToolBar>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QScrollArea;
class QSlider;
class QSpinBox;
class QToolButton;

namespace cardioseg::ui {

/// A panel in a scroll area sized for it, so that docks can shrink below the panel's height.
QScrollArea* scrollable(QWidget* panel, QWidget* parent, int minimumWidth = 0);

/// Below the image: slice and phase sliders with what they show, cine playback and its rate.
/// Plain widgets: ViewerPresenter holds the position and sets them.
class NavigationBar : public QWidget {
    Q_OBJECT

public:
    explicit NavigationBar(QWidget* parent = nullptr);
    QLabel* sliceLabel;
    QSlider* slice;
    QLabel* phaseLabel;
    QSlider* phase;
    QToolButton* play;
    QSpinBox* fps;
};

/// The display toolbar: which labels the overlay shows and how, expert contours, the window.
class DisplayToolBar : public QToolBar {
    Q_OBJECT

public:
    enum WindowPreset { PresetDicom, PresetAuto, PresetFullRange };
    explicit DisplayToolBar(QWidget* parent = nullptr);
    QComboBox* source;
    QComboBox* style;
    QCheckBox* expert;
    QComboBox* window;
};

}  // namespace cardioseg::ui
