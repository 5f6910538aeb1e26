// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

/**
 * @brief One REST answer from Discord, already read.
 */
struct DiscordResult
{
    bool ok = false;
    int status = 0; // HTTP status; 0 when the network failed
    QJsonValue body;
    int code = 0; // Discord's JSON error code
    QString message; // Discord's words, or the network's
    bool passing = false; // network trouble, a 5xx or a 429 still there after the retries: may work later

    [[nodiscard]] QString describe() const;
};

/**
 * @brief Discord's REST API with `Authorization: Bot`, honouring the per-bucket rate limits its
 * headers announce and the 429s it answers (float retry_after, the global flag). 401 and 403 are
 * never retried: ten thousand invalid requests in ten minutes ban the address.
 */
class DiscordRest : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const DiscordResult &)>;

    DiscordRest(
        QNetworkAccessManager *network, const QString &apiBase, const QString &token, QObject *parent = nullptr);

    /// @p verb GET/POST/PATCH; @p path like "/channels/123/messages"; @p done runs once unless @p context is gone.
    void request(const QByteArray &verb, const QString &path, const QJsonValue &body, QObject *context, Callback done);

    static constexpr int maxRateLimitRetries = 5;

private:
    struct Pending
    {
        QByteArray verb;
        QString path;
        QJsonValue body;
        QPointer<QObject> context;
        Callback done;
        int attempts = 0;
    };
    void send(const std::shared_ptr<Pending> &pending);
    void later(const std::shared_ptr<Pending> &pending, qint64 ms);
    void finish(const std::shared_ptr<Pending> &pending, const DiscordResult &result);
    [[nodiscard]] static QString routeOf(const QByteArray &verb, const QString &path);

    QNetworkAccessManager *m_network;
    QString m_apiBase;
    QByteArray m_authorization;
    QHash<QString, QString> m_bucketOfRoute;
    QHash<QString, QDeadlineTimer> m_bucketEmptyUntil; // a bucket with nothing left until then
    QDeadlineTimer m_globalUntil { QDeadlineTimer(0) };
};
