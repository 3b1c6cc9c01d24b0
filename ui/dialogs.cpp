#include "dialogs.h"

#include <QCheckBox>
#include <QTableWidget>
#include <QHeaderView>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

#include "engine/device.h"
#include "image_adapters.h"
#include "io/resources.h"

namespace cardioseg::ui {

namespace {

/// A line edit with a Browse… button that picks a folder or a file.
QWidget* pathRow(QWidget* parent, QLineEdit* edit, const QString& title, bool folder, const QString& filter = {}) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(QObject::tr("Browse…"), row);
    QObject::connect(browse, &QPushButton::clicked, row, [=] {
        const QString chosen = folder ? QFileDialog::getExistingDirectory(row, title, edit->text())
                                      : QFileDialog::getOpenFileName(row, title, edit->text(), filter);
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

}  // namespace

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export"));
    QSettings s;
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout();
    m_source = new QComboBox(this);
    m_source->addItem(tr("Corrections, the model's labels elsewhere"), int(analysis::LabelSource::CorrectionsElsePrediction));
    m_source->addItem(tr("Corrections only"), int(analysis::LabelSource::Corrections));
    m_source->addItem(tr("The model's labels only"), int(analysis::LabelSource::Prediction));
    m_source->setCurrentIndex(std::max(0, m_source->findData(s.value("export/source", 0).toInt())));
    form->addRow(tr("Labels:"), m_source);
    layout->addLayout(form);

    auto* masks = new QGroupBox(tr("Masks"), this);
    auto* ml = new QVBoxLayout(masks);
    m_png = new QCheckBox(tr("PNG label images (one per image)"), masks);
    m_nifti = new QCheckBox(tr("NIfTI (4-D, all phases)"), masks);
    m_seg = new QCheckBox(tr("DICOM SEG"), masks);
    for (auto* w : {m_png, m_nifti, m_seg}) ml->addWidget(w);
    auto* contours = new QGroupBox(tr("Contours (pixels and patient mm)"), this);
    auto* cl = new QVBoxLayout(contours);
    m_json = new QCheckBox(tr("JSON polygons"), contours);
    m_csv = new QCheckBox(tr("CSV points"), contours);
    cl->addWidget(m_json);
    cl->addWidget(m_csv);
    m_metrics = new QCheckBox(tr("Metrics CSV: the model against the corrections, per image and for the series"),
                              this);
    m_anon = new QCheckBox(tr("De-identify: no patient identity, new UIDs (DICOM PS3.15 Basic Profile)"), this);
    m_images = new QCheckBox(tr("De-identified copies of the source images (the DICOM SEG references them)"), this);
    m_images->setChecked(s.value("export/images", false).toBool());
    connect(m_anon, &QCheckBox::toggled, m_images, &QWidget::setEnabled);
    m_png->setChecked(s.value("export/png", true).toBool());
    m_nifti->setChecked(s.value("export/nifti", false).toBool());
    m_seg->setChecked(s.value("export/seg", false).toBool());
    m_json->setChecked(s.value("export/json", false).toBool());
    m_csv->setChecked(s.value("export/csv", false).toBool());
    m_metrics->setChecked(s.value("export/metrics", false).toBool());
    m_anon->setChecked(s.value("export/deidentify", false).toBool());
    m_images->setEnabled(m_anon->isChecked());
    layout->addWidget(masks);
    layout->addWidget(contours);
    layout->addWidget(m_metrics);
    layout->addWidget(m_anon);
    layout->addWidget(m_images);
    m_folder = new QLineEdit(s.value("export/folder", QDir::homePath()).toString(), this);
    auto* folderForm = new QFormLayout();
    folderForm->addRow(tr("Folder:"), pathRow(this, m_folder, tr("Export to"), true));
    layout->addLayout(folderForm);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const analysis::ExportOptions o = options();
        QSettings st;
        st.setValue("export/source", int(o.source));
        st.setValue("export/png", o.png);
        st.setValue("export/nifti", o.nifti);
        st.setValue("export/seg", o.dicomSeg);
        st.setValue("export/json", o.contoursJson);
        st.setValue("export/csv", o.contoursCsv);
        st.setValue("export/metrics", o.metricsCsv);
        st.setValue("export/deidentify", o.deidentify);
        st.setValue("export/images", m_images->isChecked());
        st.setValue("export/folder", m_folder->text());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

analysis::ExportOptions ExportDialog::options() const {
    analysis::ExportOptions o;
    o.folder = m_folder->text().toStdString();
    o.source = static_cast<analysis::LabelSource>(m_source->currentData().toInt());
    o.png = m_png->isChecked();
    o.nifti = m_nifti->isChecked();
    o.dicomSeg = m_seg->isChecked();
    o.contoursJson = m_json->isChecked();
    o.contoursCsv = m_csv->isChecked();
    o.metricsCsv = m_metrics->isChecked();
    o.deidentify = m_anon->isChecked();
    o.sourceImages = o.deidentify && m_images->isChecked();
    return o;
}

QString AppSettings::defaultWorkspaceRoot() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/workspaces";
}

AppSettings AppSettings::load() {
    QSettings s;
    AppSettings a;
    a.modelPath = s.value("model/path", QString::fromStdString(io::defaultModelPath().string())).toString();
    a.engine.device = s.value("engine/device", "auto").toString();
    a.engine.threads = s.value("engine/threads", 0).toInt();
    a.bloodPool = s.value("view/colorBloodPool", defaultLabelColor(image::label::BloodPool)).value<QColor>();
    a.myocardium = s.value("view/colorMyocardium", defaultLabelColor(image::label::Myocardium)).value<QColor>();
    a.opacity = s.value("view/opacity", 90).toInt();
    a.workspaceBesideStudy = s.value("workspace/location", "data").toString() == "study";
    a.workspaceRoot = s.value("workspace/root", defaultWorkspaceRoot()).toString();
    a.finetuneSeconds = s.value("finetune/seconds", 120).toInt();
    a.autoFinetuneAfter = s.value("finetune/autoAfter", 0).toInt();
    return a;
}

void AppSettings::save() const {
    QSettings s;
    s.setValue("model/path", modelPath);
    s.setValue("engine/device", engine.device);
    s.setValue("engine/threads", engine.threads);
    s.setValue("view/colorBloodPool", bloodPool);
    s.setValue("view/colorMyocardium", myocardium);
    s.setValue("view/opacity", opacity);
    s.setValue("workspace/location", workspaceBesideStudy ? "study" : "data");
    s.setValue("workspace/root", workspaceRoot);
    s.setValue("finetune/seconds", finetuneSeconds);
    s.setValue("finetune/autoAfter", autoFinetuneAfter);
}

SettingsDialog::SettingsDialog(const AppSettings& settings, QWidget* parent) : QDialog(parent), m_settings(settings) {
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    auto* model = new QGroupBox(tr("Model"), this);
    auto* mf = new QFormLayout(model);
    m_model = new QLineEdit(settings.modelPath, model);
    mf->addRow(tr("Model file:"), pathRow(model, m_model, tr("Choose a model file"), false,
                                          tr("CardioSeg models (*.pt);;All files (*)")));
    m_device = new QComboBox(model);
    m_device->addItem(tr("Automatic (GPU when available)"), "auto");
    m_device->addItem(tr("CPU"), "cpu");
    m_device->addItem(engine::cudaAvailable() ? tr("GPU (CUDA)") : tr("GPU (CUDA, not available here)"), "cuda");
    m_device->setCurrentIndex(std::max(0, m_device->findData(settings.engine.device)));
    mf->addRow(tr("Device:"), m_device);
    m_threads = new QSpinBox(model);
    m_threads->setRange(0, std::max(1, QThread::idealThreadCount()));
    m_threads->setSpecialValueText(tr("all cores but one"));
    m_threads->setValue(settings.engine.threads);
    mf->addRow(tr("CPU threads:"), m_threads);
    m_finetuneSeconds = new QSpinBox(model);
    m_finetuneSeconds->setRange(10, 3600);
    m_finetuneSeconds->setSuffix(tr(" s"));
    m_finetuneSeconds->setValue(settings.finetuneSeconds);
    mf->addRow(tr("Model update time:"), m_finetuneSeconds);
    m_autoFinetune = new QSpinBox(model);
    m_autoFinetune->setRange(0, 1000);
    m_autoFinetune->setSpecialValueText(tr("only when asked"));
    m_autoFinetune->setSuffix(tr(" new reviewed images"));
    m_autoFinetune->setValue(settings.autoFinetuneAfter);
    mf->addRow(tr("Update the model after:"), m_autoFinetune);
    layout->addWidget(model);

    auto* display = new QGroupBox(tr("Display"), this);
    auto* df = new QFormLayout(display);
    m_bloodPool = new QPushButton(display);
    m_myocardium = new QPushButton(display);
    setColor(m_bloodPool, settings.bloodPool);
    setColor(m_myocardium, settings.myocardium);
    for (auto* b : {m_bloodPool, m_myocardium})
        connect(b, &QPushButton::clicked, this, [this, b] {
            const QColor c = QColorDialog::getColor(b->property("color").value<QColor>(), this);
            if (c.isValid()) setColor(b, c);
        });
    df->addRow(tr("Blood pool colour:"), m_bloodPool);
    df->addRow(tr("Myocardium colour:"), m_myocardium);
    m_opacity = new QSlider(Qt::Horizontal, display);
    m_opacity->setRange(20, 255);
    m_opacity->setValue(settings.opacity);
    df->addRow(tr("Fill opacity:"), m_opacity);
    layout->addWidget(display);

    auto* ws = new QGroupBox(tr("Corrections are saved"), this);
    auto* wl = new QVBoxLayout(ws);
    m_beside = new QRadioButton(tr("Beside the study (a “CardioSeg workspace” folder), when it is writable"), ws);
    m_inFolder = new QRadioButton(tr("In this folder:"), ws);
    (settings.workspaceBesideStudy ? m_beside : m_inFolder)->setChecked(true);
    m_root = new QLineEdit(settings.workspaceRoot, ws);
    wl->addWidget(m_beside);
    wl->addWidget(m_inFolder);
    wl->addWidget(pathRow(ws, m_root, tr("Workspace folder"), true));
    wl->addWidget(new QLabel(tr("Applies to the next study opened."), ws));
    layout->addWidget(ws);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                             QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        m_model->setText(QString::fromStdString(io::defaultModelPath().string()));
        m_device->setCurrentIndex(0);
        m_threads->setValue(0);
        setColor(m_bloodPool, defaultLabelColor(image::label::BloodPool));
        setColor(m_myocardium, defaultLabelColor(image::label::Myocardium));
        m_opacity->setValue(90);
        m_inFolder->setChecked(true);
        m_root->setText(AppSettings::defaultWorkspaceRoot());
        m_finetuneSeconds->setValue(120);
        m_autoFinetune->setValue(0);
    });
    layout->addWidget(buttons);
}

