// SPDX-License-Identifier: GPL-3.0-or-later
// baton-headless: `--no-gui` and every subcommand, linked against Qt Core, Network and Sql only,
// so a server runs the gateway without installing or mapping a GUI library.
#include "batonversion.h"
#include "cli/commandline.h"
#include "cli/interruptnotifier.h"
#include "config/secretscrubber.h"
#include "config/translations.h"
#include "platformfactory.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Conversations, pairing codes and sockets are the owner's alone: whatever Baton creates is 0600/0700.
    ::umask(077);
    // systemd may stop a service the moment it started: that stop must reach the graceful handler.
    InterruptNotifier::holdSignals();
    // Whatever a server echoes into an error, no log line of this process carries a secret.
    SecretScrubber::installLogFilter();
    QCoreApplication app(argc, argv);
    // The name picks the config and data directories: the same as the window's.
    QCoreApplication::setApplicationName(u"baton"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION_STRING));
    Translations::install(app);
    PlatformFactory::registerPlatforms();

    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine commandLine(out, err, &PlatformFactory::create);
    QObject::connect(&commandLine, &CommandLine::finished, &app, [](int status) { QCoreApplication::exit(status); });
    // Started from the event loop, so a command that finishes at once still reaches exit().
    QTimer::singleShot(0, &commandLine, [&commandLine] {
        commandLine.start(QCoreApplication::arguments());
        InterruptNotifier::releaseHeldSignals();
    });
    return app.exec();
}
