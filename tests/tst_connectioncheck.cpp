// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/connectioncheck.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
struct Answer
{
    QString what;
    bool ok = false;
    QString sentence;
};
} // namespace

/// "Test connection" and `baton doctor` against each platform's fake and the fake model server:
/// a good token names the bot, a bad one says which secret to set, an address nobody listens on
/// says it cannot be reached, and no sentence ever holds the token.
class TestConnectionCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionCheck> m_check;

    /// The one finished() that follows @p start.
    template<typename Start> Answer run(Start start)
    {
        QSignalSpy finished(m_check.get(), &ConnectionCheck::finished);
        start();
        if (finished.isEmpty() && !finished.wait(20'000))
            return { {}, false, u"<no answer>"_s };
        if (finished.size() != 1)
            return { {}, false, u"<%1 answers>"_s.arg(finished.size()) };
        const QList<QVariant> args = finished.first();
        return { args.at(0).toString(), args.at(1).toBool(), args.at(2).toString() };
    }

    /// An address on 127.0.0.1 where nothing listens: a port just given back.
    [[nodiscard]] static QString closedAddress(const QString &path)
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost))
            return {};
        const quint16 port = server.serverPort();
        server.close();
        return u"http://127.0.0.1:%1%2"_s.arg(port).arg(path);
    }

