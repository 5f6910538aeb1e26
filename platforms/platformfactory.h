// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settings.h"

#include <QHash>

class PlatformAdapter;
class QNetworkAccessManager;
class QObject;

namespace PlatformFactory {

/// Puts every platform of this build into the PlatformCatalog; main() calls it first. A new
/// platform is a folder under platforms/ and one line here.
void registerPlatforms();

/// The adapter for @p platform configured from its baton.ini section and its secrets (by their
/// keychain names, PlatformCatalog::secrets()); nullptr when this build has none for it.
[[nodiscard]] PlatformAdapter *create(const QString &platform, const Settings::Platform &config,
    const QHash<QString, QString> &secrets, QNetworkAccessManager *network, QObject *parent);

} // namespace PlatformFactory
