// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "config/secretstore.h"
#include "desktopcontext.h"
#include "fakellmserver.h"
#include "settingscontroller.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

/// The window's parts on one DesktopContext: one connection to state.db, one baton.ini, and the
/// model picker asking the endpoint through the model client, errors included.
class TestDesktopContext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;

    AppPaths paths() const { return { m_dir.filePath(u"data"_s), m_dir.filePath(u"baton.ini"_s), {} }; }

private Q_SLOTS:
    void initTestCase()
    {
        // Every secret from the environment: no keychain is asked.
        for (const QString &name : SecretStore::names())
            qputenv(SecretStore::environmentVariable(name).toLatin1().constData(), "env-secret-1234");
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n");
    }

    void theWindowHasOneConnection()
    {
        const int before = int(QSqlDatabase::connectionNames().size());
        DesktopContext context(paths());
        ChatController chat(context);
        SettingsController settings(context);
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        QVERIFY2(settings.open(), qPrintable(settings.errorText()));
        QCOMPARE(QSqlDatabase::connectionNames().size(), before + 1);
        QVERIFY(chat.findChildren<QNetworkAccessManager *>().isEmpty());
        // Both read the same baton.ini: a model chosen in the header is the one Settings shows.
        chat.setModel(u"llama3"_s);
        QCOMPARE(settings.model(), u"llama3"_s);
        chat.setModel(u"fake-model"_s);
    }

    void theHeaderListsTheModelsTheEndpointOffers()
    {
        m_llm->setModels({ u"llama3"_s, u"qwen2.5"_s });
        DesktopContext context(paths());
        ChatController chat(context);
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        QSignalSpy listed(&chat, &ChatController::modelsChanged);
        chat.refreshModels();
        QVERIFY(listed.wait(10'000));
        // The one in use stays on offer, whatever the server lists.
        QCOMPARE(chat.models(), (QStringList { u"fake-model"_s, u"llama3"_s, u"qwen2.5"_s }));
        QVERIFY(chat.errorText().isEmpty());
        // The key arrives from the (asynchronous) secret store by the time the person asks again.
        const qsizetype asked = m_llm->modelsAuthorizations().size();
        chat.refreshModels();
        QTRY_COMPARE(m_llm->modelsAuthorizations().size(), asked + 1);
        QCOMPARE(m_llm->modelsAuthorizations().last(), "Bearer env-secret-1234"_ba);
    }

    void aListingThatFailsSaysWhy()
    {
        m_llm->setModelsError(500, R"({"error":{"message":"overloaded"}})"_ba);
        DesktopContext context(paths());
        ChatController chat(context);
        QVERIFY2(chat.open(), qPrintable(chat.errorText()));
        QSignalSpy error(&chat, &ChatController::errorTextChanged);
        chat.refreshModels();
        QVERIFY(error.wait(10'000));
        QCOMPARE(chat.errorText(), u"The model endpoint answered 500: overloaded."_s);
        QVERIFY(chat.models().isEmpty());
        m_llm->setModelsError(200, {});
    }

    void aStoreThatCannotOpenIsOneSentenceForBoth()
    {
        QFile blocker(m_dir.filePath(u"not-a-dir"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DesktopContext context({ blocker.fileName(), paths().configFile, {} });
        ChatController chat(context);
        SettingsController settings(context);
        QVERIFY(!chat.open());
        QVERIFY(!chat.errorText().isEmpty());
        QVERIFY(!settings.open());
        QCOMPARE(settings.errorText(), chat.errorText());
    }
};

QTEST_MAIN(TestDesktopContext)
#include "tst_desktopcontext.moc"
