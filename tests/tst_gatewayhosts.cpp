// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcontroller.h"
#include "fakellmserver.h"
#include "gatewayhosts.h"
#include "handoffpresenter.h"
#include "quickitems.h"
#include "settingscontroller.h"
#include "store/platformleases.h"
#include "store/processidentity.h"
#include "teststore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
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
const QString elsewhere = u"homeserver/boot-b/4242/77"_s; // another machine's ProcessIdentity
} // namespace

/**
 * The window on a second machine (`[store] url` set, no gateway of its own) says which machine
 * answers each platform: a lease held by another host makes the Hand off menu offer the platform
 * with that host's name and the sidebar say "Gateway: Telegram on homeserver"; once the lease ran
 * out nobody answers it and the menu says so.
 */
class TestGatewayHosts : public QObject
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
        // The store named in [store] url, as on a second machine: on PostgreSQL its url, else a state.db.
        return { m_store->dir.path(), m_store->dir.filePath(u"baton.ini"_s), m_store->path() };
    }
    QQuickItem *item(const QString &objectName) const { return namedItem(m_window, objectName); }
    /// The Hand off menu's Telegram entry as the person sees it on opening the menu: {text, enabled}.
    /// With @p shot, the open menu is saved as that screenshot first.
    std::pair<QString, bool> telegramEntry(const QString &shot = {})
    {
        QQuickItem *button = item(u"handoffButton"_s);
        if (!button || !button->property("enabled").toBool() || !QMetaObject::invokeMethod(button, "clicked"))
            return {};
        auto shown = [this] {
            QQuickItem *entry = findItem(m_window->contentItem(), u"handoffTo_telegram"_s, true);
            return entry ? entry : m_window->findChild<QQuickItem *>(u"handoffTo_telegram"_s);
        };
        if (!QTest::qWaitFor([&] { return shown() && shown()->isVisible(); }))
            return {};
        QQuickItem *entry = shown();
        if (entry->width() + 0.5 < entry->implicitWidth()) {
            qWarning() << "the entry is cut short:" << entry->width() << "of" << entry->implicitWidth();
            return {};
        }
        const std::pair<QString, bool> seen { entry->property("text").toString(), entry->property("enabled").toBool() };
        if (!shot.isEmpty() && !screenshot(shot))
            return {};
        QTest::keyClick(m_window, Qt::Key_Escape);
        if (!QTest::qWaitFor([&] { return !entry->isVisible(); }))
            return {};
        return seen;
    }
    QString line() const
    {
        QQuickItem *label = item(u"gatewayHosts"_s);
        return label && label->isVisible() ? label->property("text").toString() : QString();
    }
    bool screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return true;
        QDir().mkpath(dir);
        const QImage image = m_window->grabWindow();
        return !image.isNull() && image.save(QDir(dir).filePath(name + u".png"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_store = std::make_unique<TestStore>();
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8()
            + "\nmodel=fake-model\n[telegram]\nenabled=true\nhome_chat=-1001\nallowed_users=111\n");
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
        // A conversation to hand off: the menu opens on one.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Alfama, Belém, Sintra."_s }));
        m_controller->send(u"Plan three days in Lisbon"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->busy(), 10'000);
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_settings.reset();
        m_controller.reset();
    }

    // No gateway has ever led Telegram on this store: nobody answers a handoff.
    void withoutALeaderNobodyAnswers()
    {
        QVERIFY(m_controller->gatewayHosts()->isShared());
        QTRY_COMPARE(line(), u"Gateway: none runs Telegram"_s);
        QCOMPARE(telegramEntry(), std::pair(u"Telegram — no gateway runs it"_s, false));
    }

    // A `baton --no-gui` on homeserver leads Telegram: the window offers it and names the machine.
    void aLeaseHeldElsewhereNamesTheMachine()
    {
        PlatformLeases leases(m_store->db);
        const auto taken = leases.acquire(
            u"telegram"_s, elsewhere, u"homeserver"_s, 4242, QDateTime::currentMSecsSinceEpoch(), 120'000);
        QVERIFY2(taken && taken->held, qPrintable(leases.errorString()));

        QTRY_COMPARE_WITH_TIMEOUT(line(), u"Gateway: Telegram on homeserver"_s, 5'000);
        const GatewayHosts::Leader leader = m_controller->gatewayHosts()->leader(u"telegram"_s);
        QCOMPARE(leader.where, GatewayHosts::Where::Elsewhere);
        QCOMPARE(leader.pid, 4242);
        QString why;
        QVERIFY(m_controller->handoff()->canTake(u"telegram"_s, &why));
        QCOMPARE(why, u"answered by the gateway on homeserver"_s);
        QCOMPARE(telegramEntry(u"gateway-elsewhere"_s),
            std::pair(u"Telegram — answered by the gateway on homeserver"_s, true));
    }

    // The gateway on homeserver died: its lease runs out and nobody answers Telegram any more.
    void anExpiredLeaseLeavesNobody()
    {
        QVERIFY(m_store->exec(
            u"UPDATE platform_leases SET lease_until = %1"_s.arg(QDateTime::currentMSecsSinceEpoch() - 1'000)));
        QTRY_COMPARE_WITH_TIMEOUT(line(), u"Gateway: none runs Telegram"_s, 5'000);
        QCOMPARE(m_controller->gatewayHosts()->leader(u"telegram"_s).where, GatewayHosts::Where::Nobody);
        QCOMPARE(telegramEntry(), std::pair(u"Telegram — no gateway runs it"_s, false));
    }

    // This process's own gateway leads Telegram: the line says so, without a machine's name.
    void aLeaseHeldHereSaysThisComputer()
    {
        PlatformLeases leases(m_store->db);
        const auto taken = leases.acquire(u"telegram"_s, ProcessIdentity::current(), u"laptop"_s,
            QCoreApplication::applicationPid(), QDateTime::currentMSecsSinceEpoch(), 120'000);
        QVERIFY2(taken && taken->held, qPrintable(leases.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(line(), u"Gateway: Telegram on this computer"_s, 5'000);
        QCOMPARE(m_controller->gatewayHosts()->leader(u"telegram"_s).where, GatewayHosts::Where::Here);
        QVERIFY(leases.release(u"telegram"_s, ProcessIdentity::current()));
        QTRY_COMPARE_WITH_TIMEOUT(line(), u"Gateway: none runs Telegram"_s, 5'000);
    }

    // A lease that runs out without any write (kill -9 of its holder) is noticed at its end.
    void aLeaseEndsWithoutAWrite()
    {
        PlatformLeases leases(m_store->db);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto taken = leases.acquire(u"telegram"_s, elsewhere, u"homeserver"_s, 4242, now, 3'000);
        QVERIFY2(taken && taken->held, qPrintable(leases.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(line(), u"Gateway: Telegram on homeserver"_s, 5'000);
        QTRY_COMPARE_WITH_TIMEOUT(line(), u"Gateway: none runs Telegram"_s, 5'000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= now + 3'000);
    }
};

QTEST_MAIN(TestGatewayHosts)
#include "tst_gatewayhosts.moc"
