// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatchunk.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

ChatChunk ChatChunk::parse(const QByteArray &payload)
{
    ChatChunk chunk;
    if (payload == "[DONE]") {
        chunk.kind = Kind::Done;
        return chunk;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    if (!doc.isObject()) {
        chunk.kind = Kind::Malformed;
        return chunk;
    }
    const QJsonObject event = doc.object();
    if (event.contains("error"_L1)) {
        chunk.kind = Kind::Error;
        chunk.error = ChatChunks::serverMessage(payload);
        return chunk;
    }
    if (const QJsonObject usage = event.value("usage"_L1).toObject(); !usage.isEmpty()) {
        chunk.hasUsage = true;
        chunk.promptTokens = usage.value("prompt_tokens"_L1).toInt();
        chunk.completionTokens = usage.value("completion_tokens"_L1).toInt();
    }
    const QJsonArray choices = event.value("choices"_L1).toArray();
    if (choices.isEmpty())
        return chunk;
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject delta = choice.value("delta"_L1).toObject();
    chunk.content = delta.value("content"_L1).toString();
    for (const auto key : { "reasoning"_L1, "reasoning_content"_L1 }) {
        if (const QString reasoning = delta.value(key).toString(); !reasoning.isEmpty())
            chunk.reasoning.append(reasoning);
    }
    if (delta.value("tool_calls"_L1).isArray()) {
        chunk.hasToolCalls = true;
        chunk.toolCalls = delta.value("tool_calls"_L1).toArray();
    }
    chunk.hasFinishReason = choice.value("finish_reason"_L1).isString();
    if (chunk.hasFinishReason)
        chunk.finishReason = choice.value("finish_reason"_L1).toString();
    return chunk;
}

namespace ChatChunks {

qsizetype mergeToolCalls(QList<ToolCall> &calls, const QJsonArray &fragments)
{
    qsizetype dropped = 0;
    for (const QJsonValue &value : fragments) {
        const QJsonObject fragment = value.toObject();
        const QString id = fragment.value("id"_L1).toString();
        qsizetype index = fragment.contains("index"_L1) ? fragment.value("index"_L1).toInt() : -1;
        if (index < 0) {
            // No index: a new id starts a new call, otherwise it continues the last one.
            const bool known
                = std::any_of(calls.cbegin(), calls.cend(), [&id](const ToolCall &c) { return c.id == id; });
            index = (!id.isEmpty() && !known) || calls.isEmpty() ? calls.size() : calls.size() - 1;
        }
        if (index >= maxToolCalls) {
            ++dropped;
            continue;
        }
        while (calls.size() <= index)
            calls.append(ToolCall {});
        ToolCall &call = calls[index];
        if (!id.isEmpty())
            call.id = id;
        if (fragment.value("type"_L1).isString())
            call.type = fragment.value("type"_L1).toString();
        const QJsonObject function = fragment.value("function"_L1).toObject();
        if (function.value("name"_L1).isString())
            call.name += function.value("name"_L1).toString();
        call.arguments += function.value("arguments"_L1).toString();
    }
    return dropped;
}

QString serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonValue error = root.value("error"_L1);
        if (error.isObject() && !error.toObject().value("message"_L1).toString().isEmpty())
            return error.toObject().value("message"_L1).toString();
        if (error.isString())
            return error.toString();
        for (const auto key : { "message"_L1, "detail"_L1 }) {
            if (root.value(key).isString())
                return root.value(key).toString();
        }
    }
    return QString::fromUtf8(body).simplified().left(200);
}

} // namespace ChatChunks
