#include "viewer_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>

#include "overlay.h"

namespace cardioseg::ui {

NavigationBar::NavigationBar(QWidget* parent)
    : QWidget(parent),
      sliceLabel(new QLabel(this)),
      slice(new QSlider(Qt::Horizontal, this)),
      phaseLabel(new QLabel(this)),
      phase(new QSlider(Qt::Horizontal, this)),
      play(new QToolButton(this)),
      fps(new QSpinBox(this)) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 2, 8, 6);
    sliceLabel->setMinimumWidth(110);
    slice->setToolTip(tr("Slice, base to apex (Up/Down)"));
    phaseLabel->setMinimumWidth(170);
    phase->setToolTip(tr("Cardiac phase (Left/Right)"));
    play->setCheckable(true);
    play->setText(tr("Play"));
    play->setToolTip(tr("Play the cardiac cycle (Space)"));
    fps->setRange(1, 60);
    fps->setValue(QSettings().value("view/fps", 20).toInt());
    fps->setSuffix(tr(" fps"));
    row->addWidget(sliceLabel);
    row->addWidget(slice, 2);
    row->addSpacing(12);
    row->addWidget(phaseLabel);
    row->addWidget(phase, 3);
    row->addWidget(play);
    row->addWidget(fps);
}

DisplayToolBar::DisplayToolBar(QWidget* parent)
    : QToolBar(tr("Display"), parent),
      source(new QComboBox(this)),
      style(new QComboBox(this)),
      expert(new QCheckBox(tr("Expert contours"), this)),
      window(new QComboBox(this)) {
    setObjectName("displayToolbar");
    source->addItem(tr("Labels: corrections, else model"), int(OverlaySource::Labels));
    source->addItem(tr("Labels: model only"), int(OverlaySource::Prediction));
    source->addItem(tr("Labels: corrections only"), int(OverlaySource::Corrections));
    source->addItem(tr("Compare: corrections vs model"), int(OverlaySource::Compare));
    source->setToolTip(tr("Which labels the overlay shows (P cycles). Compare draws the model's outline "
                          "dashed and highlights where it disagrees with the corrections."));
    style->addItem(tr("Filled"), int(OverlayStyle::Filled));
    style->addItem(tr("Contour lines"), int(OverlayStyle::Contours));
    style->addItem(tr("Filled + contours"), int(OverlayStyle::FilledAndContours));
    style->setToolTip(tr("How labels are drawn (O cycles)"));
    expert->setChecked(true);
    expert->setToolTip(tr("Show the expert contours of datasets in SCD layout (L)"));
    window->addItem(tr("Window: DICOM"), PresetDicom);
    window->addItem(tr("Window: auto"), PresetAuto);
    window->addItem(tr("Window: full range"), PresetFullRange);
    addWidget(source);
    addWidget(style);
    addWidget(expert);
    addSeparator();
    addWidget(window);
}

QScrollArea* scrollable(QWidget* panel, QWidget* parent, int minimumWidth) {
    // Panels scroll rather than push the window past a small screen (1366 × 768 laptops).
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(std::max(minimumWidth, panel->minimumSizeHint().width() + 12));
    scroll->setWidget(panel);
    return scroll;
}


}  // namespace cardioseg::ui
