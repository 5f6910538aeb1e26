// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "config/setuplinks.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "qrdecode.h"
#include "store/homechats.h"
#include "store/pairingstore.h"
#include "store/setupcodestore.h"
#include "teststore.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 phone = 333; // the owner-to-be, on their phone
constexpr qint64 stranger = 222;
const QString token = u"4242:pair-token"_s;
const QString notValid = u"Sorry, that setup code does not work"_s;
} // namespace

/**
 * Pairing a phone from an empty owner list: the real `baton --no-gui` and `baton pair telegram`
 * against the fake Telegram. The person who opens the link becomes an owner, at once and after a
 * restart; wrong, reused and expired codes get one polite sentence and nothing else.
 */
class TestPairE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<QProcess> m_gateway;

    QString configPath() const { return m_store->dir.filePath(u"baton.ini"_s); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        e.insert(u"BATON_CONFIG"_s, configPath());
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        return e;
    }
    bool startGateway()
    {
        const qsizetype polls = m_telegram->calls(u"getUpdates"_s).size();
        m_gateway = startBaton({ u"--no-gui"_s }, environment());
        return QTest::qWaitFor([&] { return m_telegram->calls(u"getUpdates"_s).size() > polls; }, 10'000);
    }
    int stopGateway()
    {
        if (!m_gateway || m_gateway->state() == QProcess::NotRunning)
            return m_gateway ? m_gateway->exitCode() : 0;
        m_gateway->terminate();
        if (!QTest::qWaitFor([&] { return m_gateway->state() == QProcess::NotRunning; }, 15'000))
            return -1;
        return m_gateway->exitStatus() == QProcess::NormalExit ? m_gateway->exitCode() : -2;
    }
    QStringList owners() const
    {
        QSettings ini(configPath(), QSettings::IniFormat);
        const QVariant users = ini.value(u"telegram/allowed_users"_s);
        QStringList list;
        for (const QString &user : users.toStringList().join(u',').split(u',', Qt::SkipEmptyParts))
            list << user.trimmed();
        return list;
    }
    /// A code as the window would make it, with "now" at @p now.
    QString mint(qint64 now = QDateTime::currentMSecsSinceEpoch())
    {
        SetupCodeStore codes(m_store->db);
        codes.setClock([now] { return now; });
        const auto code = codes.mint(u"telegram"_s, u"test-session"_s);
        return code ? code->code : QString();
    }
    /// Sends @p text as @p user in their private chat and waits for the bot's @p replies-th answer there.
    bool answered(qint64 user, int replies)
    {
        return QTest::qWaitFor([&] { return m_telegram->botMessages(user).size() >= replies; }, 10'000);
    }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(stranger, u"Mallory"_s);
        m_telegram->addPrivateChat(phone, u"Pat"_s);
        m_store = std::make_unique<TestStore>();
        QFile ini(configPath());
        QVERIFY(ini.open(QIODevice::WriteOnly));
        // No owner, no home: what someone has before they pair their phone.
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8() + "\n");
        ini.close();
        QVERIFY(startGateway());
    }
    void cleanup()
    {
        const int status = stopGateway();
        const QString log = m_gateway ? QString::fromUtf8(m_gateway->readAllStandardError()) : QString();
        if (!QTest::currentTestFailed()) {
            QVERIFY2(status == 0, qPrintable(u"exit %1\n%2"_s.arg(status).arg(log)));
            QVERIFY2(!log.contains(u"pair-token"_s), qPrintable(log));
        } else
            qWarning().noquote() << "gateway log:\n" << log;
        m_gateway.reset();
        m_store.reset();
        m_telegram.reset();
        m_llm.reset();
    }

    void thePersonWhoScansTheTerminalCodeBecomesAnOwner()
    {
        auto pair = startBaton({ u"pair"_s, u"telegram"_s }, environment());
        QString out;
        const QRegularExpression linkPattern(u"https://t\\.me/\\S+\\?start=\\w+"_s);
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += QString::fromUtf8(pair->readAllStandardOutput());
                return out.contains(u"Waiting"_s);
            },
            15'000));
        QVERIFY2(out.contains(u"Connected as @baton_test_bot."_s), qPrintable(out));
        const QString link = linkPattern.match(out).captured();
        QVERIFY2(link.startsWith(u"https://t.me/baton_test_bot?start="_s), qPrintable(out));
        // The half blocks on the screen scan (with zbar) to the very link printed below them.
        const qsizetype qrStart = out.indexOf(QChar(0x2588));
        const qsizetype qrEnd = out.indexOf(u"\n\n"_s, qrStart);
        QVERIFY(qrStart > 0 && qrEnd > qrStart);
        QCOMPARE(QrDecode::halfBlocks(out.mid(qrStart, qrEnd - qrStart)), link);

        // The phone opens the link: Telegram sends /start <code> in the private chat.
        QVERIFY(m_telegram->userOpensLink(phone, link) > 0);
        QVERIFY(answered(phone, 1));
        QVERIFY2(m_telegram->botMessages(phone).constFirst().contains(u"you are my owner on Telegram now"_s),
            qPrintable(m_telegram->botMessages(phone).join(u'\n')));
        QVERIFY(waitForExit(*pair, 15'000));
        out += QString::fromUtf8(pair->readAllStandardOutput());
        QCOMPARE(pair->exitCode(), 0);
        QVERIFY2(out.contains(u"Paired: user333 (user 333) is an owner on Telegram now."_s), qPrintable(out));
        QCOMPARE(owners(), QStringList { QString::number(phone) });

        // Served at once, no restart: the model answers their next message.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Hello, owner."_s }));
        m_telegram->userSends(phone, phone, u"hi"_s);
        QVERIFY(answered(phone, 2));
        QCOMPARE(m_telegram->botMessages(phone).at(1), u"Hello, owner."_s);

        // And after a restart: the owner list lives in baton.ini.
        QCOMPARE(stopGateway(), 0);
        QVERIFY(startGateway());
        m_llm->enqueue(FakeLlmReply::withContent({ u"Still here."_s }));
        m_telegram->userSends(phone, phone, u"again"_s);
        QVERIFY(answered(phone, 3));
        QCOMPARE(m_telegram->botMessages(phone).at(2), u"Still here."_s);
    }

    void aWrongCodeGetsOnePoliteSentence()
    {
        m_telegram->userSends(stranger, stranger, u"/start WRONGC0DE"_s);
        m_telegram->userSends(stranger, stranger, u"/start ABCDEFGH"_s);
        QVERIFY(answered(stranger, 2));
        // The gateway has read both: the fake's next poll is open with nothing left to deliver.
        QVERIFY(QTest::qWaitFor([&] { return m_telegram->pendingPolls() > 0; }, 10'000));
        for (const QString &said : m_telegram->botMessages(stranger))
            QVERIFY2(said.startsWith(notValid), qPrintable(said));
        QCOMPARE(m_telegram->botMessages(stranger).size(), 2);
        QVERIFY(owners().isEmpty());
        QCOMPARE(m_llm->requests().size(), 0);
        // No pairing code was handed out either.
        PairingStore pairing(m_store->db);
        QVERIFY(pairing.pendingRequests().isEmpty());
    }

    void aUsedCodeDoesNotWorkTwice()
    {
        const QString code = mint();
        QVERIFY(!code.isEmpty());
        m_telegram->userSends(phone, phone, u"/start "_s + code);
        QVERIFY(answered(phone, 1));
        QCOMPARE(owners(), QStringList { QString::number(phone) });
        m_telegram->userSends(stranger, stranger, u"/start "_s + code);
        QVERIFY(answered(stranger, 1));
        QVERIFY(m_telegram->botMessages(stranger).constFirst().startsWith(notValid));
        QCOMPARE(owners(), QStringList { QString::number(phone) });
        // The stranger is still a stranger: their next word gets the ordinary pairing offer, not the model.
        m_telegram->userSends(stranger, stranger, u"let me in"_s);
        QVERIFY(answered(stranger, 2));
        QVERIFY(m_telegram->botMessages(stranger).at(1).contains(u"pairing code"_s));
        QCOMPARE(m_llm->requests().size(), 0);
    }

    void anExpiredCodeDoesNotWork()
    {
        const QString code = mint(QDateTime::currentMSecsSinceEpoch() - SetupCodeStore::codeLifetimeMs - 1000);
        m_telegram->userSends(phone, phone, u"/start "_s + code);
        QVERIFY(answered(phone, 1));
        QVERIFY(m_telegram->botMessages(phone).constFirst().startsWith(notValid));
        QVERIFY(owners().isEmpty());
    }

    void aCodeInAGroupDoesNothing()
    {
        constexpr qint64 group = -100777;
        m_telegram->addGroup(group, u"Friends"_s, false);
        const QString code = mint();
        m_telegram->userSends(phone, group, u"/start "_s + code);
        // Then a code in the private chat: answered, so the group's message was read before it.
        const QString second = mint();
        m_telegram->userSends(phone, phone, u"/start "_s + second);
        QVERIFY(answered(phone, 1));
        QVERIFY(m_telegram->botMessages(group).isEmpty());
        QCOMPARE(owners(), QStringList { QString::number(phone) });
    }

    // The owner adds the bot to a forum group: it is offered as a home, by its title. A group a
    // stranger added is not (the stranger's came first, so it was read before the owner's).
    void aForumGroupAnOwnerAddedTheBotToIsOfferedAsAHome()
    {
        QVERIFY(m_telegram->userOpensLink(phone, u"https://t.me/baton_test_bot?start="_s + mint()) > 0);
        QVERIFY(answered(phone, 1));
        constexpr qint64 forum = -100123, foreign = -100456;
        m_telegram->addGroup(forum, u"Family"_s, true);
        m_telegram->addGroup(foreign, u"Spam"_s, false);
        m_telegram->botAddedToGroup(foreign, stranger);
        m_telegram->botAddedToGroup(forum, phone);
        const auto offered
            = [&] { return HomeChats(m_store->db).candidates(u"telegram"_s, { QString::number(phone) }); };
        QTRY_COMPARE_WITH_TIMEOUT(offered().size(), 2, 10'000);
        const auto chats = offered();
        const auto found = std::find_if(
            chats.cbegin(), chats.cend(), [&](const HomeChats::Chat &c) { return c.chatId == QString::number(forum); });
        QVERIFY(found != chats.cend());
        QCOMPARE(found->title, u"Family"_s);
        QVERIFY(found->threads);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM group_chats WHERE chat = '-100456'"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPairE2E)
#include "tst_pair_e2e.moc"
