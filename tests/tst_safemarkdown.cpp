// SPDX-License-Identifier: GPL-3.0-or-later
#include "safemarkdown.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
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
    static Rendered render(const QString &markdown)
    {
        QTextDocument document;
        document.setMarkdown(SafeMarkdown::toDisplay(markdown));
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
        const Rendered r = render(markdown);
        for (const QString &piece : mustShow)
            QVERIFY2(r.text.contains(piece), qPrintable(u"missing \"%1\" in: %2"_s.arg(piece, r.text)));
        QCOMPARE(r.images, 0);
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
    }

    void imagesBecomeLinks()
    {
        const Rendered withAlt = render(u"see ![a chart](https://example.org/x.png) here"_s);
        QCOMPARE(withAlt.text, u"see !a chart here"_s);
        QCOMPARE(withAlt.links, QStringList { u"https://example.org/x.png"_s });
        const Rendered bare = render(u"![](https://example.org/y.png)"_s);
        QCOMPARE(bare.text, u"!image"_s);
        QCOMPARE(bare.links, QStringList { u"https://example.org/y.png"_s });
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
