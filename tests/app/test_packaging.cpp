// What the package installs beside the programs, checked against the programs themselves: the
// man pages list exactly the options each command's --help lists; the version is CMake's
// everywhere (both programs, the changelog, AppStream, the package); the desktop entry and the
// AppStream metadata validate; the icons are the sizes their folders say.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <map>
#include <optional>
#include <set>

#include "cardioseg_version.h"

namespace {

using Options = std::set<QString>;

struct Run {
    int code = -1;
    QString out, err;
};

Run run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/// The first capture of `entry` on each line of the part of a --help text headed `heading`
/// ("Options:", "Subcommands:"): its indented lines, up to the next heading.
QStringList helpSection(const QString& help, const QString& heading, const QRegularExpression& entry) {
    QStringList out;
    bool in = false;
    for (const QString& line : help.split('\n')) {
        if (line.startsWith(heading)) in = true;
        else if (!line.startsWith(' ') && !line.isEmpty()) in = false;
        const auto m = entry.match(line);
        if (in && m.hasMatch()) out << m.captured(1);
    }
    return out;
}

/// The long options a --help text lists in its "Options:" part (CLI11's "  -h,--help  …" and
/// Qt's "  -h, --help  …"), not options its descriptions mention.
Options helpOptions(const QString& help) {
    static const QRegularExpression optionLine(QStringLiteral("^  (?:-[A-Za-z], ?)?(--[a-z0-9][a-z0-9-]*)"));
    const QStringList options = helpSection(help, QStringLiteral("Options:"), optionLine);
    return Options(options.begin(), options.end());
}

/// The subcommands a CLI11 --help lists under "Subcommands:".
QStringList helpSubcommands(const QString& help) {
    static const QRegularExpression name(QStringLiteral("^  ([a-z][a-z0-9-]*)\\s"));
    return helpSection(help, QStringLiteral("Subcommands:"), name);
}

/// A man page's sections: ".SH NAME" and ".SS name" headings → the long options of the tag
/// lines of the .TP paragraphs under them (troff's "\-" read as "-").
std::map<QString, Options> manSections(const QString& page) {
    std::map<QString, Options> out;
    QString section;
    bool tag = false;
    static const QRegularExpression option(QStringLiteral("(--[a-z0-9][a-z0-9-]*)"));
    for (QString line : page.split('\n')) {
        line.replace(QStringLiteral("\\-"), QStringLiteral("-"));
        if (line.startsWith(".SH ") || line.startsWith(".SS ")) {
            section = line.mid(4).remove('"').trimmed();
            out[section];
            tag = false;
            continue;
        }
        if (line.startsWith(".TP")) {
            tag = true;
            continue;
        }
        if (tag) {
            for (auto it = option.globalMatch(line); it.hasNext();) out[section].insert(it.next().captured(1));
            tag = false;
        }
    }
    return out;
}

QString describe(const Options& o) {
    QStringList l(o.begin(), o.end());
    return l.join(' ');
}

Options minus(const Options& a, const Options& b) {
    Options out;
    for (const auto& x : a)
        if (!b.count(x)) out.insert(x);
    return out;
}

/// groff's complaints about a page, as lintian reports them; null when man is not installed.
std::optional<QString> manWarnings(const QString& page) {
    if (QStandardPaths::findExecutable("man").isEmpty()) return std::nullopt;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("MANWIDTH", "80");
    p.setProcessEnvironment(env);
    p.start("man", {"--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", page});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardError()).trimmed();
}

const QString kSource = QStringLiteral(CARDIOSEG_SOURCE_DIR);
const QString kMan = kSource + "/packaging/man/";

