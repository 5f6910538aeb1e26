// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/platformcatalog.h"

#include <QCoreApplication>

/// Everything Baton knows about Discord in one entry of the platform catalogue: its secrets, its
/// Settings fields, its connection probe and its adapter (registered in platforms/platforms.cpp).
class DiscordPlatform
{
    Q_DECLARE_TR_FUNCTIONS(DiscordPlatform)

public:
    [[nodiscard]] static PlatformCatalog::Descriptor descriptor();
};
