#include "language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cardioseg::ui {

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("fr")}; }

bool installLanguage(const QString& code) {
    if (!availableLanguages().contains(code)) return false;
    static QTranslator* ours = nullptr;
    static QTranslator* qt = nullptr;
    for (QTranslator* t : {ours, qt})
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    ours = new QTranslator(qApp);
    qt = new QTranslator(qApp);
    if (ours->load(QStringLiteral(":/i18n/cardioseg_%1.qm").arg(code))) QCoreApplication::installTranslator(ours);
    if (code != QLatin1String("en") &&
        qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(code == QLatin1String("fr") ? QLocale(QLocale::French, QLocale::France)
                                                    : QLocale(QLocale::English, QLocale::UnitedStates));
    return true;
}

}  // namespace cardioseg::ui