/// The first entry's version and the first date line of a Debian changelog.
std::pair<QString, QString> changelogHead(const QString& text) {
    static const QRegularExpression head(QStringLiteral("^cardioseg \\(([^)]+)\\) [a-z-]+; urgency=[a-z]+$"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression trailer(
        QStringLiteral("^ -- [^<]+<[^>]+@[^>]+>  [A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [+-][0-9]{4}$"),
        QRegularExpression::MultilineOption);
    const auto h = head.match(text);
    const auto t = trailer.match(text);
    return {h.hasMatch() ? h.captured(1) : QString(), t.hasMatch() ? t.captured(0) : QString()};
}

}  // namespace

class TestPackaging : public QObject {
    Q_OBJECT

private slots:
    void helpParsersFindWhatTheyShould() {
        // The parsers below can fail: they find options and subcommands, and only in their lists.
        const QString help = "Usage: x\n\nOptions:\n  -h,--help   Print\n  --json      One object (see --model)\n"
                             "\nSubcommands:\n  info        Describe\n  bench       Time\n";
        QCOMPARE(helpOptions(help), (Options{"--help", "--json"}));
        QCOMPARE(helpSubcommands(help), (QStringList{"info", "bench"}));
        const auto man = manSections(".SH OPTIONS\n.TP\n.B \\-\\-version\nSee \\-\\-help.\n.SS \"pacs find\"\n"
                                     ".TP\n.BI \\-\\-level \" x\"\n");
        QCOMPARE(man.at("OPTIONS"), (Options{"--version"}));
        QCOMPARE(man.at("pacs find"), (Options{"--level"}));
    }

    void cliManPageListsEveryCommandAndOption() {
        const auto sections = manSections(readFile(kMan + "cardioseg-cli.1"));
        QVERIFY(sections.count("COMMANDS"));
        QStringList problems;
        const Run top = run(CARDIOSEG_CLI, {"--help"});
        QCOMPARE(top.code, 0);
        if (helpOptions(top.out) != sections.at("OPTIONS"))
            problems << "OPTIONS: --help lists " + describe(helpOptions(top.out)) + ", the page " +
                            describe(sections.at("OPTIONS"));
        // Every command, depth first: its section (or, for the commands of a group such as
        // "pacs", the group's section for the options they share) lists exactly its options.
        std::set<QString> documented;
        QStringList queue = helpSubcommands(top.out);
        int commands = 0;
        while (!queue.isEmpty()) {
            const QString command = queue.takeFirst();
            const Run help = run(CARDIOSEG_CLI, command.split(' ') << "--help");
            if (help.code != 0) {
                problems << command + " --help: exit " + QString::number(help.code);
                continue;
            }
            const QStringList sub = helpSubcommands(help.out);
            for (const QString& s : sub) queue << command + ' ' + s;
            Options options = helpOptions(help.out);
            options.erase("--help");  // every command's, documented once under OPTIONS
            if (!sub.isEmpty() && options.empty()) continue;  // a group such as "bench": its commands have sections
            ++commands;
            const QString group = command.section(' ', 0, 0);
            const bool grouped = command.contains(' ') && sections.count(group);
            if (!sections.count(command)) {
                problems << command + ": no section in cardioseg-cli.1";
                continue;
            }
            documented.insert(command);
            Options onPage = sections.at(command);
            if (grouped) {
                documented.insert(group);
                const Options& shared = sections.at(group);
                if (const Options extra = minus(shared, options); !extra.empty())
                    problems << command + ": the page's \"" + group + "\" section lists " + describe(extra) +
                                    ", which its --help does not";
                onPage.insert(shared.begin(), shared.end());
            }
            if (const Options missing = minus(options, onPage); !missing.empty())
                problems << command + ": --help lists " + describe(missing) + ", the page does not";
            if (const Options extra = minus(onPage, options); !extra.empty())
                problems << command + ": the page lists " + describe(extra) + ", --help does not";
        }
        QVERIFY2(commands >= 17, qPrintable(QString::number(commands)));
        // No section for a command that no longer exists.
        for (const auto& [name, options] : sections)
            if (name == name.toLower() && !documented.count(name))
                problems << "section \"" + name + "\" names no command";
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void guiManPageListsEveryOption() {
#ifndef CARDIOSEG_GUI
        QSKIP("built without the workstation (CARDIOSEG_BUILD_GUI=OFF)");
#else
        const Run help = run(CARDIOSEG_GUI, {"--help"});
        QCOMPARE(help.code, 0);
        const Options options = helpOptions(help.out);
        QVERIFY2(options.count("--screenshot") && options.count("--model"), qPrintable(help.out));
        const auto sections = manSections(readFile(kMan + "cardioseg.1"));
        QCOMPARE(describe(sections.at("OPTIONS")), describe(options));
#endif
    }

    void trainClusterManPageListsItsModes() {
        const Run help = run("bash", {kSource + "/packaging/train-cluster.sh", "--help"});
        QCOMPARE(help.code, 0);
        // Under its installed name, the usage names it so.
        QVERIFY2(help.out.contains("train-cluster.sh local N [--port P]"), qPrintable(help.out));
        const QString page = readFile(kMan + "cardioseg-train-cluster.1");
        const auto sections = manSections(page);
        QCOMPARE(describe(sections.at("OPTIONS")), QStringLiteral("--help --port"));
        QCOMPARE(describe(sections.at("MODES")), QString());
        QVERIFY(page.contains(".BI local \" n\"") && page.contains(".B slurm"));
        const Run wrong = run("bash", {kSource + "/packaging/train-cluster.sh", "bogus"});
        QCOMPARE(wrong.code, 2);
        QVERIFY(wrong.out.isEmpty() && wrong.err.contains("local N"));
    }

    void manPagesFormatWithoutWarnings() {
        for (const char* page : {"cardioseg.1", "cardioseg-cli.1", "cardioseg-train-cluster.1"}) {
            const auto warnings = manWarnings(QStringLiteral(CARDIOSEG_BUILD_PACKAGING) + "/man/" + page);
            if (!warnings) QSKIP("man is not installed (Debian: man-db)");
            QVERIFY2(warnings->isEmpty(), qPrintable(QString(page) + ": " + *warnings));
        }
    }

    void versionComesFromOnePlace() {
        const QString version = QStringLiteral(CARDIOSEG_VERSION);
        QVERIFY(QRegularExpression("^[0-9]+\\.[0-9]+\\.[0-9]+$").match(version).hasMatch());
        const Run cli = run(CARDIOSEG_CLI, {"--version"});
        QCOMPARE(cli.code, 0);
        QCOMPARE(cli.out.trimmed(), "cardioseg-cli " + version);
#ifdef CARDIOSEG_GUI
        const Run gui = run(CARDIOSEG_GUI, {"--version"});
        QCOMPARE(gui.code, 0);
        QCOMPARE(gui.out.trimmed(), "CardioSeg " + version);
#endif
        // The changelog's first entry is this version, its trailer as Debian writes it.
        const auto [changed, trailer] = changelogHead(readFile(kSource + "/packaging/debian/changelog"));
        QCOMPARE(changed, version);
        QVERIFY(!trailer.isEmpty());
        // The generated man pages, AppStream metadata and package configuration carry it.
        const QString built = QStringLiteral(CARDIOSEG_BUILD_PACKAGING);
        QVERIFY(readFile(built + "/man/cardioseg-cli.1").contains("\"CardioSeg " + version + "\""));
        QVERIFY(readFile(built + "/org.cardioseg.CardioSeg.metainfo.xml").contains("<release version=\"" + version + "\""));
        QVERIFY(readFile(QStringLiteral(CARDIOSEG_BUILD_DIR) + "/CPackConfig.cmake")
                    .contains("set(CPACK_PACKAGE_VERSION \"" + version + "\")"));
    }

    void changelogCheckCanFail() {
        QCOMPARE(changelogHead("cardioseg (1.2.3) unstable; urgency=low\n\n  * x\n\n -- A <a@b.c>  Mon, 30 Nov 2026 "
                               "06:00:00 +0000\n")
                     .first,
                 QStringLiteral("1.2.3"));
        QVERIFY(changelogHead("cardioseg (1.2.3) unstable; urgency=low\n -- A  Mon, 30 Nov 2026\n").second.isEmpty());
    }

    void desktopEntryAndAppStreamValidate() {
        const QString desktop = kSource + "/packaging/org.cardioseg.CardioSeg.desktop";
        const QString metainfo = QStringLiteral(CARDIOSEG_BUILD_PACKAGING) + "/org.cardioseg.CardioSeg.metainfo.xml";
        if (QStandardPaths::findExecutable("desktop-file-validate").isEmpty() ||
            QStandardPaths::findExecutable("appstreamcli").isEmpty())
            QSKIP("desktop-file-validate or appstreamcli is not installed (Debian: desktop-file-utils, appstream)");
        const Run d = run("desktop-file-validate", {desktop});
        QCOMPARE(d.code, 0);
        QVERIFY2((d.out + d.err).trimmed().isEmpty(), qPrintable(d.out + d.err));  // not even a hint
        // --no-net: the screenshot's address is checked for its form, not fetched.
        const Run a = run("appstreamcli", {"validate", "--no-net", metainfo});
        QVERIFY2(a.code == 0, qPrintable(a.out + a.err));
        QVERIFY2(!a.out.contains(QRegularExpression("^[EW]:", QRegularExpression::MultilineOption)),
                 qPrintable(a.out));
    }

    void iconsAreTheSizesTheirFoldersSay() {
        const QDir hicolor(kSource + "/resources/icons/hicolor");
        const QStringList sizes = hicolor.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(sizes.contains("48x48") && sizes.contains("256x256"));
        for (const QString& size : sizes) {
            QFile f(hicolor.filePath(size + "/apps/org.cardioseg.CardioSeg.png"));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QByteArray head = f.read(24);  // PNG signature, IHDR: width, height (big-endian)
            QVERIFY(head.startsWith("\x89PNG\r\n\x1a\n") && head.mid(12, 4) == "IHDR");
            const auto be32 = [&](int at) {
                quint32 v = 0;
                for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<quint8>(head[at + i]);
                return v;
            };
            QCOMPARE(QStringLiteral("%1x%2").arg(be32(16)).arg(be32(20)), size);
        }
        QVERIFY(readFile(kSource + "/resources/icons/cardioseg.svg").contains("<svg"));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "test_packaging.moc"
