#include "surface_view.h"

#include "job_list.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

#include "image_adapters.h"

namespace cardioseg::ui {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

}  // namespace

SurfaceView::SurfaceView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(360, 360);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void SurfaceView::setMeshes(std::vector<ColoredMesh> meshes, const image::Geometry& axes) {
    m_meshes = std::move(meshes);
    m_axes = axes;
    if (m_radius <= 0) resetView();
    update();
}

void SurfaceView::resetView() {
    // Framed on everything shown: centre and radius of the points.
    image::Vec3 c{0, 0, 0};
    std::size_t n = 0;
    for (const auto& m : m_meshes)
        for (const auto& p : m.mesh.points) {
            for (int a = 0; a < 3; ++a) c[a] += p[a];
            ++n;
        }
    if (n == 0) return;
    for (auto& v : c) v /= static_cast<double>(n);
    double r = 0;
    for (const auto& m : m_meshes)
        for (const auto& p : m.mesh.points) r = std::max(r, image::norm({p[0] - c[0], p[1] - c[1], p[2] - c[2]}));
    m_centre = c;
    m_radius = std::max(1.0, r);
    m_azimuth = 30.0;
    m_elevation = 20.0;
    m_zoom = 1.0;
    update();
}

void SurfaceView::rotate(double azimuthDeg, double elevationDeg) {
    m_azimuth = std::fmod(m_azimuth + azimuthDeg, 360.0);
    m_elevation = std::clamp(m_elevation + elevationDeg, -89.0, 89.0);
    update();
}

int SurfaceView::triangleCount() const {
    int n = 0;
    for (const auto& m : m_meshes) n += static_cast<int>(m.mesh.triangles.size());
    return n;
}

void SurfaceView::draw(QPainter& p, const QSize& size) const {
    p.fillRect(QRect(QPoint(0, 0), size), QColor(18, 20, 26));
    if (m_meshes.empty() || m_radius <= 0) {
        p.setPen(QColor(170, 170, 170));
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, tr("No surface to show"));
        return;
    }
    // View basis: the long axis (−normal: base up) vertical, the row direction across, turned
    // by azimuth about the long axis and tilted by elevation.
    const image::Vec3 up0{-m_axes.normal[0], -m_axes.normal[1], -m_axes.normal[2]};
    const image::Vec3 right0 = m_axes.rowDir;
    const image::Vec3 toward0 = image::cross(right0, up0);
    const double ca = std::cos(m_azimuth * kDeg), sa = std::sin(m_azimuth * kDeg);
    const double ce = std::cos(m_elevation * kDeg), se = std::sin(m_elevation * kDeg);
    image::Vec3 right, toward, up;
    for (int a = 0; a < 3; ++a) {
        right[a] = ca * right0[a] - sa * toward0[a];
        const double t = sa * right0[a] + ca * toward0[a];
        toward[a] = ce * t + se * up0[a];
        up[a] = -se * t + ce * up0[a];
    }
    const double scale = 0.45 * std::min(size.width(), size.height()) / m_radius * m_zoom;
    const QPointF mid(size.width() / 2.0, size.height() / 2.0);
    struct Tri {
        QPointF v[3];
        double depth;
        QColor color;
    };
    std::vector<Tri> tris;
    tris.reserve(static_cast<std::size_t>(triangleCount()));
    const image::Vec3 light = image::normalized({0.3 * right[0] + 0.5 * up[0] + toward[0], 0.3 * right[1] + 0.5 * up[1] + toward[1],
                                                 0.3 * right[2] + 0.5 * up[2] + toward[2]});
    for (const auto& cm : m_meshes) {
        const auto& pts = cm.mesh.points;
        for (const auto& t : cm.mesh.triangles) {
            Tri tri;
            double depth = 0;
            image::Vec3 q[3];
            for (int k = 0; k < 3; ++k) {
                const auto& pt = pts[t[k]];
                const image::Vec3 d{pt[0] - m_centre[0], pt[1] - m_centre[1], pt[2] - m_centre[2]};
                q[k] = d;
                tri.v[k] = mid + QPointF(image::dot(d, right) * scale, -image::dot(d, up) * scale);
                depth += image::dot(d, toward);
            }
            tri.depth = depth / 3.0;
            const image::Vec3 n = image::normalized(image::cross({q[1][0] - q[0][0], q[1][1] - q[0][1], q[1][2] - q[0][2]},
                                                                 {q[2][0] - q[0][0], q[2][1] - q[0][1], q[2][2] - q[0][2]}));
            const double shade = 0.3 + 0.7 * std::abs(image::dot(n, light));
            tri.color = QColor::fromRgbF(std::min(1.0, cm.color.redF() * shade), std::min(1.0, cm.color.greenF() * shade),
                                         std::min(1.0, cm.color.blueF() * shade), cm.color.alphaF());
            tris.push_back(tri);
        }
    }
    std::sort(tris.begin(), tris.end(), [](const Tri& a, const Tri& b) { return a.depth < b.depth; });  // far first
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const auto& t : tris) {
        p.setPen(t.color.alpha() == 255 ? QPen(t.color, 0.8) : Qt::NoPen);  // opaque: no cracks between triangles
        p.setBrush(t.color);
        p.drawPolygon(t.v, 3);
    }
}

