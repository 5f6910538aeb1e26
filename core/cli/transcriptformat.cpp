// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptformat.h"

#include "terminaltext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace TranscriptFormat {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TranscriptFormat", text);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

QString heading(const Message &m)
{
    QString title;
    switch (m.role) {
    case MessageRole::System:
        title = tr("System");
        break;
    case MessageRole::User:
        title = tr("User");
        break;
    case MessageRole::Assistant:
        title = tr("Assistant");
        break;
    case MessageRole::Tool:
        title = m.toolCallId.isEmpty() ? tr("Tool result") : tr("Tool result (%1)").arg(m.toolCallId);
        break;
    }
    QStringList notes;
    if (m.internal)
        notes << tr("internal");
    if (m.status == MessageStatus::Partial)
        notes << tr("cut short");
    if (m.status == MessageStatus::Error)
        notes << tr("error");
    if (m.platform != "desktop"_L1 && !m.platform.isEmpty())
        notes << tr("via %1").arg(m.platform);
    return notes.isEmpty() ? title : u"%1 (%2)"_s.arg(title, notes.join(u", "_s));
}
} // namespace

QString localTime(qint64 ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString toMarkdown(const Session &session, const QList<Message> &messages)
{
    QString out;
    out += u"# "_s + (session.title.isEmpty() ? tr("Untitled session") : session.title) + u"\n\n"_s;
    out += u"- "_s + tr("Session: %1").arg(session.id) + u'\n';
    out += u"- "_s + tr("Created: %1").arg(localTime(session.createdAt)) + u'\n';
    if (!session.model.isEmpty())
        out += u"- "_s + tr("Model: %1").arg(session.model) + u'\n';
    for (const Message &m : messages) {
        out += u"\n## "_s + heading(m) + u"\n\n"_s;
        if (!m.content.isEmpty())
            out += m.content + u'\n';
        const QJsonArray calls = QJsonDocument::fromJson(m.toolCalls).array();
        for (const QJsonValue &call : calls) {
            const QJsonObject function = call.toObject().value("function"_L1).toObject();
            out += u"\n"_s
                + tr("Called `%1` (%2) with:")
                      .arg(function.value("name"_L1).toString(), call.toObject().value("id"_L1).toString())
                + u"\n\n```json\n"_s + function.value("arguments"_L1).toString() + u"\n```\n"_s;
        }
    }
    // Read in a terminal or a pager as often as in an editor: no control sequences survive.
    return TerminalText::strip(out);
}

QByteArray toJson(const Session &session, const QList<Message> &messages)
{
    QJsonArray rows;
    for (const Message &m : messages) {
        QJsonObject row {
            { "id"_L1, m.id },
            { "role"_L1, messageRoleName(m.role) },
            { "content"_L1, m.content },
            { "status"_L1, messageStatusName(m.status) },
            { "internal"_L1, m.internal },
            { "platform"_L1, m.platform },
            { "created_at"_L1, isoTime(m.createdAt) },
        };
        if (!m.toolCalls.isEmpty())
            row.insert("tool_calls"_L1, QJsonDocument::fromJson(m.toolCalls).array());
        if (!m.toolCallId.isEmpty())
            row.insert("tool_call_id"_L1, m.toolCallId);
        rows.append(row);
    }
    QJsonObject handoff { { "state"_L1, handoffStateName(session.handoff.state) } };
    if (session.handoff.state != HandoffState::None) {
        handoff.insert("platform"_L1, session.handoff.platform);
        handoff.insert("destination"_L1, session.handoff.destination);
        handoff.insert("error"_L1, session.handoff.error);
    }
    const QJsonObject root {
        { "id"_L1, session.id },
        { "title"_L1, session.title },
        { "origin"_L1, session.origin },
        { "model"_L1, session.model },
        { "created_at"_L1, isoTime(session.createdAt) },
        { "updated_at"_L1, isoTime(session.updatedAt) },
        { "ended_at"_L1, session.endedAt > 0 ? QJsonValue(isoTime(session.endedAt)) : QJsonValue() },
        { "handoff"_L1, handoff },
        { "messages"_L1, rows },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace TranscriptFormat
