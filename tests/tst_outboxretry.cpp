// SPDX-License-Identifier: GPL-3.0-or-later
#include "discord/discordadapter.h"
#include "fakediscordserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "gateway/outboxsender.h"
#include "slack/slackadapter.h"
#include "store/outboxstore.h"
#include "telegram/telegramadapter.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Fault = FakeTelegramServer::Fault;

namespace {
const QString discordGuild = u"700000000000000001"_s;
const QString discordChannel = u"700000000000000010"_s;
const QString slackChannel = u"C0000000001"_s;

struct Outcome
{
    QString messageId;
    QString error;
};
} // namespace

/// The outbox's one retry policy against each platform's fake: transient failures (429 with any
/// retry value, 5xx, dropped connections) are retried and counted, absurd waits fail the item with
/// a sentence without blocking the chat, refused edits become new messages, and a chat that keeps
/// failing is given up with a sentence. Every claim is counted at the fake.
class TestOutboxRetry : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeDiscordServer> m_discord;
    std::unique_ptr<FakeSlackServer> m_slack;
    std::unique_ptr<PlatformAdapter> m_adapter;
    QHash<qint64, Outcome> m_outcomes;

    bool startTelegram()
    {
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:secret"_s);
        if (!m_telegram->listen())
            return false;
        m_telegram->addPrivateChat(111, u"Ann"_s);
        TelegramAdapter::Options o;
        o.apiBase = m_telegram->apiBase();
        o.token = u"4242:secret"_s;
        o.pollTimeoutS = 5;
        o.maxBackoffMs = 200;
        return start(std::make_unique<TelegramAdapter>(m_network.get(), o));
    }
    bool startDiscord()
    {
        m_discord = std::make_unique<FakeDiscordServer>(u"discord-secret"_s);
        if (!m_discord->listen())
            return false;
        m_discord->addGuildChannel(discordGuild, discordChannel, u"general"_s);
        m_discord->setHeartbeatIntervalMs(1'000);
        DiscordAdapter::Options o;
        o.apiBase = m_discord->apiBase();
        o.token = u"discord-secret"_s;
        o.gateway.minReconnectMs = 50;
        o.gateway.maxReconnectMs = 400;
        return start(std::make_unique<DiscordAdapter>(m_network.get(), o));
    }
    bool startSlack()
    {
        m_slack = std::make_unique<FakeSlackServer>(u"xoxb-bot"_s, u"xapp-app"_s);
        if (!m_slack->listen())
            return false;
        m_slack->addChannel(slackChannel, u"general"_s);
        SlackAdapter::Options o;
        o.apiBase = m_slack->apiBase();
        o.botToken = u"xoxb-bot"_s;
        o.appToken = u"xapp-app"_s;
        o.minReconnectMs = 50;
        o.maxReconnectMs = 400;
        return start(std::make_unique<SlackAdapter>(m_network.get(), o));
    }
    bool start(std::unique_ptr<PlatformAdapter> adapter)
    {
        m_adapter = std::move(adapter);
        m_sender->addAdapter(m_adapter.get());
        m_adapter->start();
        return QTest::qWaitFor([this] { return m_adapter->state() == PlatformAdapter::State::Online; }, 10'000);
    }

    qint64 deliver(const QString &chat, const QString &text, const QString &editOf = {})
    {
        OutboxStore::Item item;
        item.platform = m_adapter->name();
        item.chat = chat;
        item.kind = editOf.isEmpty() ? OutboxStore::Kind::Send : OutboxStore::Kind::Edit;
        item.targetMessageId = editOf;
        item.content = text;
        return m_sender->deliver(item);
    }
    qint64 deliverEditOfRow(const QString &chat, const QString &text, qint64 row)
    {
        OutboxStore::Item item;
        item.platform = m_adapter->name();
        item.chat = chat;
        item.kind = OutboxStore::Kind::Edit;
        item.targetOutboxId = row;
        item.content = text;
        return m_sender->deliver(item);
    }
    /// Waits for the outbox's answer on @p id.
    Outcome outcome(qint64 id, int timeoutMs = 15'000)
    {
        if (!QTest::qWaitFor([&] { return m_outcomes.contains(id); }, timeoutMs))
            return { {}, u"<no answer>"_s };
        return m_outcomes.value(id);
    }
    Outcome deliverAndWait(const QString &chat, const QString &text, const QString &editOf = {})
    {
        const qint64 id = deliver(chat, text, editOf);
        return id == 0 ? Outcome { {}, u"<not recorded>"_s } : outcome(id);
    }
    QVariant column(qint64 id, const QString &name)
    {
        return m_store->scalar(u"SELECT %1 FROM outbox WHERE id = %2"_s.arg(name).arg(id));
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_outbox = std::make_unique<OutboxStore>(m_store->db);
        m_sender = std::make_unique<OutboxSender>(*m_outbox);
        m_sender->setRetryPolicy(RetryPolicy { 200, 400, 60'000 });
        m_outcomes.clear();
        connect(m_sender.get(), &OutboxSender::delivered, this,
            [this](qint64 id, const QString &messageId, const QString &error) {
                m_outcomes.insert(id, { messageId, error });
            });
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_sender.reset();
        m_adapter.reset();
        m_telegram.reset();
        m_discord.reset();
        m_slack.reset();
        m_network.reset();
        m_outbox.reset();
        m_store.reset();
    }

    void telegramFinalEditArrivesOnceAfter429()
    {
        QVERIFY(startTelegram());
        const Outcome draft = deliverAndWait(u"111"_s, u"The ferry leaves at"_s);
        QVERIFY2(draft.error.isEmpty(), qPrintable(draft.error));
        m_telegram->failNext(
            u"editMessageText"_s, Fault { 429, u"Too Many Requests: retry after 1"_s, 1, 0, false, false });
        const qint64 edit = deliver(u"111"_s, u"The ferry leaves at 21:00."_s, draft.messageId);
        const Outcome final = outcome(edit);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QCOMPARE(m_telegram->calls(u"editMessageText"_s).size(), 2);
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"The ferry leaves at 21:00."_s });
        QCOMPARE(column(edit, u"state"_s).toString(), u"sent"_s);
        QCOMPARE(column(edit, u"attempts"_s).toInt(), 1);
    }

    void telegramOddRetryAfterValuesNeverSpin_data()
    {
        QTest::addColumn<QJsonValue>("retryAfter");
        QTest::newRow("zero") << QJsonValue(0);
        QTest::newRow("negative") << QJsonValue(-5);
        QTest::newRow("text") << QJsonValue(u"soon"_s);
        QTest::newRow("fraction") << QJsonValue(0.001);
    }
    void telegramOddRetryAfterValuesNeverSpin()
    {
        QFETCH(QJsonValue, retryAfter);
        QVERIFY(startTelegram());
        for (int i = 0; i < 3; ++i)
            m_telegram->failNext(u"sendMessage"_s, Fault { 429, u"Too Many Requests"_s, retryAfter, 0, false, false });
        QElapsedTimer clock;
        clock.start();
        const Outcome sent = deliverAndWait(u"111"_s, u"patience"_s);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        // Three refusals, then the message: never dozens of attempts in a burst.
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 4);
        QVERIFY2(clock.elapsed() >= 2'500, qPrintable(u"%1 ms"_s.arg(clock.elapsed())));
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"patience"_s });
    }

    void telegramAbsurdWaitFailsTheItemAndTheChatGoesOn()
    {
        QVERIFY(startTelegram());
        m_telegram->failNext(u"sendMessage"_s, Fault { 429, u"Too Many Requests"_s, 1e9, 0, false, false });
        const Outcome stuck = deliverAndWait(u"111"_s, u"first"_s);
        QVERIFY2(stuck.error.contains(u"longer than Baton waits"_s), qPrintable(stuck.error));
        const Outcome next = deliverAndWait(u"111"_s, u"second"_s);
        QVERIFY2(next.error.isEmpty(), qPrintable(next.error));
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"second"_s });
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 2);
    }

    void telegramServerErrorsAndDropsAreRetried()
    {
        QVERIFY(startTelegram());
        m_telegram->failNext(u"sendMessage"_s, Fault { 502, u"Bad Gateway"_s, {}, 0, false, false });
        m_telegram->failNext(u"sendMessage"_s, Fault { 0, {}, {}, 0, false, true });
        m_telegram->failNext(u"sendMessage"_s, Fault { 0, {}, {}, 0, true, false });
        const qint64 id = deliver(u"111"_s, u"through the storm"_s);
        const Outcome sent = outcome(id);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 4);
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"through the storm"_s });
        // Qt itself resends a request whose reused connection closed before any answer, so the drop
        // may never reach the outbox; the 502s always do.
        const int attempts = column(id, u"attempts"_s).toInt();
        QVERIFY2(attempts >= 2 && attempts <= 3, qPrintable(QString::number(attempts)));
    }

    void telegramRefusedEditBecomesANewMessage()
    {
        QVERIFY(startTelegram());
        const Outcome draft = deliverAndWait(u"111"_s, u"preview…"_s);
        QVERIFY2(draft.error.isEmpty(), qPrintable(draft.error));
        m_telegram->failNext(
            u"editMessageText"_s, Fault { 400, u"Bad Request: message can't be edited"_s, {}, 0, false, false });
        const qint64 edit = deliver(u"111"_s, u"the whole reply"_s, draft.messageId);
        const Outcome final = outcome(edit);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QVERIFY(!final.messageId.isEmpty() && final.messageId != draft.messageId);
        QCOMPARE(m_telegram->botMessages(111), (QStringList { u"preview…"_s, u"the whole reply"_s }));
        QCOMPARE(column(edit, u"state"_s).toString(), u"failed"_s);
        QVERIFY(column(edit, u"last_error"_s).toString().contains(u"sent as a new message"_s));
    }

    // A reply finished while its first message was still being retried: the final text is in the
    // ledger at once, naming the first message's row, and edits it as soon as that row has an id.
    void anEditOfASendStillRetriedWaitsForItsId()
    {
        QVERIFY(startTelegram());
        m_telegram->failNext(u"sendMessage"_s, Fault { 500, u"Internal Server Error"_s, {}, 0, false, false });
        m_telegram->failNext(u"sendMessage"_s, Fault { 0, {}, {}, 0, true, false });
        const qint64 draft = deliver(u"111"_s, u"The ferry"_s);
        const qint64 edit = deliverEditOfRow(u"111"_s, u"The ferry leaves at 21:00."_s, draft);
        QCOMPARE(column(edit, u"target_outbox_id"_s).toLongLong(), draft);
        const Outcome final = outcome(edit);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QCOMPARE(final.messageId, outcome(draft).messageId);
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 3);
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"The ferry leaves at 21:00."_s });
    }

    void anEditOfASendThatFailedGoesOutAsANewMessage()
    {
        QVERIFY(startTelegram());
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 400, u"Bad Request: message is too long"_s, {}, 0, false, false });
        const qint64 draft = deliver(u"111"_s, u"The ferry"_s);
        const qint64 edit = deliverEditOfRow(u"111"_s, u"The ferry leaves at 21:00."_s, draft);
        QVERIFY(!outcome(draft).error.isEmpty());
        const Outcome final = outcome(edit);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QCOMPARE(m_telegram->calls(u"editMessageText"_s).size(), 0);
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"The ferry leaves at 21:00."_s });
    }

    void anEditThatChangesNothingIsNotSent()
    {
        QVERIFY(startTelegram());
        const qint64 draft = deliver(u"111"_s, u"All of it."_s);
        const Outcome final = outcome(deliverEditOfRow(u"111"_s, u"All of it."_s, draft));
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QCOMPARE(final.messageId, outcome(draft).messageId);
        QCOMPARE(m_telegram->calls(u"editMessageText"_s).size(), 0);
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"All of it."_s });
    }

    // Both recorded, then the process ends before either went out: the next run sends the first
    // message and edits it into the final text, once each.
    void anEditOfAnUnsentRowSurvivesARestart()
    {
        QVERIFY(startTelegram());
        m_telegram->failNext(u"sendMessage"_s, Fault { 429, u"Too Many Requests"_s, 30, 0, false, false });
        const qint64 draft = deliver(u"111"_s, u"The ferry"_s);
        const qint64 edit = deliverEditOfRow(u"111"_s, u"The ferry leaves at 21:00."_s, draft);
        QTRY_COMPARE(column(draft, u"attempts"_s).toInt(), 1);
        m_sender.reset();
        m_adapter.reset();
        m_sender = std::make_unique<OutboxSender>(*m_outbox);
        connect(m_sender.get(), &OutboxSender::delivered, this,
            [this](qint64 id, const QString &messageId, const QString &error) {
                m_outcomes.insert(id, { messageId, error });
            });
        QVERIFY(startTelegram());
        const Outcome final = outcome(edit);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 1);
        QCOMPARE(m_telegram->calls(u"editMessageText"_s).size(), 1);
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"The ferry leaves at 21:00."_s });
        QCOMPARE(column(draft, u"state"_s).toString(), u"sent"_s);
    }

    void telegramEditWithBadMarkupFallsBackToPlainText()
    {
        QVERIFY(startTelegram());
        const Outcome draft = deliverAndWait(u"111"_s, u"draft"_s);
        m_telegram->failNext(
            u"editMessageText"_s, Fault { 400, u"Bad Request: can't parse entities: oops"_s, {}, 0, false, false });
        const Outcome final = deliverAndWait(u"111"_s, u"*odd*"_s, draft.messageId);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        const auto calls = m_telegram->calls(u"editMessageText"_s);
        QCOMPARE(calls.size(), 2);
        QVERIFY(!calls.last().params.contains("parse_mode"_L1));
        QCOMPARE(m_telegram->botMessages(111), QStringList { u"*odd*"_s });
    }

    void aChatThatKeepsFailingIsGivenUpWithASentence()
    {
        m_sender->setRetryPolicy(RetryPolicy { 100, 200, 1'500 });
        QVERIFY(startTelegram());
        QSignalSpy undelivered(m_sender.get(), &OutboxSender::undelivered);
        for (int i = 0; i < 100; ++i)
            m_telegram->failNext(u"sendMessage"_s, Fault { 500, u"Internal Server Error"_s, {}, 0, false, false });
        const qint64 id = deliver(u"111"_s, u"into the void"_s);
        const Outcome given = outcome(id);
        QVERIFY2(given.error.startsWith(u"Gave up after"_s), qPrintable(given.error));
        QVERIFY2(given.error.contains(u"Internal Server Error"_s), qPrintable(given.error));
        const int calls = int(m_telegram->calls(u"sendMessage"_s).size());
        QVERIFY2(calls >= 3 && calls <= 20, qPrintable(QString::number(calls)));
        QCOMPARE(column(id, u"state"_s).toString(), u"failed"_s);
        QCOMPARE(column(id, u"attempts"_s).toInt(), calls - 1);
        // The window hears it too (a tray notification), not only the log.
        QCOMPARE(undelivered.size(), 1);
        QCOMPARE(undelivered.first().at(1).toString(), given.error);
    }

    void discordGlobalAbsurdWaitDoesNotSilenceLaterCalls()
    {
        QVERIFY(startDiscord());
        m_discord->rateLimitNextWith(u"/messages"_s, 1e9, true);
        const Outcome stuck = deliverAndWait(discordChannel, u"first"_s);
        QVERIFY2(stuck.error.contains(u"longer than Baton waits"_s), qPrintable(stuck.error));
        const Outcome next = deliverAndWait(discordChannel, u"second"_s);
        QVERIFY2(next.error.isEmpty(), qPrintable(next.error));
        QCOMPARE(m_discord->botMessages(discordChannel), QStringList { u"second"_s });
    }

    void discordOddWaitsServerErrorsAndDrops()
    {
        QVERIFY(startDiscord());
        m_discord->rateLimitNextWith(u"/messages"_s, 0);
        m_discord->rateLimitNextWith(u"/messages"_s, -1);
        m_discord->rateLimitNextWith(u"/messages"_s, u"soon"_s);
        const Outcome sent = deliverAndWait(discordChannel, u"waited"_s);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        const Outcome draft = sent;
        m_discord->failNext(u"/messages/"_s, 503);
        m_discord->failNext(u"/messages/"_s, 0);
        const qint64 edit = deliver(discordChannel, u"waited, then edited"_s, draft.messageId);
        const Outcome final = outcome(edit);
        QVERIFY2(final.error.isEmpty(), qPrintable(final.error));
        QCOMPARE(m_discord->botMessages(discordChannel), QStringList { u"waited, then edited"_s });
        const int attempts = column(edit, u"attempts"_s).toInt(); // the drop may be resent by Qt itself
        QVERIFY2(attempts >= 1 && attempts <= 2, qPrintable(QString::number(attempts)));
        int patches = 0;
        for (const auto &call : m_discord->restCalls())
            patches += call.method == "PATCH"_L1 ? 1 : 0;
        QCOMPARE(patches, 3);
    }

    void discordResendWithTheSameNonceIsDeduplicated()
    {
        QVERIFY(startDiscord());
        // A crash between Discord's answer and markSent: the next run sends the same item again.
        QSignalSpy sent(m_adapter.get(), &PlatformAdapter::sent);
        m_adapter->send(u"baton-o7"_s, discordChannel, {}, u"only once"_s);
        QVERIFY(sent.wait(10'000));
        m_adapter->send(u"baton-o7"_s, discordChannel, {}, u"only once"_s);
        QVERIFY(sent.wait(10'000));
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(1).at(1).toString(), sent.at(0).at(1).toString());
        QCOMPARE(m_discord->messagesCreated(), 1);
        QCOMPARE(m_discord->botMessages(discordChannel), QStringList { u"only once"_s });
        const QJsonObject body = m_discord->restCalls().last().body;
        QCOMPARE(body.value("nonce"_L1).toString(), u"baton-o7"_s);
        QCOMPARE(body.value("enforce_nonce"_L1).toBool(), true);
    }

    void discordAnswerLostAfterTheMessageWasMadeIsNotSentTwice()
    {
        QVERIFY(startDiscord());
        m_discord->failNext(u"/messages"_s, -1);
        const Outcome sent = deliverAndWait(discordChannel, u"exactly once"_s);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        int posts = 0;
        for (const auto &call : m_discord->restCalls())
            posts += call.method == "POST"_L1 && call.path.endsWith(u"/messages"_s) ? 1 : 0;
        QCOMPARE(posts, 2); // the lost answer, then the resend Discord matched by its nonce
        QCOMPARE(m_discord->messagesCreated(), 1);
        QCOMPARE(m_discord->botMessages(discordChannel), QStringList { u"exactly once"_s });
    }

    void discordResendAfterACrashIsNotSentTwice()
    {
        QVERIFY(startDiscord());
        // The run that crashed: recorded, sent, never marked sent.
        OutboxStore::Item item;
        item.platform = u"discord"_s;
        item.chat = discordChannel;
        item.content = u"before the crash"_s;
        const qint64 id = m_outbox->enqueue(item);
        QVERIFY(id > 0);
        QSignalSpy sent(m_adapter.get(), &PlatformAdapter::sent);
        m_adapter->send(u"baton-o%1"_s.arg(id), discordChannel, {}, item.content);
        QVERIFY(sent.wait(10'000));
        const QString made = sent.first().at(1).toString();
        // The next run finds the row pending and sends it again.
        m_sender->pickUpPending();
        const Outcome again = outcome(id);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.messageId, made);
        QCOMPARE(m_discord->messagesCreated(), 1);
        QCOMPARE(m_discord->botMessages(discordChannel), QStringList { u"before the crash"_s });
    }

    void slackOddWaitsServerErrorsAndDrops()
    {
        QVERIFY(startSlack());
        m_slack->rateLimitNextWith(u"chat.postMessage"_s, "0");
        m_slack->rateLimitNextWith(u"chat.postMessage"_s, "-1");
        m_slack->rateLimitNextWith(u"chat.postMessage"_s, "soon");
        m_slack->failNextHttp(u"chat.postMessage"_s, 500);
        m_slack->failNextHttp(u"chat.postMessage"_s, 0);
        const qint64 id = deliver(slackChannel, u"eventually"_s);
        const Outcome sent = outcome(id);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        QCOMPARE(m_slack->calls(u"chat.postMessage"_s).size(), 6);
        // The 429s are waited out by SlackApi itself; the 500 reaches the outbox, the drop may be
        // resent by Qt before it does.
        const int attempts = column(id, u"attempts"_s).toInt();
        QVERIFY2(attempts >= 1 && attempts <= 2, qPrintable(QString::number(attempts)));
        QCOMPARE(m_slack->botMessages(slackChannel), QStringList { u"eventually"_s });
    }

    void slackAbsurdWaitFailsTheItemAndTheChatGoesOn()
    {
        QVERIFY(startSlack());
        m_slack->rateLimitNextWith(u"chat.postMessage"_s, "1000000000");
        const Outcome stuck = deliverAndWait(slackChannel, u"first"_s);
        QVERIFY2(stuck.error.contains(u"longer than Baton waits"_s), qPrintable(stuck.error));
        const Outcome next = deliverAndWait(slackChannel, u"second"_s);
        QVERIFY2(next.error.isEmpty(), qPrintable(next.error));
        QCOMPARE(m_slack->calls(u"chat.postMessage"_s).size(), 2);
    }

    void threadCreationIsRetriedOnEveryPlatform()
    {
        const auto created = [this](const QString &home) {
            QSignalSpy spy(m_adapter.get(), &PlatformAdapter::threadCreated);
            m_adapter->createHandoffThread(u"h"_s, home, u"Baton — Trip"_s);
            return spy.wait(15'000) ? spy.first().at(1).toString() : u"<timeout>"_s;
        };
        QVERIFY(startTelegram());
        m_telegram->addGroup(-100500, u"Forum"_s, true);
        m_telegram->failNext(u"createForumTopic"_s, Fault { 502, u"Bad Gateway"_s, {}, 0, false, false });
        const QString topic = created(u"-100500"_s);
        QVERIFY2(!topic.isEmpty() && topic != u"<timeout>"_s, qPrintable(topic));
        QCOMPARE(m_telegram->calls(u"createForumTopic"_s).size(), 2);
        QCOMPARE(m_telegram->topics(-100500).size(), 1);
        cleanup();
        init();

        QVERIFY(startDiscord());
        m_discord->failNext(u"/threads"_s, 503);
        const QString thread = created(discordChannel);
        QCOMPARE(m_discord->threads(discordChannel), QStringList { thread });
        QVERIFY(m_discord->botMessages(discordChannel).isEmpty()); // no seed message: the retry made the thread
        cleanup();
        init();

        QVERIFY(startSlack());
        m_slack->failNextHttp(u"chat.postMessage"_s, 500);
        const QString seed = created(slackChannel);
        QVERIFY2(!seed.isEmpty() && seed != u"<timeout>"_s, qPrintable(seed));
        QCOMPARE(m_slack->calls(u"chat.postMessage"_s).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOutboxRetry)
#include "tst_outboxretry.moc"
