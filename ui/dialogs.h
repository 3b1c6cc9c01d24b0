#pragma once

#include <QColor>
#include <QDialog>

#include "analysis/series_export.h"
#include "io/dicom_loader.h"
#include "segmentation_job.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSlider;
class QSpinBox;

namespace cardioseg::ui {

/// File ▸ Export: formats (masks, contours, metrics), which labels, folder, de-identification.
/// The last choices are remembered.
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    explicit ExportDialog(QWidget* parent = nullptr);
    analysis::ExportOptions options() const;

private:
    QComboBox* m_source = nullptr;
    QCheckBox* m_png = nullptr;
    QCheckBox* m_nifti = nullptr;
    QCheckBox* m_seg = nullptr;
    QCheckBox* m_json = nullptr;
    QCheckBox* m_csv = nullptr;
    QCheckBox* m_metrics = nullptr;
    QCheckBox* m_anon = nullptr;
    QCheckBox* m_images = nullptr;
    QLineEdit* m_folder = nullptr;
};

/// Everything the workstation keeps between sessions (QSettings).
struct AppSettings {
    QString modelPath;
    EngineSettings engine;
    QColor bloodPool;
    QColor myocardium;
    int opacity = 90;                 ///< fill opacity of label overlays, 0–255
    bool workspaceBesideStudy = false;  ///< else under workspaceRoot
    QString workspaceRoot;
    int finetuneSeconds = 120;        ///< wall-time budget of an "Update model" run
    int autoFinetuneAfter = 0;        ///< start one after this many new reviewed images (0: never)

    static AppSettings load();
    void save() const;
    static QString defaultWorkspaceRoot();
};

/// Edit ▸ Settings: model file, device and threads, label colours and opacity, where the
/// corrections are kept.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    void setColor(QPushButton* button, const QColor& color);

    AppSettings m_settings;
    QLineEdit* m_model = nullptr;
    QComboBox* m_device = nullptr;
    QSpinBox* m_threads = nullptr;
    QPushButton* m_bloodPool = nullptr;
    QPushButton* m_myocardium = nullptr;
    QSlider* m_opacity = nullptr;
    QRadioButton* m_beside = nullptr;
    QRadioButton* m_inFolder = nullptr;
    QLineEdit* m_root = nullptr;
    QSpinBox* m_finetuneSeconds = nullptr;
    QSpinBox* m_autoFinetune = nullptr;
};

/// The files of a study that could not be used, each with the reason (modal).
void showSkippedFiles(QWidget* parent, const std::vector<io::SkippedFile>& skipped);

}  // namespace cardioseg::ui
