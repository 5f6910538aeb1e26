// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

/**
 * @brief BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
 *
 * IMMEDIATE takes the write lock up front: a deferred transaction that reads first and writes
 * later fails with SQLITE_BUSY at once when another process writes, bypassing busy_timeout.
 *
 * On PostgreSQL the same promise comes from one transaction-scoped advisory lock: writers take
 * turns as they do on SQLite, so every read-then-write the store makes (a claim, a turn, a
 * pairing code) behaves the same on both, across every gateway on the server
 * (docs/several-machines.md).
 */
class WriteTransaction
{
public:
    /// The advisory lock's key: "Batn", Database::applicationId.
    static constexpr qint64 postgresLock = 0x4261746e;

    explicit WriteTransaction(QSqlDatabase &db)
        : m_query(db)
    {
        if (dialectOf(db) == SqlDialect::Postgres) {
            m_active = m_query.exec(QStringLiteral("BEGIN"));
            if (m_active && !m_query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(postgresLock))) {
                m_failure = m_query.lastError();
                m_query.exec(QStringLiteral("ROLLBACK"));
                m_active = false;
            }
            return;
        }
        m_active = m_query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~WriteTransaction()
    {
        if (m_active)
            m_query.exec(QStringLiteral("ROLLBACK"));
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] QSqlError lastError() const { return m_failure.isValid() ? m_failure : m_query.lastError(); }
    [[nodiscard]] bool commit()
    {
        if (!m_active || !m_query.exec(QStringLiteral("COMMIT")))
            return false;
        m_active = false;
        return true;
    }

private:
    QSqlQuery m_query;
    QSqlError m_failure;
    bool m_active = false;
};
