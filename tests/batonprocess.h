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
    process->start(QStringLiteral(BATON_BINARY), args);
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
