// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway.h"

#include "agent/agent.h"
#include "config/settings.h"
#include "outboxsender.h"
#include "replystreamer.h"
#include "store/commandledger.h"
#include "store/homechats.h"
#include "store/outboxstore.h"
#include "store/pairingstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"
#include "thinkingquote.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGateway, "baton.gateway", QtInfoMsg)

namespace {
constexpr int retryBusySessionMs = 1'000;
// How far back a fresh platform session looks for what it missed, and in how many conversations.
constexpr qint64 catchUpWindowMs = 7LL * 24 * 3'600'000;
constexpr int catchUpConversations = 50;

SessionSource replyTarget(const SessionSource &source)
{
    SessionSource target = source;
    target.userId.clear();
    return target;
}
} // namespace

Gateway::Gateway(const Stores &stores, OutboxSender &outbox, Agent &agent, Settings &settings, QObject *parent)
    : QObject(parent)
    , m_stores(stores)
    , m_outbox(outbox)
    , m_agent(agent)
    , m_settings(settings)
    , m_authorizer(stores.pairing)
{
    connect(&m_agent, &Agent::deltaReceived, this, &Gateway::onDelta);
    // The final text is recorded in the outbox in the same transaction as the reply itself.
    connect(&m_agent, &Agent::turnEnding, this, &Gateway::onTurnEnding);
    connect(&m_outbox, &OutboxSender::drained, this, [this] {
        if (!isBusy())
            Q_EMIT idle();
    });
}

Gateway::~Gateway() = default;

void Gateway::addAdapter(PlatformAdapter *adapter)
{
    m_adapters.insert(adapter->name(), adapter);
    m_authorizer.setAllowedUsers(adapter->name(), m_settings.platform(adapter->name()).allowedUsers);
    connect(adapter, &PlatformAdapter::messageReceived, this,
        [this, adapter](const PlatformAdapter::Inbound &message) { onMessage(adapter, message); });
    connect(adapter, &PlatformAdapter::catchUpWanted, this, [this, adapter] { catchUp(adapter); });
    connect(adapter, &PlatformAdapter::addedToGroup, this,
        [this, adapter](const QString &chat, const QString &title, bool threads, const QString &by) {
            // Only an owner's group becomes a candidate home; anyone can add a bot to a group.
            if (!m_authorizer.isOwner(adapter->name(), by)) {
                qCInfo(lcGateway).noquote() << adapter->name() << "group" << chat
                                            << "added the bot, but not by an owner: not offered as a home";
                return;
            }
            if (!m_stores.homeChats.rememberGroup(adapter->name(), chat, title, threads, by))
                qCWarning(lcGateway).noquote() << m_stores.homeChats.errorString();
        });
    connect(
        adapter, &PlatformAdapter::stateChanged, this, [adapter](PlatformAdapter::State state, const QString &reason) {
            qCInfo(lcGateway).noquote() << adapter->name() << "is" << QVariant::fromValue(state).toString().toLower()
                                        << (reason.isEmpty() ? QString() : u"(%1)"_s.arg(reason));
        });
}

PlatformAdapter *Gateway::adapter(const QString &platform) const
{
    return m_adapters.value(platform);
}

QList<PlatformAdapter *> Gateway::adapters() const
{
    QList<PlatformAdapter *> list;
    for (const auto &adapter : m_adapters) {
        if (adapter)
            list << adapter;
    }
    return list;
}

void Gateway::postNotice(const SessionSource &to, const QString &sessionId, const QString &text)
{
    reply(to, text, sessionId);
}

void Gateway::reconnectAll()
{
    for (const QPointer<PlatformAdapter> &adapter : std::as_const(m_adapters)) {
        if (adapter)
            adapter->reconnectNow();
    }
}

bool Gateway::isBusy() const
{
    return !m_work.isEmpty() || m_outbox.backlog() > 0;
}

