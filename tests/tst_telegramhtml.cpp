// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketelegramserver.h"
#include "telegram/telegramhtml.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTelegramHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendering_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("html");
        QTest::newRow("spans") << u"**bold**, _it_, `code`, ~~old~~"_s
                               << u"<b>bold</b>, <i>it</i>, <code>code</code>, <s>old</s>"_s;
        QTest::newRow("escaping") << u"if a < b && c > d"_s << u"if a &lt; b &amp;&amp; c &gt; d"_s;
        QTest::newRow("raw html is text")
            << u"<script>alert(1)</script>"_s << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s;
        QTest::newRow("code block") << u"```python\nprint(1 < 2)\n```"_s
                                    << u"<pre><code class=\"language-python\">print(1 &lt; 2)</code></pre>"_s;
        QTest::newRow("plain code block") << u"```\nls -l\n```"_s << u"<pre>ls -l</pre>"_s;
        // A fence line that names no language is shown, not hidden in an attribute (a part of a
        // reply that repeated a 5,000-character fence line would otherwise be empty).
        QTest::newRow("implausible language") << u"```xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n```"_s
                                              << u"<pre>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</pre>"_s;
        QTest::newRow("info with markup") << u"```<b>\nx\n```"_s << u"<pre>&lt;b&gt;\nx</pre>"_s;
        QTest::newRow("language and words")
            << u"```c++ main file\nint x;\n```"_s << u"<pre><code class=\"language-c++\">int x;</code></pre>"_s;
        QTest::newRow("link") << u"[site](https://x.com/?a=1&b=2)"_s
                              << u"<a href=\"https://x.com/?a=1&amp;b=2\">site</a>"_s;
        QTest::newRow("lists") << u"- one\n- two\n\n1. a\n2. b"_s << u"• one\n• two\n\n1. a\n2. b"_s;
        QTest::newRow("nested list") << u"- one\n  - inner\n- two"_s << u"• one\n  • inner\n• two"_s;
        QTest::newRow("heading") << u"# Title\n\nBody text"_s << u"<b>Title</b>\n\nBody text"_s;
        QTest::newRow("quote") << u"> wise words"_s << u"<blockquote>wise words</blockquote>"_s;
        QTest::newRow("line breaks kept") << u"first line\nsecond line"_s << u"first line\nsecond line"_s;
        QTest::newRow("entities") << u"&copy; &amp; &#169;"_s << u"&amp;copy; &amp; &#169;"_s;
        // Found by tests/fuzz/fuzz_telegramhtml: md4c opens this emphasis and never closes it.
        QTest::newRow("emphasis closing in a link target")
            << u"*a[b](https://c*) d"_s << u"<i>a<a href=\"https://c*\">b</a> d</i>"_s;
        // Found by tests/fuzz/fuzz_telegramhtml: md4c links a www inside a link's text; no link in a link.
        QTest::newRow("autolink in a link")
            << u"[see www.a.com](http://x)"_s << u"<a href=\"http://x\">see www.a.com</a>"_s;
        // Found by tests/fuzz/fuzz_telegramhtml: Telegram takes no quote inside a quote.
        QTest::newRow("nested quote") << u"> a\n> > b"_s << u"<blockquote>a\n\nb</blockquote>"_s;
    }
    void rendering()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, html);
        QCOMPARE(TelegramHtml::fromMarkdown(markdown), html);
    }

    void telegramAcceptsWhatWeSend()
    {
        FakeTelegramServer telegram(u"1:t"_s);
        QVERIFY(telegram.listen());
        telegram.addPrivateChat(5, u"Ann"_s);
        QNetworkAccessManager network;
        const QStringList samples = {
            u"# Plan\n\n1. **Book** the _ferry_ <early>\n2. Pack `sunscreen & hat`\n\n> \"Go\" [now](https://a.b/?x=<1>)"_s,
            u"```cpp\nif (a < b && c) { return \"x\"; }\n```\nAfter ~~that~~ | a | b |\n|---|---|\n| 1 | 2 |"_s,
            u"- *unclosed emphasis\n- **nested _spans_ here**\n  - deep `<b>`"_s,
            u"Tricky: a_b_c, 2*3*4, <<>>, &&, `` ` ``, \\*escaped\\*"_s,
        };
        for (const QString &sample : samples) {
            const QString html = TelegramHtml::fromMarkdown(sample);
            QNetworkRequest request(QUrl(telegram.apiBase() + u"/bot1:t/sendMessage"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            QNetworkReply *reply = network.post(request,
                QJsonDocument(QJsonObject { { "chat_id"_L1, 5 }, { "text"_L1, html }, { "parse_mode"_L1, "HTML"_L1 } })
                    .toJson());
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(10'000));
            const QByteArray body = reply->readAll();
            QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
                qPrintable(QString::fromUtf8(body) + u"\nfor\n"_s + html));
            reply->deleteLater();
        }
        QCOMPARE(telegram.messages(5).size(), samples.size());
        QVERIFY(telegram.messages(5).first().contains(u"Pack sunscreen & hat"_s));
    }
};

QTEST_GUILESS_MAIN(TestTelegramHtml)
#include "tst_telegramhtml.moc"
