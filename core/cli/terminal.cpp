// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Terminal {

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

std::optional<QString> readSecret(const QString &prompt)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    if (!stdinIsTerminal()) {
        QByteArray all = in.readAll();
        while (all.endsWith('\n') || all.endsWith('\r'))
            all.chop(1);
        return QString::fromUtf8(all);
    }

    fputs(prompt.toLocal8Bit().constData(), stderr);
    fflush(stderr);
    termios saved {};
    const bool hidden = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hidden) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line = in.readLine();
    if (hidden)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    fputs("\n", stderr);
    if (line.isEmpty())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace Terminal
