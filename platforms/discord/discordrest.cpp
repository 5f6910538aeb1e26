// SPDX-License-Identifier: GPL-3.0-or-later
#include "discordrest.h"

#include "batonversion.h"
#include "net/serverwait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

QString DiscordResult::describe() const
{
    if (status == 0)
        return message;
    return code != 0 ? u"%1 (%2, code %3)"_s.arg(message).arg(status).arg(code) : u"%1 (%2)"_s.arg(message).arg(status);
}

DiscordRest::DiscordRest(QNetworkAccessManager *network, const QString &apiBase, const QString &token, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_apiBase(apiBase.endsWith(u'/') ? apiBase.chopped(1) : apiBase)
    , m_authorization("Bot " + token.toUtf8())
{ }

QString DiscordRest::routeOf(const QByteArray &verb, const QString &path)
{
    // Buckets follow the route with its major parameter (the channel) and other ids blanked.
    static const QRegularExpression minorIds(u"(/messages|/threads)/\\d+"_s);
    QString route = path.section(u'?', 0, 0); // the query never changes the bucket
    route.replace(minorIds, u"\\1/:id"_s);
    return QString::fromLatin1(verb) + u' ' + route;
}

void DiscordRest::request(
    const QByteArray &verb, const QString &path, const QJsonValue &body, QObject *context, Callback done)
{
    auto pending = std::make_shared<Pending>(Pending { verb, path, body, context, std::move(done), 0 });
    send(pending);
}

void DiscordRest::later(const std::shared_ptr<Pending> &pending, qint64 ms)
{
    // Every wait recorded here went through ServerWait: it fits a timer.
    const auto wait = std::clamp(std::chrono::milliseconds(ms), std::chrono::milliseconds(1), ServerWait::ceiling);
    QTimer::singleShot(wait, this, [this, pending] { send(pending); });
}

void DiscordRest::finish(const std::shared_ptr<Pending> &pending, const DiscordResult &result)
{
    if (pending->context)
        pending->done(result);
}

void DiscordRest::send(const std::shared_ptr<Pending> &pending)
{
    if (!pending->context)
        return;
    // Wait out a global limit or this route's empty bucket instead of earning a 429.
    if (!m_globalUntil.hasExpired())
        return later(pending, m_globalUntil.remainingTime());
    const QString route = routeOf(pending->verb, pending->path);
    const QString bucket = m_bucketOfRoute.value(route);
    if (const auto empty = m_bucketEmptyUntil.constFind(bucket);
        !bucket.isEmpty() && empty != m_bucketEmptyUntil.constEnd() && !empty->hasExpired())
        return later(pending, empty->remainingTime());

    QNetworkRequest request(QUrl(m_apiBase + pending->path));
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("User-Agent", "DiscordBot (https://github.com/baton-app/baton, " BATON_VERSION_STRING ")");
    request.setTransferTimeout(30'000);
    QByteArray payload;
    if (!pending->body.isNull() && !pending->body.isUndefined()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        payload = pending->body.isArray() ? QJsonDocument(pending->body.toArray()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(pending->body.toObject()).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(request, pending->verb, payload);
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, pending, route] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bucket = reply->rawHeader("X-RateLimit-Bucket");
        if (!bucket.isEmpty()) {
            m_bucketOfRoute.insert(route, QString::fromLatin1(bucket));
            const ServerWait::Wait reset = ServerWait::fromText(reply->rawHeader("X-RateLimit-Reset-After"));
            // An absurd reset is not recorded: the request after it earns a 429 that says more.
            if (reply->rawHeader("X-RateLimit-Remaining") == "0" && !reset.tooLong)
                m_bucketEmptyUntil.insert(QString::fromLatin1(bucket), QDeadlineTimer(reset.delay));
        }
        const QByteArray data = reply->readAll();
        const QJsonDocument document = QJsonDocument::fromJson(data);
        DiscordResult result;
        if (status == 429) {
            // The body's float is more precise than the header's whole seconds.
            const QJsonObject limit = document.object();
            const ServerWait::Wait wait = limit.contains("retry_after"_L1)
                ? ServerWait::fromJson(limit.value("retry_after"_L1))
                : ServerWait::fromText(reply->rawHeader("Retry-After"));
            if (wait.tooLong) {
                // Not recorded as a global limit either: every later call would wait with it.
                result.status = status;
                result.message
                    = tr("Discord asked to wait %1 s, longer than Baton waits (%2 minutes)")
                          .arg(limit.value("retry_after"_L1).toVariant().toString())
                          .arg(std::chrono::duration_cast<std::chrono::minutes>(ServerWait::ceiling).count());
                return finish(pending, result);
            }
            if (pending->attempts < maxRateLimitRetries) {
                if (limit.value("global"_L1).toBool() || reply->rawHeader("X-RateLimit-Global") == "true")
                    m_globalUntil = QDeadlineTimer(wait.delay);
                ++pending->attempts;
                return later(pending, wait.delay.count());
            }
        }
        result.status = status;
        result.ok = status >= 200 && status < 300;
        result.passing = status == 0 || status == 429 || status >= 500;
        result.body = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        if (!result.ok) {
            const QJsonObject error = document.object();
            result.code = error.value("code"_L1).toInt();
            // Never errorString(): it is about the URL, and says nothing Discord did not.
            result.message = status == 0 ? u"Discord could not be reached (network error %1)"_s.arg(int(reply->error()))
                : error.contains("message"_L1) ? error.value("message"_L1).toString()
                                               : u"HTTP %1"_s.arg(status);
        }
        finish(pending, result);
    });
}
