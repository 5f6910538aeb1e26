// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeslackserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString botToken = u"xoxb-test-bot"_s;
const QString appToken = u"xapp-test-app"_s;

/// A raw Socket Mode client: keeps every frame it gets, acks only when told to.
struct Client
{
    QWebSocket socket;
    QList<QJsonObject> frames;
    bool autoAck = false;
    QElapsedTimer lastFrame;

    Client()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &frame) {
            const QJsonObject object = QJsonDocument::fromJson(frame.toUtf8()).object();
            frames << object;
            lastFrame.start();
            if (autoAck && object.value("type"_L1).toString() == "events_api"_L1)
                ack(object);
        });
    }
    void ack(const QJsonObject &envelope)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(
            QJsonObject { { "envelope_id"_L1,
                envelope.value("envelope_id"_L1) } }).toJson(QJsonDocument::Compact)));
    }
    [[nodiscard]] QList<QJsonObject> envelopes() const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &frame : frames) {
            if (frame.value("type"_L1).toString() == "events_api"_L1)
                found << frame;
        }
        return found;
    }
    [[nodiscard]] int envelopeCount() const { return int(envelopes().size()); }
};

QJsonObject eventOf(const QJsonObject &envelope)
{
    return envelope.value("payload"_L1).toObject().value("event"_L1).toObject();
}

QString eventIdOf(const QJsonObject &envelope)
{
    return envelope.value("payload"_L1).toObject().value("event_id"_L1).toString();
}

/// seconds and microseconds of a ts, read as integers.
std::pair<qint64, qint64> tsParts(const QString &ts)
{
    return { ts.section(u'.', 0, 0).toLongLong(), ts.section(u'.', 1).toLongLong() };
}
} // namespace

