// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QObject>

class ConnectionCheck;
class Database;
class HomeChatCheck;
class LlmClient;
class Settings;
class QNetworkAccessManager;

/**
 * @brief `baton doctor`: one line per check (config, data dir, state.db, keychain, the model
 * endpoint, each enabled platform and its home channel, the gateway lock, on a shared store who
 * leads each platform); exit 1 if any fails.
 */
class DoctorCommand : public QObject
{
    Q_OBJECT

public:
    DoctorCommand(const CliContext &context, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int status);

private:
    /// Reserves the next line of the report; checks answer in any order, lines print in this one.
    int expect(const QString &name);
    void report(int line, bool ok, const QString &sentence);
    void checkLocal(const Settings &settings);
    /// On a store named in [store] url: which gateway (host, process) leads each platform, and until when.
    void reportLeaders(Database &db);
    void checkKeychain(const Settings &settings);
    /// The secrets the enabled platforms need, by name (`telegram.token`...).
    [[nodiscard]] static QStringList platformSecrets(const Settings &settings);
    void checkRemote(const Settings &settings);

    struct Line
    {
        QString name;
        bool done = false;
        bool ok = false;
        QString sentence;
    };

    const CliContext &m_ctx;
    QList<Line> m_lines;
    int m_printed = 0;
    bool m_allReserved = false;
    QNetworkAccessManager *m_network;
    ConnectionCheck *m_check;
    LlmClient *m_llm;
    HomeChatCheck *m_homeCheck;
};