void Gateway::catchUp(PlatformAdapter *adapter)
{
    // Where we last wrote in each conversation: what came after it was never answered. Messages
    // already stored come back too and are dropped by the unique index, so nothing is answered twice.
    const auto conversations = m_stores.outbox.lastSent(
        adapter->name(), QDateTime::currentMSecsSinceEpoch() - catchUpWindowMs, catchUpConversations);
    if (!m_stores.outbox.errorString().isEmpty()) {
        qCWarning(lcGateway).noquote() << adapter->name() << "cannot catch up:" << m_stores.outbox.errorString();
        return;
    }
    QList<PlatformAdapter::Cursor> cursors;
    for (const auto &conversation : conversations)
        cursors.append({ conversation.chat, conversation.thread, conversation.platformMessageId });
    if (cursors.isEmpty())
        return;
    qCInfo(lcGateway).noquote() << adapter->name() << "catching up on" << cursors.size() << "conversation(s)";
    adapter->catchUp(cursors);
}

void Gateway::onMessage(PlatformAdapter *adapter, const PlatformAdapter::Inbound &message)
{
    // A poll brings many updates at once: they are stored together, one commit for all.
    m_inbox.append({ adapter, message });
    if (m_inbox.size() == 1)
        QMetaObject::invokeMethod(this, &Gateway::drainInbox, Qt::QueuedConnection);
}

void Gateway::drainInbox()
{
    const QList<Arrival> inbox = std::exchange(m_inbox, {});
    Batch batch;
    for (const Arrival &arrival : inbox) {
        PlatformAdapter *adapter = arrival.adapter;
        const PlatformAdapter::Inbound &message = arrival.message;
        if (!adapter)
            continue;
        Authorizer::Role role = Authorizer::Role::None;
        const Authorizer::Verdict verdict = m_authorizer.check(message, &role);
        if (redeemSetupCode(adapter, message, verdict))
            continue;
        switch (verdict) {
        case Authorizer::Verdict::Ignore:
            qCDebug(lcGateway).noquote() << "ignored a message from" << message.source.userId << "in"
                                         << message.source.sessionKey();
            continue;
        case Authorizer::Verdict::OfferPairing:
            offerPairing(adapter, message);
            continue;
        case Authorizer::Verdict::Serve:
            break;
        }

        QString command, argument;
        if (isCommandForUs(adapter, message.text, &command, &argument)) {
            // Commands act on what came before them: store that first.
            storeBatch(batch);
            if (!command.isEmpty() && !seenBefore(message))
                runCommand(adapter, message, role, command, argument);
            continue;
        }

        const QString sessionId = sessionFor(message.source, message.text, role);
        if (sessionId == notYours) {
            reply(replyTarget(message.source),
                tr("This chat is on a conversation that is not yours. Send /new to start your own."));
            continue;
        }
        if (sessionId.isEmpty()) {
            qCWarning(lcGateway).noquote() << "could not open a session for" << message.source.sessionKey() << ":"
                                           << m_stores.sessions.errorString();
            reply(replyTarget(message.source), somethingWentWrong());
            continue;
        }
        Message stored;
        stored.sessionId = sessionId;
        stored.role = MessageRole::User;
        stored.content = boundedInbound(message.text);
        stored.platform = message.source.platform;
        stored.platformMessageId = message.messageId;
        stored.platformChat = message.source.chatId;
        batch.messages << stored;
        batch.replyTo << replyTarget(message.source);
    }
    storeBatch(batch);
}

QString Gateway::boundedInbound(const QString &text)
{
    if (text.size() <= maxInboundChars)
        return text;
    qCWarning(lcGateway) << "cut an inbound message of" << text.size() << "characters to" << maxInboundChars;
    qsizetype cut = maxInboundChars;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.first(cut)
        + tr("\n\n[Baton: this message was %1 characters long; only the first %2 were kept.]")
              .arg(text.size())
              .arg(cut);
}

