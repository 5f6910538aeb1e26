// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/platformcatalog.h"

#include <QCoreApplication>

/// Everything Baton knows about Slack in one entry of the platform catalogue: its secrets, its
/// Settings fields, its connection probe and its adapter (registered in platforms/platforms.cpp).
class SlackPlatform
{
    Q_DECLARE_TR_FUNCTIONS(SlackPlatform)

public:
    [[nodiscard]] static PlatformCatalog::Descriptor descriptor();
};
