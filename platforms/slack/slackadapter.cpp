// SPDX-License-Identifier: GPL-3.0-or-later
#include "slackadapter.h"

#include "common/boundedsocket.h"
#include "gateway/platformids.h"
#include "net/backoff.h"
#include "slackapi.h"
#include "slackmrkdwn.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSlack, "baton.slack", QtInfoMsg)

namespace {
constexpr qsizetype rememberedEvents = 2'000;
// Slack retries an event no connection acked a few times, then drops it: after a gap longer than
// this, what was written meanwhile is read back instead of trusted to come.
constexpr qint64 redeliveryTrustMs = 30'000;
constexpr int catchUpPageSize = 100;
constexpr int maxCatchUpPages = 5;
} // namespace

SlackAdapter::SlackAdapter(QNetworkAccessManager *network, const Options &options, QObject *parent)
    : PlatformAdapter(parent)
    , m_options(options)
    , m_api(new SlackApi(network, options.apiBase, this))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SlackAdapter::openSocket);
}

SlackAdapter::~SlackAdapter()
{
    closeSocket();
}

void SlackAdapter::start()
{
    m_running = true;
    m_receiving = true;
    m_failures = 0;
    m_catchUpDue = true;
    setState(State::Connecting);
    m_api->call(u"auth.test"_s, m_options.botToken, {}, this, [this](const SlackResult &r) {
        if (!m_running)
            return;
        if (!r.ok && (r.error == "invalid_auth"_L1 || r.error == "not_authed"_L1 || r.error == "account_inactive"_L1))
            return fatal(
                tr("Slack rejected the bot token (%1). Set it with `baton secret set slack.bot_token`.").arg(r.error));
        if (!r.ok)
            return reconnect(tr("Slack could not be reached: %1").arg(r.error));
        m_userId = r.body.value("user_id"_L1).toString();
        m_botId = r.body.value("bot_id"_L1).toString();
        m_userName = r.body.value("user"_L1).toString();
        openSocket();
    });
}

void SlackAdapter::closeSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void SlackAdapter::stopReceiving()
{
    // Unacknowledged envelopes are redelivered to the next connection: nothing is lost.
    m_receiving = false;
    m_reconnect.stop();
    closeSocket();
}

void SlackAdapter::stop()
{
    m_running = false;
    stopReceiving();
    setState(State::Offline, tr("stopped"));
}

void SlackAdapter::fatal(const QString &sentence)
{
    m_running = false;
    m_receiving = false;
    m_reconnect.stop();
    closeSocket();
    qCWarning(lcSlack).noquote() << sentence;
    setState(State::Offline, sentence);
}

void SlackAdapter::reconnect(const QString &reason)
{
    closeSocket();
    if (!m_offline.isValid())
        m_offline.start();
    if (!m_running || !m_receiving)
        return;
    // At once the first time (Slack asks us to move on), then capped exponential backoff with jitter.
    const int delay = Backoff::delayMs(m_failures++, m_options.minReconnectMs, m_options.maxReconnectMs);
    qCInfo(lcSlack).noquote() << "reconnecting in" << delay << "ms:" << reason;
    setState(m_failures > 2 ? State::Degraded : State::Connecting, reason);
    m_reconnect.start(delay);
}

void SlackAdapter::openSocket()
{
    if (!m_running || !m_receiving)
        return;
    if (m_userId.isEmpty())
        return start(); // auth.test never answered: begin there
    // Every connection needs a fresh URL: they are single-use.
    m_api->call(u"apps.connections.open"_s, m_options.appToken, {}, this, [this](const SlackResult &r) {
        if (!m_running || !m_receiving)
            return;
        if (!r.ok
            && (r.error == "invalid_auth"_L1 || r.error == "not_allowed_token_type"_L1 || r.error == "not_authed"_L1))
            return fatal(tr("Slack rejected the app token (%1). Set an app-level token with connections:write "
                            "with `baton secret set slack.app_token`.")
                             .arg(r.error));
        if (!r.ok)
            return reconnect(tr("Slack would not open a connection: %1").arg(r.error));
        closeSocket();
        m_socket = BoundedSocket::create(this);
        connect(m_socket, &QWebSocket::textMessageReceived, this, &SlackAdapter::onFrame);
        connect(m_socket, &QWebSocket::disconnected, this, [this] {
            const QString why = m_socket ? m_socket->closeReason() : QString();
            reconnect(why.isEmpty() ? tr("the connection to Slack closed") : why);
        });
        ++m_connections;
        m_socket->open(QUrl(r.body.value("url"_L1).toString()));
    });
}

