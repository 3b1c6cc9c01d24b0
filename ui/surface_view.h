#pragma once

#include <optional>

#include <QColor>
#include <QDialog>
#include <QFutureWatcher>
#include <QWidget>

#include <vector>

#include "analysis/surface.h"
#include "image/geometry.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace cardioseg::ui {

class JobList;

/// A mesh to draw, with its colour (alpha: opacity).
struct ColoredMesh {
    analysis::Mesh mesh;
    QColor color;
};

/// Shows meshes in 3-D, flat-shaded, with painter's-algorithm depth order (no OpenGL needed,
/// so it works on any display and off screen). The heart's long axis (the stack's normal) is
/// vertical with the base up; left drag rotates, the wheel zooms, double click resets.
class SurfaceView : public QWidget {
    Q_OBJECT

public:
    explicit SurfaceView(QWidget* parent = nullptr);
    /// The stack's axes orient the view; the first call (or resetView) also frames the meshes.
    void setMeshes(std::vector<ColoredMesh> meshes, const image::Geometry& axes);
    void resetView();
    void rotate(double azimuthDeg, double elevationDeg);
    /// The current view drawn into an image (for reports and tests).
    QImage renderImage(const QSize& size) const;
    int triangleCount() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void draw(QPainter& p, const QSize& size) const;

    std::vector<ColoredMesh> m_meshes;
    image::Geometry m_axes;
    image::Vec3 m_centre{0, 0, 0};
    double m_radius = 0.0;  ///< 0: not framed yet
    double m_azimuth = 30.0, m_elevation = 20.0, m_zoom = 1.0;
    QPointF m_last;
};

/// Function ▸ 3-D View: the LV surfaces of a series, phase by phase, from the model's or the
/// reviewed labels, with cine playback and mesh export (STL, VTP, OBJ). Surfaces of every
/// phase are computed as a job (`jobs`' row with progress and Cancel; a plain worker without
/// one) when the dialog opens or the labels change.
class SurfaceDialog : public QDialog {
    Q_OBJECT

public:
    explicit SurfaceDialog(QWidget* parent = nullptr, JobList* jobs = nullptr);
    ~SurfaceDialog() override;
    /// The labels of a series the view can show (reviewed ones first) and the series'
    /// geometry, both copied (the dialog outlives the study it was opened on); recomputes the
    /// surfaces.
    void setLabels(const image::Geometry& geometry, const image::SeriesLabels& model,
                   const image::SeriesLabels& reviewed, int phase);
    /// Forgets the series (another study was opened): nothing shown until setLabels.
    void clear();
    bool isComputing() const { return m_job.isRunning(); }
    SurfaceView* view() const { return m_view; }
    int phase() const;
    /// Writes the mesh of the current phase and surface (by extension: .stl, .vtp, .obj).
    void exportMesh(const QString& file);

Q_SIGNALS:
    void surfacesReady();

private:
    struct Surfaces {
        std::vector<analysis::Mesh> bloodPool, epicardium;  ///< per phase
    };
    void compute();
    void showPhase(int phase);

    SurfaceView* m_view = nullptr;
    QComboBox* m_source = nullptr;
    QCheckBox* m_showBloodPool = nullptr;
    QCheckBox* m_showEpicardium = nullptr;
    QSlider* m_phase = nullptr;
    QToolButton* m_play = nullptr;
    QLabel* m_info = nullptr;
    QTimer* m_timer = nullptr;
    std::optional<image::Geometry> m_geometry;
    image::SeriesLabels m_labels[2];
    Surfaces m_surfaces;
    QFutureWatcher<Surfaces> m_job;
    JobList* m_jobs = nullptr;
    bool m_stale = false;  ///< the labels changed while computing: computed again once it ends
};

}  // namespace cardioseg::ui
