// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "pace.h"
#include "teststore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
const QString discordDm = u"700000000000000020"_s;
const QString discordUser = u"600000000000000001"_s;
const QString slackDm = u"D0000000001"_s;
const QString slackUser = u"U0000000001"_s;
constexpr qint64 telegramUser = 111;

// What every complete answer ends with; a reply the model cut short ends with the other marker.
const QString endMarker = u"(end)"_s;
const QString cutMarker = u"(cut)"_s;

int setting(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value >= 0 ? value : fallback;
}

QList<int> numbersIn(const QString &text)
{
    static const QRegularExpression number(u"\\bm(\\d+)\\b"_s);
    QList<int> found;
    for (auto it = number.globalMatch(text); it.hasNext();)
        found << it.next().captured(1).toInt();
    return found;
}
} // namespace

/**
 * A seeded chaos soak through the real `baton --no-gui`, one platform at a time: the owner writes
 * numbered messages in a direct chat while the test drops connections, answers 429s with any wait,
 * fails sends with 5xx bursts, slows or cuts the model's stream and `kill -9`s the gateway at random
 * moments, then restarts it. Afterwards, seen from the platform, every message is covered by
 * exactly one complete answer that names it, and the store has nothing left running or unsent.
 *
 * BATON_SOAK_SEED, BATON_SOAK_MESSAGES, BATON_SOAK_KILLS and BATON_SOAK_DISCONNECTS size a run.
 */
class TestChaosSoak : public QObject
{
    Q_OBJECT

private:
    QString m_platform;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeDiscordServer> m_discord;
    std::unique_ptr<FakeSlackServer> m_slack;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<QProcess> m_gateway;
    QString m_log; // everything every baton of this run wrote to stderr
    // Model faults the next requests get, before the answer.
    QList<FakeLlmReply> m_modelFaults;
    int m_nextChunkDelayMs = 0;
    bool m_cutNext = false;
    qsizetype m_faultGate = 0;

    QProcessEnvironment environment() const { return threePlatformEnvironment(m_store->dir.path()); }

    void say(const QString &text)
    {
        if (m_platform == "telegram"_L1)
            m_telegram->userSends(telegramUser, telegramUser, text);
        else if (m_platform == "discord"_L1)
            m_discord->userSends(discordUser, discordDm, text);
        else
            m_slack->userSends(slackUser, slackDm, text);
    }
    /// The whole chat in order, the person's messages too where the fake keeps them.
    [[nodiscard]] QStringList chat() const
    {
        if (m_platform == "telegram"_L1)
            return m_telegram->messages(telegramUser);
        return m_platform == "discord"_L1 ? m_discord->messages(discordDm) : m_slack->botMessages(slackDm);
    }
    [[nodiscard]] QStringList botMessages() const
    {
        if (m_platform == "telegram"_L1)
            return m_telegram->botMessages(telegramUser);
        return m_platform == "discord"_L1 ? m_discord->botMessages(discordDm) : m_slack->botMessages(slackDm);
    }
    // A figure that grows each time the gateway (re)connects to the platform.
    [[nodiscard]] int connections() const
    {
        if (m_platform == "telegram"_L1)
            return int(m_telegram->calls(u"getUpdates"_s).size());
        if (m_platform == "discord"_L1)
            return m_discord->identifyCount() + m_discord->resumeCount();
        return m_slack->liveConnections() > 0 ? m_slack->connectionsOpened() : 0;
    }

