// SPDX-License-Identifier: GPL-3.0-or-later
// Database on PostgreSQL: the connection, the identity check and the migrations
// (docs/several-machines.md). SQLite's side is in database.cpp.
#include "database.h"
#include "migrations.h"
#include "sqlerror.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

// Set once at start-up, before any thread opens the store.
QString &postgresPassword()
{
    static QString password;
    return password;
}
} // namespace

void Database::setPostgresPassword(const QString &password)
{
    postgresPassword() = password;
}

QString Database::describePostgresError(const QString &action, const QString &message) const
{
    const QString lower = message.toLower();
    if (lower.contains("password authentication failed"_L1) || lower.contains("no password supplied"_L1))
        return tr("The store at %1 refused user %2: %3. Set the password with `baton secret set store.password` "
                  "or BATON_STORE_PASSWORD.")
            .arg(m_path, m_location.user, message.trimmed());
    if (lower.contains("could not connect"_L1) || lower.contains("connection refused"_L1)
        || lower.contains("could not translate host"_L1) || lower.contains("timeout expired"_L1)
        || lower.contains("server closed the connection"_L1) || lower.contains("no connection to the server"_L1)
        || lower.contains("terminating connection"_L1))
        return tr("The store at %1 cannot be reached: %2").arg(m_path, message.trimmed());
    if (lower.contains("does not exist"_L1) && lower.contains("database"_L1))
        return tr("The store at %1 names a database the server does not have: %2. Create it with createdb.")
            .arg(m_path, message.trimmed());
    return tr("The store at %1: %2 failed: %3").arg(m_path, action, message.trimmed());
}

bool Database::openPostgres(const Options &options)
{
    m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    if (!m_db.isValid() || !m_db.driver() || m_db.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return fail(tr("[store] url names PostgreSQL (%1), but Qt's PostgreSQL driver is not installed: install "
                       "libqt6sql6-psql (Debian) or empty the url to use state.db.")
                        .arg(m_path));
    m_db.setHostName(m_location.host);
    m_db.setPort(m_location.port);
    m_db.setDatabaseName(m_location.database);
    m_db.setUserName(m_location.user);
    const QString fromEnvironment = qEnvironmentVariable("BATON_STORE_PASSWORD");
    const QString password = fromEnvironment.isEmpty() ? postgresPassword() : fromEnvironment;
    if (!password.isEmpty())
        m_db.setPassword(password);
    m_db.setConnectOptions(m_location.connectOptions());
    if (!m_db.open())
        return fail(describeError(tr("connecting"), sqlMessage(m_db.lastError())));

    QSqlQuery query(m_db);
    // "relation already exists, skipping" and friends are not worth a log line each.
    if (!query.exec(u"SET client_min_messages = warning"_s))
        return fail(describeError(tr("configuring the connection"), sqlMessage(query.lastError())));
    int version = 0;
    if (!checkPostgresIdentity(&version))
        return false;
    m_schemaVersion = version;
    const int target = options.targetVersion < 0 ? Migrations::latestVersion() : options.targetVersion;
    return migratePostgres(target);
}

bool Database::checkPostgresIdentity(int *version)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT to_regclass('baton_schema') IS NOT NULL"_s) || !query.next())
        return fail(describeError(tr("reading the schema"), sqlMessage(query.lastError())));
    if (!query.value(0).toBool()) {
        // A fresh database has no tables; one with tables but no baton_schema was made by something else.
        if (!query.exec(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"_s)
            || !query.next())
            return fail(describeError(tr("reading the schema"), sqlMessage(query.lastError())));
        if (query.value(0).toInt() > 0)
            return fail(tr("The store at %1 is not a Baton database: it holds tables Baton did not make. Give "
                           "Baton a database of its own (createdb baton).")
                            .arg(m_path));
        *version = 0;
        return true;
    }
    if (!query.exec(u"SELECT application_id, version FROM baton_schema"_s) || !query.next())
        return fail(describeError(tr("reading the schema version"), sqlMessage(query.lastError())));
    if (query.value(0).toLongLong() != applicationId)
        return fail(tr("The store at %1 is not a Baton database: it belongs to another application.").arg(m_path));
    *version = query.value(1).toInt();
    if (*version > Migrations::latestVersion())
        return fail(tr("The store at %1 was written by a newer Baton (schema %2; this build knows up to %3). "
                       "Update Baton on this machine.")
                        .arg(m_path)
                        .arg(*version)
                        .arg(Migrations::latestVersion()));
    return true;
}

bool Database::migratePostgres(int targetVersion)
{
    if (m_schemaVersion >= targetVersion)
        return true;
    QSqlQuery query(m_db);
    auto rollback = [this](const QString &sentence) {
        QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        return fail(sentence);
    };
    // One process migrates; the others wait on the lock, then find the work done.
    if (!query.exec(u"BEGIN"_s) || !query.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(applicationId)))
        return rollback(describeError(tr("starting the upgrade"), sqlMessage(query.lastError())));
    if (!query.exec(
            u"CREATE TABLE IF NOT EXISTS baton_schema (application_id BIGINT NOT NULL, version INTEGER NOT NULL)"_s)
        || !query.exec(u"SELECT version FROM baton_schema"_s))
        return rollback(describeError(tr("reading the schema version"), sqlMessage(query.lastError())));
    int version = query.next() ? query.value(0).toInt() : 0;
    const bool hadRow = query.isValid();
    for (const Migrations::Migration &migration : Migrations::all()) {
        if (migration.version <= version || migration.version > targetVersion)
            continue;
        for (const QString &statement : Migrations::statements(migration, SqlDialect::Postgres)) {
            if (!query.exec(statement))
                return rollback(tr("The store at %1 could not be upgraded to schema %2 (%3): %4")
                                    .arg(m_path)
                                    .arg(migration.version)
                                    .arg(QString::fromUtf8(migration.summary), sqlMessage(query.lastError())));
        }
        version = migration.version;
    }
    query.prepare(hadRow ? u"UPDATE baton_schema SET version = ?"_s
                         : u"INSERT INTO baton_schema (version, application_id) VALUES (?, ?)"_s);
    query.addBindValue(version);
    if (!hadRow)
        query.addBindValue(applicationId);
    if (!query.exec() || !query.exec(u"COMMIT"_s))
        return rollback(describeError(tr("finishing the upgrade"), sqlMessage(query.lastError())));
    qCDebug(lcStore) << "migrated" << m_path << "from schema" << m_schemaVersion << "to" << version;
    m_schemaVersion = version;
    return true;
}
