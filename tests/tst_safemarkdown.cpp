// SPDX-License-Identifier: GPL-3.0-or-later
#include "safemarkdown.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

using namespace Qt::StringLiterals;

/// Model text through SafeMarkdown and then Qt's own Markdown reader, configured as the window's
/// Text.MarkdownText is (GitHub dialect, HTML on): all of it shows, as text, and nothing is an image.
class TestSafeMarkdown : public QObject
{
    Q_OBJECT

private:
    struct Rendered
    {
        QString text;
        int images = 0;
        QStringList links;
    };
    static SafeMarkdown::ProseStyle style()
    {
        return { QColor(u"#11223344"_s), QColor(u"#556677"_s), QColor(u"#778899"_s), 14, 10 };
    }
    /// As the window's prose shows it: SafeMarkdown::toHtml in a rich-text document.
    static Rendered renderHtml(const QString &markdown)
    {
        QTextDocument document;
        document.setHtml(SafeMarkdown::toHtml(markdown, style()));
        return collect(document);
    }
    static Rendered render(const QString &markdown)
    {
        QTextDocument document;
        document.setMarkdown(SafeMarkdown::toDisplay(markdown));
        return collect(document);
    }
    static Rendered collect(const QTextDocument &document)
    {
        Rendered r;
        r.text = document.toPlainText();
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.isImageFormat())
                    ++r.images;
                if (format.isAnchor())
                    r.links << format.anchorHref();
            }
        }
        return r;
    }