    // The model's answer to a request: it names every numbered message after its last finished
    // answer, so a message joining a running turn is named by the next one.
    void answer(const QJsonObject &request)
    {
        if (!m_modelFaults.isEmpty()) {
            m_llm->enqueue(m_modelFaults.takeFirst());
            return;
        }
        QList<int> asked;
        for (const QJsonValue &v : request.value("messages"_L1).toArray()) {
            const QJsonObject m = v.toObject();
            const QString content = m.value("content"_L1).toString();
            if (m.value("role"_L1).toString() == "assistant"_L1
                && (content.contains(endMarker) || content.contains(cutMarker)))
                asked.clear();
            else if (m.value("role"_L1).toString() == "user"_L1)
                asked << numbersIn(content);
        }
        QStringList named;
        for (const int n : std::as_const(asked))
            named << u"m%1"_s.arg(n);
        QStringList words { u"Answering "_s + (named.isEmpty() ? u"nothing"_s : named.join(u' ')) + u':' };
        for (int i = 1; i <= 12; ++i)
            words << u" w%1"_s.arg(i);
        FakeLlmReply reply = FakeLlmReply::withContent(words);
        reply.chunkDelayMs = m_nextChunkDelayMs;
        m_nextChunkDelayMs = 80;
        if (m_cutNext) {
            reply.content << u" "_s + cutMarker;
            reply.truncate = true;
            m_cutNext = false;
        } else {
            reply.content << u" "_s + endMarker;
        }
        m_llm->enqueue(reply);
    }

