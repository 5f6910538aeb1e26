// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/messagesplitter.h"

#include <QRegularExpression>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestMessageSplitter)
#include "tst_messagesplitter.moc"
