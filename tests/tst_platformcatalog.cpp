// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/connectioncheck.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "fakediscordserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "gateway/platformadapter.h"
#include "platformfactory.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

/// The platform catalogue: each platform describes itself once, next to its adapter, and everything
/// that needs "which platforms are there" (secrets, Settings fields, probes, adapters) reads it.
class TestPlatformCatalog : public QObject
{
    Q_OBJECT

private:
    // A fake of @p platform on 127.0.0.1 that accepts @p token; its API base.
    QString startFake(const QString &platform, const QString &token, std::unique_ptr<QObject> &holder)
    {
        if (platform == "telegram"_L1) {
            auto fake = std::make_unique<FakeTelegramServer>(token);
            const QString base = fake->listen() ? fake->apiBase() : QString();
            holder = std::move(fake);
            return base;
        }
        if (platform == "discord"_L1) {
            auto fake = std::make_unique<FakeDiscordServer>(token);
            const QString base = fake->listen() ? fake->apiBase() : QString();
            holder = std::move(fake);
            return base;
        }
        auto fake = std::make_unique<FakeSlackServer>(token, u"xapp-1-test"_s);
        const QString base = fake->listen() ? fake->apiBase() : QString();
        holder = std::move(fake);
        return base;
    }

private Q_SLOTS:
    void theBuildHasItsThreePlatformsInOrder()
    {
        QCOMPARE(PlatformCatalog::names(), (QStringList { u"telegram"_s, u"discord"_s, u"slack"_s }));
        QCOMPARE(PlatformCatalog::displayName(u"slack"_s), u"Slack"_s);
        QCOMPARE(PlatformCatalog::homeChatKey(u"telegram"_s), u"home_chat"_s);
        QCOMPARE(PlatformCatalog::secrets(u"slack"_s), (QStringList { u"slack.bot_token"_s, u"slack.app_token"_s }));
        QVERIFY(!PlatformCatalog::isKnown(u"irc"_s));
        QCOMPARE(PlatformCatalog::displayName(u"irc"_s), u"irc"_s);
    }

