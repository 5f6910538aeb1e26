// SPDX-License-Identifier: GPL-3.0-or-later
#include "discordadapter.h"

#include "discordlinks.h"

#include "discordrest.h"
#include "gateway/platformids.h"
#include "net/backoff.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcDiscordGateway)

namespace {
constexpr int dmChannel = 1;
constexpr int publicThread = 11;
constexpr int privateThread = 12;
const QJsonObject noMentions { { "parse"_L1, QJsonArray {} } }; // model output never pings anyone
// Catching up reads at most this many pages of this many messages per conversation.
constexpr int catchUpPageSize = 100;
constexpr int maxCatchUpPages = 5;
// A page that fails for a passing reason is asked for again this often before it is given up.
constexpr int maxCatchUpRetries = 6;

bool isThread(int type)
{
    return type == publicThread || type == privateThread || type == 10;
}
} // namespace

DiscordAdapter::DiscordAdapter(QNetworkAccessManager *network, const Options &options, QObject *parent)
    : PlatformAdapter(parent)
    , m_options(options)
    , m_rest(new DiscordRest(network, options.apiBase, options.token, this))
    , m_gateway(new DiscordGateway(options.token, options.gateway, this))
{
    m_restart.setSingleShot(true);
    connect(&m_restart, &QTimer::timeout, this, [this] {
        if (m_receiving && state() != State::Online)
            start();
    });
    connect(m_gateway, &DiscordGateway::ready, this, [this](const QJsonObject &user) {
        m_userId = user.value("id"_L1).toString();
        m_userName = user.value("username"_L1).toString();
        setState(State::Online);
        // A new session replays nothing: what was written while we had none must be fetched.
        Q_EMIT catchUpWanted();
    });
    connect(m_gateway, &DiscordGateway::resumed, this, [this] { setState(State::Online); });
    connect(m_gateway, &DiscordGateway::interrupted, this,
        [this](const QString &reason) { setState(State::Connecting, reason); });
    connect(m_gateway, &DiscordGateway::failed, this, [this](const QString &sentence) {
        qCWarning(lcDiscordGateway).noquote() << sentence;
        setState(State::Offline, sentence);
    });
    connect(m_gateway, &DiscordGateway::dispatched, this, &DiscordAdapter::onDispatch);
}

QString DiscordAdapter::refused(const QString &what, const DiscordResult &result) const
{
    if (result.status == 401)
        return tr("Discord rejected the bot token (401). Set it with `baton secret set discord.token`.");
    return tr("Discord did not %1: %2").arg(what, result.describe());
}