    void startGateway()
    {
        const int before = connections();
        m_gateway = startBaton({ u"--no-gui"_s }, environment());
        QVERIFY2(QTest::qWaitFor([&] { return connections() > before; }, 30'000),
            qPrintable(QString::fromUtf8(m_gateway->readAllStandardError()).right(3000)));
    }
    void collectLog()
    {
        if (m_gateway)
            m_log += QString::fromUtf8(m_gateway->readAllStandardError());
    }

    // Requests that fault injection hits. A fault waits at the fake for the next such request, so
    // new ones come only once the earlier ones were used and one request got through: otherwise,
    // while the outbox backs off, faults pile up and every retry meets one.
    [[nodiscard]] qsizetype faultableCalls() const
    {
        if (m_platform == "telegram"_L1)
            return m_telegram->calls(u"sendMessage"_s).size() + m_telegram->calls(u"editMessageText"_s).size();
        if (m_platform == "discord"_L1) {
            qsizetype n = 0;
            for (const auto &call : m_discord->restCalls())
                n += call.path.contains(u"/messages"_s) ? 1 : 0;
            return n;
        }
        return m_slack->calls(u"chat.postMessage"_s).size() + m_slack->calls(u"chat.update"_s).size();
    }
    [[nodiscard]] bool mayQueueFaults() const { return faultableCalls() >= m_faultGate; }
    void queuedFaults(int count) { m_faultGate = faultableCalls() + count + 1; }

    // One forced disconnect of the platform's connection or of one request.
    void disconnect(QRandomGenerator &random)
    {
        int kind = random.bounded(3);
        if (kind > 0 && !mayQueueFaults())
            kind = 0; // the connection itself, which queues nothing
        else if (kind > 0)
            queuedFaults(1);
        if (m_platform == "telegram"_L1) {
            FakeTelegramServer::Fault drop;
            drop.drop = true;
            const QString method = kind == 0 ? u"getUpdates"_s : kind == 1 ? u"sendMessage"_s : u"editMessageText"_s;
            m_telegram->failNext(method, drop);
        } else if (m_platform == "discord"_L1) {
            if (kind == 0)
                m_discord->dropConnections();
            else if (kind == 1)
                m_discord->closeConnections(4000);
            else // carried out, then the answer lost: the nonce keeps the resend from doubling
                m_discord->failNext(u"/messages"_s, random.bounded(2) ? 0 : -1);
        } else {
            if (kind == 0)
                m_slack->dropConnections();
            else if (kind == 1)
                m_slack->sendDisconnect(u"refresh_requested"_s);
            else
                m_slack->failNextHttp(random.bounded(2) ? u"chat.postMessage"_s : u"chat.update"_s, 0);
        }
    }

    // A 429 with a random wait (small, zero, negative or unreadable), or an absurd one where
    // giving up is harmless (typing), or a 5xx burst.
    void platformFault(QRandomGenerator &random)
    {
        static const QList<QJsonValue> waits { 0, -1, 1, u"soon"_s, 0.5 };
        const QJsonValue wait = waits.at(random.bounded(int(waits.size())));
        const int kind = random.bounded(3);
        const int burst = 1 + random.bounded(2);
        if (!mayQueueFaults())
            return;
        queuedFaults(kind == 2 ? burst : 1);
        if (m_platform == "telegram"_L1) {
            const QString method = random.bounded(2) ? u"sendMessage"_s : u"editMessageText"_s;
            if (kind == 0)
                m_telegram->failNext(method, { 429, u"Too Many Requests"_s, wait, 0, false, false });
            else if (kind == 1)
                m_telegram->failNext(u"sendChatAction"_s, { 429, u"Too Many Requests"_s, 1e9, 0, false, false });
            else {
                for (int i = 0; i < burst; ++i)
                    m_telegram->failNext(method, { 500, u"Internal Server Error"_s, {}, 0, i % 2 == 1, false });
            }
        } else if (m_platform == "discord"_L1) {
            if (kind == 0)
                m_discord->rateLimitNextWith(u"/messages"_s, wait, random.bounded(2));
            else if (kind == 1)
                m_discord->rateLimitNextWith(u"/typing"_s, 1e9);
            else {
                for (int i = 0; i < burst; ++i)
                    m_discord->failNext(u"/messages"_s, 500 + random.bounded(4));
            }
        } else {
            const QString method = random.bounded(2) ? u"chat.postMessage"_s : u"chat.update"_s;
            if (kind == 0 || kind == 1)
                m_slack->rateLimitNextWith(
                    method, wait.isString() ? wait.toString().toUtf8() : QByteArray::number(wait.toDouble()));
            else {
                for (int i = 0; i < burst; ++i)
                    m_slack->failNextHttp(method, 500 + random.bounded(4));
            }
        }
    }

    void modelFault(QRandomGenerator &random)
    {
        switch (random.bounded(4)) {
        case 0: { // a 5xx burst the client retries through
            const int burst = 1 + random.bounded(2);
            for (int i = 0; i < burst; ++i) {
                FakeLlmReply failure;
                failure.httpStatus = 500 + random.bounded(4);
                failure.errorBody = R"({"error":{"message":"overloaded"}})";
                m_modelFaults << failure;
            }
            break;
        }
        case 1: {
            FakeLlmReply limited;
            limited.httpStatus = 429;
            limited.errorBody = R"({"error":{"message":"slow down"}})";
            limited.retryAfter = random.bounded(2) ? "0" : "-1";
            m_modelFaults << limited;
            break;
        }
        case 2:
            m_nextChunkDelayMs = 250; // slow: a wide window for a kill mid-stream
            break;
        default:
            m_cutNext = true;
        }
    }

    [[nodiscard]] int storeCount(const QString &sql) { return m_store->scalar(sql).toInt(); }

private Q_SLOTS:
    void soak_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::newRow("telegram") << u"telegram"_s;
        QTest::newRow("discord") << u"discord"_s;
        QTest::newRow("slack") << u"slack"_s;
    }
    void soak()
    {
        QFETCH(QString, platform);
        m_platform = platform;
        const quint32 seed = quint32(setting("BATON_SOAK_SEED", 20261201));
        const int messages = setting("BATON_SOAK_MESSAGES", 40);
        const int kills = setting("BATON_SOAK_KILLS", 4);
        const int disconnects = setting("BATON_SOAK_DISCONNECTS", 15);
        QRandomGenerator random(seed);
        QElapsedTimer clock;
        clock.start();

        m_log.clear();
        m_modelFaults.clear();
        m_nextChunkDelayMs = 80;
        m_cutNext = false;
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:telegram"_s);
        m_discord = std::make_unique<FakeDiscordServer>(u"discord-token"_s);
        m_slack = std::make_unique<FakeSlackServer>(u"xoxb-slack"_s, u"xapp-slack"_s);
        QVERIFY(m_llm->listen() && m_telegram->listen() && m_discord->listen() && m_slack->listen());
        connect(m_llm.get(), &FakeLlmServer::requestReceived, this, &TestChaosSoak::answer, Qt::DirectConnection);
        m_telegram->addPrivateChat(telegramUser, u"Ann"_s);
        m_discord->addDmChannel(discordDm, discordUser);
        m_slack->addIm(slackDm, slackUser);

        m_store = std::make_unique<TestStore>();
        QFile ini(m_store->dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        QByteArray config = "[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake\n";
        if (platform == "telegram"_L1)
            config += "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
                + "\nallowed_users=" + QByteArray::number(telegramUser) + "\n";
        else if (platform == "discord"_L1)
            config += "[discord]\nenabled=true\napi_base=" + m_discord->apiBase().toUtf8()
                + "\nallowed_users=" + discordUser.toUtf8() + "\n";
        else
            config += "[slack]\nenabled=true\napi_base=" + m_slack->apiBase().toUtf8()
                + "\nallowed_users=" + slackUser.toUtf8() + "\n";
        ini.write(config);
        ini.close();
        startGateway();
        if (QTest::currentTestFailed())
            return;

        // Which message each fault follows, drawn up front so the figures are exact.
        QList<int> killAfter, disconnectAfter;
        for (int i = 0; i < kills; ++i)
            killAfter << random.bounded(messages);
        for (int i = 0; i < disconnects; ++i)
            disconnectAfter << random.bounded(messages);

        int killed = 0;
        int disconnected = 0;
        int said = 0;
        int handled = 0; // faults drawn for a message written while the gateway was down come later
        while (said < messages) {
            say(u"m%1"_s.arg(++said));
            qsizetype disconnectsDue = 0, killsDue = 0;
            for (int after = std::exchange(handled, said); after < said; ++after) {
                disconnectsDue += disconnectAfter.count(after);
                killsDue += killAfter.count(after);
            }
            for (qsizetype i = disconnectsDue; i > 0; --i) {
                pace(random.bounded(400)); // a fault at a random moment, not a proof
                disconnect(random);
                ++disconnected;
            }
            if (random.bounded(4) == 0)
                platformFault(random);
            if (random.bounded(5) == 0 && m_modelFaults.isEmpty()) // more than three 5xx in a row is an outage
                modelFault(random);
            for (qsizetype i = killsDue; i > 0; --i) {
                // Mid-stream, mid-send or idle: wherever the random moment falls.
                pace(random.bounded(2000));
                collectLog();
                m_gateway->kill();
                QVERIFY(waitForExit(*m_gateway, 10'000));
                collectLog();
                ++killed;
                if (said < messages && random.bounded(3) == 0) // written while the gateway is down
                    say(u"m%1"_s.arg(++said));
                startGateway();
                if (QTest::currentTestFailed())
                    return;
            }
            pace(random.bounded(700)); // the person's pace, not a proof of anything
        }
        const int lastNumber = said;

        // Quiet: every message covered, nothing running, nothing unsent.
        const auto covered = [&] {
            QHash<int, int> times;
            for (const QString &text : botMessages()) {
                // A draft marked as interrupted says "the full answer follows": a stand-in, even when
                // the kill came after its last edit already held the whole reply.
                if (text.contains(u"Interrupted: Baton stopped"_s))
                    continue;
                if (text.contains(endMarker) || text.contains(cutMarker)) {
                    for (const int number : numbersIn(text))
                        ++times[number];
                }
            }
            return times;
        };
        const auto quiet = [&] {
            const QHash<int, int> times = covered();
            for (int k = 1; k <= lastNumber; ++k) {
                if (!times.contains(k))
                    return false;
            }
            return storeCount(u"SELECT COUNT(*) FROM sessions WHERE turn_state = 'running'"_s) == 0
                && storeCount(u"SELECT COUNT(*) FROM outbox WHERE state = 'pending'"_s) == 0;
        };
        const bool settled = QTest::qWaitFor(quiet, 120'000);
        collectLog();

        const QHash<int, int> times = covered();
        int lost = 0;
        int duplicated = 0;
        QStringList missing, doubled;
        for (int k = 1; k <= lastNumber; ++k) {
            if (!times.contains(k)) {
                ++lost;
                missing << u"m%1"_s.arg(k);
            } else if (times.value(k) > 1) {
                duplicated += times.value(k) - 1;
                doubled << u"m%1 x%2"_s.arg(k).arg(times.value(k));
            }
        }
        // Drafts that are not an answer should say they were interrupted. One whose send was in
        // flight at a kill -9 stays as it was (a known defect, not a loss): counted and shown, but
        // only lost and doubled answers fail the soak until it is fixed.
        QStringList stale;
        for (const QString &text : botMessages()) {
            // A model that kept failing is answered with a sentence, and the question by the next turn.
            if (!text.contains(endMarker) && !text.contains(cutMarker) && !text.contains(u"Interrupted"_s)
                && !text.contains(u"The model did not answer"_s))
                stale << text;
        }
        qInfo().noquote()
            << u"soak %1: messages %2, disconnects %3, kills %4, lost %5, duplicated %6 (stale drafts %7; seed %8, %9 s)"_s
                   .arg(platform)
                   .arg(lastNumber)
                   .arg(disconnected)
                   .arg(killed)
                   .arg(lost)
                   .arg(duplicated)
                   .arg(stale.size())
                   .arg(seed)
                   .arg(clock.elapsed() / 1000);
        const QString evidence = u"missing: %1\ndoubled: %2\nstale: %3\nthe chat:\n%4\nlog tail:\n%5"_s.arg(
            missing.join(u", "_s), doubled.join(u", "_s), stale.join(u" | "_s), chat().join(u'\n'), m_log.right(6000));
        if (lost || duplicated || !stale.isEmpty() || !settled) {
            // The whole story of a failed run, for whoever reproduces it with the same seed.
            QFile story(QDir::temp().filePath(u"baton-soak-%1-%2.log"_s.arg(platform).arg(seed)));
            if (story.open(QIODevice::WriteOnly))
                story.write(m_log.toUtf8());
            qWarning().noquote() << "the gateway's log:" << story.fileName();
        }
        QVERIFY2(lost == 0 && duplicated == 0, qPrintable(evidence));
        if (!stale.isEmpty())
            qWarning().noquote() << "stale drafts:" << stale.join(u" | "_s);
        QVERIFY2(settled, qPrintable(evidence));
        QCOMPARE(storeCount(u"SELECT COUNT(*) FROM sessions WHERE turn_state = 'running'"_s), 0);
        QCOMPARE(storeCount(u"SELECT COUNT(*) FROM sessions WHERE handoff_state IN ('pending', 'running')"_s), 0);
        // Everything sent, except the first message of a reply cut by a kill before it went out:
        // withdrawn on purpose, since the question is answered again.
        QCOMPARE(storeCount(u"SELECT COUNT(*) FROM outbox WHERE state <> 'sent' AND NOT (state = 'failed' "
                            "AND last_error LIKE 'Not sent: the reply was cut by a stop%')"_s),
            0);

        m_gateway->terminate();
        QVERIFY(waitForExit(*m_gateway, 15'000));
        m_gateway.reset();
    }
    void cleanup()
    {
        if (m_gateway) {
            m_gateway->kill();
            (void)waitForExit(*m_gateway, 10'000);
            m_gateway.reset();
        }
        m_llm.reset(); // its signal reaches this object no more
    }
};

int main(int argc, char **argv)
{
    // A long soak outlasts Qt Test's five minutes per function; CTest's timeout bounds CI's run.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "86400000");
    QCoreApplication app(argc, argv);
    TestChaosSoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_chaossoak.moc"
