// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/authorizer.h"
#include "store/database.h"
#include "store/pairingstore.h"
#include "teststore.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Verdict = Authorizer::Verdict;
using Role = Authorizer::Role;

Q_DECLARE_METATYPE(Authorizer::Verdict)
Q_DECLARE_METATYPE(Authorizer::Role)

/// Who the gateway answers, and as what: owners from allowed_users, guests whose pairing code was
/// approved (read from the store on every message, so another process's approve or revoke counts
/// at once), strangers offered a code only in a direct chat, and every bot ignored.
class TestAuthorizer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<PairingStore> m_pairing;
    std::unique_ptr<Authorizer> m_authorizer;

    [[nodiscard]] static PlatformAdapter::Inbound message(const QString &platform, const QString &user,
        SessionSource::ChatType type = SessionSource::ChatType::Direct, bool fromBot = false)
    {
        PlatformAdapter::Inbound inbound;
        inbound.source.platform = platform;
        inbound.source.chatType = type;
        inbound.source.chatId = type == SessionSource::ChatType::Direct ? user : u"-100"_s;
        inbound.source.userId = user;
        inbound.text = u"hello"_s;
        inbound.fromBot = fromBot;
        return inbound;
    }
    /// Approves @p user on @p platform the way `baton pairing approve` does, through @p store.
    static bool approve(PairingStore &store, const QString &platform, const QString &user)
    {
        const auto code = store.requestCode(platform, user, u"Guest"_s, user);
        return code && !code->code.isEmpty() && store.approve(code->code).has_value();
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_pairing = std::make_unique<PairingStore>(m_store->db);
        m_authorizer = std::make_unique<Authorizer>(*m_pairing);
        m_authorizer->setAllowedUsers(u"telegram"_s, { u"111"_s });
        m_authorizer->setAllowedUsers(u"slack"_s, { u"U0ANN"_s });
        QVERIFY(approve(*m_pairing, u"telegram"_s, u"333"_s));
    }
    void cleanup()
    {
        m_authorizer.reset();
        m_pairing.reset();
        m_store.reset();
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("chatType");
        QTest::addColumn<bool>("fromBot");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<Role>("role");
        constexpr int direct = int(SessionSource::ChatType::Direct);
        constexpr int group = int(SessionSource::ChatType::Group);
        constexpr int channel = int(SessionSource::ChatType::Channel);
        QTest::newRow("owner, direct") << u"telegram"_s << u"111"_s << direct << false << Verdict::Serve << Role::Owner;
        QTest::newRow("owner, group") << u"telegram"_s << u"111"_s << group << false << Verdict::Serve << Role::Owner;
        QTest::newRow("owner on another platform")
            << u"telegram"_s << u"U0ANN"_s << direct << false << Verdict::OfferPairing << Role::None;
        QTest::newRow("guest, direct") << u"telegram"_s << u"333"_s << direct << false << Verdict::Serve << Role::Guest;
        QTest::newRow("guest, group") << u"telegram"_s << u"333"_s << group << false << Verdict::Serve << Role::Guest;
        QTest::newRow("guest approved elsewhere only")
            << u"discord"_s << u"333"_s << direct << false << Verdict::OfferPairing << Role::None;
        QTest::newRow("stranger, direct")
            << u"telegram"_s << u"222"_s << direct << false << Verdict::OfferPairing << Role::None;
        QTest::newRow("stranger, group") << u"telegram"_s << u"222"_s << group << false << Verdict::Ignore
                                         << Role::None;
        QTest::newRow("stranger, channel")
            << u"telegram"_s << u"222"_s << channel << false << Verdict::Ignore << Role::None;
        QTest::newRow("a bot with an owner's id")
            << u"telegram"_s << u"111"_s << direct << true << Verdict::Ignore << Role::None;
        QTest::newRow("a bot, stranger") << u"telegram"_s << u"222"_s << direct << true << Verdict::Ignore
                                         << Role::None;
        QTest::newRow("no sender") << u"telegram"_s << QString() << direct << false << Verdict::Ignore << Role::None;
        QTest::newRow("slack owner") << u"slack"_s << u"U0ANN"_s << direct << false << Verdict::Serve << Role::Owner;
    }
    void verdicts()
    {
        QFETCH(QString, platform);
        QFETCH(QString, user);
        QFETCH(int, chatType);
        QFETCH(bool, fromBot);
        QFETCH(Verdict, verdict);
        QFETCH(Role, role);
        Role given = Role::Owner; // must be overwritten, also for a message that is not served
        QCOMPARE(
            m_authorizer->check(message(platform, user, SessionSource::ChatType(chatType), fromBot), &given), verdict);
        QCOMPARE(given, role);
        QCOMPARE(m_authorizer->check(message(platform, user, SessionSource::ChatType(chatType), fromBot)), verdict);
    }

    void onlyOwnersAreOwners()
    {
        QVERIFY(m_authorizer->isOwner(u"telegram"_s, u"111"_s));
        QVERIFY(!m_authorizer->isOwner(u"telegram"_s, u"333"_s)); // a guest has not an owner's powers
        QVERIFY(!m_authorizer->isOwner(u"telegram"_s, u"222"_s));
        QVERIFY(!m_authorizer->isOwner(u"discord"_s, u"111"_s));
        QVERIFY(!m_authorizer->isOwner(u"telegram"_s, QString()));
    }

    void replacingAllowedUsersTakesEffect()
    {
        m_authorizer->setAllowedUsers(u"telegram"_s, { u"222"_s });
        QCOMPARE(m_authorizer->check(message(u"telegram"_s, u"222"_s)), Verdict::Serve);
        QCOMPARE(m_authorizer->check(message(u"telegram"_s, u"111"_s)), Verdict::OfferPairing);
        m_authorizer->setAllowedUsers(u"telegram"_s, {});
        QCOMPARE(m_authorizer->check(message(u"telegram"_s, u"222"_s)), Verdict::OfferPairing);
    }

    void approvalAndRevocationInAnotherProcessCountAtOnce()
    {
        // `baton pairing` runs in another process: a connection of its own to the same state.db.
        Database other;
        QVERIFY2(other.open(m_store->path()), qPrintable(other.errorString()));
        PairingStore cli(other);
        QCOMPARE(m_authorizer->check(message(u"telegram"_s, u"444"_s)), Verdict::OfferPairing);
        QVERIFY(approve(cli, u"telegram"_s, u"444"_s));
        Role role = Role::None;
        QCOMPARE(m_authorizer->check(message(u"telegram"_s, u"444"_s), &role), Verdict::Serve);
        QCOMPARE(role, Role::Guest);
        QVERIFY(cli.revoke(u"telegram"_s, u"444"_s).has_value());
        QCOMPARE(m_authorizer->check(message(u"telegram"_s, u"444"_s), &role), Verdict::OfferPairing);
        QCOMPARE(role, Role::None);
        QCOMPARE(
            m_authorizer->check(message(u"telegram"_s, u"444"_s, SessionSource::ChatType::Group)), Verdict::Ignore);
    }
};

QTEST_GUILESS_MAIN(TestAuthorizer)
#include "tst_authorizer.moc"
