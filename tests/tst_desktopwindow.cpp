// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "quickitems.h"
#include "settingscontroller.h"
#include "testpalette.h"
#include "teststore.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
constexpr qint64 home = -1001234567890;
const QString token = u"4242:window"_s;

} // namespace

/**
 * The real window (Main.qml) on the ChatController: models under QAbstractItemModelTester, a reply
 * streamed into the view, and a handoff through the window's controller to a real
 * `baton --no-gui` with the fake Telegram, with screenshots in light and dark palettes under
 * <build>/tests/screenshots/.
 */
class TestDesktopWindow : public QObject
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

    AppPaths paths() const
    {
        return { m_store->dir.path(), m_store->dir.filePath(u"baton.ini"_s), m_store->storeUrl() };
    }

    bool screenshot(const QString &name)
    {
        QDir().mkpath(u"screenshots"_s);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(u"screenshots/%1.png"_s.arg(name));
    }
    // Qt 6.4 has keyClicks for widgets only.
    void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    QQuickItem *item(const QString &objectName) const
    {
        QQuickItem *found = m_window->findChild<QQuickItem *>(objectName);
        if (!found)
            qWarning() << "no item named" << objectName;
        return found;
    }
    void openWindow()
    {
        // The window reaches the controllers as singletons, as in the application.
        ChatController::setInstance(m_controller.get());
        SettingsController::setInstance(m_settings.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);
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
            + "\nhome_chat=" + QByteArray::number(home) + "\n");
        ini.close();
        m_controller = std::make_unique<ChatController>(paths());
        QVERIFY2(m_controller->open(), qPrintable(m_controller->errorText()));
        m_settings = std::make_unique<SettingsController>(paths()); // Settings shows; no test here opens it
        new QAbstractItemModelTester(
            m_controller->sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(
            m_controller->messages(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        openWindow();
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
        if (m_gateway) {
            m_gateway->terminate();
            QVERIFY(waitForExit(*m_gateway));
        }
    }

    void enterSendsAndShiftEnterStartsANewLine()
    {
        auto *composer = item(u"composer"_s);
        composer->forceActiveFocus();
        type(u"Hi"_s);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ShiftModifier);
        type(u"there"_s);
        QCOMPARE(composer->property("text").toString(), u"Hi\nthere"_s);
        QCOMPARE(m_controller->sessions()->rowCount(), 0); // nothing sent yet
        composer->setProperty("text", QString()); // the real send comes next, with a scripted reply
    }

    void aReplyStreamsIntoTheView()
    {
        QVERIFY(screenshot(u"01-empty-light"_s));
        QCOMPARE(m_window->title(), u"Baton — New chat"_s);
        FakeLlmReply reply = FakeLlmReply::withContent({ u"Lisbon in May: "_s, u"**warm**, "_s,
            u"bright, and the `28` tram is a must.\n\n"_s, u"```sh\necho pack light\n```"_s });
        reply.chunkDelayMs = 150;
        m_llm->enqueue(reply);
        item(u"composer"_s)->forceActiveFocus();
        type(u"Plan three days in Lisbon"_s);
        QTest::keyClick(m_window, Qt::Key_Return); // Enter sends
        QCOMPARE(item(u"composer"_s)->property("text").toString(), QString());
        QVERIFY(m_controller->busy());
        QCOMPARE(item(u"sendButton"_s)->property("text").toString(), u"Stop"_s);
        QTRY_VERIFY(m_controller->messages()->rowCount() == 2
            && m_controller->messages()->index(1).data(MessageListModel::StreamingRole).toBool());
        QVERIFY(screenshot(u"02-streaming-light"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QCOMPARE(m_controller->messages()->index(1).data(MessageListModel::ContentRole).toString(),
            u"Lisbon in May: **warm**, bright, and the `28` tram is a must.\n\n```sh\necho pack light\n```"_s);
        // The code block is a segment of its own: monospaced, with its language and a copy button.
        const QVariantList segments = m_controller->messages()->index(1).data(MessageListModel::SegmentsRole).toList();
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments.at(1).toMap().value(u"code"_s).toBool(), true);
        QCOMPARE(segments.at(1).toMap().value(u"language"_s).toString(), u"sh"_s);
        QCOMPARE(segments.at(1).toMap().value(u"text"_s).toString(), u"echo pack light"_s);
        ChatController::copyText(segments.at(1).toMap().value(u"text"_s).toString());
        QCOMPARE(QGuiApplication::clipboard()->text(), u"echo pack light"_s);
        QCOMPARE(m_window->title(), u"Baton — Plan three days in Lisbon"_s);
        QCOMPARE(m_controller->sessions()->rowCount(), 1);
        QCOMPARE(item(u"sendButton"_s)->property("text").toString(), u"Send"_s);
        QVERIFY(screenshot(u"03-reply-light"_s));
    }

    // A megabyte reply: the window lays out its first 100,000 characters and says where the
    // rest is, so a hostile or runaway model cannot freeze it; the store keeps every character.
    void aMegabyteReplyIsShownCapped()
    {
        QString huge;
        for (int i = 0; huge.size() < 1'000'000; ++i)
            huge += u"Line %1 of a runaway reply.\n"_s.arg(i);
        m_llm->enqueue(FakeLlmReply::withContent({ huge.first(500'000), huge.sliced(500'000) }));
        const int before = m_controller->messages()->rowCount();
        m_controller->send(u"write forever"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy() && m_controller->messages()->rowCount() == before + 2, 20'000);
        const QModelIndex reply = m_controller->messages()->index(before + 1);
        QCOMPARE(reply.data(MessageListModel::ContentRole).toString(), huge);
        qsizetype shown = 0;
        QString last;
        for (const QVariant &segment : reply.data(MessageListModel::SegmentsRole).toList()) {
            last = segment.toMap().value(u"text"_s).toString();
            shown += last.size();
        }
        QVERIFY2(shown <= MessageListModel::maxDisplayedChars + 400, qPrintable(QString::number(shown)));
        QVERIFY2(last.contains(u"baton sessions export"_s), qPrintable(last.right(200)));
        QElapsedTimer frame;
        frame.start();
        QVERIFY(!m_window->grabWindow().isNull()); // the window still draws
        qInfo() << "a frame with the capped megabyte reply took" << frame.elapsed() << "ms";
    }

    void aFailedReplyShowsTheSentenceAndRetry()
    {
        FakeLlmReply failing;
        failing.httpStatus = 401;
        failing.errorBody = "{\"error\":{\"message\":\"bad key\"}}";
        m_llm->enqueue(failing);
        const int before = m_controller->messages()->rowCount();
        m_controller->send(u"and restaurants?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        // The sentence is the reply's bubble (with Retry there), not a second time in the error bar.
        const QModelIndex failed = m_controller->messages()->index(before + 1);
        QCOMPARE(failed.data(MessageListModel::StatusRole).toString(), u"error"_s);
        QVERIFY2(failed.data(MessageListModel::ContentRole).toString().contains(u"rejected the API key"_s),
            qPrintable(failed.data(MessageListModel::ContentRole).toString()));
        QCOMPARE(m_controller->errorText(), QString());
        QVERIFY(!item(u"errorText"_s)->isVisible());
        QVERIFY(screenshot(u"04-error-light"_s));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Try Taberna da Rua das Flores."_s }));
        m_controller->regenerate(); // on a failure: in its place
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QCOMPARE(m_controller->messages()->rowCount(), before + 2);
        QCOMPARE(m_controller->messages()->index(before + 1).data(MessageListModel::ContentRole).toString(),
            u"Try Taberna da Rua das Flores."_s);
    }

    void theModelPickerListsTheEndpointsModels()
    {
        QSignalSpy listed(m_controller.get(), &ChatController::modelsChanged);
        m_controller->refreshModels();
        QVERIFY(listed.wait(5'000));
        QVERIFY(m_controller->models().contains(u"fake-model"_s));
        QVERIFY(item(u"modelPicker"_s)->isVisible());
        m_controller->setModel(u"another-model"_s);
        QCOMPARE(
            QSettings(paths().configFile, QSettings::IniFormat).value(u"llm/model"_s).toString(), u"another-model"_s);
        m_llm->enqueue(FakeLlmReply::withContent({ u"ok"_s }));
        m_controller->send(u"which model?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QCOMPARE(m_llm->requests().constLast().value("model"_L1).toString(), u"another-model"_s);
        m_controller->setModel(u"fake-model"_s);
    }

    void handOffThroughTheWindowsController()
    {
        m_gateway = startBaton({ u"--no-gui"_s }, [this] {
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert(u"BATON_DATA_DIR"_s, paths().dataDir);
            e.insert(u"BATON_CONFIG"_s, paths().configFile);
            e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
            e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
            return e;
        }());
        QTRY_VERIFY_WITH_TIMEOUT(!m_telegram->calls(u"getUpdates"_s).isEmpty(), 10'000);
        QCOMPARE(m_controller->handoffPlatforms(), QStringList { u"telegram"_s });
        QVERIFY(item(u"handoffButton"_s)->isEnabled());

        // Clicked while a reply is being written, the handoff waits for the reply to end.
        FakeLlmReply slow = FakeLlmReply::withContent({ u"Three days: "_s, u"Alfama, Belém, Sintra."_s });
        slow.chunkDelayMs = 400;
        m_llm->enqueue(slow);
        FakeLlmReply summary = FakeLlmReply::withContent({ u"Here on Telegram: "_s, u"Lisbon, three days."_s });
        summary.firstTokenDelayMs = 600; // long enough to see "running"
        m_llm->enqueue(summary);
        QStringList states;
        connect(m_controller.get(), &ChatController::handoffChanged, this, [&] {
            const QString state = m_controller->handoffState();
            if (!state.isEmpty() && (states.isEmpty() || states.constLast() != state))
                states << state;
        });
        m_controller->send(u"and a day trip?"_s);
        QVERIFY(m_controller->busy());
        m_controller->handOff(u"telegram"_s);
        QCOMPARE(m_controller->handoffState(), u"queued"_s);
        QVERIFY(!item(u"handoffButton"_s)->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"running"_s, 10'000);
        QVERIFY(screenshot(u"05-handoff-running-light"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->handoffState(), u"completed"_s, 15'000);
        QVERIFY2(states == (QStringList { u"queued"_s, u"pending"_s, u"running"_s, u"completed"_s }),
            qPrintable(states.join(u", "_s)));
        QCOMPARE(m_controller->livePlatform(), u"telegram"_s);
        QVERIFY(item(u"liveBanner"_s)->isVisible());
        QCOMPARE(item(u"liveBanner"_s)->property("text").toString(),
            u"Continuing on Telegram — Plan three days in Lisbon"_s);
        const qint64 topic = m_telegram->topics(home).constLast();
        QCOMPARE(m_telegram->botMessages(home, topic), QStringList { u"Here on Telegram: Lisbon, three days."_s });
        QVERIFY(screenshot(u"06-handed-off-light"_s));

        m_controller->takeBack();
        QCOMPARE(m_controller->livePlatform(), QString());
        QVERIFY(!item(u"liveBanner"_s)->isVisible());
        // The gateway posts a note into the thread, so the phone knows where the conversation went.
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, topic).size(), 2, 5'000);
        QVERIFY(m_telegram->botMessages(home, topic).constLast().startsWith(u"Continuing on the desktop"_s));
    }

    void theDarkPaletteToo()
    {
        QGuiApplication::setPalette(::darkTestPalette());
        m_engine.reset();
        openWindow();
        QTRY_VERIFY(m_window->property("dark").toBool());
        m_controller->openSession(m_controller->sessions()->index(0).data(SessionListModel::IdRole).toString());
        QVERIFY(screenshot(u"07-conversation-dark"_s));
    }
    void theGatewaysNoteShowsUnderTheSessions()
    {
        // DesktopApp sets it when another process holds the gateway; it shows in the sidebar.
        QQuickItem *note = item(u"gatewayNote"_s);
        QVERIFY(note);
        QVERIFY(!note->isVisible());
        m_settings->setGatewayNote(u"The gateway runs elsewhere: the lock is held"_s);
        QTRY_VERIFY(note->isVisible());
        QCOMPARE(note->property("text").toString(), u"The gateway runs elsewhere: the lock is held"_s);
        m_settings->setGatewayNote({});
        QTRY_VERIFY(!note->isVisible());
    }
};

QTEST_MAIN(TestDesktopWindow)
#include "tst_desktopwindow.moc"