SlackAdapter::Frame SlackAdapter::readFrame(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonObject payload = frame.value("payload"_L1).toObject();
    return Frame { frame.value("type"_L1).toString(), frame.value("reason"_L1).toString(),
        frame.value("envelope_id"_L1).toString(), payload.value("event_id"_L1).toString(),
        payload.value("event"_L1).toObject() };
}

void SlackAdapter::onFrame(const QString &text)
{
    const Frame frame = readFrame(text);
    if (frame.type == "hello"_L1) {
        m_failures = 0;
        const bool longGap = m_offline.isValid() && m_offline.elapsed() > redeliveryTrustMs;
        m_offline.invalidate();
        setState(State::Online);
        if (std::exchange(m_catchUpDue, false) || longGap)
            Q_EMIT catchUpWanted();
        return;
    }
    if (frame.type == "disconnect"_L1) {
        if (frame.reason == "link_disabled"_L1)
            return fatal(tr("Slack turned Socket Mode off for this app (link_disabled); turn it on in the app's "
                            "settings and restart Baton."));
        m_failures = 0; // a planned move, not a failure
        return reconnect(tr("Slack asked to reconnect (%1)").arg(frame.reason));
    }
    if (!frame.envelopeId.isEmpty() && m_socket) {
        // Acknowledge before any work: an envelope not acked in time is sent again.
        m_socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject { { "envelope_id"_L1, frame.envelopeId } }).toJson(QJsonDocument::Compact)));
    }
    if (frame.type != "events_api"_L1)
        return;
    if (!frame.eventId.isEmpty()) {
        if (m_seenEvents.contains(frame.eventId))
            return; // a redelivery of what we already have
        m_seenEvents.insert(frame.eventId);
        m_seenOrder.append(frame.eventId);
        if (m_seenOrder.size() > rememberedEvents)
            m_seenEvents.remove(m_seenOrder.takeFirst());
    }
    onEvent(frame.event);
}

std::optional<PlatformAdapter::Inbound> SlackAdapter::readMessage(const QJsonObject &event, const QString &ownUserId)
{
    if (event.value("type"_L1).toString() != "message"_L1)
        return std::nullopt;
    const QString subtype = event.value("subtype"_L1).toString();
    if (!subtype.isEmpty() && subtype != "bot_message"_L1 && subtype != "thread_broadcast"_L1)
        return std::nullopt; // edits, deletions, joins: not conversation
    Inbound inbound;
    inbound.source.platform = u"slack"_s;
    const QString channel = event.value("channel"_L1).toString();
    inbound.source.chatId = channel;
    inbound.source.chatType = event.value("channel_type"_L1).toString() == "im"_L1 ? SessionSource::ChatType::Direct
                                                                                   : SessionSource::ChatType::Group;
    // ts values are ids: kept as text, never parsed as numbers.
    inbound.source.threadId = event.value("thread_ts"_L1).toString();
    inbound.source.userId = event.value("user"_L1).toString();
    inbound.messageId = event.value("ts"_L1).toString();
    inbound.text = event.value("text"_L1).toString();
    inbound.fromBot = event.contains("bot_id"_L1) || subtype == "bot_message"_L1 || inbound.source.userId == ownUserId;
    if (inbound.text.isEmpty())
        return std::nullopt;
    return inbound;
}

void SlackAdapter::onEvent(const QJsonObject &event)
{
    if (!m_receiving)
        return;
    if (const auto inbound = readMessage(event, m_userId))
        Q_EMIT messageReceived(*inbound);
}

void SlackAdapter::catchUp(const QList<Cursor> &cursors)
{
    if (!m_receiving)
        return; // left on the platform for the next start
    for (const Cursor &cursor : cursors)
        fetchMissed(cursor, {}, {}, maxCatchUpPages);
}