private Q_SLOTS:
    void rawHtmlShowsAsText_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("mustShow");
        QTest::newRow("generic type") << u"Use a Vec<String> here."_s << QStringList { u"Use a Vec<String> here."_s };
        QTest::newRow("list of templates")
            << u"- std::vector<int> holds ints\n- std::map<K, V> maps"_s
            << QStringList { u"std::vector<int> holds ints"_s, u"std::map<K, V> maps"_s };
        QTest::newRow("think tag") << u"<think>\nplanning\n</think>\nThe answer is 42."_s
                                   << QStringList { u"<think>"_s, u"planning"_s, u"The answer is 42."_s };
        QTest::newRow("html block") << u"<div>\n\n**bold** after\n</div>"_s
                                    << QStringList { u"<div>"_s, u"bold after"_s, u"</div>"_s };
        QTest::newRow("script") << u"a <script>alert(1)</script> b"_s
                                << QStringList { u"a <script>alert(1)</script> b"_s };
        QTest::newRow("comment") << u"x <!-- hidden --> y"_s << QStringList { u"x <!-- hidden --> y"_s };
        QTest::newRow("code span keeps its text") << u"Call `f<T>()` now"_s << QStringList { u"Call f<T>() now"_s };
        QTest::newRow("escaped by the writer") << u"a \\<b> c"_s << QStringList { u"a <b> c"_s };
        QTest::newRow("tilde fence untouched") << u"~~~\nx < y && <b>\n~~~"_s << QStringList { u"x < y && <b>"_s };
        QTest::newRow("markdown still works")
            << u"**bold** and `code` and [site](https://example.org)"_s << QStringList { u"bold and code and site"_s };
    }
    void rawHtmlShowsAsText()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, mustShow);
        for (const Rendered &r : { render(markdown), renderHtml(markdown) }) {
            for (const QString &piece : mustShow)
                QVERIFY2(r.text.contains(piece), qPrintable(u"missing \"%1\" in: %2"_s.arg(piece, r.text)));
            QCOMPARE(r.images, 0);
        }
    }

    void noImageEverLoads_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("image") << u"![](http://127.0.0.1:9/x.png?leak=secret)"_s;
        QTest::newRow("image with alt") << u"see ![a chart](http://127.0.0.1:9/x.png)"_s;
        QTest::newRow("reference image") << u"![chart][r]\n\n[r]: http://127.0.0.1:9/x.png"_s;
        QTest::newRow("img tag") << u"<img src=\"http://127.0.0.1:9/x.png\">"_s;
        QTest::newRow("img inline") << u"text <img src=http://127.0.0.1:9/x.png> text"_s;
        // Places where a naive escaper and the Markdown parser disagree about what is code.
        QTest::newRow("indented fence in a list") << u"- item\n  ```\n<img src=http://127.0.0.1:9/x.png>\n```"_s;
        QTest::newRow("indented fence") << u"    ```\n<img src=http://127.0.0.1:9/x.png>"_s;
        QTest::newRow("code span across a table cell")
            << u"| a | b |\n|---|---|\n| `x | <img src=http://127.0.0.1:9/x.png> | y` |"_s;
        QTest::newRow("code span across paragraphs") << u"`a\n\n<img src=http://127.0.0.1:9/x.png>\n\n`"_s;
        QTest::newRow("code span across a heading") << u"`a\n# <img src=http://127.0.0.1:9/x.png> `"_s;
        QTest::newRow("fence with a backtick info") << u"```a`b\n<img src=http://127.0.0.1:9/x.png>\n```"_s;
        QTest::newRow("image in a link") << u"[![x](http://127.0.0.1:9/x.png)](https://example.org)"_s;
    }
    void noImageEverLoads()
    {
        QFETCH(QString, markdown);
        const Rendered r = render(markdown);
        QCOMPARE(r.images, 0);
        // A plain QTextDocument drops raw HTML it cannot load, so "no image fragment" is not enough:
        // a tag left in must show as text, which only happens when the parser did not read it as HTML.
        QVERIFY2(
            !SafeMarkdown::toDisplay(markdown).contains(u"<img"_s) || r.text.contains(u"<img"_s), qPrintable(r.text));
        // The window's HTML holds no tag but its own: a tag of the text is escaped, and shows.
        const QString html = SafeMarkdown::toHtml(markdown, style());
        QVERIFY2(!html.contains(u"<img"_s, Qt::CaseInsensitive), qPrintable(html));
        const Rendered shown = renderHtml(markdown);
        QCOMPARE(shown.images, 0);
        QVERIFY2(!markdown.contains(u"<img"_s) || shown.text.contains(u"<img"_s), qPrintable(shown.text));
    }

    void imagesBecomeLinks()
    {
        const Rendered withAlt = render(u"see ![a chart](https://example.org/x.png) here"_s);
        QCOMPARE(withAlt.text, u"see !a chart here"_s);
        QCOMPARE(withAlt.links, QStringList { u"https://example.org/x.png"_s });
        const Rendered bare = render(u"![](https://example.org/y.png)"_s);
        QCOMPARE(bare.text, u"!image"_s);
        QCOMPARE(bare.links, QStringList { u"https://example.org/y.png"_s });
        const Rendered html = renderHtml(u"see ![a chart](https://example.org/x.png) here"_s);
        QCOMPARE(html.text, u"see !a chart here"_s);
        QCOMPARE(html.links, QStringList { u"https://example.org/x.png"_s });
        QCOMPARE(renderHtml(u"![](https://example.org/y.png)"_s).text, u"!image"_s);
    }

    // What the window's prose looks like: each structure checked in the document Qt builds from it.
    void paragraphsAreSpaced()
    {
        QTextDocument document;
        document.setHtml(
            SafeMarkdown::toHtml(u"First paragraph.\n\nSecond paragraph.\nSame one, next line."_s, style()));
        QCOMPARE(document.blockCount(), 2);
        const QTextBlock first = document.begin();
        const QTextBlock second = first.next();
        QCOMPARE(first.text(), u"First paragraph."_s);
        QCOMPARE(first.blockFormat().topMargin(), 0.0);
        QCOMPARE(second.blockFormat().topMargin(), 10.0);
        // A single newline is a line break, as the person or the model wrote it.
        QCOMPARE(second.text(), u"Second paragraph.\u2028Same one, next line."_s);
    }

    void headingsListsAndTasksKeepTheirShape()
    {
        QTextDocument document;
        document.setHtml(SafeMarkdown::toHtml(u"# Title\n\n- one\n- two\n\n3. three\n\n- [x] done"_s, style()));
        QTextBlock block = document.begin();
        QCOMPARE(block.text(), u"Title"_s);
        QCOMPARE(block.blockFormat().topMargin(), 0.0);
        QCOMPARE(block.begin().fragment().charFormat().font().pixelSize(), 18); // 1.3 times the body's 14 px
        QVERIFY(block.begin().fragment().charFormat().fontWeight() >= QFont::Bold);
        block = block.next();
        QVERIFY(block.textList());
        QCOMPARE(block.textList()->format().style(), QTextListFormat::ListDisc);
        QCOMPARE(block.textList()->count(), 2);
        block = block.next().next();
        QVERIFY(block.textList());
        QCOMPARE(block.textList()->format().style(), QTextListFormat::ListDecimal);
        QCOMPARE(block.text(), u"three"_s);
        QCOMPARE(block.next().text(), u"☑ done"_s);
    }

    void inlineCodeHasABackground()
    {
        QTextDocument document;
        document.setHtml(SafeMarkdown::toHtml(u"Call `make  all` now"_s, style()));
        bool found = false;
        for (auto it = document.begin().begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.text() != u"make  all"_s)
                continue;
            found = true;
            QCOMPARE(fragment.charFormat().background().color(), style().codeBackground);
            QVERIFY(fragment.charFormat().fontFamilies().toStringList().contains(u"monospace"_s));
        }
        QVERIFY2(found, qPrintable(document.toPlainText()));
    }

    void tablesHaveSingleRulesAndAHeaderRow()
    {
        QTextDocument document;
        document.setHtml(
            SafeMarkdown::toHtml(u"| Name | Size |\n|------|-----:|\n| a.txt | 12 |\n| b.txt | 3 |"_s, style()));
        QTextTable *table = nullptr;
        for (QTextFrame *frame : document.rootFrame()->childFrames())
            table = table ? table : qobject_cast<QTextTable *>(frame);
        QVERIFY(table);
        QCOMPARE(table->rows(), 3);
        QCOMPARE(table->columns(), 2);
        const QTextTableFormat format = table->format();
        QVERIFY(format.borderCollapse());
        QCOMPARE(format.border(), 1.0);
        QCOMPARE(format.cellSpacing(), 0.0);
        QCOMPARE(format.borderStyle(), QTextFrameFormat::BorderStyle_Solid);
        QCOMPARE(format.borderBrush().color(), style().rule);
        QVERIFY(format.cellPadding() > 0);
        // The header row: bold, over a heavier rule.
        QCOMPARE(table->cellAt(0, 0).format().toTableCellFormat().bottomBorder(), 2.0);
        QVERIFY(table->cellAt(0, 0).firstCursorPosition().charFormat().fontWeight() >= QFont::Bold);
        QVERIFY(table->cellAt(1, 0).format().toTableCellFormat().bottomBorder() < 2.0);
        QVERIFY(table->cellAt(1, 0).firstCursorPosition().charFormat().fontWeight() < QFont::Bold);
        QCOMPARE(table->cellAt(1, 1).firstCursorPosition().block().text(), u"12"_s);
        QVERIFY(table->cellAt(1, 1).firstCursorPosition().blockFormat().alignment().testFlag(Qt::AlignRight));
        QVERIFY(!table->cellAt(1, 0).firstCursorPosition().blockFormat().alignment().testFlag(Qt::AlignRight));
    }

    void quotesHaveARuleOnTheLeft()
    {
        QTextDocument document;
        document.setHtml(SafeMarkdown::toHtml(u"Before.\n\n> Quoted words.\n\nAfter."_s, style()));
        QTextTable *quote = nullptr;
        for (QTextFrame *frame : document.rootFrame()->childFrames())
            quote = quote ? quote : qobject_cast<QTextTable *>(frame);
        QVERIFY(quote);
        QCOMPARE(quote->columns(), 2);
        // The rule: a narrow first cell of the rule's colour, with nothing in it.
        QCOMPARE(quote->cellAt(0, 0).format().background().color(), style().rule);
        QCOMPARE(quote->format().columnWidthConstraints().value(0), QTextLength(QTextLength::FixedLength, 3));
        QVERIFY(quote->cellAt(0, 0).firstCursorPosition().block().text().isEmpty());
        const QTextCursor inside = quote->cellAt(0, 1).firstCursorPosition();
        QCOMPARE(inside.block().text(), u"Quoted words."_s);
        QCOMPARE(inside.charFormat().foreground().color(), style().quoteText);
        QCOMPARE(quote->cellAt(0, 1).format().toTableCellFormat().leftPadding(), 10.0);
        QVERIFY(document.toPlainText().contains(u"After."_s));
    }

    void structureIsEscapedText()
    {
        // Markup inside what the text says stays text, even in a table cell, a link or a code span.
        const QString html = SafeMarkdown::toHtml(
            u"| <b>x</b> | `</td><img src=y>` |\n|---|---|\n| [a\"><img src=z>](https://x.org/\"><img>) | c |"_s,
            style());
        QVERIFY2(!html.contains(u"<b>x"_s) && !html.contains(u"<img"_s), qPrintable(html));
        const Rendered shown = renderHtml(u"| <b>x</b> | `</td><img src=y>` |\n|---|---|\n| a | c |"_s);
        QVERIFY2(
            shown.text.contains(u"<b>x</b>"_s) && shown.text.contains(u"</td><img src=y>"_s), qPrintable(shown.text));
        QCOMPARE(shown.images, 0);
    }

    void openableLinks_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("openable");
        QTest::newRow("https") << u"https://example.org/a?b=c"_s << true;
        QTest::newRow("http") << u"http://example.org"_s << true;
        QTest::newRow("upper-case scheme") << u"HTTPS://example.org"_s << true;
        QTest::newRow("mailto") << u"mailto:someone@example.org"_s << true;
        QTest::newRow("file") << u"file:///etc/passwd"_s << false;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
        QTest::newRow("data") << u"data:text/html,<b>x</b>"_s << false;
        QTest::newRow("ssh") << u"ssh://host"_s << false;
        QTest::newRow("custom handler") << u"steam://run/1"_s << false;
        QTest::newRow("relative") << u"x.png"_s << false;
        QTest::newRow("no host") << u"https:///path"_s << false;
        QTest::newRow("empty mailto") << u"mailto:"_s << false;
    }
    void openableLinks()
    {
        QFETCH(QString, url);
        QFETCH(bool, openable);
        QCOMPARE(SafeMarkdown::isOpenableLink(QUrl(url)), openable);
    }
};

QTEST_MAIN(TestSafeMarkdown)
#include "tst_safemarkdown.moc"
