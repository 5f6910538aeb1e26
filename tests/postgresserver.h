// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

#include <cstdlib>

/**
 * @brief A throwaway PostgreSQL server for the tests: Debian's postgresql, initdb into a temporary
 * directory and pg_ctl on a free port of 127.0.0.1, stopped when the test process exits.
 *
 * The superuser is "baton" with a password (scram-sha-256, over TCP and the socket alike), so
 * every test also goes the way a real setup does: the password from BATON_STORE_PASSWORD. As
 * root (CI) the server runs as the postgres user through runuser, since PostgreSQL refuses root.
 */
class PostgresServer
{
public:
    static constexpr const char *password = "baton-test-password";

    /// Throwaway skips fsync (a test's data need not survive a power cut, and CI's disks are
    /// slow); Durable keeps PostgreSQL's defaults, for benchmarks that compare with SQLite's
    /// synchronous=FULL.
    enum class Durability { Throwaway, Durable };

    /// The process's one server, started on first use; isRunning() says whether that worked.
    static PostgresServer &shared()
    {
        static PostgresServer server;
        return server;
    }

    /// A server of its own, stopped when this object goes (or at exit, for a static one);
    /// @p settings are more server settings, "name=value" each.
    explicit PostgresServer(Durability durability = Durability::Throwaway, const QStringList &settings = {})
        : m_durability(durability)
        , m_settings(settings)
    {
        start();
    }
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] Durability durability() const { return m_durability; }

    /// A new empty database on the server, as a [store] url.
    QString createDatabase()
    {
        if (!m_running)
            return {};
        const QString name = QStringLiteral("t%1_%2").arg(::getpid()).arg(++m_databases);
        bool created = false;
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-admin"));
            admin.setHostName(QStringLiteral("127.0.0.1"));
            admin.setPort(m_port);
            admin.setUserName(QStringLiteral("baton"));
            admin.setPassword(QString::fromLatin1(password));
            admin.setDatabaseName(QStringLiteral("postgres"));
            QSqlQuery create(admin);
            created = admin.open() && create.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
            if (!created)
                m_error = admin.isOpen() ? create.lastError().text() : admin.lastError().text();
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
        return created ? url(name) : QString();
    }
    [[nodiscard]] QString url(const QString &database) const
    {
        return QStringLiteral("postgresql://baton@127.0.0.1:%1/%2?sslmode=disable").arg(m_port).arg(database);
    }

    /// Runs a server binary (initdb, pg_ctl) as the user that owns the data directory.
    [[nodiscard]] QString run(const QString &binary, const QStringList &arguments, int timeoutMs = 60'000)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        const QString program = QDir(m_bin).filePath(binary);
        if (::geteuid() == 0)
            process.start(QStringLiteral("runuser"),
                QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program }
                    + arguments);
        else
            process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs) || process.exitCode() != 0)
            return QStringLiteral("%1 failed: %2").arg(binary, QString::fromLocal8Bit(process.readAll()).trimmed());
        return {};
    }

    ~PostgresServer()
    {
        if (m_running) {
            // At exit, without Qt's event loop: pg_ctl waits for the server to go.
            const QString command
                = QStringLiteral("%1 '%2/pg_ctl' -D '%3' -m immediate stop > /dev/null 2>&1")
                      .arg(::geteuid() == 0 ? QStringLiteral("runuser -u postgres --") : QString(), m_bin, m_data);
            [[maybe_unused]] const int status = std::system(command.toLocal8Bit().constData());
            // BATON_TEST_PG_LOG=FILE keeps the server's log (every failed statement is in it).
            const QString keep = qEnvironmentVariable("BATON_TEST_PG_LOG");
            if (!keep.isEmpty())
                QFile::copy(m_dir.filePath(QStringLiteral("server.log")), keep);
        }
    }

private:
    void start()
    {
        m_bin = binDirectory();
        if (m_bin.isEmpty()) {
            m_error = QStringLiteral(
                "PostgreSQL's server is not installed (packaging/install-deps.sh installs postgresql)");
            return;
        }
        if (!m_dir.isValid()) {
            m_error = m_dir.errorString();
            return;
        }
        m_data = m_dir.filePath(QStringLiteral("data"));
        const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
        QFile pw(passwordFile);
        if (!pw.open(QIODevice::WriteOnly) || pw.write(password) < 0)
            return;
        pw.close();
        if (::geteuid() == 0
            && std::system(QStringLiteral("chown -R postgres: '%1'").arg(m_dir.path()).toLocal8Bit()) != 0) {
            m_error = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir.path());
            return;
        }
        m_error = run(QStringLiteral("initdb"),
            { QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("baton"), QStringLiteral("-A"),
                QStringLiteral("scram-sha-256"), QStringLiteral("--pwfile=") + passwordFile, QStringLiteral("-E"),
                QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync") });
        if (!m_error.isEmpty())
            return;
        m_port = freePort();
        QString settings;
        if (m_durability == Durability::Throwaway)
            settings += QStringLiteral(" -c fsync=off");
        for (const QString &setting : std::as_const(m_settings))
            settings += QStringLiteral(" -c ") + setting;
        m_error = run(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), m_data, QStringLiteral("-w"), QStringLiteral("-l"),
                m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-o"),
                QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=200%3")
                    .arg(m_port)
                    .arg(m_dir.path())
                    .arg(settings),
                QStringLiteral("start") });
        m_running = m_error.isEmpty();
    }

    static QString binDirectory()
    {
        QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(
            versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &version : versions) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version);
            if (QFile::exists(bin + QStringLiteral("/initdb")))
                return bin;
        }
        return {};
    }
    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QTemporaryDir m_dir { QDir::tempPath() + QStringLiteral("/baton-pg-XXXXXX") };
    QString m_bin;
    QString m_data;
    QString m_error;
    Durability m_durability = Durability::Throwaway;
    QStringList m_settings;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};
