// SPDX-License-Identifier: GPL-3.0-or-later
// baton: the window. Every other command is baton-headless's, which this binary becomes by exec.
#include "config/translations.h"
#include "headlessexec.h"

#ifdef BATON_WITH_GUI
#include "batonversion.h"
#include "cli/interruptnotifier.h"
#include "config/secretscrubber.h"
#include "configrepair.h"
#include "desktop/demoworld.h"
#include "desktop/desktopapp.h"
#include "platformfactory.h"
#include "rendering.h"
#include "service/storepassword.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <sys/stat.h>
#endif

#include <QCoreApplication>
#include <QTextStream>

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
#ifdef BATON_WITH_GUI
    QString dataDir, config;
    bool demo = false;
    if (!wantsWindow(argc, argv, &dataDir, &config, &demo)) {
#endif
        // Every command that opens no window is baton-headless's: exec keeps the pid, so the exit
        // status and the signals a caller sends are the headless binary's own.
        const HeadlessExec::Failure failure = HeadlessExec::exec(argv);
        QCoreApplication app(argc, argv);
        Translations::install(app);
        QTextStream(stderr) << "baton: " << HeadlessExec::describe(failure) << Qt::endl;
        return 127;
#ifdef BATON_WITH_GUI
    }
    // Conversations, pairing codes and sockets are the owner's alone: whatever Baton creates is 0600/0700.
    ::umask(077);
    // A stop that comes while the window starts must reach the graceful handler.
    InterruptNotifier::holdSignals();
    // Whatever a server echoes into an error, no log line of this process carries a secret.
    SecretScrubber::installLogFilter();
    Rendering::chooseRenderer();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"baton"_s);
    QApplication::setApplicationVersion(QStringLiteral(BATON_VERSION_STRING));
    QApplication::setDesktopFileName(u"baton"_s);
    Translations::install(app);
    PlatformFactory::registerPlatforms();
    // --demo: a model and a Telegram on loopback, and a person on the phone; no account needed.
    DemoWorld world;
    if (demo) {
        QString error;
        if (!world.start(&error)) {
            QTextStream(stderr) << "baton: " << error << Qt::endl;
            return 1;
        }
    }
    const AppPaths paths = demo ? world.paths() : AppPaths::resolve(dataDir, config);
    DesktopApp desktop(paths, &PlatformFactory::create);
    const auto startWindow = [&desktop, demo] {
        bool running = false;
        const int status = desktop.start(&running);
        InterruptNotifier::releaseHeldSignals();
        if (running && demo && qEnvironmentVariableIsSet("BATON_DEMO_AUTOPLAY"))
            desktop.autoplay(qEnvironmentVariable("BATON_DEMO_AUTOPLAY"));
        return running ? -1 : status;
    };

    // A baton.ini with problems opens on the page that names them (started from the desktop's
    // menu, nobody reads stderr); the window follows once the file is fine.
    ConfigRepair repair(paths.configFile);
    if (repair.isFine() && StorePassword::needed(paths)) {
        // The PostgreSQL store's password comes from the keychain before the window opens the store.
        auto *password = new StorePassword(&app);
        QObject::connect(password, &StorePassword::ready, &app, [&startWindow] {
            const int status = startWindow();
            if (status >= 0)
                QCoreApplication::exit(status);
        });
        password->load(paths);
        return app.exec();
    }
    if (repair.isFine()) {
        const int status = startWindow();
        return status < 0 ? app.exec() : status;
    }
    for (const QString &sentence : repair.sentences())
        QTextStream(stderr) << "baton: " << sentence << Qt::endl;
    QTextStream(stderr) << "baton: " << QCoreApplication::translate("main", "the window shows what to fix") << Qt::endl;
    ConfigRepair::setInstance(&repair);
    QApplication::setQuitOnLastWindowClosed(false); // the page gives way to the window, it does not quit
    auto *page = new QQmlApplicationEngine;
    page->load(QUrl(u"qrc:/qt/qml/Baton/ConfigErrorWindow.qml"_s));
    auto *pageWindow
        = page->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(page->rootObjects().first());
    if (!pageWindow)
        return 2;
    // Closing the page ends Baton as the CLI would: the file still needs a fix.
    QObject::connect(pageWindow, &QQuickWindow::visibleChanged, &app, [pageWindow] {
        if (!pageWindow->isVisible())
            QCoreApplication::exit(2);
    });
    auto *stop = new InterruptNotifier(nullptr, { SIGINT, SIGTERM });
    QObject::connect(stop, &InterruptNotifier::interrupted, &app, [] { QCoreApplication::exit(2); });
    InterruptNotifier::releaseHeldSignals();
    // Later: resolved() comes from a click on the page, whose engine must outlive the click.
    QObject::connect(
        &repair, &ConfigRepair::resolved, &app,
        [&, page, pageWindow, stop] {
            QObject::disconnect(pageWindow, nullptr, &app, nullptr);
            delete stop; // the window's own notifier takes SIGINT and SIGTERM
            const int status = startWindow();
            pageWindow->hide();
            page->deleteLater();
            if (status >= 0)
                QCoreApplication::exit(status);
        },
        Qt::QueuedConnection);
    return app.exec();
#endif
}
