// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settings.h"

#include <QHash>

class PlatformAdapter;
class QNetworkAccessManager;
class QObject;

namespace PlatformFactory {

/// The adapter for @p platform configured from its baton.ini section and its secrets (keychain
/// names: telegram.token, discord.token, slack.bot_token and slack.app_token); nullptr when this
/// build has none for it.
[[nodiscard]] PlatformAdapter *create(const QString &platform, const Settings::Platform &config,
    const QHash<QString, QString> &secrets, QNetworkAccessManager *network, QObject *parent);

} // namespace PlatformFactory
