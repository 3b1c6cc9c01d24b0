// The French translation: complete, well-formed (no entity leftovers, the same placeholders and
// accelerators as the source), compiled in, and really used by every widget on screen.
#include <QtTest>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QToolBar>
#include <QTranslator>
#include <QXmlStreamReader>

#include "dialogs.h"
#include "language.h"
#include "main_window.h"
#include "synthetic_dicom.h"

using namespace cardioseg;

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations;  ///< one, or the plural forms
    bool unfinished = false;
};

std::vector<Message> readTs(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QXmlStreamReader xml(&f);
    std::vector<Message> out;
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message"))
            m = Message{context, {}, {}, false};
        else if (name == QLatin1String("source"))
            m.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            m.unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
            // Either text or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) &&
                   !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) text += xml.text();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    m.translations << xml.readElementText();
            }
            if (m.translations.isEmpty()) m.translations << text;
            out.push_back(m);
        }
    }
    return out;
}

QStringList placeholders(const QString& s) {
    QStringList out;
    auto it = QRegularExpression(QStringLiteral("%L?[0-9n]")).globalMatch(s);
    while (it.hasNext()) out << it.next().captured().remove('L');
    out.sort();
    return out;
}

int accelerators(QString s) {
    s.remove(QStringLiteral("&&"));
    return static_cast<int>(s.count('&'));
}

/// Words that French writes as English does: a string made only of these (and of numbers,
/// symbols, placeholders) may stay as it is.
bool sharedWordsOnly(const QString& s) {
    static const QStringList shared = {
        "CardioSeg", "DICOM",      "SEG",      "NIfTI",       "PNG",          "JSON",      "CSV",
        "PDF",       "STL",        "VTK",      "XML",         "OBJ",          "Wavefront", "GPU",
        "CPU",       "CUDA",       "Dice",     "IoU",         "Phase",        "Phases",    "Image",
        "Images",    "Contour",    "Contours", "Pause",       "Segmentation", "Parent",    "Pixel",
        "Position",  "Surface",    "Patient",  "Automatique", "points",       "Con",       "tour",
        "zoom",      "fps",        "px",       "mm",          "ms",           "mL",        "cm",
        "kg",        "g",          "ID",       "Mosteller",   "MIDAS",        "Journal",   "Radau",
        "al",        "Sunnybrook", "Cardiac",  "Data",        "CC0",          "et",        "pt",
        "pdf",       "csv",        "stl",      "vtp",         "obj",          "DICOMDIR",  "phase",
        "image",     "OK",         "base",     "apex",        "Apex",      "PACS",     "DICOMweb",
        "Port"};
    auto it =
        QRegularExpression(QStringLiteral("[A-Za-z]{2,}")).globalMatch(QString(s).remove('&'));
    while (it.hasNext())
        if (!shared.contains(it.next().captured())) return false;
    return true;
}

/// Where an object sits in its tree (class names and sibling positions), so that the same
/// widget or action is found again in another window.
QString pathOf(const QObject* o) {
    QString path;
    for (; o; o = o->parent()) {
        const auto siblings = o->parent() ? o->parent()->children() : QObjectList();
        path.prepend(QStringLiteral("/%1#%2")
                         .arg(o->metaObject()->className())
                         .arg(siblings.indexOf(const_cast<QObject*>(o))));
    }
    return path;
}

