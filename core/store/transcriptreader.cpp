// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptreader.h"

#include "messagerow.h"
#include "sqlerror.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

#ifdef BATON_SQLITE_DIRECT
#include <sqlite3.h>
#endif

using namespace Qt::StringLiterals;

namespace TranscriptReader {

namespace {
QString selectStatement()
{
    return u"SELECT %1 FROM messages WHERE session_id = ? AND off_branch = 0 AND (? = 1 OR internal = 0) ORDER BY id"_s
        .arg(MessageRow::columns());
}

#ifdef BATON_SQLITE_DIRECT
sqlite3 *nativeHandle(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QString text(sqlite3_stmt *statement, int column)
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return utf8 ? QString::fromUtf8(utf8, sqlite3_column_bytes(statement, column)) : QString();
}

QByteArrayView bytes(sqlite3_stmt *statement, int column)
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return utf8 ? QByteArrayView(utf8, sqlite3_column_bytes(statement, column)) : QByteArrayView();
}

std::optional<QList<Message>> readDirect(
    sqlite3 *handle, const QString &sessionId, bool includeInternal, QString *error)
{
    sqlite3_stmt *raw = nullptr;
    const QByteArray sql = selectStatement().toUtf8();
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &raw, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return std::nullopt;
    }
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
    const QByteArray id = sessionId.toUtf8();
    sqlite3_bind_text(raw, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_int(raw, 2, includeInternal ? 1 : 0);

    QList<Message> messages;
    int status;
    while ((status = sqlite3_step(raw)) == SQLITE_ROW) {
        Message &m = messages.emplace_back();
        m.id = sqlite3_column_int64(raw, MessageRow::Id);
        m.sessionId = sessionId; // shared, not copied
        m.role = messageRoleFromName(QString::fromLatin1(bytes(raw, MessageRow::Role))).value_or(MessageRole::User);
        m.content = text(raw, MessageRow::Content);
        m.toolCalls = bytes(raw, MessageRow::ToolCalls).toByteArray();
        m.toolCallId = text(raw, MessageRow::ToolCallId);
        m.platform = text(raw, MessageRow::Platform);
        m.platformMessageId = text(raw, MessageRow::PlatformMessageId);
        m.platformChat = text(raw, MessageRow::PlatformChat);
        m.internal = sqlite3_column_int(raw, MessageRow::Internal) != 0;
        m.status = messageStatusFromName(QString::fromLatin1(bytes(raw, MessageRow::Status)))
                       .value_or(MessageStatus::Complete);
        m.createdAt = sqlite3_column_int64(raw, MessageRow::CreatedAt);
        m.platformThread = text(raw, MessageRow::PlatformThread);
        m.interrupted = sqlite3_column_int(raw, MessageRow::Interrupted) != 0;
    }
    if (status != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return std::nullopt;
    }
    return messages;
}
#endif
} // namespace

std::optional<QList<Message>> readWithQuery(
    QSqlDatabase &db, const QString &sessionId, bool includeInternal, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(selectStatement());
    q.addBindValue(sessionId);
    q.addBindValue(includeInternal ? 1 : 0);
    if (!q.exec()) {
        *error = sqlMessage(q.lastError());
        return std::nullopt;
    }
    QList<Message> messages;
    while (q.next())
        messages.append(MessageRow::fromQuery(q));
    return messages;
}

std::optional<QList<Message>> read(QSqlDatabase &db, const QString &sessionId, bool includeInternal, QString *error)
{
#ifdef BATON_SQLITE_DIRECT
    if (sqlite3 *handle = nativeHandle(db))
        return readDirect(handle, sessionId, includeInternal, error);
#endif
    return readWithQuery(db, sessionId, includeInternal, error);
}

} // namespace TranscriptReader
