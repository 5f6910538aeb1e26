// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformfactory.h"

#include "config/platformcatalog.h"
#include "discord/discordplatform.h"
#include "slack/slackplatform.h"
#include "telegram/telegramplatform.h"

namespace PlatformFactory {

void registerPlatforms()
{
    // The order of the Settings pages, `baton doctor` and the handoff menu.
    PlatformCatalog::add(TelegramPlatform::descriptor());
    PlatformCatalog::add(DiscordPlatform::descriptor());
    PlatformCatalog::add(SlackPlatform::descriptor());
}

PlatformAdapter *create(const QString &platform, const Settings::Platform &config,
    const QHash<QString, QString> &secrets, QNetworkAccessManager *network, QObject *parent)
{
    const PlatformCatalog::Descriptor *descriptor = PlatformCatalog::find(platform);
    return descriptor && descriptor->createAdapter ? descriptor->createAdapter(config, secrets, network, parent)
                                                   : nullptr;
}

} // namespace PlatformFactory
