// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonversion.h"
#include "cli/commandline.h"
#include "platformfactory.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"baton"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION_STRING));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine commandLine(out, err, &PlatformFactory::create);
    QObject::connect(&commandLine, &CommandLine::finished, &app, [](int status) { QCoreApplication::exit(status); });
    // Started from the event loop, so a command that finishes at once still reaches exit().
    QTimer::singleShot(0, &commandLine, [&commandLine] { commandLine.start(QCoreApplication::arguments()); });
    return app.exec();
}
