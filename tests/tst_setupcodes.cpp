// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminalqr.h"
#include "config/qrmatrix.h"
#include "config/setuplinks.h"
#include "qrdecode.h"
#include "store/homechats.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"
#include "store/setupcodestore.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

/// Setup codes (single use, ten minutes, one live per platform) and the QR code that carries them.
class TestSetupCodes : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1'000'000'000;

    std::unique_ptr<SetupCodeStore> store(TestStore &s)
    {
        auto codes = std::make_unique<SetupCodeStore>(s.db);
        codes->setClock([this] { return m_now; });
        return codes;
    }

private Q_SLOTS:
    void init() { m_now = 1'000'000'000; }

    void aCodeWorksOnceForItsPlatform()
    {
        TestStore s;
        auto codes = store(s);
        const auto code = codes->mint(u"telegram"_s, u"window-1"_s);
        QVERIFY2(code, qPrintable(codes->errorString()));
        QVERIFY(SetupCodeStore::looksLikeCode(code->code));
        QVERIFY(!codes->redeem(u"discord"_s, code->code, u"7"_s, u"ann"_s, u"7"_s));
        QSignalSpy redeemed(codes.get(), &SetupCodeStore::redeemedCode);
        const auto used = codes->redeem(u"telegram"_s, code->code.toLower(), u"7"_s, u"ann"_s, u"7"_s);
        QVERIFY(used);
        QCOMPARE(used->userId, u"7"_s);
        QCOMPARE(used->chatId, u"7"_s);
        QCOMPARE(redeemed.size(), 1);
        QVERIFY(!codes->redeem(u"telegram"_s, code->code, u"8"_s, u"eve"_s, u"8"_s));
        QVERIFY(codes->errorString().isEmpty());
        QCOMPARE(codes->latest(u"window-1"_s)->userId, u"7"_s);
        QCOMPARE(codes->redeemed(u"telegram"_s).size(), 1);
    }

    void aCodeExpiresAfterTenMinutes()
    {
        TestStore s;
        auto codes = store(s);
        const auto code = codes->mint(u"slack"_s, u"cli-1"_s);
        m_now += SetupCodeStore::codeLifetimeMs;
        QVERIFY(!codes->redeem(u"slack"_s, code->code, u"U1"_s, {}, u"D1"_s));
        QVERIFY(codes->errorString().isEmpty());
    }

    void aNewerCodeVoidsTheOlderOne()
    {
        TestStore s;
        auto codes = store(s);
        const auto first = codes->mint(u"telegram"_s, u"window-1"_s);
        m_now += 1000;
        const auto second = codes->mint(u"telegram"_s, u"window-2"_s);
        const auto discord = codes->mint(u"discord"_s, u"window-2"_s);
        QVERIFY(!codes->redeem(u"telegram"_s, first->code, u"7"_s, {}, u"7"_s));
        QVERIFY(codes->redeem(u"discord"_s, discord->code, u"9"_s, {}, u"9"_s));
        QVERIFY(codes->redeem(u"telegram"_s, second->code, u"7"_s, {}, u"7"_s));
    }

    void onlyCodeShapedWordsLookLikeCodes()
    {
        QVERIFY(SetupCodeStore::looksLikeCode(u" K7QX2MPA "_s));
        QVERIFY(!SetupCodeStore::looksLikeCode(u"hello"_s));
        QVERIFY(!SetupCodeStore::looksLikeCode(u"K7QX2MP0"_s)); // 0 is not in the alphabet
        QVERIFY(!SetupCodeStore::looksLikeCode(u"K7QX2MPAB"_s));
    }

    void theHomeIsOfferedWhereOwnersPairedOrTalked()
    {
        TestStore s;
        auto codes = store(s);
        const auto code = codes->mint(u"telegram"_s, u"window-1"_s);
        QVERIFY(codes->redeem(u"telegram"_s, code->code, u"7"_s, u"ann"_s, u"7"_s));
        // Ann talks in a group later; a guest talks in another group, which is not offered.
        SessionStore sessions(s.db);
        SessionOwners owners(s.db);
        const auto talk = [&](const QString &person, const QString &chat) {
            const QString id = sessions.createSession(u"t"_s, u"telegram"_s);
            QVERIFY(owners.setStartedBy(id, SessionOwners::person(u"telegram"_s, person)));
            Message said;
            said.sessionId = id;
            said.content = u"hi"_s;
            said.platform = u"telegram"_s;
            said.platformChat = chat;
            said.platformMessageId = chat + person;
            QVERIFY(sessions.appendMessage(said));
        };
        talk(u"7"_s, u"-100500"_s);
        talk(u"9"_s, u"-100900"_s);
        HomeChats homes(s.db);
        const auto chats = homes.candidates(u"telegram"_s, { u"7"_s });
        QVERIFY2(homes.errorString().isEmpty(), qPrintable(homes.errorString()));
        QCOMPARE(chats.size(), 2);
        QStringList ids { chats.at(0).chatId, chats.at(1).chatId };
        ids.sort();
        QCOMPARE(ids, (QStringList { u"-100500"_s, u"7"_s }));
        for (const auto &chat : chats)
            QCOMPARE(chat.ownerName, chat.chatId == "7"_L1 ? u"ann"_s : QString());
        QVERIFY(homes.candidates(u"telegram"_s, {}).isEmpty());
        QVERIFY(homes.candidates(u"discord"_s, { u"7"_s }).isEmpty());
    }

    // A group the bot was added to: offered (with its title, and as a forum) when an owner added
    // it; a group a stranger added is not; a group where an owner talked gets its title.
    void groupsTheBotJoinedAreOfferedWhenAnOwnerAddedIt()
    {
        TestStore s;
        HomeChats homes(s.db);
        QVERIFY(homes.rememberGroup(u"telegram"_s, u"-100700"_s, u"Family"_s, true, u"7"_s));
        QVERIFY(homes.rememberGroup(u"telegram"_s, u"-100800"_s, u"Spam"_s, false, u"666"_s));
        auto chats = homes.candidates(u"telegram"_s, { u"7"_s });
        QVERIFY2(homes.errorString().isEmpty(), qPrintable(homes.errorString()));
        QCOMPARE(chats.size(), 1);
        QCOMPARE(chats.first().chatId, u"-100700"_s);
        QCOMPARE(chats.first().title, u"Family"_s);
        QVERIFY(chats.first().threads);
        // Renamed and no longer a forum: the newest word counts, still once.
        QVERIFY(homes.rememberGroup(u"telegram"_s, u"-100700"_s, u"Family 2"_s, false, u"7"_s));
        chats = homes.candidates(u"telegram"_s, { u"7"_s });
        QCOMPARE(chats.size(), 1);
        QCOMPARE(chats.first().title, u"Family 2"_s);
        QVERIFY(!chats.first().threads);
        QVERIFY(homes.candidates(u"discord"_s, { u"7"_s }).isEmpty());
    }

    void theLinksCarryTheCodeAndThePermissions()
    {
        const QString link = SetupLinks::telegramDeepLink(u"my_bot"_s, u"K7QX2MPA"_s);
        QCOMPARE(link, u"https://t.me/my_bot?start=K7QX2MPA"_s);
        const QUrlQuery invite(QUrl(SetupLinks::discordInviteUrl(u"1234"_s)));
        QCOMPARE(invite.queryItemValue(u"client_id"_s), u"1234"_s);
        QCOMPARE(invite.queryItemValue(u"scope"_s), u"bot"_s);
        // View Channels, Send Messages, Read Message History, Create Public Threads, Send Messages in Threads.
        QCOMPARE(invite.queryItemValue(u"permissions"_s), u"309237713920"_s);
        QVERIFY(SetupLinks::slackManifest().contains(u"socket_mode_enabled"_s));
        QVERIFY(SetupLinks::slackManifest().contains(u"im:history"_s));
    }

    void theTerminalCodeScansToTheLink()
    {
        const QString link = SetupLinks::telegramDeepLink(u"baton_test_bot"_s, u"K7QX2MPA"_s);
        const QrMatrix matrix = QrMatrix::encode(link);
        QVERIFY(matrix.isValid());
        QVERIFY(matrix.size() >= 21);
        const QString text = TerminalQr::render(matrix);
        // Two module rows per line, two modules of border all round.
        QCOMPARE(text.count(u'\n'), (matrix.size() + 4 + 1) / 2);
        QCOMPARE(text.section(u'\n', 0, 0).size(), matrix.size() + 4);
        QCOMPARE(QrDecode::halfBlocks(text), link);
        // And not by accident: a different code reads differently.
        QVERIFY(QrDecode::halfBlocks(TerminalQr::render(QrMatrix::encode(link + u"X"_s))) != link);
    }
};

QTEST_GUILESS_MAIN(TestSetupCodes)
#include "tst_setupcodes.moc"
