// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"
#include "service/gatewayservice.h"

#include <QObject>

/**
 * @brief `baton --no-gui`: the gateway, the handoff watcher and the agent, headless, logging one
 * line per event to stderr. SIGINT/SIGTERM finish the replies in flight (10 s at most), exit 0.
 */
class HeadlessCommand : public QObject
{
    Q_OBJECT

public:
    HeadlessCommand(const CliContext &context, GatewayService::AdapterFactory factory, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int status);

private:
    const CliContext &m_ctx;
    GatewayService *m_service;
};
