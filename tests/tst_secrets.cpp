// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "config/secretstore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/**
 * Runs inside tests/with-keyring.sh: a private session bus with a real gnome-keyring, so these
 * are the keychain calls a desktop makes, not a mock of them.
 */
class TestSecrets : public QObject
{
    Q_OBJECT

private:
    static BatonRun baton(const QStringList &args, const QByteArray &stdinData = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        return runBaton(args, env, stdinData);
    }

    static QString readSecret(SecretStore &store, const QString &name, QString *error = nullptr)
    {
        QSignalSpy spy(&store, &SecretStore::readFinished);
        store.read(name);
        if (!spy.wait(10'000))
            return u"<timeout>"_s;
        if (error)
            *error = spy.first().at(2).toString();
        return spy.first().at(1).toString();
    }

private Q_SLOTS:
    void init()
    {
        for (const QString &name : SecretStore::names())
            qunsetenv(SecretStore::environmentVariable(name).toLatin1().constData());
    }

    void environmentVariableNames()
    {
        QCOMPARE(SecretStore::environmentVariable(u"llm.api_key"_s), u"BATON_LLM_API_KEY"_s);
        QCOMPARE(SecretStore::environmentVariable(u"slack.app_token"_s), u"BATON_SLACK_APP_TOKEN"_s);
        QVERIFY(SecretStore::environmentVariable(u"nonsense"_s).isEmpty());
    }

    void writeReadRemoveThroughTheKeychain()
    {
        SecretStore store;
        QSignalSpy written(&store, &SecretStore::writeFinished);
        store.write(u"discord.token"_s, u"disc-123"_s);
        QVERIFY(written.wait(10'000));
        QCOMPARE(written.first().at(1).toString(), QString());

        QString error;
        QCOMPARE(readSecret(store, u"discord.token"_s, &error), u"disc-123"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QSignalSpy removed(&store, &SecretStore::removeFinished);
        store.remove(u"discord.token"_s);
        QVERIFY(removed.wait(10'000));
        QCOMPARE(removed.first().at(1).toBool(), true);
        QCOMPARE(readSecret(store, u"discord.token"_s, &error), QString());
        QVERIFY2(error.isEmpty(), qPrintable(error)); // not set is not an error

        store.remove(u"discord.token"_s);
        QVERIFY(removed.wait(10'000));
        QCOMPARE(removed.at(1).at(1).toBool(), false);
    }

    void environmentWinsOverTheKeychain()
    {
        SecretStore store;
        QSignalSpy written(&store, &SecretStore::writeFinished);
        store.write(u"slack.bot_token"_s, u"from-keychain"_s);
        QVERIFY(written.wait(10'000));
        qputenv("BATON_SLACK_BOT_TOKEN", "from-env");
        QCOMPARE(readSecret(store, u"slack.bot_token"_s), u"from-env"_s);
        qunsetenv("BATON_SLACK_BOT_TOKEN");
        QCOMPARE(readSecret(store, u"slack.bot_token"_s), u"from-keychain"_s);
    }

    void secretCommandReadsStdinOnly()
    {
        const QString planted = u"tg-planted-7f3a9c"_s;
        const BatonRun set = baton({ u"secret"_s, u"set"_s, u"telegram.token"_s }, planted.toUtf8() + "\n");
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains(u"Stored telegram.token in the keychain."_s));
        QVERIFY(!set.out.contains(planted) && !set.err.contains(planted));

        SecretStore store;
        QCOMPARE(readSecret(store, u"telegram.token"_s), planted);

        const BatonRun del = baton({ u"secret"_s, u"delete"_s, u"telegram.token"_s });
        QCOMPARE(del.exitCode, 0);
        QVERIFY(del.out.contains(u"Deleted telegram.token"_s));
        QCOMPARE(readSecret(store, u"telegram.token"_s), QString());
    }

    void secretCommandUsageErrors()
    {
        const BatonRun unknown = baton({ u"secret"_s, u"set"_s, u"github.token"_s }, "x");
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(u"unknown secret 'github.token'"_s));
        const BatonRun empty = baton({ u"secret"_s, u"set"_s, u"llm.api_key"_s }, "\n");
        QCOMPARE(empty.exitCode, 2);
        QVERIFY(empty.err.contains(u"no value for llm.api_key on stdin"_s));
        const BatonRun missing = baton({ u"secret"_s, u"set"_s });
        QCOMPARE(missing.exitCode, 2);
    }

    void noKeychainSaysWhatToDoInstead()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // A headless server: no session bus to find, no display to autolaunch one.
        for (const QString &variable :
            { u"DBUS_SESSION_BUS_ADDRESS"_s, u"XDG_RUNTIME_DIR"_s, u"DISPLAY"_s, u"GNOME_KEYRING_CONTROL"_s })
            env.remove(variable);
        const BatonRun run = baton({ u"secret"_s, u"set"_s, u"llm.api_key"_s }, "sk-should-not-leak", env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"BATON_LLM_API_KEY"_s), qPrintable(run.err));
        QVERIFY(!run.err.contains(u"sk-should-not-leak"_s));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
