// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent.h"

#include "chatrequest.h"
#include "chatstream.h"
#include "llmclient.h"
#include "store/sessionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

// Debug output only when asked for (QT_LOGGING_RULES="baton.*.debug=true").
Q_LOGGING_CATEGORY(lcAgent, "baton.agent", QtInfoMsg)

namespace {
QByteArray toolCallsJson(const QList<ToolCall> &calls)
{
    if (calls.isEmpty())
        return {};
    QJsonArray array;
    for (const ToolCall &call : calls) {
        array.append(QJsonObject {
            { "id"_L1, call.id },
            { "type"_L1, call.type },
            { "function"_L1, QJsonObject { { "name"_L1, call.name }, { "arguments"_L1, call.arguments } } },
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}
} // namespace

Agent::Agent(SessionStore &store, LlmClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_leaseTimer(new QTimer(this))
{
    // Well inside the lease, so a busy event loop or a slow disk never lets it lapse.
    m_leaseTimer->setInterval(int(SessionStore::turnLeaseMs / 4));
    connect(m_leaseTimer, &QTimer::timeout, this, &Agent::renewLeases);
}

QString Agent::titleFrom(const QString &text)
{
    constexpr qsizetype maxLength = 60;
    const QString line = text.trimmed().section(u'\n', 0, 0).simplified();
    if (line.size() <= maxLength)
        return line;
    const qsizetype cut = line.lastIndexOf(u' ', maxLength);
    return line.left(cut > maxLength / 2 ? cut : maxLength) + u'…';
}

bool Agent::startTurn(const QString &sessionId, const Message &message)
{
    return begin(sessionId, message, {});
}

bool Agent::startVariant(const QString &sessionId, qint64 variantOf, const Message &message)
{
    return begin(sessionId, message, [this, sessionId, variantOf] {
        if (m_store.beginVariant(sessionId, variantOf))
            return true;
        m_error = m_store.errorString();
        return false;
    });
}

bool Agent::retryFailed(const QString &sessionId, qint64 failedReplyId)
{
    return begin(sessionId, Message {}, [this, sessionId, failedReplyId] {
        if (m_store.removeFailedReply(sessionId, failedReplyId))
            return true;
        m_error = m_store.errorString();
        return false;
    });
}

bool Agent::begin(const QString &sessionId, const Message &message, const BeforeAppend &beforeAppend)
{
    m_error.clear();
    const std::optional<Session> session = m_store.session(sessionId);
    if (!session) {
        m_error = m_store.errorString();
        return false;
    }
    if (m_turns.contains(sessionId) || !m_store.beginTurn(sessionId)) {
        m_error = tr("A reply is already being written in this session; wait for it or stop it.");
        return false;
    }
    // Under the turn's lock, so no other writer's turn lands between the change and the reply.
    if (beforeAppend && !beforeAppend()) {
        m_store.endTurn(sessionId);
        return false;
    }
    if (!message.content.isEmpty()) {
        Message stored = message;
        stored.sessionId = sessionId;
        if (!m_store.appendMessage(stored)) {
            m_error = m_store.errorString();
            m_store.endTurn(sessionId);
            return false;
        }
        if (session->title.isEmpty() && !message.internal && message.role == MessageRole::User)
            m_store.setTitle(sessionId, titleFrom(message.content));
    }

    const QList<Message> transcript = m_store.transcript(sessionId);
    // The reply's row is taken now, so messages that arrive while it streams (from a platform,
    // say) come after it in the transcript, in the order the conversation really had.
    Message reply;
    reply.sessionId = sessionId;
    reply.role = MessageRole::Assistant;
    reply.platform = message.platform;
    reply.platformChat = message.platformChat;
    reply.platformThread = message.platformThread;
    reply.status = MessageStatus::Partial;
    const auto reserved = m_store.appendMessage(reply);
    if (!reserved || !m_store.setTurnReply(sessionId, reserved->id)) {
        m_error = m_store.errorString();
        m_store.endTurn(sessionId);
        return false;
    }
    Turn &turn = m_turns[sessionId];
    turn.replyId = reserved->id;
    turn.checkpoint = new QTimer(this);
    turn.checkpoint->setSingleShot(true);
    turn.checkpoint->setInterval(checkpointMs);
    connect(turn.checkpoint, &QTimer::timeout, this, [this, sessionId] { checkpoint(sessionId); });
    if (!m_leaseTimer->isActive())
        m_leaseTimer->start();

    ChatRequest request;
    request.baseUrl = m_config.baseUrl;
    request.apiKey = m_config.apiKey;
    request.model = session->model.isEmpty() ? m_config.model : session->model;
    // The chat's own prompt wins over the default, whichever surface (window, terminal, gateway) runs the turn.
    request.messages = toChatMessages(m_store.systemPrompt(sessionId).value_or(m_config.systemPrompt), transcript);
    request.includeUsage = m_config.includeUsage;
    request.timeoutMs = m_config.timeoutMs;

    ChatStream *stream = m_client.startChat(request);
    turn.stream = stream;
    connect(
        stream, &ChatStream::deltaReceived, this, [this, sessionId](const QString &text) { onDelta(sessionId, text); });
    connect(stream, &ChatStream::reasoningReceived, this,
        [this, sessionId](const QString &text) { Q_EMIT reasoningReceived(sessionId, text); });
    connect(
        stream, &ChatStream::retrying, this, [this, sessionId](int attempt, int total, int, const QString &sentence) {
            Q_EMIT retrying(sessionId, attempt, total, sentence);
        });
    connect(stream, &ChatStream::finished, this, [this, sessionId, stream] { onStreamFinished(sessionId, stream); });
    Q_EMIT turnStarted(sessionId, reserved->id);
    qCDebug(lcAgent) << "turn started" << sessionId << "with" << transcript.size() << "messages";
    return true;
}

void Agent::cancel(const QString &sessionId)
{
    if (ChatStream *stream = m_turns.value(sessionId).stream)
        stream->cancel();
}

void Agent::onDelta(const QString &sessionId, const QString &text)
{
    // Written at most once a second, never per token: a crash loses about a second of text.
    if (QTimer *timer = m_turns.value(sessionId).checkpoint; timer && !timer->isActive())
        timer->start();
    Q_EMIT deltaReceived(sessionId, text);
}

void Agent::checkpoint(const QString &sessionId)
{
    const Turn turn = m_turns.value(sessionId);
    if (!turn.stream)
        return;
    if (!m_store.checkpointReply(turn.replyId, turn.stream->text()))
        qCWarning(lcAgent).noquote() << "could not checkpoint the reply in" << sessionId << ":"
                                     << m_store.errorString();
}

void Agent::renewLeases()
{
    if (m_turns.isEmpty())
        return m_leaseTimer->stop();
    for (auto it = m_turns.cbegin(); it != m_turns.cend(); ++it) {
        if (!m_store.refreshTurnLease(it.key()))
            qCWarning(lcAgent).noquote() << "lost the lease on the turn in" << it.key() << m_store.errorString();
    }
}

void Agent::dropTurn(const QString &sessionId)
{
    const Turn turn = m_turns.take(sessionId);
    delete turn.checkpoint;
    if (turn.stream) {
        turn.stream->disconnect(this);
        turn.stream->deleteLater();
    }
}

void Agent::abandonAll()
{
    const QStringList running = m_turns.keys();
    for (const QString &sessionId : running) {
        checkpoint(sessionId);
        const QPointer<ChatStream> stream = m_turns.value(sessionId).stream;
        dropTurn(sessionId); // first: the cancelled stream's finished() must not end the turn
        if (stream)
            stream->cancel();
        if (!m_store.abandonTurn(sessionId))
            qCWarning(lcAgent).noquote() << "could not leave the turn in" << sessionId << ":" << m_store.errorString();
        else
            qCInfo(lcAgent).noquote() << "left the reply in" << sessionId
                                      << "unfinished; it is answered at the next start";
    }
}

void Agent::onStreamFinished(const QString &sessionId, ChatStream *stream)
{
    const qint64 replyId = m_turns.value(sessionId).replyId;
    dropTurn(sessionId);

    QString content = stream->text();
    const QByteArray toolCalls = toolCallsJson(stream->toolCalls());
    MessageStatus status = MessageStatus::Complete;
    QString error = stream->errorString();
    switch (stream->outcome()) {
    case ChatStream::Outcome::Complete:
        error.clear();
        break;
    case ChatStream::Outcome::Cancelled:
        status = MessageStatus::Partial;
        error = tr("Stopped.");
        break;
    case ChatStream::Outcome::Partial:
    case ChatStream::Outcome::Running:
        status = MessageStatus::Partial;
        break;
    case ChatStream::Outcome::Failed:
        // A failure before any text is stored as the sentence itself, so the transcript says why.
        status = content.isEmpty() && toolCalls.isEmpty() ? MessageStatus::Error : MessageStatus::Partial;
        if (status == MessageStatus::Error)
            content = error;
        break;
    }

    // Before the reply's end is announced, so whoever reads the finished reply finds them too.
    if (const ReplyStats stats = stream->stats(); !stats.isEmpty() && !m_store.setReplyStats(replyId, stats))
        qCWarning(lcAgent).noquote() << "could not keep the reply's token counts:" << m_store.errorString();
    const bool stored = m_store.finishTurn(
        sessionId, replyId, content, status, toolCalls, [&] { Q_EMIT turnEnding(sessionId, replyId, status, error); });
    if (!stored)
        error = m_store.errorString();
    Q_EMIT turnFinished(sessionId, replyId, status, error);
}
