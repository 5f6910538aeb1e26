// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QJsonArray toChatMessages(const QString &systemPrompt, const QList<Message> &transcript)
{
    QJsonArray messages;
    if (!systemPrompt.trimmed().isEmpty())
        messages.append(QJsonObject { { "role"_L1, "system"_L1 }, { "content"_L1, systemPrompt } });
    for (const Message &m : transcript) {
        // Failures, replies that never got a word (still streaming, or empty), and fragments cut by a
        // stop (their question is answered again) say nothing.
        if (m.status == MessageStatus::Error || m.interrupted
            || (m.role == MessageRole::Assistant && m.content.isEmpty() && m.toolCalls.isEmpty()))
            continue;
        QJsonObject message { { "role"_L1, messageRoleName(m.role) }, { "content"_L1, m.content } };
        if (m.role == MessageRole::Assistant && !m.toolCalls.isEmpty()) {
            message.insert("tool_calls"_L1, QJsonDocument::fromJson(m.toolCalls).array());
            if (m.content.isEmpty())
                message.insert("content"_L1, QJsonValue::Null);
        }
        if (m.role == MessageRole::Tool)
            message.insert("tool_call_id"_L1, m.toolCallId);
        messages.append(message);
    }
    return messages;
}
