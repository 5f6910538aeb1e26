// SPDX-License-Identifier: GPL-3.0-or-later
#include "awayfromdesk.h"
#include "awaysettings.h"
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "fakelogind.h"
#include "fakenotificationserver.h"
#include "fakescreensaver.h"
#include "faketelegramserver.h"
#include "platformfactory.h"
#include "quickitems.h"
#include "screenlockwatcher.h"
#include "service/gatewayservice.h"
#include "settingscontroller.h"

#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
constexpr qint64 home = -1001234567890;
constexpr qint64 owner = 111;
const QString token = u"4242:away"_s;
const QString sleepNotice = u"The computer that runs Baton is going to sleep; answers resume when it wakes."_s;
} // namespace

/**
 * Away from the desk on real buses: the test's own D-Bus session (dbus-run-session) carries the
 * stand-in screen saver and notification server, a private dbus-daemon started here carries the
 * stand-in logind (BATON_SYSTEM_BUS_ADDRESS). The window's controller, the window and the gateway
 * run in this process against the fake Telegram and model: lock -> handoff -> the phone writes ->
 * unlock -> Take back offered (banner and notification) -> Take back; sleep -> notice in the thread
 * -> wake -> the adapter reconnects at once and answers what arrived meanwhile.
 */
class TestAwayFromDesk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_systemBus;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeScreenSaver> m_screenSaver;
    std::unique_ptr<FakeNotificationServer> m_notifications;
    std::unique_ptr<FakeLogind> m_logind;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<AwaySettings> m_settings;
    std::unique_ptr<SettingsController> m_settingsController;
    std::unique_ptr<GatewayService> m_gateway;
    std::unique_ptr<AwayFromDesk> m_away;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    AppPaths paths() const { return { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} }; }
    qint64 topic() const { return m_telegram->topics(home).constLast(); }
    QQuickItem *item(const QString &objectName) const { return m_window->findChild<QQuickItem *>(objectName); }

    void converse(const QString &text)
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Noted: "_s, text }));
        m_controller->send(text);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
    }

    /// What a notification server would draw for @p shown, for the committed screenshot.
    static QImage render(const FakeNotificationServer::Shown &shown)
    {
        QImage image(440, 150, QImage::Format_ARGB32);
        image.fill(QColor(u"#d8dde2"_s));
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QColor(u"#c2c8ce"_s));
        p.setBrush(QColor(u"#fbfbfc"_s));
        p.drawRoundedRect(QRectF(10, 10, 420, 130), 10, 10);
        p.setBrush(QColor(u"#1f7a6d"_s));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRectF(24, 24, 18, 18));
        QFont font = p.font();
        font.setPixelSize(12);
        p.setFont(font);
        p.setPen(QColor(u"#5f6b75"_s));
        p.drawText(QPointF(50, 38), shown.appName);
        font.setPixelSize(15);
        font.setBold(true);
        p.setFont(font);
        p.setPen(QColor(u"#1b1f23"_s));
        p.drawText(QRectF(24, 50, 392, 22), Qt::AlignLeft | Qt::AlignVCenter, shown.summary);
        font.setBold(false);
        font.setPixelSize(13);
        p.setFont(font);
        p.drawText(QRectF(24, 72, 392, 20), Qt::AlignLeft | Qt::AlignVCenter, shown.body);
        qreal x = 24;
        for (qsizetype i = 0; i + 1 < shown.actions.size(); i += 2) {
            const QString label = shown.actions.at(i + 1);
            const qreal width = p.fontMetrics().horizontalAdvance(label) + 28;
            p.setPen(QColor(u"#c2c8ce"_s));
            p.setBrush(QColor(u"#eef1f3"_s));
            p.drawRoundedRect(QRectF(x, 100, width, 28), 6, 6);
            p.setPen(QColor(u"#1f7a6d"_s));
            p.drawText(QRectF(x, 100, width, 28), Qt::AlignCenter, label);
            x += width + 8;
        }
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
        // The "system bus" is a bus of our own, so logind can be a stand-in.
        m_systemBus.start(u"dbus-daemon"_s, { u"--session"_s, u"--nofork"_s, u"--print-address=1"_s });
        QVERIFY(m_systemBus.waitForStarted());
        QTRY_VERIFY(m_systemBus.canReadLine());
        const QByteArray address = m_systemBus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("BATON_SYSTEM_BUS_ADDRESS", address);
        qputenv("BATON_TELEGRAM_TOKEN", token.toUtf8());
        qputenv("BATON_TELEGRAM_POLL_TIMEOUT_S", "1");
        qputenv("BATON_LLM_API_KEY", "unused");

        // The services talk over connections of their own, so every call crosses a real bus.
        m_screenSaver = std::make_unique<FakeScreenSaver>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-screensaver"_s));
        m_notifications = std::make_unique<FakeNotificationServer>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-notifications"_s));
        m_logind
            = std::make_unique<FakeLogind>(QDBusConnection::connectToBus(QString::fromUtf8(address), u"fake-logind"_s));
        QVERIFY(m_screenSaver->registerService());
        QVERIFY(m_notifications->registerService());
        QVERIFY(m_logind->registerService());

        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        QVERIFY(m_llm->listen() && m_telegram->listen());
        m_telegram->addGroup(home, u"Home"_s, true);
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nhome_chat=" + QByteArray::number(home) + "\nallowed_users=" + QByteArray::number(owner) + "\n"
            + "[away]\non_lock=handoff\n");
        ini.close();

        m_controller = std::make_unique<ChatController>(paths());
        QVERIFY2(m_controller->open(), qPrintable(m_controller->errorText()));
        // The window reaches the controllers as singletons, as in the application; Settings shows
        // but no test here opens it.
        m_settingsController = std::make_unique<SettingsController>(paths());
        ChatController::setInstance(m_controller.get());
        SettingsController::setInstance(m_settingsController.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);

        m_gateway = std::make_unique<GatewayService>(paths(), &PlatformFactory::create);
        QSignalSpy started(m_gateway.get(), &GatewayService::started);
        m_gateway->start();
        QVERIFY(started.wait(10'000));
        QVERIFY2(started.first().at(0).toBool(), qPrintable(started.first().at(1).toString()));

        m_settings = std::make_unique<AwaySettings>(paths().configFile);
        m_away = std::make_unique<AwayFromDesk>(*m_controller, *m_settings);
        m_away->setWindow(m_window);
        m_away->setGateway(m_gateway->gateway());
        QSignalSpy lockHeard(m_away->lockWatcher(), &ScreenLockWatcher::available);
        QSignalSpy sleepRefused(m_away->inhibitor(), &SleepInhibitor::unavailable);
        m_away->start();
        QVERIFY(lockHeard.wait(5'000));
        QVERIFY(sleepRefused.isEmpty());
        QTRY_VERIFY(!m_telegram->calls(u"getUpdates"_s).isEmpty());
    }

    void cleanupTestCase()
    {
        m_away.reset();
        m_engine.reset();
        if (m_gateway) {
            QSignalSpy stopped(m_gateway.get(), &GatewayService::stopped);
            m_gateway->stop(2'000);
            QVERIFY(stopped.wait(10'000));
        }
        m_gateway.reset();
        m_controller.reset();
        m_logind.reset();
        m_systemBus.terminate();
        m_systemBus.waitForFinished();
    }

    void lockingHandsOffTheActiveConversation()
    {
        // The screen locks while a reply is being written: the handoff waits for it, as the button's does.
        FakeLlmReply slow = FakeLlmReply::withContent({ u"Noted: "_s, u"Plan three days in Lisbon"_s });
        slow.chunkDelayMs = 300;
        m_llm->enqueue(slow);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Here on Telegram: "_s, u"Lisbon, three days."_s }));
        m_controller->send(u"Plan three days in Lisbon"_s);
        QVERIFY(m_controller->busy());
        QCOMPARE(m_controller->activeSession(15), m_controller->sessionId());
        m_screenSaver->setActive(true);
        QTRY_COMPARE(m_controller->handoffState(), u"queued"_s);
        QVERIFY(m_controller->busy());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"completed"_s, 15'000);
        QCOMPARE(m_controller->messages()->index(1).data(MessageListModel::ContentRole).toString(),
            u"Noted: Plan three days in Lisbon"_s);
        QCOMPARE(m_controller->livePlatform(), u"telegram"_s);
        QCOMPARE(m_telegram->botMessages(home, topic()), QStringList { u"Here on Telegram: Lisbon, three days."_s });
    }

    void unlockingOffersTakeBackWithWhatThePhoneSaid()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Sintra is a day trip."_s }));
        m_telegram->userSends(owner, home, u"and a day trip?"_s, topic());
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, topic()).size(), 2, 10'000);
        // The window does not show a conversation while the screen is locked: the phone's message is news.
        QTRY_VERIFY(m_notifications->last(u"New message on Telegram"_s).has_value());
        QCOMPARE(m_notifications->last(u"New message on Telegram"_s)->body, u"and a day trip?"_s);
        QVERIFY(m_controller->awayNote().isEmpty());

        m_screenSaver->setActive(false);
        QTRY_COMPARE(m_controller->awayNote(), u"1 message on Telegram"_s);
        QVERIFY(item(u"liveBanner"_s)->isVisible());
        QVERIFY(item(u"awayNote"_s)->isVisible());
        QCOMPARE(item(u"awayNote"_s)->property("text").toString(), u"1 message on Telegram"_s);
        QTRY_VERIFY(m_notifications->last(u"Take back"_s).has_value());
        const FakeNotificationServer::Shown offer = *m_notifications->last(u"Take back"_s);
        QCOMPARE(offer.summary, u"Take back “Plan three days in Lisbon”?"_s);
        QCOMPARE(offer.body, u"1 message on Telegram"_s);
        QCOMPARE(offer.actions, (QStringList { u"take-back"_s, u"Take back"_s }));
        QCOMPARE(offer.appName, u"Baton"_s);

        // The window shows what the phone wrote and what was answered there (the store told it).
        MessageListModel *messages = m_controller->messages();
        QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0
                && messages->index(messages->rowCount() - 1).data(MessageListModel::ContentRole).toString()
                    == u"Sintra is a day trip."_s,
            5'000);
        QDir().mkpath(u"screenshots"_s);
        QVERIFY(m_window->grabWindow().save(u"screenshots/away-unlock-banner.png"_s));
        QVERIFY(render(offer).save(u"screenshots/away-notification.png"_s));
        QFile log(u"screenshots/away-notifications.log"_s);
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(m_notifications->logText().toUtf8());
        log.close();

        // The notification's button takes the conversation back, as the banner's does.
        m_notifications->invokeAction(offer.id, u"take-back"_s);
        QTRY_VERIFY(m_controller->livePlatform().isEmpty());
        QVERIFY(m_controller->awayNote().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, topic()).size(), 3, 5'000);
        QVERIFY(m_telegram->botMessages(home, topic()).constLast().startsWith(u"Continuing on the desktop"_s));
    }

    void askShowsAHandOffButton()
    {
        m_settings->save(0, QString(), 15, false, true);
        QCOMPARE(m_settings->values().onLock, Settings::Away::OnLock::Ask);
        converse(u"What about Porto?"_s);
        const int topicsBefore = int(m_telegram->topics(home).size());
        const qsizetype shownBefore = m_notifications->shown().size();
        // This time logind tells of the lock.
        m_logind->lockSession(true);
        QTRY_VERIFY(m_notifications->shown().size() > shownBefore
            && m_notifications->shown().constLast().summary == u"Continue on your phone?"_s);
        const FakeNotificationServer::Shown ask = m_notifications->shown().constLast();
        QCOMPARE(ask.actions, (QStringList { u"handoff"_s, u"Hand off to phone"_s }));
        QVERIFY(m_controller->handoffState().isEmpty()); // asked, not done
        m_llm->enqueue(FakeLlmReply::withContent({ u"Porto, here on Telegram."_s }));
        m_notifications->invokeAction(ask.id, u"handoff"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"completed"_s, 15'000);
        QCOMPARE(m_telegram->topics(home).size(), topicsBefore + 1);
        m_logind->lockSession(false);
        QTRY_VERIFY(!m_away->lockWatcher()->isLocked());
    }

    void sleepIsAnnouncedAndWakingReconnectsAtOnce()
    {
        // A conversation lives on Telegram and the gateway runs here: a delay lock is held.
        QTRY_VERIFY(m_away->inhibitor()->held() == SleepInhibitor::Mode::Delay);
        QCOMPARE(m_logind->held(u"delay"_s), 1);
        QCOMPARE(m_logind->inhibitors().constLast().what, u"sleep"_s);
        const qint64 thread = topic();
        const int before = int(m_telegram->botMessages(home, thread).size());
        m_logind->prepareForSleep(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, thread).size(), before + 1, 5'000);
        QCOMPARE(m_telegram->botMessages(home, thread).constLast(), sleepNotice);
        // Once the notice is out, the sleep may go ahead.
        QTRY_COMPARE(m_logind->held(u"delay"_s), 0);

        // Asleep: the next poll is told to wait ten minutes, as a network gone away would leave it backing off.
        const qsizetype polls = m_telegram->calls(u"getUpdates"_s).size();
        FakeTelegramServer::Fault wait;
        wait.errorCode = 429;
        wait.description = u"Too Many Requests: retry after 600"_s;
        wait.retryAfter = 600;
        m_telegram->failNext(u"getUpdates"_s, wait);
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->calls(u"getUpdates"_s).size() > polls, 5'000);
        PlatformAdapter *adapter = m_gateway->gateway()->adapter(u"telegram"_s);
        QTRY_VERIFY(adapter->stateReason().contains(u"wait 600"_s));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Good morning: Porto in two days."_s }));
        m_telegram->userSends(owner, home, u"still there?"_s, thread);

        m_logind->prepareForSleep(false);
        // Answered within seconds, not after the ten minutes.
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, thread).size(), before + 2, 10'000);
        QCOMPARE(m_telegram->botMessages(home, thread).constLast(), u"Good morning: Porto in two days."_s);
        QTRY_COMPARE(m_logind->held(u"delay"_s), 1);
    }

    void keepAwakeBlocksSleepUntilTakeBack()
    {
        m_settings->save(0, QString(), 15, true, true);
        QTRY_VERIFY(m_away->inhibitor()->held() == SleepInhibitor::Mode::Block);
        QCOMPARE(m_logind->held(u"block"_s), 1);
        QCOMPARE(m_logind->held(u"delay"_s), 0);
        QCOMPARE(m_logind->inhibitors().constLast().what, u"sleep:handle-lid-switch"_s);
        m_controller->takeBack();
        QTRY_COMPARE(m_logind->held(u"block"_s), 0);
        QCOMPARE(m_logind->held(u"delay"_s), 0);
    }

    void aReplyTheWindowIsNotShowingIsNotified()
    {
        const qsizetype shownBefore = m_notifications->shown().size();
        m_window->hide();
        converse(u"Anything else in Porto?"_s);
        QTRY_VERIFY(m_notifications->shown().size() > shownBefore);
        const FakeNotificationServer::Shown ready = m_notifications->shown().constLast();
        QCOMPARE(ready.summary, u"The reply is ready"_s);
        QCOMPARE(ready.body, m_controller->title());
        QVERIFY(ready.actions.isEmpty());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void withoutTheServicesTheSettingsSayWhy()
    {
        m_screenSaver->unregisterService();
        m_notifications->unregisterService();
        m_logind->unregisterService();
        AwaySettings settings(paths().configFile);
        AwayFromDesk away(*m_controller, settings);
        away.start();
        QTRY_VERIFY(!settings.lockUnavailable().isEmpty());
        QVERIFY2(settings.lockUnavailable().startsWith(u"Baton cannot tell when the screen locks"_s),
            qPrintable(settings.lockUnavailable()));
        QTRY_VERIFY(!settings.notificationsUnavailable().isEmpty());
        QTRY_VERIFY(!settings.sleepUnavailable().isEmpty());
        QVERIFY2(settings.sleepUnavailable().startsWith(u"Baton cannot hold off sleep: no logind"_s),
            qPrintable(settings.sleepUnavailable()));
        QVERIFY(m_screenSaver->registerService() && m_notifications->registerService() && m_logind->registerService());
    }
};

QTEST_MAIN(TestAwayFromDesk)
#include "tst_awayfromdesk.moc"
