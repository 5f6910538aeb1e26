// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "handoffstatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

enum class MessageRole { System, User, Assistant, Tool };
enum class MessageStatus { Complete, Partial, Error };

[[nodiscard]] QString messageRoleName(MessageRole role);
[[nodiscard]] std::optional<MessageRole> messageRoleFromName(QStringView name);
[[nodiscard]] QString messageStatusName(MessageStatus status);
[[nodiscard]] std::optional<MessageStatus> messageStatusFromName(QStringView name);

/**
 * @brief One role-aware transcript row, as the model and the platforms see it.
 */
struct Message
{
    qint64 id = 0;
    QString sessionId;
    MessageRole role = MessageRole::User;
    QString content;
    QByteArray toolCalls; // JSON array as the model sent it; empty when none
    QString toolCallId;
    QString platform = QStringLiteral("desktop");
    QString platformMessageId; // set for inbound platform messages: makes delivery idempotent
    QString platformChat; // inbound: where it came from; a reply: where it is delivered
    QString platformThread; // a reply: the thread it is delivered in
    bool internal = false; // synthetic turns: sent to the model, never shown as a user message
    MessageStatus status = MessageStatus::Complete;
    qint64 createdAt = 0; // ms since the epoch, UTC; 0 = now
    /// A reply cut by a stop of the process writing it (not by the model or the person): its
    /// question is answered again, so the model never sees this fragment.
    bool interrupted = false;
};

/**
 * @brief A conversation's header row.
 */
struct Session
{
    QString id;
    QString title;
    QString origin;
    QString model;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    bool turnRunning = false;
    int messageCount = 0;
    qint64 endedAt = 0; // 0 while the session is open
    QString endedReason;
    HandoffStatus handoff;
};

/**
 * @brief A full-text search match: which message, in which session, with the words marked.
 */
struct SearchHit
{
    QString sessionId;
    QString sessionTitle;
    qint64 messageId = 0;
    MessageRole role = MessageRole::User;
    QString snippet; // the text around the match, plain
    /// Where the matched words are in snippet: start and length, in order.
    QList<std::pair<qsizetype, qsizetype>> matches;
};
