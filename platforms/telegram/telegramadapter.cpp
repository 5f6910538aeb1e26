// SPDX-License-Identifier: GPL-3.0-or-later
#include "telegramadapter.h"

#include "net/backoff.h"
#include "net/serverwait.h"
#include "telegramapi.h"
#include "telegramhtml.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTelegram, "baton.telegram", QtInfoMsg)

namespace {
const QJsonArray allowedUpdates { "message"_L1, "edited_message"_L1, "callback_query"_L1, "my_chat_member"_L1 };

QString idString(const QJsonValue &value)
{
    // Ids pass 32 bits: read them as 64-bit integers, keep them as text.
    return QString::number(value.toInteger());
}
} // namespace

TelegramAdapter::TelegramAdapter(QNetworkAccessManager *network, const Options &options, QObject *parent)
    : PlatformAdapter(parent)
    , m_options(options)
    , m_api(new TelegramApi(network, options.apiBase, options.token, this))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { m_botId == 0 ? connectToTelegram() : poll(); });
}

void TelegramAdapter::start()
{
    m_running = true;
    m_receiving = true;
    m_failures = 0;
    setState(State::Connecting);
    connectToTelegram();
}

void TelegramAdapter::stopReceiving()
{
    m_receiving = false;
    m_pollTimer.stop();
}

void TelegramAdapter::stop()
{
    m_receiving = false;
    m_running = false;
    m_pollTimer.stop();
    // A poll still out is answered into nothing: after a later start() (this gateway leads the
    // bot again) it would run beside that start's own poll.
    ++m_generation;
    setState(State::Offline, tr("stopped"));
}

void TelegramAdapter::reconnectNow()
{
    if (!m_running)
        return;
    // A long poll begun before the computer slept may hang on a dead connection until its timeout:
    // its answer, if one comes, is ignored, and a fresh poll starts now instead of after a backoff.
    ++m_generation;
    m_pollTimer.stop();
    m_failures = 0;
    qCInfo(lcTelegram) << "connecting again at once";
    m_botId == 0 ? connectToTelegram() : poll();
}

void TelegramAdapter::fatal(const QString &sentence)
{
    m_running = false;
    m_pollTimer.stop();
    qCWarning(lcTelegram).noquote() << sentence;
    setState(State::Offline, sentence);
}