private Q_SLOTS:
    void init()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_check = std::make_unique<ConnectionCheck>(m_network.get());
    }
    void cleanup()
    {
        m_check.reset();
        m_network.reset();
    }

    void telegramGoodTokenNamesTheBot()
    {
        FakeTelegramServer telegram(u"4242:good"_s);
        QVERIFY(telegram.listen());
        QSignalSpy identified(m_check.get(), &ConnectionCheck::identified);
        const Answer answer
            = run([&] { m_check->checkPlatform(u"telegram"_s, telegram.apiBase() + u"/"_s, u"4242:good"_s); });
        QCOMPARE(answer.what, u"telegram"_s);
        QVERIFY2(answer.ok, qPrintable(answer.sentence));
        QCOMPARE(answer.sentence, u"Connected as @baton_test_bot."_s);
        QCOMPARE(identified.size(), 1);
        QCOMPARE(identified.first().at(1).toString(), u"baton_test_bot"_s);
        QCOMPARE(telegram.calls(u"getMe"_s).size(), 1);
    }

    void telegramBadTokenSaysWhichSecretToSet()
    {
        FakeTelegramServer telegram(u"4242:good"_s);
        QVERIFY(telegram.listen());
        QSignalSpy identified(m_check.get(), &ConnectionCheck::identified);
        const Answer answer = run([&] { m_check->checkPlatform(u"telegram"_s, telegram.apiBase(), u"4242:bad"_s); });
        QVERIFY(!answer.ok);
        QVERIFY2(answer.sentence.startsWith(u"Telegram rejected the bot token"_s), qPrintable(answer.sentence));
        QVERIFY2(answer.sentence.contains(u"baton secret set telegram.token"_s), qPrintable(answer.sentence));
        QVERIFY(!answer.sentence.contains(u"4242:bad"_s));
        QCOMPARE(identified.size(), 0);
    }

    void telegramAnswerWithoutTheBotApiPointsAtApiBase()
    {
        FakeTelegramServer telegram(u"4242:good"_s);
        QVERIFY(telegram.listen());
        telegram.failNext(u"getMe"_s, FakeTelegramServer::Fault { 0, {}, {}, 0, true, false });
        const Answer answer = run([&] { m_check->checkPlatform(u"telegram"_s, telegram.apiBase(), u"4242:good"_s); });
        QVERIFY(!answer.ok);
        QVERIFY2(answer.sentence.contains(u"HTTP 502"_s) && answer.sentence.contains(u"api_base"_s),
            qPrintable(answer.sentence));
    }

    void telegramUnreachableNeverShowsTheToken()
    {
        const QString base = closedAddress({});
        QVERIFY(!base.isEmpty());
        const Answer answer = run([&] { m_check->checkPlatform(u"telegram"_s, base, u"4242:very-secret"_s); });
        QVERIFY(!answer.ok);
        QCOMPARE(answer.sentence, u"Telegram could not be reached: the connection was refused."_s);
    }

    void discordGoodTokenNamesTheBot()
    {
        FakeDiscordServer discord(u"discord-good"_s);
        QVERIFY(discord.listen());
        QSignalSpy identified(m_check.get(), &ConnectionCheck::identified);
        const Answer answer = run([&] { m_check->checkPlatform(u"discord"_s, discord.apiBase(), u"discord-good"_s); });
        QCOMPARE(answer.what, u"discord"_s);
        QVERIFY2(answer.ok, qPrintable(answer.sentence));
        QVERIFY2(answer.sentence.startsWith(u"Connected as "_s), qPrintable(answer.sentence));
        QCOMPARE(identified.size(), 1);
        QCOMPARE(identified.first().at(2).toString(), FakeDiscordServer::botUserId);
        QCOMPARE(discord.restCalls().size(), 1);
        QVERIFY(discord.restCalls().first().path.endsWith(u"users/@me"_s));
    }

    void discordBadTokenSaysWhichSecretToSet()
    {
        FakeDiscordServer discord(u"discord-good"_s);
        QVERIFY(discord.listen());
        const Answer answer = run([&] { m_check->checkPlatform(u"discord"_s, discord.apiBase(), u"discord-bad"_s); });
        QVERIFY(!answer.ok);
        QCOMPARE(
            answer.sentence, u"Discord rejected the bot token (401). Set it with `baton secret set discord.token`."_s);
    }

    void discordServerErrorIsReportedWithItsStatus()
    {
        FakeDiscordServer discord(u"discord-good"_s);
        QVERIFY(discord.listen());
        discord.failNext(u"users/@me"_s, 503);
        const Answer answer = run([&] { m_check->checkPlatform(u"discord"_s, discord.apiBase(), u"discord-good"_s); });
        QVERIFY(!answer.ok);
        QVERIFY2(answer.sentence.startsWith(u"Discord answered 503"_s), qPrintable(answer.sentence));
    }

    void discordUnreachable()
    {
        const QString base = closedAddress(u"/api/v10"_s);
        QVERIFY(!base.isEmpty());
        const Answer answer = run([&] { m_check->checkPlatform(u"discord"_s, base, u"discord-good"_s); });
        QVERIFY(!answer.ok);
        QCOMPARE(answer.sentence, u"Discord could not be reached: the connection was refused."_s);
    }

    void slackGoodTokenNamesTeamAndBot()
    {
        FakeSlackServer slack(u"xoxb-good"_s, u"xapp-good"_s);
        QVERIFY(slack.listen());
        QSignalSpy identified(m_check.get(), &ConnectionCheck::identified);
        const Answer answer = run([&] { m_check->checkPlatform(u"slack"_s, slack.apiBase(), u"xoxb-good"_s); });
        QCOMPARE(answer.what, u"slack"_s);
        QVERIFY2(answer.ok, qPrintable(answer.sentence));
        QCOMPARE(answer.sentence, u"Connected to Fake as @baton."_s);
        QCOMPARE(identified.size(), 1);
        QCOMPARE(identified.first().at(2).toString(), FakeSlackServer::botUserId);
        QCOMPARE(slack.calls(u"auth.test"_s).size(), 1);
    }

    void slackWithoutAnAppTokenSaysSocketModeNeedsOne()
    {
        FakeSlackServer slack(u"xoxb-good"_s, u"xapp-good"_s);
        QVERIFY(slack.listen());
        const Answer answer = run(
            [&] { m_check->checkPlatform(u"slack"_s, slack.apiBase(), u"xoxb-good"_s, { u"slack.app_token"_s }); });
        QVERIFY(answer.ok);
        QVERIFY2(answer.sentence.contains(u"no app token is set"_s), qPrintable(answer.sentence));
    }

    void slackBadTokenSaysWhichSecretToSet()
    {
        FakeSlackServer slack(u"xoxb-good"_s, u"xapp-good"_s);
        QVERIFY(slack.listen());
        const Answer answer = run([&] { m_check->checkPlatform(u"slack"_s, slack.apiBase(), u"xoxb-bad"_s); });
        QVERIFY(!answer.ok);
        QCOMPARE(answer.sentence,
            u"Slack rejected the bot token (invalid_auth). Set it with `baton secret set slack.bot_token`."_s);
    }

    void slackUnreachable()
    {
        const QString base = closedAddress(u"/api"_s);
        QVERIFY(!base.isEmpty());
        const Answer answer = run([&] { m_check->checkPlatform(u"slack"_s, base, u"xoxb-good"_s); });
        QVERIFY(!answer.ok);
        QCOMPARE(answer.sentence, u"Slack could not be reached: the connection was refused."_s);
    }
    // The model endpoint: LlmClient::listModels, in tst_llmclient.
};

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
