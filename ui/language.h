#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace cardioseg::ui {

/// The interface languages CardioSeg carries ("en", "fr").
QStringList availableLanguages();

/// Switches the application to a language: CardioSeg's translation (English carries the plural
/// forms of the source strings), Qt's own (standard buttons and dialogs: "Annuler", not
/// "Cancel") and that language's locale as the default, so that every number and date is
/// written one way ("49,5 s" beside "1,05 g/mL" in French). False for a language CardioSeg
/// does not carry. Call before creating windows.
bool installLanguage(const QString& code);

/// Where CardioSeg's translation of a language is read from: the installed file
/// <resources>/translations/cardioseg_<code>.qm when there is one (io::resourceDir), else the
/// copy built into the program (":/i18n/cardioseg_<code>.qm").
QString translationFile(const QString& code);

/// A DICOM date (YYYYMMDD) as the current locale writes it in full ("12 March 2012"); empty
/// for empty or impossible dates (00000000, 20120000), which are never shown raw.
QString localDate(const std::string& dicomDate);

}  // namespace cardioseg::ui