void SlackAdapter::fetchMissed(const Cursor &cursor, const QString &page, QList<QJsonObject> gathered, int pagesLeft)
{
    QJsonObject params { { "channel"_L1, cursor.chat }, { "oldest"_L1, cursor.afterMessageId },
        { "limit"_L1, catchUpPageSize } };
    if (!cursor.thread.isEmpty())
        params.insert("ts"_L1, cursor.thread);
    if (!page.isEmpty())
        params.insert("cursor"_L1, page);
    const QString method = cursor.thread.isEmpty() ? u"conversations.history"_s : u"conversations.replies"_s;
    m_api->call(method, m_options.botToken, params, this, [=, this](const SlackResult &r) mutable {
        if (!m_receiving)
            return;
        if (!r.ok) {
            qCWarning(lcSlack).noquote() << "could not catch up on" << cursor.chat << ":" << r.error;
            return;
        }
        // The thread's parent always comes along; only what is newer than the cursor is missed.
        for (const QJsonValue &message : r.body.value("messages"_L1).toArray()) {
            if (PlatformIds::isOlder(cursor.afterMessageId, message.toObject().value("ts"_L1).toString()))
                gathered.append(message.toObject());
        }
        const QString next = r.body.value("response_metadata"_L1).toObject().value("next_cursor"_L1).toString();
        if (r.body.value("has_more"_L1).toBool() && !next.isEmpty() && pagesLeft > 1)
            return fetchMissed(cursor, next, gathered, pagesLeft - 1);
        std::sort(gathered.begin(), gathered.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return PlatformIds::isOlder(a.value("ts"_L1).toString(), b.value("ts"_L1).toString());
        });
        for (QJsonObject event : std::as_const(gathered)) {
            // History leaves out where a message is; the event a live one came in says it.
            if (event.value("thread_ts"_L1) == event.value("ts"_L1))
                event.remove("thread_ts"_L1); // a parent was written top-level, and is keyed so
            event.insert("channel"_L1, cursor.chat);
            event.insert("channel_type"_L1, cursor.chat.startsWith(u'D') ? u"im"_s : u"channel"_s);
            onEvent(event);
        }
        if (!gathered.isEmpty())
            qCInfo(lcSlack).noquote() << "caught up on" << gathered.size() << "message(s) in" << cursor.chat;
    });
}

void SlackAdapter::send(const QString &tag, const QString &chat, const QString &thread, const QString &text)
{
    QJsonObject params { { "channel"_L1, chat }, { "text"_L1, SlackMrkdwn::fromMarkdown(text) } };
    if (!thread.isEmpty())
        params.insert("thread_ts"_L1, thread);
    m_api->call(u"chat.postMessage"_s, m_options.botToken, params, this, [this, tag](const SlackResult &r) {
        if (r.ok)
            return Q_EMIT sent(tag, r.body.value("ts"_L1).toString(), {});
        if (r.passing)
            return Q_EMIT retryWanted(tag, tr("Slack did not take the message: %1").arg(r.error), 0);
        Q_EMIT sent(tag, {}, tr("Slack did not take the message: %1").arg(r.error));
    });
}

void SlackAdapter::edit(
    const QString &tag, const QString &chat, const QString &, const QString &messageId, const QString &text)
{
    const QJsonObject params { { "channel"_L1, chat }, { "ts"_L1, messageId },
        { "text"_L1, SlackMrkdwn::fromMarkdown(text) } };
    m_api->call(u"chat.update"_s, m_options.botToken, params, this, [this, tag, messageId](const SlackResult &r) {
        if (r.ok)
            return Q_EMIT sent(tag, messageId, {});
        if (r.passing)
            return Q_EMIT retryWanted(tag, tr("Slack did not update the message: %1").arg(r.error), 0);
        Q_EMIT sent(tag, {}, tr("Slack did not update the message: %1").arg(r.error));
    });
}

void SlackAdapter::typing(const QString &, const QString &)
{
    // Bots have no typing indicator outside the legacy RTM API; the first words show soon enough.
}

void SlackAdapter::createHandoffThread(const QString &tag, const QString &homeChat, const QString &threadName)
{
    // A thread is anchored on a message: the seed's ts is the thread.
    const QJsonObject params { { "channel"_L1, homeChat },
        { "text"_L1, u"🧵 Baton handoff: *%1*"_s.arg(SlackMrkdwn::escape(threadName)) } };
    postSeed(tag, params, 0, 0);
}

void SlackAdapter::postSeed(const QString &tag, const QJsonObject &params, int failures, qint64 firstFailureMs)
{
    m_api->call(u"chat.postMessage"_s, m_options.botToken, params, this, [=, this](const SlackResult &r) {
        if (r.ok)
            return Q_EMIT threadCreated(tag, r.body.value("ts"_L1).toString(), {});
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 since = failures == 0 ? now : firstFailureMs;
        if (r.passing && scheduleRetry(threadRetries, failures + 1, now - since, 0, [=, this] {
                postSeed(tag, params, failures + 1, since);
            }))
            return;
        // Every channel can have threads: a failed seed means the home itself is out of reach.
        Q_EMIT threadCreated(tag, {}, tr("Slack could not start a thread: %1").arg(r.error));
    });
}

SessionSource SlackAdapter::destination(const QString &chat, const QString &thread) const
{
    // Direct message channels start with D; a thread key keeps the channel and the thread ts.
    const auto type = chat.startsWith(u'D') ? SessionSource::ChatType::Direct : SessionSource::ChatType::Group;
    return SessionSource { name(), type, chat, thread, {} };
}
