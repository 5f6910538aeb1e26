// SPDX-License-Identifier: GPL-3.0-or-later
#include "processidentity.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QStringList>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace ProcessIdentity {

QString current()
{
    // The random part tells a reused pid from the process that held it before.
    static const QString identity = u"%1/%2/%3"_s.arg(QSysInfo::machineHostName())
                                        .arg(QCoreApplication::applicationPid())
                                        .arg(qulonglong(QRandomGenerator::global()->generate()), 8, 16, QChar(u'0'));
    return identity;
}

bool isDead(const QString &identity)
{
    const QStringList parts = identity.split(u'/');
    if (parts.size() != 3 || parts.at(0) != QSysInfo::machineHostName() || identity == current())
        return false;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    return ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace ProcessIdentity
