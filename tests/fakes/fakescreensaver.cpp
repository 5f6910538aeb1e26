// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakescreensaver.h"

#include <QDBusMessage>

using namespace Qt::StringLiterals;

namespace {
const QString service = u"org.freedesktop.ScreenSaver"_s;
const QString path = u"/org/freedesktop/ScreenSaver"_s;
} // namespace

FakeScreenSaver::FakeScreenSaver(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{ }

FakeScreenSaver::~FakeScreenSaver()
{
    unregisterService();
}

bool FakeScreenSaver::registerService()
{
    return m_bus.registerObject(path, this, QDBusConnection::ExportScriptableSlots) && m_bus.registerService(service);
}

void FakeScreenSaver::unregisterService()
{
    m_bus.unregisterService(service);
    m_bus.unregisterObject(path);
}

void FakeScreenSaver::setActive(bool active)
{
    m_active = active;
    QDBusMessage signal = QDBusMessage::createSignal(path, service, u"ActiveChanged"_s);
    signal << active;
    m_bus.send(signal);
}
