#pragma once

#include <QDialog>

#include <map>
#include <string>
#include <vector>

#include "pacs/pacs.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace cardioseg::ui {

class PacsPresenter;

/// The PACS nodes: DIMSE application entities (AE title, host, port, our AE title and port,
/// C-GET or C-MOVE, TLS) and DICOMweb services (root URL, basic or bearer authentication),
/// each with Verify. OK stores them in the settings.
class PacsNodesDialog : public QDialog {
    Q_OBJECT

public:
    PacsNodesDialog(PacsPresenter* pacs, QWidget* parent = nullptr);
    /// The nodes as edited (also before OK).
    std::vector<pacs::Node> nodes();
    QListWidget* list() const { return m_list; }
    QLabel* verifyResult() const { return m_verifyResult; }
    /// Adds a node and selects it (the Add buttons' work).
    void addNode(const pacs::Node& node);
    /// Fills the form's fields of the selected node (tests and the Add buttons).
    void setField(const QString& objectName, const QString& value);

private:
    void load(int row);
    void store();
    void verify();
    PacsPresenter* m_pacs;
    std::vector<pacs::Node> m_nodes;
    int m_row = -1;
    QListWidget* m_list;
    QStackedWidget* m_kind;
    QLineEdit *m_name, *m_ae, *m_host, *m_ourAe, *m_ca, *m_cert, *m_key, *m_url, *m_user, *m_password, *m_token;
    QSpinBox *m_port, *m_ourPort, *m_timeout;
    QComboBox* m_method;
    QCheckBox* m_tls;
    QLabel* m_verifyResult;
};

/// Finds studies on a node and retrieves them into the local cache: query fields, matches as
/// they arrive (sortable; a study's series on expanding it), Retrieve and Open; and the studies
/// already on this computer, with the cache's size limit.
class StudyBrowserDialog : public QDialog {
    Q_OBJECT

public:
    StudyBrowserDialog(PacsPresenter* pacs, QWidget* parent = nullptr);
    QTreeWidget* results() const { return m_results; }
    QTreeWidget* cached() const { return m_cached; }
    QLineEdit* field(const QString& objectName) const;
    /// Runs the query of the fields on the chosen node.
    void search();
    /// Retrieves the selected study (or the selected series of one) and opens it.
    void retrieveSelected();
    void refreshCache();

Q_SIGNALS:
    /// A cached study to open.
    void openRequested(const QString& folder);

private:
    void addMatch(int id, const pacs::Match& m);
    void expand(QTreeWidgetItem* item);
    void fillNodes();
    std::vector<pacs::Node> m_nodes;
    PacsPresenter* m_pacs;
    QComboBox* m_node;
    QLineEdit *m_name, *m_id, *m_birth, *m_from, *m_to, *m_modality, *m_accession, *m_description;
    QTreeWidget* m_results;
    QTreeWidget* m_cached;
    QPushButton *m_search, *m_stop, *m_retrieve;
    QLabel* m_status;
    QDoubleSpinBox* m_limit;
    QTreeWidgetItem* m_expanding = nullptr;
    QTreeWidgetItem* m_pendingExpand = nullptr;  ///< expanded while a search ran
    int m_studyQuery = 0;
    int m_seriesQuery = 0;
    std::map<std::string, pacs::Match> m_studies;  ///< by Study Instance UID
};

/// What to send of the series on screen, and where: File ▸ Send to PACS.
class SendToPacsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SendToPacsDialog(QWidget* parent = nullptr);
    int nodeIndex() const;
    bool segmentation() const;
    bool measurements() const;
    bool report() const;
    bool modelOnly() const;

private:
    QComboBox *m_node, *m_source;
    QCheckBox *m_seg, *m_sr, *m_pdf;
};

}  // namespace cardioseg::ui