void SettingsDialog::setColor(QPushButton* button, const QColor& color) {
    button->setProperty("color", color);
    button->setText(color.name());
    button->setStyleSheet(QStringLiteral("background-color: %1; color: %2")
                              .arg(color.name(), color.lightness() > 128 ? "black" : "white"));
}

AppSettings SettingsDialog::settings() const {
    AppSettings a = m_settings;
    a.modelPath = m_model->text();
    a.engine.device = m_device->currentData().toString();
    a.engine.threads = m_threads->value();
    a.bloodPool = m_bloodPool->property("color").value<QColor>();
    a.myocardium = m_myocardium->property("color").value<QColor>();
    a.opacity = m_opacity->value();
    a.workspaceBesideStudy = m_beside->isChecked();
    a.workspaceRoot = m_root->text();
    a.finetuneSeconds = m_finetuneSeconds->value();
    a.autoFinetuneAfter = m_autoFinetune->value();
    return a;
}

void showSkippedFiles(QWidget* parent, const std::vector<io::SkippedFile>& skipped) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Skipped files"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(static_cast<int>(skipped.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({QObject::tr("File"), QObject::tr("Reason")});
    for (int i = 0; i < table->rowCount(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(skipped[i].file)));
        table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(skipped[i].reason)));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(900, 400);
    dialog.exec();
}

}  // namespace cardioseg::ui
