// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketelegramserver.h"
#include "gateway/outboxsender.h"
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
constexpr qint64 ann = 111;
constexpr qint64 bob = 222;
} // namespace

/// The outbox's ordering against the fake Telegram (tst_outboxretry covers each platform's kinds of
/// failure): a chat's messages arrive in the order they were given while its head is retried, after
/// 429 (no sooner than retry_after said), a 5xx, or a give-up; another chat is never held up by it;
/// rows an earlier run left go out in their order.
class TestOutboxSender : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<TelegramAdapter> m_adapter;
    QList<qint64> m_order; // outbox ids in the order delivered() named them
    QHash<qint64, QString> m_errors;

    [[nodiscard]] bool startAdapter()
    {
        m_sender->addAdapter(m_adapter.get());
        m_adapter->start();
        return QTest::qWaitFor([this] { return m_adapter->state() == PlatformAdapter::State::Online; }, 10'000);
    }
    [[nodiscard]] static OutboxStore::Item item(qint64 chat, const QString &text)
    {
        OutboxStore::Item item;
        item.platform = u"telegram"_s;
        item.chat = QString::number(chat);
        item.kind = OutboxStore::Kind::Send;
        item.content = text;
        return item;
    }
    qint64 deliver(qint64 chat, const QString &text) { return m_sender->deliver(item(chat, text)); }
    [[nodiscard]] bool answered(std::initializer_list<qint64> ids, int timeoutMs = 15'000)
    {
        return QTest::qWaitFor(
            [&] { return std::all_of(ids.begin(), ids.end(), [this](qint64 id) { return m_order.contains(id); }); },
            timeoutMs);
    }
    /// The texts the fake was asked to send in @p chat, attempts included, in order.
    [[nodiscard]] QStringList attempts(qint64 chat) const
    {
        QStringList texts;
        for (const auto &call : m_telegram->calls(u"sendMessage"_s)) {
            if (call.params.value(u"chat_id"_s).toInteger() == chat)
                texts << call.params.value(u"text"_s).toString();
        }
        return texts;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_outbox = std::make_unique<OutboxStore>(m_store->db);
        m_sender = std::make_unique<OutboxSender>(*m_outbox);
        m_sender->setRetryPolicy(RetryPolicy { 100, 200, 60'000 });
        m_order.clear();
        m_errors.clear();
        connect(
            m_sender.get(), &OutboxSender::delivered, this, [this](qint64 id, const QString &, const QString &error) {
                m_order << id;
                m_errors.insert(id, error);
            });
        m_network = std::make_unique<QNetworkAccessManager>();
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:secret"_s);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(ann, u"Ann"_s);
        m_telegram->addPrivateChat(bob, u"Bob"_s);
        TelegramAdapter::Options o;
        o.apiBase = m_telegram->apiBase();
        o.token = u"4242:secret"_s;
        o.pollTimeoutS = 5;
        o.maxBackoffMs = 200;
        m_adapter = std::make_unique<TelegramAdapter>(m_network.get(), o);
    }
    void cleanup()
    {
        m_sender.reset();
        m_adapter.reset();
        m_telegram.reset();
        m_network.reset();
        m_outbox.reset();
        m_store.reset();
    }

    void aChatKeepsItsOrderWhileItsHeadWaitsOutA429()
    {
        QVERIFY(startAdapter());
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 429, u"Too Many Requests: retry after 1"_s, 1, 0, false, false });
        QElapsedTimer clock;
        clock.start();
        const qint64 a = deliver(ann, u"one"_s);
        const qint64 b = deliver(ann, u"two"_s);
        const qint64 c = deliver(ann, u"three"_s);
        QVERIFY(a && b && c);
        QVERIFY(answered({ a, b, c }));
        QVERIFY2(clock.elapsed() >= 1'000, qPrintable(u"%1 ms: sooner than retry_after"_s.arg(clock.elapsed())));
        QCOMPARE(m_order, (QList<qint64> { a, b, c }));
        QCOMPARE(m_telegram->botMessages(ann), (QStringList { u"one"_s, u"two"_s, u"three"_s }));
        // Nothing behind the head was tried while it waited.
        QCOMPARE(attempts(ann), (QStringList { u"one"_s, u"one"_s, u"two"_s, u"three"_s }));
        QCOMPARE(m_store->scalar(u"SELECT attempts FROM outbox WHERE id = %1"_s.arg(a)).toInt(), 1);
        QCOMPARE(m_store->scalar(u"SELECT attempts FROM outbox WHERE id = %1"_s.arg(b)).toInt(), 0);
    }

    void aChatKeepsItsOrderThroughServerErrors()
    {
        QVERIFY(startAdapter());
        m_telegram->failNext(u"sendMessage"_s, Fault { 502, u"Bad Gateway"_s, {}, 0, false, false });
        m_telegram->failNext(u"sendMessage"_s, Fault { 503, u"Service Unavailable"_s, {}, 0, false, false });
        const qint64 a = deliver(ann, u"one"_s);
        const qint64 b = deliver(ann, u"two"_s);
        QVERIFY(answered({ a, b }));
        QCOMPARE(m_order, (QList<qint64> { a, b }));
        QVERIFY2(m_errors.value(a).isEmpty() && m_errors.value(b).isEmpty(), qPrintable(m_errors.value(a)));
        QCOMPARE(attempts(ann), (QStringList { u"one"_s, u"one"_s, u"one"_s, u"two"_s }));
    }

    void anotherChatIsNotHeldByARetryingOne()
    {
        QVERIFY(startAdapter());
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 429, u"Too Many Requests: retry after 2"_s, 2, 0, false, false });
        const qint64 held = deliver(ann, u"for Ann"_s);
        QTRY_COMPARE(attempts(ann).size(), 1); // refused, now waiting two seconds
        const qint64 free = deliver(bob, u"for Bob"_s);
        QVERIFY(answered({ free }));
        QVERIFY(!m_order.contains(held)); // Bob's went out while Ann's was still waiting
        QVERIFY(answered({ held }));
        QCOMPARE(m_order, (QList<qint64> { free, held }));
        QCOMPARE(m_telegram->botMessages(bob), QStringList { u"for Bob"_s });
        QCOMPARE(m_telegram->botMessages(ann), QStringList { u"for Ann"_s });
    }

    void afterAGiveUpTheRestOfTheChatGoesOutInOrder()
    {
        m_sender->setRetryPolicy(RetryPolicy { 100, 200, 600 });
        QVERIFY(startAdapter());
        QSignalSpy undelivered(m_sender.get(), &OutboxSender::undelivered);
        // Every attempt at "lost" fails (the fault is queued as the call arrives); the others pass.
        connect(
            m_telegram.get(), &FakeTelegramServer::called, this, [this](const QString &method, const QJsonObject &p) {
                if (method == "sendMessage"_L1 && p.value("text"_L1).toString() == "lost"_L1)
                    m_telegram->failNext(method, Fault { 500, u"Internal Server Error"_s, {}, 0, false, false });
            });
        const qint64 lost = deliver(ann, u"lost"_s);
        const qint64 a = deliver(ann, u"one"_s);
        const qint64 b = deliver(ann, u"two"_s);
        QVERIFY(answered({ lost }));
        QVERIFY2(m_errors.value(lost).startsWith(u"Gave up after"_s), qPrintable(m_errors.value(lost)));
        QCOMPARE(undelivered.size(), 1);
        QCOMPARE(undelivered.first().at(0).toString(), u"telegram"_s);
        QVERIFY(answered({ a, b }));
        QCOMPARE(m_order, (QList<qint64> { lost, a, b }));
        QVERIFY(attempts(ann).count(u"lost"_s) >= 3);
        QCOMPARE(m_telegram->botMessages(ann), (QStringList { u"one"_s, u"two"_s }));
    }

    void aRefusedSendFailsAtOnceAndTheChatGoesOn()
    {
        QVERIFY(startAdapter());
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 403, u"Forbidden: bot was blocked by the user"_s, {}, 0, false, false });
        const qint64 refused = deliver(ann, u"refused"_s);
        const qint64 next = deliver(ann, u"next"_s);
        QVERIFY(answered({ refused, next }));
        QCOMPARE(m_order, (QList<qint64> { refused, next }));
        QVERIFY2(!m_errors.value(refused).isEmpty(), "a refusal must be reported");
        QVERIFY2(m_errors.value(next).isEmpty(), qPrintable(m_errors.value(next)));
        QCOMPARE(attempts(ann), (QStringList { u"refused"_s, u"next"_s })); // never retried
        QCOMPARE(m_store->scalar(u"SELECT state FROM outbox WHERE id = %1"_s.arg(refused)).toString(), u"failed"_s);
    }

    void rowsAnEarlierRunLeftGoOutInTheirOrder()
    {
        // Queued by another connection (an earlier run, the window's note) before the adapter is online.
        Database other;
        QVERIFY(other.open(m_store->path()));
        OutboxStore earlier(other);
        const qint64 a = earlier.enqueue(item(ann, u"left one"_s));
        const qint64 b = earlier.enqueue(item(ann, u"left two"_s));
        const qint64 c = earlier.enqueue(item(bob, u"left for Bob"_s));
        QVERIFY(a && b && c);
        QVERIFY(startAdapter()); // coming online picks them up
        QVERIFY(answered({ a, b, c }));
        QVERIFY(m_order.indexOf(a) < m_order.indexOf(b));
        QCOMPARE(m_telegram->botMessages(ann), (QStringList { u"left one"_s, u"left two"_s }));
        QCOMPARE(m_telegram->botMessages(bob), QStringList { u"left for Bob"_s });
        // Picking up again sends nothing twice.
        m_sender->pickUpPending();
        const qint64 after = deliver(ann, u"fresh"_s);
        QVERIFY(answered({ after }));
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
