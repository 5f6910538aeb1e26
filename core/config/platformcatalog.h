// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/**
 * @brief The messaging platforms Baton knows, by the names used in config sections and commands.
 */
namespace PlatformCatalog {

[[nodiscard]] QStringList names();
[[nodiscard]] bool isKnown(const QString &name);
/// "Telegram" for "telegram": the name people read.
[[nodiscard]] QString displayName(const QString &name);
/// Where the platform's API lives unless [<name>] api_base says otherwise.
[[nodiscard]] QString defaultApiBase(const QString &name);
/// The baton.ini key of the platform's home chat: home_chat on Telegram, home_channel elsewhere.
[[nodiscard]] QString homeChatKey(const QString &name);

} // namespace PlatformCatalog
