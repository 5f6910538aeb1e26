// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

/**
 * @brief Running the real `baton` binary (BATON_BINARY) from a test, as a user would.
 */
/// The binary under test: `baton` as built, or the one the BATON_BINARY environment variable names
/// (CTest runs every CLI test a second time with baton-headless there).
[[nodiscard]] inline QString batonBinary()
{
    const QString chosen = qEnvironmentVariable("BATON_BINARY");
    return chosen.isEmpty() ? QStringLiteral(BATON_BINARY) : chosen;
}

/// A gateway on @p dataDir (baton.ini there) with the tokens the three fake platforms expect.
[[nodiscard]] inline QProcessEnvironment threePlatformEnvironment(const QString &dataDir)
{
    using namespace Qt::StringLiterals;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(u"BATON_DATA_DIR"_s, dataDir);
    e.insert(u"BATON_CONFIG"_s, dataDir + u"/baton.ini"_s);
    e.insert(u"BATON_TELEGRAM_TOKEN"_s, u"4242:telegram"_s);
    e.insert(u"BATON_DISCORD_TOKEN"_s, u"discord-token"_s);
    e.insert(u"BATON_SLACK_BOT_TOKEN"_s, u"xoxb-slack"_s);
    e.insert(u"BATON_SLACK_APP_TOKEN"_s, u"xapp-slack"_s);
    e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
    return e;
}

struct BatonRun
{
    int exitCode = -1;
    QString out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

[[nodiscard]] inline std::unique_ptr<QProcess> startBaton(const QStringList &args, const QProcessEnvironment &env)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(env);
    process->start(batonBinary(), args);
    return process;
}

/// True once @p process has exited, whether or not the event loop already noticed.
[[nodiscard]] inline bool waitForExit(QProcess &process, int timeoutMs = 30'000)
{
    return process.state() == QProcess::NotRunning || process.waitForFinished(timeoutMs);
}

/// Runs `baton` to the end with @p input on stdin. The event loop keeps running meanwhile, so
/// fake servers living in the test process go on answering.
[[nodiscard]] inline BatonRun runBaton(const QStringList &args,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), const QByteArray &input = {})
{
    auto process = startBaton(args, env);
    process->write(input);
    process->closeWriteChannel();
    if (!QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 30'000))
        process->kill();
    process->waitForFinished(1'000);
    return { process->exitCode(), QString::fromUtf8(process->readAllStandardOutput()),
        QString::fromUtf8(process->readAllStandardError()) };
}
