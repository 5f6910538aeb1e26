// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "config/settings.h"
#include "demoworld.h"
#include "desktopcontext.h"
#include "fakellmserver.h"
#include "quickitems.h"
#include "settingscontroller.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

/**
 * The window's first run (Main.qml on one DesktopContext, as DesktopApp makes it): with no model
 * set, the "Connect a model" card instead of an error; its Test lists the fake server's models,
 * one is picked and saved, and the stale error goes with the save. The card's screenshot goes to
 * <build>/tests/screenshots/first-run-model.png.
 */
class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<DesktopContext> m_context;
    std::unique_ptr<ChatController> m_chat;
    std::unique_ptr<SettingsController> m_settings;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    [[nodiscard]] AppPaths paths() const { return { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} }; }
    [[nodiscard]] QQuickItem *shown(const QString &name) const
    {
        QQuickItem *found = findItem(m_window->contentItem(), name, true);
        if (!found)
            qWarning() << "no visible item named" << name;
        return found;
    }
    [[nodiscard]] QQuickItem *inCard(const QString &name) const
    {
        QQuickItem *found = findItem(shown(u"connectModelCard"_s), name, true);
        if (!found)
            qWarning() << "no visible item in the card named" << name;
        return found;
    }
    [[nodiscard]] bool click(QQuickItem *button) const
    {
        return button && button->isEnabled() && QMetaObject::invokeMethod(button, "clicked");
    }
    [[nodiscard]] bool screenshot(const QString &name) const
    {
        QDir().mkpath(u"screenshots"_s);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(u"screenshots/%1.png"_s.arg(name));
    }
    /// In the card shown: the fake's address typed, Test clicked, the models listed.
    void testTheFake()
    {
        QQuickItem *other = inCard(u"preset_other"_s);
        QVERIFY(click(other));
        QQuickItem *url = inCard(u"connectUrlField"_s);
        QVERIFY(url);
        QCOMPARE(url->property("text").toString(), QString()); // "Other server" has no address of its own
        QVERIFY(inCard(u"connectKeyField"_s)); // and asks for a key
        QVERIFY(click(inCard(u"preset_lmstudio"_s)));
        QCOMPARE(url->property("text").toString(), u"http://127.0.0.1:1234/v1"_s);
        QVERIFY(!findItem(shown(u"connectModelCard"_s), u"connectKeyField"_s, true)); // a local server needs none
        QVERIFY(click(other));
        url->setProperty("text", m_llm->baseUrl().toString());
        QVERIFY(click(inCard(u"connectTestButton"_s)));
        QTRY_VERIFY(findItem(shown(u"connectModelCard"_s), u"connectModelPicker"_s, true));
        QQuickItem *picker = inCard(u"connectModelPicker"_s);
        QCOMPARE(picker->property("count").toInt(), 3);
        QCOMPARE(picker->property("currentText").toString(), u"llama3"_s);
        QVERIFY(inCard(u"connectTestResult"_s));
        picker->setProperty("currentIndex", 1);
        QCOMPARE(picker->property("currentText").toString(), u"qwen2.5"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_llm->setModels({ u"llama3"_s, u"qwen2.5"_s, u"phi4"_s });
        // What a first run has: no model, and nothing listening where the default would be.
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=http://127.0.0.1:9/v1\n");
        ini.close();
        m_context = std::make_unique<DesktopContext>(paths());
        m_chat = std::make_unique<ChatController>(*m_context);
        QVERIFY2(m_chat->open(), qPrintable(m_chat->errorText()));
        m_settings = std::make_unique<SettingsController>(*m_context);
        QVERIFY2(m_settings->open(), qPrintable(m_settings->errorText()));
        // As DesktopApp wires them: a saved setting reaches the chat at once.
        connect(m_settings.get(), &SettingsController::saved, m_chat.get(), [this](const QString &, const QString &e) {
            if (e.isEmpty())
                m_chat->reloadSettings();
        });
        ChatController::setInstance(m_chat.get());
        SettingsController::setInstance(m_settings.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_chat.reset();
        m_context.reset();
    }

    void withNoModelTheCardShowsInsteadOfAnError()
    {
        QVERIFY(m_settings->modelSetup()->needed());
        QVERIFY(m_settings->modelSetup()->reason().isEmpty()); // nothing failed: nothing is set
        QTRY_VERIFY(findItem(m_window->contentItem(), u"connectModelCard"_s, true));
        QVERIFY(!findItem(m_window->contentItem(), u"firstRunCard"_s, true)); // the model comes first
        QVERIFY(!findItem(m_window->contentItem(), u"errorText"_s, true));
        QCOMPARE(m_llm->modelsAuthorizations().size(), 0); // nobody asked the fake yet
    }

    void theTestListsTheServersModelsToPickFrom()
    {
        testTheFake();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_llm->modelsAuthorizations().size(), 1);
        QVERIFY(screenshot(u"first-run-model"_s));
        // Nothing is saved by a test alone.
        QCOMPARE(Settings(paths().configFile).model(), QString());
    }

    void savingAfterAFailedReplyClearsTheErrorAndRetryUsesTheModel()
    {
        // Someone writes anyway: the reply fails (nothing listens on port 9).
        m_chat->send(u"hello"_s);
        // The failure is told once, in the reply's own bubble, not in the error bar.
        const auto lastStatus = [this] {
            const QAbstractItemModel *rows = m_chat->messages();
            return rows->rowCount() == 0
                ? QString()
                : rows->index(rows->rowCount() - 1, 0).data(MessageListModel::StatusRole).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(), u"error"_s, 15'000);
        QTRY_VERIFY(!m_chat->busy());
        QCOMPARE(m_chat->errorText(), QString());
        // The card follows the conversation; it, not an error bar, says what to do.
        QTRY_VERIFY(findItem(m_window->contentItem(), u"connectModelCard"_s, true));
        QVERIFY(!findItem(m_window->contentItem(), u"errorText"_s, true));

        testTheFake();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(click(inCard(u"connectSaveButton"_s)));
        QTRY_COMPARE(Settings(paths().configFile).model(), u"qwen2.5"_s);
        QCOMPARE(Settings(paths().configFile).llmBaseUrl(), m_llm->baseUrl().toString());
        QTRY_VERIFY(!m_settings->modelSetup()->needed());
        QTRY_VERIFY(!findItem(m_window->contentItem(), u"connectModelCard"_s, true));
        QCOMPARE(m_chat->errorText(), QString()); // the old "connection refused" went with the save
        QCOMPARE(m_chat->model(), u"qwen2.5"_s);

        // Retry asks the new model, and no old error comes back.
        QMetaObject::invokeMethod(m_chat.get(), "regenerate");
        QTRY_COMPARE(m_llm->requests().size(), 1);
        QCOMPARE(m_llm->requests().constFirst().value("model"_L1).toString(), u"qwen2.5"_s);
        QTRY_VERIFY(!m_chat->busy());
        QCOMPARE(m_chat->errorText(), QString());
        QVERIFY(!findItem(m_window->contentItem(), u"errorText"_s, true));
    }

    void aModelThatStopsAnsweringBringsTheCardBackWithTheReason()
    {
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=http://127.0.0.1:9/v1\nmodel=qwen2.5\n");
        ini.close();
        m_context->settings().sync();
        m_settings->modelSetup()->check();
        QTRY_VERIFY(m_settings->modelSetup()->needed());
        QVERIFY2(
            m_settings->modelSetup()->reason().contains(u"qwen2.5"_s), qPrintable(m_settings->modelSetup()->reason()));
        QVERIFY(m_settings->modelSetup()->reason().contains(u"127.0.0.1:9"_s));
    }

    // Last: the demo puts its key and token in the environment, where they win for the rest of the process.
    void theDemosOwnTestFindsItsModel()
    {
        DemoWorld world;
        QString error;
        QVERIFY2(world.start(&error), qPrintable(error));
        QCOMPARE(Settings(world.paths().configFile).model(), u"demo-echo"_s);
        SettingsController settings(world.paths());
        QVERIFY2(settings.open(), qPrintable(settings.errorText()));
        QSignalSpy finished(&settings, &SettingsController::testFinished);
        settings.testModel();
        QVERIFY(finished.wait(10'000));
        QVERIFY(finished.constFirst().at(1).toBool());
        const QString sentence = finished.constFirst().at(2).toString();
        QVERIFY2(!sentence.contains(u"none is called"_s), qPrintable(sentence));
        QCOMPARE(settings.testedModels(), QStringList { u"demo-echo"_s });
        QTRY_VERIFY(!settings.modelSetup()->needed()); // no card in the demo
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
