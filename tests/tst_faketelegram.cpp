// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketelegramserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

/// The fake Bot API keeps Telegram's promises, so adapters tested against it can trust it.
class TestFakeTelegram : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<QNetworkAccessManager> m_network;

    QNetworkReply *post(const QString &method, const QJsonObject &params, const QString &token = u"123:abc"_s)
    {
        QNetworkRequest request(QUrl(m_telegram->apiBase() + u"/bot"_s + token + u'/' + method));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setTransferTimeout(30'000);
        return m_network->post(request, QJsonDocument(params).toJson(QJsonDocument::Compact));
    }
    struct Answer
    {
        int status = 0;
        QJsonObject body;
        QByteArray raw;
    };
    static Answer wait(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(20'000);
        }
        Answer a { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), {}, reply->readAll() };
        a.body = QJsonDocument::fromJson(a.raw).object();
        reply->deleteLater();
        return a;
    }
    Answer call(const QString &method, const QJsonObject &params = {}) { return wait(post(method, params)); }

private Q_SLOTS:
    void init()
    {
        m_telegram = std::make_unique<FakeTelegramServer>(u"123:abc"_s);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(111, u"Ann"_s);
        m_telegram->addGroup(-1001, u"Home"_s, true);
        m_telegram->addGroup(-1002, u"Plain group"_s, false);
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_network.reset();
        m_telegram.reset();
    }

    void envelopeAndToken()
    {
        const Answer me = call(u"getMe"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.body.value("ok"_L1).toBool(), true);
        QCOMPARE(me.body.value("result"_L1).toObject().value("id"_L1).toInteger(), FakeTelegramServer::botId);
        const Answer wrong = wait(post(u"getMe"_s, {}, u"999:nope"_s));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.body.value("error_code"_L1).toInt(), 401);
        QCOMPARE(call(u"noSuchMethod"_s).status, 404);
    }

    void longPollingReallyWaitsAndOffsetsConfirm()
    {
        QNetworkReply *poll
            = post(u"getUpdates"_s, { { "timeout"_L1, 10 }, { "allowed_updates"_L1, QJsonArray { "message"_L1 } } });
        // Counted at the fake: the request arrived and is held, not answered (nothing to say yet).
        QTRY_COMPARE(m_telegram->pendingPolls(), 1);
        QVERIFY(!poll->isFinished());
        m_telegram->userSends(111, 111, u"/new@baton_test_bot hi"_s);
        const Answer first = wait(poll);
        const QJsonArray updates = first.body.value("result"_L1).toArray();
        QCOMPARE(updates.size(), 1);
        const QJsonObject update = updates.first().toObject();
        const qint64 updateId = update.value("update_id"_L1).toInteger();
        const QJsonObject message = update.value("message"_L1).toObject();
        QCOMPARE(message.value("text"_L1).toString(), u"/new@baton_test_bot hi"_s);
        QCOMPARE(message.value("from"_L1).toObject().value("id"_L1).toInteger(), 111);
        QCOMPARE(
            message.value("entities"_L1).toArray().first().toObject().value("type"_L1).toString(), u"bot_command"_s);

        // Not confirmed yet: it comes again, until a higher offset confirms it.
        QCOMPARE(call(u"getUpdates"_s, { { "offset"_L1, updateId } }).body.value("result"_L1).toArray().size(), 1);
        QCOMPARE(call(u"getUpdates"_s, { { "offset"_L1, updateId + 1 } }).body.value("result"_L1).toArray().size(), 0);
        QCOMPARE(m_telegram->calls(u"getUpdates"_s).first().params.value("allowed_updates"_L1).toArray().size(), 1);
    }

    void anIdlePollEndsAfterItsTimeout()
    {
        const Answer empty = call(u"getUpdates"_s, { { "timeout"_L1, 1 } });
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.body.value("result"_L1).toArray().size(), 0);
    }

    void aSecondPollerEndsTheFirstWithAConflict()
    {
        QNetworkReply *first = post(u"getUpdates"_s, { { "timeout"_L1, 10 } });
        QTRY_COMPARE(m_telegram->pendingPolls(), 1);
        QNetworkReply *second = post(u"getUpdates"_s, { { "timeout"_L1, 1 } });
        const Answer conflict = wait(first);
        QCOMPARE(conflict.status, 409);
        QVERIFY(conflict.body.value("description"_L1).toString().contains(u"terminated by other getUpdates request"_s));
        QCOMPARE(wait(second).status, 200);
    }

    void topicsInForumsAndPrivateChats()
    {
        const Answer topic = call(u"createForumTopic"_s, { { "chat_id"_L1, -1001 }, { "name"_L1, "Baton — Trip"_L1 } });
        const qint64 thread = topic.body.value("result"_L1).toObject().value("message_thread_id"_L1).toInteger();
        QVERIFY(thread > 1);
        QCOMPARE(m_telegram->topics(-1001), QList<qint64> { thread });
        const Answer sent = call(u"sendMessage"_s,
            { { "chat_id"_L1, -1001 }, { "message_thread_id"_L1, thread }, { "text"_L1, "here"_L1 } });
        QCOMPARE(sent.body.value("result"_L1).toObject().value("is_topic_message"_L1).toBool(), true);
        QCOMPARE(m_telegram->messages(-1001, thread), QStringList { u"here"_s });
        // General is addressed by omitting the thread; naming it (or an unknown one) fails.
        QCOMPARE(
            call(u"sendMessage"_s, { { "chat_id"_L1, -1001 }, { "message_thread_id"_L1, 1 }, { "text"_L1, "x"_L1 } })
                .status,
            400);

        QCOMPARE(call(u"createForumTopic"_s, { { "chat_id"_L1, -1002 }, { "name"_L1, "x"_L1 } })
                     .body.value("description"_L1)
                     .toString(),
            u"Bad Request: the chat is not a forum"_s);
        QVERIFY(call(u"createForumTopic"_s, { { "chat_id"_L1, 111 }, { "name"_L1, "x"_L1 } })
                    .body.value("description"_L1)
                    .toString()
                    .contains(u"BOT_FORUM_CREATE_FORBIDDEN"_s));
        m_telegram->setTopicsInPrivateChats(true);
        QCOMPARE(call(u"getMe"_s).body.value("result"_L1).toObject().value("has_topics_enabled"_L1).toBool(), true);
        QCOMPARE(call(u"createForumTopic"_s, { { "chat_id"_L1, 111 }, { "name"_L1, "x"_L1 } }).status, 200);
    }

    void sendingRules()
    {
        QCOMPARE(call(u"sendMessage"_s,
                     { { "chat_id"_L1, 111 }, { "text"_L1, "<b>bold</b> &lt;3"_L1 }, { "parse_mode"_L1, "HTML"_L1 } })
                     .status,
            200);
        QCOMPARE(m_telegram->messages(111), QStringList { u"bold <3"_s });
        const Answer badHtml = call(
            u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, "<b>half"_L1 }, { "parse_mode"_L1, "HTML"_L1 } });
        QCOMPARE(badHtml.status, 400);
        QVERIFY(badHtml.body.value("description"_L1).toString().startsWith(u"Bad Request: can't parse entities"_s));
        QCOMPARE(call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, QString(4097, u'a') } })
                     .body.value("description"_L1)
                     .toString(),
            u"Bad Request: message is too long"_s);
        QCOMPARE(call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, QString(4096, u'a') } }).status, 200);
        QCOMPARE(call(u"sendMessage"_s, { { "chat_id"_L1, 42 }, { "text"_L1, "x"_L1 } })
                     .body.value("description"_L1)
                     .toString(),
            u"Bad Request: chat not found"_s);
        m_telegram->blockBot(111);
        QCOMPARE(call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, "x"_L1 } }).status, 403);
    }

    void editing()
    {
        const qint64 id = call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, "draft"_L1 } })
                              .body.value("result"_L1)
                              .toObject()
                              .value("message_id"_L1)
                              .toInteger();
        QCOMPARE(
            call(u"editMessageText"_s, { { "chat_id"_L1, 111 }, { "message_id"_L1, id }, { "text"_L1, "final"_L1 } })
                .status,
            200);
        QCOMPARE(m_telegram->messages(111), QStringList { u"final"_s });
        QVERIFY(
            call(u"editMessageText"_s, { { "chat_id"_L1, 111 }, { "message_id"_L1, id }, { "text"_L1, "final"_L1 } })
                .body.value("description"_L1)
                .toString()
                .startsWith(u"Bad Request: message is not modified"_s));
        QCOMPARE(call(u"editMessageText"_s, { { "chat_id"_L1, 111 }, { "message_id"_L1, 999 }, { "text"_L1, "x"_L1 } })
                     .status,
            400);
    }

    void theStandaloneFakePrintsWhatTheBotSends()
    {
        QProcess fake;
        fake.start(
            QStringLiteral(FAKE_TELEGRAM_BINARY), { u"--token"_s, u"123:abc"_s, u"--forum"_s, u"-100123:Home"_s });
        QTRY_VERIFY(fake.canReadLine());
        const QString listening = QString::fromUtf8(fake.readLine()).trimmed();
        QVERIFY2(listening.startsWith(u"baton-fake-telegram listening on http://127.0.0.1:"_s), qPrintable(listening));
        const QString apiBase = listening.section(u' ', -1);
        const auto call = [&](const QString &method, const QJsonObject &params) {
            QNetworkRequest request(QUrl(apiBase + u"/bot123:abc/"_s + method));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            return wait(m_network->post(request, QJsonDocument(params).toJson(QJsonDocument::Compact)));
        };
        const Answer topic = call(u"createForumTopic"_s, { { "chat_id"_L1, -100123 }, { "name"_L1, u"Trip"_s } });
        QCOMPARE(topic.status, 200);
        const qint64 thread = topic.body.value("result"_L1).toObject().value("message_thread_id"_L1).toInteger();
        QCOMPARE(call(u"sendMessage"_s,
                     { { "chat_id"_L1, -100123 }, { "message_thread_id"_L1, thread }, { "text"_L1, u"Hello"_s } })
                     .status,
            200);
        QString printed;
        QTRY_VERIFY((printed += QString::fromUtf8(fake.readAll())).count(u'\n') >= 2);
        QCOMPARE(printed, u"bot opens a topic in -100123: Trip\nbot -> -100123 topic %1: Hello\n"_s.arg(thread));
        fake.kill();
        fake.waitForFinished();
    }

    void injectedFaults()
    {
        m_telegram->failNext(u"sendMessage"_s, { 429, u"Too Many Requests: retry after 3"_s, 3, 0, false, false });
        const Answer limited = call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, "x"_L1 } });
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.body.value("parameters"_L1).toObject().value("retry_after"_L1).toInt(), 3);
        QCOMPARE(call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, "x"_L1 } }).status, 200); // once only

        m_telegram->failNext(u"sendMessage"_s,
            { 400, u"Bad Request: group chat was upgraded to a supergroup chat"_s, 0, -100777, false, false });
        QCOMPARE(call(u"sendMessage"_s, { { "chat_id"_L1, 111 }, { "text"_L1, "x"_L1 } })
                     .body.value("parameters"_L1)
                     .toObject()
                     .value("migrate_to_chat_id"_L1)
                     .toInteger(),
            -100777);

        m_telegram->failNext(u"getMe"_s, { 0, {}, 0, 0, true, false });
        const Answer garbage = call(u"getMe"_s);
        QCOMPARE(garbage.status, 502);
        QVERIFY(garbage.raw.startsWith("<html>"));

        // Seen from a raw socket: QNetworkAccessManager would quietly resend a request dropped before
        // any byte of the answer (adapters get that retry for free).
        m_telegram->failNext(u"getMe"_s, { 0, {}, 0, 0, false, true });
        QTcpSocket raw;
        raw.connectToHost(u"127.0.0.1"_s, QUrl(m_telegram->apiBase()).port());
        QVERIFY(raw.waitForConnected(5'000));
        raw.write("GET /bot123:abc/getMe HTTP/1.1\r\nHost: x\r\n\r\n");
        QSignalSpy closed(&raw, &QTcpSocket::disconnected);
        QVERIFY(closed.wait(5'000));
        QVERIFY(raw.readAll().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFakeTelegram)
#include "tst_faketelegram.moc"
