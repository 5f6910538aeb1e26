// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagerow.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace MessageRow {

QString columns()
{
    return u"id, session_id, role, content, tool_calls, tool_call_id, platform, platform_message_id, platform_chat, "
           "internal, status, created_at, platform_thread, interrupted"_s;
}

Message fromQuery(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(Id).toLongLong();
    m.sessionId = q.value(SessionId).toString();
    m.role = messageRoleFromName(q.value(Role).toString()).value_or(MessageRole::User);
    m.content = q.value(Content).toString();
    m.toolCalls = q.value(ToolCalls).toString().toUtf8();
    m.toolCallId = q.value(ToolCallId).toString();
    m.platform = q.value(Platform).toString();
    m.platformMessageId = q.value(PlatformMessageId).toString();
    m.platformChat = q.value(PlatformChat).toString();
    m.internal = q.value(Internal).toInt() != 0;
    m.status = messageStatusFromName(q.value(Status).toString()).value_or(MessageStatus::Complete);
    m.createdAt = q.value(CreatedAt).toLongLong();
    m.platformThread = q.value(PlatformThread).toString();
    m.interrupted = q.value(Interrupted).toInt() != 0;
    return m;
}

} // namespace MessageRow
