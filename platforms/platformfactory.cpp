// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformfactory.h"

#include "discord/discordadapter.h"
#include "slack/slackadapter.h"
#include "telegram/telegramadapter.h"

using namespace Qt::StringLiterals;

namespace PlatformFactory {

PlatformAdapter *create(const QString &platform, const Settings::Platform &config,
    const QHash<QString, QString> &secrets, QNetworkAccessManager *network, QObject *parent)
{
    if (platform == "telegram"_L1) {
        TelegramAdapter::Options options;
        options.apiBase = config.apiBase;
        options.token = secrets.value(u"telegram.token"_s);
        // Tests and demos shorten the long poll so that a stopping gateway is not kept waiting.
        if (const int timeout = qEnvironmentVariableIntValue("BATON_TELEGRAM_POLL_TIMEOUT_S"); timeout > 0)
            options.pollTimeoutS = timeout;
        return new TelegramAdapter(network, options, parent);
    }
    if (platform == "discord"_L1) {
        DiscordAdapter::Options options;
        options.apiBase = config.apiBase;
        options.gatewayUrl = config.gatewayUrl;
        options.token = secrets.value(u"discord.token"_s);
        return new DiscordAdapter(network, options, parent);
    }
    if (platform == "slack"_L1) {
        SlackAdapter::Options options;
        options.apiBase = config.apiBase;
        options.botToken = secrets.value(u"slack.bot_token"_s);
        options.appToken = secrets.value(u"slack.app_token"_s);
        return new SlackAdapter(network, options, parent);
    }
    return nullptr;
}

} // namespace PlatformFactory
