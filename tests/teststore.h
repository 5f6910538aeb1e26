// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/**
 * @brief A state.db in a temporary directory, opened and migrated, for one test function.
 */
struct TestStore
{
    QTemporaryDir dir;
    Database db;

    TestStore() { QVERIFY2(db.open(path()), qPrintable(db.errorString())); }
    [[nodiscard]] QString path() const { return dir.filePath(QStringLiteral("state.db")); }

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
};
