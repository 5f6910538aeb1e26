// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketelegramserver.h"
#include "telegram/telegramadapter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Fault = FakeTelegramServer::Fault;

/// The Telegram adapter against the fake Bot API: acceptance scenario 13 of docs/architecture.md (Telegram) and the
/// failures of shared/protocols.md.
class TestTelegramAdapter : public QObject
{
    Q_OBJECT

private:
    const QString m_token = u"4242:secret-token"_s;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TelegramAdapter> m_adapter;

    TelegramAdapter::Options options(const QString &token = {}) const
    {
        TelegramAdapter::Options o;
        o.apiBase = m_telegram->apiBase();
        o.token = token.isEmpty() ? m_token : token;
        o.pollTimeoutS = 5;
        o.maxBackoffMs = 200;
        return o;
    }
    bool startOnline()
    {
        m_adapter = std::make_unique<TelegramAdapter>(m_network.get(), options());
        m_adapter->start();
        return QTest::qWaitFor([this] { return m_adapter->state() == PlatformAdapter::State::Online; }, 10'000);
    }
    // Sends and waits for the answer: {message id, error}.
    std::pair<QString, QString> sendAndWait(const QString &chat, const QString &thread, const QString &text)
    {
        QSignalSpy sent(m_adapter.get(), &PlatformAdapter::sent);
        m_adapter->send(u"t"_s, chat, thread, text);
        if (!sent.wait(10'000))
            return { {}, u"timeout"_s };
        return { sent.first().at(1).toString(), sent.first().at(2).toString() };
    }
    QString createThread(const QString &home, QString *error = nullptr)
    {
        QSignalSpy created(m_adapter.get(), &PlatformAdapter::threadCreated);
        m_adapter->createHandoffThread(u"h"_s, home, u"Baton — Trip"_s);
        if (!created.wait(10'000))
            return u"<timeout>"_s;
        if (error)
            *error = created.first().at(2).toString();
        return created.first().at(1).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_telegram = std::make_unique<FakeTelegramServer>(m_token);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(111, u"Ann"_s);
        m_telegram->addGroup(-1001234567890123, u"Home"_s, true);
        m_telegram->addGroup(-100777, u"Migrated"_s, false);
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_adapter.reset();
        m_network.reset();
        m_telegram.reset();
    }

    void startsAndReceivesWithTheRightKeys()
    {
        QVERIFY(startOnline());
        QCOMPARE(m_telegram->calls(u"deleteWebhook"_s).size(), 1);
        QCOMPARE(m_adapter->botId(), FakeTelegramServer::botId);
        QTRY_COMPARE(m_telegram->calls(u"setMyCommands"_s).size(), 1);
        const QJsonArray kinds
            = m_telegram->calls(u"getUpdates"_s).first().params.value("allowed_updates"_L1).toArray();
        QCOMPARE(kinds.size(), 4);
        QVERIFY(kinds.contains(u"my_chat_member"_s)); // the bot added to a group: a candidate home

        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_telegram->userSends(111, 111, u"hello"_s);
        QVERIFY(received.wait(10'000));
        auto inbound = received.first().first().value<PlatformAdapter::Inbound>();
        QCOMPARE(inbound.text, u"hello"_s);
        QCOMPARE(inbound.source.sessionKey(), u"telegram:dm:111"_s);
        QCOMPARE(inbound.source.userId, u"111"_s);
        QVERIFY(!inbound.fromBot);

        // A plain message in the forum group is per person; 64-bit ids survive.
        m_telegram->userSends(222, -1001234567890123, u"in general"_s);
        QTRY_COMPARE(received.size(), 2);
        inbound = received.at(1).first().value<PlatformAdapter::Inbound>();
        QCOMPARE(inbound.source.sessionKey(), u"telegram:group:-1001234567890123:222"_s);

        // Confirmed by offset: more polls never bring them again. Anything a poll brought back
        // would arrive before (or with) the messages written after it.
        m_telegram->userSends(111, 111, u"third"_s);
        QTRY_COMPARE(received.size(), 3);
        m_telegram->userSends(111, 111, u"fourth"_s);
        QTRY_COMPARE(received.size(), 4);
        QCOMPARE(received.at(2).first().value<PlatformAdapter::Inbound>().text, u"third"_s);
        QCOMPARE(received.at(3).first().value<PlatformAdapter::Inbound>().text, u"fourth"_s);
    }

    void aStopAndAStartLeaveOnePoller()
    {
        // The lead of the bot passes to another gateway and comes back (PlatformLeadership): the poll
        // still out from before the stop must not run a second polling loop beside the new one.
        QVERIFY(startOnline());
        QTRY_COMPARE(m_telegram->pendingPolls(), 1);
        m_adapter->stop();
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_adapter->start();
        const QStringList said { u"one"_s, u"two"_s, u"three"_s };
        const auto texts = [&] {
            QStringList list;
            for (const QList<QVariant> &signal : std::as_const(received))
                list << signal.first().value<PlatformAdapter::Inbound>().text;
            return list;
        };
        for (qsizetype i = 0; i < said.size(); ++i) {
            m_telegram->userSends(111, 111, said.at(i));
            QTRY_COMPARE(texts(), said.first(i + 1));
        }
        // The new poll may have ended the old one (Telegram answers that with 409); nothing polled
        // against it since.
        QVERIFY2(m_telegram->conflicts() <= 1, qPrintable(QString::number(m_telegram->conflicts())));
    }

    void handoffTopicKeyMatchesTheUsersNextMessage_data() // docs/architecture.md scenario 13, Telegram
    {
        QTest::addColumn<QString>("home");
        QTest::addColumn<bool>("privateTopics");
        QTest::newRow("forum topic") << u"-1001234567890123"_s << false;
        QTest::newRow("private topic") << u"111"_s << true;
    }
    void handoffTopicKeyMatchesTheUsersNextMessage()
    {
        QFETCH(QString, home);
        QFETCH(bool, privateTopics);
        m_telegram->setTopicsInPrivateChats(privateTopics);
        QVERIFY(startOnline());
        QCOMPARE(m_adapter->topicsInPrivateChats(), privateTopics);
        const QString thread = createThread(home);
        QVERIFY2(!thread.isEmpty() && thread != "<timeout>"_L1, qPrintable(thread));
        const QString destinationKey = m_adapter->destination(home, thread).sessionKey();

        QCOMPARE(sendAndWait(home, thread, u"summary"_s).second, QString());
        QCOMPARE(m_telegram->messages(home.toLongLong(), thread.toLongLong()), QStringList { u"summary"_s });

        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_telegram->userSends(111, home.toLongLong(), u"and then?"_s, thread.toLongLong());
        QVERIFY(received.wait(10'000));
        QCOMPARE(received.first().first().value<PlatformAdapter::Inbound>().source.sessionKey(), destinationKey);
    }

    void noTopicsMeansTheHomeChatItself()
    {
        QVERIFY(startOnline());
        QString error;
        QCOMPARE(createThread(u"111"_s, &error), QString()); // private chat without topic mode
        QCOMPARE(error, QString());
        QCOMPARE(createThread(u"-100777"_s, &error), QString()); // not a forum
        QCOMPARE(error, QString());
    }

    // Only Telegram's own refusal (400, 403) means "no topics here, use the home chat". A failure
    // that may pass is retried until a topic is made; any other is an error, never the home.
    void aTransientTopicErrorIsRetriedNotAnsweredWithTheHome_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("server error") << 500;
        QTest::newRow("flood wait") << 429;
    }
    void aTransientTopicErrorIsRetriedNotAnsweredWithTheHome()
    {
        QFETCH(int, code);
        QVERIFY(startOnline());
        m_telegram->failNext(
            u"createForumTopic"_s, FakeTelegramServer::Fault { code, u"trouble"_s, {}, 0, false, false });
        QString error;
        QVERIFY(!createThread(u"-1001234567890123"_s, &error).isEmpty());
        QCOMPARE(error, QString());
        QCOMPARE(m_telegram->calls(u"createForumTopic"_s).size(), 2);
    }

    void aTopicErrorThatIsNoRefusalIsNoAnswerAboutTopics()
    {
        QVERIFY(startOnline());
        m_telegram->failNext(
            u"createForumTopic"_s, FakeTelegramServer::Fault { 401, u"Unauthorized"_s, {}, 0, false, false });
        QString error;
        QCOMPARE(createThread(u"-1001234567890123"_s, &error), QString());
        QVERIFY2(error.startsWith(u"Telegram could not open a topic (401)"_s), qPrintable(error));
        QCOMPARE(m_telegram->calls(u"createForumTopic"_s).size(), 1);
    }

    void markdownGoesOutAsHtmlAndFallsBackToPlain()
    {
        QVERIFY(startOnline());
        QCOMPARE(sendAndWait(u"111"_s, {}, u"**Ferry** at 21:00 <sharp>"_s).second, QString());
        const auto first = m_telegram->calls(u"sendMessage"_s).last().params;
        QCOMPARE(first.value("parse_mode"_L1).toString(), u"HTML"_s);
        QCOMPARE(first.value("text"_L1).toString(), u"<b>Ferry</b> at 21:00 &lt;sharp&gt;"_s);
        QCOMPARE(m_telegram->messages(111).last(), u"Ferry at 21:00 <sharp>"_s);

        m_telegram->failNext(
            u"sendMessage"_s, Fault { 400, u"Bad Request: can't parse entities: oops"_s, 0, 0, false, false });
        QCOMPARE(sendAndWait(u"111"_s, {}, u"*odd*"_s).second, QString());
        const auto resent = m_telegram->calls(u"sendMessage"_s).last().params;
        QVERIFY(!resent.contains("parse_mode"_L1));
        QCOMPARE(resent.value("text"_L1).toString(), u"*odd*"_s);
    }

    void rateLimitsAskTheOutboxToRetry()
    {
        // The outbox owns retrying (tst_outboxretry); the adapter says how long Telegram asked to wait.
        QVERIFY(startOnline());
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 429, u"Too Many Requests: retry after 3"_s, 3, 0, false, false });
        QSignalSpy retry(m_adapter.get(), &PlatformAdapter::retryWanted);
        m_adapter->send(u"t"_s, u"111"_s, {}, u"patience"_s);
        QVERIFY(retry.wait(10'000));
        QCOMPARE(retry.first().at(0).toString(), u"t"_s);
        QCOMPARE(retry.first().at(2).toLongLong(), 3'000);
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 1);
        QVERIFY(m_telegram->messages(111).isEmpty());
    }

    void blockedAndMigratedChats()
    {
        QVERIFY(startOnline());
        m_telegram->failNext(u"sendMessage"_s,
            Fault { 400, u"Bad Request: group chat was upgraded to a supergroup chat"_s, 0, -100777, false, false });
        QSignalSpy migrated(m_adapter.get(), &TelegramAdapter::chatMigrated);
        QCOMPARE(sendAndWait(u"-555"_s, {}, u"moved"_s).second, QString());
        QCOMPARE(migrated.size(), 1);
        QCOMPARE(migrated.first().at(1).toString(), u"-100777"_s);
        QCOMPARE(m_telegram->messages(-100777), QStringList { u"moved"_s });

        m_telegram->blockBot(111);
        const QString error = sendAndWait(u"111"_s, {}, u"hello?"_s).second;
        QVERIFY2(error.startsWith(u"Telegram refused to deliver (403)"_s), qPrintable(error));
    }

    void editsAndNotModified()
    {
        QVERIFY(startOnline());
        const QString id = sendAndWait(u"111"_s, {}, u"draft"_s).first;
        QSignalSpy sent(m_adapter.get(), &PlatformAdapter::sent);
        m_adapter->edit(u"e1"_s, u"111"_s, {}, id, u"final"_s);
        QVERIFY(sent.wait(10'000));
        m_adapter->edit(u"e2"_s, u"111"_s, {}, id, u"final"_s); // the same text again
        QVERIFY(sent.wait(10'000));
        QCOMPARE(sent.at(1).at(2).toString(), QString()); // "not modified" is success
        QCOMPARE(m_telegram->messages(111), QStringList { u"final"_s });
    }

    void aBadTokenStopsWithTheFix()
    {
        m_adapter = std::make_unique<TelegramAdapter>(m_network.get(), options(u"1:wrong"_s));
        QSignalSpy states(m_adapter.get(), &PlatformAdapter::stateChanged);
        m_adapter->start();
        QTRY_COMPARE(m_adapter->state(), PlatformAdapter::State::Offline);
        QCOMPARE(m_adapter->stateReason(),
            u"Telegram rejected the bot token (401). Set it with `baton secret set telegram.token`."_s);
        QVERIFY(!m_adapter->stateReason().contains(u"wrong"_s));
        QVERIFY(!m_adapter->retryScheduled()); // never retried in a loop
    }

    void conflictsDegradeThenRecover()
    {
        QVERIFY(startOnline());
        const Fault conflict { 409, u"Conflict: terminated by other getUpdates request"_s, 0, 0, false, false };
        m_telegram->failNext(u"getUpdates"_s, conflict);
        m_telegram->failNext(u"getUpdates"_s, conflict);
        m_telegram->failNext(u"getUpdates"_s, Fault { 0, {}, 0, 0, true, false }); // a proxy's 502 page
        QSignalSpy states(m_adapter.get(), &PlatformAdapter::stateChanged);
        m_telegram->userSends(111, 111, u"wake the poll"_s);
        QTRY_VERIFY(m_adapter->state() == PlatformAdapter::State::Degraded);
        QVERIFY(m_adapter->stateReason().contains(u"(409)"_s) || m_adapter->stateReason().contains(u"HTTP 502"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_adapter->state(), PlatformAdapter::State::Online, 5'000);
    }

    void neverABusyLoop()
    {
        m_telegram->setLongPolling(false); // answers every poll at once, empty
        TelegramAdapter::Options o = options();
        o.idleRepollMs = 500;
        m_adapter = std::make_unique<TelegramAdapter>(m_network.get(), o);
        m_adapter->start();
        QTRY_COMPARE(m_adapter->state(), PlatformAdapter::State::Online);
        // Three more polls take at least two idle pauses: a busy loop makes them in milliseconds.
        const qsizetype before = m_telegram->calls(u"getUpdates"_s).size();
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->calls(u"getUpdates"_s).size() >= before + 3, 10'000);
        QVERIFY2(clock.elapsed() >= 2 * o.idleRepollMs - 100, qPrintable(u"%1 ms"_s.arg(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestTelegramAdapter)
#include "tst_telegramadapter.moc"
