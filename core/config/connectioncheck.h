// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * @brief Asks the model endpoint and each platform whether Baton can use them, with one sentence
 * for the answer: the Settings page's "Test connection" and `baton doctor` both say exactly this.
 *
 * Model: GET {base_url}/models. Telegram: getMe. Discord: GET /users/@me. Slack: auth.test.
 * Secrets never reach a sentence (an echoed one is blanked), and Qt's error strings, which name
 * the URL and with it Telegram's token, are never used.
 */
class ConnectionCheck : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionCheck(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// finished("model", ...) follows; @p keyError (why no key could be read) joins a failure.
    void checkModel(const QString &baseUrl, const QString &apiKey, const QString &model, const QString &keyError = {});
    /// finished(@p name, ...) follows. @p appTokenMissing: Slack's Socket Mode token is not set.
    void checkPlatform(const QString &name, const QString &apiBase, const QString &token, bool appTokenMissing = false);

    [[nodiscard]] static QString withoutSlash(QString url);
    /// Why @p reply failed on the network, in words without its URL.
    [[nodiscard]] static QString networkTrouble(QNetworkReply *reply);

Q_SIGNALS:
    void finished(const QString &what, bool ok, const QString &sentence);
    /// Who the bot is, before finished() on success: @p userName is its handle (Telegram's for the
    /// t.me link), @p userId its id (Discord's application id for the invite link).
    void identified(const QString &platform, const QString &userName, const QString &userId);

private:
    void finish(const QString &what, bool ok, const QString &sentence, const QString &secret);
    QNetworkReply *send(const QString &url, const QByteArray &authorization, bool post = false);
    void testTelegram(const QString &apiBase, const QString &token);
    void testDiscord(const QString &apiBase, const QString &token);
    void testSlack(const QString &apiBase, const QString &token, bool appTokenMissing);

    QNetworkAccessManager *m_network;
};
