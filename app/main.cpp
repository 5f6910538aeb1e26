// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonversion.h"
#include "cli/commandline.h"
#include "cli/interruptnotifier.h"
#include "config/secretscrubber.h"
#include "config/translations.h"
#include "platformfactory.h"

#ifdef BATON_WITH_GUI
#include "desktop/demoworld.h"
#include "desktop/desktopapp.h"
#include "rendering.h"

#include <QApplication>
#endif

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
// `baton` alone, or with only --data-dir/--config/--demo, opens the window; anything else is the CLI.
[[maybe_unused]] bool wantsWindow(int argc, char *argv[], QString *dataDir, QString *config, bool *demo)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == "--demo"_L1) {
            *demo = true;
            continue;
        }
        for (const auto &[option, value] : { std::pair { u"--data-dir"_s, dataDir }, { u"--config"_s, config } }) {
            if (arg == option && i + 1 < argc) {
                *value = QString::fromLocal8Bit(argv[++i]);
                goto next;
            }
            if (arg.startsWith(option + u'=')) {
                *value = arg.mid(option.size() + 1);
                goto next;
            }
        }
        return false;
    next:;
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    // Conversations, pairing codes and sockets are the owner's alone: whatever Baton creates is 0600/0700.
    ::umask(077);
    // systemd may stop a service the moment it started: that stop must reach the graceful handler.
    InterruptNotifier::holdSignals();
    // Whatever a server echoes into an error, no log line of this process carries a secret.
    SecretScrubber::installLogFilter();
#ifdef BATON_WITH_GUI
    QString dataDir, config;
    bool demo = false;
    if (wantsWindow(argc, argv, &dataDir, &config, &demo)) {
        Rendering::chooseRenderer();
        QApplication app(argc, argv);
        QApplication::setApplicationName(u"baton"_s);
        QApplication::setApplicationVersion(QStringLiteral(BATON_VERSION_STRING));
        QApplication::setDesktopFileName(u"baton"_s);
        Translations::install(app);
        // --demo: a model and a Telegram on loopback, and a person on the phone; no account needed.
        DemoWorld world;
        if (demo) {
            QString error;
            if (!world.start(&error)) {
                QTextStream(stderr) << "baton: " << error << Qt::endl;
                return 1;
            }
        }
        DesktopApp desktop(demo ? world.paths() : AppPaths::resolve(dataDir, config), &PlatformFactory::create);
        bool running = false;
        const int status = desktop.start(&running);
        InterruptNotifier::releaseHeldSignals();
        if (running && demo && qEnvironmentVariableIsSet("BATON_DEMO_AUTOPLAY"))
            desktop.autoplay(qEnvironmentVariable("BATON_DEMO_AUTOPLAY"));
        return running ? app.exec() : status;
    }
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"baton"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION_STRING));
    Translations::install(app);

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
