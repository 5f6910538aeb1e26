// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "handoffpresenter.h"
#include "quickitems.h"
#include "settingscontroller.h"
#include "store/database.h"
#include "store/sessionmarks.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
constexpr qint64 home = -1001234567890;
constexpr qint64 owner = 111;
const QString token = u"4242:handoff-window"_s;
} // namespace

/**
 * The handoff states the window owns, on the real window (Main.qml) with a real `baton --no-gui`
 * and the fake Telegram: a failure shown in full with the Settings page that fixes it, the
 * question before a message takes a handed-off chat back and the note the phone then gets, the
 * labels after that, and unread marks from phone messages.
 */
class TestHandoffWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<QProcess> m_gateway;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<SettingsController> m_settings;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_sessionId; // the conversation handed off

    AppPaths paths() const
    {
        return { m_store->dir.path(), m_store->dir.filePath(u"baton.ini"_s), m_store->storeUrl() };
    }
    HandoffPresenter *presenter() const { return m_controller->handoff(); }

    bool screenshot(const QString &name)
    {
        QDir().mkpath(u"screenshots"_s);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(u"screenshots/%1.png"_s.arg(name));
    }
    void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    QQuickItem *item(const QString &objectName) const { return namedItem(m_window, objectName); }
    QObject *popup(const QString &objectName) const { return m_window->findChild<QObject *>(objectName); }
    /// The sidebar's row of @p sessionId: its delegate, as the person sees it.
    QQuickItem *row(const QString &sessionId) const
    {
        auto *list = item(u"sessionList"_s);
        const int index = m_controller->sessions()->rowOf(sessionId);
        QQuickItem *found = nullptr;
        if (list && index >= 0)
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, found), Q_ARG(int, index));
        return found;
    }
    QVariant rowData(const QString &sessionId, int role) const
    {
        return m_controller->sessions()->index(m_controller->sessions()->rowOf(sessionId)).data(role);
    }
    void startGateway(const QString &withToken)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, paths().dataDir);
        e.insert(u"BATON_CONFIG"_s, paths().configFile);
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, withToken);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        m_gateway = startBaton({ u"--no-gui"_s }, e);
    }
    void stopGateway()
    {
        if (!m_gateway)
            return;
        m_gateway->terminate();
        QVERIFY(waitForExit(*m_gateway));
        m_gateway.reset();
    }
    void sendAndWait(const QString &text, const QString &reply)
    {
        m_llm->enqueue(FakeLlmReply::withContent({ reply }));
        m_controller->send(text);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        QVERIFY(m_llm->listen() && m_telegram->listen());
        m_telegram->addGroup(home, u"Home"_s, true);
        m_store = std::make_unique<TestStore>();
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nhome_chat=" + QByteArray::number(home) + "\nallowed_users=" + QByteArray::number(owner) + "\n");
        ini.close();
        m_controller = std::make_unique<ChatController>(paths());
        QVERIFY2(m_controller->open(), qPrintable(m_controller->errorText()));
        m_settings = std::make_unique<SettingsController>(paths());
        QVERIFY2(m_settings->open(), qPrintable(m_settings->errorText()));
        ChatController::setInstance(m_controller.get());
        SettingsController::setInstance(m_settings.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
        stopGateway();
    }

    // The gateway's and the waiter's sentences speak to a terminal; the window drops that advice.
    void desktopWordingDropsTerminalAdvice_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("worded");
        QTest::newRow("token") << u"Telegram is offline: Telegram rejected the bot token (401). Set it with "
                                  "`baton secret set telegram.token`."_s
                               << u"Telegram is offline: Telegram rejected the bot token (401)"_s;
        QTest::newRow("home") << u"Telegram has no home channel. Set one with /sethome in the destination chat."_s
                              << u"Telegram has no home channel"_s;
        QTest::newRow("plain") << u"the platform went away during the handoff"_s
                               << u"the platform went away during the handoff"_s;
        QTest::newRow("only advice") << u"Run `baton doctor`."_s << u"Run baton doctor."_s;
    }
    void desktopWordingDropsTerminalAdvice()
    {
        QFETCH(QString, reason);
        QFETCH(QString, worded);
        QCOMPARE(HandoffPresenter::desktopReason(reason), worded);
    }

    // A gateway whose token Telegram refuses: the handoff fails, and the window says why in full,
    // in its own words, with the button to the page that fixes it.
    void aFailedHandoffShowsItsWholeReasonAndTheFix()
    {
        startGateway(u"4242:revoked"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->unauthorizedCalls() >= 2, 10'000); // deleteWebhook, getMe
        sendAndWait(u"Plan three days in Lisbon"_s, u"Alfama, Belém, Sintra."_s);
        m_sessionId = m_controller->sessionId();
        m_controller->handOff(u"telegram"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"failed"_s, 15'000);

        const QString failure = presenter()->failure();
        QVERIFY2(failure.contains(u"Telegram rejected the bot token (401)"_s), qPrintable(failure));
        QVERIFY2(failure.startsWith(u"Could not hand off to Telegram."_s), qPrintable(failure));
        // Desktop wording: no command to type, one full stop per sentence.
        for (const QString &terminal : { u"`"_s, u"baton secret"_s, u".."_s, u". ."_s, u"/sethome"_s })
            QVERIFY2(!failure.contains(terminal), qPrintable(failure));
        QCOMPARE(m_controller->handoffText(), failure); // the tray's notification says the same

        QQuickItem *shown = item(u"handoffFailure"_s);
        QVERIFY(shown && shown->isVisible());
        QCOMPARE(shown->property("text").toString(), failure);
        QVERIFY(!shown->property("truncated").toBool());
        // Text.Wrap (4): the whole reason, on as many lines as it needs.
        QCOMPARE(shown->property("wrapMode").toInt(), 4);
        QVERIFY(!item(u"handoffStatus"_s)->isVisible()); // the header does not repeat it cut short
        QVERIFY(screenshot(u"handoff-failed"_s));

        QQuickItem *fix = item(u"handoffFixButton"_s);
        QVERIFY(fix && fix->isVisible());
        QCOMPARE(fix->property("text").toString(), u"Open Telegram settings"_s);
        QObject *settings = popup(u"windowSettings"_s);
        QVERIFY(settings && !settings->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(fix, "clicked"));
        QTRY_VERIFY(settings->property("opened").toBool());
        QCOMPARE(settings->property("page").toString(), u"telegram"_s);
        QVERIFY(QMetaObject::invokeMethod(settings, "close"));
        QTRY_VERIFY(!settings->property("visible").toBool());

        // It stays with the conversation: away and back, it is still there.
        m_controller->newChat();
        QVERIFY(!item(u"handoffFailure"_s)->isVisible());
        m_controller->openSession(m_sessionId);
        QCOMPARE(presenter()->failure(), failure);
        QVERIFY(item(u"handoffFailure"_s)->isVisible());
        stopGateway();
    }

    // With a working gateway the handoff completes; typing in the chat then asks first, and the
    // phone gets the note Take back sends, once.
    void typingInAHandedOffChatAsksThenTellsThePhone()
    {
        startGateway(token);
        QTRY_VERIFY_WITH_TIMEOUT(!m_telegram->calls(u"getUpdates"_s).isEmpty(), 10'000);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Here on Telegram: Lisbon, three days."_s }));
        m_controller->handOff(u"telegram"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"completed"_s, 15'000);
        QVERIFY(!item(u"handoffFailure"_s)->isVisible()); // the earlier failure no longer holds
        // The model heard where the handoff was asked: the window, not where the chat began.
        const QJsonArray sent = m_llm->requests().constLast().value("messages"_L1).toArray();
        QVERIFY2(sent.last().toObject().value("content"_L1).toString().contains(u"from the desktop window"_s),
            qPrintable(sent.last().toObject().value("content"_L1).toString()));
        const qint64 topic = m_telegram->topics(home).constLast();
        QCOMPARE(m_telegram->botMessages(home, topic).size(), 1);
        QCOMPARE(m_controller->livePlatform(), u"telegram"_s);
        QCOMPARE(rowData(m_sessionId, SessionListModel::PlaceRole).toString(), u"telegram"_s);
        QTRY_VERIFY(row(m_sessionId) && row(m_sessionId)->property("placeName").toString() == u"Telegram"_s);
        QVERIFY(item(u"liveBanner"_s)->isVisible());

        // The summary the gateway wrote reaches the window's view before anything is typed.
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->messages()->rowCount() > 0
                && m_controller->messages()
                        ->index(m_controller->messages()->rowCount() - 1)
                        .data(MessageListModel::ContentRole)
                        .toString()
                    == u"Here on Telegram: Lisbon, three days."_s,
            10'000);
        const int before = m_controller->messages()->rowCount();
        item(u"composer"_s)->forceActiveFocus();
        type(u"back at my desk"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QObject *question = popup(u"takeBackDialog"_s);
        QVERIFY(question);
        QTRY_VERIFY(question->property("opened").toBool());
        QCOMPARE(question->property("title").toString(), u"Take this conversation back?"_s);
        QCOMPARE(m_controller->messages()->rowCount(), before); // nothing sent before the answer
        QCOMPARE(m_controller->livePlatform(), u"telegram"_s);
        QVERIFY(screenshot(u"take-back-question"_s));

        m_llm->enqueue(FakeLlmReply::withContent({ u"Welcome back."_s }));
        QVERIFY(QMetaObject::invokeMethod(item(u"takeBackConfirm"_s), "clicked"));
        QTRY_VERIFY(!question->property("visible").toBool());
        // The note Take back posts, counted where the phone sees it.
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, topic).size(), 2, 10'000);
        QVERIFY(m_telegram->botMessages(home, topic).constLast().startsWith(u"Continuing on the desktop"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy() && m_controller->messages()->rowCount() == before + 2, 10'000);
        QCOMPARE(m_controller->messages()->index(before).data(MessageListModel::ContentRole).toString(),
            u"back at my desk"_s);

        // Every label follows: no banner, no "Handoff complete" in the header, no Telegram in the sidebar.
        QCOMPARE(m_controller->livePlatform(), QString());
        QVERIFY(!item(u"liveBanner"_s)->isVisible());
        QVERIFY(!item(u"handoffStatus"_s)->isVisible());
        QVERIFY(!m_controller->handoffText().contains(u"Handoff complete"_s));
        QCOMPARE(rowData(m_sessionId, SessionListModel::PlaceRole).toString(), u"desktop"_s);
        QTRY_VERIFY(row(m_sessionId) && row(m_sessionId)->property("place").toString() == u"desktop"_s);

        // Asked once: the next message goes at once, and the phone gets no second note.
        const int notes = m_telegram->botMessages(home, topic).size();
        m_llm->enqueue(FakeLlmReply::withContent({ u"Sure."_s }));
        item(u"composer"_s)->forceActiveFocus();
        type(u"and one more"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QVERIFY(!question->property("visible").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy() && m_controller->messages()->rowCount() == before + 4, 10'000);
        QCOMPARE(m_telegram->botMessages(home, topic).size(), notes);
    }

    // "Keep it there" sends nothing, leaves the chat on the phone and gives the text back.
    void answeringNoKeepsTheChatOnThePhone()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Back on Telegram."_s }));
        m_controller->handOff(u"telegram"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"completed"_s, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->messages()
                                     ->index(m_controller->messages()->rowCount() - 1)
                                     .data(MessageListModel::ContentRole)
                                     .toString()
                == u"Back on Telegram."_s,
            10'000);
        const int before = m_controller->messages()->rowCount();
        const int requests = int(m_llm->requests().size());
        item(u"composer"_s)->forceActiveFocus();
        type(u"not yet"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QObject *question = popup(u"takeBackDialog"_s);
        QTRY_VERIFY(question->property("opened").toBool());
        QVERIFY(QMetaObject::invokeMethod(item(u"takeBackCancel"_s), "clicked"));
        QTRY_VERIFY(!question->property("visible").toBool());
        QCOMPARE(item(u"composer"_s)->property("text").toString(), u"not yet"_s);
        QCOMPARE(m_controller->livePlatform(), u"telegram"_s);
        QCOMPARE(m_controller->messages()->rowCount(), before);
        QCOMPARE(int(m_llm->requests().size()), requests);
        item(u"composer"_s)->setProperty("text", QString());
    }

    // A phone message in a conversation not on screen marks it unread, in the store, until opened.
    void aPhoneMessageMarksTheSessionUnreadUntilOpened()
    {
        const qint64 topic = m_telegram->topics(home).constLast();
        m_controller->newChat();
        QCOMPARE(rowData(m_sessionId, SessionListModel::UnreadRole).toInt(), 0);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Noted."_s }));
        m_telegram->userSends(owner, home, u"add a day in Porto"_s, topic);
        QTRY_COMPARE_WITH_TIMEOUT(rowData(m_sessionId, SessionListModel::UnreadRole).toInt(), 1, 10'000);
        QTRY_VERIFY(row(m_sessionId) && row(m_sessionId)->property("unread").toInt() == 1);
        QQuickItem *badge = findItem(row(m_sessionId), u"unreadBadge"_s);
        QVERIFY(badge && badge->isVisible());
        QCOMPARE(badge->property("count").toInt(), 1);
        QVERIFY(screenshot(u"unread-mark"_s));

        // Kept in the store: a window started again shows it too.
        {
            Database db;
            QVERIFY(db.open(paths().dataDir + u"/state.db"_s));
            SessionStore sessions(db);
            SessionMarks marks(db);
            SessionListModel restarted(sessions, &marks);
            QCOMPARE(restarted.index(restarted.rowOf(m_sessionId)).data(SessionListModel::UnreadRole).toInt(), 1);
        }

        m_controller->openSession(m_sessionId);
        QCOMPARE(rowData(m_sessionId, SessionListModel::UnreadRole).toInt(), 0);
        QTRY_VERIFY(!findItem(row(m_sessionId), u"unreadBadge"_s)->isVisible());
        Database db;
        QVERIFY(db.open(paths().dataDir + u"/state.db"_s));
        SessionStore sessions(db);
        SessionMarks marks(db);
        SessionListModel restarted(sessions, &marks);
        QCOMPARE(restarted.index(restarted.rowOf(m_sessionId)).data(SessionListModel::UnreadRole).toInt(), 0);
    }

    // A conversation the terminal began is called "cli" in the sidebar, as `baton sessions list` calls it.
    void theTerminalsOriginIsCli()
    {
        QString id;
        {
            Database db;
            QVERIFY(db.open(paths().dataDir + u"/state.db"_s));
            SessionStore sessions(db);
            id = sessions.createSession(u"From the terminal"_s, u"cli"_s);
            QVERIFY(!id.isEmpty());
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->sessions()->rowOf(id) >= 0, 5'000);
        QTRY_VERIFY(row(id) && row(id)->property("placeName").toString() == u"cli"_s);
    }
};

QTEST_MAIN(TestHandoffWindow)
#include "tst_handoffwindow.moc"
