// SPDX-License-Identifier: GPL-3.0-or-later
#include "systembus.h"

using namespace Qt::StringLiterals;

QDBusConnection SystemBus::connection()
{
    const QString address = qEnvironmentVariable("BATON_SYSTEM_BUS_ADDRESS");
    if (address.isEmpty())
        return QDBusConnection::systemBus();
    // Named, so every caller shares one connection to it.
    return QDBusConnection::connectToBus(address, u"baton-system-bus"_s);
}
