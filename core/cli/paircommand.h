// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QObject>

#include <memory>

class ConnectionCheck;
class Database;
class SetupCodeStore;
class StoreWatcher;
class QTimer;

/**
 * @brief `baton pair telegram|discord|slack`: the window's phone pairing for a machine without a
 * screen. Checks the token, prints a one-time setup code (for Telegram a QR code in half blocks and
 * its t.me link), and waits until someone redeems it through the running gateway; they are an
 * owner then.
 */
class PairCommand : public QObject
{
    Q_OBJECT

public:
    explicit PairCommand(const CliContext &context, QObject *parent = nullptr);
    ~PairCommand() override;

    /// @p args are the words after `pair`; finished() follows.
    void start(const QStringList &args);

Q_SIGNALS:
    void finished(int status);

private:
    void checked(bool ok, const QString &sentence);
    void showCode();
    void poll();
    void finish(int status, const QString &sentence = {});

    const CliContext &m_ctx;
    QString m_platform;
    QString m_botUserName;
    QString m_botId;
    QString m_session;
    QString m_code;
    ConnectionCheck *m_check = nullptr;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SetupCodeStore> m_codes;
    StoreWatcher *m_watcher = nullptr;
    QTimer *m_expiry = nullptr;
    bool m_done = false;
};
