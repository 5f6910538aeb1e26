// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatstream.h"

#include "chatchunk.h"
#include "config/secretscrubber.h"
#include "net/backoff.h"
#include "net/serverwait.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

// Debug output only when asked for (QT_LOGGING_RULES="baton.*.debug=true").
Q_LOGGING_CATEGORY(lcLlm, "baton.llm", QtInfoMsg)

namespace {
constexpr qsizetype maxErrorBody = 64 * 1024;
constexpr qint64 maxModelWaitMs = 60'000; // a turn someone waits for: longer named waits are cut to this
} // namespace

ChatStream::ChatStream(QNetworkAccessManager *network, const ChatRequest &request, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(request)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatStream::send);
}

void ChatStream::start()
{
    m_clock.start();
    send();
}

void ChatStream::send()
{
    QUrl url = m_request.baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + u"chat/completions"_s);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Accept", "text/event-stream");
    if (!m_request.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_request.apiKey.toUtf8());
    request.setTransferTimeout(m_request.timeoutMs);

    QJsonObject body { { "messages"_L1, m_request.messages }, { "stream"_L1, true } };
    if (!m_request.model.isEmpty())
        body.insert("model"_L1, m_request.model);
    if (m_request.includeUsage)
        body.insert("stream_options"_L1, QJsonObject { { "include_usage"_L1, true } });
    if (m_request.temperature >= 0)
        body.insert("temperature"_L1, m_request.temperature);

    ++m_attempts;
    m_errorBody.clear();
    m_decoder = SseDecoder();
    m_reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::onReplyFinished);
}

void ChatStream::onReadyRead()
{
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        if (m_errorBody.size() < maxErrorBody)
            m_errorBody += m_reply->read(maxErrorBody - m_errorBody.size());
        return;
    }
    takeEvents(m_decoder.feed(m_reply->readAll()));
    stopIfOversized();
}

void ChatStream::takeEvents(const QList<QByteArray> &payloads)
{
    for (const QByteArray &payload : payloads) {
        if (m_text.size() + m_reasoning.size() > maxReplyChars)
            return; // what comes past the cap is dropped with the stream
        handleEvent(payload);
    }
}

bool ChatStream::stopIfOversized()
{
    QString sentence;
    if (m_decoder.overflowed())
        sentence = tr("The model endpoint sent a line longer than %1 MiB; the reply is cut there.")
                       .arg(SseDecoder::maxLineBytes / (1024 * 1024));
    else if (m_text.size() + m_reasoning.size() > maxReplyChars) // a model may think without end, too
        sentence = tr("The reply passed %1 characters; Baton stopped it there.").arg(maxReplyChars);
    else
        return false;
    finish(m_gotToken ? Outcome::Partial : Outcome::Failed, sentence);
    if (m_reply)
        m_reply->abort();
    return true;
}

void ChatStream::handleEvent(const QByteArray &payload)
{
    const ChatChunk chunk = ChatChunk::parse(payload);
    switch (chunk.kind) {
    case ChatChunk::Kind::Done:
        m_sawDone = true;
        return;
    case ChatChunk::Kind::Malformed:
        // Never log the payload: it may hold the user's words.
        qCWarning(lcLlm) << "ignoring a malformed stream event of" << payload.size() << "bytes";
        return;
    case ChatChunk::Kind::Error:
        m_streamError = chunk.error;
        return;
    case ChatChunk::Kind::Delta:
        break;
    }
    if (chunk.hasUsage) {
        m_promptTokens = chunk.promptTokens;
        m_completionTokens = chunk.completionTokens;
        m_meter.setUsage(m_promptTokens, m_completionTokens);
    }
    if (!chunk.content.isEmpty() || !chunk.reasoning.isEmpty() || chunk.hasToolCalls)
        m_meter.tokenAt(m_clock.elapsed());
    for (const QString &reasoning : chunk.reasoning) {
        m_gotToken = true;
        takeContent({ {}, reasoning });
    }
    if (!chunk.content.isEmpty()) {
        m_gotToken = true;
        takeContent(m_think.feed(chunk.content));
    }
    if (chunk.hasToolCalls) {
        m_gotToken = true;
        if (const qsizetype dropped = ChatChunks::mergeToolCalls(m_toolCalls, chunk.toolCalls); dropped > 0)
            qCWarning(lcLlm) << "dropped" << dropped << "tool call fragments past" << m_toolCalls.size() << "calls";
    }
    if (chunk.hasFinishReason)
        m_finishReason = chunk.finishReason;
}

void ChatStream::takeContent(const ThinkSplitter::Parts &parts)
{
    if (!parts.reasoning.isEmpty()) {
        m_reasoning += parts.reasoning;
        Q_EMIT reasoningReceived(parts.reasoning);
    }
    if (!parts.content.isEmpty()) {
        m_text += parts.content;
        Q_EMIT deltaReceived(parts.content);
    }
}

