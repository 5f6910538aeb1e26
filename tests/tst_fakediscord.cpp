// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakediscordserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString token = u"discord-token"_s;
const QString guild = u"100000000000000001"_s;
const QString otherGuild = u"100000000000000002"_s;
const QString general = u"200000000000000001"_s;
const QString news = u"200000000000000002"_s;
const QString elsewhere = u"200000000000000003"_s;
const QString dm = u"300000000000000001"_s;
const QString ann = u"400000000000000001"_s;
const QString bob = u"400000000000000002"_s;
constexpr qint64 defaultIntents = 37377; // GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT

bool isSnowflake(const QJsonValue &value)
{
    static const QRegularExpression digits(u"^[0-9]{18,19}$"_s);
    return value.isString() && digits.match(value.toString()).hasMatch();
}

/// A raw gateway client: what it receives, parsed, in order.
struct GatewayClient
{
    QWebSocket socket;
    QList<QJsonObject> frames;
    bool closed = false;

    GatewayClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
            [this](const QString &message) { frames << QJsonDocument::fromJson(message.toUtf8()).object(); });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closed = true; });
    }
    void send(const QJsonObject &payload)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    }
    /// Index of the first frame from @p from on that matches, waiting for it; -1 if none came.
    qsizetype waitFor(const std::function<bool(const QJsonObject &)> &match, qsizetype from = 0, int timeoutMs = 5000)
    {
        qsizetype found = -1;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = from; i < frames.size(); ++i) {
                    if (match(frames.at(i))) {
                        found = i;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    QJsonObject waitDispatch(const QString &type, qsizetype from = 0, int timeoutMs = 5000)
    {
        const qsizetype i
            = waitFor([&](const QJsonObject &f) { return f.value("t"_L1).toString() == type; }, from, timeoutMs);
        return i < 0 ? QJsonObject {} : frames.at(i);
    }
    QJsonObject waitOp(int op, qsizetype from = 0, int timeoutMs = 5000)
    {
        const qsizetype i
            = waitFor([&](const QJsonObject &f) { return f.value("op"_L1).toInt(-1) == op; }, from, timeoutMs);
        return i < 0 ? QJsonObject {} : frames.at(i);
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return closed; }, timeoutMs);
    }
    int closeCode() const { return int(socket.closeCode()); }
    qint64 lastSeq() const
    {
        qint64 seq = 0;
        for (const QJsonObject &f : frames) {
            if (f.value("s"_L1).isDouble())
                seq = f.value("s"_L1).toInteger();
        }
        return seq;
    }
};

QJsonObject identifyPayload(qint64 intents, const QString &withToken = token)
{
    return { { "op"_L1, 2 },
        { "d"_L1,
            QJsonObject { { "token"_L1, withToken }, { "intents"_L1, intents },
                { "properties"_L1,
                    QJsonObject {
                        { "os"_L1, "linux"_L1 }, { "browser"_L1, "baton"_L1 }, { "device"_L1, "baton"_L1 } } } } } };
}

QJsonObject resumePayload(const QString &sessionId, qint64 seq, const QString &withToken = token)
{
    return { { "op"_L1, 6 },
        { "d"_L1, QJsonObject { { "token"_L1, withToken }, { "session_id"_L1, sessionId }, { "seq"_L1, seq } } } };
}

QJsonObject heartbeat(const QJsonValue &seq)
{
    return { { "op"_L1, 1 }, { "d"_L1, seq } };
}
} // namespace

