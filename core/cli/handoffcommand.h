// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"
#include "handoff/handoffwaiter.h"

#include <QObject>

#include <memory>

class Database;
class HandoffStore;
class SessionStore;
class Settings;

/**
 * @brief `baton handoff SESSION --to PLATFORM [--json]`: a stored session handed off without a chat.
 *
 * Exit status: 0 completed, 1 failed or abandoned, 2 usage, refusal or timeout.
 */
class HandoffCommand : public QObject
{
    Q_OBJECT

public:
    HandoffCommand(const CliContext &context, QObject *parent = nullptr);
    ~HandoffCommand() override;

    void start(const QStringList &args, const QString &platform, bool json);

Q_SIGNALS:
    void finished(int status);

private:
    void onFinished(HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status);

    const CliContext &m_ctx;
    bool m_json = false;
    QString m_platform;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Settings> m_settings;
    SessionStore *m_sessions = nullptr;
    HandoffStore *m_handoffs = nullptr;
    HandoffWaiter *m_waiter = nullptr;
};
