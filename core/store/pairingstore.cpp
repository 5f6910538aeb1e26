// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairingstore.h"

#include "database.h"
#include "sqlerror.h"
#include "sqlvalues.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
const QString columns = u"platform, user_id, user_name, chat_id, code, requested_at, approved_at, role, expires_at"_s;
}

PairingStore::PairingStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
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

QList<PairingStore::Request> PairingStore::list(const QString &where, const QVariantList &values)
{
    QList<Request> requests;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM pairing WHERE %2"_s.arg(columns, where));
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        setError(tr("reading pairing requests"), sqlMessage(q.lastError()));
        return requests;
    }
    while (q.next())
        requests.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toString(),
            q.value(8).toLongLong() });
    return requests;
}

std::optional<PairingStore::Request> PairingStore::find(const QString &where, const QVariantList &values)
{
    const QList<Request> found = list(where, values);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

bool PairingStore::exec(const QString &action, const QString &sql, const QVariantList &values, int *changed)
{
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return setError(action, sqlMessage(q.lastError()));
    if (changed)
        *changed = q.numRowsAffected();
    return true;
}

std::optional<PairingStore::CodeResult> PairingStore::requestCode(
    const QString &platform, const QString &userId, const QString &userName, const QString &chatId)
{
    m_error.clear();
    const qint64 now = m_clock();
    // One transaction: two gateways (or a flood) asking at once still mint one code per person.
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive()) {
        setError(tr("recording a pairing request"), sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    const auto existing = find(u"platform = ? AND user_id = ?"_s, { platform, userId });
    if (!m_error.isEmpty())
        return std::nullopt;
    if (existing && existing->approvedAt)
        return CodeResult {};
    if (existing && existing->expiresAt > now)
        return CodeResult { existing->code, false };
    if (existing && now - existing->requestedAt < codeLifetimeMs)
        return CodeResult {}; // expired early (denied, revoked, pushed out): one code an hour

    const Request request { platform, userId, userName, chatId, newCode(), now, 0, {}, now + codeLifetimeMs };
    // The oldest waiting codes expire so that, with this one, at most maxPending wait; strangers
    // whose hour is over are forgotten, so the table holds no more than the last hour's askers.
    const bool ok
        = exec(tr("expiring old pairing codes"),
              u"UPDATE pairing SET expires_at = ? WHERE approved_at IS NULL AND expires_at > ? AND code NOT IN "
              "(SELECT code FROM pairing WHERE approved_at IS NULL AND expires_at > ? "
              "ORDER BY requested_at DESC LIMIT ?)"_s,
              { now, now, now, maxPending - 1 })
        && exec(tr("expiring old pairing codes"),
            u"DELETE FROM pairing WHERE approved_at IS NULL AND requested_at <= ?"_s, { now - codeLifetimeMs })
        && exec(tr("recording a pairing request"),
            u"INSERT INTO pairing (platform, user_id, user_name, chat_id, code, requested_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { platform, userId, nullableText(userName), nullableText(chatId), request.code, now, request.expiresAt });
    if (!ok)
        return std::nullopt;
    if (!tx.commit()) {
        setError(tr("recording a pairing request"), sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    Q_EMIT requested(request);
    return CodeResult { request.code, true };
}

QString PairingStore::role(const QString &platform, const QString &userId)
{
    m_error.clear();
    const auto request = find(u"platform = ? AND user_id = ? AND approved_at IS NOT NULL"_s, { platform, userId });
    if (!request)
        return {};
    return request->role.isEmpty() ? guestRole : request->role;
}

QList<PairingStore::Request> PairingStore::pendingRequests()
{
    m_error.clear();
    return list(u"approved_at IS NULL AND expires_at > ? ORDER BY requested_at"_s, { m_clock() });
}

QList<PairingStore::Request> PairingStore::approvedPeople()
{
    m_error.clear();
    return list(u"approved_at IS NOT NULL ORDER BY approved_at"_s, {});
}

std::optional<PairingStore::Request> PairingStore::approve(const QString &code)
{
    m_error.clear();
    const QString wanted = code.trimmed().toUpper();
    int changed = 0;
    if (!exec(tr("approving a pairing request"),
            u"UPDATE pairing SET approved_at = ?, role = ? WHERE code = ? AND approved_at IS NULL AND expires_at > ?"_s,
            { m_clock(), guestRole, wanted, m_clock() }, &changed)
        || changed != 1)
        return std::nullopt;
    auto request = find(u"code = ?"_s, { wanted });
    if (request)
        Q_EMIT approved(*request);
    return request;
}

std::optional<PairingStore::Request> PairingStore::deny(const QString &code)
{
    m_error.clear();
    const qint64 now = m_clock();
    auto request = find(u"code = ? AND approved_at IS NULL AND expires_at > ?"_s, { code.trimmed().toUpper(), now });
    // Expired rather than deleted: the person asks again in an hour at the earliest.
    if (!request
        || !exec(tr("denying a pairing request"), u"UPDATE pairing SET expires_at = ? WHERE code = ?"_s,
            { now, request->code }))
        return std::nullopt;
    return request;
}

std::optional<PairingStore::Request> PairingStore::revoke(const QString &platform, const QString &userId)
{
    m_error.clear();
    const qint64 now = m_clock();
    auto request = find(u"platform = ? AND user_id = ? AND approved_at IS NOT NULL"_s, { platform, userId });
    // A revoked person is a stranger again, with this hour's code already spent.
    if (!request
        || !exec(tr("revoking a guest"),
            u"UPDATE pairing SET approved_at = NULL, role = NULL, requested_at = ?, expires_at = ? "
            "WHERE platform = ? AND user_id = ?"_s,
            { now, now, platform, userId }))
        return std::nullopt;
    return request;
}
