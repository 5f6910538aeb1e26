// SPDX-License-Identifier: GPL-3.0-or-later
#include "discordgateway.h"

#include "common/boundedsocket.h"
#include "net/backoff.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDiscordGateway, "baton.discord", QtInfoMsg)

namespace {
enum Op {
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11
};

// Close codes after which a new connection cannot help: the user must change something.
QString fatalSentence(int code)
{
    switch (code) {
    case 4004:
        return QObject::tr("Discord rejected the bot token (4004). Set it with `baton secret set discord.token`.");
    case 4010:
        return QObject::tr("Discord refused the shard settings (4010).");
    case 4011:
        return QObject::tr("Discord requires sharding for this bot (4011).");
    case 4012:
        return QObject::tr("Discord refused the gateway version (4012).");
    case 4013:
        return QObject::tr("Discord refused the intents (4013).");
    case 4014:
        return QObject::tr("Discord refused the Message Content intent (4014): enable the Message Content intent "
                           "in the Developer Portal (Bot -> Privileged Gateway Intents).");
    default:
        return {};
    }
}
} // namespace

DiscordGateway::DiscordGateway(const QString &token, const Options &options, QObject *parent)
    : QObject(parent)
    , m_token(token)
    , m_options(options)
{
    connect(&m_heartbeat, &QTimer::timeout, this, &DiscordGateway::heartbeat);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &DiscordGateway::connectSocket);
}

QUrl DiscordGateway::withQuery(const QUrl &url)
{
    QUrl full = url;
    QUrlQuery query;
    query.addQueryItem(u"v"_s, u"10"_s);
    query.addQueryItem(u"encoding"_s, u"json"_s);
    full.setQuery(query);
    return full;
}

void DiscordGateway::open(const QUrl &url)
{
    m_url = url;
    m_closing = false;
    m_failures = 0;
    connectSocket();
}

void DiscordGateway::close()
{
    m_closing = true;
    m_heartbeat.stop();
    m_reconnect.stop();
    if (QWebSocket *socket = std::exchange(m_socket, nullptr)) {
        // Taken first: close() can report disconnected at once, and onDisconnected must not see it.
        socket->disconnect(this);
        // 1000 ends the session on Discord's side too: we are leaving.
        socket->close(QWebSocketProtocol::CloseCodeNormal);
        socket->deleteLater();
    }
}

void DiscordGateway::connectSocket()
{
    if (m_closing)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = BoundedSocket::create(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &DiscordGateway::onText);
    connect(m_socket, &QWebSocket::disconnected, this, &DiscordGateway::onDisconnected);
    m_resumeNext = isResumable();
    m_acked = true;
    m_sent.clear();
    m_held.clear();
    m_socket->open(withQuery(m_resumeNext && m_resumeUrl.isValid() ? m_resumeUrl : m_url));
}

void DiscordGateway::sendPayload(int op, const QJsonValue &data, bool urgent)
{
    if (!m_socket)
        return;
    // Discord closes a connection that sends more than 120 events a minute; heartbeats come first.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_sent.removeIf([&](qint64 at) { return now - at >= m_options.sendWindowMs; });
    const int reserve = urgent ? 0 : 3; // leave room for heartbeats
    if (m_sent.size() + reserve >= m_options.sendBudget) {
        m_held.append({ op, data });
        QTimer::singleShot(m_options.sendWindowMs - (now - m_sent.first()) + 10, this, [this] {
            const auto held = std::exchange(m_held, {});
            for (const auto &[heldOp, heldData] : held)
                sendPayload(heldOp, heldData);
        });
        return;
    }
    m_sent.append(now);
    const QJsonObject payload { { "op"_L1, op }, { "d"_L1, data } };
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
}

std::optional<DiscordGateway::Payload> DiscordGateway::readPayload(const QString &text)
{
    const QJsonObject payload = QJsonDocument::fromJson(text.toUtf8()).object();
    if (payload.isEmpty())
        return std::nullopt;
    return Payload { payload.value("op"_L1).toInt(-1), payload.value("d"_L1), payload.value("s"_L1),
        payload.value("t"_L1).toString() };
}

