// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * @brief Asks a platform whether Baton can use it, with one sentence for the answer: the Settings
 * page's "Test connection", the guided setup, `baton pair` and `baton doctor` all say exactly this
 * (the model endpoint is asked through LlmClient::listModels()).
 *
 * Each platform's probe is part of its catalogue entry (PlatformCatalog::Descriptor::probe).
 * Secrets never reach a sentence (an echoed one is blanked), and Qt's error strings, which name
 * the URL and with it Telegram's token, are never used.
 */
class ConnectionCheck : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionCheck(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// finished(@p name, ...) follows. @p missingSecrets: the platform's other secrets that are not
    /// set (Slack's Socket Mode token), which its probe may mention.
    void checkPlatform(
        const QString &name, const QString &apiBase, const QString &token, const QStringList &missingSecrets = {});

    [[nodiscard]] static QString withoutSlash(QString url);
    /// Why @p reply failed on the network, in words without its URL.
    [[nodiscard]] static QString networkTrouble(QNetworkReply *reply);
    /// The error message of a JSON answer (OpenAI's error.message, message, detail, description),
    /// or the start of whatever the server sent.
    [[nodiscard]] static QString serverMessage(const QByteArray &body);
    /// A probe's request: GET, or an empty form POST, with the test's timeout.
    [[nodiscard]] static QNetworkReply *send(
        QNetworkAccessManager *network, const QString &url, const QByteArray &authorization, bool post = false);

Q_SIGNALS:
    void finished(const QString &what, bool ok, const QString &sentence);
    /// Who the bot is, before finished() on success: @p userName is its handle (Telegram's for the
    /// t.me link), @p userId its id (Discord's application id for the invite link).
    void identified(const QString &platform, const QString &userName, const QString &userId);

private:
    void finish(const QString &what, bool ok, const QString &sentence, const QString &secret);

    QNetworkAccessManager *m_network;
};
