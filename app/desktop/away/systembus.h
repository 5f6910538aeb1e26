// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>

namespace SystemBus {
/// The system bus, or the bus BATON_SYSTEM_BUS_ADDRESS names (a test's stand-in logind).
[[nodiscard]] QDBusConnection connection();
/// Where logind lives on connection().
inline constexpr auto logindService = "org.freedesktop.login1";
} // namespace SystemBus