/// Every piece of text a user can see in a widget tree, keyed by where it is: window and dock
/// titles, menus and actions (text and tooltip), labels, buttons, group boxes, combo items,
/// spin box affixes, table headers.
QMap<QString, QString> visibleTexts(QWidget* root) {
    QMap<QString, QString> out;
    auto add = [&](const QObject* o, const QString& field, const QString& s) {
        if (!s.trimmed().isEmpty()) out.insert(pathOf(o) + QLatin1Char(':') + field, s);
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (qobject_cast<QDockWidget*>(w) || qobject_cast<QToolBar*>(w) || w == root)
            add(w, "title", w->windowTitle());
        add(w, "tip", w->toolTip());
        if (auto* l = qobject_cast<QLabel*>(w)) add(w, "text", l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) add(w, "text", b->text());
        if (auto* g = qobject_cast<QGroupBox*>(w)) add(w, "title", g->title());
        if (auto* c = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i) add(w, QString::number(i), c->itemText(i));
        if (auto* sb = qobject_cast<QSpinBox*>(w))
            add(w, "affixes", sb->prefix() + sb->suffix() + sb->specialValueText());
        if (auto* sb = qobject_cast<QDoubleSpinBox*>(w))
            add(w, "affixes", sb->suffix() + sb->specialValueText());
        if (auto* t = qobject_cast<QTableWidget*>(w)) {
            for (int c = 0; c < t->columnCount(); ++c)
                if (t->horizontalHeaderItem(c))
                    add(w, "column" + QString::number(c), t->horizontalHeaderItem(c)->text());
            for (int r = 0; r < t->rowCount(); ++r)
                if (t->verticalHeaderItem(r))
                    add(w, "row" + QString::number(r), t->verticalHeaderItem(r)->text());
        }
        for (QAction* a : w->actions()) {
            add(a, "text", a->text());
            add(a, "tip", a->toolTip());
            if (a->menu()) add(a->menu(), "title", a->menu()->title());
        }
    }
    return out;
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("CardioSegTests");
        QCoreApplication::setApplicationName("test_translations");
        QSettings().clear();
    }

    void frenchIsCompleteAndWellFormed() {
        const auto messages =
            readTs(QStringLiteral(CARDIOSEG_SOURCE_DIR) + "/translations/cardioseg_fr.ts");
        QVERIFY(messages.size() > 300);
        QStringList problems;
        for (const auto& m : messages) {
            const QString where = m.context + ": " + m.source.left(60);
            if (m.unfinished) problems << "unfinished: " + where;
            for (const auto& t : m.translations) {
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                    problems << "empty: " + where;
                // Entities left behind by a broken edit ("sanguineamp;sang").
                if (t.contains(QStringLiteral("amp;")) || t.contains(QStringLiteral("&lt;")) ||
                    t.contains(QStringLiteral("&gt;")) || t.contains(QStringLiteral("&quot;")))
                    problems << "entity leftover: " + where + " → " + t;
                if (placeholders(t) != placeholders(m.source))
                    problems << "placeholders differ: " + where + " → " + t;
                if (accelerators(t) != accelerators(m.source))
                    problems << "accelerators differ: " + where + " → " + t;
                if (t == m.source && !sharedWordsOnly(m.source))
                    problems << "untranslated: " + where;
                // A label doubled by a bad merge ("Label : Label : …").
                const auto words = t.split(' ', Qt::SkipEmptyParts);
                for (int i = 0; i + 3 < words.size(); ++i)
                    if (words[i] == words[i + 2] && words[i + 1] == words[i + 3] &&
                        words[i].size() > 3)
                        problems << "repeated words: " + where + " → " + t;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void checkerFindsProblems() {
        // The checks above can fail: a broken message trips them.
        QVERIFY(placeholders("Phase %1 of %n") != placeholders("Phase de %n"));
        QCOMPARE(accelerators("&File"), 1);
        QCOMPARE(accelerators("Fichier"), 0);
        QVERIFY(!sharedWordsOnly("Labels:"));
        QVERIFY(sharedWordsOnly("DICOM SEG"));
    }

    void frenchIsLoadedFromResources() {
        QTranslator t;
        QVERIFY(t.load(":/i18n/cardioseg_fr.qm"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "Series"), QString("Séries"));
        QCOMPARE(t.translate("cardioseg::ui::StudyPresenter", "Loaded %n series", nullptr, 2),
                 QString("%n séries chargées"));
        QCOMPARE(t.translate("cardioseg::ui::ViewerPresenter", "%n corrected", nullptr, 1),
                 QString("%n corrigée"));
        QCOMPARE(t.translate("cardioseg::ui::ViewerPresenter", "%n corrected", nullptr, 3),
                 QString("%n corrigées"));
    }

    void installedTranslationIsPreferred() {
        // The built-in copy, when no file is installed beside the program's data.
        QTemporaryDir dir;
        qputenv("CARDIOSEG_RESOURCES", dir.path().toUtf8());
        QCOMPARE(ui::translationFile("fr"), QStringLiteral(":/i18n/cardioseg_fr.qm"));
        // An installed file wins: here the English file under the French name, so that what
        // the interface says shows which one was read.
        QVERIFY(QDir(dir.path()).mkpath("translations"));
        const QString installed = dir.path() + "/translations/cardioseg_fr.qm";
        QVERIFY(QFile::copy(":/i18n/cardioseg_en.qm", installed));
        QCOMPARE(ui::translationFile("fr"), installed);
        QVERIFY(ui::installLanguage("fr"));
        QCOMPARE(QCoreApplication::translate("cardioseg::ui::MainWindow", "Series"), QString("Series"));
        qunsetenv("CARDIOSEG_RESOURCES");
        QVERIFY(ui::installLanguage("fr"));
        QCOMPARE(QCoreApplication::translate("cardioseg::ui::MainWindow", "Series"), QString("Séries"));
        ui::installLanguage("en");
    }

    void englishCarriesPlurals() {
        QTranslator t;
        QVERIFY(t.load(":/i18n/cardioseg_en.qm"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "%n file(s) skipped…", nullptr, 1),
                 QString("%n file skipped…"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "%n file(s) skipped…", nullptr, 3),
                 QString("%n files skipped…"));
        const auto messages =
            readTs(QStringLiteral(CARDIOSEG_SOURCE_DIR) + "/translations/cardioseg_en.ts");
        for (const auto& m : messages)
            if (m.source.contains("(s)"))
                QVERIFY2(!m.unfinished && m.translations.size() == 2 &&
                             !m.translations[0].contains("(s)"),
                         qPrintable(m.source));
    }

    void everyWidgetIsTranslated() {
        // The workstation on a study, in English and in French: every text on screen that is the
        // same in both (other than names, units and shared words) was never translated.
        testing::TempDir dir;
        testing::SyntheticSeries s;
        testing::writeSeries(dir / "study", s);
        QMap<QString, QString> texts[2];
        for (int k = 0; k < 2; ++k) {
            QSettings().clear();  // the same window both times (the recent studies, the layout)
            QVERIFY(ui::installLanguage(k == 0 ? "en" : "fr"));
            ui::MainWindow w;
            w.setModelPath(QString::fromStdString((dir / "none.pt").string()), false);
            QSignalSpy shown(&w, &ui::MainWindow::studyShown);
            w.show();
            w.openStudy(QString::fromStdString((dir / "study").string()));
            QVERIFY(shown.wait(30000));
            texts[k] = visibleTexts(&w);
            ui::ExportDialog exportDialog;
            texts[k].insert(visibleTexts(&exportDialog));
            ui::SettingsDialog settingsDialog(w.settings());
            texts[k].insert(visibleTexts(&settingsDialog));
        }
        ui::installLanguage("en");
        QVERIFY(texts[0].size() > 200);
        QStringList untranslated;
        int compared = 0;
        for (auto it = texts[1].cbegin(); it != texts[1].cend(); ++it) {
            const QString& t = it.value();
            if (t.contains(QStringLiteral("amp;"))) untranslated << "entity: " + t;
            if (!texts[0].contains(it.key())) continue;
            ++compared;
            // Names that are not words: the study's, the patient's, colours.
            if (t == texts[0].value(it.key()) && !sharedWordsOnly(t) &&
                !t.contains(QLatin1String("SYNTH")) && !t.endsWith(QStringLiteral("study")) &&
                !QRegularExpression("^#[0-9a-f]{6}$").match(t).hasMatch())
                untranslated << t;
        }
        QVERIFY(compared > 200);
        untranslated.removeDuplicates();
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join('\n')));
    }

    void standardButtonsAndNumbersFollowTheLanguage() {
        QVERIFY(ui::installLanguage("fr"));
        ui::ExportDialog dialog;
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QAbstractButton* cancel = buttons->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel);
        QCOMPARE(cancel->text().remove('&'), QString("Annuler"));
        QCOMPARE(QLocale().toString(1.05, 'f', 2), QString("1,05"));
        ui::installLanguage("en");
        QCOMPARE(QLocale().toString(1.05, 'f', 2), QString("1.05"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
