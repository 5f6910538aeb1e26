// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "platformfactory.h"
#include "qrdecode.h"
#include "quickitems.h"
#include "service/gatewayservice.h"
#include "settingscontroller.h"
#include "setupcontroller.h"
#include "store/setupcodestore.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
const QString token = u"4242:setup-right"_s;
constexpr qint64 phone = 5551234;
} // namespace

/**
 * Done when (issue "Your phone in one scan"): from a config that says nothing but where the fake
 * servers are, the window sets Telegram up (token checked, QR code scanned by the fake phone,
 * /start from the phone, home chosen with one click) with the gateway running in this process as
 * in the real window, and a conversation is then handed off. Screenshots of each step land in
 * <build>/tests/screenshots/setup-*.png.
 */
class TestSetupWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    AppPaths paths() const { return { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} }; }

    static QString readSecret(const QString &name)
    {
        SecretStore store;
        QSignalSpy spy(&store, &SecretStore::readFinished);
        store.read(name);
        return spy.wait(10'000) ? spy.at(0).at(1).toString() : u"<no answer>"_s;
    }

private Q_SLOTS:
    void discordAndSlackShowACodeAndTheInvite()
    {
        FakeDiscordServer discord(u"discord-setup"_s);
        FakeSlackServer slack(u"xoxb-setup"_s, u"xapp-setup"_s);
        QVERIFY(discord.listen() && slack.listen());
        QTemporaryDir dir;
        const AppPaths here { dir.path(), dir.filePath(u"baton.ini"_s), {} };
        {
            QFile ini(here.configFile);
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[discord]\napi_base=" + discord.apiBase().toUtf8()
                + "\n[slack]\napi_base=" + slack.apiBase().toUtf8() + "\n");
        }
        SettingsController settings(here);
        QVERIFY2(settings.open(), qPrintable(settings.errorText()));
        SetupController *setup = settings.setup();

        setup->begin(u"discord"_s);
        QCOMPARE(setup->createUrl(), u"https://discord.com/developers/applications"_s);
        setup->submitToken(u"discord-setup"_s);
        QTRY_COMPARE_WITH_TIMEOUT(setup->step(), u"pairing"_s, 10'000);
        QVERIFY(SetupCodeStore::looksLikeCode(setup->code()));
        QVERIFY(setup->link().isEmpty() && setup->qrImage().isEmpty());
        const QUrlQuery invite(QUrl(setup->inviteUrl()));
        QCOMPARE(invite.queryItemValue(u"client_id"_s), FakeDiscordServer::botUserId);
        QCOMPARE(invite.queryItemValue(u"scope"_s), u"bot"_s);
        QCOMPARE(readSecret(u"discord.token"_s), u"discord-setup"_s);
        const QString discordCode = setup->code();

        setup->begin(u"slack"_s);
        QVERIFY(setup->manifest().contains(u"\"socket_mode_enabled\": true"_s));
        setup->submitToken(u"xoxb-setup"_s, u"xapp-setup"_s);
        QTRY_COMPARE_WITH_TIMEOUT(setup->step(), u"pairing"_s, 10'000);
        QVERIFY(setup->code() != discordCode);
        QCOMPARE(readSecret(u"slack.app_token"_s), u"xapp-setup"_s);
        QVERIFY(Settings(here.configFile).platform(u"slack"_s).enabled);

        // A wrong token is named, and nothing is saved.
        setup->begin(u"slack"_s);
        setup->submitToken(u"xoxb-wrong"_s);
        QTRY_VERIFY_WITH_TIMEOUT(setup->failed(), 10'000);
        QCOMPARE(setup->step(), u"token"_s);
        QCOMPARE(readSecret(u"slack.bot_token"_s), u"xoxb-setup"_s);
    }

    void fromAnEmptyConfigToAHandoff()
    {
        FakeLlmServer llm;
        FakeTelegramServer telegram(token);
        QVERIFY(llm.listen() && telegram.listen());
        // Where the fake Telegram listens stands in for api.telegram.org; nothing else is written.
        {
            QFile ini(paths().configFile);
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[telegram]\napi_base=" + telegram.apiBase().toUtf8() + "\n");
        }
        SecretStore().remove(u"telegram.token"_s);

        SettingsController settings(paths());
        QVERIFY2(settings.open(), qPrintable(settings.errorText()));
        ChatController chat(paths());
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        // The gateway runs in the window's process and restarts when Settings saves, as in DesktopApp.
        GatewayService gateway(paths(), &PlatformFactory::create);
        connect(&gateway, &GatewayService::started, this,
            [&](bool ok, const QString &) { settings.setGatewayRunsHere(ok); });
        connect(&settings, &SettingsController::saved, this, [&](const QString &, const QString &error) {
            if (!error.isEmpty())
                return;
            chat.reloadSettings();
            gateway.restart();
        });
        QSignalSpy started(&gateway, &GatewayService::started);
        gateway.start();
        QVERIFY(started.wait(10'000));
        QVERIFY(chat.handoffPlatforms().isEmpty());

        // The window as DesktopApp makes it.
        ChatController::setInstance(&chat);
        SettingsController::setInstance(&settings);
        QQmlEngine engine;
        engine.addImportPath(u"qrc:/qt/qml"_s);
        QQmlComponent component(&engine, QUrl(u"qrc:/qt/qml/Baton/Main.qml"_s));
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *window = qobject_cast<QQuickWindow *>(root.get());
        QVERIFY(window);
        window->resize(1100, 820);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject *dialog = nullptr;
        for (QObject *child : window->findChildren<QObject *>()) {
            if (child->inherits("QQuickPopup") && child->property("page").isValid())
                dialog = child;
        }
        QVERIFY(dialog);
        const auto item = [dialog](const QString &name) {
            auto *found = findItem(qvariant_cast<QQuickItem *>(dialog->property("contentItem")), name, true);
            if (!found)
                qWarning() << "no visible item named" << name;
            return found;
        };
        const auto click = [&](const QString &name) {
            QQuickItem *button = item(name);
            return button && button->isEnabled() && QMetaObject::invokeMethod(button, "clicked");
        };
        const auto screenshot = [window](const QString &name) {
            QDir().mkpath(u"screenshots"_s);
            const QImage image = window->grabWindow();
            return !image.isNull() && image.save(u"screenshots/%1.png"_s.arg(name));
        };
        SetupController *setup = settings.setup();
        QVERIFY(setup);

        // A new window with no model: connecting one comes first.
        QTRY_VERIFY(findItem(window->contentItem(), u"connectModelCard"_s, true));
        QVERIFY(!findItem(window->contentItem(), u"firstRunCard"_s, true));

        // The model endpoint, on its page.
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        item(u"baseUrlField"_s)->setProperty("text", llm.baseUrl().toString());
        item(u"modelField"_s)->setProperty("text", u"fake-model"_s);
        QSignalSpy saved(&settings, &SettingsController::saved);
        QVERIFY(click(u"saveModelButton"_s));
        QTRY_VERIFY(!saved.isEmpty());

        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());

        // With a model that answers: the card that leads to the setup.
        QTRY_VERIFY(findItem(window->contentItem(), u"firstRunCard"_s, true));
        QQuickItem *card = findItem(window->contentItem(), u"firstRunCard"_s, true);
        QVERIFY(!findItem(window->contentItem(), u"connectModelCard"_s, true));
        QVERIFY(screenshot(u"setup-0-first-run"_s));

        // Telegram, from the card: a wrong token (checked at once), then the right one.
        QQuickItem *telegramButton = findItem(card, u"firstRun_telegram"_s, true);
        QVERIFY(telegramButton);
        QMetaObject::invokeMethod(telegramButton, "clicked");
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(dialog->property("page").toString(), u"telegram"_s);
        QCOMPARE(setup->step(), u"token"_s);
        QVERIFY(screenshot(u"setup-1-token"_s));
        item(u"setupTokenField"_s)->setProperty("text", u"999:wrong"_s);
        QVERIFY(click(u"setupCheckButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(setup->failed(), 10'000);
        QCOMPARE(setup->step(), u"token"_s);
        QVERIFY2(
            setup->sentence().startsWith(u"Telegram rejected the bot token (401)."_s), qPrintable(setup->sentence()));
        QVERIFY(!setup->sentence().contains(u"wrong"_s));
        QVERIFY(screenshot(u"setup-2-token-rejected"_s));
        item(u"setupTokenField"_s)->setProperty("text", token);
        const qsizetype polls = telegram.calls(u"getUpdates"_s).size();
        QVERIFY(click(u"setupCheckButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(setup->step(), u"pairing"_s, 10'000);
        QCOMPARE(setup->botName(), u"baton_test_bot"_s);
        QCOMPARE(readSecret(u"telegram.token"_s), token);
        QVERIFY(Settings(paths().configFile).platform(u"telegram"_s).enabled);
        // The gateway restarted with Telegram on.
        QTRY_VERIFY_WITH_TIMEOUT(telegram.calls(u"getUpdates"_s).size() > polls, 10'000);

        // The QR code on screen scans to the link beside it (zbar, not our own decoder).
        QTRY_VERIFY(item(u"setupQr"_s) && item(u"setupQr"_s)->property("status").toInt() == 1 /* Image.Ready */);
        QVERIFY(screenshot(u"setup-3-scan"_s));
        const QString link = item(u"setupLink"_s)->property("text").toString();
        QVERIFY2(link.startsWith(u"https://t.me/baton_test_bot?start="_s), qPrintable(link));
        QCOMPARE(QrDecode::file(QDir().absoluteFilePath(u"screenshots/setup-3-scan.png"_s)), link);

        // The phone opens it: /start <code>. Baton says so on the phone and in the window.
        QVERIFY(telegram.userOpensLink(phone, link) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(setup->step(), u"paired"_s, 10'000);
        QCOMPARE(setup->pairedName(), u"user5551234"_s);
        QVERIFY(telegram.botMessages(phone).constFirst().contains(u"you are my owner on Telegram now"_s));
        QCOMPARE(
            Settings(paths().configFile).platform(u"telegram"_s).allowedUsers, QStringList { QString::number(phone) });
        QTRY_VERIFY(item(u"setupHome_"_s + QString::number(phone)));
        QVERIFY(screenshot(u"setup-4-paired"_s));

        // The home, with one click.
        QCOMPARE(setup->homes().size(), 1);
        QVERIFY(click(u"setupHome_"_s + QString::number(phone)));
        QTRY_COMPARE_WITH_TIMEOUT(setup->step(), u"done"_s, 10'000);
        QCOMPARE(Settings(paths().configFile).platform(u"telegram"_s).homeChat, QString::number(phone));
        QVERIFY(screenshot(u"setup-5-home"_s));
        QTRY_COMPARE_WITH_TIMEOUT(chat.handoffPlatforms(), QStringList { u"telegram"_s }, 10'000);
        // The manual fields below show what the setup wrote.
        QCOMPARE(item(u"homeField"_s)->property("text").toString(), QString::number(phone));
        QCOMPARE(item(u"usersField"_s)->property("text").toString(), QString::number(phone));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!card->isVisible());

        // And a handoff works: a conversation on the desktop continues on the phone.
        QTRY_VERIFY_WITH_TIMEOUT(telegram.pendingPolls() > 0, 10'000);
        llm.enqueue(FakeLlmReply::withContent({ u"Lisbon in three days."_s }));
        llm.enqueue(FakeLlmReply::withContent({ u"Here on Telegram: Lisbon, three days."_s }));
        chat.send(u"Plan three days in Lisbon"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!chat.busy(), 10'000);
        chat.handOff(u"telegram"_s);
        QTRY_COMPARE_WITH_TIMEOUT(chat.handoffState(), u"completed"_s, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            telegram.botMessages(phone).contains(u"Here on Telegram: Lisbon, three days."_s), 10'000);

        root.reset();
        QSignalSpy stopped(&gateway, &GatewayService::stopped);
        gateway.stop(2'000);
        QVERIFY(stopped.wait(10'000));
    }
};

QTEST_MAIN(TestSetupWindow)
#include "tst_setupwindow.moc"