void Gateway::storeBatch(Batch &batch)
{
    if (batch.messages.isEmpty())
        return;
    QList<bool> inserted;
    if (!m_stores.sessions.appendMessages(batch.messages, &inserted)) {
        const QString error = m_stores.sessions.errorString();
        qCWarning(lcGateway).noquote() << "could not store" << batch.messages.size() << "message(s):" << error;
        QSet<QString> told;
        for (const SessionSource &to : std::as_const(batch.replyTo)) {
            if (!told.contains(to.sessionKey())) {
                told.insert(to.sessionKey());
                reply(to, somethingWentWrong());
            }
        }
        batch = {};
        return;
    }
    QStringList toSchedule;
    for (qsizetype i = 0; i < batch.messages.size(); ++i) {
        const Message &m = batch.messages.at(i);
        const QString where = batch.replyTo.at(i).sessionKey();
        if (!inserted.value(i)) {
            // Telegram redelivers what was not confirmed before a crash: stored and answered once.
            qCInfo(lcGateway).noquote() << "already have message" << m.platformMessageId << "from" << where;
            continue;
        }
        qCInfo(lcGateway).noquote() << "message" << m.id << "from" << where << "-> session" << m.sessionId;
        if (m_untitled.remove(m.sessionId))
            m_stores.sessions.setTitle(m.sessionId, Agent::titleFrom(m.content));
        m_work[m.sessionId].destination = batch.replyTo.at(i);
        Q_EMIT messageStored(m.sessionId, m.platform, m.content);
        if (!toSchedule.contains(m.sessionId))
            toSchedule << m.sessionId;
    }
    batch = {};
    for (const QString &sessionId : std::as_const(toSchedule))
        scheduleTurn(sessionId);
}

bool Gateway::seenBefore(const PlatformAdapter::Inbound &message)
{
    const bool first = m_stores.commands.firstTime(message.source.platform, message.source.chatId, message.messageId);
    if (!m_stores.commands.errorString().isEmpty())
        qCWarning(lcGateway).noquote() << m_stores.commands.errorString();
    return !first;
}

void Gateway::scheduleTurn(const QString &sessionId)
{
    Work &work = m_work[sessionId];
    if (work.running) {
        work.more = true; // the messages that arrived are in the transcript of the next turn
        return;
    }
    work.more = false;
    Message trigger; // no new text: the stored transcript already ends with the user's messages
    trigger.platform = work.destination.platform;
    QString error;
    if (startTurn(sessionId, trigger, &error))
        return;
    const auto session = m_stores.sessions.session(sessionId);
    if (session && session->turnRunning) {
        // Another surface (the terminal, the window) is writing a reply in this session.
        work.more = true;
        QTimer::singleShot(retryBusySessionMs, this, [this, sessionId] {
            if (m_work.contains(sessionId) && !m_work[sessionId].running)
                scheduleTurn(sessionId);
        });
        return;
    }
    const SessionSource to = work.destination;
    m_work.remove(sessionId);
    qCWarning(lcGateway).noquote() << "could not start a turn in session" << sessionId << ":" << error;
    reply(to, somethingWentWrong(), sessionId);
}

bool Gateway::startTurn(const QString &sessionId, const Message &message, QString *error)
{
    Work &work = m_work[sessionId];
    PlatformAdapter *adapter = m_adapters.value(work.destination.platform);
    if (!adapter) {
        *error = tr("%1 is not connected.").arg(work.destination.platform);
        return false;
    }
    Message placed = message;
    placed.platformChat = work.destination.chatId; // where the reply goes, should it have to be answered again
    placed.platformThread = work.destination.threadId;
    if (!m_agent.startTurn(sessionId, placed)) {
        *error = m_agent.errorString();
        return false;
    }
    noteInterrupted(sessionId);
    work.running = true;
    work.stopped = false;
    ReplyStreamer::Target target { sessionId, m_agent.replyId(sessionId), work.destination.platform,
        work.destination.chatId, work.destination.threadId, adapter->maxMessageLength(),
        m_settings.platform(work.destination.platform).maxReplyChars };
    work.streamer = new ReplyStreamer(m_outbox, target, editIntervalMs, this);
    // Queued: finish() runs inside the store's transaction (onTurnEnding), which a next turn
    // must not begin in.
    connect(
        work.streamer, &ReplyStreamer::finished, this,
        [this, sessionId](const QString &deliveryError) { onReplyDelivered(sessionId, deliveryError); },
        Qt::QueuedConnection);

    // Telegram's "typing…" fades after about 5 s: renew it while the model works.
    work.typing = new QTimer(this);
    work.typing->setInterval(typingIntervalMs);
    const SessionSource where = work.destination;
    QPointer<PlatformAdapter> guarded(adapter);
    const auto showTyping = [guarded, where] {
        if (guarded)
            guarded->typing(where.chatId, where.threadId);
    };
    connect(work.typing, &QTimer::timeout, this, showTyping);
    showTyping();
    work.typing->start();
    return true;
}

