// cardioseg: the workstation. cardioseg [study path] [--model F] [--lang en|fr] [--screenshot out.png]
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstdio>

#include "cardioseg_version.h"
#include "io/resources.h"
#include "language.h"
#include "main_window.h"
#include "test_input.h"
#include "tool_icons.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("CardioSeg");
    QApplication::setOrganizationName("CardioSeg");
    QApplication::setApplicationVersion(QStringLiteral(CARDIOSEG_VERSION));
    // The desktop entry (and AppStream) name the application by this ID; Wayland matches the
    // window to its entry by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.cardioseg.CardioSeg"));
    QApplication::setWindowIcon(cardioseg::ui::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription("Cardiac MRI segmentation workstation");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("study", "DICOM folder, file or DICOMDIR to open (default: the sample study)");
    QCommandLineOption model("model", "Model file for segmentation (default: the shipped model)", "file");
    QCommandLineOption lang("lang", "Interface language: en or fr (default: the system's)", "code");
    QCommandLineOption screenshot("screenshot", "Open the study, save a PNG of the main window there and exit",
                                  "file");
    parser.addOption(model);
    parser.addOption(lang);
    parser.addOption(screenshot);
    parser.process(app);

    const QString code = parser.isSet(lang) ? parser.value(lang) : QLocale::system().name().left(2);
    if (!cardioseg::ui::availableLanguages().contains(code) && parser.isSet(lang)) {
        std::fprintf(stderr, "cardioseg: --lang %s: only en and fr are available\n", qPrintable(code));
        return 2;
    }
    cardioseg::ui::installLanguage(code == "fr" ? code : QStringLiteral("en"));

    cardioseg::ui::MainWindow window;
    if (parser.isSet(screenshot)) window.setScreenshotPath(parser.value(screenshot));
    if (parser.isSet(model)) window.setModelPath(parser.value(model), false);
    cardioseg::ui::TestInput::attachIfAsked(&window);  // tests that drive the workstation only
    window.show();
    const QStringList args = parser.positionalArguments();
    window.openStudy(args.isEmpty() ? QString::fromStdString(cardioseg::io::sampleStudyDir().string()) : args.first());
    return QApplication::exec();
}
