// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postgresserver.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/**
 * @brief A store for one test function, opened and migrated: state.db in a temporary directory,
 * or, when BATON_TEST_STORE=postgresql (the tests labelled `postgres`), a new database on the
 * process's throwaway PostgreSQL server.
 */
struct TestStore
{
    QTemporaryDir dir;
    Database db;

    /// Whether this run puts its stores on PostgreSQL.
    [[nodiscard]] static bool onPostgres()
    {
        return qEnvironmentVariable("BATON_TEST_STORE") == QLatin1String("postgresql");
    }

    TestStore()
    {
        if (onPostgres()) {
            PostgresServer &server = PostgresServer::shared();
            QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
            qputenv("BATON_STORE_PASSWORD", PostgresServer::password);
            m_location = server.createDatabase();
            QVERIFY2(!m_location.isEmpty(), qPrintable(server.errorString()));
        } else {
            m_location = dir.filePath(QStringLiteral("state.db"));
        }
        QVERIFY2(db.open(m_location), qPrintable(db.errorString()));
    }
    /// What Database::open takes for this store: the file's path or the server's url.
    [[nodiscard]] QString path() const { return m_location; }
    /// For AppPaths: the url on PostgreSQL, empty for state.db in dir.
    [[nodiscard]] QString storeUrl() const { return onPostgres() ? m_location : QString(); }

    /// Runs one statement on the store's connection and returns the first column of the first row.
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql);
    }

private:
    QString m_location;
};
