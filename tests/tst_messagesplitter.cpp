// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/messagesplitter.h"

#include <QRandomGenerator>
#include <QSet>

#include <QRegularExpression>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;

class TestMessageSplitter : public QObject
{
    Q_OBJECT

private:
    static void checkLimits(const QStringList &parts, int limit)
    {
        QVERIFY(!parts.isEmpty());
        for (const QString &part : parts) {
            QVERIFY2(part.size() <= limit, qPrintable(u"%1 > %2"_s.arg(part.size()).arg(limit)));
            QVERIFY(!part.isEmpty());
            // No lone surrogate: the part survives a UTF-8 round trip.
            QCOMPARE(QString::fromUtf8(part.toUtf8()), part);
        }
    }

    /// Whether @p parts joined give @p text back, allowing for the fence lines the splitter adds
    /// (a closing fence that ends a part, a reopening line that starts the next) and for
    /// whitespace at the cuts. A part may align in more than one way, so every way is tried.
    static bool joinsBackTo(const QStringList &parts, const QString &text)
    {
        const auto withoutFirstLine = [](QStringView part) -> QStringView {
            const qsizetype newline = part.indexOf(u'\n');
            return newline >= 0 && part.startsWith(u"```") ? part.sliced(newline + 1).trimmed() : QStringView();
        };
        const auto withoutLastLine = [](QStringView part) -> QStringView {
            const qsizetype newline = part.lastIndexOf(u'\n');
            return newline >= 0 && part.sliced(newline + 1).startsWith(u"```") ? part.first(newline).trimmed()
                                                                               : QStringView();
        };
        QSet<QPair<qsizetype, qsizetype>> deadEnds;
        std::function<bool(qsizetype, qsizetype)> from = [&](qsizetype i, qsizetype at) {
            while (at < text.size() && text.at(at).isSpace())
                ++at;
            if (i == parts.size())
                return at == text.size();
            if (deadEnds.contains({ i, at }))
                return false;
            const QStringView part(parts.at(i));
            const QStringView rest = QStringView(text).sliced(at);
            for (const QStringView candidate :
                { part, withoutLastLine(part), withoutFirstLine(part), withoutLastLine(withoutFirstLine(part)) }) {
                if (!candidate.isNull() && rest.startsWith(candidate) && from(i + 1, at + candidate.size()))
                    return true;
            }
            deadEnds.insert({ i, at });
            return false;
        };
        return from(0, 0);
    }

    static void checkRoundTrip(const QStringList &parts, const QString &text)
    {
        QVERIFY2(joinsBackTo(parts, text), "the parts do not join back into the reply");
    }

private Q_SLOTS:
    void shortTextIsOnePart()
    {
        QCOMPARE(MessageSplitter::split(u"hello **there**"_s, 4096), QStringList { u"hello **there**"_s });
    }

    void paragraphsStayWhole()
    {
        const QString a(60, u'a'), b(60, u'b'), c(60, u'c');
        const QStringList parts = MessageSplitter::split(a + u"\n\n"_s + b + u"\n\n"_s + c, 130);
        checkLimits(parts, 130);
        QCOMPARE(parts, (QStringList { a + u"\n\n"_s + b, c }));
    }

    void linesThenWordsThenHardCuts()
    {
        QString words;
        for (int i = 0; i < 200; ++i)
            words += u"word%1 "_s.arg(i);
        const QStringList byWords = MessageSplitter::split(words, 100);
        checkLimits(byWords, 100);
        for (const QString &part : byWords)
            QVERIFY2(
                QRegularExpression(u"word\\d+$"_s).match(part).hasMatch(), qPrintable(part)); // no word cut in half
        QCOMPARE(byWords.join(u' '), words.trimmed());

        const QString unbroken(1000, u'x');
        const QStringList hard = MessageSplitter::split(unbroken, 96);
        checkLimits(hard, 96);
        QCOMPARE(hard.join(QString()), unbroken);
    }

    void surrogatePairsAreNeverCut()
    {
        QString ships;
        for (int i = 0; i < 300; ++i)
            ships += u"🚢"_s;
        const QStringList parts = MessageSplitter::split(ships, 101); // odd: a naive cut lands mid-pair
        checkLimits(parts, 101);
        QCOMPARE(parts.join(QString()), ships);
    }