void DiscordAdapter::start()
{
    m_receiving = true;
    setState(State::Connecting);
    if (!m_options.gatewayUrl.isEmpty())
        return m_gateway->open(QUrl(m_options.gatewayUrl));
    m_rest->request("GET", u"/gateway/bot"_s, {}, this, [this](const DiscordResult &result) {
        if (!m_receiving)
            return;
        if (!result.ok) {
            const QString sentence = refused(tr("give the gateway address"), result);
            qCWarning(lcDiscordGateway).noquote() << sentence;
            // A bad token stays bad; anything else is worth another try.
            setState(result.status == 401 ? State::Offline : State::Degraded, sentence);
            if (result.status != 401 && result.status != 403)
                m_restart.start(5'000);
            return;
        }
        m_gateway->open(QUrl(result.body.toObject().value("url"_L1).toString()));
    });
}

void DiscordAdapter::stopReceiving()
{
    // Events that arrive from now on are not confirmed anywhere; a fresh session gets the
    // conversation's state from the store, so closing the gateway loses nothing stored.
    m_receiving = false;
    m_gateway->close();
}

void DiscordAdapter::stop()
{
    m_receiving = false;
    m_restart.stop();
    m_gateway->close();
    setState(State::Offline, tr("stopped"));
}

void DiscordAdapter::learnChannel(const QJsonObject &channel, const QString &guildId)
{
    Channel known;
    known.type = channel.value("type"_L1).toInt();
    known.parentId = channel.value("parent_id"_L1).toString();
    known.guildId = channel.contains("guild_id"_L1) ? channel.value("guild_id"_L1).toString() : guildId;
    m_channels.insert(channel.value("id"_L1).toString(), known);
}

void DiscordAdapter::onDispatch(const QString &type, const QJsonObject &data)
{
    if (type == "GUILD_CREATE"_L1) {
        const QString guildId = data.value("id"_L1).toString();
        for (const QJsonValue &channel : data.value("channels"_L1).toArray())
            learnChannel(channel.toObject(), guildId);
        for (const QJsonValue &thread : data.value("threads"_L1).toArray())
            learnChannel(thread.toObject(), guildId);
    } else if (type == "THREAD_CREATE"_L1 || type == "CHANNEL_CREATE"_L1 || type == "THREAD_UPDATE"_L1) {
        learnChannel(data);
    } else if (type == "MESSAGE_CREATE"_L1 && m_receiving) {
        onMessage(data);
    }
}

void DiscordAdapter::whenChannelKnown(const QString &channelId, std::function<void()> then)
{
    if (m_channels.contains(channelId))
        return then();
    // MESSAGE_CREATE carries no channel type: ask once, and let later messages queue behind.
    auto &waiting = m_lookups[channelId];
    waiting.append(std::move(then));
    if (waiting.size() > 1)
        return;
    m_rest->request("GET", u"/channels/"_s + channelId, {}, this, [this, channelId](const DiscordResult &result) {
        if (result.ok)
            learnChannel(result.body.toObject());
        else
            m_channels.insert(channelId, Channel {}); // unknown: treated as a plain guild channel
        const auto callbacks = m_lookups.take(channelId);
        for (const auto &callback : callbacks)
            callback();
    });
}

void DiscordAdapter::onMessage(const QJsonObject &message)
{
    const int type = message.value("type"_L1).toInt();
    if (type != 0 && type != 19)
        return; // joins, pins, thread notices: not conversation
    const QString channelId = message.value("channel_id"_L1).toString();
    // A live event without a guild is a DM; a fetched message carries no guild_id either, but its
    // channel is known by then (catchUp asks first).
    if (!message.contains("guild_id"_L1) && !m_channels.contains(channelId))
        m_channels.insert(channelId, Channel { dmChannel, {}, {} });
    whenChannelKnown(channelId, [this, message, channelId] {
        const Channel channel = m_channels.value(channelId);
        if (const auto inbound = readMessage(message, channel.type, channel.parentId, m_userId))
            Q_EMIT messageReceived(*inbound);
    });
}

std::optional<PlatformAdapter::Inbound> DiscordAdapter::readMessage(
    const QJsonObject &message, int channelType, const QString &parentId, const QString &ownUserId)
{
    const int type = message.value("type"_L1).toInt();
    if (type != 0 && type != 19)
        return std::nullopt; // joins, pins, thread notices: not conversation
    const QString channelId = message.value("channel_id"_L1).toString();
    const QJsonObject author = message.value("author"_L1).toObject();
    Inbound inbound;
    inbound.source.platform = u"discord"_s;
    inbound.source.userId = author.value("id"_L1).toString();
    if (channelType == dmChannel) {
        inbound.source.chatType = SessionSource::ChatType::Direct;
        inbound.source.chatId = channelId;
    } else if (isThread(channelType)) {
        // A thread is keyed on the thread itself, never on its parent channel (docs/architecture.md, scenario 13).
        inbound.source.chatType = SessionSource::ChatType::Group;
        inbound.source.chatId = parentId;
        inbound.source.threadId = channelId;
    } else {
        inbound.source.chatType = SessionSource::ChatType::Group;
        inbound.source.chatId = channelId;
    }
    inbound.messageId = message.value("id"_L1).toString();
    inbound.userName = author.value("username"_L1).toString();
    inbound.text = message.value("content"_L1).toString();
    inbound.fromBot
        = author.value("bot"_L1).toBool() || inbound.source.userId == ownUserId || message.contains("webhook_id"_L1);
    if (inbound.text.isEmpty())
        return std::nullopt;
    return inbound;
}

void DiscordAdapter::catchUp(const QList<Cursor> &cursors)
{
    if (!m_receiving)
        return; // left on the platform for the next start
    for (const Cursor &cursor : cursors) {
        const QString channelId = cursor.thread.isEmpty() ? cursor.chat : cursor.thread;
        // The channel's type decides the session key, as for a live message.
        whenChannelKnown(channelId,
            [this, channelId, after = cursor.afterMessageId] { fetchMissed(channelId, after, maxCatchUpPages); });
    }
}

void DiscordAdapter::fetchMissed(const QString &channelId, const QString &after, int pagesLeft, int failures)
{
    const QString path = u"/channels/%1/messages?after=%2&limit=%3"_s.arg(channelId, after).arg(catchUpPageSize);
    m_rest->request("GET", path, {}, this, [this, channelId, after, pagesLeft, failures](const DiscordResult &result) {
        if (!m_receiving)
            return;
        if (!result.ok && result.passing && failures < maxCatchUpRetries) {
            // Nothing else fetches these again: once we write in the channel, the next catch-up
            // starts after that message, so a page given up here would be lost for good.
            const int delay = Backoff::delayMs(failures + 1, 1'000, 30'000);
            qCInfo(lcDiscordGateway).noquote()
                << "catching up on channel" << channelId << "again in" << delay << "ms:" << result.describe();
            QTimer::singleShot(delay, this, [this, channelId, after, pagesLeft, failures] {
                fetchMissed(channelId, after, pagesLeft, failures + 1);
            });
            return;
        }
        if (!result.ok) {
            qCWarning(lcDiscordGateway).noquote()
                << "could not catch up on channel" << channelId << ":" << result.describe();
            return;
        }
        // Discord lists newest first; the conversation is replayed oldest first.
        QList<QJsonObject> page;
        for (const QJsonValue &message : result.body.toArray())
            page.append(message.toObject());
        std::sort(page.begin(), page.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return PlatformIds::isOlder(a.value("id"_L1).toString(), b.value("id"_L1).toString());
        });
        for (const QJsonObject &message : std::as_const(page))
            onMessage(message);
        if (!page.isEmpty())
            qCInfo(lcDiscordGateway).noquote() << "caught up on" << page.size() << "message(s) in channel" << channelId;
        if (page.size() == catchUpPageSize && pagesLeft > 1)
            fetchMissed(channelId, page.constLast().value("id"_L1).toString(), pagesLeft - 1);
    });
}

