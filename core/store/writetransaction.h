// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>

/**
 * @brief BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
 *
 * IMMEDIATE takes the write lock up front: a deferred transaction that reads first and writes
 * later fails with SQLITE_BUSY at once when another process writes, bypassing busy_timeout.
 */
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase &db)
        : m_query(db)
    {
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
    [[nodiscard]] QSqlError lastError() const { return m_query.lastError(); }
    [[nodiscard]] bool commit()
    {
        if (!m_active || !m_query.exec(QStringLiteral("COMMIT")))
            return false;
        m_active = false;
        return true;
    }

private:
    QSqlQuery m_query;
    bool m_active = false;
};
