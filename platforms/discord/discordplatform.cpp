// SPDX-License-Identifier: GPL-3.0-or-later
#include "discordplatform.h"

#include "config/connectioncheck.h"
#include "discordadapter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
using PlatformCatalog::ProbeAnswer;

// GET /users/@me: who the bot is.
void probe(QNetworkAccessManager *network, const PlatformCatalog::ProbeRequest &request, QObject *context,
    std::function<void(const ProbeAnswer &)> done)
{
    QNetworkReply *reply
        = ConnectionCheck::send(network, request.apiBase + u"/users/@me"_s, "Bot " + request.token.toUtf8());
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject user = QJsonDocument::fromJson(body).object();
        if (status == 200 && user.contains("username"_L1)) {
            const QString name = user.value("username"_L1).toString();
            return done(
                { true, DiscordPlatform::tr("Connected as %1.").arg(name), name, user.value("id"_L1).toString() });
        }
        if (status == 401)
            return done(ProbeAnswer::failure(DiscordPlatform::tr(
                "Discord rejected the bot token (401). Set it with `baton secret set discord.token`.")));
        if (status > 0)
            return done(ProbeAnswer::failure(
                DiscordPlatform::tr("Discord answered %1: %2.").arg(status).arg(ConnectionCheck::serverMessage(body))));
        done(ProbeAnswer::failure(
            DiscordPlatform::tr("Discord could not be reached: %1.").arg(ConnectionCheck::networkTrouble(reply))));
    });
}

// GET /channels/{id}: the home channel exists and the bot may see it.
ProbeAnswer homeAnswer(int status, const QJsonObject &body, const QString &homeChat)
{
    if (status == 200)
        return { true, DiscordPlatform::tr("The home channel #%1 is there.").arg(body.value("name"_L1).toString()), {},
            {} };
    if (status == 403)
        return ProbeAnswer::failure(
            DiscordPlatform::tr("The bot may not see the home channel %1 (403): give it access to that channel.")
                .arg(homeChat));
    return ProbeAnswer::failure(DiscordPlatform::tr("The home channel %1 does not exist (%2): set home_channel to a "
                                                    "channel id, or send /sethome there.")
                                    .arg(homeChat)
                                    .arg(status));
}
} // namespace

PlatformCatalog::Descriptor DiscordPlatform::descriptor()
{
    PlatformCatalog::Descriptor d;
    d.name = u"discord"_s;
    d.displayName = u"Discord"_s;
    d.defaultApiBase = u"https://discord.com/api/v10"_s;
    d.homeChatKey = u"home_channel"_s;
    d.secrets = { u"discord.token"_s };
    d.fields = [] {
        return QList<PlatformCatalog::Field> {
            { u"token"_s, u"discord.token"_s, tr("Bot token"),
                tr("From the Developer Portal, under Bot. Kept in the system keychain as discord.token.") },
            { u"home"_s, {}, tr("Home channel"),
                tr("Where handoffs go: a channel id (Developer Mode, then Copy Channel ID).") },
            { u"users"_s, {}, tr("Allowed users"),
                tr("Numeric user ids, comma-separated. Anyone else can ask for a pairing code.") },
        };
    };
    d.probe = probe;
    d.homeRequest = [](QNetworkAccessManager *network, const PlatformCatalog::ProbeRequest &request) {
        return ConnectionCheck::send(network,
            request.apiBase + u"/channels/"_s + QString::fromLatin1(QUrl::toPercentEncoding(request.homeChat)),
            "Bot " + request.token.toUtf8());
    };
    d.homeAnswer = homeAnswer;
    d.createAdapter = [](const Settings::Platform &config, const QHash<QString, QString> &secrets,
                          QNetworkAccessManager *network, QObject *parent) -> PlatformAdapter * {
        DiscordAdapter::Options options;
        options.apiBase = config.apiBase;
        options.gatewayUrl = config.gatewayUrl;
        options.token = secrets.value(u"discord.token"_s);
        return new DiscordAdapter(network, options, parent);
    };
    return d;
}
