// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "store/pairingstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111; // the owner (allowed_users)
constexpr qint64 gus = 333; // a guest, once paired
constexpr qint64 home = -1001234567890; // the home the owner set: a forum group
constexpr qint64 firstStranger = 401;
const QString token = u"4242:security-e2e-token"_s;
const QString apiKey = u"sk-e2e-Zq8w7Lm2Kp4Xv9Rt"_s;
const QString slackOwner = u"U0000000001"_s;
const QString slackDm = u"D0000000001"_s;

QString allText(const QList<QJsonObject> &requests)
{
    QString text;
    for (const QJsonObject &request : requests) {
        for (const QJsonValue &m : request.value("messages"_L1).toArray())
            text += m["content"_L1].toString() + u'\n';
    }
    return text;
}
} // namespace

/**
 * The attacks of a hostile person, against the real `baton --no-gui` with the fake Telegram, Slack
 * and model: a guest reaching the owner's sessions or home, a model endpoint echoing the API key,
 * model text pinging a Slack channel, strangers exhausting pairing. Each must fail.
 */
class TestSecurityE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeSlackServer> m_slack;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<QProcess> m_gateway;
    QString m_log;

    QString configPath() const { return m_store->dir.filePath(u"baton.ini"_s); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        e.insert(u"BATON_CONFIG"_s, configPath());
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        e.insert(u"BATON_SLACK_BOT_TOKEN"_s, u"xoxb-security-e2e"_s);
        e.insert(u"BATON_SLACK_APP_TOKEN"_s, u"xapp-security-e2e"_s);
        e.insert(u"BATON_LLM_API_KEY"_s, apiKey);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        return e;
    }

    bool startGateway()
    {
        const qsizetype polls = m_telegram->calls(u"getUpdates"_s).size();
        const int slackConnections = m_slack->connectionsOpened();
        m_gateway = startBaton({ u"--no-gui"_s }, environment());
        return QTest::qWaitFor(
            [&] {
                return m_telegram->calls(u"getUpdates"_s).size() > polls
                    && m_slack->connectionsOpened() > slackConnections && m_slack->liveConnections() == 1;
            },
            10'000);
    }
    int stopGateway()
    {
        if (!m_gateway || m_gateway->state() == QProcess::NotRunning)
            return m_gateway ? m_gateway->exitCode() : 0;
        m_gateway->terminate();
        if (!QTest::qWaitFor([&] { return m_gateway->state() == QProcess::NotRunning; }, 15'000))
            return -1;
        m_log += QString::fromUtf8(m_gateway->readAllStandardError());
        return m_gateway->exitStatus() == QProcess::NormalExit ? m_gateway->exitCode() : -2;
    }
    BatonRun baton(const QStringList &args) const { return runBaton(args, environment()); }

    /// Everything the bot sent to @p chat on Telegram, as sent (HTML and all).
    QStringList sentTo(qint64 chat) const
    {
        QStringList texts;
        for (const auto &call : m_telegram->calls()) {
            if ((call.method == "sendMessage"_L1 || call.method == "editMessageText"_L1)
                && call.params.value("chat_id"_L1).toVariant().toLongLong() == chat)
                texts << call.params.value("text"_L1).toString();
        }
        return texts;
    }
    /// A message from the owner, answered: everything sent to the gateway before it has been handled.
    void ownerRoundTrip()
    {
        const qsizetype before = m_telegram->botMessages(ann).size();
        m_telegram->userSends(ann, ann, u"/status"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), before + 1, 10'000);
    }
    QString pair(qint64 who)
    {
        const qsizetype before = m_telegram->botMessages(who).size();
        m_telegram->userSends(who, who, u"hello?"_s);
        if (!QTest::qWaitFor([&] { return m_telegram->botMessages(who).size() > before; }, 10'000))
            return {};
        PairingStore pairing(m_store->db);
        for (const auto &request : pairing.pendingRequests()) {
            if (request.userId == QString::number(who))
                return request.code;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_log.clear();
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        m_slack = std::make_unique<FakeSlackServer>(u"xoxb-security-e2e"_s, u"xapp-security-e2e"_s);
        QVERIFY(m_llm->listen() && m_telegram->listen() && m_slack->listen());
        m_telegram->addPrivateChat(ann, u"Ann"_s);
        m_telegram->addPrivateChat(gus, u"Gus"_s);
        for (qint64 s = firstStranger; s < firstStranger + 6; ++s)
            m_telegram->addPrivateChat(s, u"Stranger %1"_s.arg(s));
        m_telegram->addGroup(home, u"Home"_s, true);
        m_slack->addIm(slackDm, slackOwner);
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        QFile ini(configPath());
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nallowed_users=" + QByteArray::number(ann) + "\nhome_chat=" + QByteArray::number(home) + "\n"
            + "[slack]\nenabled=true\napi_base=" + m_slack->apiBase().toUtf8()
            + "\nallowed_users=" + slackOwner.toUtf8() + "\n");
        ini.close();
        QVERIFY(startGateway());
    }
    void cleanup()
    {
        const int status = stopGateway();
        if (!QTest::currentTestFailed()) {
            QVERIFY2(status == 0, qPrintable(u"exit %1\n%2"_s.arg(status).arg(m_log)));
            for (const QString &secret : { token, apiKey, u"xoxb-security-e2e"_s, u"xapp-security-e2e"_s })
                QVERIFY2(!m_log.contains(secret), qPrintable(secret));
        } else
            qWarning().noquote() << "gateway log:\n" << m_log;
        m_gateway.reset();
        m_sessions.reset();
        m_store.reset();
        m_slack.reset();
        m_telegram.reset();
        m_llm.reset();
    }

    void aGuestCannotReachTheOwnersSessionsOrHome()
    {
        // The owner's chat session and a desktop session.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Noted."_s }));
        m_telegram->userSends(ann, ann, u"my salary is 90k, plan the negotiation"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), 1, 10'000);
        const QString owners = m_sessions->sessions().first().id;
        const QString desktop = m_sessions->createSession(u"Desktop diary"_s, u"desktop"_s);
        Message diary;
        diary.sessionId = desktop;
        diary.role = MessageRole::User;
        diary.content = u"dear diary, the safe code is 4711"_s;
        QVERIFY(m_sessions->appendMessage(diary));

        const QString code = pair(gus);
        QVERIFY(!code.isEmpty());
        QCOMPARE(baton({ u"pairing"_s, u"approve"_s, code }).exitCode, 0);
        const BatonRun list = baton({ u"pairing"_s, u"list"_s });
        QVERIFY2(list.out.contains(u"owner  Telegram 111"_s) && list.out.contains(u"guest  "_s), qPrintable(list.out));

        const auto guestSays = [&](const QString &text) {
            const qsizetype before = m_telegram->botMessages(gus).size();
            m_telegram->userSends(gus, gus, text);
            return QTest::qWaitFor([&] { return m_telegram->botMessages(gus).size() > before; }, 10'000)
                ? m_telegram->botMessages(gus).constLast()
                : QString();
        };
        QCOMPARE(guestSays(u"/resume"_s), u"There are no conversations yet."_s);
        QVERIFY(guestSays(u"/resume "_s + owners.left(8)).startsWith(u"I found no single conversation of yours"_s));
        QVERIFY(guestSays(u"/resume Desktop diary"_s).startsWith(u"I found no single conversation of yours"_s));
        QVERIFY(guestSays(u"/resume "_s + desktop).startsWith(u"I found no single conversation of yours"_s));
        QCOMPARE(guestSays(u"/sethome"_s), u"Sorry, only my owner can choose where handoffs go."_s);
        QCOMPARE(QSettings(configPath(), QSettings::IniFormat).value(u"telegram/home_chat"_s).toString(),
            QString::number(home));
        const QString status = guestSays(u"/status"_s);
        QVERIFY2(!status.contains(u"Telegram:"_s) && !status.contains(u"Model:"_s), qPrintable(status));
        QVERIFY(!guestSays(u"/help"_s).contains(u"/sethome"_s));

        // The guest's own conversation is theirs alone: the model sees none of the owner's words.
        QVERIFY(!guestSays(u"what do you know about me?"_s).isEmpty());
        const QString seen = allText({ m_llm->requests().constLast() });
        QVERIFY2(!seen.contains(u"salary"_s) && !seen.contains(u"4711"_s), qPrintable(seen));
        const QString listed = guestSays(u"/resume"_s);
        QVERIFY2(listed.contains(u"what do you know about me?"_s) && !listed.contains(u"salary"_s)
                && !listed.contains(u"Desktop diary"_s),
            qPrintable(listed));
        SessionKeyStore keys(m_store->db);
        const QString guestSession = keys.binding(u"telegram:dm:333"_s)->sessionId;
        QVERIFY(guestSession != owners && guestSession != desktop);

        // A handoff goes to the home the owner set, never to the guest.
        const qsizetype guestMessages = m_telegram->botMessages(gus).size();
        m_llm->enqueue(FakeLlmReply::withContent({ u"Back to your diary."_s }));
        const BatonRun handoff = baton({ u"handoff"_s, desktop, u"--to"_s, u"telegram"_s });
        QVERIFY2(handoff.exitCode == 0, qPrintable(handoff.err));
        QCOMPARE(m_telegram->topics(home).size(), 1);
        QCOMPARE(m_telegram->botMessages(gus).size(), guestMessages);

        // Revoked: the guest is a stranger again, and one whose code for this hour is spent.
        QCOMPARE(baton({ u"pairing"_s, u"revoke"_s, u"telegram:333"_s }).exitCode, 0);
        const int modelCalls = int(m_llm->requests().size());
        m_telegram->userSends(gus, gus, u"still there?"_s);
        ownerRoundTrip();
        QCOMPARE(m_telegram->botMessages(gus).size(), guestMessages);
        QCOMPARE(int(m_llm->requests().size()), modelCalls);
    }

    void anEchoedApiKeyIsFoundNowhere()
    {
        FakeLlmReply echo;
        echo.httpStatus = 401;
        echo.echoAuthorization = true;
        m_llm->enqueue(echo);
        m_telegram->userSends(ann, ann, u"hello"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), 1, 10'000);
        // The key did go out, so the echo carried it.
        QCOMPARE(m_llm->authorizations().constLast(), "Bearer " + apiKey.toUtf8());
        QCOMPARE(
            m_telegram->botMessages(ann).constLast(), u"The model did not answer; the owner can see why in Baton."_s);
        for (const QString &text : sentTo(ann))
            QVERIFY2(!text.contains(apiKey) && !text.contains(u"401"_s), qPrintable(text));

        // The window reads the reason from the store: there, scrubbed, with the details.
        const QString session = m_sessions->sessions().first().id;
        const QString stored = m_sessions->transcript(session).constLast().content;
        QVERIFY2(
            stored.contains(u"rejected the API key (401)"_s) && stored.contains(u"Bearer …"_s), qPrintable(stored));
        QCOMPARE(stopGateway(), 0);
        QVERIFY2(m_log.contains(u"rejected the API key"_s), qPrintable(m_log));
        // Nowhere in state.db, its WAL or the log.
        for (const QString &file : QDir(m_store->dir.path()).entryList({ u"state.db*"_s }, QDir::Files)) {
            QFile db(m_store->dir.filePath(file));
            QVERIFY(db.open(QIODevice::ReadOnly));
            QVERIFY2(!db.readAll().contains(apiKey.toUtf8()), qPrintable(file));
        }
    }

    void modelTextCannotPingAnyone()
    {
        const QString hostile = u"[hi](!channel) [x](@U123) <!here> <!subteam^S1|team> @channel "
                                "[ok](https://example.com/a?b=1&c=2) [tg](tg://user?id=111) ask @ann"_s;
        m_llm->enqueue(FakeLlmReply::withContent({ hostile }));
        m_slack->userSends(slackOwner, slackDm, u"say something"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_slack->botMessages(slackDm).isEmpty(), 10'000);
        QStringList slackTexts;
        for (const auto &call : m_slack->calls()) {
            if (call.method == "chat.postMessage"_L1 || call.method == "chat.update"_L1)
                slackTexts << call.params.value("text"_L1).toString();
        }
        QVERIFY(!slackTexts.isEmpty());
        for (const QString &text : slackTexts) {
            for (const auto control : { "<!channel"_L1, "<!here"_L1, "<@U"_L1, "<!subteam"_L1, "<!everyone"_L1 })
                QVERIFY2(!text.contains(control), qPrintable(text));
        }
        QVERIFY2(slackTexts.constLast().contains(u"<https://example.com/a?b=1&amp;c=2|ok>"_s),
            qPrintable(slackTexts.constLast()));

        m_llm->enqueue(FakeLlmReply::withContent({ hostile }));
        m_telegram->userSends(ann, ann, u"say something"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_telegram->botMessages(ann).isEmpty(), 10'000);
        const QString sent = sentTo(ann).constLast();
        QVERIFY2(!sent.contains(u"tg://"_s) && !sent.contains(u"@ann"_s), qPrintable(sent));
        QVERIFY2(sent.contains(u"<a href=\"https://example.com/a?b=1&amp;c=2\">ok</a>"_s), qPrintable(sent));
    }

    void pairingLimitsHoldAcrossARestart()
    {
        QList<QString> codes;
        for (qint64 s = firstStranger; s < firstStranger + 4; ++s)
            codes << pair(s);
        for (const QString &code : codes)
            QVERIFY(!code.isEmpty());
        PairingStore pairing(m_store->db);
        // At most three wait: the fourth pushed the oldest out.
        QCOMPARE(pairing.pendingRequests().size(), PairingStore::maxPending);
        QCOMPARE(baton({ u"pairing"_s, u"approve"_s, codes.first() }).exitCode, 2);

        // The first stranger asks again: no second code within the hour.
        m_telegram->userSends(firstStranger, firstStranger, u"please?"_s);
        ownerRoundTrip();
        QCOMPARE(m_telegram->botMessages(firstStranger).size(), 1);

        QCOMPARE(stopGateway(), 0);
        QVERIFY(startGateway());
        m_telegram->userSends(firstStranger, firstStranger, u"and now?"_s);
        m_telegram->userSends(firstStranger + 1, firstStranger + 1, u"me again"_s);
        ownerRoundTrip();
        QCOMPARE(m_telegram->botMessages(firstStranger).size(), 1);
        QCOMPARE(m_telegram->botMessages(firstStranger + 1).size(), 1); // the same code is not sent again
        const auto pending = pairing.pendingRequests();
        QCOMPARE(pending.size(), PairingStore::maxPending);
        QCOMPARE(pending.first().code, codes.at(1));
        // Many strangers lock no one out: the next one still gets a code.
        QVERIFY(!pair(firstStranger + 5).isEmpty());
        QCOMPARE(m_llm->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecurityE2E)
#include "tst_security_e2e.moc"
