// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

/**
 * @brief Baton's secrets: the OS keychain (service "baton") with environment variables winning over it.
 *
 * Keychain access is asynchronous; each call answers with exactly one signal. Values never reach a
 * log line or an error sentence.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QObject *parent = nullptr);

    /// llm.api_key and every platform's secrets (telegram.token, ..., slack.app_token): PlatformCatalog::secrets().
    [[nodiscard]] static QStringList names();
    /// BATON_TELEGRAM_TOKEN for telegram.token; empty for an unknown name.
    [[nodiscard]] static QString environmentVariable(const QString &name);

    /// Answers with readFinished; the environment variable, if set, wins without touching the keychain.
    void read(const QString &name);
    /// Answers with writeFinished.
    void write(const QString &name, const QString &value);
    /// Answers with removeFinished; removing a missing entry is not an error (@p existed is false).
    void remove(const QString &name);

    static const QString service;

Q_SIGNALS:
    /// @p error is empty on success; @p value is empty when the secret is not set anywhere.
    void readFinished(const QString &name, const QString &value, const QString &error);
    void writeFinished(const QString &name, const QString &error);
    void removeFinished(const QString &name, bool existed, const QString &error);
};
