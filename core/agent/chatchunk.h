// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatrequest.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * @brief One event of a streaming chat completion, read: what ChatStream adds to the reply.
 *
 * Pure functions, so the parsing is tested (and fuzzed) without a network.
 */
struct ChatChunk
{
    enum class Kind { Delta, Done, Error, Malformed };
    Kind kind = Kind::Delta;
    QString error; // Kind::Error: the server's words
    QString content;
    QStringList reasoning; // "reasoning" and "reasoning_content", in that order, when present
    bool hasToolCalls = false;
    QJsonArray toolCalls; // fragments, for mergeToolCalls()
    bool hasFinishReason = false;
    QString finishReason;
    bool hasUsage = false;
    int promptTokens = 0;
    int completionTokens = 0;

    /// Reads one event's data (a JSON chunk, or "[DONE]").
    [[nodiscard]] static ChatChunk parse(const QByteArray &payload);
};

namespace ChatChunks {
/// The most tool calls one reply may build; fragments for calls past it are dropped, so an index
/// in the stream ("index": 2000000000) can never make the list, and memory, grow without bound.
constexpr qsizetype maxToolCalls = 128;

/// Adds tool-call @p fragments to @p calls; returns how many fragments were dropped (index too big).
qsizetype mergeToolCalls(QList<ToolCall> &calls, const QJsonArray &fragments);

/// The human sentence in a server's error body (OpenAI, Ollama, vLLM shapes), else its start.
[[nodiscard]] QString serverMessage(const QByteArray &body);
} // namespace ChatChunks
