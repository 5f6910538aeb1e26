// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminaltext.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// Control sequences in model and platform text never reach the terminal; the words around them do.
class TestTerminalText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strip_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString esc = u"\x1b"_s;
        const QString bel = u"\x07"_s;
        QTest::newRow("plain") << u"Hello, world.\n\tIndented"_s << u"Hello, world.\n\tIndented"_s;
        QTest::newRow("OSC 52 clipboard, BEL") << u"a"_s + esc + u"]52;c;ZWNobyBoaQ=="_s + bel + u"b"_s << u"ab"_s;
        QTest::newRow("OSC 52 clipboard, ST") << u"a"_s + esc + u"]52;c;ZWNobyBoaQ=="_s + esc + u"\\b"_s << u"ab"_s;
        QTest::newRow("OSC 8 link") << esc + u"]8;;http://evil/"_s + esc + u"\\click"_s + esc + u"]8;;"_s + esc
                + u"\\"_s << u"click"_s;
        QTest::newRow("clear screen") << u"x"_s + esc + u"[2J"_s + esc + u"[H"_s + u"y"_s << u"xy"_s;
        QTest::newRow("colour") << esc + u"[1;31mred"_s + esc + u"[0m"_s << u"red"_s;
        QTest::newRow("charset") << esc + u"(Bok"_s << u"ok"_s;
        QTest::newRow("two-character") << esc + u"cafter reset"_s << u"after reset"_s;
        QTest::newRow("8-bit CSI") << u"a\u009b2Jb"_s << u"ab"_s;
        QTest::newRow("8-bit OSC") << u"a\u009d52;c;x\u009cb"_s << u"ab"_s;
        QTest::newRow("DCS") << esc + u"Pq#0;2;0;0;0"_s + esc + u"\\done"_s << u"done"_s;
        QTest::newRow("C0 and DEL") << u"a\rb\bc\x7f"
                                       u"d"_s
                + QChar(0) + u"e"_s
                + bel << u"abcde"_s;
        QTest::newRow("C1") << u"a\u0085b\u008ec"_s << u"abc"_s;
        QTest::newRow("unfinished OSC ends at the line") << esc + u"]0;title\nnext line"_s << u"\nnext line"_s;
        QTest::newRow("escape then newline") << u"a"_s + esc + u"\nb"_s << u"a\nb"_s;
        QTest::newRow("unicode stays") << u"Grüße — 你好 🚀"_s << u"Grüße — 你好 🚀"_s;
    }
    void strip()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(TerminalText::strip(input), expected);
    }

    void sequenceSplitAcrossChunksIsRemovedWhole()
    {
        const QString text = u"before\x1b]52;c;SGVsbG8=\x07"
                             u"after \x1b[31mred\x1b[0m."_s;
        // Every split point: the concatenated output must equal the one-go output.
        for (qsizetype cut = 0; cut <= text.size(); ++cut) {
            TerminalText filter;
            QString out = filter.filter(text.left(cut)); // two statements: the order matters
            out += filter.filter(text.mid(cut));
            QCOMPARE(out, u"beforeafter red."_s);
        }
    }

    void resetForgetsAnOpenSequence()
    {
        TerminalText filter;
        QCOMPARE(filter.filter(u"a\x1b]52;c;"_s), u"a"_s);
        filter.reset();
        QCOMPARE(filter.filter(u"visible"_s), u"visible"_s);
    }

    void noControlCharacterSurvivesAnyInput()
    {
        // An oracle over pseudo-random mixes of controls, introducers and text.
        const QList<char16_t> alphabet { 0x1b, u'[', u']', u'P', u'\\', 0x07, 0x9b, 0x9d, 0x9c, u'\n', u'\t', u'\r',
            u'a', u'5', u';', 0x7f, 0x85, u'm' };
        quint32 seed = 12345;
        for (int round = 0; round < 2000; ++round) {
            QString input;
            for (int i = 0; i < 40; ++i) {
                seed = seed * 1103515245u + 12345u;
                input += QChar(alphabet.at((seed >> 16) % alphabet.size()));
            }
            const QString out = TerminalText::strip(input);
            for (const QChar c : out) {
                const char16_t u = c.unicode();
                QVERIFY2(u == u'\n' || u == u'\t' || (u >= 0x20 && u != 0x7f && (u < 0x80 || u > 0x9f)),
                    qPrintable(u"control 0x%1 survived"_s.arg(int(u), 0, 16)));
            }
            QVERIFY(out.size() <= input.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