/// The fake Slack keeps Slack's promises, so adapters tested against it can trust it.
class TestFakeSlack : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeSlackServer> m_slack;
    std::unique_ptr<QNetworkAccessManager> m_network;

    struct Answer
    {
        int status = 0;
        QJsonObject body;
        QByteArray contentType;
        QByteArray retryAfter;
    };

    static Answer wait(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(10'000);
        }
        Answer a { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object(), reply->rawHeader("Content-Type"),
            reply->rawHeader("Retry-After") };
        reply->deleteLater();
        return a;
    }
    QNetworkRequest request(const QString &method, const QString &token) const
    {
        QNetworkRequest r(QUrl(m_slack->apiBase() + u'/' + method));
        if (!token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        r.setTransferTimeout(10'000);
        return r;
    }
    Answer call(const QString &method, const QJsonObject &params = {}, const QString &token = botToken)
    {
        QNetworkRequest r = request(method, token);
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json; charset=utf-8"_ba);
        return wait(m_network->post(r, QJsonDocument(params).toJson(QJsonDocument::Compact)));
    }
    Answer callForm(const QString &method, const QByteArray &form, const QString &token = botToken)
    {
        QNetworkRequest r = request(method, token);
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
        return wait(m_network->post(r, form));
    }
    static QString errorOf(const Answer &a)
    {
        return a.body.value("ok"_L1).toBool() ? u"(ok)"_s : a.body.value("error"_L1).toString();
    }
    QString post(const QString &channel, const QString &text, const QString &threadTs = {})
    {
        QJsonObject params { { "channel"_L1, channel }, { "text"_L1, text } };
        if (!threadTs.isEmpty())
            params.insert("thread_ts"_L1, threadTs);
        return call(u"chat.postMessage"_s, params).body.value("ts"_L1).toString();
    }
    QString openUrl() { return call(u"apps.connections.open"_s, {}, appToken).body.value("url"_L1).toString(); }

    /// Opens a Socket Mode connection and waits for its hello.
    std::unique_ptr<Client> connectClient(bool autoAck = false)
    {
        auto client = std::make_unique<Client>();
        client->autoAck = autoAck;
        client->socket.open(QUrl(openUrl()));
        if (!QTest::qWaitFor([&] { return !client->frames.isEmpty(); }, 5'000))
            qWarning("no hello");
        return client;
    }
    static bool isHello(const QJsonObject &frame) { return frame.value("type"_L1).toString() == "hello"_L1; }

private Q_SLOTS:
    void init()
    {
        m_slack = std::make_unique<FakeSlackServer>(botToken, appToken);
        QVERIFY(m_slack->listen());
        m_slack->addChannel(u"C0001"_s, u"general"_s);
        m_slack->addIm(u"D0001"_s, u"U0001"_s);
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_network.reset();
        m_slack.reset();
    }

    void connectionsOpenMintsSingleUseTickets()
    {
        static const QRegularExpression urlPattern(
            u"^ws://127\\.0\\.0\\.1:([0-9]+)/link/\\?ticket=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"_s);
        const Answer first = call(u"apps.connections.open"_s, {}, appToken);
        QCOMPARE(first.status, 200);
        QVERIFY(first.contentType.startsWith("application/json"));
        QCOMPARE(first.body.value("ok"_L1).toBool(), true);
        const auto m1 = urlPattern.match(first.body.value("url"_L1).toString());
        QVERIFY2(m1.hasMatch(), qPrintable(first.body.value("url"_L1).toString()));
        QCOMPARE(m1.captured(1).toUInt(), m_slack->webSocketPort());
        const auto m2 = urlPattern.match(openUrl());
        QVERIFY(m2.hasMatch());
        QVERIFY(m1.captured(2) != m2.captured(2)); // a fresh ticket every time
        QCOMPARE(m_slack->connectionsOpened(), 2);

        // Only the app-level token opens connections.
        QCOMPARE(errorOf(call(u"apps.connections.open"_s, {}, botToken)), u"not_allowed_token_type"_s);
        QCOMPARE(errorOf(call(u"apps.connections.open"_s, {}, u"xapp-wrong"_s)), u"invalid_auth"_s);
        QCOMPARE(errorOf(call(u"apps.connections.open"_s, {}, {})), u"invalid_auth"_s);
        QCOMPARE(m_slack->connectionsOpened(), 2);
        const auto opens = m_slack->calls(u"apps.connections.open"_s);
        QCOMPARE(opens.size(), 5);
        QCOMPARE(opens.first().authorization, "Bearer " + appToken.toUtf8());
        QCOMPARE(opens.last().authorization, QByteArray());

        // A good ticket: hello, exactly.
        Client client;
        client.socket.open(QUrl(first.body.value("url"_L1).toString()));
        QTRY_COMPARE(client.frames.size(), 1);
        const QJsonObject hello = client.frames.first();
        QCOMPARE(hello.value("type"_L1).toString(), u"hello"_s);
        QCOMPARE(hello.value("num_connections"_L1).toInt(), 1);
        QCOMPARE(hello.value("debug_info"_L1).toObject().value("host"_L1).toString(), u"fake"_s);
        QCOMPARE(hello.value("debug_info"_L1).toObject().value("approximate_connection_time"_L1).toInt(), 18060);
        QCOMPARE(hello.value("connection_info"_L1).toObject().value("app_id"_L1).toString(), u"A0001"_s);
        QCOMPARE(m_slack->liveConnections(), 1);

        // The same ticket again, and a made-up one: closed at once with 1008, no hello.
        const QStringList badUrls = { first.body.value("url"_L1).toString(),
            u"ws://127.0.0.1:%1/link/?ticket=00000000-0000-0000-0000-000000000000"_s.arg(m_slack->webSocketPort()) };
        for (const QString &url : badUrls) {
            Client rejected;
            QSignalSpy closed(&rejected.socket, &QWebSocket::disconnected);
            rejected.socket.open(QUrl(url));
            QVERIFY(closed.wait(5'000));
            QCOMPARE(rejected.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
            QVERIFY(rejected.frames.isEmpty());
        }
        QCOMPARE(m_slack->liveConnections(), 1);
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    }

    void authTestAndTokens()
    {
        const Answer me = call(u"auth.test"_s);
        QCOMPARE(me.status, 200);
        QVERIFY(me.contentType.startsWith("application/json"));
        const QJsonObject expected { { "ok"_L1, true }, { "url"_L1, "https://fake.slack.com/"_L1 },
            { "team"_L1, "Fake"_L1 }, { "user"_L1, "baton"_L1 }, { "team_id"_L1, "T0000001"_L1 },
            { "user_id"_L1, "UBATON0001"_L1 }, { "bot_id"_L1, "BBATON0001"_L1 } };
        QCOMPARE(me.body, expected);

        // Errors are HTTP 200 with ok:false.
        const Answer wrong = call(u"auth.test"_s, {}, u"xoxb-wrong"_s);
        QCOMPARE(wrong.status, 200);
        QCOMPARE(wrong.body.value("ok"_L1).toBool(), false);
        QCOMPARE(errorOf(wrong), u"invalid_auth"_s);
        QCOMPARE(errorOf(call(u"auth.test"_s, {}, appToken)), u"invalid_auth"_s);
        QCOMPARE(errorOf(call(u"auth.test"_s, {}, {})), u"invalid_auth"_s);
        QCOMPARE(errorOf(call(u"chat.update"_s, { { "channel"_L1, "C0001"_L1 } }, {})), u"invalid_auth"_s);
        QCOMPARE(errorOf(call(u"no.such.method"_s)), u"unknown_method"_s);
        QNetworkRequest outside(QUrl(m_slack->apiBase().chopped(4) + u"/other"_s)); // not under /api
        QCOMPARE(wait(m_network->get(outside)).status, 404);

        const auto recorded = m_slack->calls(u"auth.test"_s);
        QCOMPARE(recorded.size(), 4);
        QCOMPARE(recorded.at(0).authorization, "Bearer " + botToken.toUtf8());
        QCOMPARE(recorded.at(1).authorization, "Bearer xoxb-wrong"_ba);
        QCOMPARE(m_slack->calls().size(), 6);
    }

    void postingMessages()
    {
        const Answer sent = call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, "hello"_L1 } });
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.body.value("ok"_L1).toBool(), true);
        QCOMPARE(sent.body.value("channel"_L1).toString(), u"C0001"_s);
        QVERIFY(sent.body.value("ts"_L1).isString());
        const QString ts = sent.body.value("ts"_L1).toString();
        // A ts is a string a double cannot carry: ten digits, a dot, six digits, trailing zeros.
        QVERIFY2(QRegularExpression(u"^[0-9]{10}\\.[0-9]{6}$"_s).match(ts).hasMatch(), qPrintable(ts));
        QVERIFY(ts.endsWith("00"_L1));
        QVERIFY(QString::number(ts.toDouble()) != ts);
        const QJsonObject message = sent.body.value("message"_L1).toObject();
        QCOMPARE(message.value("type"_L1).toString(), u"message"_s);
        QCOMPARE(message.value("text"_L1).toString(), u"hello"_s);
        QCOMPARE(message.value("user"_L1).toString(), FakeSlackServer::botUserId);
        QCOMPARE(message.value("bot_id"_L1).toString(), FakeSlackServer::botId);
        QCOMPARE(message.value("ts"_L1).toString(), ts);
        QVERIFY(!message.contains("thread_ts"_L1));

        // Threads, and ts strictly increasing.
        const Answer reply = call(u"chat.postMessage"_s,
            { { "channel"_L1, "C0001"_L1 }, { "text"_L1, "in thread"_L1 }, { "thread_ts"_L1, ts } });
        QCOMPARE(reply.body.value("message"_L1).toObject().value("thread_ts"_L1).toString(), ts);
        QStringList stamps { ts, reply.body.value("ts"_L1).toString() };
        stamps << post(u"C0001"_s, u"second"_s) << post(u"D0001"_s, u"dm"_s) << post(u"C0001"_s, u"third"_s);
        for (qsizetype i = 1; i < stamps.size(); ++i) {
            QVERIFY2(tsParts(stamps.at(i - 1)) < tsParts(stamps.at(i)), qPrintable(stamps.join(u' ')));
            QVERIFY(stamps.at(i).endsWith("00"_L1));
        }
        QCOMPARE(m_slack->botMessages(u"C0001"_s), (QStringList { u"hello"_s, u"second"_s, u"third"_s }));
        QCOMPARE(m_slack->botMessages(u"C0001"_s, ts), QStringList { u"in thread"_s });
        QCOMPARE(m_slack->botMessages(u"D0001"_s), QStringList { u"dm"_s });

        // The rules.
        QCOMPARE(errorOf(call(u"chat.postMessage"_s, { { "channel"_L1, "C9999"_L1 }, { "text"_L1, "x"_L1 } })),
            u"channel_not_found"_s);
        QCOMPARE(errorOf(call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 } })), u"no_text"_s);
        QCOMPARE(
            errorOf(call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, ""_L1 } })), u"no_text"_s);
        QCOMPARE(
            errorOf(call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, QString(40001, u'a') } })),
            u"msg_too_long"_s);
        QCOMPARE(
            errorOf(call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, QString(40000, u'a') } })),
            u"(ok)"_s);
        // A thread_ts turned into a number is not a thread_ts.
        QCOMPARE(errorOf(call(u"chat.postMessage"_s,
                     { { "channel"_L1, "C0001"_L1 }, { "text"_L1, "x"_L1 }, { "thread_ts"_L1, ts.toDouble() } })),
            u"invalid_arguments"_s);
        QCOMPARE(
            errorOf(call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, "x"_L1 } }, appToken)),
            u"invalid_auth"_s);
        QCOMPARE(m_slack->botMessages(u"C0001"_s).size(), 4);

        // Form bodies work too ('+' is a space, %2B a plus).
        const Answer form = callForm(u"chat.postMessage"_s, "channel=D0001&text=a+b%2Bc&thread_ts=" + ts.toUtf8());
        QCOMPARE(errorOf(form), u"(ok)"_s);
        QCOMPARE(m_slack->botMessages(u"D0001"_s, ts), QStringList { u"a b+c"_s });

        const auto posts = m_slack->calls(u"chat.postMessage"_s);
        QCOMPARE(posts.size(), 13);
        QCOMPARE(posts.first().params.value("text"_L1).toString(), u"hello"_s);
        QCOMPARE(posts.last().params.value("thread_ts"_L1).toString(), ts);
        QCOMPARE(posts.last().authorization, "Bearer " + botToken.toUtf8());
    }

    void readingHistoryAndThreads()
    {
        const QString first = post(u"C0001"_s, u"one"_s);
        const QString parent = m_slack->userSends(u"U0001"_s, u"C0001"_s, u"two"_s);
        post(u"C0001"_s, u"reply"_s, parent);
        const QString later = m_slack->userSends(u"U0001"_s, u"C0001"_s, u"later reply"_s, parent);
        post(u"C0001"_s, u"three"_s);
        const auto texts = [](const Answer &a) {
            QStringList list;
            for (const QJsonValue &m : a.body.value("messages"_L1).toArray())
                list << m.toObject().value("text"_L1).toString();
            return list;
        };
        // Top-level only, newest first, after `oldest`; the bot's own carry its bot_id.
        Answer history = callForm(u"conversations.history"_s, "channel=C0001&oldest=" + first.toUtf8());
        QCOMPARE(texts(history), (QStringList { u"three"_s, u"two"_s }));
        QVERIFY(history.body.value("messages"_L1).toArray().first().toObject().contains("bot_id"_L1));
        // Paged by cursor.
        history = callForm(u"conversations.history"_s, "channel=C0001&limit=2");
        QCOMPARE(texts(history), (QStringList { u"three"_s, u"two"_s }));
        QVERIFY(history.body.value("has_more"_L1).toBool());
        const QString next = history.body.value("response_metadata"_L1).toObject().value("next_cursor"_L1).toString();
        QCOMPARE(texts(callForm(u"conversations.history"_s, "channel=C0001&limit=2&cursor=" + next.toUtf8())),
            QStringList { u"one"_s });
        // A thread: its parent first, then the replies after `oldest`, oldest first.
        const Answer thread = callForm(u"conversations.replies"_s, "channel=C0001&ts=" + parent.toUtf8());
        QCOMPARE(texts(thread), (QStringList { u"two"_s, u"reply"_s, u"later reply"_s }));
        QCOMPARE(texts(callForm(
                     u"conversations.replies"_s, "channel=C0001&ts=" + parent.toUtf8() + "&oldest=" + later.toUtf8())),
            QStringList { u"two"_s });
        QCOMPARE(errorOf(callForm(u"conversations.replies"_s, "channel=C0001&ts=1.000001")), u"thread_not_found"_s);
        // Read methods take no JSON: its arguments are not seen, as on Slack.
        QCOMPARE(errorOf(call(u"conversations.history"_s, { { "channel"_L1, "C0001"_L1 } })), u"channel_not_found"_s);
        QCOMPARE(errorOf(callForm(u"conversations.history"_s, "channel=C0001", appToken)), u"invalid_auth"_s);
    }

    void updatingMessages()
    {
        const QString ts = post(u"C0001"_s, u"draft"_s);
        const QString threaded = post(u"C0001"_s, u"step 1"_s, ts);
        const Answer updated
            = call(u"chat.update"_s, { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, ts }, { "text"_L1, "final"_L1 } });
        QCOMPARE(updated.status, 200);
        const QJsonObject expected { { "ok"_L1, true }, { "channel"_L1, "C0001"_L1 }, { "ts"_L1, ts },
            { "text"_L1, "final"_L1 } };
        QCOMPARE(updated.body, expected);
        QCOMPARE(errorOf(call(u"chat.update"_s,
                     { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, threaded }, { "text"_L1, "step 2"_L1 } })),
            u"(ok)"_s);
        QCOMPARE(m_slack->botMessages(u"C0001"_s), QStringList { u"final"_s });
        QCOMPARE(m_slack->botMessages(u"C0001"_s, ts), QStringList { u"step 2"_s });

        QCOMPARE(errorOf(call(u"chat.update"_s,
                     { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, "1000000000.000100"_L1 }, { "text"_L1, "x"_L1 } })),
            u"message_not_found"_s);
        const QString theirs = m_slack->userSends(u"U0001"_s, u"C0001"_s, u"mine"_s);
        QCOMPARE(errorOf(call(
                     u"chat.update"_s, { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, theirs }, { "text"_L1, "x"_L1 } })),
            u"cant_update_message"_s);
        QCOMPARE(errorOf(call(u"chat.update"_s,
                     { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, ts }, { "text"_L1, "x"_L1 } }, u"xoxb-no"_s)),
            u"invalid_auth"_s);
        QCOMPARE(m_slack->botMessages(u"C0001"_s), QStringList { u"final"_s });
        QCOMPARE(m_slack->calls(u"chat.update"_s).size(), 5);
    }

    void peopleWriteAsEventsApiEnvelopes()
    {
        const auto client = connectClient();
        QVERIFY(isHello(client->frames.value(0)));
        const QString ts = m_slack->userSends(u"U0001"_s, u"D0001"_s, u"hi there"_s);
        QTRY_COMPARE(client->envelopeCount(), 1);
        const QJsonObject envelope = client->envelopes().first();
        QVERIFY(QRegularExpression(u"^[0-9a-f-]{36}$"_s).match(envelope.value("envelope_id"_L1).toString()).hasMatch());
        QCOMPARE(envelope.value("accepts_response_payload"_L1), QJsonValue(false));
        QCOMPARE(envelope.value("retry_attempt"_L1), QJsonValue(0));
        QCOMPARE(envelope.value("retry_reason"_L1), QJsonValue(u""_s));
        const QJsonObject payload = envelope.value("payload"_L1).toObject();
        QCOMPARE(payload.value("token"_L1).toString(), u"x"_s);
        QCOMPARE(payload.value("team_id"_L1).toString(), FakeSlackServer::teamId);
        QCOMPARE(payload.value("api_app_id"_L1).toString(), u"A0001"_s);
        QCOMPARE(payload.value("type"_L1).toString(), u"event_callback"_s);
        QVERIFY(payload.value("event_id"_L1).toString().startsWith("Ev"_L1));
        QVERIFY(payload.value("event_time"_L1).isDouble());
        QCOMPARE(payload.value("event_time"_L1).toInteger(), tsParts(ts).first);
        const QJsonObject expected { { "type"_L1, "message"_L1 }, { "channel"_L1, "D0001"_L1 },
            { "channel_type"_L1, "im"_L1 }, { "user"_L1, "U0001"_L1 }, { "text"_L1, "hi there"_L1 }, { "ts"_L1, ts },
            { "event_ts"_L1, ts }, { "team"_L1, "T0000001"_L1 } };
        QCOMPARE(eventOf(envelope), expected);

        // In a channel's thread.
        const QString parent = post(u"C0001"_s, u"seed"_s); // itself an envelope (bot_message)
        const QString inThread = m_slack->userSends(u"U0002"_s, u"C0001"_s, u"reply"_s, parent);
        QTRY_COMPARE(client->envelopeCount(), 3);
        const QJsonObject threadEvent = eventOf(client->envelopes().at(2));
        QCOMPARE(threadEvent.value("channel_type"_L1).toString(), u"channel"_s);
        QCOMPARE(threadEvent.value("thread_ts"_L1).toString(), parent);
        QCOMPARE(threadEvent.value("ts"_L1).toString(), inThread);
        QCOMPARE(threadEvent.value("user"_L1).toString(), u"U0002"_s);
        QVERIFY(eventIdOf(client->envelopes().at(0)) != eventIdOf(client->envelopes().at(2)));

        // Acks count; an ack for an envelope never sent does not.
        QCOMPARE(m_slack->acksReceived(), 0);
        // The stranger ack goes first: frames are read in order, so it was handled by the last real one.
        QSignalSpy acked(m_slack.get(), &FakeSlackServer::acked);
        client->socket.sendTextMessage(u"{\"envelope_id\":\"not-one-of-ours\"}"_s);
        for (const QJsonObject &e : client->envelopes())
            client->ack(e);
        QTRY_COMPARE(m_slack->unackedEnvelopes(), 0); // the last real ack is in
        QCOMPARE(m_slack->acksReceived(), 3);
        QCOMPARE(acked.size(), 3);
        QCOMPARE(acked.first().first().toString(), envelope.value("envelope_id"_L1).toString());
        QCOMPARE(m_slack->unackedEnvelopes(), 0);
    }

    void botPostsComeBackAsBotMessages()
    {
        const auto client = connectClient(true);
        const QString ts = post(u"D0001"_s, u"from the bot"_s);
        QTRY_COMPARE(client->envelopeCount(), 1);
        const QJsonObject event = eventOf(client->envelopes().first());
        QCOMPARE(event.value("type"_L1).toString(), u"message"_s);
        QCOMPARE(event.value("subtype"_L1).toString(), u"bot_message"_s);
        QCOMPARE(event.value("bot_id"_L1).toString(), FakeSlackServer::botId);
        QCOMPARE(event.value("user"_L1).toString(), FakeSlackServer::botUserId);
        QCOMPARE(event.value("channel"_L1).toString(), u"D0001"_s);
        QCOMPARE(event.value("channel_type"_L1).toString(), u"im"_s);
        QCOMPARE(event.value("text"_L1).toString(), u"from the bot"_s);
        QCOMPARE(event.value("ts"_L1).toString(), ts);
        QTRY_COMPARE(m_slack->acksReceived(), 1);
    }

    void unackedEnvelopesAreRedelivered()
    {
        m_slack->setAckTimeoutMs(300);
        const auto client = connectClient();
        QElapsedTimer clock;
        clock.start();
        m_slack->userSends(u"U0001"_s, u"D0001"_s, u"anyone?"_s);
        QTRY_COMPARE(client->envelopeCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(client->envelopeCount(), 2, 3'000);
        QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
        const QJsonObject first = client->envelopes().at(0);
        const QJsonObject second = client->envelopes().at(1);
        QCOMPARE(first.value("retry_attempt"_L1).toInt(), 0);
        QCOMPARE(second.value("retry_attempt"_L1).toInt(), 1);
        QCOMPARE(second.value("retry_reason"_L1).toString(), u"timeout"_s);
        QCOMPARE(eventIdOf(second), eventIdOf(first));
        QCOMPARE(eventOf(second), eventOf(first));
        QVERIFY(second.value("envelope_id"_L1).toString() != first.value("envelope_id"_L1).toString());

        // Still nobody: a third attempt. Then an ack ends it.
        QTRY_COMPARE_WITH_TIMEOUT(client->envelopeCount(), 3, 3'000);
        QCOMPARE(client->envelopes().at(2).value("retry_attempt"_L1).toInt(), 2);
        client->ack(client->envelopes().at(2));
        QTRY_COMPARE(m_slack->acksReceived(), 1);
        // Counted at the fake: nothing is left waiting for an ack, so nothing is sent again.
        QCOMPARE(m_slack->unackedEnvelopes(), 0);
        QCOMPARE(client->envelopeCount(), 3);
    }

    void eventsWaitForAConnection()
    {
        QCOMPARE(m_slack->liveConnections(), 0);
        const QString ts = m_slack->userSends(u"U0001"_s, u"D0001"_s, u"while you were out"_s);
        QCOMPARE(m_slack->unackedEnvelopes(), 1);
        const auto client = connectClient(true);
        QTRY_COMPARE(client->frames.size(), 2);
        QVERIFY(isHello(client->frames.at(0)));
        const QJsonObject envelope = client->frames.at(1);
        QCOMPARE(envelope.value("type"_L1).toString(), u"events_api"_s);
        QCOMPARE(envelope.value("retry_attempt"_L1).toInt(), 1);
        QCOMPARE(envelope.value("retry_reason"_L1).toString(), u"timeout"_s);
        QCOMPARE(eventOf(envelope).value("ts"_L1).toString(), ts);
        QTRY_COMPARE(m_slack->acksReceived(), 1);
        QCOMPARE(m_slack->unackedEnvelopes(), 0);
    }

    void outstandingEnvelopesFollowADroppedConnection()
    {
        m_slack->setAckTimeoutMs(60'000); // only the drop can bring it back
        const auto lost = connectClient();
        m_slack->userSends(u"U0001"_s, u"D0001"_s, u"in flight"_s);
        QTRY_COMPARE(lost->envelopeCount(), 1);
        QSignalSpy gone(&lost->socket, &QWebSocket::disconnected);
        QSignalSpy closeFrame(&lost->socket, &QWebSocket::aboutToClose); // emitted when a close frame comes
        m_slack->dropConnections();
        QCOMPARE(m_slack->liveConnections(), 0);
        QVERIFY(gone.wait(5'000));
        QCOMPARE(closeFrame.size(), 0); // no close frame
        QCOMPARE(lost->envelopeCount(), 1);

        const auto next = connectClient(true);
        QCOMPARE(m_slack->liveConnections(), 1);
        QTRY_COMPARE(next->envelopeCount(), 1);
        const QJsonObject again = next->envelopes().first();
        QCOMPARE(eventIdOf(again), eventIdOf(lost->envelopes().first()));
        QCOMPARE(again.value("retry_attempt"_L1).toInt(), 1);
        QCOMPARE(again.value("retry_reason"_L1).toString(), u"timeout"_s);
        QTRY_COMPARE(m_slack->acksReceived(), 1);
    }

    void duplicatedEnvelopes()
    {
        const auto client = connectClient(true);
        m_slack->duplicateNextEnvelope();
        m_slack->userSends(u"U0001"_s, u"D0001"_s, u"once"_s);
        QTRY_COMPARE(client->envelopeCount(), 2);
        const QJsonObject a = client->envelopes().at(0);
        const QJsonObject b = client->envelopes().at(1);
        QCOMPARE(eventIdOf(a), eventIdOf(b));
        QVERIFY(a.value("envelope_id"_L1).toString() != b.value("envelope_id"_L1).toString());
        QCOMPARE(a.value("retry_attempt"_L1).toInt(), 0);
        QCOMPARE(b.value("retry_attempt"_L1).toInt(), 0);
        QCOMPARE(eventOf(a), eventOf(b));

        // Only the next one.
        m_slack->userSends(u"U0001"_s, u"D0001"_s, u"twice?"_s);
        QTRY_COMPARE(client->envelopeCount(), 3);
        QTRY_COMPARE(m_slack->acksReceived(), 3);
        QCOMPARE(m_slack->unackedEnvelopes(), 0); // nothing left for the fake to send again
        QCOMPARE(client->envelopeCount(), 3);
        QVERIFY(eventIdOf(client->envelopes().at(2)) != eventIdOf(a));
    }

    void disconnectWarnsThenCloses()
    {
        const auto old = connectClient(true);
        QSignalSpy closed(&old->socket, &QWebSocket::disconnected);
        QSignalSpy closeFrame(&old->socket, &QWebSocket::aboutToClose);
        m_slack->sendDisconnect(u"refresh_requested"_s);
        QTRY_COMPARE(old->frames.size(), 2);
        const QJsonObject expected { { "type"_L1, "disconnect"_L1 }, { "reason"_L1, "refresh_requested"_L1 },
            { "debug_info"_L1, QJsonObject { { "host"_L1, "fake"_L1 } } } };
        QCOMPARE(old->frames.at(1), expected);
        QCOMPARE(old->socket.state(), QAbstractSocket::ConnectedState); // a moment to reconnect

        // A new connection opened in that moment gets the events, the old one none.
        const auto fresh = connectClient(true);
        QCOMPARE(m_slack->liveConnections(), 2);
        m_slack->userSends(u"U0001"_s, u"D0001"_s, u"after refresh"_s);
        QTRY_COMPARE(fresh->envelopeCount(), 1);

        QVERIFY(closed.wait(3'000));
        QVERIFY2(old->lastFrame.elapsed() >= 80, qPrintable(QString::number(old->lastFrame.elapsed())));
        QVERIFY(!closeFrame.isEmpty()); // a proper close frame...
        QCOMPARE(old->socket.closeCode(), QWebSocketProtocol::CloseCodeNormal); // ...with 1000
        QCOMPARE(old->envelopeCount(), 0);
        QTRY_COMPARE(m_slack->liveConnections(), 1);

        m_slack->sendDisconnect(u"link_disabled"_s);
        QTRY_COMPARE(fresh->frames.size(), 3);
        QCOMPARE(fresh->frames.at(2).value("reason"_L1).toString(), u"link_disabled"_s);
        QTRY_COMPARE(fresh->socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(fresh->socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
        QCOMPARE(m_slack->liveConnections(), 0);
    }

    void rateLimitsAndInjectedErrors()
    {
        m_slack->rateLimitNext(u"chat.postMessage"_s, 7);
        const Answer limited = call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, "x"_L1 } });
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.retryAfter, "7"_ba);
        const QJsonObject ratelimited { { "ok"_L1, false }, { "error"_L1, "ratelimited"_L1 } };
        QCOMPARE(limited.body, ratelimited);
        QVERIFY(m_slack->botMessages(u"C0001"_s).isEmpty());
        QCOMPARE(errorOf(call(u"auth.test"_s)), u"(ok)"_s); // other methods untouched
        const Answer next = call(u"chat.postMessage"_s, { { "channel"_L1, "C0001"_L1 }, { "text"_L1, "x"_L1 } });
        QCOMPARE(next.status, 200); // once only
        QVERIFY(next.retryAfter.isEmpty());

        m_slack->failNext(u"chat.update"_s, u"is_archived"_s);
        const QString ts = next.body.value("ts"_L1).toString();
        const Answer failed
            = call(u"chat.update"_s, { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, ts }, { "text"_L1, "y"_L1 } });
        QCOMPARE(failed.status, 200);
        QCOMPARE(errorOf(failed), u"is_archived"_s);
        QCOMPARE(m_slack->botMessages(u"C0001"_s), QStringList { u"x"_s });
        QCOMPARE(
            errorOf(call(u"chat.update"_s, { { "channel"_L1, "C0001"_L1 }, { "ts"_L1, ts }, { "text"_L1, "y"_L1 } })),
            u"(ok)"_s);
        QCOMPARE(m_slack->botMessages(u"C0001"_s), QStringList { u"y"_s });
        QCOMPARE(m_slack->calls(u"chat.postMessage"_s).size(), 2); // the limited call is recorded too
        QCOMPARE(m_slack->calls(u"chat.update"_s).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFakeSlack)
#include "tst_fakeslack.moc"