void ChatStream::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_cancelled || m_outcome != Outcome::Running)
        return;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString endpoint = m_request.baseUrl.toString(QUrl::RemoveUserInfo);
    const int backoff = Backoff::delayMs(m_attempts, m_request.retryBaseDelayMs, int(maxModelWaitMs));

    if (status == 200) {
        takeEvents(m_decoder.feed(reply->readAll()));
        takeEvents(m_decoder.finish());
        if (stopIfOversized())
            return;
        if (!m_streamError.isEmpty())
            return finish(Outcome::Failed, tr("The model stopped with an error: %1").arg(m_streamError));
        if (!m_finishReason.isEmpty() || m_sawDone)
            return finish(Outcome::Complete);
        if (error == QNetworkReply::OperationCanceledError)
            return finish(m_gotToken ? Outcome::Partial : Outcome::Failed,
                tr("The model endpoint stopped sending for %1 s; the reply is incomplete.")
                    .arg(m_request.timeoutMs / 1000));
        if (!m_gotToken)
            return retryOrFail(backoff, tr("The model endpoint at %1 ended the stream without a reply.").arg(endpoint));
        return finish(Outcome::Partial, tr("The reply was cut off before it finished."));
    }
    if (status == 0) {
        if (error == QNetworkReply::OperationCanceledError)
            return finish(Outcome::Failed,
                tr("The model endpoint at %1 did not answer within %2 s.")
                    .arg(endpoint)
                    .arg(m_request.timeoutMs / 1000));
        return retryOrFail(backoff,
            tr("Cannot reach the model endpoint at %1: %2. Is the server running?")
                .arg(endpoint, reply->errorString()));
    }

    if (m_errorBody.size() < maxErrorBody)
        m_errorBody += reply->read(maxErrorBody - m_errorBody.size());
    if (status == 400 && m_request.includeUsage
        && (m_errorBody.contains("stream_options") || m_errorBody.contains("include_usage"))) {
        // Servers that refuse fields they do not know name the field (OpenAI's "Unrecognized
        // request argument", pydantic's "extra_forbidden"); the token count is then estimated.
        // Any other 400 (a prompt too long) is the answer, not asked again.
        qCInfo(lcLlm) << "the model endpoint refused stream_options; asking again without it";
        m_request.includeUsage = false;
        return send();
    }
    const QString sentence = httpErrorSentence(status, m_errorBody);
    if (status == 429) {
        const QByteArray named = reply->rawHeader("Retry-After");
        if (named.isEmpty())
            return retryOrFail(backoff, sentence);
        // Negative, zero, garbage or absurd: never a timer that fires at once, never or in a year.
        const ServerWait::Wait wait = ServerWait::fromText(named);
        if (wait.tooLong)
            return finish(Outcome::Failed,
                tr("%1 It asked to wait %2 s before trying again.").arg(sentence, QString::fromLatin1(named)));
        return retryOrFail(int(std::min<qint64>(wait.delay.count(), maxModelWaitMs)), sentence);
    }
    if (status >= 500)
        return retryOrFail(backoff, sentence);
    finish(Outcome::Failed, sentence);
}

void ChatStream::retryOrFail(int delayMs, const QString &sentence)
{
    if (!m_gotToken && m_attempts <= m_request.maxRetries) {
        qCInfo(lcLlm) << "retrying in" << delayMs << "ms after attempt" << m_attempts;
        m_retryTimer.start(delayMs);
        Q_EMIT retrying(m_attempts + 1, maxAttempts(), delayMs, SecretScrubber::scrub(sentence, m_request.apiKey));
        return;
    }
    finish(Outcome::Failed, sentence);
}

QString ChatStream::httpErrorSentence(int status, const QByteArray &body) const
{
    QString message = ChatChunks::serverMessage(body);
    if (message.isEmpty())
        message = tr("no details");
    switch (status) {
    case 401:
    case 403:
        return tr("The model endpoint rejected the API key (%1): %2. Set it with `baton secret set llm.api_key`.")
            .arg(status)
            .arg(message);
    case 404:
        return tr("The model endpoint at %1 answered 404 (%2). Check base_url and the model name '%3'.")
            .arg(m_request.baseUrl.toString(QUrl::RemoveUserInfo), message, m_request.model);
    case 429:
        return tr("The model endpoint is limiting requests (429): %1. Try again in a moment.").arg(message);
    default:
        return tr("The model endpoint answered %1: %2").arg(status).arg(message);
    }
}

void ChatStream::cancel()
{
    if (m_outcome != Outcome::Running)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort();
    finish(Outcome::Cancelled, tr("Stopped."));
}

void ChatStream::finish(Outcome outcome, const QString &error)
{
    if (m_outcome != Outcome::Running)
        return;
    takeContent(m_think.finish()); // what was held back to see whether a tag began there
    m_outcome = outcome;
    // Servers echo the request in errors (a 401 may quote the Authorization header): the sentence
    // goes on to the store, the log and the window, so it leaves here without secrets.
    m_error = SecretScrubber::scrub(error, m_request.apiKey);
    qCDebug(lcLlm) << "stream finished:" << outcome << "after" << m_attempts << "attempt(s)," << m_text.size()
                   << "characters";
    if (!m_error.isEmpty() && outcome != Outcome::Cancelled)
        Q_EMIT errorOccurred(m_error);
    Q_EMIT finished();
}
