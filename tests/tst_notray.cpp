// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "desktopapp.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "gateway/gateway.h"
#include "gateway/platformadapter.h"
#include "handoffpresenter.h"
#include "platformfactory.h"
#include "service/gatewayservice.h"
#include "singleinstance.h"
#include "store/platformleases.h"
#include "teststore.h"
#include "trayicon.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString token = u"4242:notray"_s;
} // namespace

/**
 * The window's process where the desktop has no system tray (GNOME by default; here offscreen, or
 * Xvfb with no tray running): closing the window asks whether to keep the gateway running in the
 * background, and how to get the window back. And what the tray and the Hand off menu say when no
 * platform is set up or one is offline.
 */
class TestNoTray : public QObject
{
    Q_OBJECT

private:
    FakeLlmServer m_llm;
    FakeTelegramServer m_telegram { token };

    void writeIni(const TestStore &store, bool withTelegram)
    {
        QFile ini(store.dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write("[llm]\nbase_url=" + m_llm.baseUrl().toString().toUtf8() + "\nmodel=fake-model\n");
        if (withTelegram)
            ini.write("[telegram]\nenabled=true\napi_base=" + m_telegram.apiBase().toUtf8() + "\nhome_chat=-100123\n");
    }
    static AppPaths paths(const TestStore &store)
    {
        return { store.dir.path(), store.dir.filePath(u"baton.ini"_s), store.storeUrl() };
    }
    static QMessageBox *closeQuestion()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "closeQuestion"_L1 && w->isVisible())
                return qobject_cast<QMessageBox *>(w);
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_llm.listen() && m_telegram.listen());
        m_telegram.addGroup(-100123, u"Home"_s, true);
        qputenv("BATON_TELEGRAM_TOKEN", token.toUtf8());
        qputenv("BATON_TELEGRAM_POLL_TIMEOUT_S", "1");
        QVERIFY2(!QSystemTrayIcon::isSystemTrayAvailable(), "this test needs a desktop without a tray");
    }

    // Someone who only wants a desktop chat: the tray is neutral "not set up", not red "offline";
    // with a platform it shows that platform's state.
    void theTrayIsNotSetUpWithoutAPlatform()
    {
        TestStore store;
        writeIni(store, false);
        ChatController chat(paths(store));
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        GatewayService gateway(paths(store), &PlatformFactory::create);
        QSignalSpy started(&gateway, &GatewayService::started);
        gateway.start();
        QVERIFY(started.wait(10'000));
        QVERIFY(started.constFirst().at(0).toBool());
        TrayIcon tray(chat);
        tray.setGateway(gateway.gateway());
        QCOMPARE(tray.state(), u"notsetup"_s);
        QVERIFY2(tray.statusLines().join(u'\n').contains(u"not set up"_s), qPrintable(tray.statusLines().join(u'\n')));

        // Settings turns Telegram on; the gateway restarts with it and the tray follows.
        writeIni(store, true);
        chat.reloadSettings();
        tray.setGateway(nullptr);
        started.clear();
        gateway.restart();
        QVERIFY(started.wait(10'000));
        tray.setGateway(gateway.gateway());
        QTRY_COMPARE_WITH_TIMEOUT(tray.state(), u"online"_s, 10'000);
        QVERIFY(tray.statusLines().join(u'\n').contains(u"Telegram: online"_s));
        QSignalSpy stopped(&gateway, &GatewayService::stopped);
        gateway.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(15'000));
    }

    // A platform the gateway here cannot reach is offered greyed out, with why, in the window's and
    // the tray's Hand off menus; the tray's status line has no command to type either.
    void anOfflinePlatformIsShownAsSuch()
    {
        TestStore store;
        writeIni(store, true);
        qputenv("BATON_TELEGRAM_TOKEN", "4242:revoked");
        ChatController chat(paths(store));
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        GatewayService gateway(paths(store), &PlatformFactory::create);
        QSignalSpy started(&gateway, &GatewayService::started);
        gateway.start();
        QVERIFY(started.wait(10'000));
        qputenv("BATON_TELEGRAM_TOKEN", token.toUtf8());
        QVERIFY(started.constFirst().at(0).toBool());
        HandoffPresenter *presenter = chat.handoff();
        presenter->setGateway(gateway.gateway());
        TrayIcon tray(chat);
        tray.setGateway(gateway.gateway());
        const auto telegram = [presenter] { return presenter->platforms().constFirst().toMap(); };
        QTRY_VERIFY_WITH_TIMEOUT(telegram().value(u"reason"_s).toString().startsWith(u"offline"_s), 10'000);
        QCOMPARE(telegram().value(u"name"_s).toString(), u"telegram"_s);
        QVERIFY(!telegram().value(u"available"_s).toBool());
        QCOMPARE(telegram().value(u"reason"_s).toString(), u"offline: Telegram rejected the bot token (401)"_s);
        QCOMPARE(tray.state(), u"offline"_s);
        const QString lines = tray.statusLines().join(u'\n');
        QVERIFY2(lines.contains(u"Telegram: offline — Telegram rejected the bot token (401)"_s), qPrintable(lines));
        QVERIFY2(!lines.contains(u'`'), qPrintable(lines));
        QSignalSpy stopped(&gateway, &GatewayService::stopped);
        gateway.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(15'000));
    }

    // On a shared store ([store] url) the gateway here stands by while a gateway on another
    // machine leads Telegram: the Hand off menu offers Telegram, naming that machine, not "offline".
    void aPlatformLedElsewhereIsOfferedNotOffline()
    {
        TestStore store;
        writeIni(store, true);
        PlatformLeases leases(store.db);
        const auto taken = leases.acquire(u"telegram"_s, u"homeserver/boot-b/4242/77"_s, u"homeserver"_s, 4242,
            QDateTime::currentMSecsSinceEpoch(), 120'000);
        QVERIFY2(taken && taken->held, qPrintable(leases.errorString()));
        const AppPaths shared { store.dir.path(), store.dir.filePath(u"baton.ini"_s), store.path() };
        ChatController chat(shared);
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        GatewayService gateway(shared, &PlatformFactory::create);
        QSignalSpy started(&gateway, &GatewayService::started);
        gateway.start();
        QVERIFY(started.wait(10'000));
        QVERIFY(started.constFirst().at(0).toBool());
        HandoffPresenter *presenter = chat.handoff();
        presenter->setGateway(gateway.gateway());
        const PlatformAdapter *adapter = gateway.gateway()->adapter(u"telegram"_s);
        QVERIFY(adapter && adapter->state() != PlatformAdapter::State::Online); // it stands by
        const auto telegram = [presenter] { return presenter->platforms().constFirst().toMap(); };
        QTRY_VERIFY(telegram().value(u"available"_s).toBool());
        QCOMPARE(telegram().value(u"reason"_s).toString(), u"answered by the gateway on homeserver"_s);
        QCOMPARE(chat.gatewayHosts()->line(), u"Gateway: Telegram on homeserver"_s);
        // The tray is not red for it either: its status line names the machine.
        TrayIcon tray(chat);
        tray.setGateway(gateway.gateway());
        QCOMPARE(tray.state(), u"online"_s);
        QVERIFY2(tray.statusLines().contains(u"Telegram on homeserver"_s), qPrintable(tray.statusLines().join(u'\n')));
        QSignalSpy stopped(&gateway, &GatewayService::stopped);
        gateway.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(15'000));
    }

    // Closing the window asks; "keep running" hides it and the gateway goes on; starting Baton
    // again shows it; "quit" stops the gateway.
    void closingTheWindowWithoutATrayAsks()
    {
        TestStore store;
        writeIni(store, true);
        DesktopApp app(paths(store), &PlatformFactory::create);
        bool running = false;
        QCOMPARE(app.start(&running), 0);
        QVERIFY(running);
        QSignalSpy started(app.gateway(), &GatewayService::started);
        QVERIFY(started.wait(10'000));
        QVERIFY(started.constFirst().at(0).toBool());
        QQuickWindow *window = app.window();
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        QVERIFY(!app.tray()->isVisible());

        window->close();
        QTRY_VERIFY(closeQuestion());
        QMessageBox *question = closeQuestion();
        QCOMPARE(question->windowTitle(), u"Keep Baton running?"_s);
        QVERIFY2(
            question->text().contains(u"Keep the gateway running in the background"_s), qPrintable(question->text()));
        QVERIFY2(question->informativeText().contains(u"start Baton again from the applications menu"_s),
            qPrintable(question->informativeText()));
        QVERIFY(window->isVisible()); // nothing closed before the answer

        auto *keep = question->findChild<QPushButton *>(u"keepRunning"_s);
        QVERIFY(keep);
        keep->click();
        QTRY_VERIFY(!window->isVisible());
        QVERIFY(!closeQuestion());
        // The gateway still serves the phone: it keeps polling Telegram.
        const qsizetype polls = m_telegram.calls(u"getUpdates"_s).size();
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram.calls(u"getUpdates"_s).size() > polls + 1, 10'000);

        // Starting Baton again (from the menu) finds this one and shows its window.
        SingleInstance again(store.dir.path());
        QVERIFY(again.raiseRunning());
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 5'000);

        window->close();
        QTRY_VERIFY(closeQuestion());
        auto *quit = closeQuestion()->findChild<QPushButton *>(u"quitBaton"_s);
        QVERIFY(quit);
        QSignalSpy stopped(app.gateway(), &GatewayService::stopped);
        quit->click();
        QTRY_VERIFY(!window->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 15'000);
    }
};

QTEST_MAIN(TestNoTray)
#include "tst_notray.moc"
