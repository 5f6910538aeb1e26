// SPDX-License-Identifier: GPL-3.0-or-later
#include "setuplinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace SetupLinks {

QString createBotUrl(const QString &platform)
{
    if (platform == "telegram"_L1)
        return u"https://t.me/BotFather"_s;
    if (platform == "discord"_L1)
        return u"https://discord.com/developers/applications"_s;
    if (platform == "slack"_L1)
        return u"https://api.slack.com/apps?new_app=1"_s;
    return {};
}

QString telegramDeepLink(const QString &botUserName, const QString &code)
{
    QUrl url(u"https://t.me/"_s + botUserName);
    url.setQuery(QUrlQuery { { u"start"_s, code } });
    return url.toString(QUrl::FullyEncoded);
}

QString discordInviteUrl(const QString &applicationId)
{
    QUrl url(u"https://discord.com/oauth2/authorize"_s);
    url.setQuery(QUrlQuery { { u"client_id"_s, applicationId }, { u"scope"_s, u"bot"_s },
        { u"permissions"_s, QString::number(discordPermissions) } });
    return url.toString(QUrl::FullyEncoded);
}

QString slackManifest()
{
    const QJsonObject manifest {
        { u"display_information"_s, QJsonObject { { u"name"_s, u"Baton"_s } } },
        { u"features"_s,
            QJsonObject {
                { u"bot_user"_s, QJsonObject { { u"display_name"_s, u"Baton"_s }, { u"always_online"_s, true } } },
                { u"app_home"_s,
                    QJsonObject {
                        { u"messages_tab_enabled"_s, true }, { u"messages_tab_read_only_enabled"_s, false } } } } },
        { u"oauth_config"_s,
            QJsonObject { { u"scopes"_s,
                QJsonObject { { u"bot"_s,
                    QJsonArray {
                        u"chat:write"_s, u"channels:history"_s, u"groups:history"_s, u"im:history"_s } } } } } },
        { u"settings"_s,
            QJsonObject { { u"event_subscriptions"_s,
                              QJsonObject { { u"bot_events"_s,
                                  QJsonArray { u"message.channels"_s, u"message.groups"_s, u"message.im"_s } } } },
                { u"socket_mode_enabled"_s, true } } },
    };
    return QString::fromUtf8(QJsonDocument(manifest).toJson(QJsonDocument::Indented));
}

} // namespace SetupLinks
