// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffvalidation.h"

#include "config/platformcatalog.h"
#include "config/settings.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace HandoffValidation {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("HandoffValidation", text);
}
} // namespace

Verdict check(const Settings &settings, const QString &platform)
{
    const QString choices = PlatformCatalog::names().join(u", "_s);
    if (platform.trimmed().isEmpty())
        return { false, tr("Name the platform to hand off to: %1.").arg(choices) };
    if (!PlatformCatalog::isKnown(platform))
        return { false, tr("Unknown platform '%1'; choose one of %2.").arg(platform, choices) };
    const QString name = PlatformCatalog::displayName(platform);
    const Settings::Platform config = settings.platform(platform);
    if (!config.enabled)
        return { false,
            tr("%1 is not enabled. Set enabled=true under [%2] in %3.").arg(name, platform, settings.fileName()) };
    if (config.homeChat.isEmpty())
        return { false,
            tr("%1 has no home channel. Set one with /sethome in the destination chat, or set %2 under [%3] in %4.")
                .arg(name, PlatformCatalog::homeChatKey(platform), platform, settings.fileName()) };
    return { true, {} };
}

} // namespace HandoffValidation
