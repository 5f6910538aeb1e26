// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

/**
 * @brief One Bot API call's answer: the ok/result envelope, or what went wrong, already read.
 */
struct TelegramResult
{
    bool ok = false;
    QJsonValue result;
    int errorCode = 0; // the API's error_code; 0 for network trouble or an unreadable body
    QString description; // the API's words, or the network's
    QJsonValue retryAfter; // parameters.retry_after as sent: read it only through ServerWait
    qint64 migrateToChatId = 0;

    [[nodiscard]] bool networkTrouble() const { return !ok && errorCode == 0; }

    /// The Bot API's ok/result envelope in @p body; nullopt when the body holds none (a proxy's
    /// error page, a cut connection).
    [[nodiscard]] static std::optional<TelegramResult> fromBody(const QByteArray &body);
};

/**
 * @brief Calls `{api_base}/bot<token>/<method>` with a JSON body. The token is in every URL, so no
 * URL from here is ever logged; redactedUrl() is the one to show.
 */
class TelegramApi : public QObject
{
    Q_OBJECT

public:
    TelegramApi(
        QNetworkAccessManager *network, const QString &apiBase, const QString &token, QObject *parent = nullptr);

    using Callback = std::function<void(const TelegramResult &)>;
    /// Calls @p method; @p done runs once, from the event loop, unless @p context is gone by then.
    void call(
        const QString &method, const QJsonObject &params, QObject *context, Callback done, int timeoutMs = 30'000);
    [[nodiscard]] QString redactedUrl(const QString &method) const;

private:
    QNetworkAccessManager *m_network;
    QString m_apiBase;
    QString m_token;
};
