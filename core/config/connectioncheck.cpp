// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioncheck.h"

#include "platformcatalog.h"
#include "secretscrubber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
constexpr int testTimeoutMs = 15'000;
} // namespace

QString ConnectionCheck::serverMessage(const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value("error"_L1);
    if (!error.toObject().value("message"_L1).toString().isEmpty())
        return error.toObject().value("message"_L1).toString();
    if (error.isString())
        return error.toString();
    for (const auto key : { "message"_L1, "detail"_L1, "description"_L1 }) {
        if (root.value(key).isString())
            return root.value(key).toString();
    }
    return QString::fromUtf8(body).simplified().left(200);
}

ConnectionCheck::ConnectionCheck(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

QString ConnectionCheck::withoutSlash(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

void ConnectionCheck::finish(const QString &what, bool ok, const QString &sentence, const QString &secret)
{
    // Servers echo what they were sent now and then; a secret never reaches a sentence.
    Q_EMIT finished(what, ok, SecretScrubber::scrub(sentence, secret));
}

QString ConnectionCheck::networkTrouble(QNetworkReply *reply)
{
    // Never errorString(): Qt puts the URL in it, and Telegram's URL holds the token.
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("the connection was refused");
    case QNetworkReply::RemoteHostClosedError:
        return tr("the connection was closed");
    case QNetworkReply::HostNotFoundError:
        return tr("the host was not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("no answer within %1 s").arg(testTimeoutMs / 1000);
    case QNetworkReply::SslHandshakeFailedError:
        return tr("the TLS handshake failed");
    case QNetworkReply::ProtocolUnknownError:
        return tr("the address does not start with http:// or https://");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return tr("the proxy could not be used");
    default:
        return tr("network error %1").arg(int(reply->error()));
    }
}

QNetworkReply *ConnectionCheck::send(
    QNetworkAccessManager *network, const QString &url, const QByteArray &authorization, bool post)
{
    QNetworkRequest request { QUrl(url) };
    request.setTransferTimeout(testTimeoutMs);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!post)
        return network->get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    return network->post(request, QByteArray());
}

void ConnectionCheck::checkPlatform(
    const QString &name, const QString &apiBase, const QString &token, const QStringList &missingSecrets)
{
    const PlatformCatalog::Descriptor *platform = PlatformCatalog::find(name);
    if (!platform || !platform->probe)
        return finish(name, false, tr("This build of Baton has no platform called '%1'.").arg(name), token);
    platform->probe(m_network, { withoutSlash(apiBase), token, missingSecrets, {} }, this,
        [this, name, token](const PlatformCatalog::ProbeAnswer &answer) {
            if (answer.ok)
                Q_EMIT identified(name, answer.userName, answer.userId);
            finish(name, answer.ok, answer.sentence, token);
        });
}
