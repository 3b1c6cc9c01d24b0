#include "pacs_dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

#include "pacs_presenter.h"

namespace cardioseg::ui {

namespace {

QLineEdit* lineEdit(const QString& name, QWidget* parent, const QString& placeholder = {}) {
    auto* e = new QLineEdit(parent);
    e->setObjectName(name);
    e->setPlaceholderText(placeholder);
    return e;
}

QSpinBox* spin(const QString& name, int lo, int hi, QWidget* parent) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(lo, hi);
    return s;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

/// A DICOM date (YYYYMMDD) as 2024-03-01; impossible dates (00000000, 20120000) as they are
/// written, so that nothing is made up. Sorting by the text still sorts by date.
QString displayDate(const std::string& da) {
    const QString d = q(da);
    if (d.size() != 8 || d.contains(QRegularExpression("[^0-9]"))) return d;
    const QDate date = QDate::fromString(d, "yyyyMMdd");
    return date.isValid() ? date.toString(Qt::ISODate) : d;
}

/// A person name (Family^Given^Middle^Prefix^Suffix) as "Family, Given Middle".
QString displayName(const std::string& pn) {
    const QStringList parts = q(pn).split('^');
    QString name = parts.value(0).trimmed();
    const QString given = QStringList(parts.mid(1, 2)).join(' ').trimmed();
    if (!given.isEmpty()) name += (name.isEmpty() ? QString() : QStringLiteral(", ")) + given;
    return name;
}
std::string s(const QLineEdit* e) { return e->text().trimmed().toStdString(); }

}  // namespace

// ---------------------------------------------------------------------------------------------

PacsNodesDialog::PacsNodesDialog(PacsPresenter* pacs, QWidget* parent)
    : QDialog(parent), m_pacs(pacs), m_nodes(PacsPresenter::nodes()) {
    setWindowTitle(tr("PACS Nodes"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName("nodeList");
    left->addWidget(m_list);
    auto* addDimse = new QPushButton(tr("Add DICOM Node"), this);
    auto* addWeb = new QPushButton(tr("Add DICOMweb Service"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    left->addWidget(addDimse);
    left->addWidget(addWeb);
    left->addWidget(remove);
    layout->addLayout(left, 1);

    auto* right = new QVBoxLayout;
    auto* common = new QFormLayout;
    m_name = lineEdit("name", this, tr("e.g. Hospital PACS"));
    common->addRow(tr("Name"), m_name);
    m_timeout = spin("timeout", 1, 3600, this);
    m_timeout->setSuffix(tr(" s"));
    common->addRow(tr("Timeout"), m_timeout);
    right->addLayout(common);

    m_kind = new QStackedWidget(this);
    auto* dimse = new QGroupBox(tr("DICOM networking"), this);
    auto* df = new QFormLayout(dimse);
    m_ae = lineEdit("aeTitle", dimse, "PACS");
    m_host = lineEdit("host", dimse, "pacs.hospital.local");
    m_port = spin("port", 1, 65535, dimse);
    m_ourAe = lineEdit("ourAeTitle", dimse, "CARDIOSEG");
    m_ourPort = spin("ourPort", 1, 65535, dimse);
    m_method = new QComboBox(dimse);
    m_method->setObjectName("method");
    m_method->addItem(tr("C-GET (nothing to configure on the PACS but our AE title)"));
    m_method->addItem(tr("C-MOVE to our storage port (the PACS must know our AE title, host and port)"));
    m_tls = new QCheckBox(tr("Secure connection (TLS)"), dimse);
    m_tls->setObjectName("tls");
    m_ca = lineEdit("tlsCa", dimse, tr("trusted certificates (PEM); empty: not verified"));
    m_cert = lineEdit("tlsCert", dimse, tr("our certificate (PEM), if the PACS asks"));
    m_key = lineEdit("tlsKey", dimse, tr("its private key (PEM)"));
    df->addRow(tr("AE title"), m_ae);
    df->addRow(tr("Host"), m_host);
    df->addRow(tr("Port"), m_port);
    df->addRow(tr("Our AE title"), m_ourAe);
    df->addRow(tr("Our port (C-MOVE)"), m_ourPort);
    df->addRow(tr("Retrieve by"), m_method);
    df->addRow(m_tls);
    df->addRow(tr("Trusted certificates"), m_ca);
    df->addRow(tr("Certificate"), m_cert);
    df->addRow(tr("Private key"), m_key);
    auto* web = new QGroupBox(tr("DICOMweb"), this);
    auto* wf = new QFormLayout(web);
    m_url = lineEdit("url", web, "https://pacs.hospital.local/dicom-web");
    m_user = lineEdit("user", web);
    m_password = lineEdit("password", web);
    m_password->setEchoMode(QLineEdit::Password);
    m_token = lineEdit("token", web, tr("bearer token instead of a user"));
    m_token->setEchoMode(QLineEdit::Password);
    wf->addRow(tr("Root URL"), m_url);
    wf->addRow(tr("User"), m_user);
    wf->addRow(tr("Password"), m_password);
    wf->addRow(tr("Token"), m_token);
    m_kind->addWidget(dimse);
    m_kind->addWidget(web);
    right->addWidget(m_kind);
    auto* verifyRow = new QHBoxLayout;
    auto* verify = new QPushButton(tr("&Verify"), this);
    verify->setObjectName("verify");
    m_verifyResult = new QLabel(this);
    m_verifyResult->setObjectName("verifyResult");
    m_verifyResult->setWordWrap(true);
    verifyRow->addWidget(verify);
    verifyRow->addWidget(m_verifyResult, 1);
    right->addLayout(verifyRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    right->addWidget(buttons);
    layout->addLayout(right, 2);

    for (const auto& n : m_nodes) m_list->addItem(q(n.label()));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        store();
        load(row);
    });
    connect(addDimse, &QPushButton::clicked, this, [this] {
        pacs::Node n;
        n.name = tr("New PACS").toStdString();
        addNode(n);
    });
    connect(addWeb, &QPushButton::clicked, this, [this] {
        pacs::Node n;
        n.name = tr("New DICOMweb service").toStdString();
        n.url = "https://";
        addNode(n);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0) return;
        m_row = -1;  // nothing to store back
        m_nodes.erase(m_nodes.begin() + row);
        delete m_list->takeItem(row);
        load(m_list->currentRow());
    });
    connect(verify, &QPushButton::clicked, this, &PacsNodesDialog::verify);
    connect(m_pacs, &PacsPresenter::verified, this, [this](const QString&, bool ok, const QString& text) {
        m_verifyResult->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text);
        m_verifyResult->setStyleSheet(ok ? "color: #2e7d32" : "color: #c62828");
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        PacsPresenter::setNodes(nodes());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_nodes.empty()) m_list->setCurrentRow(0);
    load(m_list->currentRow());
}

void PacsNodesDialog::addNode(const pacs::Node& node) {
    store();
    m_nodes.push_back(node);
    m_list->addItem(q(node.label()));
    m_list->setCurrentRow(static_cast<int>(m_nodes.size()) - 1);
}

void PacsNodesDialog::setField(const QString& objectName, const QString& value) {
    if (auto* e = findChild<QLineEdit*>(objectName)) e->setText(value);
    if (auto* b = findChild<QSpinBox*>(objectName)) b->setValue(value.toInt());
    if (objectName == "method") m_method->setCurrentIndex(value == "move" ? 1 : 0);
}

void PacsNodesDialog::load(int row) {
    m_row = row;
    const bool any = row >= 0 && row < static_cast<int>(m_nodes.size());
    for (QWidget* w : std::initializer_list<QWidget*>{m_name, m_timeout, m_kind}) w->setEnabled(any);
    const pacs::Node n = any ? m_nodes[row] : pacs::Node{};
    m_name->setText(q(n.name));
    m_timeout->setValue(n.timeoutSeconds);
    m_kind->setCurrentIndex(n.isWeb() ? 1 : 0);
    m_ae->setText(q(n.aeTitle));
    m_host->setText(q(n.host));
    m_port->setValue(n.port);
    m_ourAe->setText(q(n.ourAeTitle));
    m_ourPort->setValue(n.ourPort);
    m_method->setCurrentIndex(n.method == pacs::RetrieveMethod::Move ? 1 : 0);
    m_tls->setChecked(n.tls);
    m_ca->setText(q(n.tlsCaFile));
    m_cert->setText(q(n.tlsCertFile));
    m_key->setText(q(n.tlsKeyFile));
    m_url->setText(q(n.url));
    m_user->setText(q(n.user));
    m_password->setText(q(n.password));
    m_token->setText(q(n.token));
    m_verifyResult->clear();
}

void PacsNodesDialog::store() {
    if (m_row < 0 || m_row >= static_cast<int>(m_nodes.size())) return;
    pacs::Node& n = m_nodes[m_row];
    n.name = s(m_name);
    n.timeoutSeconds = m_timeout->value();
    if (m_kind->currentIndex() == 1) {
        n.url = s(m_url);
        while (n.url.size() > 8 && n.url.back() == '/') n.url.pop_back();
        n.user = s(m_user);
        n.password = m_password->text().toStdString();
        n.token = m_token->text().toStdString();
    } else {
        n.url.clear();
        n.aeTitle = s(m_ae);
        n.host = s(m_host);
        n.port = m_port->value();
        n.ourAeTitle = s(m_ourAe).empty() ? "CARDIOSEG" : s(m_ourAe);
        n.ourPort = m_ourPort->value();
        n.method = m_method->currentIndex() == 1 ? pacs::RetrieveMethod::Move : pacs::RetrieveMethod::Get;
        n.tls = m_tls->isChecked();
        n.tlsCaFile = s(m_ca);
        n.tlsCertFile = s(m_cert);
        n.tlsKeyFile = s(m_key);
    }
    if (QListWidgetItem* item = m_list->item(m_row)) item->setText(q(n.label()));
}

std::vector<pacs::Node> PacsNodesDialog::nodes() {
    store();
    return m_nodes;
}

void PacsNodesDialog::verify() {
    store();
    if (m_row < 0) return;
    const pacs::Node& n = m_nodes[m_row];
    if (!n.isWeb() && (n.aeTitle.empty() || n.host.empty())) {
        m_verifyResult->setText(tr("Enter the node's AE title and host first"));
        return;
    }
    m_verifyResult->setText(tr("Verifying…"));
    m_verifyResult->setStyleSheet({});
    m_pacs->verify(n);
}

// ---------------------------------------------------------------------------------------------

StudyBrowserDialog::StudyBrowserDialog(PacsPresenter* pacs, QWidget* parent) : QDialog(parent), m_pacs(pacs) {
    setWindowTitle(tr("Open from PACS"));
    resize(1000, 600);
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabWidget(this);
    layout->addWidget(tabs);

    auto* remote = new QWidget(tabs);
    auto* rl = new QVBoxLayout(remote);
    auto* nodeRow = new QHBoxLayout;
    m_node = new QComboBox(remote);
    m_node->setObjectName("node");
    auto* editNodes = new QPushButton(tr("Nodes…"), remote);
    nodeRow->addWidget(new QLabel(tr("PACS"), remote));
    nodeRow->addWidget(m_node, 1);
    nodeRow->addWidget(editNodes);
    rl->addLayout(nodeRow);
    auto* form = new QGridLayout;
    m_name = lineEdit("patientName", remote, tr("Doe^J* (wildcards * ?)"));
    m_id = lineEdit("patientId", remote);
    m_birth = lineEdit("birthDate", remote, "YYYYMMDD");
    m_from = lineEdit("studyDateFrom", remote, "YYYYMMDD");
    m_to = lineEdit("studyDateTo", remote, "YYYYMMDD");
    m_modality = lineEdit("modality", remote, "MR");
    m_accession = lineEdit("accession", remote);
    m_description = lineEdit("description", remote, tr("*cine* (wildcards)"));
    const std::pair<QString, QLineEdit*> fields[] = {
        {tr("Patient name"), m_name}, {tr("Patient ID"), m_id},   {tr("Birth date"), m_birth},
        {tr("Study date from"), m_from}, {tr("to"), m_to},         {tr("Modality"), m_modality},
        {tr("Accession number"), m_accession}, {tr("Study description"), m_description}};
    int i = 0;
    for (const auto& [label, edit] : fields) {
        form->addWidget(new QLabel(label, remote), i / 4, (i % 4) * 2);
        form->addWidget(edit, i / 4, (i % 4) * 2 + 1);
        connect(edit, &QLineEdit::returnPressed, this, &StudyBrowserDialog::search);
        ++i;
    }
    rl->addLayout(form);
    auto* actions = new QHBoxLayout;
    m_search = new QPushButton(tr("&Search"), remote);
    m_search->setObjectName("search");
    m_stop = new QPushButton(tr("S&top"), remote);
    m_stop->setEnabled(false);
    m_status = new QLabel(remote);
    m_status->setObjectName("status");
    actions->addWidget(m_search);
    actions->addWidget(m_stop);
    actions->addWidget(m_status, 1);
    rl->addLayout(actions);
    m_results = new QTreeWidget(remote);
    m_results->setObjectName("results");
    m_results->setHeaderLabels({tr("Patient"), tr("Patient ID"), tr("Birth date"), tr("Study date"), tr("Description"),
                                tr("Modalities"), tr("Series"), tr("Images")});
    m_results->setSortingEnabled(true);
    m_results->sortByColumn(3, Qt::DescendingOrder);
    m_results->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    rl->addWidget(m_results, 1);
    m_retrieve = new QPushButton(tr("&Retrieve and Open"), remote);
    m_retrieve->setObjectName("retrieve");
    m_retrieve->setToolTip(tr("The selected study, or its selected series; it opens as soon as its largest series "
                              "has arrived. A retrieval that stopped resumes where it was."));
    rl->addWidget(m_retrieve, 0, Qt::AlignRight);
    tabs->addTab(remote, tr("On the PACS"));

    auto* local = new QWidget(tabs);
    auto* ll = new QVBoxLayout(local);
    m_cached = new QTreeWidget(local);
    m_cached->setObjectName("cached");
    m_cached->setHeaderLabels({tr("Patient"), tr("Patient ID"), tr("Study date"), tr("Description"), tr("Size (MB)"),
                               tr("Complete"), tr("Results sent"), tr("From")});
    m_cached->setSortingEnabled(true);
    m_cached->setRootIsDecorated(false);
    ll->addWidget(m_cached, 1);
    auto* localActions = new QHBoxLayout;
    auto* open = new QPushButton(tr("&Open"), local);
    auto* remove = new QPushButton(tr("Re&move from This Computer"), local);
    m_limit = new QDoubleSpinBox(local);
    m_limit->setRange(0.5, 100000);
    m_limit->setSuffix(tr(" GiB"));
    m_limit->setValue(PacsPresenter::cacheLimitGiB());
    localActions->addWidget(open);
    localActions->addWidget(remove);
    localActions->addStretch(1);
    localActions->addWidget(new QLabel(tr("Keep at most"), local));
    localActions->addWidget(m_limit);
    ll->addLayout(localActions);
    ll->addWidget(new QLabel(tr("The oldest studies go first when the limit is passed; a study with corrections "
                                "not yet sent to the PACS is never removed."),
                             local));
    tabs->addTab(local, tr("On This Computer"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    fillNodes();
    refreshCache();
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(editNodes, &QPushButton::clicked, this, [this] {
        PacsNodesDialog d(m_pacs, this);
        if (d.exec() == QDialog::Accepted) fillNodes();
    });
    connect(m_search, &QPushButton::clicked, this, &StudyBrowserDialog::search);
    connect(m_stop, &QPushButton::clicked, m_pacs, &PacsPresenter::cancelQuery);
    connect(m_retrieve, &QPushButton::clicked, this, &StudyBrowserDialog::retrieveSelected);
    connect(m_results, &QTreeWidget::itemExpanded, this, &StudyBrowserDialog::expand);
    connect(m_results, &QTreeWidget::itemDoubleClicked, this, [this] { retrieveSelected(); });
    connect(m_pacs, &PacsPresenter::matchFound, this, &StudyBrowserDialog::addMatch);
    connect(m_pacs, &PacsPresenter::queryFinished, this, [this](int id, const QString& error) {
        m_search->setEnabled(true);
        m_stop->setEnabled(false);
        if (id == m_seriesQuery) m_expanding = nullptr;
        if (QTreeWidgetItem* pending = std::exchange(m_pendingExpand, nullptr)) {
            QMetaObject::invokeMethod(this, [this, pending] { expand(pending); }, Qt::QueuedConnection);
        }
        if (id != m_studyQuery && error.isEmpty()) return;
        m_status->setText(error.isEmpty() ? tr("%n study(ies) found", "", m_results->topLevelItemCount()) : error);
    });
    connect(m_pacs, &PacsPresenter::retrievalProgress, this, [this](int received, int expected) {
        m_status->setText(tr("Retrieving: %1 of %2 images").arg(received).arg(expected));
    });
    connect(m_pacs, &PacsPresenter::retrieveFinished, this, [this](const QString&, const QString& error) {
        m_retrieve->setEnabled(true);
        m_status->setText(error.isEmpty() ? tr("Retrieved") : tr("Retrieval: %1").arg(error));
    });
    connect(m_pacs, &PacsPresenter::cacheChanged, this, &StudyBrowserDialog::refreshCache);
    // The study opens in the window: the browser makes way (its retrieval goes on in the job list).
    connect(m_pacs, &PacsPresenter::studyReady, this, &QWidget::hide);
    connect(m_limit, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [](double v) { PacsPresenter::setCacheLimitGiB(v); });
    connect(open, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = m_cached->currentItem()) {
            const std::string uid = item->data(0, Qt::UserRole).toString().toStdString();
            pacs::StudyCache cache = PacsPresenter::cache();
            try {
                cache.touch(uid);  // the most recently used now: the last to go
            } catch (const std::exception&) {
                // An index that cannot be written only changes what goes first.
            }
            Q_EMIT openRequested(QString::fromStdString(cache.folderOf(uid).string()));
            accept();
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = m_cached->currentItem())
            m_pacs->removeCached(item->data(0, Qt::UserRole).toString().toStdString());
    });
}

QLineEdit* StudyBrowserDialog::field(const QString& objectName) const { return findChild<QLineEdit*>(objectName); }

void StudyBrowserDialog::fillNodes() {
    m_nodes = PacsPresenter::nodes();
    m_node->clear();
    for (const auto& n : m_nodes) m_node->addItem(q(n.label()));
    m_search->setEnabled(!m_nodes.empty());
    if (m_nodes.empty()) m_status->setText(tr("No PACS configured yet: add one with Nodes…"));
}

void StudyBrowserDialog::search() {
    const int index = m_node->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_nodes.size())) return;
    pacs::Query query;
    query.patientName = s(m_name);
    query.patientId = s(m_id);
    query.birthDate = s(m_birth);
    if (!m_from->text().isEmpty() || !m_to->text().isEmpty()) query.studyDate = s(m_from) + "-" + s(m_to);
    query.modality = s(m_modality);
    query.accession = s(m_accession);
    query.description = s(m_description);
    m_results->clear();
    m_studies.clear();
    m_expanding = nullptr;
    m_pendingExpand = nullptr;
    m_pacs->query(m_nodes[index], query);
    m_studyQuery = m_pacs->currentQueryId();
    m_search->setEnabled(false);
    m_stop->setEnabled(true);
    m_status->setText(tr("Searching…"));
}

void StudyBrowserDialog::addMatch(int id, const pacs::Match& m) {
    if (id == m_studyQuery) {
        m_studies[m.studyUid] = m;
        auto* item = new QTreeWidgetItem;
        item->setText(0, displayName(m.patientName));
        item->setText(1, q(m.patientId));
        item->setText(2, displayDate(m.birthDate));
        item->setText(3, displayDate(m.studyDate));
        item->setText(4, q(m.studyDescription));
        item->setText(5, q(m.modalities));
        if (m.series >= 0) item->setData(6, Qt::DisplayRole, m.series);
        if (m.images >= 0) item->setData(7, Qt::DisplayRole, m.images);
        item->setData(0, Qt::UserRole, q(m.studyUid));
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
        m_results->addTopLevelItem(item);
        m_status->setText(tr("%n study(ies) found so far…", "", m_results->topLevelItemCount()));
    } else if (id == m_seriesQuery && m_expanding) {
        auto* item = new QTreeWidgetItem(m_expanding);
        item->setText(0, m.seriesNumber >= 0 ? tr("Series %1").arg(m.seriesNumber) : tr("Series"));
        item->setText(4, q(m.seriesDescription));
        item->setText(5, q(m.modality));
        if (m.images >= 0) item->setData(7, Qt::DisplayRole, m.images);
        item->setData(0, Qt::UserRole, q(m.seriesUid));
    }
}

void StudyBrowserDialog::expand(QTreeWidgetItem* item) {
    if (item->parent() || item->childCount() > 0) return;
    if (m_pacs->isQuerying()) {  // its series come once the search has ended
        m_pendingExpand = item;
        return;
    }
    const int index = m_node->currentIndex();
    if (index < 0) return;
    pacs::Query query;
    query.level = pacs::Level::Series;
    query.studyUid = item->data(0, Qt::UserRole).toString().toStdString();
    m_expanding = item;
    m_pacs->query(m_nodes[index], query);
    m_seriesQuery = m_pacs->currentQueryId();
}

void StudyBrowserDialog::retrieveSelected() {
    QTreeWidgetItem* current = m_results->currentItem();
    const int index = m_node->currentIndex();
    if (!current || index < 0) return;
    QTreeWidgetItem* study = current->parent() ? current->parent() : current;
    std::vector<std::string> series;
    for (QTreeWidgetItem* item : m_results->selectedItems())
        if (item->parent() == study) series.push_back(item->data(0, Qt::UserRole).toString().toStdString());
    const auto it = m_studies.find(study->data(0, Qt::UserRole).toString().toStdString());
    if (it == m_studies.end()) return;
    m_retrieve->setEnabled(false);
    m_status->setText(tr("Retrieving…"));
    m_pacs->retrieve(m_nodes[index], it->second, series, true);
}

void StudyBrowserDialog::refreshCache() {
    m_cached->clear();
    for (const auto& c : PacsPresenter::cache().list()) {
        auto* item = new QTreeWidgetItem(m_cached);
        item->setText(0, displayName(c.patientName));
        item->setText(1, q(c.patientId));
        item->setText(2, displayDate(c.studyDate));
        item->setText(3, q(c.description));
        item->setData(4, Qt::DisplayRole, static_cast<double>(c.bytes) / 1e6);
        item->setText(5, c.complete ? tr("yes") : tr("partly"));
        item->setText(6, c.resultsSent > 0 ? tr("yes") : tr("no"));
        item->setText(7, q(c.node));
        item->setData(0, Qt::UserRole, q(c.studyUid));
    }
}

// ---------------------------------------------------------------------------------------------

SendToPacsDialog::SendToPacsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Send to PACS"));
    auto* form = new QFormLayout(this);
    m_node = new QComboBox(this);
    for (const auto& n : PacsPresenter::nodes()) m_node->addItem(q(n.label()));
    form->addRow(tr("PACS"), m_node);
    m_seg = new QCheckBox(tr("Segmentation (DICOM SEG)"), this);
    m_sr = new QCheckBox(tr("Measurements: EDV, ESV, EF, mass (DICOM SR)"), this);
    m_pdf = new QCheckBox(tr("Report (Encapsulated PDF)"), this);
    for (QCheckBox* c : {m_seg, m_sr, m_pdf}) {
        c->setChecked(true);
        form->addRow(c);
    }
    m_source = new QComboBox(this);
    m_source->addItem(tr("Corrections, else the model's labels"));
    m_source->addItem(tr("The model's labels only"));
    form->addRow(tr("Labels"), m_source);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_node->count() > 0);
    form->addRow(buttons);
    if (m_node->count() == 0) form->addRow(new QLabel(tr("No PACS configured yet: File ▸ PACS Nodes…"), this));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int SendToPacsDialog::nodeIndex() const { return m_node->currentIndex(); }
bool SendToPacsDialog::segmentation() const { return m_seg->isChecked(); }
bool SendToPacsDialog::measurements() const { return m_sr->isChecked(); }
bool SendToPacsDialog::report() const { return m_pdf->isChecked(); }
bool SendToPacsDialog::modelOnly() const { return m_source->currentIndex() == 1; }

}  // namespace cardioseg::ui
