// SPDX-License-Identifier: GPL-3.0-or-later
// Fenced code for the terminal: which language a fence names, how a streamed reply's code lines
// are coloured as they complete while prose passes through, and, where the build has
// KSyntaxHighlighting, the real plugin's colour sequences.
#include "cli/ansicodehighlighter.h"
#include "cli/codecolouring.h"
#include "text/codelanguage.h"

#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

/// Marks each line with the language it was asked for, so the test sees what was coloured.
class MarkingHighlighter : public AnsiCodeHighlighter
{
public:
    QString highlight(const QString &code, const QString &language) override
    {
        ++calls;
        QStringList lines = code.split(u'\n');
        for (QString &line : lines)
            line = u'<' + language + u'>' + line;
        return lines.join(u'\n');
    }
    int calls = 0;
};

class TestCodeColouring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languages_data()
    {
        QTest::addColumn<QString>("info");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("c++") << u"c++"_s << QString() << u"C++"_s;
        QTest::newRow("cpp") << u"cpp"_s << QString() << u"C++"_s;
        QTest::newRow("js") << u"js"_s << QString() << u"JavaScript"_s;
        QTest::newRow("ts") << u"TS"_s << QString() << u"TypeScript"_s;
        QTest::newRow("py with title") << u"py title=x.py"_s << QString() << u"Python"_s;
        QTest::newRow("sh") << u"sh"_s << QString() << u"Bash"_s;
        QTest::newRow("rs") << u"rs"_s << QString() << u"Rust"_s;
        QTest::newRow("pandoc style") << u"{.python}"_s << QString() << u"Python"_s;
        QTest::newRow("unknown kept") << u"Fortran"_s << QString() << u"fortran"_s;
        QTest::newRow("shebang env") << QString() << u"#!/usr/bin/env python3\nprint(1)"_s << u"Python"_s;
        QTest::newRow("shebang bash") << QString() << u"#!/bin/bash\necho hi"_s << u"Bash"_s;
        QTest::newRow("include") << QString() << u"#include <vector>\nint x;"_s << u"C++"_s;
        QTest::newRow("diff") << QString() << u"--- a/x\n+++ b/x\n@@ -1 +1 @@"_s << u"Diff"_s;
        QTest::newRow("nothing to go by") << QString() << u"hello there"_s << QString();
        QTest::newRow("text stays plain") << u"text"_s << u"#include <x>"_s << QString();
    }
    void languages()
    {
        QFETCH(QString, info);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        QCOMPARE(CodeLanguage::forFence(info, code), expected);
    }

    void withoutHighlighterEverythingPassesThrough()
    {
        CodeColouring colouring(nullptr);
        const QString text = u"Prose\n```cpp\nint x;\n```\n"_s;
        QCOMPARE(colouring.feed(text), text);
        QCOMPARE(colouring.finish(), QString());
    }

    void streamingColoursCodeLinesAsTheyComplete()
    {
        MarkingHighlighter marker;
        CodeColouring colouring(&marker);
        QCOMPARE(colouring.feed(u"Here "_s), u"Here "_s); // prose shows at once
        QCOMPARE(colouring.feed(u"it is:\n`"_s), u"it is:\n"_s); // a backtick may open a fence: held
        QCOMPARE(colouring.feed(u"``py\nimport os\nprint("_s), u"```py\n<Python>import os\x1b[0m\n"_s);
        QCOMPARE(colouring.feed(u"1)\n"_s), u"<Python>print(1)\x1b[0m\n"_s);
        QCOMPARE(colouring.feed(u"```\nDone `x`."_s), u"```\nDone `x`."_s);
        QCOMPARE(colouring.finish(), QString());
        // The whole block so far is highlighted each time, so state carries across lines.
        QCOMPARE(marker.calls, 2);
    }

    void aReplyEndingInsideABlockPrintsItsLastLine()
    {
        MarkingHighlighter marker;
        CodeColouring colouring(&marker);
        QCOMPARE(colouring.feed(u"```rs\nfn main() {}"_s), u"```rs\n"_s);
        QCOMPARE(colouring.finish(), u"<Rust>fn main() {}\x1b[0m"_s);
        // The next reply starts outside any block.
        QCOMPARE(colouring.feed(u"plain\n"_s), u"plain\n"_s);
    }

    void batchColoursIndentedBlocksOnce()
    {
        MarkingHighlighter marker;
        const QString text = u"assistant:\n    ```sh\n    ls\n    cd /\n    ```\n    after\n"_s;
        QCOMPARE(CodeColouring::colour(text, &marker),
            u"assistant:\n    ```sh\n<Bash>    ls\x1b[0m\n<Bash>    cd /\x1b[0m\n    ```\n    after\n"_s);
        QCOMPARE(marker.calls, 1);
    }

    void plainTextBlocksStayPlain()
    {
        MarkingHighlighter marker;
        QCOMPARE(CodeColouring::colour(u"```\nhello\n```\n"_s, &marker), u"```\nhello\n```\n"_s);
        QCOMPARE(marker.calls, 0);
    }

    void thePluginColoursAKeyword()
    {
#ifndef BATON_HAVE_ANSI_PLUGIN
        QSKIP("this build has no KF6SyntaxHighlighting: the terminal stays plain");
#else
        QString error;
        AnsiCodeHighlighter *plugin = CodeColouring::loadPlugin(&error);
        QVERIFY2(plugin, qPrintable(error));
        const QString code = u"int main() {\n    return 0; // done\n}"_s;
        const QString coloured = plugin->highlight(code, CodeLanguage::forFence(u"cpp"_s, code));
        qInfo().noquote() << "ANSI:" << QString(coloured).replace(u'\x1b', u"\\e"_s);
        // The keyword "return" is wrapped in a colour sequence of its own; the text is unchanged.
        static const QRegularExpression keyword(u"\x1b\\[38;[25];[0-9;]+m(return)\x1b\\[0m"_s);
        QVERIFY2(keyword.match(coloured).hasMatch(), qPrintable(coloured));
        QString stripped = coloured;
        stripped.remove(QRegularExpression(u"\x1b\\[[0-9;]*m"_s));
        QCOMPARE(stripped, code);
        QCOMPARE(coloured.count(u'\n'), code.count(u'\n'));
        // A language it does not know comes back as it was.
        QCOMPARE(plugin->highlight(u"x y z"_s, u"no-such-language"_s), u"x y z"_s);
#endif
    }

    void noColourOnAPipe()
    {
        // ctest gives the test a pipe or a file, never a terminal.
        if (isatty(STDOUT_FILENO) == 1)
            QSKIP("stdout is a terminal here");
        QCOMPARE(CodeColouring::forStdout(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestCodeColouring)
#include "tst_codecolouring.moc"
