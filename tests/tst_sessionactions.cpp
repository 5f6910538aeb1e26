// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "quickitems.h"
#include "sessionactions.h"
#include "settingscontroller.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

/**
 * The sidebar's context menu in the real window (Main.qml), on a QApplication as in `baton` (the
 * export's file dialog falls back to Qt Widgets where the desktop offers none): rename, delete and undo, export to a
 * file as Markdown and JSON, and a chat's own system prompt, which the fake model must receive
 * (and the default one from Settings for chats without their own).
 */
class TestSessionActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions; // the test's own connection, as another process would write
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<SettingsController> m_settings;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_trip;
    QString m_recipes;

    AppPaths paths() const
    {
        return { m_store->dir.path(), m_store->dir.filePath(u"baton.ini"_s), m_store->storeUrl() };
    }

    QQuickItem *item(const QString &name) const { return namedItem(m_window, name); }
    QObject *object(const QString &name) const { return m_window->findChild<QObject *>(name); }
    /// The sidebar's row of @p sessionId (in the visual tree: delegates are no QObject children).
    QQuickItem *rowOf(const QString &sessionId) const
    {
        QList<QQuickItem *> todo { m_window->contentItem() };
        while (!todo.isEmpty()) {
            QQuickItem *next = todo.takeFirst();
            if (next->property("sessionId").toString() == sessionId && next->property("place").isValid())
                return next;
            todo << next->childItems();
        }
        return nullptr;
    }
    void click(QQuickItem *target, Qt::MouseButton button = Qt::LeftButton)
    {
        QVERIFY(target);
        const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, button, {}, centre.toPoint());
    }
    /// Opens @p sessionId's menu by a right click on its row and clicks @p action in it.
    void fromMenu(const QString &sessionId, const QString &action)
    {
        QObject *menu = object(u"sessionMenu"_s);
        QVERIFY(menu);
        QQuickItem *row = rowOf(sessionId);
        QVERIFY2(row, qPrintable(sessionId));
        click(row, Qt::RightButton);
        QTRY_VERIFY(menu->property("opened").toBool());
        QQuickItem *entry = item(action);
        QVERIFY(entry);
        QTRY_VERIFY(entry->isVisible() && entry->width() > 0);
        click(entry);
        QTRY_VERIFY(!menu->property("visible").toBool());
    }
    /// Saves the window as @p name.png in BATON_SCREENSHOT_DIR, when that is set.
    bool screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return true;
        QDir().mkpath(dir);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(dir + u'/' + name + u".png"_s);
    }
    void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_store = std::make_unique<TestStore>();
        // Exports are offered in ~/Documents: a home of the test's own.
        const QString home = m_store->dir.filePath(u"home"_s);
        QVERIFY(QDir().mkpath(home + u"/Documents"_s));
        qputenv("HOME", home.toLocal8Bit());
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(SessionActions::exportFolder(), QUrl::fromLocalFile(home + u"/Documents"_s));
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8()
            + "\nmodel=fake-model\nsystem_prompt=Be brief.\n");
        ini.close();

        m_sessions = std::make_unique<SessionStore>(m_store->db);
        m_recipes = m_sessions->createSession(u"Recipes"_s);
        m_trip = m_sessions->createSession(u"Trip planning"_s);
        Message question;
        question.sessionId = m_trip;
        question.content = u"Which ferry?"_s;
        Message answer = question;
        answer.role = MessageRole::Assistant;
        answer.content = u"Take this one:\n\n```text\nBrindisi 08:15\n```"_s;
        QVERIFY(m_sessions->appendMessage(question) && m_sessions->appendMessage(answer));

        m_controller = std::make_unique<ChatController>(paths());
        QVERIFY2(m_controller->open(), qPrintable(m_controller->errorText()));
        m_settings = std::make_unique<SettingsController>(paths());
        ChatController::setInstance(m_controller.get());
        SettingsController::setInstance(m_settings.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);
        QTRY_VERIFY(rowOf(m_trip) && rowOf(m_recipes));
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
    }

    void renameFromTheMenu()
    {
        m_controller->openSession(m_trip);
        fromMenu(m_trip, u"renameAction"_s);
        QObject *dialog = object(u"renameDialog"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(item(u"renameField"_s)->property("text").toString(), u"Trip planning"_s);
        QVERIFY(item(u"renameField"_s)->hasActiveFocus());
        type(u"Ferries"_s); // replaces the selected title
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QCOMPARE(m_sessions->session(m_trip)->title, u"Ferries"_s);
        QCOMPARE(m_window->title(), u"Baton — Ferries"_s);
        QTRY_COMPARE(rowOf(m_trip)->property("title").toString(), u"Ferries"_s);

        // F2 on the list renames the chosen row too; an empty title is refused with a sentence.
        item(u"sessionList"_s)->forceActiveFocus();
        QTest::keyClick(m_window, Qt::Key_F2);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTest::keyClick(m_window, Qt::Key_Backspace);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QCOMPARE(m_sessions->session(m_trip)->title, u"Ferries"_s);
        QVERIFY(m_controller->actions()->noticeIsError());
        QVERIFY(item(u"sessionActionsBar"_s)->isVisible());
        m_controller->actions()->clearNotice();
    }

    void deleteThenUndo()
    {
        m_controller->openSession(m_recipes);
        const int rows = m_controller->sessions()->rowCount();
        fromMenu(m_recipes, u"deleteAction"_s);
        QCOMPARE(m_controller->sessions()->rowCount(), rows - 1);
        QCOMPARE(m_controller->sessionId(), QString()); // the open chat went with it
        QVERIFY(item(u"sessionActionsBar"_s)->isVisible());
        QVERIFY2(item(u"sessionActionsText"_s)->property("text").toString().contains(u"Recipes"_s),
            qPrintable(item(u"sessionActionsText"_s)->property("text").toString()));
        QVERIFY(m_sessions->session(m_recipes)); // not yet in the store: Baton killed now loses nothing
        QVERIFY(screenshot(u"chat-deleted-undo"_s));
        click(item(u"undoDeleteButton"_s));
        QCOMPARE(m_controller->sessions()->rowCount(), rows);
        QCOMPARE(m_controller->sessionId(), m_recipes); // open again, as before
        QVERIFY(!item(u"sessionActionsBar"_s)->isVisible());
        QVERIFY(m_sessions->session(m_recipes));

        // Without an undo, the delete reaches the store when its time is over.
        m_controller->actions()->setUndoMs(300);
        item(u"sessionList"_s)->forceActiveFocus();
        item(u"sessionList"_s)->setProperty("currentIndex", m_controller->sessions()->rowOf(m_recipes));
        QTest::keyClick(m_window, Qt::Key_Delete);
        QCOMPARE(m_controller->actions()->pendingDeleteId(), m_recipes);
        QTRY_VERIFY(!m_sessions->session(m_recipes));
        QCOMPARE(m_controller->sessions()->rowCount(), rows - 1);
        QTRY_VERIFY(!item(u"sessionActionsBar"_s)->isVisible());
    }

    void deleteIsRefusedWhileAHandoffRuns()
    {
        const QString busy = m_sessions->createSession(u"On its way"_s);
        QVERIFY(m_store->exec(u"UPDATE sessions SET handoff_state = 'pending', handoff_platform = 'telegram' "
                              "WHERE id = '%1'"_s.arg(busy)));
        m_controller->sessions()->refresh();
        QTRY_VERIFY(rowOf(busy));
        fromMenu(busy, u"deleteAction"_s);
        QVERIFY(m_controller->actions()->pendingDeleteId().isEmpty());
        QVERIFY(m_controller->actions()->noticeIsError());
        QVERIFY2(item(u"sessionActionsText"_s)->property("text").toString().contains(u"handed off"_s),
            qPrintable(item(u"sessionActionsText"_s)->property("text").toString()));
        QVERIFY(m_sessions->session(busy));
        m_controller->actions()->clearNotice();
    }

    void exportWritesTheFile_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("extension");
        QTest::newRow("markdown") << u"exportMarkdownAction"_s << u"md"_s;
        QTest::newRow("json") << u"exportJsonAction"_s << u"json"_s;
    }
    void exportWritesTheFile()
    {
        QFETCH(QString, action);
        QFETCH(QString, extension);
        QVERIFY(m_sessions->setTitle(m_trip, u"Ferries: Brindisi/Patras"_s));
        // The row the list shows once it has the new title: the one before may still be replaced.
        QTRY_VERIFY(rowOf(m_trip) && rowOf(m_trip)->property("title").toString() == u"Ferries: Brindisi/Patras"_s);
        fromMenu(m_trip, action);
        QObject *dialog = object(u"exportDialog"_s);
        QVERIFY(dialog);
        // A file name from the title, without the characters file systems refuse.
        const QUrl offered = dialog->property("currentFile").toUrl();
        QVERIFY2(offered.fileName() == u"Ferries Brindisi Patras."_s + extension, qPrintable(offered.toString()));
        QCOMPARE(offered.adjusted(QUrl::RemoveFilename | QUrl::StripTrailingSlash),
            SessionActions::exportFolder().adjusted(QUrl::StripTrailingSlash));
        // Enter takes the offered name (in the test's own home).
        const QString path = offered.toLocalFile();
        QVERIFY(!QFile::exists(path));
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QCOMPARE(dialog->property("file").toUrl(), QUrl::fromLocalFile(path));
        // The file dialog was a window of its own (Qt's, offscreen): the chat window comes back.
        m_window->requestActivate();
        QTRY_VERIFY(m_window->isActive());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        if (extension == "md"_L1) {
            QVERIFY(content.startsWith("# Ferries: Brindisi/Patras\n"));
            QVERIFY(content.contains("## User\n\nWhich ferry?\n"));
            QVERIFY(content.contains("## Assistant\n\nTake this one:\n\n```text\nBrindisi 08:15\n```\n"));
        } else {
            const QJsonObject root = QJsonDocument::fromJson(content).object();
            QCOMPARE(root.value("id"_L1).toString(), m_trip);
            QCOMPARE(root.value("messages"_L1).toArray().size(), 2);
            QCOMPARE(root.value("messages"_L1)[1]["content"_L1].toString(),
                u"Take this one:\n\n```text\nBrindisi 08:15\n```"_s);
        }
        QVERIFY2(m_controller->actions()->notice().contains(path), qPrintable(m_controller->actions()->notice()));
        QVERIFY(!m_controller->actions()->noticeIsError());
        m_controller->actions()->clearNotice();
    }

    void theChatsSystemPromptReachesTheModel()
    {
        // Without its own, a chat sends the default from Settings.
        m_controller->openSession(m_trip);
        m_llm->enqueue(FakeLlmReply::withContent({ u"ok"_s }));
        m_controller->send(u"first"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QJsonArray sent = m_llm->requests().constLast().value("messages"_L1).toArray();
        QCOMPARE(sent.first()["role"_L1].toString(), u"system"_s);
        QCOMPARE(sent.first()["content"_L1].toString(), u"Be brief."_s);

        fromMenu(m_trip, u"chatSettingsAction"_s);
        QObject *dialog = object(u"chatSettingsDialog"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QQuickItem *useDefault = item(u"useDefaultPrompt"_s);
        QVERIFY(useDefault->property("checked").toBool());
        QCOMPARE(item(u"chatPromptField"_s)->property("text").toString(), u"Be brief."_s);
        QVERIFY(useDefault->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Space); // the chat's own prompt from now on
        QVERIFY(!useDefault->property("checked").toBool());
        item(u"chatPromptField"_s)->forceActiveFocus();
        type(u"Answer in Italian."_s);
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QCOMPARE(m_sessions->systemPrompt(m_trip), std::optional<QString>(u"Answer in Italian."_s));

        m_llm->enqueue(FakeLlmReply::withContent({ u"va bene"_s }));
        m_controller->send(u"second"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        sent = m_llm->requests().constLast().value("messages"_L1).toArray();
        QCOMPARE(sent.first()["role"_L1].toString(), u"system"_s);
        QCOMPARE(sent.first()["content"_L1].toString(), u"Answer in Italian."_s);
        QCOMPARE(sent.last()["content"_L1].toString(), u"second"_s);

        // The export carries it too.
        const QString path = m_store->dir.filePath(u"prompt.json"_s);
        QVERIFY(m_controller->actions()->exportTo(m_trip, QUrl::fromLocalFile(path), u"json"_s));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll())["system_prompt"_L1].toString(), u"Answer in Italian."_s);

        // Back to the default: the dialog shows it, and it is what goes out again.
        fromMenu(m_trip, u"chatSettingsAction"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(item(u"chatPromptField"_s)->property("text").toString(), u"Answer in Italian."_s);
        click(useDefault);
        QVERIFY(useDefault->property("checked").toBool());
        QCOMPARE(item(u"chatPromptField"_s)->property("text").toString(), u"Be brief."_s);
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QCOMPARE(m_sessions->systemPrompt(m_trip), std::nullopt);
        m_llm->enqueue(FakeLlmReply::withContent({ u"ok"_s }));
        m_controller->send(u"third"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QCOMPARE(m_llm->requests().constLast()["messages"_L1][0]["content"_L1].toString(), u"Be brief."_s);
    }

    void theMenuKeyOpensTheMenu()
    {
        QObject *menu = object(u"sessionMenu"_s);
        item(u"sessionList"_s)->forceActiveFocus();
        QTest::keyClick(m_window, Qt::Key_Menu);
        QTRY_VERIFY(menu->property("opened").toBool());
        QCOMPARE(menu->property("currentIndex").toInt(), 0); // Enter renames at once
        QVERIFY(screenshot(u"chat-menu"_s));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!menu->property("visible").toBool());
        QTest::keyClick(m_window, Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY(menu->property("opened").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!menu->property("visible").toBool());
    }
};

QTEST_MAIN(TestSessionActions)
#include "tst_sessionactions.moc"