void DiscordGateway::onText(const QString &text)
{
    const std::optional<Payload> payload = readPayload(text);
    if (!payload) {
        qCWarning(lcDiscordGateway) << "ignored a gateway frame that is not JSON";
        return;
    }
    const int op = payload->op;
    const QJsonValue data = payload->data;
    switch (op) {
    case Hello: {
        // A nonsense interval must not become a beat storm or silence.
        m_heartbeatIntervalMs = std::clamp(data.toObject().value("heartbeat_interval"_L1).toInt(41'250), 100, 600'000);
        // Only the first beat comes after a random part of the interval, so reconnecting bots do not
        // beat in step; start(int) would make that part the interval of every later beat.
        m_heartbeat.setSingleShot(true);
        m_heartbeat.start(int(m_heartbeatIntervalMs * QRandomGenerator::global()->generateDouble()));
        m_resumeNext ? resume() : identify();
        return;
    }
    case HeartbeatAck:
        m_acked = true;
        return;
    case Heartbeat:
        sendPayload(Heartbeat, m_seq, true);
        return;
    case Reconnect:
        return reconnect(true, tr("Discord asked to reconnect"));
    case InvalidSession:
        if (!data.toBool())
            m_sessionId.clear(); // identify afresh
        // Discord asks for a pause of one to five seconds before trying again.
        m_heartbeat.stop();
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
        m_failures = 0;
        Q_EMIT interrupted(tr("Discord invalidated the session"));
        m_reconnect.start(1'000 + int(QRandomGenerator::global()->bounded(4'000)));
        qCInfo(lcDiscordGateway).noquote()
            << "reconnecting in" << m_reconnect.remainingTime() << "ms: Discord invalidated the session"
            << (data.toBool() ? "(resumable)" : "(identifying afresh)");
        return;
    case Dispatch:
        break;
    default:
        return;
    }

    if (!payload->seq.isNull() && !payload->seq.isUndefined())
        m_seq = payload->seq;
    const QString type = payload->type;
    const QJsonObject object = data.toObject();
    if (type == "READY"_L1) {
        m_sessionId = object.value("session_id"_L1).toString();
        m_resumeUrl = QUrl(object.value("resume_gateway_url"_L1).toString());
        m_failures = 0;
        Q_EMIT ready(object.value("user"_L1).toObject());
        return;
    }
    if (type == "RESUMED"_L1) {
        m_failures = 0;
        Q_EMIT resumed();
        return;
    }
    Q_EMIT dispatched(type, object);
}

void DiscordGateway::heartbeat()
{
    if (!m_acked) {
        // No ACK since the last beat: the connection is a zombie. 4000 keeps the session resumable.
        return reconnect(true, tr("Discord stopped answering heartbeats"));
    }
    m_acked = false;
    sendPayload(Heartbeat, m_seq, true);
    if (m_heartbeat.isSingleShot()) {
        m_heartbeat.setSingleShot(false);
        m_heartbeat.start(m_heartbeatIntervalMs);
    }
}

void DiscordGateway::identify()
{
    ++m_identifies;
    sendPayload(Identify,
        QJsonObject { { "token"_L1, m_token }, { "intents"_L1, m_options.intents },
            { "properties"_L1,
                QJsonObject { { "os"_L1, "linux"_L1 }, { "browser"_L1, "baton"_L1 }, { "device"_L1, "baton"_L1 } } } },
        true);
}

void DiscordGateway::resume()
{
    sendPayload(
        Resume, QJsonObject { { "token"_L1, m_token }, { "session_id"_L1, m_sessionId }, { "seq"_L1, m_seq } }, true);
}

void DiscordGateway::reconnect(bool keepSession, const QString &reason)
{
    if (!keepSession)
        m_sessionId.clear();
    m_heartbeat.stop();
    if (QWebSocket *old = std::exchange(m_socket, nullptr)) {
        old->disconnect(this);
        // 4000 keeps the session resumable (1000/1001 would end it). The old socket lives until its
        // close handshake is over: destroyed earlier, it would say 1001 Going Away instead.
        connect(old, &QWebSocket::disconnected, old, &QObject::deleteLater);
        QTimer::singleShot(5'000, old, [old] {
            old->abort();
            old->deleteLater();
        });
        old->close(QWebSocketProtocol::CloseCode(4000));
    }
    scheduleReconnect(reason);
}

void DiscordGateway::scheduleReconnect(const QString &reason)
{
    if (m_closing)
        return;
    Q_EMIT interrupted(reason);
    // The first retry is at once; then capped exponential backoff with jitter, so a flapping
    // network never turns into an IDENTIFY loop.
    const int delay = Backoff::delayMs(m_failures++, m_options.minReconnectMs, m_options.maxReconnectMs);
    qCInfo(lcDiscordGateway).noquote() << "reconnecting in" << delay << "ms:" << reason;
    m_reconnect.start(delay);
}

void DiscordGateway::onDisconnected()
{
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    m_heartbeat.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_closing)
        return;
    if (const QString sentence = fatalSentence(code); !sentence.isEmpty()) {
        m_closing = true;
        Q_EMIT failed(sentence);
        return;
    }
    // 4001 unknown opcode, 4003 not authenticated, 4005 already authenticated, 4007 invalid seq,
    // 4009 session timed out: the session is gone, identify again. Anything else resumes.
    const bool sessionGone = code == 4001 || code == 4003 || code == 4005 || code == 4007 || code == 4009;
    if (sessionGone)
        m_sessionId.clear();
    scheduleReconnect(reason.isEmpty() ? tr("the connection to Discord closed (%1)").arg(code)
                                       : tr("Discord closed the connection (%1: %2)").arg(code).arg(reason));
}
