// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandledger.h"

#include "database.h"
#include "sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CommandLedger::CommandLedger(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool CommandLedger::firstTime(const QString &platform, const QString &chat, const QString &messageId)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO handled_commands (platform, chat, message_id, handled_at) VALUES (?, ?, ?, ?) "
              "ON CONFLICT DO NOTHING"_s);
    q.addBindValue(platform);
    q.addBindValue(chat);
    q.addBindValue(messageId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = m_db.describeError(tr("recording a command"), sqlMessage(q.lastError()));
        return true;
    }
    return q.numRowsAffected() == 1;
}

void CommandLedger::forgetOlderThan(qint64 maxAgeMs)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM handled_commands WHERE handled_at < ?"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch() - maxAgeMs);
    if (!q.exec())
        m_error = m_db.describeError(tr("forgetting old commands"), sqlMessage(q.lastError()));
}
