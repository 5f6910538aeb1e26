// SPDX-License-Identifier: GPL-3.0-or-later
#include "discord/discordadapter.h"
#include "fakediscordserver.h"
#include "pace.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString guild = u"700000000000000001"_s;
const QString general = u"700000000000000010"_s;
const QString dm = u"700000000000000020"_s;
const QString ann = u"600000000000000001"_s;
const QString bob = u"600000000000000002"_s;
} // namespace

/// The Discord adapter against the fake gateway and REST API: keys, threads (docs/architecture.md, scenario 13-14),
/// resume with replay, zombies, op 7/9, fatal close codes, rate limits, reconnect storms.
class TestDiscordAdapter : public QObject
{
    Q_OBJECT

private:
    const QString m_token = u"discord-secret-token"_s;
    std::unique_ptr<FakeDiscordServer> m_discord;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<DiscordAdapter> m_adapter;
    // IDENTIFYs it took to come online: a loaded machine can miss a beat while starting, so what
    // the tests hold to account is every IDENTIFY after this.
    int m_identifiesAtStart = 0;

    DiscordAdapter::Options options(const QString &token = {}) const
    {
        DiscordAdapter::Options o;
        o.apiBase = m_discord->apiBase();
        o.token = token.isEmpty() ? m_token : token;
        o.gateway.minReconnectMs = 50;
        o.gateway.maxReconnectMs = 400;
        return o;
    }
    bool startOnline(const QString &token = {})
    {
        m_adapter = std::make_unique<DiscordAdapter>(m_network.get(), options(token));
        m_adapter->start();
        const bool online
            = QTest::qWaitFor([this] { return m_adapter->state() == PlatformAdapter::State::Online; }, 10'000);
        m_identifiesAtStart = m_discord->identifyCount();
        return online;
    }
    // The person's message; echoes of our own posts arriving meanwhile are skipped.
    PlatformAdapter::Inbound receive(const QString &user, const QString &channel, const QString &text)
    {
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_discord->userSends(user, channel, text);
        const auto theirs = [&]() -> std::optional<PlatformAdapter::Inbound> {
            for (const auto &args : std::as_const(received)) {
                const auto inbound = args.first().value<PlatformAdapter::Inbound>();
                if (!inbound.fromBot)
                    return inbound;
            }
            return std::nullopt;
        };
        if (!QTest::qWaitFor([&] { return theirs().has_value(); }, 10'000))
            return {};
        return *theirs();
    }
    QString createThread(const QString &home)
    {
        QSignalSpy created(m_adapter.get(), &PlatformAdapter::threadCreated);
        m_adapter->createHandoffThread(u"h"_s, home, u"Baton — Trip"_s);
        return created.wait(5'000) ? created.first().at(1).toString() : u"<timeout>"_s;
    }
    std::pair<QString, QString> sendAndWait(const QString &chat, const QString &thread, const QString &text)
    {
        QSignalSpy sent(m_adapter.get(), &PlatformAdapter::sent);
        m_adapter->send(u"t"_s, chat, thread, text);
        if (!sent.wait(10'000))
            return { {}, u"timeout"_s };
        return { sent.first().at(1).toString(), sent.first().at(2).toString() };
    }

private Q_SLOTS:
    void init()
    {
        m_discord = std::make_unique<FakeDiscordServer>(m_token);
        QVERIFY(m_discord->listen());
        m_discord->addGuildChannel(guild, general, u"general"_s);
        m_discord->addDmChannel(dm, ann);
        m_discord->setHeartbeatIntervalMs(1'000); // short, yet no false zombies on a loaded machine
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_adapter.reset();
        m_network.reset();
        m_discord.reset();
    }

    void identifiesAndReceivesWithTheRightKeys()
    {
        QVERIFY(startOnline());
        QCOMPARE(m_adapter->userId(), FakeDiscordServer::botUserId);
        QVERIFY(m_identifiesAtStart >= 1);
        QJsonObject identify;
        for (const QJsonObject &payload : m_discord->gatewayPayloadsReceived()) {
            if (payload["op"_L1].toInt() == 2)
                identify = payload["d"_L1].toObject();
        }
        QCOMPARE(identify["intents"_L1].toInt(), 37377);
        QVERIFY(!identify["token"_L1].toString().isEmpty());

        auto inbound = receive(ann, dm, u"hi there"_s);
        QCOMPARE(inbound.text, u"hi there"_s);
        QCOMPARE(inbound.source.sessionKey(), u"discord:dm:%1"_s.arg(dm));
        QVERIFY(!inbound.fromBot);
        inbound = receive(bob, general, u"hello all"_s);
        QCOMPARE(inbound.source.sessionKey(), u"discord:group:%1:%2"_s.arg(general, bob));

        // Our own posts come back on the gateway: marked, so the gateway never answers itself.
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        QCOMPARE(sendAndWait(general, {}, u"**hi** @everyone"_s).second, QString());
        QTRY_COMPARE(received.size(), 1);
        QVERIFY(received.first().first().value<PlatformAdapter::Inbound>().fromBot);
        const auto post = m_discord->restCalls().constLast();
        QCOMPARE(post.body["allowed_mentions"_L1].toObject()["parse"_L1].toArray().size(), 0);
        QCOMPARE(m_discord->botMessages(general), QStringList { u"**hi** @everyone"_s });

        // Joins, pins and other system messages are not conversation.
        // A message after it arrives on the same connection: the join would have come first.
        m_discord->userSends(bob, general, u"joined"_s, 7);
        m_discord->userSends(bob, general, u"after the join"_s);
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(received.at(1).first().value<PlatformAdapter::Inbound>().text, u"after the join"_s);
    }

    void handoffThreadKeyMatchesTheNextMessage() // docs/architecture.md scenario 13, Discord
    {
        QVERIFY(startOnline());
        const QString thread = createThread(general);
        QVERIFY2(!thread.isEmpty() && thread != "<timeout>"_L1, qPrintable(thread));
        QCOMPARE(m_discord->threads(general), QStringList { thread });
        const auto create = m_discord->restCalls().constLast();
        QCOMPARE(create.path, u"/channels/%1/threads"_s.arg(general));
        QCOMPARE(create.body["type"_L1].toInt(), 11);
        QCOMPARE(create.body["auto_archive_duration"_L1].toInt(), 1440);

        const QString key = m_adapter->destination(general, thread).sessionKey();
        QCOMPARE(sendAndWait(general, thread, u"summary"_s).second, QString());
        QCOMPARE(m_discord->botMessages(thread), QStringList { u"summary"_s });
        const auto inbound = receive(ann, thread, u"and then?"_s);
        QCOMPARE(inbound.source.sessionKey(), key); // the thread, not the parent channel
        QVERIFY(key.contains(thread));
    }

    void seedMessageWhenThreadsAreRefused() // docs/architecture.md scenario 14
    {
        m_discord->setThreadsAllowed(false);
        QVERIFY(startOnline());
        const QString thread = createThread(general);
        QVERIFY2(!thread.isEmpty() && thread != "<timeout>"_L1, qPrintable(thread));
        QVERIFY(m_discord->botMessages(general).constFirst().startsWith(u"🧵 Baton handoff: **Baton — Trip**"_s));
        const auto fromSeed = m_discord->restCalls().constLast();
        QVERIFY(fromSeed.path.endsWith(u"/threads"_s) && fromSeed.path.contains(u"/messages/"_s));
        QCOMPARE(fromSeed.body["auto_archive_duration"_L1].toInt(), 1440);
        QCOMPARE(
            receive(ann, thread, u"here"_s).source.sessionKey(), m_adapter->destination(general, thread).sessionKey());
    }

    void aDirectMessageHomeHasNoThread()
    {
        QVERIFY(startOnline());
        QVERIFY(!receive(ann, dm, u"hello"_s).text.isEmpty()); // the DM is known from its message
        QCOMPARE(createThread(dm), QString());
        QCOMPARE(m_adapter->destination(dm, {}).sessionKey(), u"discord:dm:%1"_s.arg(dm));
    }

    void editsInAThreadAddressTheThread()
    {
        QVERIFY(startOnline());
        const QString thread = createThread(general);
        const QString id = sendAndWait(general, thread, u"draft"_s).first;
        QSignalSpy sent(m_adapter.get(), &PlatformAdapter::sent);
        m_adapter->edit(u"e"_s, general, thread, id, u"final"_s);
        QVERIFY(sent.wait(5'000));
        QCOMPARE(sent.first().at(2).toString(), QString());
        QCOMPARE(m_discord->botMessages(thread), QStringList { u"final"_s });
    }

    void aFreshSessionCatchesUpOnWhatItMissed()
    {
        QVERIFY(startOnline());
        const QString thread = createThread(general);
        const auto [cursor, error] = sendAndWait(general, thread, u"the last thing we said"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_adapter.reset(); // stopped: nothing is pushed to it now

        for (int i = 0; i < 150; ++i) // more than one page
            m_discord->userSends(ann, thread, u"missed %1"_s.arg(i));
        m_discord->userSends(ann, dm, u"missed in the DM"_s);

        m_adapter = std::make_unique<DiscordAdapter>(m_network.get(), options());
        QSignalSpy wanted(m_adapter.get(), &PlatformAdapter::catchUpWanted);
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_adapter->start();
        QVERIFY(wanted.wait(10'000)); // READY of a new session asks for it
        m_adapter->catchUp({ { general, thread, cursor }, { dm, {}, u"0"_s } });
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 151, 10'000);

        QStringList inThread;
        for (const auto &args : std::as_const(received)) {
            const auto inbound = args.first().value<PlatformAdapter::Inbound>();
            if (inbound.source.threadId == thread) {
                QCOMPARE(inbound.source.sessionKey(), u"discord:group:%1:%2"_s.arg(general, thread));
                inThread << inbound.text;
            } else if (inbound.text == u"missed in the DM"_s) {
                QCOMPARE(inbound.source.sessionKey(), u"discord:dm:%1"_s.arg(dm));
            }
        }
        QCOMPARE(inThread.size(), 150); // what came after the cursor, and nothing before it
        QCOMPARE(inThread.first(), u"missed 0"_s); // oldest first, across pages
        QCOMPARE(inThread.at(149), u"missed 149"_s);
        QVERIFY(!inThread.contains(u"the last thing we said"_s));
    }

    // Found by tst_chaossoak: a 5xx on the catch-up's page lost what it held, since the next
    // catch-up starts after the bot's next message.
    void aCatchUpPageThatFailsIsAskedForAgain()
    {
        m_discord->userSends(ann, dm, u"written before a 5xx"_s);
        m_adapter = std::make_unique<DiscordAdapter>(m_network.get(), options());
        QSignalSpy wanted(m_adapter.get(), &PlatformAdapter::catchUpWanted);
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_adapter->start();
        QVERIFY(wanted.wait(10'000));
        const QString page = u"/channels/%1/messages"_s.arg(dm);
        m_discord->failNext(page, 503);
        m_discord->failNext(page, 0);
        m_adapter->catchUp({ { dm, {}, u"0"_s } });
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 15'000);
        QCOMPARE(received.constLast().first().value<PlatformAdapter::Inbound>().text, u"written before a 5xx"_s);
        qsizetype asked = 0;
        for (const auto &call : m_discord->restCalls())
            asked += call.method == "GET"_L1 && call.path == page ? 1 : 0;
        QCOMPARE(asked, 3);
    }

    void rateLimitsAreWaitedOut()
    {
        QVERIFY(startOnline());
        m_discord->rateLimitNext(u"/messages"_s, 0.4);
        QElapsedTimer timer;
        timer.start();
        const auto [id, error] = sendAndWait(general, {}, u"patience"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(timer.elapsed() >= 350); // the body's float, not the header's whole second
        QCOMPARE(m_discord->botMessages(general), QStringList { u"patience"_s });
    }

    void aDroppedConnectionResumesAndMissesNothing()
    {
        QVERIFY(startOnline());
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        m_discord->dropConnections();
        m_discord->userSends(ann, dm, u"while you were away"_s);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5'000);
        QCOMPARE(received.first().first().value<PlatformAdapter::Inbound>().text, u"while you were away"_s);
        QTRY_COMPARE(m_adapter->state(), PlatformAdapter::State::Online);
        QVERIFY(m_discord->resumeCount() >= 1);
        QCOMPARE(m_discord->identifyCount(), m_identifiesAtStart);
    }

    void laterHeartbeatsComeAtTheInterval()
    {
        QVERIFY(startOnline());
        QTRY_VERIFY_WITH_TIMEOUT(m_discord->heartbeatTimes().size() >= 4, 10'000);
        // Only the first beat is jittered; had the jittered delay become the interval, every gap
        // would be that random part of the second.
        const QList<qint64> beats = m_discord->heartbeatTimes();
        // Measured over the span, not per gap: a beat a loaded machine delays is followed by one
        // that keeps the schedule, and that gap alone would look short.
        const qint64 span = beats.constLast() - beats.constFirst();
        const qint64 gaps = beats.size() - 1;
        QVERIFY2(span >= gaps * 900 && span <= gaps * 1'000 + 2'000,
            qPrintable(u"%1 beats after the first took %2 ms"_s.arg(gaps).arg(span)));
    }

    void zombieConnectionsAreReplaced()
    {
        m_discord->setHeartbeatIntervalMs(300);
        QVERIFY(startOnline());
        m_discord->setAckHeartbeats(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_discord->resumeCount() >= 1, 5'000);
        m_discord->setAckHeartbeats(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_adapter->state(), PlatformAdapter::State::Online, 5'000);
        // The zombie was replaced by resuming, never by a new session.
        QVERIFY(m_discord->resumeCount() >= 1);
        QCOMPARE(m_discord->identifyCount(), m_identifiesAtStart);
        QCOMPARE(receive(ann, dm, u"still here"_s).text, u"still here"_s);
    }

    void reconnectAndInvalidSession()
    {
        QVERIFY(startOnline());
        m_discord->sendReconnect();
        QTRY_VERIFY_WITH_TIMEOUT(m_discord->resumeCount() >= 1, 5'000);
        QTRY_COMPARE(m_adapter->state(), PlatformAdapter::State::Online);
        QCOMPARE(m_discord->identifyCount(), m_identifiesAtStart);
        m_discord->sendInvalidSession(false); // not resumable: a fresh IDENTIFY after a pause
        QTRY_VERIFY_WITH_TIMEOUT(m_discord->identifyCount() > m_identifiesAtStart, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_adapter->state(), PlatformAdapter::State::Online, 10'000);
        QCOMPARE(receive(ann, dm, u"after"_s).text, u"after"_s);
    }

    void disallowedIntentsStopWithTheFix()
    {
        m_discord->setMessageContentIntentEnabled(false);
        m_adapter = std::make_unique<DiscordAdapter>(m_network.get(), options());
        m_adapter->start();
        QTRY_COMPARE(m_adapter->state(), PlatformAdapter::State::Offline);
        QVERIFY2(m_adapter->stateReason().contains(u"enable the Message Content intent in the Developer Portal"_s),
            qPrintable(m_adapter->stateReason()));
        QVERIFY(!m_adapter->retryScheduled()); // nothing left that could identify again
        QCOMPARE(m_discord->identifyCount(), 1);
    }

    void aBadTokenStopsWithTheFix()
    {
        m_adapter = std::make_unique<DiscordAdapter>(m_network.get(), options(u"wrong"_s));
        m_adapter->start();
        QTRY_COMPARE(m_adapter->state(), PlatformAdapter::State::Offline);
        QCOMPARE(m_adapter->stateReason(),
            u"Discord rejected the bot token (401). Set it with `baton secret set discord.token`."_s);
        QVERIFY(!m_adapter->retryScheduled()); // 401 is never retried
    }

    void aReconnectStormLosesAndDoublesNothing()
    {
        QVERIFY(startOnline());
        QSignalSpy received(m_adapter.get(), &PlatformAdapter::messageReceived);
        const int storms = 100;
        for (int i = 0; i < storms; ++i) {
            m_discord->userSends(ann, dm, u"m%1"_s.arg(i));
            if (i % 2 == 0)
                m_discord->dropConnections();
            else
                m_discord->closeConnections(4000);
            pace(15); // the storm's rhythm, not a proof
        }
        // One more message after the storm: a replayed duplicate would come before it.
        m_discord->userSends(ann, dm, u"after the storm"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty()
                && received.constLast().first().value<PlatformAdapter::Inbound>().text == u"after the storm"_s,
            30'000);
        received.removeLast();
        QSet<QString> ids, texts;
        for (const auto &args : std::as_const(received)) {
            const auto inbound = args.first().value<PlatformAdapter::Inbound>();
            ids.insert(inbound.messageId);
            texts.insert(inbound.text);
        }
        QCOMPARE(received.size(), storms);
        QCOMPARE(ids.size(), storms);
        QCOMPARE(texts.size(), storms);
        QCOMPARE(m_discord->identifyCount(), m_identifiesAtStart); // every one was a resume
    }
};

QTEST_GUILESS_MAIN(TestDiscordAdapter)
#include "tst_discordadapter.moc"