void DiscordAdapter::send(const QString &tag, const QString &chat, const QString &thread, const QString &text)
{
    const QString channel = thread.isEmpty() ? chat : thread;
    // The tag is the same for every attempt of one item: with enforce_nonce, Discord answers a
    // resend within minutes (after a timeout, a crash) with the message it already made.
    const QJsonObject body { { "content"_L1, DiscordLinks::restrict(text) }, { "allowed_mentions"_L1, noMentions },
        { "nonce"_L1, tag.left(25) }, { "enforce_nonce"_L1, true } };
    m_rest->request("POST", u"/channels/%1/messages"_s.arg(channel), body, this, [this, tag](const DiscordResult &r) {
        if (r.ok)
            return Q_EMIT sent(tag, r.body.toObject().value("id"_L1).toString(), {});
        if (r.passing)
            return Q_EMIT retryWanted(tag, refused(tr("take the message"), r), 0);
        Q_EMIT sent(tag, {}, refused(tr("take the message"), r));
    });
}

void DiscordAdapter::edit(
    const QString &tag, const QString &chat, const QString &thread, const QString &messageId, const QString &text)
{
    // An edit addresses the channel the message is in: for a thread reply that is the thread.
    const QString channel = thread.isEmpty() ? chat : thread;
    const QJsonObject body { { "content"_L1, DiscordLinks::restrict(text) }, { "allowed_mentions"_L1, noMentions } };
    m_rest->request("PATCH", u"/channels/%1/messages/%2"_s.arg(channel, messageId), body, this,
        [this, tag, messageId](const DiscordResult &r) {
            if (r.ok)
                return Q_EMIT sent(tag, messageId, {});
            if (r.passing)
                return Q_EMIT retryWanted(tag, refused(tr("edit the message"), r), 0);
            Q_EMIT sent(tag, {}, refused(tr("edit the message"), r));
        });
}

