// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace TranscriptExport {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TranscriptExport", text);
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

/// The fence a code block left open at the end of @p text ("```", "~~~~"...), or "".
QString openFence(const QString &text)
{
    static const QRegularExpression fence(u"^ {0,3}(`{3,}|~{3,})"_s);
    QString open;
    for (const QString &line : text.split(u'\n')) {
        const QRegularExpressionMatch match = fence.match(line);
        if (!match.hasMatch())
            continue;
        const QString marker = match.captured(1);
        if (open.isEmpty())
            open = marker;
        // Only a fence of the same character, at least as long and with nothing after it, closes.
        else if (marker.front() == open.front() && marker.size() >= open.size()
            && line.trimmed().size() == marker.size())
            open.clear();
    }
    return open;
}

/// A backtick fence longer than any run of backticks in @p text, so the text cannot close it.
QString fenceAround(const QString &text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max<qsizetype>(3, longest + 1), u'`');
}
} // namespace

QString localTime(qint64 ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString toMarkdown(const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt)
{
    QString out;
    out += u"# "_s + (session.title.isEmpty() ? tr("Untitled session") : session.title) + u"\n\n"_s;
    out += u"- "_s + tr("Session: %1").arg(session.id) + u'\n';
    out += u"- "_s + tr("Created: %1").arg(localTime(session.createdAt)) + u'\n';
    if (!session.model.isEmpty())
        out += u"- "_s + tr("Model: %1").arg(session.model) + u'\n';
    if (systemPrompt) {
        out += u"\n## "_s + tr("System prompt of this chat") + u"\n\n"_s;
        out += (systemPrompt->isEmpty() ? tr("(none: no system prompt is sent)") : *systemPrompt) + u'\n';
        if (const QString fence = openFence(*systemPrompt); !fence.isEmpty())
            out += fence + u'\n';
    }
    for (const Message &m : messages) {
        out += u"\n## "_s + heading(m) + u"\n\n"_s;
        if (!m.content.isEmpty()) {
            out += m.content + u'\n';
            if (const QString fence = openFence(m.content); !fence.isEmpty())
                out += fence + u'\n';
        }
        const QJsonArray calls = QJsonDocument::fromJson(m.toolCalls).array();
        for (const QJsonValue &call : calls) {
            const QJsonObject function = call.toObject().value("function"_L1).toObject();
            const QString arguments = function.value("arguments"_L1).toString();
            const QString fence = fenceAround(arguments);
            out += u"\n"_s
                + tr("Called `%1` (%2) with:")
                      .arg(function.value("name"_L1).toString(), call.toObject().value("id"_L1).toString())
                + u"\n\n"_s + fence + u"json\n"_s + arguments + u'\n' + fence + u'\n';
        }
    }
    return out;
}

QByteArray toJson(const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt)
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
        // null: the chat uses the default system prompt of baton.ini.
        { "system_prompt"_L1, systemPrompt ? QJsonValue(*systemPrompt) : QJsonValue() },
        { "created_at"_L1, isoTime(session.createdAt) },
        { "updated_at"_L1, isoTime(session.updatedAt) },
        { "ended_at"_L1, session.endedAt > 0 ? QJsonValue(isoTime(session.endedAt)) : QJsonValue() },
        { "handoff"_L1, handoff },
        { "messages"_L1, rows },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace TranscriptExport
