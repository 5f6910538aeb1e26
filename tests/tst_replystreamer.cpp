// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketelegramserver.h"
#include "gateway/outboxsender.h"
#include "gateway/replystreamer.h"
#include "store/outboxstore.h"
#include "store/sessionstore.h"
#include "telegram/telegramadapter.h"
#include "teststore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Fault = FakeTelegramServer::Fault;

namespace {
constexpr qint64 ann = 111;
}

/// One reply on a platform while the model writes it, seen from the fake Telegram: a first
/// message as soon as there is text, throttled edits, the final text split at the limit, an
/// overlong reply cut with a note, and a final text that never waits in memory for the first
/// message's id.
class TestReplyStreamer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<TelegramAdapter> m_adapter;
    QString m_sessionId;

    [[nodiscard]] std::unique_ptr<ReplyStreamer> streamer(int maxLength = 4096, int maxReplyChars = 32'000)
    {
        ReplyStreamer::Target target;
        target.sessionId = m_sessionId;
        target.platform = u"telegram"_s;
        target.chat = QString::number(ann);
        target.maxLength = maxLength;
        target.maxReplyChars = maxReplyChars;
        return std::make_unique<ReplyStreamer>(*m_sender, target, 200);
    }
    [[nodiscard]] QStringList shown() const { return m_telegram->botMessages(ann); }
    [[nodiscard]] qsizetype calls(const QString &method) const { return m_telegram->calls(method).size(); }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_outbox = std::make_unique<OutboxStore>(m_store->db);
        m_sessionId = SessionStore(m_store->db).createSession(u"Ferries"_s);
        QVERIFY(!m_sessionId.isEmpty());
        m_sender = std::make_unique<OutboxSender>(*m_outbox);
        m_sender->setRetryPolicy(RetryPolicy { 100, 200, 60'000 });
        m_network = std::make_unique<QNetworkAccessManager>();
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:secret"_s);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(ann, u"Ann"_s);
        TelegramAdapter::Options o;
        o.apiBase = m_telegram->apiBase();
        o.token = u"4242:secret"_s;
        o.pollTimeoutS = 5;
        m_adapter = std::make_unique<TelegramAdapter>(m_network.get(), o);
        m_sender->addAdapter(m_adapter.get());
        m_adapter->start();
        QTRY_VERIFY(m_adapter->state() == PlatformAdapter::State::Online);
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

    void theFirstTextIsShownAtOnceThenEditedIntoTheFinalText()
    {
        auto reply = streamer();
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        reply->append(u"The ferry"_s);
        QTRY_COMPARE(shown(), QStringList { u"The ferry"_s });
        reply->append(u" leaves"_s);
        QTRY_COMPARE(shown(), QStringList { u"The ferry leaves"_s }); // a throttled preview edit
        reply->finish(u"The ferry leaves at 21:00."_s);
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(shown(), QStringList { u"The ferry leaves at 21:00."_s });
        QCOMPARE(calls(u"sendMessage"_s), 1);
        QCOMPARE(calls(u"editMessageText"_s), 2);
    }

    void whitespaceAloneShowsNothing()
    {
        auto reply = streamer();
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        reply->append(u"  \n "_s);
        reply->append(u"Hi"_s);
        reply->finish(u"Hi"_s);
        QVERIFY(finished.wait());
        QCOMPARE(shown(), QStringList { u"Hi"_s });
        QCOMPARE(calls(u"sendMessage"_s), 1); // one message: the blank start was never sent alone
    }

    void aLongReplyIsSplitAtTheLimitIntoNewMessages()
    {
        auto reply = streamer(50);
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        const QString text = u"one two three four five six seven eight nine ten eleven twelve thirteen"_s;
        reply->append(text.left(20));
        QTRY_COMPARE(calls(u"sendMessage"_s), 1);
        reply->finish(text);
        QVERIFY(finished.wait());
        const QStringList parts = shown();
        QCOMPARE(parts.size(), 2);
        for (const QString &part : parts)
            QVERIFY2(part.size() <= 50, qPrintable(part));
        QCOMPARE(parts.join(u' ').simplified(), text);
    }

    void anOverlongReplyIsCutWithANoteWhereItIsWhole()
    {
        auto reply = streamer(200, 400);
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        QString text;
        for (int i = 0; i < 200; ++i)
            text += u"word%1 "_s.arg(i);
        reply->finish(text);
        QVERIFY(finished.wait());
        const QStringList parts = shown();
        QVERIFY2(parts.size() >= 2 && parts.size() <= 3, qPrintable(parts.join(u" | "_s)));
        QVERIFY(parts.constLast().contains(u"baton sessions show "_s + m_sessionId.left(8)));
        QVERIFY(!parts.join(QString()).contains(u"word199"_s));
    }

    // The model finished while the first message was still being retried: the final text is in
    // the outbox at once (an edit naming the first message's row), and nothing waits in memory.
    void theFinalTextIsRecordedBeforeTheFirstMessageHasItsId()
    {
        m_telegram->failNext(u"sendMessage"_s, Fault { 500, u"Internal Server Error"_s, {}, 0, false, false });
        m_telegram->failNext(u"sendMessage"_s, Fault { 502, u"Bad Gateway"_s, {}, 0, false, false });
        auto reply = streamer();
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        reply->append(u"The ferry"_s);
        reply->finish(u"The ferry leaves at 21:00."_s);
        QCOMPARE(m_store
                     ->scalar(u"SELECT COUNT(*) FROM outbox WHERE kind = 'edit' AND state = 'pending' "
                              "AND target_outbox_id IS NOT NULL"_s)
                     .toInt(),
            1);
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(shown(), QStringList { u"The ferry leaves at 21:00."_s });
        QCOMPARE(calls(u"sendMessage"_s), 3);
        QCOMPARE(calls(u"editMessageText"_s), 1);
    }

    void aFirstMessageRefusedForGoodLeavesTheFinalTextAsANewOne()
    {
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 400, u"Bad Request: message text is empty"_s, {}, 0, false, false });
        auto reply = streamer();
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        reply->append(u"The ferry"_s);
        reply->finish(u"The ferry leaves at 21:00."_s);
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(shown(), QStringList { u"The ferry leaves at 21:00."_s });
        QCOMPARE(calls(u"editMessageText"_s), 0);
    }

    void aFinalTextThatIsAlreadyShownIsNotSentAgain()
    {
        auto reply = streamer();
        QSignalSpy finished(reply.get(), &ReplyStreamer::finished);
        reply->append(u"All of it."_s);
        reply->finish(u"All of it."_s);
        QVERIFY(finished.wait());
        QCOMPARE(shown(), QStringList { u"All of it."_s });
        QCOMPARE(calls(u"sendMessage"_s), 1);
        QCOMPARE(calls(u"editMessageText"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestReplyStreamer)
#include "tst_replystreamer.moc"