void DiscordAdapter::typing(const QString &chat, const QString &thread)
{
    const QString channel = thread.isEmpty() ? chat : thread;
    m_rest->request("POST", u"/channels/%1/typing"_s.arg(channel), {}, this, [](const DiscordResult &) {});
}

namespace {
// Discord's own refusal (missing permission, a channel type without threads) rather than trouble
// getting an answer (the network, a 5xx, a rate limit).
bool threadsRefused(const DiscordResult &r)
{
    return r.status >= 400 && r.status < 500 && r.status != 429;
}
} // namespace

void DiscordAdapter::createHandoffThread(const QString &tag, const QString &homeChat, const QString &threadName)
{
    whenChannelKnown(homeChat, [this, tag, homeChat, threadName] {
        if (m_channels.value(homeChat).type == dmChannel) {
            // DMs have no threads: the DM itself is used. Answered from the event loop, as promised.
            QMetaObject::invokeMethod(
                this, [this, tag] { Q_EMIT threadCreated(tag, {}, {}); }, Qt::QueuedConnection);
            return;
        }
        startThread(tag, homeChat, threadName.left(100), 0, 0);
    });
}

void DiscordAdapter::startThread(
    const QString &tag, const QString &homeChat, const QString &name, int failures, qint64 firstFailureMs)
{
    // type 11: without it Discord makes a private thread.
    const QJsonObject body { { "name"_L1, name }, { "type"_L1, publicThread }, { "auto_archive_duration"_L1, 1440 } };
    m_rest->request("POST", u"/channels/%1/threads"_s.arg(homeChat), body, this, [=, this](const DiscordResult &r) {
        if (r.ok) {
            learnChannel(r.body.toObject());
            return Q_EMIT threadCreated(tag, r.body.toObject().value("id"_L1).toString(), {});
        }
        // Threads not allowed here: a seed message to thread from.
        if (threadsRefused(r))
            return threadFromSeedMessage(tag, homeChat, name);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 since = failures == 0 ? now : firstFailureMs;
        if (r.passing && scheduleRetry(threadRetries, failures + 1, now - since, 0, [=, this] {
                startThread(tag, homeChat, name, failures + 1, since);
            }))
            return;
        threadFailed(tag, r);
    });
}

void DiscordAdapter::threadFailed(const QString &tag, const DiscordResult &r)
{
    if (threadsRefused(r))
        return Q_EMIT threadCreated(tag, {}, {});
    Q_EMIT threadCreated(tag, {}, tr("Discord could not open a thread: %1").arg(r.describe()));
}

void DiscordAdapter::threadFromSeedMessage(const QString &tag, const QString &homeChat, const QString &name)
{
    const QJsonObject seed { { "content"_L1, u"🧵 Baton handoff: **%1**"_s.arg(name) },
        { "allowed_mentions"_L1, noMentions } };
    m_rest->request("POST", u"/channels/%1/messages"_s.arg(homeChat), seed, this,
        [this, tag, homeChat, name](const DiscordResult &posted) {
            if (!posted.ok)
                return threadFailed(tag, posted);
            const QString seedId = posted.body.toObject().value("id"_L1).toString();
            const QJsonObject body { { "name"_L1, name }, { "auto_archive_duration"_L1, 1440 } };
            m_rest->request("POST", u"/channels/%1/messages/%2/threads"_s.arg(homeChat, seedId), body, this,
                [this, tag](const DiscordResult &r) {
                    if (!r.ok)
                        return threadFailed(tag, r);
                    learnChannel(r.body.toObject());
                    Q_EMIT threadCreated(tag, r.body.toObject().value("id"_L1).toString(), {});
                });
        });
}

SessionSource DiscordAdapter::destination(const QString &chat, const QString &thread) const
{
    if (!thread.isEmpty())
        return SessionSource { name(), SessionSource::ChatType::Group, chat, thread, {} };
    const auto type
        = m_channels.value(chat).type == dmChannel ? SessionSource::ChatType::Direct : SessionSource::ChatType::Group;
    return SessionSource { name(), type, chat, {}, {} };
}
