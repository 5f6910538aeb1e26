// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "quickitems.h"
#include "settingscontroller.h"
#include "store/database.h"
#include "store/pairingstore.h"
#include "testpalette.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
const QString telegramToken = u"4242:settings-right"_s;
const QString discordToken = u"discord-settings-right"_s;
const QString slackBot = u"xoxb-settings-right"_s;
const QString slackApp = u"xapp-settings-right"_s;

// The chat window with the Settings page opened over it, the way Main.qml will hold it.
QByteArray hostQml()
{
    return "import QtQuick\n"
           "import Baton\n"
           "Main {\n"
           "    SettingsDialog {\n"
           "        objectName: 'settingsDialog'\n"
           "        settings: SettingsController\n"
           "        Component.onCompleted: open()\n"
           "    }\n"
           "}\n";
}

QByteArray fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A port nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}
} // namespace

/**
 * The Settings page: what it writes to baton.ini and the keychain (a real gnome-keyring), its
 * connection tests against the fake model, Telegram, Discord and Slack servers, pairing decisions
 * in state.db, and the dialog itself over the window, with screenshots in light and dark palettes.
 */
class TestSettingsController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeDiscordServer> m_discord;
    std::unique_ptr<FakeSlackServer> m_slack;
    std::unique_ptr<SettingsController> m_settings;

    AppPaths paths() const { return { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} }; }

    static QString readSecret(const QString &name)
    {
        SecretStore store;
        QSignalSpy spy(&store, &SecretStore::readFinished);
        store.read(name);
        if (!spy.wait(10'000))
            return u"<no answer>"_s;
        const QString error = spy.at(0).at(2).toString();
        return error.isEmpty() ? spy.at(0).at(1).toString() : u"<error: %1>"_s.arg(error);
    }
    /// Runs @p start and answers the saved() signal's error, or "<no answer>".
    template<typename Start> QString save(Start start)
    {
        QSignalSpy spy(m_settings.get(), &SettingsController::saved);
        start();
        if (spy.isEmpty() && !spy.wait(10'000))
            return u"<no answer>"_s;
        return spy.at(0).at(1).toString();
    }
    template<typename Start> std::pair<bool, QString> test(Start start)
    {
        QSignalSpy spy(m_settings.get(), &SettingsController::testFinished);
        start();
        if (spy.isEmpty() && !spy.wait(20'000))
            return { false, u"<no answer>"_s };
        return { spy.at(0).at(1).toBool(), spy.at(0).at(2).toString() };
    }
    QVariantMap platform(const QString &name) const
    {
        for (const QVariant &p : m_settings->platforms()) {
            if (p.toMap().value(u"name"_s) == name)
                return p.toMap();
        }
        return {};
    }
    void setIni(const QString &key, const QString &value)
    {
        QSettings ini(paths().configFile, QSettings::IniFormat);
        ini.setValue(key, value);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &name : SecretStore::names())
            qunsetenv(SecretStore::environmentVariable(name).toLatin1().constData());
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(telegramToken);
        m_discord = std::make_unique<FakeDiscordServer>(discordToken);
        m_slack = std::make_unique<FakeSlackServer>(slackBot, slackApp);
        QVERIFY(m_llm->listen() && m_telegram->listen() && m_discord->listen() && m_slack->listen());
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=http://127.0.0.1:9/v1\n[telegram]\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\n[discord]\napi_base=" + m_discord->apiBase().toUtf8()
            + "\n[slack]\napi_base=" + m_slack->apiBase().toUtf8() + "\n");
        ini.close();
        m_settings = std::make_unique<SettingsController>(paths());
        QVERIFY2(m_settings->open(), qPrintable(m_settings->errorText()));
        QSignalSpy checked(m_settings.get(), &SettingsController::secretsChanged);
        QVERIFY(checked.wait(10'000));
        QVERIFY2(m_settings->errorText().isEmpty(), qPrintable(m_settings->errorText()));
        QVERIFY(!m_settings->apiKeySet());
        QCOMPARE(m_settings->baseUrl(), u"http://127.0.0.1:9/v1"_s);
        QCOMPARE(m_settings->platformNames(), (QStringList { u"telegram"_s, u"discord"_s, u"slack"_s }));
        QCOMPARE(platform(u"telegram"_s).value(u"tokenSet"_s).toBool(), false);
    }

    void savingTheModelWritesTheIniAndTheKeychain()
    {
        const QString url = m_llm->baseUrl().toString();
        QCOMPARE(save([&] { m_settings->saveModel(u" "_s + url + u" "_s, u"fake-model"_s, u"sk-settings-1"_s); }),
            QString());
        QSettings ini(paths().configFile, QSettings::IniFormat);
        QCOMPARE(ini.value(u"llm/base_url"_s).toString(), url);
        QCOMPARE(ini.value(u"llm/model"_s).toString(), u"fake-model"_s);
        QVERIFY(!fileText(paths().configFile).contains("sk-settings"));
        QCOMPARE(readSecret(u"llm.api_key"_s), u"sk-settings-1"_s);
        QVERIFY(m_settings->apiKeySet());
        QCOMPARE(m_settings->baseUrl(), url);
        QCOMPARE(m_settings->saves().value(u"model"_s).toMap().value(u"state"_s).toString(), u"ok"_s);

        // An empty key keeps the one that is set.
        QCOMPARE(save([&] { m_settings->saveModel(url, u"other-model"_s, {}); }), QString());
        QCOMPARE(Settings(paths().configFile).model(), u"other-model"_s);
        QCOMPARE(readSecret(u"llm.api_key"_s), u"sk-settings-1"_s);
        QCOMPARE(save([&] { m_settings->saveModel(url, u"fake-model"_s, {}); }), QString());

        // Not an address: nothing written.
        const QString refused = save([&] { m_settings->saveModel(u"localhost:11434"_s, u"x"_s, {}); });
        QVERIFY2(refused.contains(u"http:// or https://"_s), qPrintable(refused));
        QCOMPARE(Settings(paths().configFile).llmBaseUrl(), url);
    }

    void removingTheApiKey()
    {
        QSignalSpy removed(m_settings.get(), &SettingsController::secretRemoved);
        m_settings->removeSecret(u"llm.api_key"_s);
        QVERIFY(removed.wait(10'000));
        QCOMPARE(removed.at(0).at(1).toString(), QString());
        QVERIFY(!m_settings->apiKeySet());
        QCOMPARE(readSecret(u"llm.api_key"_s), QString());
    }

    void savingAPlatformWritesTheIniAndTheKeychain()
    {
        QCOMPARE(save([&] {
            m_settings->savePlatform(
                u"telegram"_s, true, u" -1001234567890 "_s, u"111, 222 333,"_s, telegramToken, u"ignored"_s);
        }),
            QString());
        QSettings ini(paths().configFile, QSettings::IniFormat);
        QCOMPARE(ini.value(u"telegram/enabled"_s).toBool(), true);
        QCOMPARE(ini.value(u"telegram/home_chat"_s).toString(), u"-1001234567890"_s);
        QCOMPARE(ini.value(u"telegram/api_base"_s).toString(), m_telegram->apiBase());
        QCOMPARE(Settings(paths().configFile).platform(u"telegram"_s).allowedUsers,
            (QStringList { u"111"_s, u"222"_s, u"333"_s }));
        QCOMPARE(readSecret(u"telegram.token"_s), telegramToken);
        QCOMPARE(platform(u"telegram"_s).value(u"tokenSet"_s).toBool(), true);
        QCOMPARE(platform(u"telegram"_s).value(u"allowedUsers"_s).toString(), u"111, 222, 333"_s);
        QVERIFY(!fileText(paths().configFile).contains(telegramToken.toUtf8()));

        // Slack: two tokens and home_channel.
        QCOMPARE(save([&] { m_settings->savePlatform(u"slack"_s, true, u"C0123"_s, u"U01AB"_s, slackBot, slackApp); }),
            QString());
        QCOMPARE(ini.value(u"slack/home_channel"_s).toString(), u"C0123"_s);
        QVERIFY(!ini.contains(u"slack/home_chat"_s));
        QCOMPARE(readSecret(u"slack.bot_token"_s), slackBot);
        QCOMPARE(readSecret(u"slack.app_token"_s), slackApp);

        // Discord enabled without a token: saved, and the sentence says it stays off.
        QCOMPARE(save([&] { m_settings->savePlatform(u"discord"_s, true, u"555"_s, {}, {}, {}); }), QString());
        QCOMPARE(ini.value(u"discord/home_channel"_s).toString(), u"555"_s);
        QVERIFY(!ini.contains(u"discord/allowed_users"_s));
        QCOMPARE(m_settings->saves().value(u"discord"_s).toMap().value(u"text"_s).toString(),
            u"Saved. Discord stays off until its token is set."_s);
        QCOMPARE(
            save([&] { m_settings->savePlatform(u"discord"_s, true, u"555"_s, {}, discordToken, {}); }), QString());
        QCOMPARE(readSecret(u"discord.token"_s), discordToken);
        // Where it takes effect: a gateway elsewhere at its next start, this window's at once.
        QCOMPARE(m_settings->saves().value(u"discord"_s).toMap().value(u"text"_s).toString(),
            u"Saved. The gateway running elsewhere uses this from its next start."_s);
        m_settings->setGatewayRunsHere(true);
        QCOMPARE(
            save([&] { m_settings->savePlatform(u"discord"_s, true, u"555"_s, {}, discordToken, {}); }), QString());
        QCOMPARE(m_settings->saves().value(u"discord"_s).toMap().value(u"text"_s).toString(),
            u"Saved. The gateway restarts with it now."_s);
        m_settings->setGatewayRunsHere(false);

        // Telegram knows people by number: a name is refused and nothing changes.
        const QString refused = save([&] { m_settings->savePlatform(u"telegram"_s, false, {}, u"alice"_s, {}, {}); });
        QCOMPARE(refused, u"Telegram knows people by their numeric user id; 'alice' is not one."_s);
        QCOMPARE(Settings(paths().configFile).platform(u"telegram"_s).allowedUsers.size(), 3);
        QVERIFY(Settings(paths().configFile).platform(u"telegram"_s).enabled);
    }

    void testingTheModel()
    {
        const QString url = m_llm->baseUrl().toString();
        auto [ok, sentence] = test([&] { m_settings->testModel(); });
        QVERIFY2(ok, qPrintable(sentence));
        QCOMPARE(sentence, u"The model endpoint answered: 1 model available."_s);

        std::tie(ok, sentence) = test([&] { m_settings->testModel(url + u'/', u"sk-typed"_s, u"qwen"_s); });
        QVERIFY(ok);
        QCOMPARE(sentence, u"The model endpoint answered: 1 model available, but none is called 'qwen'."_s);

        std::tie(ok, sentence) = test([&] { m_settings->testModel(url + u"/nowhere"_s); });
        QVERIFY(!ok);
        QVERIFY2(sentence.contains(u"404 (Not found)"_s), qPrintable(sentence));

        std::tie(ok, sentence) = test([&] { m_settings->testModel(u"http://127.0.0.1:%1/v1"_s.arg(closedPort())); });
        QVERIFY(!ok);
        QVERIFY2(sentence.startsWith(u"Cannot reach the model endpoint at http://127.0.0.1:"_s)
                && sentence.endsWith(u"the connection was refused. Is the server running?"_s),
            qPrintable(sentence));
        QCOMPARE(m_settings->tests().value(u"model"_s).toMap().value(u"state"_s).toString(), u"failed"_s);
    }

    void testingTelegram()
    {
        auto [ok, sentence] = test([&] { m_settings->testPlatform(u"telegram"_s); });
        QVERIFY2(ok, qPrintable(sentence));
        QCOMPARE(sentence, u"Connected as @baton_test_bot."_s);
        QCOMPARE(m_telegram->calls(u"getMe"_s).size(), 1);

        const QString wrong = u"999:settings-wrong"_s;
        std::tie(ok, sentence) = test([&] { m_settings->testPlatform(u"telegram"_s, wrong); });
        QVERIFY(!ok);
        QCOMPARE(sentence, u"Telegram rejected the bot token (401). Set it with `baton secret set telegram.token`."_s);
        QCOMPARE(m_settings->tests().value(u"telegram"_s).toMap().value(u"text"_s).toString(), sentence);

        // Unreachable: Qt's own error text would carry the URL, and the token with it.
        setIni(u"telegram/api_base"_s, u"http://127.0.0.1:%1"_s.arg(closedPort()));
        m_settings->reload();
        std::tie(ok, sentence) = test([&] { m_settings->testPlatform(u"telegram"_s, wrong); });
        QVERIFY(!ok);
        QCOMPARE(sentence, u"Telegram could not be reached: the connection was refused."_s);
        QVERIFY(!sentence.contains(u"settings-wrong"_s));
        setIni(u"telegram/api_base"_s, m_telegram->apiBase());
        m_settings->reload();
    }

    void testingDiscordAndSlack()
    {
        auto [ok, sentence] = test([&] { m_settings->testPlatform(u"discord"_s); });
        QVERIFY2(ok, qPrintable(sentence));
        QCOMPARE(sentence, u"Connected as baton."_s);
        std::tie(ok, sentence) = test([&] { m_settings->testPlatform(u"discord"_s, u"discord-wrong"_s); });
        QVERIFY(!ok);
        QCOMPARE(sentence, u"Discord rejected the bot token (401). Set it with `baton secret set discord.token`."_s);

        std::tie(ok, sentence) = test([&] { m_settings->testPlatform(u"slack"_s); });
        QVERIFY2(ok, qPrintable(sentence));
        QCOMPARE(sentence, u"Connected to Fake as @baton."_s);
        QCOMPARE(m_slack->calls().constLast().authorization, "Bearer " + slackBot.toUtf8());
        std::tie(ok, sentence) = test([&] { m_settings->testPlatform(u"slack"_s, u"xoxb-wrong"_s); });
        QVERIFY(!ok);
        QCOMPARE(sentence,
            u"Slack rejected the bot token (invalid_auth). Set it with `baton secret set slack.bot_token`."_s);
    }

    void approvingAndDenyingPairingRequests()
    {
        // The gateway records requests through its own connection.
        Database gatewayDb;
        QVERIFY(gatewayDb.open(paths().storeLocation()));
        PairingStore gateway(gatewayDb);
        const auto ana = gateway.requestCode(u"telegram"_s, u"555"_s, u"Ana"_s, u"555"_s);
        const auto bo = gateway.requestCode(u"discord"_s, u"777"_s, u"Bo"_s, u"777"_s);
        QVERIFY(ana && bo);
        QTRY_COMPARE_WITH_TIMEOUT(m_settings->pairingRequests().size(), 2, 5'000);
        const QVariantMap first = m_settings->pairingRequests().at(0).toMap();
        QCOMPARE(first.value(u"code"_s).toString(), ana->code);
        QCOMPARE(first.value(u"userName"_s).toString(), u"Ana"_s);
        QCOMPARE(first.value(u"displayName"_s).toString(), u"Telegram"_s);

        QSignalSpy changed(m_settings.get(), &SettingsController::pairingRequestsChanged);
        m_settings->approve(ana->code.toLower());
        QVERIFY(gateway.isApproved(u"telegram"_s, u"555"_s));
        QCOMPARE(m_settings->pairingNote(), u"Approved Ana (Telegram 555) as a guest: they can talk to Baton now."_s);
        QCOMPARE(m_settings->pairingRequests().size(), 1);
        QCOMPARE(changed.size(), 1);
        // Ana shows among the people who may talk to Baton, as a guest, after the owners.
        const QVariantList people = m_settings->people();
        QVERIFY(!people.isEmpty());
        const QVariantMap ana_ = people.constLast().toMap();
        QCOMPARE(ana_.value(u"userId"_s).toString(), u"555"_s);
        QCOMPARE(ana_.value(u"role"_s).toString(), u"guest"_s);
        QCOMPARE(ana_.value(u"roleText"_s).toString(), u"Guest"_s);
        for (const QVariant &person : people.mid(0, people.size() - 1))
            QCOMPARE(person.toMap().value(u"role"_s).toString(), u"owner"_s);

        m_settings->deny(bo->code);
        QVERIFY(!gateway.isApproved(u"discord"_s, u"777"_s));
        QVERIFY(gateway.pendingRequests().isEmpty());
        QCOMPARE(m_settings->pairingNote(), u"Denied Bo (Discord 777)."_s);
        QVERIFY(m_settings->pairingRequests().isEmpty());

        m_settings->approve(bo->code);
        QCOMPARE(m_settings->pairingNote(), u"No waiting pairing request has the code %1 any more."_s.arg(bo->code));

        m_settings->revoke(u"telegram"_s, u"555"_s);
        QVERIFY(!gateway.isApproved(u"telegram"_s, u"555"_s));
        QCOMPARE(m_settings->pairingNote(), u"Revoked Ana (Telegram 555): Baton no longer answers them."_s);
        for (const QVariant &person : m_settings->people())
            QVERIFY(person.toMap().value(u"role"_s).toString() != u"guest"_s);
    }

    void theDialog()
    {
        // Two strangers waiting, for the pairing page.
        Database gatewayDb;
        QVERIFY(gatewayDb.open(paths().storeLocation()));
        PairingStore gateway(gatewayDb);
        const auto cleo = gateway.requestCode(u"telegram"_s, u"4815162342"_s, u"Cleo Martins"_s, u"4815162342"_s);
        const auto dev = gateway.requestCode(u"slack"_s, u"U07DEV"_s, u"dev"_s, u"D07"_s);
        QVERIFY(cleo && dev);

        ChatController chat(paths());
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        // The window reaches the controllers as singletons, as in the application.
        ChatController::setInstance(&chat);
        SettingsController::setInstance(m_settings.get());
        for (const bool dark : { false, true }) {
            if (dark)
                QGuiApplication::setPalette(darkTestPalette());
            const QString suffix = dark ? u"dark"_s : u"light"_s;
            QQmlEngine engine;
            engine.addImportPath(u"qrc:/qt/qml"_s);
            QQmlComponent component(&engine);
            component.setData(hostQml(), QUrl::fromLocalFile(m_dir.filePath(u"SettingsHost.qml"_s)));
            std::unique_ptr<QObject> root(component.create());
            QVERIFY2(root, qPrintable(component.errorString()));
            auto *window = qobject_cast<QQuickWindow *>(root.get());
            QVERIFY(window);
            window->resize(1100, 720);
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QObject *dialog = window->findChild<QObject *>(u"settingsDialog"_s);
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->property("opened").toBool());
            const auto item = [dialog](const QString &name, QQuickItem *under = nullptr) {
                auto *scope = qvariant_cast<QQuickItem *>(dialog->property("contentItem"));
                auto *found = findItem(under ? under : scope, name);
                if (!found)
                    qWarning() << "no item named" << name;
                return found;
            };
            const auto screenshot = [window](const QString &name) {
                QDir().mkpath(u"screenshots"_s);
                const QImage image = window->grabWindow();
                return !image.isNull() && image.save(u"screenshots/%1.png"_s.arg(name));
            };

            // The model page, filled from baton.ini, saving what is typed.
            QCOMPARE(item(u"baseUrlField"_s)->property("text").toString(), m_llm->baseUrl().toString());
            QCOMPARE(item(u"modelField"_s)->property("text").toString(), u"fake-model"_s);
            QVERIFY(!item(u"saveModelButton"_s)->isEnabled());
            item(u"modelField"_s)->setProperty("text", u"fake-model-2"_s);
            QVERIFY(item(u"saveModelButton"_s)->isEnabled());
            QCOMPARE(save([&] { QMetaObject::invokeMethod(item(u"saveModelButton"_s), "clicked"); }), QString());
            QCOMPARE(Settings(paths().configFile).model(), u"fake-model-2"_s);
            QVERIFY(!item(u"saveModelButton"_s)->isEnabled());
            item(u"modelField"_s)->setProperty("text", u"fake-model"_s);
            QCOMPARE(save([&] { QMetaObject::invokeMethod(item(u"saveModelButton"_s), "clicked"); }), QString());
            // The default system prompt, for chats without their own; lines, commas and quotes survive
            // baton.ini, which stays valid.
            const QString prompt = u"Be brief, and kind.\nSay \"hi\"; then help."_s;
            item(u"systemPromptField"_s)->setProperty("text", prompt);
            QVERIFY(item(u"saveModelButton"_s)->isEnabled());
            QCOMPARE(save([&] { QMetaObject::invokeMethod(item(u"saveModelButton"_s), "clicked"); }), QString());
            QCOMPARE(Settings(paths().configFile).systemPrompt(), prompt);
            QCOMPARE(Settings(paths().configFile).errorString(), QString());
            QCOMPARE(m_settings->systemPrompt(), prompt);
            item(u"systemPromptField"_s)->setProperty("text", QString());
            QCOMPARE(save([&] { QMetaObject::invokeMethod(item(u"saveModelButton"_s), "clicked"); }), QString());
            QCOMPARE(Settings(paths().configFile).systemPrompt(), QString());
            m_llm->setModels({ u"fake-model"_s, u"fake-model-2"_s });
            auto [ok, sentence] = test([&] { QMetaObject::invokeMethod(item(u"testModelButton"_s), "clicked"); });
            QVERIFY2(ok, qPrintable(sentence));
            QTRY_VERIFY(item(u"modelTestResult"_s)->isVisible());
            // The test names what the server offers; choosing one fills the model field.
            QQuickItem *picker = nullptr;
            QTRY_VERIFY((picker = findItem(qvariant_cast<QQuickItem *>(dialog->property("contentItem")),
                             u"offeredModelPicker"_s, true)));
            QCOMPARE(picker->property("count").toInt(), 2);
            QCOMPARE(picker->property("displayText").toString(), u"fake-model"_s);
            QVERIFY(QMetaObject::invokeMethod(picker, "activated", Q_ARG(int, 1)));
            QCOMPARE(item(u"modelField"_s)->property("text").toString(), u"fake-model-2"_s);
            item(u"modelField"_s)->setProperty("text", u"fake-model"_s);
            QVERIFY(screenshot(u"settings-"_s + suffix));

            // Telegram: a test with the saved token, then with a typed wrong one.
            dialog->setProperty("page", u"telegram"_s);
            QQuickItem *telegram = item(u"platformPage_telegram"_s);
            QVERIFY(telegram && telegram->isVisible());
            QCOMPARE(item(u"homeField"_s, telegram)->property("text").toString(), u"-1001234567890"_s);
            QCOMPARE(item(u"enabledSwitch"_s, telegram)->property("checked").toBool(), true);
            std::tie(ok, sentence)
                = test([&] { QMetaObject::invokeMethod(item(u"testPlatformButton"_s, telegram), "clicked"); });
            QCOMPARE(sentence, u"Connected as @baton_test_bot."_s);
            QTRY_VERIFY(item(u"platformTestResult"_s, telegram)->isVisible());
            QVERIFY(screenshot(u"settings-telegram-"_s + suffix));
            item(u"tokenField"_s, telegram)->setProperty("text", u"999:typed-wrong"_s);
            std::tie(ok, sentence)
                = test([&] { QMetaObject::invokeMethod(item(u"testPlatformButton"_s, telegram), "clicked"); });
            QVERIFY(!ok);
            QVERIFY(sentence.startsWith(u"Telegram rejected the bot token (401)."_s));
            QVERIFY(!sentence.contains(u"typed-wrong"_s));
            QVERIFY(screenshot(u"settings-telegram-rejected-"_s + suffix));

            // Slack has two tokens.
            dialog->setProperty("page", u"slack"_s);
            QQuickItem *slack = item(u"platformPage_slack"_s);
            QVERIFY(item(u"appTokenField"_s, slack)->isVisible());
            QVERIFY(!item(u"appTokenField"_s, telegram)->isVisible());
            // The page left waits outside the window, with what was typed on it.
            QCOMPARE(telegram->window(), nullptr);
            QVERIFY(screenshot(u"settings-slack-"_s + suffix));
            dialog->setProperty("page", u"telegram"_s);
            QCOMPARE(item(u"platformPage_telegram"_s), telegram);
            QCOMPARE(item(u"tokenField"_s, telegram)->property("text").toString(), u"999:typed-wrong"_s);
            dialog->setProperty("page", u"slack"_s);

            // Pairing: approve from the page.
            dialog->setProperty("page", u"pairing"_s);
            QTRY_COMPARE_WITH_TIMEOUT(m_settings->pairingRequests().size(), dark ? 1 : 2, 5'000);
            QVERIFY(screenshot(u"settings-pairing-"_s + suffix));
            if (!dark) {
                QQuickItem *row = item(u"pairingRow_"_s + cleo->code);
                QVERIFY(row);
                QMetaObject::invokeMethod(item(u"approveButton"_s, row), "clicked");
                QVERIFY(gateway.isApproved(u"telegram"_s, u"4815162342"_s));
                QTRY_VERIFY(item(u"pairingNote"_s)->isVisible());
            }
            // Away from the desk: a desktop without a screen lock service greys the choice out and says why.
            dialog->setProperty("page", u"away"_s);
            const QString why
                = u"Baton cannot tell when the screen locks: no screen saver service on the session bus."_s;
            m_settings->away()->setLockUnavailable(why);
            QTRY_VERIFY(item(u"awayOnLock"_s)->isVisible());
            QVERIFY(!item(u"awayOnLock"_s)->isEnabled());
            QCOMPARE(item(u"awayLockReason"_s)->property("text").toString(), why);
            QVERIFY(screenshot(u"settings-away-"_s + suffix));
            m_settings->away()->setLockUnavailable({});
            QVERIFY(item(u"awayOnLock"_s)->isEnabled());
            dialog->setProperty("page", u"model"_s);
        }
        QGuiApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestSettingsController)
#include "tst_settingscontroller.moc"