bool Gateway::runInternalTurn(
    const QString &sessionId, const SessionSource &destination, const QString &text, QString *error)
{
    if (m_work.contains(sessionId) && m_work[sessionId].running) {
        *error = tr("a reply is already being written in this session");
        return false;
    }
    m_work[sessionId].destination = replyTarget(destination);
    Message message;
    message.role = MessageRole::User;
    message.content = text;
    message.internal = true;
    message.platform = destination.platform;
    if (!startTurn(sessionId, message, error)) {
        m_work.remove(sessionId);
        return false;
    }
    return true;
}

void Gateway::onDelta(const QString &sessionId, const QString &text)
{
    const auto work = m_work.constFind(sessionId);
    if (work != m_work.constEnd() && work->streamer)
        work->streamer->append(text);
}

void Gateway::onTurnEnding(const QString &sessionId, qint64 replyId, MessageStatus status, const QString &error)
{
    const auto work = m_work.find(sessionId);
    if (work == m_work.end() || !work->streamer)
        return;
    delete work->typing;
    work->typing = nullptr;
    QString text = replyId ? m_stores.sessions.message(replyId).value_or(Message {}).content : QString();
    // A chat (a group, perhaps) learns that something failed, never the details: they name the
    // endpoint and quote what it said. Those go to the log and the window.
    if (status == MessageStatus::Partial && !error.isEmpty())
        text += u"\n\n_(%1)_"_s.arg(
            work->stopped ? tr("Stopped.") : tr("The reply was cut short; the owner can see why in Baton."));
    else if (status == MessageStatus::Error)
        text = tr("The model did not answer; the owner can see why in Baton.");
    // The reasoning is kept beside the reply, never in it: it goes out only when asked for.
    if (status != MessageStatus::Error && m_settings.gatewayShowThinking())
        text = ThinkingQuote::prepend(m_stores.sessions.replyStats(replyId).value_or(ReplyStats {}).reasoning, text);
    qCInfo(lcGateway).noquote() << "reply" << replyId << "in session" << sessionId << "is" << messageStatusName(status)
                                << (error.isEmpty() ? QString() : u": "_s + error);
    work->streamer->finish(text);
}

void Gateway::onReplyDelivered(const QString &sessionId, const QString &error)
{
    const auto work = m_work.find(sessionId);
    if (work == m_work.end() || !work->streamer)
        return;
    work->streamer->deleteLater();
    work->streamer = nullptr;
    work->running = false;
    if (!error.isEmpty())
        qCWarning(lcGateway).noquote() << "reply in session" << sessionId << "not delivered:" << error;
    const bool more = work->more;
    if (!more)
        m_work.erase(work);
    Q_EMIT turnDelivered(sessionId, error);
    if (more)
        scheduleTurn(sessionId);
    else if (!isBusy())
        Q_EMIT idle();
}

void Gateway::reply(const SessionSource &to, const QString &text, const QString &sessionId)
{
    OutboxStore::Item item;
    item.sessionId = sessionId;
    item.platform = to.platform;
    item.chat = to.chatId;
    item.thread = to.threadId;
    item.content = text;
    if (m_outbox.deliver(item) == 0)
        qCWarning(lcGateway).noquote() << "could not queue a reply to" << to.sessionKey() << ":"
                                       << m_outbox.errorString();
}
