// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairingstore.h"

#include "database.h"
#include "sqlerror.h"
#include "sqlvalues.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

PairingStore::PairingStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool PairingStore::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

QString PairingStore::newCode()
{
    static constexpr char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    QString code;
    for (int i = 0; i < 8; ++i)
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return code;
}

std::optional<PairingStore::Request> PairingStore::find(const QString &where, const QVariantList &values)
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        u"SELECT platform, user_id, user_name, chat_id, code, requested_at, approved_at FROM pairing WHERE "_s + where);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        setError(tr("reading pairing requests"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Request { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toLongLong() };
}

std::optional<PairingStore::CodeResult> PairingStore::requestCode(
    const QString &platform, const QString &userId, const QString &userName, const QString &chatId)
{
    m_error.clear();
    if (const auto existing = find(u"platform = ? AND user_id = ?"_s, { platform, userId }))
        return CodeResult { existing->code, false };
    if (!m_error.isEmpty())
        return std::nullopt;
    const Request request { platform, userId, userName, chatId, newCode(), QDateTime::currentMSecsSinceEpoch(), 0 };
    QSqlQuery q(m_db.connection());
    // DO NOTHING: a concurrent request for the same user keeps the first code.
    q.prepare(u"INSERT INTO pairing (platform, user_id, user_name, chat_id, code, requested_at) "
              "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO NOTHING"_s);
    for (const QVariant &value : QVariantList {
             platform, userId, nullableText(userName), nullableText(chatId), request.code, request.requestedAt })
        q.addBindValue(value);
    if (!q.exec()) {
        setError(tr("recording a pairing request"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (q.numRowsAffected() == 0) {
        const auto winner = find(u"platform = ? AND user_id = ?"_s, { platform, userId });
        return winner ? std::optional(CodeResult { winner->code, false }) : std::nullopt;
    }
    Q_EMIT requested(request);
    return CodeResult { request.code, true };
}

bool PairingStore::isApproved(const QString &platform, const QString &userId)
{
    m_error.clear();
    const auto request = find(u"platform = ? AND user_id = ? AND approved_at IS NOT NULL"_s, { platform, userId });
    return request.has_value();
}

QList<PairingStore::Request> PairingStore::pendingRequests()
{
    m_error.clear();
    QList<Request> requests;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT platform, user_id, user_name, chat_id, code, requested_at FROM pairing "
                "WHERE approved_at IS NULL ORDER BY requested_at"_s)) {
        setError(tr("reading pairing requests"), sqlMessage(q.lastError()));
        return requests;
    }
    while (q.next())
        requests.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toLongLong(), 0 });
    return requests;
}

std::optional<PairingStore::Request> PairingStore::approve(const QString &code)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE pairing SET approved_at = ? WHERE code = ? AND approved_at IS NULL"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(code.trimmed().toUpper());
    if (!q.exec()) {
        setError(tr("approving a pairing request"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (q.numRowsAffected() != 1)
        return std::nullopt;
    auto request = find(u"code = ?"_s, { code.trimmed().toUpper() });
    if (request)
        Q_EMIT approved(*request);
    return request;
}

std::optional<PairingStore::Request> PairingStore::deny(const QString &code)
{
    m_error.clear();
    auto request = find(u"code = ?"_s, { code.trimmed().toUpper() });
    if (!request)
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM pairing WHERE code = ?"_s);
    q.addBindValue(request->code);
    if (!q.exec()) {
        setError(tr("denying a pairing request"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    return request;
}
