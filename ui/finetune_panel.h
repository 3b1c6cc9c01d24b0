#pragma once

#include <QWidget>

#include <vector>

#include "io/model_versions.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cardioseg::training {
struct FinetuneProgress;
struct FinetuneReport;
}

namespace cardioseg::ui {

/// Why a fine-tune was accepted or not, in the interface's language (the command line prints
/// training::describeDecision's English): Dice before and after, and the verdict.
QString decisionText(const training::FinetuneReport& report, double forgetTolerance);

/// "Update model": how many corrected images there are, the running fine-tune (stage,
/// iteration, loss, time left, Cancel), its outcome (Dice before → after, whether the new
/// model was taken, "Use it anyway" when it was not), and the model versions of the study
/// (the default model first) with one click to switch.
class FinetunePanel : public QWidget {
    Q_OBJECT

public:
    explicit FinetunePanel(QWidget* parent = nullptr);
    /// Reviewed images available to learn from, and how many are new since the last update.
    void setAvailable(int images, int fresh);
    void setRunning(bool running);
    void showProgress(const training::FinetuneProgress& progress, double budgetSeconds);
    /// The outcome, for people; `offerUseAnyway` shows the button that accepts a model that was
    /// not better.
    void showOutcome(const QString& text, bool offerUseAnyway);
    /// The versions, the default model's file and the model in use.
    void setVersions(const std::vector<io::ModelVersion>& versions, const QString& defaultModel,
                     const QString& active);
    QString outcome() const;
    /// The images to correct first (one line each), or none.
    void setSuggestions(const QStringList& lines);
    QString suggestions() const;
    /// Which measures moved once the new model segmented the series (shown under the outcome).
    void showMeasureChanges(const QString& text);
    QString measureChanges() const;
    int versionRows() const;
    /// Switches to the version on a row (0: the default model), as a click would.
    void chooseRow(int row);

Q_SIGNALS:
    void updateRequested();
    void cancelRequested();
    void useAnywayRequested();
    void modelChosen(const QString& file);

private:
    QLabel* m_available = nullptr;
    QPushButton* m_update = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_outcome = nullptr;
    QLabel* m_measures = nullptr;
    QLabel* m_suggestions = nullptr;
    QPushButton* m_useAnyway = nullptr;
    QTableWidget* m_versions = nullptr;
    QPushButton* m_use = nullptr;
    std::vector<QString> m_files;  ///< per row
};

}  // namespace cardioseg::ui
