// SPDX-License-Identifier: GPL-3.0-or-later
#include "telegramapi.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace {
QString networkTrouble(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused"_s;
    case QNetworkReply::RemoteHostClosedError:
        return u"the connection was closed"_s;
    case QNetworkReply::HostNotFoundError:
        return u"host not found"_s;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return u"no answer in time"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS handshake failed"_s;
    default:
        return u"network error %1"_s.arg(int(error));
    }
}
} // namespace

TelegramApi::TelegramApi(QNetworkAccessManager *network, const QString &apiBase, const QString &token, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_apiBase(apiBase.endsWith(u'/') ? apiBase.chopped(1) : apiBase)
    , m_token(token)
{ }

QString TelegramApi::redactedUrl(const QString &method) const
{
    return m_apiBase + u"/bot<token>/"_s + method;
}

void TelegramApi::call(const QString &method, const QJsonObject &params, QObject *context, Callback done, int timeoutMs)
{
    QNetworkRequest request(QUrl(m_apiBase + u"/bot"_s + m_token + u'/' + method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(params).toJson(QJsonDocument::Compact));
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        TelegramResult result;
        if (const auto answer = TelegramResult::fromBody(reply->readAll())) {
            result = *answer;
        } else {
            // A proxy's 502 page, a dropped connection, a timeout: nothing Telegram said.
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // Never errorString(): Qt puts the URL, and with it the token, in there.
            result.description
                = status > 0 ? u"HTTP %1 without a Bot API answer"_s.arg(status) : networkTrouble(reply->error());
        }
        done(result);
    });
}

std::optional<TelegramResult> TelegramResult::fromBody(const QByteArray &body)
{
    const QJsonObject envelope = QJsonDocument::fromJson(body).object();
    if (!envelope.contains("ok"_L1))
        return std::nullopt;
    TelegramResult result;
    result.ok = envelope.value("ok"_L1).toBool();
    result.result = envelope.value("result"_L1);
    result.errorCode = envelope.value("error_code"_L1).toInt();
    result.description = envelope.value("description"_L1).toString();
    const QJsonObject parameters = envelope.value("parameters"_L1).toObject();
    result.retryAfter = parameters.value("retry_after"_L1);
    result.migrateToChatId = parameters.value("migrate_to_chat_id"_L1).toInteger();
    return result;
}
