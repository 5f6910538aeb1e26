// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformcatalog.h"

#include <QMutex>

#include <deque>

using namespace Qt::StringLiterals;

namespace PlatformCatalog {

namespace {
// Filled once at start, before any thread reads it; a deque keeps find()'s pointers valid anyway.
QMutex &mutex()
{
    static QMutex m;
    return m;
}
std::deque<Descriptor> &registered()
{
    static std::deque<Descriptor> platforms;
    return platforms;
}
} // namespace

void add(const Descriptor &platform)
{
    const QMutexLocker lock(&mutex());
    for (const Descriptor &p : std::as_const(registered())) {
        if (p.name == platform.name)
            return;
    }
    registered().push_back(platform);
}

const Descriptor *find(const QString &name)
{
    const QMutexLocker lock(&mutex());
    for (const Descriptor &p : std::as_const(registered())) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QList<Descriptor> all()
{
    const QMutexLocker lock(&mutex());
    return QList<Descriptor>(registered().cbegin(), registered().cend());
}

QStringList names()
{
    QStringList list;
    for (const Descriptor &p : all())
        list << p.name;
    return list;
}

bool isKnown(const QString &name)
{
    return find(name) != nullptr;
}

QString displayName(const QString &name)
{
    const Descriptor *p = find(name);
    return p ? p->displayName : name;
}

QString defaultApiBase(const QString &name)
{
    const Descriptor *p = find(name);
    return p ? p->defaultApiBase : QString();
}

QString homeChatKey(const QString &name)
{
    const Descriptor *p = find(name);
    return p ? p->homeChatKey : u"home_channel"_s;
}

QStringList secrets(const QString &name)
{
    const Descriptor *p = find(name);
    return p ? p->secrets : QStringList();
}

} // namespace PlatformCatalog
