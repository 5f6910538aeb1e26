// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"
#include "service/gatewayservice.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <optional>

/**
 * @brief `baton`'s argument parsing and subcommand dispatch for the terminal modes.
 *
 * Some commands wait on the keychain, the gateway or the model, so every command ends with the
 * finished() signal, which may come from the event loop after start() returned.
 */
class CommandLine : public QObject
{
    Q_OBJECT

public:
    /// @p adapters makes the platform adapters for `--no-gui` (they live outside core).
    CommandLine(
        QTextStream &out, QTextStream &err, GatewayService::AdapterFactory adapters = {}, QObject *parent = nullptr);

    /// Runs the command @p arguments (argv, program name first) name.
    void start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int status);

private:
    int startCommand(const QStringList &arguments);
    void finish(int status);

    QTextStream &m_out;
    QTextStream &m_err;
    GatewayService::AdapterFactory m_adapters;
    std::optional<CliContext> m_ctx;
    bool m_passwordLoaded = false;
    static constexpr int stillRunning = -1;
};
