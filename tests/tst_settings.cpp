// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/apppaths.h"
#include "config/settings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    static QString writeIni(QTemporaryDir &dir, const QByteArray &text)
    {
        const QString path = dir.filePath(u"baton.ini"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return path;
    }

private Q_SLOTS:
    void defaultsWithoutAFile()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(u"absent.ini"_s));
        QVERIFY(settings.errorString().isEmpty());
        QCOMPARE(settings.llmBaseUrl(), u"http://127.0.0.1:11434/v1"_s);
        QCOMPARE(settings.llmTimeoutSeconds(), 120);
        QVERIFY(settings.model().isEmpty());
        QVERIFY(settings.gatewayEnabled());
        QVERIFY(settings.llmIncludeUsage()); // a server refusing it is asked again without (ChatStream)
        QVERIFY(!settings.gatewayShowThinking()); // the model's reasoning stays off the platforms
        const auto telegram = settings.platform(u"telegram"_s);
        QVERIFY(!telegram.enabled);
        QCOMPARE(telegram.apiBase, u"https://api.telegram.org"_s);
        QCOMPARE(settings.platform(u"discord"_s).apiBase, u"https://discord.com/api/v10"_s);
        QCOMPARE(settings.platform(u"slack"_s).apiBase, u"https://slack.com/api"_s);
    }

    void readsTheDesignedKeys()
    {
        QTemporaryDir dir;
        Settings settings(writeIni(dir,
            "[llm]\nbase_url=http://127.0.0.1:9/v1\nmodel=qwen\ntimeout_s=30\nsystem_prompt=Be brief.\n"
            "[telegram]\nenabled=true\napi_base=http://127.0.0.1:8081\nhome_chat=-1001\nhome_thread=7\n"
            "allowed_users=111, 222\n"
            "[discord]\nenabled=true\nhome_channel=555\nallowed_users=9\ngateway_url=ws://127.0.0.1:1\n"
            "[slack]\ntimeout_s=x\n[gateway]\nshow_thinking=true\n"));
        QVERIFY(settings.errorString().isEmpty());
        QVERIFY(settings.gatewayShowThinking());
        QCOMPARE(settings.llmBaseUrl(), u"http://127.0.0.1:9/v1"_s);
        QCOMPARE(settings.model(), u"qwen"_s);
        QCOMPARE(settings.llmTimeoutSeconds(), 30);
        QCOMPARE(settings.systemPrompt(), u"Be brief."_s);
        const auto telegram = settings.platform(u"telegram"_s);
        QVERIFY(telegram.enabled);
        QCOMPARE(telegram.apiBase, u"http://127.0.0.1:8081"_s);
        QCOMPARE(telegram.homeChat, u"-1001"_s);
        QCOMPARE(telegram.homeThread, u"7"_s);
        QCOMPARE(telegram.allowedUsers, (QStringList { u"111"_s, u"222"_s }));
        const auto discord = settings.platform(u"discord"_s);
        QCOMPARE(discord.homeChat, u"555"_s);
        QCOMPARE(discord.allowedUsers, QStringList { u"9"_s });
        QCOMPARE(discord.gatewayUrl, u"ws://127.0.0.1:1"_s);
    }

    void badTimeoutFallsBackToTheDefault()
    {
        QTemporaryDir dir;
        Settings settings(writeIni(dir, "[llm]\ntimeout_s=soon\n"));
        QCOMPARE(settings.llmTimeoutSeconds(), 120);
    }

    void awayDefaultsReadAndRoundTrip()
    {
        QTemporaryDir dir;
        const Settings::Away defaults = Settings(dir.filePath(u"absent.ini"_s)).away();
        QCOMPARE(defaults.onLock, Settings::Away::OnLock::Ask);
        QCOMPARE(defaults.activeMinutes, 15);
        QVERIFY(!defaults.keepAwake);
        QVERIFY(defaults.notify);
        QVERIFY(defaults.platform.isEmpty());

        const QString path = writeIni(dir, "[away]\non_lock=nothing\nactive_minutes=0\nplatform=slack\n");
        const Settings::Away read = Settings(path).away();
        QCOMPARE(read.onLock, Settings::Away::OnLock::Nothing);
        QCOMPARE(read.activeMinutes, 1); // clamped: a conversation is active for at least a minute
        QCOMPARE(read.platform, u"slack"_s);

        Settings::Away changed;
        changed.onLock = Settings::Away::OnLock::HandOff;
        changed.activeMinutes = 30;
        changed.keepAwake = true;
        changed.notify = false;
        {
            Settings settings(path);
            settings.setAway(changed);
            QVERIFY(settings.save().isEmpty());
        }
        const Settings::Away back = Settings(path).away();
        QCOMPARE(back.onLock, Settings::Away::OnLock::HandOff);
        QCOMPARE(back.activeMinutes, 30);
        QVERIFY(back.keepAwake);
        QVERIFY(!back.notify);
        QVERIFY(back.platform.isEmpty()); // the first ready one again
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(u"away/on_lock"_s).toString(), u"handoff"_s);
    }

    void setHomeWritesTheRightKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"baton.ini"_s);
        {
            Settings settings(path);
            settings.setHome(u"telegram"_s, u"-100"_s, u"3"_s);
            settings.setHome(u"slack"_s, u"C1"_s, {});
            settings.setModel(u"llama"_s);
        }
        Settings reread(path);
        QCOMPARE(reread.platform(u"telegram"_s).homeChat, u"-100"_s);
        QCOMPARE(reread.platform(u"telegram"_s).homeThread, u"3"_s);
        QCOMPARE(reread.platform(u"slack"_s).homeChat, u"C1"_s);
        QCOMPARE(reread.model(), u"llama"_s);
    }

    void writtenConfigIsPrivate()
    {
        const mode_t previous = ::umask(022);
        QTemporaryDir dir;
        // A file an older Baton (or an editor) left readable by all, and one Settings creates.
        const QString existing = writeIni(dir, "[llm]\nmodel=a\n");
        QVERIFY(QFile::setPermissions(
            existing, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        Settings settings(existing);
        settings.setModel(u"b"_s);
        QCOMPARE(settings.save(), QString());
        const QString fresh = dir.filePath(u"new/baton.ini"_s);
        Settings created(fresh);
        created.setHome(u"telegram"_s, u"42"_s, {}); // what /sethome writes
        created.sync();
        ::umask(previous);
        for (const QString &path : { existing, fresh }) {
            struct stat st
            {
            };
            QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
            QCOMPARE(int(st.st_mode & 0777), 0600);
        }
        QCOMPARE(Settings(existing).model(), u"b"_s);
        QCOMPARE(Settings(fresh).platform(u"telegram"_s).homeChat, u"42"_s);
    }

    void pathsFollowOptionThenEnvironmentThenXdg()
    {
        QTemporaryDir dir;
        qputenv("XDG_DATA_HOME", dir.filePath(u"xdg-data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", dir.filePath(u"xdg-config"_s).toUtf8());
        qunsetenv("BATON_DATA_DIR");
        qunsetenv("BATON_CONFIG");
        QCOMPARE(AppPaths::resolve().dataDir, dir.filePath(u"xdg-data/baton"_s));
        QCOMPARE(AppPaths::resolve().configFile, dir.filePath(u"xdg-config/baton/baton.ini"_s));
        qputenv("BATON_DATA_DIR", dir.filePath(u"env"_s).toUtf8());
        QCOMPARE(AppPaths::resolve().storeLocation(), dir.filePath(u"env/state.db"_s));
        QCOMPARE(AppPaths::resolve(dir.filePath(u"opt"_s)).dataDir, dir.filePath(u"opt"_s));
        qunsetenv("BATON_DATA_DIR");
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