QImage SurfaceView::renderImage(const QSize& size) const {
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&img);
    draw(p, size);
    return img;
}

void SurfaceView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    draw(p, size());
    p.setPen(QColor(200, 200, 200));
    p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignBottom,
               tr("Drag to rotate, wheel to zoom, double-click to reset"));
}

void SurfaceView::mousePressEvent(QMouseEvent* event) { m_last = event->position(); }

void SurfaceView::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton)) return;
    const QPointF d = event->position() - m_last;
    m_last = event->position();
    rotate(d.x() * 0.5, d.y() * 0.5);
}

void SurfaceView::wheelEvent(QWheelEvent* event) {
    m_zoom = std::clamp(m_zoom * std::pow(1.0015, event->angleDelta().y()), 0.2, 8.0);
    update();
}

void SurfaceView::mouseDoubleClickEvent(QMouseEvent*) { resetView(); }

SurfaceDialog::SurfaceDialog(QWidget* parent, JobList* jobs) : QDialog(parent), m_jobs(jobs) {
    setWindowTitle(tr("Left ventricle in 3-D"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout();
    m_source = new QComboBox(this);
    m_source->addItem(tr("Reviewed labels"));
    m_source->addItem(tr("Model's labels"));
    m_showBloodPool = new QCheckBox(tr("Blood pool"), this);
    m_showEpicardium = new QCheckBox(tr("Epicardium"), this);
    m_showBloodPool->setChecked(true);
    m_showEpicardium->setChecked(true);
    top->addWidget(m_source);
    top->addWidget(m_showBloodPool);
    top->addWidget(m_showEpicardium);
    top->addStretch(1);
    auto* exportButton = new QPushButton(tr("Export mesh…"), this);
    top->addWidget(exportButton);
    layout->addLayout(top);
    m_view = new SurfaceView(this);
    layout->addWidget(m_view, 1);
    auto* bottom = new QHBoxLayout();
    m_play = new QToolButton(this);
    m_play->setText(tr("Play"));
    m_play->setCheckable(true);
    m_phase = new QSlider(Qt::Horizontal, this);
    m_info = new QLabel(this);
    m_info->setMinimumWidth(260);
    bottom->addWidget(m_play);
    bottom->addWidget(m_phase, 1);
    bottom->addWidget(m_info);
    layout->addLayout(bottom);
    m_timer = new QTimer(this);
    m_timer->setInterval(80);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_phase->setValue((m_phase->value() + 1) % (m_phase->maximum() + 1));
    });
    connect(m_play, &QToolButton::toggled, this, [this](bool on) {
        on ? m_timer->start() : m_timer->stop();
        m_play->setText(on ? tr("Pause") : tr("Play"));
    });
    connect(m_phase, &QSlider::valueChanged, this, &SurfaceDialog::showPhase);
    connect(m_showBloodPool, &QCheckBox::toggled, this, [this] { showPhase(phase()); });
    connect(m_showEpicardium, &QCheckBox::toggled, this, [this] { showPhase(phase()); });
    connect(m_source, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { compute(); });
    connect(&m_job, &QFutureWatcher<Surfaces>::finished, this, [this] {
        if (!m_geometry) return;  // cleared while computing
        if (m_stale) {            // the labels changed meanwhile: their surfaces instead
            compute();
            return;
        }
        m_surfaces = m_job.result();
        showPhase(phase());
        Q_EMIT surfacesReady();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export mesh"), QString(),
                                                       tr("STL (*.stl);;VTK XML (*.vtp);;Wavefront OBJ (*.obj)"));
        if (!f.isEmpty()) exportMesh(f);
    });
    resize(720, 720);
}