    void everyPlatformDescribesItselfWhole_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : PlatformCatalog::names())
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyPlatformDescribesItselfWhole()
    {
        QFETCH(QString, name);
        const PlatformCatalog::Descriptor *platform = PlatformCatalog::find(name);
        QVERIFY(platform);
        QVERIFY(!platform->displayName.isEmpty());
        QVERIFY2(platform->defaultApiBase.startsWith(u"https://"_s), qPrintable(platform->defaultApiBase));
        QVERIFY(platform->homeChatKey == "home_chat"_L1 || platform->homeChatKey == "home_channel"_L1);
        QVERIFY(!platform->secrets.isEmpty());
        QVERIFY(platform->probe);
        QVERIFY(platform->homeRequest && platform->homeAnswer);
        QVERIFY(platform->createAdapter);
        QVERIFY(platform->fields);

        // Its secrets are the keychain's, named after it; each has a field on the Settings page.
        QStringList fieldSecrets;
        QStringList keys;
        for (const PlatformCatalog::Field &field : platform->fields()) {
            QVERIFY2(!field.label.isEmpty() && !field.hint.isEmpty(), qPrintable(field.key));
            keys << field.key;
            if (!field.secret.isEmpty())
                fieldSecrets << field.secret;
        }
        QCOMPARE(fieldSecrets, platform->secrets);
        QVERIFY(keys.contains(u"token"_s) && keys.contains(u"home"_s) && keys.contains(u"users"_s));
        for (const QString &secret : platform->secrets) {
            QVERIFY2(secret.startsWith(name + u'.'), qPrintable(secret));
            QVERIFY2(SecretStore::names().contains(secret), qPrintable(secret));
            QVERIFY(!SecretStore::environmentVariable(secret).isEmpty());
        }

        // Its adapter comes from the same entry.
        QNetworkAccessManager network;
        Settings::Platform config;
        config.apiBase = platform->defaultApiBase;
        QHash<QString, QString> secrets;
        for (const QString &secret : platform->secrets)
            secrets.insert(secret, u"t0ken"_s);
        std::unique_ptr<PlatformAdapter> adapter(PlatformFactory::create(name, config, secrets, &network, nullptr));
        QVERIFY(adapter);
        QCOMPARE(adapter->name(), name);
    }

    void noSecretBelongsToTwoPlatforms()
    {
        QStringList all;
        for (const QString &name : PlatformCatalog::names())
            all << PlatformCatalog::secrets(name);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
        QCOMPARE(SecretStore::names(), QStringList({ u"llm.api_key"_s, u"store.password"_s }) + all);
    }

    void theProbeAsksThePlatformWhoTheBotIs_data() { everyPlatformDescribesItselfWhole_data(); }
    void theProbeAsksThePlatformWhoTheBotIs()
    {
        QFETCH(QString, name);
        const QString token = u"%1-token-4242"_s.arg(name);
        std::unique_ptr<QObject> fake;
        const QString apiBase = startFake(name, token, fake);
        QVERIFY(!apiBase.isEmpty());
        QNetworkAccessManager network;
        ConnectionCheck check(&network);
        QSignalSpy finished(&check, &ConnectionCheck::finished);
        QSignalSpy identified(&check, &ConnectionCheck::identified);

        check.checkPlatform(name, apiBase + u"/"_s, token);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.at(0).at(0).toString(), name);
        QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
        QVERIFY(finished.at(0).at(2).toString().startsWith(u"Connected"_s));
        QCOMPARE(identified.size(), 1);
        QVERIFY(!identified.at(0).at(1).toString().isEmpty());

        check.checkPlatform(name, apiBase, u"wrong-4242"_s);
        QVERIFY(finished.wait(10'000));
        const QString refused = finished.at(1).at(2).toString();
        QVERIFY(!finished.at(1).at(1).toBool());
        QVERIFY2(refused.contains(u"rejected the bot token"_s), qPrintable(refused));
        QVERIFY2(!refused.contains(u"wrong-4242"_s), qPrintable(refused));
        QCOMPARE(identified.size(), 1);
    }

    void slacksProbeNamesTheMissingAppToken()
    {
        std::unique_ptr<QObject> fake;
        const QString apiBase = startFake(u"slack"_s, u"xoxb-1"_s, fake);
        QNetworkAccessManager network;
        ConnectionCheck check(&network);
        QSignalSpy finished(&check, &ConnectionCheck::finished);
        check.checkPlatform(u"slack"_s, apiBase, u"xoxb-1"_s, { u"slack.app_token"_s });
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.at(0).at(2).toString(),
            u"Connected to Fake as @baton, but no app token is set: Socket Mode needs one."_s);
    }

    void anUnknownPlatformIsASentence()
    {
        QNetworkAccessManager network;
        ConnectionCheck check(&network);
        QSignalSpy finished(&check, &ConnectionCheck::finished);
        check.checkPlatform(u"irc"_s, u"http://127.0.0.1:1"_s, u"t"_s);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(2).toString(), u"This build of Baton has no platform called 'irc'."_s);
    }

    // Last: it changes the catalogue for the rest of the process.
    void aNewPlatformIsOneRegistration()
    {
        PlatformCatalog::Descriptor matrix;
        matrix.name = u"matrix"_s;
        matrix.displayName = u"Matrix"_s;
        matrix.defaultApiBase = u"https://matrix.org"_s;
        matrix.homeChatKey = u"home_channel"_s;
        matrix.secrets = { u"matrix.token"_s };
        PlatformCatalog::add(matrix);
        PlatformCatalog::Descriptor impostor = matrix;
        impostor.displayName = u"Impostor"_s;
        PlatformCatalog::add(impostor); // a second entry by a name is ignored
        QCOMPARE(PlatformCatalog::names().last(), u"matrix"_s);
        QCOMPARE(PlatformCatalog::displayName(u"matrix"_s), u"Matrix"_s);
        QVERIFY(SecretStore::names().contains(u"matrix.token"_s));
        QCOMPARE(SecretStore::environmentVariable(u"matrix.token"_s), u"BATON_MATRIX_TOKEN"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlatformCatalog)
#include "tst_platformcatalog.moc"
