// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcatalog.h"

using namespace Qt::StringLiterals;

namespace PlatformCatalog {

QStringList names()
{
    return { u"telegram"_s, u"discord"_s, u"slack"_s };
}

bool isKnown(const QString &name)
{
    return names().contains(name);
}

QString displayName(const QString &name)
{
    if (name == "telegram"_L1)
        return u"Telegram"_s;
    if (name == "discord"_L1)
        return u"Discord"_s;
    if (name == "slack"_L1)
        return u"Slack"_s;
    return name;
}

} // namespace PlatformCatalog