    void codeBlocksAreClosedAndReopened()
    {
        QString code = u"Here is the script:\n\n```python\n"_s;
        for (int i = 0; i < 40; ++i)
            code += u"print('line %1')\n"_s.arg(i);
        code += u"```\n\nThat is all."_s;
        const QStringList parts = MessageSplitter::split(code, 200);
        checkLimits(parts, 200);
        QVERIFY(parts.size() > 3);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const qsizetype fences = parts.at(i).count(u"```"_s);
            QVERIFY2(fences % 2 == 0, qPrintable(parts.at(i))); // every part renders on its own
            if (i > 0 && i + 1 < parts.size())
                QVERIFY2(parts.at(i).startsWith(u"```python\n"_s), qPrintable(parts.at(i)));
        }
        QVERIFY(parts.last().endsWith(u"That is all."_s));
        QString lines = parts.join(u'\n');
        for (int i = 0; i < 40; ++i)
            QCOMPARE(lines.count(u"print('line %1')"_s.arg(i)), 1); // nothing lost, nothing doubled
    }

    // A reply that once made the splitter loop for ever: a fence line longer than the limit,
    // then an emoji. Every platform's limit, and parts of a sane count.
    void longFenceLinesAreNotCarried_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("telegram") << 4096;
        QTest::newRow("slack") << 4000;
        QTest::newRow("discord") << 2000;
        QTest::newRow("tiny") << 100;
    }
    void longFenceLinesAreNotCarried()
    {
        QFETCH(int, limit);
        const QString text = u"```"_s + QString(5000, u'x') + u"\n🚢 ship it\nprint('hi')\n```\nDone."_s;
        const QStringList parts = MessageSplitter::split(text, limit);
        checkLimits(parts, limit);
        QVERIFY2(parts.size() <= 5000 / (limit / 2) + 3, qPrintable(QString::number(parts.size())));
        for (const QString &part : parts)
            QVERIFY(part.section(u'\n', 0, 0).size() <= limit); // a first line, never a 5,000-unit fence
        checkRoundTrip(parts, text);
    }

    void carriedFencesAreShort()
    {
        QString text = u"```"_s + QString(200, u'c') + u" and more words\n"_s;
        for (int i = 0; i < 400; ++i)
            text += u"line %1 of code\n"_s.arg(i);
        text += u"```"_s;
        const QStringList parts = MessageSplitter::split(text, 2000);
        checkLimits(parts, 2000);
        QVERIFY(parts.size() > 2);
        for (qsizetype i = 1; i < parts.size(); ++i) {
            QVERIFY2(parts.at(i).startsWith(u"```"_s), qPrintable(parts.at(i).left(80)));
            QVERIFY(parts.at(i).section(u'\n', 0, 0).size() <= MessageSplitter::maxCarriedFence);
        }
        checkRoundTrip(parts, text);
    }

    void graphemesStayWhole()
    {
        // A family emoji is several code points joined by ZWJ; a hard cut must not land inside.
        const QString family = u"👨‍👩‍👧"_s;
        QString text;
        for (int i = 0; i < 200; ++i)
            text += family;
        const QStringList parts = MessageSplitter::split(text, 101);
        checkLimits(parts, 101);
        for (const QString &part : parts)
            QCOMPARE(part.size() % family.size(), 0);
        QCOMPARE(parts.join(QString()), text);
    }

    void absurdLimitsAreRaisedToTheMinimum()
    {
        const QStringList parts = MessageSplitter::split(u"🚢🚢🚢🚢 ```py\nx\n```"_s, 1);
        checkLimits(parts, MessageSplitter::minimumLimit);
    }

    // Random replies built from the pieces that trip splitters (fences, long lines, emoji,
    // combining marks, blank lines), for each platform's limit and a few small ones.
    void randomRepliesKeepTheGuarantees()
    {
        const QStringList pieces { u"```"_s, u"````"_s, u"```cpp"_s, u"\n"_s, u"\n\n"_s, u" "_s, u"word"_s, u"🚢"_s,
            u"e\u0301"_s, u"👨‍👩‍👧"_s, QString(300, u'y'), u"```"_s + QString(90, u'z'), u"\t"_s };
        QRandomGenerator random(20261201);
        for (int round = 0; round < 300; ++round) {
            QString text;
            const int count = random.bounded(1, 400);
            for (int i = 0; i < count; ++i)
                text += pieces.at(random.bounded(pieces.size()));
            for (const int limit : { 8, 13, 64, 200, 2000, 4000, 4096 }) {
                const QStringList parts = MessageSplitter::split(text, limit);
                for (const QString &part : parts) {
                    QVERIFY2(part.size() <= limit, qPrintable(u"round %1 limit %2"_s.arg(round).arg(limit)));
                    QCOMPARE(QString::fromUtf8(part.toUtf8()), part);
                }
                checkRoundTrip(parts, text);
                if (QTest::currentTestFailed()) {
                    qWarning().noquote() << "round" << round << "limit" << limit;
                    return;
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMessageSplitter)
#include "tst_messagesplitter.moc"