/// The fake Discord keeps Discord's promises, so adapters tested against it can trust it.
class TestFakeDiscord : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeDiscordServer> m_discord;
    std::unique_ptr<QNetworkAccessManager> m_network;

    struct Answer
    {
        int status = 0;
        QJsonObject body;
        QByteArray raw;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    };

    Answer call(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
        const QByteArray &authorization = "Bot " + token.toUtf8())
    {
        return callRaw(verb, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
            authorization);
    }
    Answer callRaw(const QByteArray &verb, const QString &path, const QByteArray &body,
        const QByteArray &authorization = "Bot " + token.toUtf8(), bool versioned = true)
    {
        QString base = m_discord->apiBase();
        if (!versioned)
            base.chop(QStringLiteral("/api/v10").size());
        QNetworkRequest request(QUrl(base + path));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        request.setRawHeader("User-Agent", "DiscordBot (https://example.invalid, 0.1)");
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setTransferTimeout(10'000);
        QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(10'000);
        }
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.raw = reply->readAll();
        a.body = QJsonDocument::fromJson(a.raw).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            a.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return a;
    }
    QString post(const QString &channelId, const QString &content)
    {
        return call("POST", u"/channels/%1/messages"_s.arg(channelId), { { "content"_L1, content } })
            .body.value("id"_L1)
            .toString();
    }

    std::unique_ptr<GatewayClient> connectGateway()
    {
        auto client = std::make_unique<GatewayClient>();
        client->socket.open(QUrl(m_discord->gatewayUrl() + u"/?v=10&encoding=json"_s));
        client->waitOp(10);
        return client;
    }
    /// Connects and identifies; returns the READY session id ("" if it did not come).
    QString identify(GatewayClient &client, qint64 intents = defaultIntents)
    {
        const qsizetype from = client.frames.size();
        client.send(identifyPayload(intents));
        const QJsonObject ready = client.waitDispatch(u"READY"_s, from);
        // Everything of the identify (READY and one GUILD_CREATE per guild) has arrived.
        if (intents & 1)
            client.waitFor([](const QJsonObject &f) { return f.value("s"_L1).toInt() == 3; }, from);
        return ready.value("d"_L1).toObject().value("session_id"_L1).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_discord = std::make_unique<FakeDiscordServer>(token);
        m_discord->addGuildChannel(guild, general, u"general"_s);
        m_discord->addGuildChannel(guild, news, u"news"_s, 5);
        m_discord->addGuildChannel(otherGuild, elsewhere, u"elsewhere"_s);
        m_discord->addDmChannel(dm, ann);
        m_discord->setHeartbeatIntervalMs(300);
        QVERIFY(m_discord->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_network.reset();
        m_discord.reset();
    }

    // ---- REST ----------------------------------------------------------------------------------------------------

    void restNeedsTheBotTokenAndAnswersWithRateLimitHeaders()
    {
        QVERIFY(m_discord->apiBase().startsWith(u"http://127.0.0.1:"_s));
        QVERIFY(m_discord->apiBase().endsWith(u"/api/v10"_s));
        QSignalSpy called(m_discord.get(), &FakeDiscordServer::restCalled);
        const Answer me = call("GET", u"/users/@me"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.body.value("id"_L1).toString(), FakeDiscordServer::botUserId);
        QCOMPARE(me.body.value("username"_L1).toString(), u"baton"_s);
        QCOMPARE(me.body.value("bot"_L1).toBool(), true);
        QVERIFY(me.header("X-RateLimit-Limit").toInt() > 0);
        QVERIFY(me.header("X-RateLimit-Remaining").toInt() > 0);
        bool isFloat = false;
        QVERIFY(me.header("X-RateLimit-Reset-After").toDouble(&isFloat) > 0);
        QVERIFY(isFloat);
        QVERIFY(me.header("X-RateLimit-Reset-After").contains('.'));
        QVERIFY(!me.header("X-RateLimit-Bucket").isEmpty());

        const QList<QByteArray> wrongAuthorizations { QByteArray(), "Bot wrong"_ba,
            QByteArray("Bearer " + token.toUtf8()), token.toUtf8() };
        for (const QByteArray &authorization : wrongAuthorizations) {
            const Answer refused = call("GET", u"/users/@me"_s, {}, authorization);
            QCOMPARE(refused.status, 401);
            QCOMPARE(refused.body, (QJsonObject { { "message"_L1, "401: Unauthorized"_L1 }, { "code"_L1, 0 } }));
            QVERIFY(!refused.header("X-RateLimit-Bucket").isEmpty());
        }

        // Buckets are per route: the same route shares one, another route has its own.
        const QByteArray generalBucket = call("GET", u"/channels/"_s + general).header("X-RateLimit-Bucket");
        QCOMPARE(call("GET", u"/channels/"_s + news).header("X-RateLimit-Bucket"), generalBucket);
        QVERIFY(call("POST", u"/channels/%1/typing"_s.arg(general)).header("X-RateLimit-Bucket") != generalBucket);

        const QList<FakeDiscordServer::RestCall> calls = m_discord->restCalls();
        QCOMPARE(calls.size(), 8);
        QCOMPARE(calls.first().method, u"GET"_s);
        QCOMPARE(calls.first().path, u"/users/@me"_s);
        QCOMPARE(calls.last().method, u"POST"_s);
        QCOMPARE(calls.last().path, u"/channels/%1/typing"_s.arg(general));
        QCOMPARE(called.size(), 8);
        QCOMPARE(called.first().at(1).toString(), u"/users/@me"_s);
    }

    void gatewayBot()
    {
        const Answer gateway = call("GET", u"/gateway/bot"_s);
        QCOMPARE(gateway.status, 200);
        QCOMPARE(gateway.body.value("url"_L1).toString(), m_discord->gatewayUrl());
        QVERIFY(m_discord->gatewayUrl().startsWith(u"ws://127.0.0.1:"_s));
        QCOMPARE(gateway.body.value("shards"_L1).toInt(), 1);
        QCOMPARE(gateway.body.value("session_start_limit"_L1).toObject(),
            (QJsonObject { { "total"_L1, 1000 }, { "remaining"_L1, 999 }, { "reset_after"_L1, 14400000 },
                { "max_concurrency"_L1, 1 } }));
    }

    void channelsAsDiscordDescribesThem()
    {
        const Answer text = call("GET", u"/channels/"_s + general);
        QCOMPARE(text.status, 200);
        QCOMPARE(text.body.value("id"_L1).toString(), general);
        QCOMPARE(text.body.value("type"_L1).toInt(), 0);
        QCOMPARE(text.body.value("guild_id"_L1).toString(), guild);
        QCOMPARE(text.body.value("name"_L1).toString(), u"general"_s);
        QVERIFY(!text.body.contains("parent_id"_L1));
        QCOMPARE(text.body, m_discord->channel(general));
        QCOMPARE(call("GET", u"/channels/"_s + news).body.value("type"_L1).toInt(), 5);

        const Answer direct = call("GET", u"/channels/"_s + dm);
        QCOMPARE(direct.body.value("type"_L1).toInt(), 1);
        QVERIFY(!direct.body.contains("guild_id"_L1));
        QCOMPARE(direct.body.value("recipients"_L1).toArray().first().toObject().value("id"_L1).toString(), ann);

        const Answer unknown = call("GET", u"/channels/999999999999999999"_s);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.body, (QJsonObject { { "message"_L1, "Unknown Channel"_L1 }, { "code"_L1, 10003 } }));
        QVERIFY(m_discord->channel(u"999999999999999999"_s).isEmpty());
    }

    void postingMessages()
    {
        const Answer first = call("POST", u"/channels/%1/messages"_s.arg(general),
            { { "content"_L1, "hello @everyone"_L1 },
                { "allowed_mentions"_L1, QJsonObject { { "parse"_L1, QJsonArray {} } } } });
        QCOMPARE(first.status, 200);
        QVERIFY(isSnowflake(first.body.value("id"_L1)));
        QCOMPARE(first.body.value("channel_id"_L1).toString(), general);
        QCOMPARE(first.body.value("content"_L1).toString(), u"hello @everyone"_s);
        QCOMPARE(first.body.value("type"_L1).toInt(), 0);
        QCOMPARE(first.body.value("author"_L1).toObject().value("id"_L1).toString(), FakeDiscordServer::botUserId);
        QCOMPARE(first.body.value("author"_L1).toObject().value("bot"_L1).toBool(), true);
        QCOMPARE(m_discord->restCalls().last().body.value("allowed_mentions"_L1).toObject().value("parse"_L1),
            QJsonValue(QJsonArray {}));

        const Answer second = call("POST", u"/channels/%1/messages"_s.arg(general), { { "content"_L1, "again"_L1 } });
        QVERIFY(isSnowflake(second.body.value("id"_L1)));
        QVERIFY(second.body.value("id"_L1).toString().toLongLong() > first.body.value("id"_L1).toString().toLongLong());

        // 2000 UTF-16 units at most: an emoji counts two.
        QCOMPARE(
            call("POST", u"/channels/%1/messages"_s.arg(dm), { { "content"_L1, QString(2000, u'a') } }).status, 200);
        const QString smile = QString::fromUtf8("\xF0\x9F\x98\x80");
        QCOMPARE(smile.size(), 2);
        QCOMPARE(
            call("POST", u"/channels/%1/messages"_s.arg(dm), { { "content"_L1, smile.repeated(1000) } }).status, 200);
        for (const QString &content : QStringList { QString(2001, u'a'), QString(smile.repeated(1000) + u'a') }) {
            const Answer tooLong = call("POST", u"/channels/%1/messages"_s.arg(dm), { { "content"_L1, content } });
            QCOMPARE(tooLong.status, 400);
            QCOMPARE(tooLong.body.value("code"_L1).toInt(), 50035);
            QCOMPARE(tooLong.body.value("message"_L1).toString(), u"Invalid Form Body"_s);
            const QJsonObject error = tooLong.body.value("errors"_L1)
                                          .toObject()
                                          .value("content"_L1)
                                          .toObject()
                                          .value("_errors"_L1)
                                          .toArray()
                                          .first()
                                          .toObject();
            QCOMPARE(error.value("code"_L1).toString(), u"BASE_TYPE_MAX_LENGTH"_s);
            QCOMPARE(error.value("message"_L1).toString(), u"Must be 2000 or fewer in length."_s);
        }
        const Answer empty = call("POST", u"/channels/%1/messages"_s.arg(general), { { "content"_L1, ""_L1 } });
        QCOMPARE(empty.status, 400);
        QCOMPARE(empty.body.value("code"_L1).toInt(), 50006);
        const Answer nowhere = call("POST", u"/channels/999999999999999999/messages"_s, { { "content"_L1, "x"_L1 } });
        QCOMPARE(nowhere.status, 404);
        QCOMPARE(nowhere.body.value("code"_L1).toInt(), 10003);

        QCOMPARE(m_discord->botMessages(general), (QStringList { u"hello @everyone"_s, u"again"_s }));
        QCOMPARE(m_discord->botMessages(dm), (QStringList { QString(2000, u'a'), smile.repeated(1000) }));
        m_discord->userSends(ann, general, u"from a person"_s);
        QCOMPARE(m_discord->botMessages(general).size(), 2);
        QCOMPARE(m_discord->messages(general).size(), 3);
    }

    void listingMessagesAfterACursor()
    {
        const QString first = post(general, u"one"_s);
        m_discord->userSends(ann, general, u"two"_s);
        post(general, u"three"_s);
        post(dm, u"elsewhere"_s);
        const auto contents = [](const QByteArray &raw) {
            QStringList texts;
            for (const QJsonValue &m : QJsonDocument::fromJson(raw).array())
                texts << m.toObject().value("content"_L1).toString();
            return texts;
        };
        Answer after = call("GET", u"/channels/%1/messages?after=%2&limit=100"_s.arg(general, first));
        QCOMPARE(after.status, 200);
        QCOMPARE(contents(after.raw), (QStringList { u"three"_s, u"two"_s })); // newest first
        after = call("GET", u"/channels/%1/messages?after=%2&limit=1"_s.arg(general, first));
        QCOMPARE(contents(after.raw), QStringList { u"two"_s }); // the one right after the cursor
        QCOMPARE(contents(call("GET", u"/channels/%1/messages?limit=2"_s.arg(general)).raw),
            (QStringList { u"three"_s, u"two"_s })); // no cursor: the latest
        QVERIFY(QJsonDocument::fromJson(after.raw).array().first().toObject().value("guild_id"_L1).isUndefined());
        QCOMPARE(call("GET", u"/channels/%1/messages?limit=101"_s.arg(general)).status, 400);
    }

    void editingAndTyping()
    {
        const QString id = post(general, u"draft"_s);
        QVERIFY(isSnowflake(id));
        const Answer edited
            = call("PATCH", u"/channels/%1/messages/%2"_s.arg(general, id), { { "content"_L1, "final"_L1 } });
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.body.value("id"_L1).toString(), id);
        QCOMPARE(edited.body.value("content"_L1).toString(), u"final"_s);
        QVERIFY(edited.body.value("edited_timestamp"_L1).isString());
        QCOMPARE(m_discord->botMessages(general), QStringList { u"final"_s });
        QCOMPARE(m_discord->restCalls().last().method, u"PATCH"_s);

        const QString theirs = m_discord->userSends(ann, general, u"mine"_s);
        const Answer forbidden
            = call("PATCH", u"/channels/%1/messages/%2"_s.arg(general, theirs), { { "content"_L1, "x"_L1 } });
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.body.value("code"_L1).toInt(), 50005);
        QCOMPARE(m_discord->messages(general), (QStringList { u"final"_s, u"mine"_s }));
        QCOMPARE(call("PATCH", u"/channels/%1/messages/999999999999999999"_s.arg(general), { { "content"_L1, "x"_L1 } })
                     .body.value("code"_L1)
                     .toInt(),
            10008);
        QCOMPARE(
            call("PATCH", u"/channels/%1/messages/%2"_s.arg(general, id), { { "content"_L1, QString(2001, u'a') } })
                .body.value("code"_L1)
                .toInt(),
            50035);
        QCOMPARE(m_discord->botMessages(general), QStringList { u"final"_s });

        const Answer typing = callRaw("POST", u"/channels/%1/typing"_s.arg(general), {});
        QCOMPARE(typing.status, 204);
        QVERIFY(typing.raw.isEmpty());
        QVERIFY(!typing.header("X-RateLimit-Bucket").isEmpty());
        QCOMPARE(callRaw("POST", u"/channels/999999999999999999/typing"_s, {}).status, 404);
    }

    void threadsAndTheirFallback()
    {
        const Answer publicThread = call("POST", u"/channels/%1/threads"_s.arg(general),
            { { "name"_L1, u"Baton — Trip"_s }, { "type"_L1, 11 }, { "auto_archive_duration"_L1, 1440 } });
        QCOMPARE(publicThread.status, 201);
        const QString t1 = publicThread.body.value("id"_L1).toString();
        QVERIFY(isSnowflake(t1));
        QCOMPARE(publicThread.body.value("type"_L1).toInt(), 11);
        QCOMPARE(publicThread.body.value("parent_id"_L1).toString(), general);
        QCOMPARE(publicThread.body.value("guild_id"_L1).toString(), guild);
        QCOMPARE(publicThread.body.value("name"_L1).toString(), u"Baton — Trip"_s);
        QCOMPARE(call("GET", u"/channels/"_s + t1).body, publicThread.body);

        // Discord's quirk: without a type the thread is private.
        const Answer privateThread
            = call("POST", u"/channels/%1/threads"_s.arg(general), { { "name"_L1, "quiet"_L1 } });
        QCOMPARE(privateThread.status, 201);
        QCOMPARE(privateThread.body.value("type"_L1).toInt(), 12);
        const QString t2 = privateThread.body.value("id"_L1).toString();

        const Answer inDm
            = call("POST", u"/channels/%1/threads"_s.arg(dm), { { "name"_L1, "x"_L1 }, { "type"_L1, 11 } });
        QCOMPARE(inDm.status, 400);
        QCOMPARE(inDm.body,
            (QJsonObject { { "message"_L1, "Cannot execute action on a DM channel"_L1 }, { "code"_L1, 50003 } }));
        QCOMPARE(
            call("POST", u"/channels/%1/threads"_s.arg(general), { { "type"_L1, 11 } }).body.value("code"_L1).toInt(),
            50035);
        QCOMPARE(call("POST", u"/channels/%1/threads"_s.arg(general),
                     { { "name"_L1, "x"_L1 }, { "type"_L1, 11 }, { "auto_archive_duration"_L1, 5 } })
                     .body.value("code"_L1)
                     .toInt(),
            50035);
        QCOMPARE(call("POST", u"/channels/%1/threads"_s.arg(t1), { { "name"_L1, "x"_L1 }, { "type"_L1, 11 } })
                     .body.value("code"_L1)
                     .toInt(),
            50024);

        // A message in a thread lives in the thread.
        const Answer inThread = call("POST", u"/channels/%1/messages"_s.arg(t1), { { "content"_L1, "in thread"_L1 } });
        QCOMPARE(inThread.body.value("channel_id"_L1).toString(), t1);
        QCOMPARE(m_discord->botMessages(t1), QStringList { u"in thread"_s });
        QVERIFY(m_discord->botMessages(general).isEmpty());

        // No permission to start threads: the seed-message fallback still works.
        m_discord->setThreadsAllowed(false);
        const Answer refused
            = call("POST", u"/channels/%1/threads"_s.arg(general), { { "name"_L1, "x"_L1 }, { "type"_L1, 11 } });
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.body, (QJsonObject { { "message"_L1, "Missing Permissions"_L1 }, { "code"_L1, 50013 } }));
        const QString seed = post(general, u"Baton — Trip"_s);
        const Answer fromSeed = call("POST", u"/channels/%1/messages/%2/threads"_s.arg(general, seed),
            { { "name"_L1, "Trip"_L1 }, { "auto_archive_duration"_L1, 1440 } });
        QCOMPARE(fromSeed.status, 201);
        QCOMPARE(fromSeed.body.value("id"_L1).toString(), seed);
        QCOMPARE(fromSeed.body.value("type"_L1).toInt(), 11);
        QCOMPARE(fromSeed.body.value("parent_id"_L1).toString(), general);
        QCOMPARE(fromSeed.body.value("guild_id"_L1).toString(), guild);
        const Answer twice
            = call("POST", u"/channels/%1/messages/%2/threads"_s.arg(general, seed), { { "name"_L1, "again"_L1 } });
        QCOMPARE(twice.status, 400);
        QCOMPARE(twice.body.value("code"_L1).toInt(), 160004);
        QCOMPARE(
            call("POST", u"/channels/%1/messages/999999999999999999/threads"_s.arg(general), { { "name"_L1, "x"_L1 } })
                .status,
            404);

        QCOMPARE(m_discord->threads(general), (QStringList { t1, t2, seed }));
        QVERIFY(m_discord->threads(news).isEmpty());
        QCOMPARE(m_discord->channel(seed).value("parent_id"_L1).toString(), general);
    }

    void rateLimitedOnce()
    {
        m_discord->rateLimitNext(u"/messages"_s, 2.5);
        QCOMPARE(callRaw("POST", u"/channels/%1/typing"_s.arg(general), {}).status, 204); // does not match
        const Answer limited = call("POST", u"/channels/%1/messages"_s.arg(general), { { "content"_L1, "x"_L1 } });
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), "3"_ba);
        QCOMPARE(limited.header("X-RateLimit-Remaining"), "0"_ba);
        QVERIFY(!limited.header("X-RateLimit-Bucket").isEmpty());
        QCOMPARE(limited.body,
            (QJsonObject { { "message"_L1, "You are being rate limited."_L1 }, { "retry_after"_L1, 2.5 },
                { "global"_L1, false } }));
        QCOMPARE(m_discord->restCalls().last().path, u"/channels/%1/messages"_s.arg(general)); // still recorded
        QVERIFY(m_discord->botMessages(general).isEmpty());
        QCOMPARE(call("POST", u"/channels/%1/messages"_s.arg(general), { { "content"_L1, "x"_L1 } }).status, 200);
        QCOMPARE(m_discord->botMessages(general), QStringList { u"x"_s });

        m_discord->rateLimitNext(u"/users/@me"_s, 0.2, true);
        const Answer global = call("GET", u"/users/@me"_s);
        QCOMPARE(global.status, 429);
        QCOMPARE(global.header("Retry-After"), "1"_ba);
        QCOMPARE(global.header("X-RateLimit-Global"), "true"_ba);
        QCOMPARE(global.body.value("global"_L1).toBool(), true);
        QCOMPARE(global.body.value("retry_after"_L1).toDouble(), 0.2);
        QCOMPARE(call("GET", u"/users/@me"_s).status, 200);
    }

    void badRequests()
    {
        const Answer badJson = callRaw("POST", u"/channels/%1/messages"_s.arg(general), "{not json");
        QCOMPARE(badJson.status, 400);
        QCOMPARE(badJson.body.value("code"_L1).toInt(), 50109);
        QCOMPARE(call("GET", u"/no/such/route"_s).status, 404);
        QCOMPARE(callRaw("GET", u"/api/v9/users/@me"_s, {}, "Bot " + token.toUtf8(), false).status, 404);
        QVERIFY(m_discord->botMessages(general).isEmpty());
    }

    // ---- Gateway -------------------------------------------------------------------------------------------------

    void helloIdentifyReadyAndGuilds()
    {
        auto client = connectGateway();
        QCOMPARE(client->frames.size(), 1);
        const QJsonObject hello = client->frames.first();
        QCOMPARE(hello.value("op"_L1).toInt(), 10);
        QCOMPARE(hello.value("d"_L1).toObject().value("heartbeat_interval"_L1).toInt(), 300);
        QVERIFY(hello.contains("s"_L1) && hello.value("s"_L1).isNull());
        QVERIFY(hello.contains("t"_L1) && hello.value("t"_L1).isNull());
        QCOMPARE(m_discord->connectionCount(), 1);

        client->send(identifyPayload(defaultIntents));
        QVERIFY(client->waitFor([](const QJsonObject &f) { return f.value("s"_L1).toInt() == 3; }) > 0);
        const QJsonObject ready = client->frames.at(1);
        QCOMPARE(ready.value("op"_L1).toInt(), 0);
        QCOMPARE(ready.value("t"_L1).toString(), u"READY"_s);
        QCOMPARE(ready.value("s"_L1).toInt(), 1);
        const QJsonObject d = ready.value("d"_L1).toObject();
        QCOMPARE(d.value("v"_L1).toInt(), 10);
        QCOMPARE(d.value("user"_L1).toObject().value("id"_L1).toString(), FakeDiscordServer::botUserId);
        QCOMPARE(d.value("user"_L1).toObject().value("bot"_L1).toBool(), true);
        QVERIFY(!d.value("session_id"_L1).toString().isEmpty());
        QCOMPARE(d.value("resume_gateway_url"_L1).toString(), m_discord->gatewayUrl());
        QCOMPARE(d.value("guilds"_L1).toArray(),
            (QJsonArray { QJsonObject { { "id"_L1, guild }, { "unavailable"_L1, true } },
                QJsonObject { { "id"_L1, otherGuild }, { "unavailable"_L1, true } } }));

        QCOMPARE(client->frames.size(), 4);
        const QJsonObject first = client->frames.at(2);
        QCOMPARE(first.value("t"_L1).toString(), u"GUILD_CREATE"_s);
        QCOMPARE(first.value("s"_L1).toInt(), 2);
        QCOMPARE(first.value("d"_L1).toObject().value("id"_L1).toString(), guild);
        QJsonArray channels = first.value("d"_L1).toObject().value("channels"_L1).toArray();
        QCOMPARE(channels.size(), 2);
        QCOMPARE(channels.at(0).toObject().value("id"_L1).toString(), general);
        QCOMPARE(channels.at(1).toObject().value("id"_L1).toString(), news);
        QCOMPARE(channels.at(1).toObject().value("type"_L1).toInt(), 5);
        QVERIFY(first.value("d"_L1).toObject().value("threads"_L1).isArray());
        const QJsonObject second = client->frames.at(3);
        QCOMPARE(second.value("t"_L1).toString(), u"GUILD_CREATE"_s);
        QCOMPARE(second.value("s"_L1).toInt(), 3);
        QCOMPARE(second.value("d"_L1).toObject().value("id"_L1).toString(), otherGuild);

        QCOMPARE(m_discord->identifyCount(), 1);
        QCOMPARE(m_discord->gatewayPayloadsReceived().size(), 1);
        QCOMPARE(m_discord->gatewayPayloadsReceived().first(), identifyPayload(defaultIntents));

        // A thread made since is in the next session's GUILD_CREATE.
        const QString thread
            = call("POST", u"/channels/%1/threads"_s.arg(general), { { "name"_L1, "t"_L1 }, { "type"_L1, 11 } })
                  .body.value("id"_L1)
                  .toString();
        auto later = connectGateway();
        QVERIFY(!identify(*later).isEmpty());
        const QJsonArray threads
            = later->waitDispatch(u"GUILD_CREATE"_s).value("d"_L1).toObject().value("threads"_L1).toArray();
        QCOMPARE(threads.size(), 1);
        QCOMPARE(threads.first().toObject().value("id"_L1).toString(), thread);
        QCOMPARE(threads.first().toObject().value("parent_id"_L1).toString(), general);
        QCOMPARE(m_discord->connectionCount(), 2);
        QCOMPARE(m_discord->identifyCount(), 2);
    }

    void heartbeatsAreAckedUnlessZombie()
    {
        auto client = connectGateway();
        client->send(heartbeat(QJsonValue::Null)); // allowed before IDENTIFY
        QCOMPARE(client->waitOp(11), (QJsonObject { { "op"_L1, 11 } }));
        QVERIFY(!identify(*client).isEmpty());
        qsizetype from = client->frames.size();
        client->send(heartbeat(3));
        QCOMPARE(client->waitOp(11, from), (QJsonObject { { "op"_L1, 11 } }));

        m_discord->setAckHeartbeats(false);
        from = client->frames.size();
        client->send(heartbeat(3));
        QTRY_COMPARE(m_discord->gatewayPayloadsReceived().size(), 4);
        QCOMPARE(m_discord->gatewayPayloadsReceived().last(), heartbeat(3));
        QVERIFY(client->waitOp(11, from, 500).isEmpty());
        QVERIFY(!client->closed);

        // The server may ask for a beat at once.
        from = client->frames.size();
        m_discord->sendHeartbeatRequest();
        QCOMPARE(client->waitOp(1, from).value("op"_L1).toInt(), 1);
    }

    void messageCreateAsDiscordSendsIt()
    {
        auto client = connectGateway();
        QVERIFY(!identify(*client).isEmpty());
        qsizetype from = client->frames.size();

        const QString id = m_discord->userSends(ann, general, u"hi there"_s);
        QVERIFY(isSnowflake(QJsonValue(id)));
        const QJsonObject inGuild = client->waitDispatch(u"MESSAGE_CREATE"_s, from);
        QCOMPARE(inGuild.value("op"_L1).toInt(), 0);
        QCOMPARE(inGuild.value("s"_L1).toInt(), 4);
        QJsonObject d = inGuild.value("d"_L1).toObject();
        QCOMPARE(d.value("id"_L1).toString(), id);
        QCOMPARE(d.value("channel_id"_L1).toString(), general);
        QCOMPARE(d.value("guild_id"_L1).toString(), guild);
        QCOMPARE(d.value("content"_L1).toString(), u"hi there"_s);
        QCOMPARE(d.value("type"_L1).toInt(), 0);
        QCOMPARE(d.value("author"_L1).toObject().value("id"_L1).toString(), ann);
        QVERIFY(!d.value("author"_L1).toObject().value("username"_L1).toString().isEmpty());
        QVERIFY(!d.value("author"_L1).toObject().contains("bot"_L1));
        QVERIFY(QDateTime::fromString(d.value("timestamp"_L1).toString(), Qt::ISODateWithMs).isValid());

        from = client->frames.size();
        m_discord->userSends(ann, dm, u"a DM"_s);
        d = client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject();
        QCOMPARE(d.value("content"_L1).toString(), u"a DM"_s);
        QCOMPARE(d.value("channel_id"_L1).toString(), dm);
        QVERIFY(!d.contains("guild_id"_L1));

        from = client->frames.size();
        const QString beep = m_discord->userSends(bob, general, u"beep"_s, 0, true);
        d = client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject();
        QCOMPARE(d.value("author"_L1).toObject().value("bot"_L1).toBool(), true);

        from = client->frames.size();
        m_discord->userSends(ann, general, u"replying"_s, 19);
        d = client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject();
        QCOMPARE(d.value("type"_L1).toInt(), 19);
        QCOMPARE(d.value("message_reference"_L1).toObject().value("message_id"_L1).toString(), beep);

        // An unknown channel becomes a DM with that person.
        from = client->frames.size();
        m_discord->userSends(bob, u"300000000000000009"_s, u"new DM"_s);
        d = client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject();
        QVERIFY(!d.contains("guild_id"_L1));
        QCOMPARE(m_discord->channel(u"300000000000000009"_s).value("type"_L1).toInt(), 1);

        // s only on dispatches, one session counting 1, 2, 3...
        qint64 expected = 1;
        for (const QJsonObject &frame : client->frames) {
            if (frame.value("op"_L1).toInt() == 0)
                QCOMPARE(frame.value("s"_L1).toInteger(), expected++);
            else
                QVERIFY(!frame.value("s"_L1).isDouble());
        }
        QCOMPARE(expected, 9);
    }

    void theBotsOwnWritingComesBack()
    {
        auto client = connectGateway();
        QVERIFY(!identify(*client).isEmpty());
        qsizetype from = client->frames.size();
        const QString id = post(general, u"from the bot"_s);
        QJsonObject d = client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject();
        QCOMPARE(d.value("id"_L1).toString(), id);
        QCOMPARE(d.value("guild_id"_L1).toString(), guild);
        QCOMPARE(d.value("author"_L1).toObject().value("id"_L1).toString(), FakeDiscordServer::botUserId);
        QCOMPARE(d.value("author"_L1).toObject().value("bot"_L1).toBool(), true);

        from = client->frames.size();
        const QString thread
            = call("POST", u"/channels/%1/threads"_s.arg(general), { { "name"_L1, "t"_L1 }, { "type"_L1, 11 } })
                  .body.value("id"_L1)
                  .toString();
        d = client->waitDispatch(u"THREAD_CREATE"_s, from).value("d"_L1).toObject();
        QCOMPARE(d.value("id"_L1).toString(), thread);
        QCOMPARE(d.value("type"_L1).toInt(), 11);
        QCOMPARE(d.value("parent_id"_L1).toString(), general);
        QCOMPARE(d.value("guild_id"_L1).toString(), guild);

        from = client->frames.size();
        m_discord->userSends(ann, thread, u"in the thread"_s);
        d = client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject();
        QCOMPARE(d.value("channel_id"_L1).toString(), thread);
        QCOMPARE(d.value("guild_id"_L1).toString(), guild);
    }

    void identifyFailuresAndIntents()
    {
        auto wrong = connectGateway();
        wrong->send(identifyPayload(defaultIntents, u"nope"_s));
        QVERIFY(wrong->waitClosed());
        QCOMPARE(wrong->closeCode(), 4004);

        auto privileged = connectGateway();
        privileged->send(identifyPayload(defaultIntents | 2)); // GUILD_MEMBERS is not enabled for this bot
        QVERIFY(privileged->waitClosed());
        QCOMPARE(privileged->closeCode(), 4014);

        auto noIntents = connectGateway();
        noIntents->send({ { "op"_L1, 2 }, { "d"_L1, QJsonObject { { "token"_L1, token } } } });
        QVERIFY(noIntents->waitClosed());
        QCOMPARE(noIntents->closeCode(), 4013);

        m_discord->setMessageContentIntentEnabled(false);
        auto disallowed = connectGateway();
        disallowed->send(identifyPayload(defaultIntents));
        QVERIFY(disallowed->waitClosed());
        QCOMPARE(disallowed->closeCode(), 4014);
        QVERIFY(disallowed->waitDispatch(u"READY"_s, 0, 0).isEmpty());
        QCOMPARE(m_discord->identifyCount(), 4);

        // Without MESSAGE_CONTENT, guild messages arrive empty unless they mention the bot; DMs keep theirs.
        auto withoutContent = connectGateway();
        QVERIFY(!identify(*withoutContent, defaultIntents & ~(1 << 15)).isEmpty());
        auto guildsOnly = connectGateway();
        QVERIFY(!identify(*guildsOnly, 1).isEmpty());
        const qsizetype from = withoutContent->frames.size();
        const qsizetype guildsOnlyFrom = guildsOnly->frames.size();
        m_discord->userSends(ann, general, u"secret"_s);
        m_discord->userSends(ann, general, u"<@"_s + FakeDiscordServer::botUserId + u"> ping"_s);
        m_discord->userSends(ann, dm, u"direct"_s);
        QVERIFY(withoutContent->waitFor([](const QJsonObject &f) { return f.value("s"_L1).toInt() == 6; }) > 0);
        QStringList contents;
        for (qsizetype i = from; i < withoutContent->frames.size(); ++i)
            contents << withoutContent->frames.at(i).value("d"_L1).toObject().value("content"_L1).toString();
        QCOMPARE(
            contents, (QStringList { QString(), u"<@"_s + FakeDiscordServer::botUserId + u"> ping"_s, u"direct"_s }));
        // No message intents: no messages at all.
        QVERIFY(guildsOnly->waitDispatch(u"MESSAGE_CREATE"_s, guildsOnlyFrom, 300).isEmpty());
    }

    void resumeReplaysWhatADropMissed()
    {
        auto first = connectGateway();
        const QString session = identify(*first);
        QVERIFY(!session.isEmpty());
        const QString before = m_discord->userSends(ann, general, u"before"_s);
        QVERIFY(first->waitDispatch(u"MESSAGE_CREATE"_s).value("s"_L1).toInt() == 4);

        m_discord->dropConnections();
        QVERIFY(first->waitClosed());
        QVERIFY(first->closeCode() < 4000); // no close frame: no Discord code
        QTRY_COMPARE(m_discord->liveConnectionCount(), 0);
        const QString missed1 = m_discord->userSends(ann, general, u"missed one"_s);
        const QString missed2 = m_discord->userSends(ann, dm, u"missed two"_s);

        auto second = connectGateway();
        second->send(resumePayload(session, 4));
        QVERIFY(second->waitDispatch(u"RESUMED"_s).value("s"_L1).toInt() == 7);
        QCOMPARE(second->frames.size(), 4); // HELLO, two replays, RESUMED
        QCOMPARE(second->frames.at(1).value("s"_L1).toInt(), 5);
        QCOMPARE(second->frames.at(1).value("d"_L1).toObject().value("id"_L1).toString(), missed1);
        QCOMPARE(second->frames.at(2).value("s"_L1).toInt(), 6);
        QCOMPARE(second->frames.at(2).value("d"_L1).toObject().value("id"_L1).toString(), missed2);
        QCOMPARE(second->frames.at(3).value("op"_L1).toInt(), 0);
        QCOMPARE(m_discord->resumeCount(), 1);
        QCOMPARE(m_discord->identifyCount(), 1);

        // Live again on the new connection, with the next seq.
        const qsizetype from = second->frames.size();
        m_discord->userSends(ann, general, u"after"_s);
        QCOMPARE(second->waitDispatch(u"MESSAGE_CREATE"_s, from).value("s"_L1).toInt(), 8);

        // Resuming from further back replays more, in order, with the same seqs.
        m_discord->dropConnections();
        QVERIFY(second->waitClosed());
        auto third = connectGateway();
        third->send(resumePayload(session, 3));
        QVERIFY(!third->waitDispatch(u"RESUMED"_s).isEmpty());
        QStringList ids;
        QList<int> seqs;
        for (const QJsonObject &frame : third->frames) {
            if (frame.value("t"_L1).toString() == "MESSAGE_CREATE"_L1) {
                ids << frame.value("d"_L1).toObject().value("id"_L1).toString();
                seqs << frame.value("s"_L1).toInt();
            }
        }
        QCOMPARE(ids.mid(0, 3), (QStringList { before, missed1, missed2 }));
        QCOMPARE(seqs, (QList<int> { 4, 5, 6, 8 }));
        QCOMPARE(third->frames.size(), 6); // HELLO, four replays (not the old RESUMED), RESUMED
        QCOMPARE(third->frames.last().value("s"_L1).toInt(), 9);
        QCOMPARE(third->frames.last().value("t"_L1).toString(), u"RESUMED"_s);

        auto stranger = connectGateway();
        stranger->send(resumePayload(u"no-such-session"_s, 1));
        QCOMPARE(stranger->waitOp(9), (QJsonObject { { "op"_L1, 9 }, { "d"_L1, false } }));
        QVERIFY(!stranger->closed);

        // A seq from the future is not resumable, and ends the session.
        auto future = connectGateway();
        future->send(resumePayload(session, 1000));
        QVERIFY(future->waitClosed());
        QCOMPARE(future->closeCode(), 4007);
        auto after = connectGateway();
        after->send(resumePayload(session, 10));
        QCOMPARE(after->waitOp(9).value("d"_L1), QJsonValue(false));
        QCOMPARE(m_discord->resumeCount(), 5);
    }

    void serverSideFaults()
    {
        auto client = connectGateway();
        const QString session = identify(*client);
        QVERIFY(!session.isEmpty());

        qsizetype from = client->frames.size();
        m_discord->sendReconnect();
        QCOMPARE(client->waitOp(7, from), (QJsonObject { { "op"_L1, 7 }, { "d"_L1, QJsonValue::Null } }));

        // Resumable invalid session: events wait for the RESUME, even on the same connection.
        from = client->frames.size();
        m_discord->sendInvalidSession(true);
        QCOMPARE(client->waitOp(9, from), (QJsonObject { { "op"_L1, 9 }, { "d"_L1, true } }));
        const QString held = m_discord->userSends(ann, general, u"held"_s);
        QVERIFY(client->waitDispatch(u"MESSAGE_CREATE"_s, from, 300).isEmpty());
        client->send(resumePayload(session, 3));
        QCOMPARE(
            client->waitDispatch(u"MESSAGE_CREATE"_s, from).value("d"_L1).toObject().value("id"_L1).toString(), held);
        QCOMPARE(client->waitDispatch(u"RESUMED"_s, from).value("s"_L1).toInt(), 5);

        // 4000: the client may resume.
        m_discord->closeConnections(4000);
        QVERIFY(client->waitClosed());
        QCOMPARE(client->closeCode(), 4000);
        auto second = connectGateway();
        second->send(resumePayload(session, 5));
        QCOMPARE(second->waitDispatch(u"RESUMED"_s).value("s"_L1).toInt(), 6);

        // Not resumable: the session is gone, a fresh IDENTIFY on the same connection works.
        from = second->frames.size();
        m_discord->sendInvalidSession(false);
        QCOMPARE(second->waitOp(9, from), (QJsonObject { { "op"_L1, 9 }, { "d"_L1, false } }));
        auto late = connectGateway();
        late->send(resumePayload(session, 6));
        QCOMPARE(late->waitOp(9).value("d"_L1), QJsonValue(false));
        const QString fresh = identify(*second);
        QVERIFY(!fresh.isEmpty());
        QVERIFY(fresh != session);

        // Fatal codes end the session too.
        m_discord->closeConnections(4004);
        QVERIFY(second->waitClosed());
        QCOMPARE(second->closeCode(), 4004);
        QVERIFY(late->waitClosed());
        QCOMPARE(late->closeCode(), 4004);
        auto again = connectGateway();
        again->send(resumePayload(fresh, 1));
        QCOMPARE(again->waitOp(9).value("d"_L1), QJsonValue(false));
    }

    void aSessionFollowsItsLastConnection()
    {
        auto old = connectGateway();
        const QString session = identify(*old);
        QVERIFY(!session.isEmpty());
        auto fresh = connectGateway();
        fresh->send(resumePayload(session, 3));
        QVERIFY(!fresh->waitDispatch(u"RESUMED"_s).isEmpty());

        const qsizetype oldFrom = old->frames.size();
        const qsizetype freshFrom = fresh->frames.size();
        m_discord->userSends(ann, general, u"where does it go"_s);
        QCOMPARE(fresh->waitDispatch(u"MESSAGE_CREATE"_s, freshFrom).value("s"_L1).toInt(), 5);
        QVERIFY(old->waitDispatch(u"MESSAGE_CREATE"_s, oldFrom, 300).isEmpty());
    }

    void aCleanClientCloseEndsTheSessionA4000DoesNot()
    {
        auto normal = connectGateway();
        const QString ended = identify(*normal);
        normal->socket.close(QWebSocketProtocol::CloseCodeNormal);
        QVERIFY(normal->waitClosed());
        QTRY_COMPARE(m_discord->liveConnectionCount(), 0);
        auto retry = connectGateway();
        retry->send(resumePayload(ended, 3));
        QCOMPARE(retry->waitOp(9).value("d"_L1), QJsonValue(false));

        auto zombie = connectGateway();
        const QString kept = identify(*zombie);
        zombie->socket.close(static_cast<QWebSocketProtocol::CloseCode>(4000));
        QVERIFY(zombie->waitClosed());
        auto resumed = connectGateway();
        resumed->send(resumePayload(kept, 3));
        QCOMPARE(resumed->waitDispatch(u"RESUMED"_s).value("s"_L1).toInt(), 4);

        // A client that vanishes without a close frame can resume too.
        const int live = m_discord->liveConnectionCount();
        resumed->socket.abort();
        QTRY_COMPARE(m_discord->liveConnectionCount(), live - 1);
        auto back = connectGateway();
        back->send(resumePayload(kept, 4));
        QCOMPARE(back->waitDispatch(u"RESUMED"_s).value("s"_L1).toInt(), 5);
    }

    void protocolViolationsClose()
    {
        auto garbage = connectGateway();
        garbage->socket.sendTextMessage(u"this is not json"_s);
        QVERIFY(garbage->waitClosed());
        QCOMPARE(garbage->closeCode(), 4002);

        auto huge = connectGateway();
        huge->send({ { "op"_L1, 1 }, { "d"_L1, QJsonValue::Null }, { "pad"_L1, QString(5000, u'x') } });
        QVERIFY(huge->waitClosed());
        QCOMPARE(huge->closeCode(), 4002);

        auto unknownOp = connectGateway();
        unknownOp->send({ { "op"_L1, 99 }, { "d"_L1, QJsonValue::Null } });
        QVERIFY(unknownOp->waitClosed());
        QCOMPARE(unknownOp->closeCode(), 4001);

        auto early = connectGateway();
        early->send({ { "op"_L1, 3 }, { "d"_L1, QJsonObject { { "status"_L1, "online"_L1 } } } });
        QVERIFY(early->waitClosed());
        QCOMPARE(early->closeCode(), 4003);

        auto twice = connectGateway();
        QVERIFY(!identify(*twice).isEmpty());
        twice->send(identifyPayload(defaultIntents));
        QVERIFY(twice->waitClosed());
        QCOMPARE(twice->closeCode(), 4005);

        // 120 frames a minute are fine; the 121st closes with 4008.
        auto flood = connectGateway();
        QVERIFY(!identify(*flood).isEmpty());
        const qsizetype from = flood->frames.size();
        for (int i = 0; i < 119; ++i)
            flood->send(heartbeat(3));
        QVERIFY(QTest::qWaitFor([&] { return flood->frames.size() - from == 119; }, 5000));
        QVERIFY(!flood->closed);
        flood->send(heartbeat(3));
        QVERIFY(flood->waitClosed());
        QCOMPARE(flood->closeCode(), 4008);
        QCOMPARE(flood->frames.size() - from, 119);
    }
};

QTEST_GUILESS_MAIN(TestFakeDiscord)
#include "tst_fakediscord.moc"
