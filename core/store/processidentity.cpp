// SPDX-License-Identifier: GPL-3.0-or-later
#include "processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {
QString bootId()
{
    static const QString id = [] {
        QFile file(u"/proc/sys/kernel/random/boot_id"_s);
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
    }();
    return id;
}

/// Field 22 of /proc/<pid>/stat; empty when the process does not exist (or /proc is not there).
QString startTime(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 1).simplified().split(' ');
    constexpr qsizetype startTimeAfterName = 22 - 3; // fields after the name start at field 3
    return fields.size() > startTimeAfterName ? QString::fromLatin1(fields.at(startTimeAfterName)) : QString();
}

// Rows written before identities carried the start time: "<host>/<pid>/<random>".
bool isDeadLegacy(const QStringList &parts)
{
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    return ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}
} // namespace

namespace ProcessIdentity {

QString of(qint64 pid)
{
    const QString started = startTime(pid);
    if (started.isEmpty())
        return {};
    return u"%1/%2/%3/%4"_s.arg(QSysInfo::machineHostName(), bootId()).arg(pid).arg(started);
}

QString current()
{
    static const QString identity = [] {
        const QString known = of(QCoreApplication::applicationPid());
        // Without /proc nothing can be told apart by start time; a random part still names us alone.
        return !known.isEmpty() ? known
                                : u"%1/%2/%3"_s.arg(QSysInfo::machineHostName())
                                      .arg(QCoreApplication::applicationPid())
                                      .arg(qulonglong(QRandomGenerator::global()->generate()), 8, 16, QChar(u'0'));
    }();
    return identity;
}

bool isDead(const QString &identity)
{
    const QStringList parts = identity.split(u'/');
    if (parts.isEmpty() || parts.at(0) != QSysInfo::machineHostName() || identity == current())
        return false;
    if (parts.size() == 3)
        return isDeadLegacy(parts);
    if (parts.size() != 4 || bootId().isEmpty())
        return false;
    if (parts.at(1) != bootId())
        return true; // rebooted since: every process of that boot is gone
    bool ok = false;
    const qint64 pid = parts.at(2).toLongLong(&ok);
    return ok && pid > 0 && of(pid) != identity;
}

} // namespace ProcessIdentity
