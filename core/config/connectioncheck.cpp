// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioncheck.h"

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

// The error message of an OpenAI-compatible server, or the start of whatever it sent.
QString serverMessage(const QByteArray &body)
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
} // namespace

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

QNetworkReply *ConnectionCheck::send(const QString &url, const QByteArray &authorization, bool post)
{
    QNetworkRequest request { QUrl(url) };
    request.setTransferTimeout(testTimeoutMs);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!post)
        return m_network->get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    return m_network->post(request, QByteArray());
}

void ConnectionCheck::checkModel(
    const QString &baseUrl, const QString &key, const QString &wanted, const QString &keyError)
{
    const QString what = u"model"_s;
    const QString base = withoutSlash(baseUrl.trimmed());
    const QUrl parsed(base);
    if (!parsed.isValid() || parsed.host().isEmpty() || (parsed.scheme() != "http"_L1 && parsed.scheme() != "https"_L1))
        return finish(what, false,
            tr("The model endpoint must be an http:// or https:// address, like http://127.0.0.1:11434/v1."), {});
    const QString endpoint = parsed.toString(QUrl::RemoveUserInfo);
    QNetworkReply *reply = send(base + u"/models"_s, key.isEmpty() ? QByteArray() : "Bearer " + key.toUtf8());
    connect(reply, &QNetworkReply::finished, this, [this, reply, what, wanted, endpoint, key, keyError] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        QString message = serverMessage(body);
        if (message.isEmpty())
            message = tr("no details");
        QString sentence;
        bool ok = false;
        if (status == 0) {
            sentence = tr("Cannot reach the model endpoint at %1: %2. Is the server running?")
                           .arg(endpoint, networkTrouble(reply));
        } else if (status == 401 || status == 403) {
            sentence = key.isEmpty() ? tr("The model endpoint wants an API key (%1): %2.").arg(status).arg(message)
                                     : tr("The model endpoint rejected the API key (%1): %2.").arg(status).arg(message);
        } else if (status == 404) {
            sentence = tr("The model endpoint at %1 answered 404 (%2). Check the address: it usually ends in /v1.")
                           .arg(endpoint, message);
        } else if (status < 200 || status > 299) {
            sentence = tr("The model endpoint answered %1: %2.").arg(status).arg(message);
        } else {
            const QJsonValue data = QJsonDocument::fromJson(body).object().value("data"_L1);
            if (!data.isArray()) {
                sentence = tr("The model endpoint at %1 answered, but not with a list of models. Check the "
                              "address: it usually ends in /v1.")
                               .arg(endpoint);
            } else {
                QStringList ids;
                for (const QJsonValue &entry : data.toArray())
                    ids << entry.toObject().value("id"_L1).toString();
                const QString count = ids.size() == 1 ? tr("1 model") : tr("%1 models").arg(ids.size());
                ok = true;
                sentence = wanted.isEmpty() || ids.contains(wanted)
                    ? tr("The model endpoint answered: %1 available.").arg(count)
                    : tr("The model endpoint answered: %1 available, but none is called '%2'.").arg(count, wanted);
            }
        }
        if (!ok && !keyError.isEmpty())
            sentence += u' ' + keyError;
        finish(what, ok, sentence, key);
    });
}

void ConnectionCheck::checkPlatform(
    const QString &name, const QString &apiBase, const QString &token, bool appTokenMissing)
{
    const QString base = withoutSlash(apiBase);
    if (name == "telegram"_L1)
        return testTelegram(base, token);
    if (name == "discord"_L1)
        return testDiscord(base, token);
    testSlack(base, token, appTokenMissing);
}

void ConnectionCheck::testTelegram(const QString &apiBase, const QString &token)
{
    QNetworkReply *reply = send(apiBase + u"/bot"_s + token + u"/getMe"_s, {});
    connect(reply, &QNetworkReply::finished, this, [this, reply, token] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject envelope = QJsonDocument::fromJson(reply->readAll()).object();
        const QString what = u"telegram"_s;
        if (envelope.value("ok"_L1).toBool()) {
            const QJsonObject bot = envelope.value("result"_L1).toObject();
            const QString user = bot.value("username"_L1).toString();
            Q_EMIT identified(what, user, QString::number(bot.value("id"_L1).toInteger()));
            return finish(what, true, tr("Connected as @%1.").arg(user), token);
        }
        const int code = envelope.value("error_code"_L1).toInt(status);
        if (envelope.contains("ok"_L1) && (code == 401 || code == 404))
            return finish(what, false,
                tr("Telegram rejected the bot token (%1). Set it with `baton secret set telegram.token`.").arg(code),
                token);
        if (envelope.contains("ok"_L1))
            return finish(what, false,
                tr("Telegram answered %1: %2.").arg(code).arg(envelope.value("description"_L1).toString()), token);
        if (status > 0)
            return finish(what, false,
                tr("Telegram answered HTTP %1 without a Bot API answer. Check api_base in baton.ini.").arg(status),
                token);
        finish(what, false, tr("Telegram could not be reached: %1.").arg(networkTrouble(reply)), token);
    });
}

void ConnectionCheck::testDiscord(const QString &apiBase, const QString &token)
{
    QNetworkReply *reply = send(apiBase + u"/users/@me"_s, "Bot " + token.toUtf8());
    connect(reply, &QNetworkReply::finished, this, [this, reply, token] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject user = QJsonDocument::fromJson(body).object();
        const QString what = u"discord"_s;
        if (status == 200 && user.contains("username"_L1)) {
            Q_EMIT identified(what, user.value("username"_L1).toString(), user.value("id"_L1).toString());
            return finish(what, true, tr("Connected as %1.").arg(user.value("username"_L1).toString()), token);
        }
        if (status == 401)
            return finish(what, false,
                tr("Discord rejected the bot token (401). Set it with `baton secret set discord.token`."), token);
        if (status > 0)
            return finish(what, false, tr("Discord answered %1: %2.").arg(status).arg(serverMessage(body)), token);
        finish(what, false, tr("Discord could not be reached: %1.").arg(networkTrouble(reply)), token);
    });
}

void ConnectionCheck::testSlack(const QString &apiBase, const QString &token, bool appTokenMissing)
{
    QNetworkReply *reply = send(apiBase + u"/auth.test"_s, "Bearer " + token.toUtf8(), true);
    connect(reply, &QNetworkReply::finished, this, [this, reply, token, appTokenMissing] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QString what = u"slack"_s;
        const QString error = body.value("error"_L1).toString();
        if (body.value("ok"_L1).toBool()) {
            const QString team = body.value("team"_L1).toString();
            const QString user = body.value("user"_L1).toString();
            Q_EMIT identified(what, user, body.value("user_id"_L1).toString());
            if (appTokenMissing)
                return finish(what, true,
                    tr("Connected to %1 as @%2, but no app token is set: Socket Mode needs one.").arg(team, user),
                    token);
            return finish(what, true, tr("Connected to %1 as @%2.").arg(team, user), token);
        }
        if (error == "invalid_auth"_L1 || error == "not_authed"_L1 || error == "account_inactive"_L1)
            return finish(what, false,
                tr("Slack rejected the bot token (%1). Set it with `baton secret set slack.bot_token`.").arg(error),
                token);
        if (!error.isEmpty())
            return finish(what, false, tr("Slack answered: %1.").arg(error), token);
        if (status > 0)
            return finish(what, false,
                tr("Slack answered HTTP %1 without a Web API answer. Check api_base in baton.ini.").arg(status), token);
        finish(what, false, tr("Slack could not be reached: %1.").arg(networkTrouble(reply)), token);
    });
}
