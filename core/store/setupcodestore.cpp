// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupcodestore.h"

#include "database.h"
#include "pairingstore.h"
#include "sqlerror.h"
#include "sqlvalues.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
const QString columns
    = u"code, platform, setup_session, created_at, expires_at, used_at, user_id, user_name, chat_id"_s;
}

SetupCodeStore::SetupCodeStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

bool SetupCodeStore::looksLikeCode(const QString &text)
{
    static const QRegularExpression shape(u"^[A-HJKMNP-Z2-9]{8}$"_s, QRegularExpression::CaseInsensitiveOption);
    return shape.match(text.trimmed()).hasMatch();
}

QList<SetupCodeStore::Code> SetupCodeStore::list(const QString &where, const QVariantList &values)
{
    QList<Code> codes;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM setup_codes WHERE %2"_s.arg(columns, where));
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        m_error = m_db.describeError(tr("reading setup codes"), sqlMessage(q.lastError()));
        return codes;
    }
    while (q.next())
        codes.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
            q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toString(), q.value(7).toString(),
            q.value(8).toString() });
    return codes;
}

bool SetupCodeStore::exec(const QString &action, const QString &sql, const QVariantList &values, int *changed)
{
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        m_error = m_db.describeError(action, sqlMessage(q.lastError()));
        return false;
    }
    if (changed)
        *changed = q.numRowsAffected();
    return true;
}

std::optional<SetupCodeStore::Code> SetupCodeStore::mint(const QString &platform, const QString &setupSession)
{
    m_error.clear();
    const qint64 now = m_clock();
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive()) {
        m_error = m_db.describeError(tr("making a setup code"), sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    const Code code { PairingStore::newCode(), platform, setupSession, now, now + codeLifetimeMs, 0, {}, {}, {} };
    // One live code per platform: a stranger has one code to guess, and a code shown on a screen that
    // was since closed or replaced stops working. Old rows go after a day; used ones stay as homes.
    const bool ok
        = exec(tr("making a setup code"),
              u"UPDATE setup_codes SET expires_at = ? WHERE platform = ? AND used_at IS NULL AND expires_at > ?"_s,
              { now, platform, now })
        && exec(tr("making a setup code"), u"DELETE FROM setup_codes WHERE used_at IS NULL AND expires_at < ?"_s,
            { now - 86'400'000 })
        && exec(tr("making a setup code"),
            u"INSERT INTO setup_codes (code, platform, setup_session, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"_s,
            { code.code, platform, requiredText(setupSession), now, code.expiresAt });
    if (!ok)
        return std::nullopt;
    if (!tx.commit()) {
        m_error = m_db.describeError(tr("making a setup code"), sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    return code;
}

std::optional<SetupCodeStore::Code> SetupCodeStore::redeem(
    const QString &platform, const QString &code, const QString &userId, const QString &userName, const QString &chatId)
{
    m_error.clear();
    const QString wanted = code.trimmed().toUpper();
    const qint64 now = m_clock();
    int changed = 0;
    // One statement: two gateways (or a replayed update) redeeming at once make one owner.
    if (!exec(tr("redeeming a setup code"),
            u"UPDATE setup_codes SET used_at = ?, user_id = ?, user_name = ?, chat_id = ? "
            "WHERE code = ? AND platform = ? AND used_at IS NULL AND expires_at > ?"_s,
            { now, userId, nullableText(userName), nullableText(chatId), wanted, platform, now }, &changed)
        || changed != 1)
        return std::nullopt;
    const QList<Code> found = list(u"code = ?"_s, { wanted });
    if (found.isEmpty())
        return std::nullopt;
    Q_EMIT redeemedCode(found.first());
    return found.first();
}

std::optional<SetupCodeStore::Code> SetupCodeStore::latest(const QString &setupSession)
{
    m_error.clear();
    const QList<Code> found = list(u"setup_session = ? ORDER BY created_at DESC LIMIT 1"_s, { setupSession });
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<SetupCodeStore::Code> SetupCodeStore::redeemed(const QString &platform)
{
    m_error.clear();
    return list(u"platform = ? AND used_at IS NOT NULL ORDER BY used_at DESC"_s, { platform });
}
