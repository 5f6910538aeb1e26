// SPDX-License-Identifier: GPL-3.0-or-later
#include "discord/discordlinks.h"
#include "markdown/markdowndialect.h"
#include "slack/slackmrkdwn.h"
#include "telegram/telegramhtml.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// Model text written for a platform opens no control sequence, pings no one, links only to the web.
class TestMarkupSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slackHasNoControlSequences_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("mrkdwn");
        QTest::newRow("channel link") << u"[hi](!channel)"_s << u"hi"_s;
        QTest::newRow("user link") << u"[x](@U123)"_s << u"x"_s;
        QTest::newRow("subteam") << u"<!subteam^S1|team>"_s << u"&lt;!subteam^S1|team&gt;"_s;
        QTest::newRow("here") << u"<!here> and <@U123>"_s << u"&lt;!here&gt; and &lt;@\u2060U123&gt;"_s;
        QTest::newRow("at channel") << u"@channel @here"_s << u"@\u2060channel @\u2060here"_s;
        QTest::newRow("pipe in url") << u"[a](https://x.org/|<!channel>)"_s << u"<https://x.org/&lt;!channel&gt;|a>"_s;
        QTest::newRow("web link") << u"[ok](https://x.org/?a=1&b=2)"_s << u"<https://x.org/?a=1&amp;b=2|ok>"_s;
        QTest::newRow("mail") << u"[me](mailto:a@b.org)"_s << u"<mailto:a@b.org|me>"_s;
        QTest::newRow("javascript") << u"[x](javascript:alert(1))"_s << u"x"_s;
        QTest::newRow("code keeps @") << u"`@decorator`"_s << u"`@decorator`"_s;
    }
    void slackHasNoControlSequences()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, mrkdwn);
        QCOMPARE(SlackMrkdwn::fromMarkdown(markdown), mrkdwn);
    }

    void telegramMentionsNoOne()
    {
        QCOMPARE(TelegramHtml::fromMarkdown(u"[you](tg://user?id=111)"_s), u"you"_s);
        QCOMPARE(TelegramHtml::fromMarkdown(u"ask @ann"_s), u"ask @\u2060ann"_s);
        QCOMPARE(TelegramHtml::fromMarkdown(u"ask &#64;ann or &#x40;bob"_s), u"ask @\u2060ann or @\u2060bob"_s);
        QCOMPARE(TelegramHtml::fromMarkdown(u"&#65;"_s), u"&#65;"_s);
        QCOMPARE(TelegramHtml::fromMarkdown(u"[ok](https://x.org)"_s), u"<a href=\"https://x.org\">ok</a>"_s);
        QCOMPARE(TelegramHtml::fromMarkdown(u"a@b.org"_s).contains(u"mailto:a@b.org"_s), true);
    }

    void discordLinksLeadOnlyToTheWeb()
    {
        QCOMPARE(DiscordLinks::restrict(u"[x](javascript:alert) [y](<file:///etc/passwd>)"_s), u"x y"_s);
        QCOMPARE(DiscordLinks::restrict(u"see [docs](https://x.org \"t\") or [me](mailto:a@b.org)"_s),
            u"see [docs](https://x.org \"t\") or [me](mailto:a@b.org)"_s);
        QCOMPARE(DiscordLinks::restrict(u"```\n[x](javascript:a)\n``` [y](steam://run)"_s),
            u"```\n[x](javascript:a)\n``` y"_s);
    }

    void linkTargets()
    {
        QCOMPARE(safeLinkTarget(u"HTTPS://x.org"_s), u"HTTPS://x.org"_s);
        QCOMPARE(safeLinkTarget(u"www.x.org"_s), u"http://www.x.org"_s);
        QCOMPARE(safeLinkTarget(u"a@b.org"_s), u"mailto:a@b.org"_s);
        QVERIFY(safeLinkTarget(u"@U123"_s).isEmpty());
        QVERIFY(safeLinkTarget(u"!channel"_s).isEmpty());
        QVERIFY(safeLinkTarget(u"slack://open"_s).isEmpty());
        QVERIFY(safeLinkTarget(u"relative/path"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMarkupSafety)
#include "tst_markupsafety.moc"
