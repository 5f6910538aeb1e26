// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/platformcatalog.h"

#include <QCoreApplication>

/// Everything Baton knows about Telegram in one entry of the platform catalogue: its secrets, its
/// Settings fields, its connection probe and its adapter (registered in platforms/platforms.cpp).
class TelegramPlatform
{
    Q_DECLARE_TR_FUNCTIONS(TelegramPlatform)

public:
    [[nodiscard]] static PlatformCatalog::Descriptor descriptor();
};
