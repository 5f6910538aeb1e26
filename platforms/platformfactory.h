// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settings.h"

class PlatformAdapter;
class QNetworkAccessManager;
class QObject;

namespace PlatformFactory {

/// The adapter for @p platform configured from its baton.ini section and token; nullptr when this
/// build has none for it yet.
[[nodiscard]] PlatformAdapter *create(const QString &platform, const Settings::Platform &config, const QString &token,
    QNetworkAccessManager *network, QObject *parent);

} // namespace PlatformFactory
