// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/plaintitle.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// Titles as words: the Markdown a first message or a model put in them is gone, the words stay.
class TestPlainTitle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdownIsStripped_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("plain");
        QTest::newRow("bold and code") << u"**Plan** for `x`"_s << u"Plan for x"_s;
        QTest::newRow("italic and strike") << u"_Quick_ *idea* ~~old~~"_s << u"Quick idea old"_s;
        QTest::newRow("heading") << u"## Notes on Rust"_s << u"Notes on Rust"_s;
        QTest::newRow("link") << u"See [the docs](https://example.org) first"_s << u"See the docs first"_s;
        QTest::newRow("image") << u"![chart](https://example.org/c.png) numbers"_s << u"chart numbers"_s;
        QTest::newRow("quote") << u"> quoted question"_s << u"quoted question"_s;
        QTest::newRow("bullet") << u"- groceries"_s << u"groceries"_s;
        QTest::newRow("numbered keeps its number") << u"3. Third step"_s << u"3. Third step"_s;
        QTest::newRow("escapes") << u"1\\*2 \\_a\\_"_s << u"1*2 _a_"_s;
        QTest::newRow("entity") << u"Salt &amp; pepper &#64;home"_s << u"Salt & pepper @home"_s;
        QTest::newRow("snake case stays") << u"rename my_var_name"_s << u"rename my_var_name"_s;
        QTest::newRow("plain text unchanged") << u"Trip to Brindisi"_s << u"Trip to Brindisi"_s;
        QTest::newRow("html stays text") << u"<b>bold</b> & <img src=x>"_s << u"<b>bold</b> & <img src=x>"_s;
        QTest::newRow("only a fence") << u"```python"_s << u"```python"_s;
        QTest::newRow("rule") << u"---"_s << u"---"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ellipsis of a long title") << u"Explain **this**…"_s << u"Explain this…"_s;
    }
    void markdownIsStripped()
    {
        QFETCH(QString, title);
        QFETCH(QString, plain);
        QCOMPARE(plainTitle(title), plain);
    }
};

QTEST_GUILESS_MAIN(TestPlainTitle)
#include "tst_plaintitle.moc"
