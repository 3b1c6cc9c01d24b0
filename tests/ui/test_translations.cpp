// The French translation is complete and compiled into the UI library.
#include <QtTest>

#include <QFile>
#include <QRegularExpression>
#include <QTranslator>

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void frenchIsComplete() {
        QFile ts(QStringLiteral(CARDIOSEG_SOURCE_DIR) + "/translations/cardioseg_fr.ts");
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        const int messages = text.count("<message");
        QVERIFY(messages > 40);
        QCOMPARE(text.count("type=\"unfinished\""), 0);
        QCOMPARE(text.count("type=\"vanished\"") + text.count("type=\"obsolete\""), 0);
    }

    void frenchIsLoadedFromResources() {
        QTranslator t;
        QVERIFY(t.load(":/i18n/cardioseg_fr.qm"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "Series"), QString("Séries"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "Loaded %n series", nullptr, 2), QString("%n séries chargées"));
    }

    void englishCarriesPlurals() {
        QTranslator t;
        QVERIFY(t.load(":/i18n/cardioseg_en.qm"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "%n file(s) skipped…", nullptr, 1), QString("%n file skipped…"));
        QCOMPARE(t.translate("cardioseg::ui::MainWindow", "%n file(s) skipped…", nullptr, 3), QString("%n files skipped…"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
