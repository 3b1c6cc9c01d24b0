#include "language.h"

#include <QApplication>
#include <QDate>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "io/dicom_values.h"
#include "io/resources.h"

namespace cardioseg::ui {

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString translationFile(const QString& code) {
    const QString name = QStringLiteral("cardioseg_%1.qm").arg(code);
    const QString installed =
        QString::fromStdString((io::resourceDir() / "translations").string()) + QLatin1Char('/') + name;
    return QFileInfo::exists(installed) ? installed : QStringLiteral(":/i18n/") + name;
}

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
    if (ours->load(translationFile(code)))
        QCoreApplication::installTranslator(ours);
    if (code != QLatin1String("en") && qt->load(QStringLiteral("qtbase_%1").arg(code),
                                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale locale = code == QLatin1String("fr") ? QLocale(QLocale::French, QLocale::France)
                                                 : QLocale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(QLocale::OmitGroupSeparator);  // "W 1244", not "W 1,244"
    QLocale::setDefault(locale);
    return true;
}

QString localDate(const std::string& dicomDate) {
    const auto d = io::parseDicomDate(dicomDate);
    return d ? QLocale().toString(QDate(d->year, d->month, d->day), QLocale::LongFormat)
             : QString();
}

}  // namespace cardioseg::ui
