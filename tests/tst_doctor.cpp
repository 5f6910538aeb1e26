// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

/// `baton doctor` with the real binary under a real keychain, against the fakes: healthy, then broken.
class TestDoctor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<QTemporaryDir> m_dir;

    void writeConfig(const QByteArray &llmBase, bool withHome)
    {
        QFile ini(m_dir->filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + llmBase + "\nmodel=fake-model\n[telegram]\nenabled=true\napi_base="
            + m_telegram->apiBase().toUtf8() + "\n" + (withHome ? "home_chat=-100123\n" : ""));
    }
    BatonRun doctor(const QString &token, bool withKeychain = true, const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &key : extra.keys())
            e.insert(key, extra.value(key));
        e.insert(u"BATON_DATA_DIR"_s, m_dir->path());
        e.insert(u"BATON_CONFIG"_s, m_dir->filePath(u"baton.ini"_s));
        if (token.isEmpty())
            e.remove(u"BATON_TELEGRAM_TOKEN"_s);
        else
            e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        if (!withKeychain) // a server: no session bus, so no Secret Service
            e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(m_dir->filePath(u"no-bus"_s)));
        return runBaton({ u"doctor"_s }, e);
    }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:doctor"_s);
        QVERIFY(m_llm->listen() && m_telegram->listen());
        m_telegram->addGroup(-100123, u"Home"_s, false);
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void aHealthySetupPassesEveryCheck()
    {
        writeConfig(m_llm->baseUrl().toString().toUtf8(), true);
        const BatonRun run = doctor(u"4242:doctor"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QStringList lines = run.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 7); // config, data dir, state.db, gateway, keychain, model, Telegram
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(u"ok    "_s), qPrintable(line));
        QVERIFY(run.out.contains(u"Connected as @baton_test_bot."_s));
        QVERIFY(run.out.contains(u"The model endpoint answered: 1 model available."_s));
    }

    void aBrokenSetupSaysWhatToFix()
    {
        writeConfig("http://127.0.0.1:9/v1", false);
        const BatonRun run = doctor(u"4242:wrong"_s);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"FAIL  model       Cannot reach the model endpoint at http://127.0.0.1:9/v1"_s),
            qPrintable(run.out));
        QVERIFY2(
            run.out.contains(
                u"FAIL  Telegram    Telegram rejected the bot token (401). Set it with `baton secret set telegram.token`."_s),
            qPrintable(run.out));
        QVERIFY(!run.out.contains(u"wrong"_s)); // the token never shows

        writeConfig(m_llm->baseUrl().toString().toUtf8(), false);
        const BatonRun noHome = doctor(u"4242:doctor"_s);
        QCOMPARE(noHome.exitCode, 1);
        QVERIFY2(noHome.out.contains(u"It has no home channel"_s), qPrintable(noHome.out));
    }

    void aMalformedConfigIsNamedWithItsLineEverywhere()
    {
        QFile ini(m_dir->filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nmodel=fake-model\nmodle=typo\n[llm\ntimeout_s=abc\n");
        ini.close();
        const QString where = m_dir->filePath(u"baton.ini"_s);
        const BatonRun run = doctor(u"4242:doctor"_s);
        QCOMPARE(run.exitCode, 1);
        // doctor names every problem, the unknown key too.
        QVERIFY2(run.out.contains(where + u", line 3: unknown key modle in [llm]"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(where + u", line 4: the section name \"[llm\" lacks its closing \"]\""_s),
            qPrintable(run.out));
        // The gateway and the other commands stop at the first with exit status 2, the same sentence.
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_dir->path());
        e.insert(u"BATON_CONFIG"_s, where);
        for (const QStringList &args : { QStringList { u"--no-gui"_s }, QStringList { u"chat"_s } }) {
            const BatonRun stopped = runBaton(args, e);
            QCOMPARE(stopped.exitCode, 2);
            QCOMPARE(stopped.err.trimmed(),
                u"baton: "_s + where + u", line 4: the section name \"[llm\" lacks its closing \"]\""_s);
        }
    }

    void homeChatsAreCheckedOnEveryPlatform()
    {
        FakeDiscordServer discord(u"discord-doctor"_s);
        FakeSlackServer slack(u"xoxb-doctor"_s, u"xapp-doctor"_s);
        QVERIFY(discord.listen() && slack.listen());
        discord.addGuildChannel(u"700000000000000001"_s, u"700000000000000010"_s, u"general"_s);
        slack.addChannel(u"C0000000001"_s, u"general"_s);
        QProcessEnvironment tokens;
        tokens.insert(u"BATON_DISCORD_TOKEN"_s, u"discord-doctor"_s);
        tokens.insert(u"BATON_SLACK_BOT_TOKEN"_s, u"xoxb-doctor"_s);
        tokens.insert(u"BATON_SLACK_APP_TOKEN"_s, u"xapp-doctor"_s);
        const auto configure = [&](const QByteArray &telegramHome, const QByteArray &discordHome,
                                   const QByteArray &slackHome) {
            QFile ini(m_dir->filePath(u"baton.ini"_s));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
                + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8() + "\nhome_chat=" + telegramHome
                + "\n[discord]\nenabled=true\napi_base=" + discord.apiBase().toUtf8() + "\nhome_channel=" + discordHome
                + "\n[slack]\nenabled=true\napi_base=" + slack.apiBase().toUtf8() + "\nhome_channel=" + slackHome
                + "\n");
        };

        configure("-100123", "700000000000000010", "C0000000001");
        const BatonRun good = doctor(u"4242:doctor"_s, true, tokens);
        QVERIFY2(good.exitCode == 0, qPrintable(good.out + good.err));
        QVERIFY2(good.out.contains(u"The home chat -100123 (Home) is there."_s), qPrintable(good.out));
        QVERIFY2(good.out.contains(u"The home channel #general is there."_s), qPrintable(good.out));
        QVERIFY2(
            good.out.contains(u"The home channel C0000000001 is there and the bot is in it."_s), qPrintable(good.out));
        QCOMPARE(m_telegram->calls(u"getChat"_s).size(), 1);

        configure("-100999", "700000000000000099", "C0000000404");
        const BatonRun bad = doctor(u"4242:doctor"_s, true, tokens);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains(u"The home chat -100999 is not one the bot can use (Bad Request: chat not found)"_s),
            qPrintable(bad.out));
        QVERIFY2(bad.out.contains(u"The home channel 700000000000000099 does not exist (404)"_s), qPrintable(bad.out));
        QVERIFY2(bad.out.contains(u"The home channel C0000000404 cannot be used (channel_not_found)"_s),
            qPrintable(bad.out));

        slack.removeBotFrom(u"C0000000001"_s);
        configure("-100123", "700000000000000010", "C0000000001");
        const BatonRun outside = doctor(u"4242:doctor"_s, true, tokens);
        QCOMPARE(outside.exitCode, 1);
        QVERIFY2(outside.out.contains(u"The bot is not in the home channel C0000000001"_s), qPrintable(outside.out));
    }

    void aServerWithoutKeychainPassesWhenTheEnvironmentHoldsTheTokens()
    {
        writeConfig(m_llm->baseUrl().toString().toUtf8(), true);
        const BatonRun run = doctor(u"4242:doctor"_s, false);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"ok    keychain    not reachable; the environment holds every token"_s),
            qPrintable(run.out));

        const BatonRun missing = doctor({}, false);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(
            missing.out.contains(u"FAIL  keychain    cannot be reached; set the secrets in the environment instead: "
                                 "BATON_TELEGRAM_TOKEN."_s),
            qPrintable(missing.out));
    }
};

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