void TelegramAdapter::retryLater(const QString &reason, int hintMs)
{
    // Capped exponential backoff with jitter, unless Telegram said how long to wait.
    ++m_failures;
    const int delay = hintMs > 0 ? hintMs : Backoff::delayMs(m_failures, 1'000, m_options.maxBackoffMs);
    qCInfo(lcTelegram).noquote() << "retrying in" << delay << "ms:" << reason;
    setState(m_failures > 1 ? State::Degraded : State::Connecting, reason);
    m_pollTimer.start(delay);
}

void TelegramAdapter::connectToTelegram()
{
    if (!m_running)
        return;
    // A webhook left by another tool would make every getUpdates fail with 409.
    m_api->call(u"deleteWebhook"_s, {}, this, [this](const TelegramResult &) {
        m_api->call(u"getMe"_s, {}, this, [this, generation = m_generation](const TelegramResult &me) {
            if (!m_running || generation != m_generation)
                return;
            if (me.errorCode == 401 || me.errorCode == 404)
                return fatal(tr("Telegram rejected the bot token (%1). Set it with `baton secret set telegram.token`.")
                                 .arg(me.errorCode));
            if (!me.ok)
                return retryLater(tr("Telegram could not be reached: %1").arg(me.description));
            const QJsonObject bot = me.result.toObject();
            m_botId = bot.value("id"_L1).toInteger();
            m_botUserName = bot.value("username"_L1).toString();
            m_privateTopics = bot.value("has_topics_enabled"_L1).toBool();
            QJsonArray commands;
            for (const auto &[command, description] :
                { std::pair { "new", "Start a new conversation" }, { "resume", "Continue an earlier conversation" },
                    { "status", "Show what Baton is doing" }, { "sethome", "Make this chat the home for handoffs" },
                    { "help", "List the commands" }, { "stop", "Stop the current reply" } })
                commands.append(QJsonObject { { "command"_L1, QLatin1StringView(command) },
                    { "description"_L1, QLatin1StringView(description) } });
            m_api->call(u"setMyCommands"_s, { { "commands"_L1, commands } }, this, [](const TelegramResult &) {});
            // The token works and Telegram answers: online now, not after the first long poll returns.
            m_failures = 0;
            setState(State::Online);
            poll();
        });
    });
}

void TelegramAdapter::poll()
{
    if (!m_running || !m_receiving)
        return;
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject params { { "offset"_L1, m_offset }, { "timeout"_L1, m_options.pollTimeoutS },
        { "allowed_updates"_L1, allowedUpdates } };
    // The HTTP timeout must outlast the long poll.
    m_api->call(
        u"getUpdates"_s, params, this,
        [this, started, generation = m_generation](const TelegramResult &result) {
            if (generation == m_generation)
                onUpdates(result, started);
        },
        (m_options.pollTimeoutS + 10) * 1000);
}

void TelegramAdapter::onUpdates(const TelegramResult &result, qint64 startedMs)
{
    // Not taking messages any more: the offset stays, so Telegram hands them to the next start.
    if (!m_running || !m_receiving)
        return;
    if (!result.ok) {
        if (result.errorCode == 401)
            return fatal(tr("Telegram rejected the bot token (401). Set it with `baton secret set telegram.token`."));
        if (result.errorCode == 409)
            return retryLater(tr("Telegram reports a conflict (409): %1. Is another Baton using this bot token?")
                                  .arg(result.description));
        if (result.errorCode == 429) {
            const ServerWait::Wait wait = ServerWait::fromJson(result.retryAfter);
            return retryLater(
                tr("Telegram asked to wait %1 s (429).").arg(ServerWait::seconds(wait)), int(wait.delay.count()));
        }
        return retryLater(tr("Telegram could not be reached: %1").arg(result.description));
    }
    m_failures = 0;
    setState(State::Online);

    const QJsonArray updates = result.result.toArray();
    for (const QJsonValue &value : updates) {
        const Update update = readUpdate(value.toObject(), m_botId);
        m_offset = std::max(m_offset, update.nextOffset);
        if (update.message)
            Q_EMIT messageReceived(*update.message);
        if (update.joined)
            Q_EMIT addedToGroup(update.joined->chat, update.joined->title, update.joined->forum, update.joined->by);
    }
    // A server that answers an empty poll at once must not make us spin.
    const bool instantAndEmpty = updates.isEmpty() && QDateTime::currentMSecsSinceEpoch() - startedMs < 1'000;
    m_pollTimer.start(instantAndEmpty ? m_options.idleRepollMs : 0);
}

TelegramAdapter::Update TelegramAdapter::readUpdate(const QJsonObject &update, qint64 botId)
{
    Update read;
    read.nextOffset = update.value("update_id"_L1).toInteger() + 1;
    // The bot's own membership changed: added to a group is a candidate home.
    const QJsonObject membership = update.value("my_chat_member"_L1).toObject();
    const QJsonObject member = membership.value("new_chat_member"_L1).toObject();
    const QString status = member.value("status"_L1).toString();
    const QJsonObject group = membership.value("chat"_L1).toObject();
    if (member.value("user"_L1).toObject().value("id"_L1).toInteger() == botId
        && (status == "member"_L1 || status == "administrator"_L1)
        && (group.value("type"_L1).toString() == "group"_L1 || group.value("type"_L1).toString() == "supergroup"_L1))
        read.joined = Update::Joined { idString(group.value("id"_L1)), group.value("title"_L1).toString(),
            idString(membership.value("from"_L1).toObject().value("id"_L1)), group.value("is_forum"_L1).toBool() };
    const QJsonObject message = update.value("message"_L1).toObject();
    if (message.isEmpty())
        return read; // edits and callbacks are not conversation turns
    const QJsonObject chat = message.value("chat"_L1).toObject();
    const QJsonObject from = message.value("from"_L1).toObject();
    Inbound inbound;
    // A reply in a plain supergroup carries a thread id too: only topic messages are threads.
    const bool inTopic = message.value("is_topic_message"_L1).toBool();
    // The same function as a handoff's destination, so both sides of a handoff share a key.
    inbound.source = sourceFor(
        idString(chat.value("id"_L1)), inTopic ? idString(message.value("message_thread_id"_L1)) : QString());
    inbound.source.userId = from.isEmpty() ? QString() : idString(from.value("id"_L1));
    inbound.messageId = idString(message.value("message_id"_L1));
    inbound.userName = from.value("username"_L1).toString();
    inbound.text
        = message.contains("text"_L1) ? message.value("text"_L1).toString() : message.value("caption"_L1).toString();
    inbound.fromBot = from.value("is_bot"_L1).toBool() || from.value("id"_L1).toInteger() == botId;
    if (!inbound.text.isEmpty())
        read.message = inbound;
    return read;
}

void TelegramAdapter::send(const QString &tag, const QString &chat, const QString &thread, const QString &text)
{
    QJsonObject params { { "chat_id"_L1, chat.toLongLong() },
        { "link_preview_options"_L1, QJsonObject { { "is_disabled"_L1, true } } } };
    if (!thread.isEmpty())
        params.insert("message_thread_id"_L1, thread.toLongLong());
    sendMessage(tag, params, text, true);
}

QJsonObject TelegramAdapter::withText(const QJsonObject &target, const QString &markdown, bool html)
{
    QJsonObject params = target;
    if (html) {
        params.insert("text"_L1, TelegramHtml::fromMarkdown(markdown));
        params.insert("parse_mode"_L1, "HTML"_L1);
    } else
        params.insert("text"_L1, markdown);
    return params;
}

void TelegramAdapter::sendMessage(const QString &tag, const QJsonObject &target, const QString &markdown, bool html)
{
    const QJsonObject params = withText(target, markdown, html);
    m_api->call(u"sendMessage"_s, params, this, [this, tag, target, markdown, html](const TelegramResult &r) {
        if (r.ok)
            return Q_EMIT sent(tag, idString(r.result.toObject().value("message_id"_L1)), {});
        if (html && r.description.contains("can't parse entities"_L1))
            return sendMessage(tag, target, markdown, false);
        if (retryIfPassing(tag, r))
            return;
        if (r.migrateToChatId != 0) {
            QJsonObject moved = target;
            moved.insert("chat_id"_L1, r.migrateToChatId);
            Q_EMIT chatMigrated(idString(target.value("chat_id"_L1)), QString::number(r.migrateToChatId));
            return sendMessage(tag, moved, markdown, html);
        }
        if (r.errorCode == 403)
            return Q_EMIT sent(tag, {}, tr("Telegram refused to deliver (403): %1").arg(r.description));
        Q_EMIT sent(tag, {}, tr("Telegram did not take the message (%1): %2").arg(r.errorCode).arg(r.description));
    });
}

bool TelegramAdapter::retryIfPassing(const QString &tag, const TelegramResult &r)
{
    if (r.errorCode == 429) {
        const ServerWait::Wait wait = ServerWait::fromJson(r.retryAfter);
        if (wait.tooLong) {
            Q_EMIT sent(tag, {},
                tr("Telegram asked to wait %1 s before sending, longer than Baton waits (%2 minutes); not sent.")
                    .arg(r.retryAfter.toVariant().toString())
                    .arg(std::chrono::duration_cast<std::chrono::minutes>(ServerWait::ceiling).count()));
            return true;
        }
        Q_EMIT retryWanted(
            tag, tr("Telegram asked to wait %1 s (429).").arg(ServerWait::seconds(wait)), wait.delay.count());
        return true;
    }
    // Nothing Telegram decided: the connection, a proxy or Telegram itself failed for now.
    if (r.networkTrouble() || r.errorCode >= 500) {
        Q_EMIT retryWanted(tag, tr("Telegram could not be reached: %1").arg(r.description), 0);
        return true;
    }
    return false;
}

void TelegramAdapter::edit(
    const QString &tag, const QString &chat, const QString &, const QString &messageId, const QString &text)
{
    // Message ids are unique per chat: the topic does not matter.
    editMessage(tag, { { "chat_id"_L1, chat.toLongLong() }, { "message_id"_L1, messageId.toLongLong() } }, text, true);
}

void TelegramAdapter::editMessage(const QString &tag, const QJsonObject &target, const QString &markdown, bool html)
{
    const QJsonObject params = withText(target, markdown, html);
    m_api->call(u"editMessageText"_s, params, this, [this, tag, target, markdown, html](const TelegramResult &r) {
        // "message is not modified" means the text is already what we want.
        if (r.ok || r.description.contains("message is not modified"_L1))
            return Q_EMIT sent(tag, idString(target.value("message_id"_L1)), {});
        if (html && r.description.contains("can't parse entities"_L1))
            return editMessage(tag, target, markdown, false);
        if (retryIfPassing(tag, r))
            return;
        Q_EMIT sent(tag, {}, tr("Telegram did not edit the message (%1): %2").arg(r.errorCode).arg(r.description));
    });
}

void TelegramAdapter::typing(const QString &chat, const QString &thread)
{
    QJsonObject params { { "chat_id"_L1, chat.toLongLong() }, { "action"_L1, "typing"_L1 } };
    if (!thread.isEmpty())
        params.insert("message_thread_id"_L1, thread.toLongLong());
    m_api->call(u"sendChatAction"_s, params, this, [](const TelegramResult &) {});
}

void TelegramAdapter::createHandoffThread(const QString &tag, const QString &homeChat, const QString &threadName)
{
    const QJsonObject params { { "chat_id"_L1, homeChat.toLongLong() }, { "name"_L1, threadName.left(128) } };
    createTopic(tag, params, 0, 0);
}

void TelegramAdapter::createTopic(const QString &tag, const QJsonObject &params, int failures, qint64 firstFailureMs)
{
    m_api->call(u"createForumTopic"_s, params, this, [=, this](const TelegramResult &r) {
        if (r.ok)
            return Q_EMIT threadCreated(tag, idString(r.result.toObject().value("message_thread_id"_L1)), {});
        const ServerWait::Wait wait = ServerWait::fromJson(r.retryAfter);
        const bool passing = (r.errorCode == 429 && !wait.tooLong) || r.networkTrouble() || r.errorCode >= 500;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 since = failures == 0 ? now : firstFailureMs;
        if (passing
            && scheduleRetry(threadRetries, failures + 1, now - since, r.errorCode == 429 ? wait.delay.count() : 0,
                [=, this] { createTopic(tag, params, failures + 1, since); }))
            return;
        // Telegram's own refusal (not a forum, no topic rights, no topics in this private chat): the
        // home chat itself is used. A failure that kept passing is no such answer: the handoff fails.
        if (r.errorCode == 400 || r.errorCode == 403)
            return Q_EMIT threadCreated(tag, {}, {});
        Q_EMIT threadCreated(
            tag, {}, tr("Telegram could not open a topic (%1): %2").arg(r.errorCode).arg(r.description));
    });
}

SessionSource TelegramAdapter::sourceFor(const QString &chat, const QString &thread)
{
    // Private chats have positive ids, groups negative ones (channel posts are not messages to us).
    const auto type = chat.toLongLong() > 0 ? SessionSource::ChatType::Direct : SessionSource::ChatType::Group;
    return SessionSource { u"telegram"_s, type, chat, thread, {} };
}

SessionSource TelegramAdapter::destination(const QString &chat, const QString &thread) const
{
    return sourceFor(chat, thread);
}
