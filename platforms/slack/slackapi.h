// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

/**
 * @brief One Web API answer: Slack says ok or error in the body, whatever the HTTP status.
 */
struct SlackResult
{
    bool ok = false;
    QJsonObject body;
    QString error; // Slack's error code ("channel_not_found"), or the network's words
    bool passing = false; // network trouble, a 5xx or a 429 still there after the retries: may work later
};

/**
 * @brief Slack's Web API: `POST {api_base}/<method>` with a bearer token and a JSON body; waits
 * out 429 Retry-After (the only error Slack answers with an HTTP status).
 */
class SlackApi : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SlackResult &)>;

    SlackApi(QNetworkAccessManager *network, const QString &apiBase, QObject *parent = nullptr);

    void call(const QString &method, const QString &token, const QJsonObject &params, QObject *context, Callback done,
        int attempt = 0);

    static constexpr int maxRateLimitRetries = 5;

private:
    QNetworkAccessManager *m_network;
    QString m_apiBase;
};
