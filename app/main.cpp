// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonversion.h"
#include "cli/commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"baton"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION_STRING));

    QTextStream out(stdout);
    QTextStream err(stderr);
    return CommandLine(out, err).run(QCoreApplication::arguments());
}
