// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "quickitems.h"
#include "settingscontroller.h"
#include "store/database.h"
#include "store/sessionstore.h"

#include <QAccessible>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
const QString replyProse = u"Use a vector here."_s;
const QString replyCode = u"std::vector<int> v;"_s;

/// Who an item is, for a failure message: its type, objectName, text and named ancestors.
QString describe(const QQuickItem *item)
{
    QString text = QString::fromLatin1(item->metaObject()->className());
    if (!item->objectName().isEmpty())
        text += u" \"%1\""_s.arg(item->objectName());
    const QString shown = item->property("text").toString();
    if (!shown.isEmpty())
        text += u" text=\"%1\""_s.arg(shown.left(40));
    for (const QQuickItem *up = item->parentItem(); up; up = up->parentItem()) {
        if (!up->objectName().isEmpty()) {
            text += u" in \"%1\""_s.arg(up->objectName());
            break;
        }
    }
    return text;
}

/// What a person acts on: buttons (menu items, list rows and switches are buttons too), text
/// fields, text areas one can type in, combo and spin boxes, and whatever Tab stops at.
bool isInteractive(const QQuickItem *item)
{
    if (item->inherits("QQuickAbstractButton") || item->inherits("QQuickComboBox") || item->inherits("QQuickSpinBox")
        || item->inherits("QQuickTextInput"))
        return true;
    if (item->inherits("QQuickTextEdit"))
        return !item->property("readOnly").toBool();
    return item->activeFocusOnTab();
}

/// Every shown interactive item under @p item without an accessible role or name. The editor inside
/// a combo or spin box is part of that control, which carries the name.
void findUnnamed(QQuickItem *item, QStringList &problems)
{
    if (!item->isVisible())
        return;
    if (isInteractive(item)) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        if (!iface) {
            problems << u"not accessible: "_s + describe(item);
        } else {
            if (iface->role() == QAccessible::NoRole || iface->role() == QAccessible::Client)
                problems << u"no role: "_s + describe(item);
            // Qt 6.4 never gives a password field a name (QQuickAccessibleAttached hides it, so that
            // no password leaks): its description has to say what it is.
            const QString name
                = iface->state().passwordEdit ? iface->text(QAccessible::Description) : iface->text(QAccessible::Name);
            if (name.trimmed().isEmpty())
                problems << u"no name: "_s + describe(item);
        }
        if (item->inherits("QQuickComboBox") || item->inherits("QQuickSpinBox"))
            return;
    }
    for (QQuickItem *child : item->childItems())
        findUnnamed(child, problems);
}

/// Calls @p visit for every interface a screen reader can reach from @p iface, @p iface included.
void walk(QAccessibleInterface *iface, const std::function<void(QAccessibleInterface *)> &visit, int depth = 0)
{
    if (!iface || depth > 64)
        return;
    visit(iface);
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), visit, depth + 1);
}

/// Whether @p item is on a page of Settings that is not the one shown.
bool onHiddenSettingsPage(const QQuickItem *item)
{
    static const QStringList pages { u"modelPage"_s, u"pairingPage"_s, u"awayPage"_s };
    for (const QQuickItem *up = item; up; up = up->parentItem()) {
        if (pages.contains(up->objectName()) || up->objectName().startsWith(u"platformPage_"_s))
            return !up->isVisible();
    }
    return false;
}

enum class Pages { Shown, Hidden };

/// Items hidden on the screen that a screen reader still reaches from the window: those on the
/// Settings pages not shown, or all the others.
QStringList findExposedHidden(QQuickWindow *window, Pages pages = Pages::Shown)
{
    QStringList problems;
    walk(QAccessible::queryAccessibleInterface(window), [&](QAccessibleInterface *iface) {
        auto *item = qobject_cast<QQuickItem *>(iface->object());
        if (item && !item->isVisible() && onHiddenSettingsPage(item) == (pages == Pages::Hidden))
            problems << u"hidden but exposed: "_s + describe(item);
    });
    return problems;
}

/// The name and description of every interface a screen reader reaches, one line each.
QStringList spokenTexts(QQuickWindow *window)
{
    QStringList texts;
    walk(QAccessible::queryAccessibleInterface(window), [&](QAccessibleInterface *iface) {
        texts << iface->text(QAccessible::Name) + u" | "_s + iface->text(QAccessible::Description);
    });
    return texts;
}