SurfaceDialog::~SurfaceDialog() { m_job.waitForFinished(); }

int SurfaceDialog::phase() const { return m_phase->value(); }

void SurfaceDialog::setLabels(const image::Geometry& geometry, const image::SeriesLabels& model,
                              const image::SeriesLabels& reviewed, int phase) {
    m_geometry = geometry;
    m_labels[0] = reviewed;
    m_labels[1] = model;
    const QSignalBlocker block(m_phase);
    m_phase->setRange(0, std::max(0, std::max(model.phases, reviewed.phases) - 1));
    m_phase->setValue(phase);
    compute();
}

void SurfaceDialog::clear() {
    m_play->setChecked(false);
    m_geometry.reset();
    m_labels[0] = m_labels[1] = {};
    m_surfaces = {};
    m_view->setMeshes({}, image::Geometry{});
    m_info->setText(tr("No series"));
}

void SurfaceDialog::compute() {
    if (!m_geometry) return;
    if (m_job.isRunning()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_info->setText(tr("Computing surfaces…"));
    const image::Geometry geometry = *m_geometry;
    const image::SeriesLabels labels = m_labels[m_source->currentIndex()];
    // Phase by phase; cancelled, the phases done are shown.
    std::function<Surfaces(const io::ProgressFn&)> work = [geometry, labels](const io::ProgressFn& progress) {
        Surfaces s;
        for (int p = 0; p < labels.phases; ++p) {
            if (progress && !progress(static_cast<double>(p) / std::max(1, labels.phases), "surfaces")) break;
            s.bloodPool.push_back(analysis::labelSurface(geometry, labels, p, analysis::SurfaceKind::BloodPool));
            s.epicardium.push_back(analysis::labelSurface(geometry, labels, p, analysis::SurfaceKind::Epicardium));
        }
        return s;
    };
    m_job.setFuture(m_jobs ? m_jobs->run<Surfaces>(tr("Computing the 3-D surfaces"), std::move(work))
                           : QtConcurrent::run([work] { return work({}); }));
}

void SurfaceDialog::showPhase(int phase) {
    if (!m_geometry || phase < 0 || phase >= static_cast<int>(m_surfaces.bloodPool.size())) return;
    std::vector<ColoredMesh> meshes;
    QColor bp = labelColor(image::label::BloodPool), epi = labelColor(image::label::Myocardium);
    epi.setAlpha(80);
    if (m_showBloodPool->isChecked()) meshes.push_back({m_surfaces.bloodPool[phase], bp});
    if (m_showEpicardium->isChecked()) meshes.push_back({m_surfaces.epicardium[phase], epi});
    m_view->setMeshes(std::move(meshes), *m_geometry);
    m_info->setText(tr("Phase %1 / %2 · blood pool %3 mL (surface)")
                        .arg(phase + 1)
                        .arg(m_phase->maximum() + 1)
                        .arg(QLocale().toString(m_surfaces.bloodPool[phase].volumeMl(), 'f', 1)));
}

void SurfaceDialog::exportMesh(const QString& file) {
    const int p = phase();
    if (p < 0 || p >= static_cast<int>(m_surfaces.bloodPool.size())) return;
    try {
        const bool epi = !m_showBloodPool->isChecked() && m_showEpicardium->isChecked();
        analysis::writeMesh(file.toStdString(), epi ? m_surfaces.epicardium[p] : m_surfaces.bloodPool[p]);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export mesh"), QString::fromStdString(e.what()));
    }
}

}  // namespace cardioseg::ui
