// SPDX-License-Identifier: GPL-3.0-or-later
#include "homechatcheck.h"

#include "connectioncheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeoutMs = 10'000;
}

HomeChatCheck::HomeChatCheck(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

QNetworkReply *HomeChatCheck::get(const QString &url, const QByteArray &authorization)
{
    QNetworkRequest request { QUrl(url) };
    request.setTransferTimeout(timeoutMs);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return m_network->get(request);
}

void HomeChatCheck::check(
    const QString &platform, const QString &apiBase, const QString &token, const QString &homeChat)
{
    const QString base = ConnectionCheck::withoutSlash(apiBase);
    const QString chat = QString::fromLatin1(QUrl::toPercentEncoding(homeChat));
    QNetworkReply *reply = nullptr;
    if (platform == "telegram"_L1)
        reply = get(base + u"/bot"_s + token + u"/getChat?chat_id="_s + chat, {});
    else if (platform == "discord"_L1)
        reply = get(base + u"/channels/"_s + chat, "Bot " + token.toUtf8());
    else
        reply = get(base + u"/conversations.info?channel="_s + chat, "Bearer " + token.toUtf8());
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, platform, homeChat, token] { answer(reply, platform, homeChat, token); });
}

void HomeChatCheck::answer(QNetworkReply *reply, const QString &platform, const QString &homeChat, const QString &token)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    bool ok = false;
    QString sentence;
    if (status == 0) {
        sentence
            = tr("The home chat %1 could not be checked: %2.").arg(homeChat, ConnectionCheck::networkTrouble(reply));
    } else if (platform == "telegram"_L1) {
        ok = body.value("ok"_L1).toBool();
        sentence = ok ? tr("The home chat %1 (%2) is there.")
                            .arg(homeChat, body.value("result"_L1).toObject().value("title"_L1).toString())
                      : tr("The home chat %1 is not one the bot can use (%2): add the bot to it, or send /sethome "
                           "where handoffs should go.")
                            .arg(homeChat, body.value("description"_L1).toString());
    } else if (platform == "discord"_L1) {
        ok = status == 200;
        sentence = ok ? tr("The home channel #%1 is there.").arg(body.value("name"_L1).toString())
            : status == 403
            ? tr("The bot may not see the home channel %1 (403): give it access to that channel.").arg(homeChat)
            : tr("The home channel %1 does not exist (%2): set home_channel to a channel id, or send /sethome "
                 "there.")
                  .arg(homeChat)
                  .arg(status);
    } else {
        const QJsonObject channel = body.value("channel"_L1).toObject();
        const bool isMember = channel.value("is_member"_L1).toBool() || channel.value("is_im"_L1).toBool();
        ok = body.value("ok"_L1).toBool() && isMember;
        sentence = ok ? tr("The home channel %1 is there and the bot is in it.").arg(homeChat)
            : body.value("ok"_L1).toBool()
            ? tr("The bot is not in the home channel %1: invite it there (/invite @yourbot).").arg(homeChat)
            : tr("The home channel %1 cannot be used (%2): set home_channel to a channel id.")
                  .arg(homeChat, body.value("error"_L1).toString());
    }
    if (token.size() >= 4)
        sentence.replace(token, u"…"_s);
    Q_EMIT finished(platform, ok, sentence);
}