/// The accessible names of the shown buttons under @p item.
void buttonNames(QQuickItem *item, QStringList &names)
{
    if (!item->isVisible())
        return;
    if (item->inherits("QQuickAbstractButton")) {
        if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item))
            names << iface->text(QAccessible::Name);
    }
    for (QQuickItem *child : item->childItems())
        buttonNames(child, names);
}

/// Prints each problem on a line of its own (a failure message is cut short) and says whether there were none.
bool none(const QStringList &problems)
{
    for (const QString &problem : problems)
        qWarning().noquote() << problem;
    return problems.isEmpty();
}
} // namespace

/**
 * The window and the Settings dialog as a screen reader finds them through Qt's AT-SPI bridge:
 * every control it can act on has a role and a name, copy buttons say what they copy, message text
 * is there to read, and what is hidden on the screen is hidden from it too. Runs on an X display
 * with the accessibility bus (tests/with-screen-reader.sh).
 */
class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<SettingsController> m_settings;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_sessionId;

    AppPaths paths() const { return { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} }; }
    QQuickItem *item(const QString &name) const { return findItem(m_window->contentItem(), name); }
    QStringList unnamed() const
    {
        QStringList problems;
        findUnnamed(m_window->contentItem(), problems);
        return problems;
    }
    void click(QQuickItem *target)
    {
        QVERIFY(target);
        QTest::mouseClick(m_window, Qt::LeftButton, {}, target->mapToScene(target->boundingRect().center()).toPoint());
    }
    void seed()
    {
        Database db;
        QVERIFY2(db.open(m_dir.filePath(u"state.db"_s)), qPrintable(db.errorString()));
        SessionStore sessions(db);
        m_sessionId = sessions.createSession(u"Which container"_s);
        Message question;
        question.sessionId = m_sessionId;
        question.role = MessageRole::User;
        question.content = u"Which type?"_s;
        Message reply = question;
        reply.role = MessageRole::Assistant;
        reply.content = replyProse + u"\n\n```cpp\n"_s + replyCode + u"\n```\n\nThat is all."_s;
        QVERIFY2(sessions.appendMessage(question) && sessions.appendMessage(reply), qPrintable(sessions.errorString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A desktop session starts the accessibility bus when a screen reader asks for it; Qt's
        // bridge (QT_LINUX_ACCESSIBILITY_ALWAYS_ON) then switches accessibility on.
        QVERIFY2(QGuiApplication::platformName() == u"xcb"_s, "run through tests/with-screen-reader.sh");
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        QVERIFY2(bus, "no D-Bus session");
        QVERIFY2(bus->startService(u"org.a11y.Bus"_s).isValid(), "cannot start the accessibility bus (at-spi2-core)");
        QTRY_VERIFY2_WITH_TIMEOUT(QAccessible::isActive(), "Qt's AT-SPI bridge did not switch on", 10'000);

        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        // Telegram has a home, so the handoff menu has an entry.
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\nhome_chat=-100123\n");
        ini.close();
        seed();
        m_controller = std::make_unique<ChatController>(paths());
        QVERIFY2(m_controller->open(), qPrintable(m_controller->errorText()));
        m_settings = std::make_unique<SettingsController>(paths());
        QVERIFY2(m_settings->open(), qPrintable(m_settings->errorText()));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        ChatController::setInstance(m_controller.get());
        SettingsController::setInstance(m_settings.get());
        m_window = openMainWindow(*m_engine);
        QVERIFY(m_window);
    }
    void init()
    {
        m_controller->openSession(m_sessionId);
        QTRY_VERIFY(item(u"codeBlock"_s) && item(u"codeBlock"_s)->isVisible());
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
    }

    // The checks below can fail: a button without words and a hidden label are both caught.
    void theChecksCatchANamelessButtonAndAHiddenLabel()
    {
        QQmlComponent component(m_engine.get());
        component.setData("import QtQuick\nimport QtQuick.Controls\n"
                          "Item { anchors.fill: parent\n"
                          "    Button { objectName: 'namelessButton'; icon.name: 'edit-copy' }\n"
                          "    Label { objectName: 'hiddenLabel'; text: 'secret'; visible: false } }",
            QUrl(u"inline.qml"_s));
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *planted = qobject_cast<QQuickItem *>(object.get());
        planted->setParentItem(m_window->contentItem());
        const QStringList problems = unnamed();
        QVERIFY2(problems.filter(u"no name: "_s).filter(u"\"namelessButton\""_s).size() == 1,
            qPrintable(problems.join(u'\n')));
        const QStringList hidden = findExposedHidden(m_window);
        QVERIFY2(hidden.join(u'\n').contains(u"\"hiddenLabel\""_s), qPrintable(hidden.join(u'\n')));
        object.reset();
        QVERIFY(!unnamed().join(u'\n').contains(u"namelessButton"_s));
    }

    void everyControlOfTheWindowHasARoleAndAName()
    {
        const QStringList problems = unnamed();
        QVERIFY2(none(problems), "the problems are listed above");
    }

    void copyButtonsSayWhatTheyCopy()
    {
        QStringList names;
        buttonNames(m_window->contentItem(), names);
        QVERIFY2(names.contains(u"Copy reply"_s), qPrintable(names.join(u", "_s)));
        QVERIFY2(names.contains(u"Copy code block"_s), qPrintable(names.join(u", "_s)));
        QVERIFY2(names.contains(u"Copy your message"_s), qPrintable(names.join(u", "_s)));
        QVERIFY2(!names.contains(u"Copy"_s), qPrintable(names.join(u", "_s)));
    }

    void theMessageBoxAndTheSearchFieldHaveNames()
    {
        for (const QString &name : { u"composer"_s, u"searchField"_s }) {
            QQuickItem *field = item(name);
            QVERIFY2(field, qPrintable(name));
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(field);
            QVERIFY(iface);
            QCOMPARE(iface->role(), QAccessible::EditableText);
            QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), qPrintable(name));
        }
    }

    void messageTextReachesTheScreenReader()
    {
        const QString spoken = spokenTexts(m_window).join(u'\n');
        for (const QString &words : { u"Which type?"_s, replyProse, replyCode })
            QVERIFY2(spoken.contains(words), qPrintable(words + u" is not in:\n"_s + spoken));
    }

    void hiddenItemsAreNotExposed_data()
    {
        QTest::addColumn<bool>("newChat");
        QTest::newRow("a conversation") << false;
        QTest::newRow("a new chat") << true;
    }
    void hiddenItemsAreNotExposed()
    {
        QFETCH(bool, newChat);
        if (newChat) {
            m_controller->newChat();
            QTRY_VERIFY(!item(u"codeBlock"_s) || !item(u"codeBlock"_s)->isVisible());
        }
        const QStringList problems = findExposedHidden(m_window);
        QVERIFY2(none(problems), "the problems are listed above");
    }

    void theHandoffMenuIsNamed()
    {
        QQuickItem *button = item(u"handoffButton"_s);
        click(button);
        QTRY_VERIFY(item(u"handoffTo_telegram"_s) && item(u"handoffTo_telegram"_s)->isVisible());
        const QStringList problems = unnamed() + findExposedHidden(m_window);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!item(u"handoffTo_telegram"_s) || !item(u"handoffTo_telegram"_s)->isVisible());
        QVERIFY2(none(problems), "the problems are listed above");
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(button);
        QVERIFY(iface && !iface->text(QAccessible::Name).isEmpty());
    }

    void everyPageOfSettingsIsNamed_data()
    {
        QTest::addColumn<QString>("page");
        for (const QString &page : { u"model"_s, u"telegram"_s, u"discord"_s, u"slack"_s, u"pairing"_s, u"away"_s })
            QTest::newRow(qPrintable(page)) << page;
    }
    void everyPageOfSettingsIsNamed()
    {
        QFETCH(QString, page);
        click(item(u"settingsButton"_s));
        QTRY_VERIFY(item(u"settingsNav_"_s + page) && item(u"settingsNav_"_s + page)->isVisible());
        click(item(u"settingsNav_"_s + page));
        QTRY_VERIFY(item(u"settingsNav_"_s + page)->property("highlighted").toBool());
        const QStringList problems = unnamed() + findExposedHidden(m_window);
        const QStringList onOtherPages = findExposedHidden(m_window, Pages::Hidden);
        click(item(u"settingsCloseButton"_s));
        QTRY_VERIFY(!item(u"settingsCloseButton"_s) || !item(u"settingsCloseButton"_s)->isVisible());
        QVERIFY2(none(problems), "the problems are listed above");
        // Qt 6.4 hands a screen reader the children of a hidden item, and Accessible.ignored hides
        // an item but not its children: the pages not shown wait outside the window instead.
        QVERIFY2(onOtherPages.isEmpty(),
            qPrintable(
                u"%1 items of other pages, the first: %2"_s.arg(onOtherPages.size()).arg(onOtherPages.value(0))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
