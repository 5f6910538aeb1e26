// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcatalog.h"

using namespace Qt::StringLiterals;

namespace PlatformCatalog {

namespace {
struct Platform
{
    QLatin1StringView name;
    QLatin1StringView displayName;
    QLatin1StringView apiBase;
    QLatin1StringView homeChatKey;
};

constexpr Platform platforms[] = {
    { "telegram"_L1, "Telegram"_L1, "https://api.telegram.org"_L1, "home_chat"_L1 },
    { "discord"_L1, "Discord"_L1, "https://discord.com/api/v10"_L1, "home_channel"_L1 },
    { "slack"_L1, "Slack"_L1, "https://slack.com/api"_L1, "home_channel"_L1 },
};

const Platform *find(const QString &name)
{
    for (const Platform &p : platforms) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}
} // namespace

QStringList names()
{
    QStringList list;
    for (const Platform &p : platforms)
        list << p.name;
    return list;
}

bool isKnown(const QString &name)
{
    return find(name) != nullptr;
}

QString displayName(const QString &name)
{
    const Platform *p = find(name);
    return p ? QString(p->displayName) : name;
}

QString defaultApiBase(const QString &name)
{
    const Platform *p = find(name);
    return p ? QString(p->apiBase) : QString();
}

QString homeChatKey(const QString &name)
{
    const Platform *p = find(name);
    return p ? QString(p->homeChatKey) : u"home_channel"_s;
}

} // namespace PlatformCatalog
