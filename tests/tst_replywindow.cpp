// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "quickitems.h"
#include "settingscontroller.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(BatonPlugin)

/**
 * Waiting for and asking again for a reply in the real window (Main.qml) against the fake model:
 * the placeholder from the moment of sending, with the try the model is on (counted at the fake);
 * one display of a failure, with Retry replacing it; Regenerate's < 1/2 > kept across reopening;
 * edit and resend from the keyboard. Screenshots under <build>/tests/screenshots/.
 */
class TestReplyWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<SettingsController> m_settings;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    AppPaths paths() const
    {
        return { m_store->dir.path(), m_store->dir.filePath(u"baton.ini"_s), m_store->storeUrl() };
    }
    MessageListModel *messages() const { return m_controller->messages(); }

    bool screenshot(const QString &name)
    {
        QDir().mkpath(u"screenshots"_s);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(u"screenshots/%1.png"_s.arg(name));
    }
    /// Every item in the window's scene, the list's delegates and footer included (their QObject
    /// parent is not the list: findChild() misses them).
    QList<QQuickItem *> items() const
    {
        QList<QQuickItem *> all { m_window->contentItem() };
        for (qsizetype i = 0; i < all.size(); ++i)
            all << all.at(i)->childItems();
        return all;
    }
    QQuickItem *item(const QString &objectName) const
    {
        for (QQuickItem *i : items()) {
            if (i->objectName() == objectName)
                return i;
        }
        qWarning() << "no item named" << objectName;
        return nullptr;
    }
    /// The visible items named @p objectName (one per message that shows it).
    QList<QQuickItem *> shown(const QString &objectName) const
    {
        QList<QQuickItem *> found;
        for (QQuickItem *i : items()) {
            if (i->objectName() == objectName && i->isVisible())
                found << i;
        }
        return found;
    }
    /// How many visible texts in the window (labels and text views, which draw) show @p words.
    int displaysOf(const QString &words) const
    {
        int count = 0;
        for (QQuickItem *i : items()) {
            const bool draws = i->inherits("QQuickText") || i->inherits("QQuickTextEdit");
            if (draws && i->isVisible() && i->property("text").toString().contains(words))
                ++count;
        }
        return count;
    }
    void click(QQuickItem *target)
    {
        QVERIFY(target);
        QTest::mouseClick(m_window, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }
    QString contentAt(int row) const { return messages()->index(row).data(MessageListModel::ContentRole).toString(); }
    int variantData(int row, MessageListModel::Role role) const { return messages()->index(row).data(role).toInt(); }
    void openWindow()
    {
        ChatController::setInstance(m_controller.get());
        SettingsController::setInstance(m_settings.get());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);
    }
    void startController()
    {
        m_controller = std::make_unique<ChatController>(paths());
        QVERIFY2(m_controller->open(), qPrintable(m_controller->errorText()));
        new QAbstractItemModelTester(
            m_controller->messages(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_controller.get());
        m_settings = std::make_unique<SettingsController>(paths());
        openWindow();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_store = std::make_unique<TestStore>();
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n");
        ini.close();
        startController();
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
    }
    void init() { m_controller->newChat(); }

    void thePlaceholderSaysWhichTryTheModelIsOn()
    {
        FakeLlmReply busy;
        busy.httpStatus = 503;
        busy.errorBody = R"({"error":{"message":"loading the model"}})";
        m_llm->enqueue(busy);
        m_llm->enqueue(busy);
        FakeLlmReply answer = FakeLlmReply::withContent({ u"Here I am."_s });
        answer.firstTokenDelayMs = 300;
        m_llm->enqueue(answer);
        // What the placeholder said each time it changed, and how many tries the fake had had then.
        QStringList said;
        QList<qsizetype> reached;
        QObject scope; // the recording ends with this function
        connect(m_controller->progress(), &ReplyProgress::changed, &scope, [&] {
            if (!m_controller->progress()->waiting())
                return;
            said << m_controller->progress()->text();
            reached << m_llm->requests().size();
        });
        const qsizetype before = m_llm->requests().size();
        m_controller->send(u"Are you there?"_s);
        // From the moment it is sent, before any answer.
        QVERIFY(item(u"thinkingPlaceholder"_s)->isVisible());
        QCOMPARE(item(u"thinkingText"_s)->property("text").toString(), u"Thinking…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            item(u"thinkingText"_s)->property("text").toString(), u"Connecting to the model, try 3 of 4"_s, 10'000);
        QVERIFY(screenshot(u"reply-connecting"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QVERIFY(!item(u"thinkingPlaceholder"_s)->isVisible());
        QCOMPARE(contentAt(1), u"Here I am."_s);
        QCOMPARE(said,
            (QStringList {
                u"Thinking…"_s, u"Connecting to the model, try 2 of 4"_s, u"Connecting to the model, try 3 of 4"_s }));
        // "try N" shows once N - 1 tries reached the model and failed, before the next is sent.
        QCOMPARE(reached, (QList<qsizetype> { before, before + 1, before + 2 }));
        QCOMPARE(m_llm->requests().size(), before + 3);
        QVERIFY(m_controller->progress()->reason().isEmpty());
    }

    void aFailureShowsOnceAndRetryReplacesIt()
    {
        // 5xx, not dropped connections: Qt resends a request once by itself when a kept-alive
        // connection drops, so the fake's count would not be Baton's tries.
        FakeLlmReply down;
        down.httpStatus = 502;
        down.errorBody = R"({"error":{"message":"upstream model unreachable"}})";
        for (int i = 0; i < 4; ++i)
            m_llm->enqueue(down);
        const qsizetype before = m_llm->requests().size();
        m_controller->send(u"Still there?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 15'000);
        QCOMPARE(m_llm->requests().size(), before + 4);
        QCOMPARE(messages()->index(1).data(MessageListModel::StatusRole).toString(), u"error"_s);
        const QString sentence = contentAt(1);
        QCOMPARE(sentence, u"The model endpoint answered 502: upstream model unreachable"_s);
        // Once, in the reply's place, with Retry there: no error bar repeating it.
        QCOMPARE(m_controller->errorText(), QString());
        QVERIFY(!item(u"errorText"_s)->isVisible());
        QCOMPARE(displaysOf(u"upstream model unreachable"_s), 1);
        QCOMPARE(shown(u"retryButton"_s).size(), 1);
        QVERIFY(!item(u"thinkingPlaceholder"_s)->isVisible());
        QVERIFY(screenshot(u"reply-failed"_s));

        m_llm->enqueue(FakeLlmReply::withContent({ u"Yes, back again."_s }));
        click(shown(u"retryButton"_s).value(0));
        QVERIFY(m_controller->busy());
        QVERIFY(item(u"thinkingPlaceholder"_s)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        // In place of the failure: still the question and one reply.
        QCOMPARE(messages()->rowCount(), 2);
        QCOMPARE(contentAt(1), u"Yes, back again."_s);
        QCOMPARE(messages()->index(1).data(MessageListModel::StatusRole).toString(), u"complete"_s);
        QCOMPARE(displaysOf(u"upstream model unreachable"_s), 0);
        QVERIFY(shown(u"retryButton"_s).isEmpty());
        QCOMPARE(m_store->scalar(u"SELECT count(*) FROM messages WHERE status = 'error'"_s).toInt(), 0);
    }

    void regenerateFlipsThroughVariantsAndKeepsTheChoice()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Porto."_s }));
        m_controller->send(u"A city for a weekend?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QVERIFY(shown(u"variantSwitcher"_s).isEmpty());
        m_llm->enqueue(FakeLlmReply::withContent({ u"Seville."_s }));
        m_controller->regenerate();
        QVERIFY(item(u"thinkingPlaceholder"_s)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        // Replaced, not added below.
        QCOMPARE(messages()->rowCount(), 2);
        QCOMPARE(contentAt(1), u"Seville."_s);
        QCOMPARE(variantData(1, MessageListModel::VariantIndexRole), 2);
        QCOMPARE(variantData(1, MessageListModel::VariantCountRole), 2);
        QCOMPARE(shown(u"variantLabel"_s).size(), 1);
        QCOMPARE(shown(u"variantLabel"_s).value(0)->property("text").toString(), u"2/2"_s);
        QVERIFY(screenshot(u"reply-variants"_s));

        click(shown(u"previousVariant"_s).value(0));
        QTRY_COMPARE(contentAt(1), u"Porto."_s);
        QCOMPARE(shown(u"variantLabel"_s).value(0)->property("text").toString(), u"1/2"_s);
        QVERIFY(!shown(u"previousVariant"_s).value(0)->isEnabled());
        const QString session = m_controller->sessionId();

        // Closed and opened again, window and all: the chosen variant is the one shown.
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
        startController();
        m_controller->openSession(session);
        QCOMPARE(messages()->rowCount(), 2);
        QCOMPARE(contentAt(1), u"Porto."_s);
        QCOMPARE(variantData(1, MessageListModel::VariantIndexRole), 1);
        // And the model gets the variant shown as the history.
        m_llm->enqueue(FakeLlmReply::withContent({ u"The Ribeira."_s }));
        m_controller->send(u"Where to stay there?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        const QJsonArray sent = m_llm->requests().constLast().value("messages"_L1).toArray();
        QCOMPARE(sent.at(sent.size() - 2).toObject().value("content"_L1).toString(), u"Porto."_s);
        QCOMPARE(sent.size(), 3);
    }

    void editAndResendFromTheKeyboard()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Two days."_s }));
        m_controller->send(u"How long in Lisbon?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        m_llm->enqueue(FakeLlmReply::withContent({ u"The tram."_s }));
        m_controller->send(u"And getting around?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        QCOMPARE(messages()->rowCount(), 4);

        // The first question, reached by the arrows in the message list, F2 to edit it.
        QQuickItem *list = item(u"messageList"_s);
        list->forceActiveFocus(Qt::TabFocusReason);
        list->setProperty("currentIndex", 0);
        QTest::keyClick(m_window, Qt::Key_F2);
        QVERIFY(item(u"editingBar"_s)->isVisible());
        QQuickItem *composer = item(u"composer"_s);
        QCOMPARE(composer->property("text").toString(), u"How long in Lisbon?"_s);
        QVERIFY(composer->hasActiveFocus());
        composer->setProperty("text", u"How long in Lisbon and Porto?"_s);
        composer->setProperty("cursorPosition", composer->property("length"));
        QVERIFY(screenshot(u"reply-editing"_s));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Four days."_s }));
        QTest::keyClick(m_window, Qt::Key_Return);
        QVERIFY(!item(u"editingBar"_s)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
        // The model got the edited question alone; the old turns became a variant.
        const QJsonArray sent = m_llm->requests().constLast().value("messages"_L1).toArray();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).toObject().value("content"_L1).toString(), u"How long in Lisbon and Porto?"_s);
        QCOMPARE(messages()->rowCount(), 2);
        QCOMPARE(contentAt(0), u"How long in Lisbon and Porto?"_s);
        QCOMPARE(variantData(0, MessageListModel::VariantIndexRole), 2);
        QCOMPARE(variantData(0, MessageListModel::VariantCountRole), 2);

        // Alt+Left on it: the old question with everything that followed it.
        list->forceActiveFocus(Qt::TabFocusReason);
        list->setProperty("currentIndex", 0);
        QTest::keyClick(m_window, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(messages()->rowCount(), 4);
        QCOMPARE(contentAt(0), u"How long in Lisbon?"_s);
        QCOMPARE(contentAt(3), u"The tram."_s);
        list->setProperty("currentIndex", 0);
        QTest::keyClick(m_window, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(messages()->rowCount(), 2);

        // Esc leaves an edit as it was.
        list->setProperty("currentIndex", 0);
        QTest::keyClick(m_window, Qt::Key_F2);
        QVERIFY(item(u"editingBar"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QVERIFY(!item(u"editingBar"_s)->isVisible());
        QCOMPARE(m_controller->editingId(), 0);
    }
};

QTEST_MAIN(TestReplyWindow)
#include "tst_replywindow.moc"
