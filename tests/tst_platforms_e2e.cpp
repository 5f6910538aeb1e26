// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "pace.h"
#include "store/handoffstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"
#include "store/setupcodestore.h"
#include "teststore.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString discordGuild = u"700000000000000001"_s;
const QString discordHome = u"700000000000000010"_s;
const QString discordUser = u"600000000000000001"_s;
const QString slackHome = u"C0000000001"_s;
const QString slackUser = u"U0000000001"_s;
const QString discordDm = u"700000000000000020"_s;
const QString slackDm = u"D0000000001"_s;
constexpr qint64 telegramUser = 111;
constexpr qint64 telegramHome = -1001234567890;
} // namespace

/**
 * One real `baton --no-gui` with Telegram, Discord and Slack enabled together against their fakes:
 * `baton chat` hands a conversation off to each platform in turn, a thread is made, the summary is
 * posted in it, and the person's reply there continues the same session (docs/architecture.md, scenario 13-14).
 */
class TestPlatformsE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeDiscordServer> m_discord;
    std::unique_ptr<FakeSlackServer> m_slack;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<QProcess> m_gateway;

    QProcessEnvironment environment() const { return threePlatformEnvironment(m_store->dir.path()); }

    // The platforms that push events over a socket of their own (Telegram is polled).
    static void socketPlatforms()
    {
        QTest::addColumn<QString>("platform");
        QTest::newRow("discord") << u"discord"_s;
        QTest::newRow("slack") << u"slack"_s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:telegram"_s);
        m_discord = std::make_unique<FakeDiscordServer>(u"discord-token"_s);
        m_slack = std::make_unique<FakeSlackServer>(u"xoxb-slack"_s, u"xapp-slack"_s);
        QVERIFY(m_llm->listen() && m_telegram->listen() && m_discord->listen() && m_slack->listen());
        m_telegram->addPrivateChat(telegramUser, u"Ann"_s);
        m_telegram->addGroup(telegramHome, u"Home"_s, true);
        m_discord->addGuildChannel(discordGuild, discordHome, u"home"_s);
        m_slack->addChannel(slackHome, u"home"_s);
        m_discord->addDmChannel(discordDm, discordUser);
        m_slack->addIm(slackDm, slackUser);

        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        QFile ini(m_store->dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nallowed_users=" + QByteArray::number(telegramUser) + "\nhome_chat=" + QByteArray::number(telegramHome)
            + "\n" + "[discord]\nenabled=true\napi_base=" + m_discord->apiBase().toUtf8()
            + "\nallowed_users=" + discordUser.toUtf8() + "\nhome_channel=" + discordHome.toUtf8() + "\n"
            + "[slack]\nenabled=true\napi_base=" + m_slack->apiBase().toUtf8() + "\nallowed_users=" + slackUser.toUtf8()
            + "\nhome_channel=" + slackHome.toUtf8() + "\n");
        ini.close();

        m_gateway = startBaton({ u"--no-gui"_s }, environment());
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return !m_telegram->calls(u"getUpdates"_s).isEmpty() && m_discord->identifyCount() == 1
                             && m_slack->liveConnections() == 1;
                     },
                     10'000),
            qPrintable(QString::fromUtf8(m_gateway->readAllStandardError())));
    }
    void cleanupTestCase()
    {
        m_gateway->terminate();
        QVERIFY(QTest::qWaitFor([&] { return m_gateway->state() == QProcess::NotRunning; }, 15'000));
        const QString log = QString::fromUtf8(m_gateway->readAllStandardError());
        QVERIFY2(m_gateway->exitStatus() == QProcess::NormalExit && m_gateway->exitCode() == 0, qPrintable(log));
        for (const QString &secret : { u"4242:telegram"_s, u"discord-token"_s, u"xoxb-slack"_s, u"xapp-slack"_s })
            QVERIFY2(!log.contains(secret), qPrintable(secret));
        QVERIFY2(log.contains(u"enable the Message Content intent in the Developer Portal"_s), qPrintable(log));
    }

    void handsOffAndContinuesOnEachPlatform_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::newRow("discord") << u"discord"_s;
        QTest::newRow("slack") << u"slack"_s;
        QTest::newRow("telegram") << u"telegram"_s;
    }
    void handsOffAndContinuesOnEachPlatform()
    {
        QFETCH(QString, platform);
        const QString topic = u"plan %1 things"_s.arg(platform);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Noted."_s }));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Here on %1: we were planning."_s.arg(platform) }));
        const BatonRun chat
            = runBaton({ u"chat"_s }, environment(), topic.toUtf8() + "\n/handoff " + platform.toUtf8() + "\n");
        QVERIFY2(chat.exitCode == 0, qPrintable(chat.out + chat.err));
        const QString id = m_sessions->sessions().first().id;
        HandoffStore handoffs(m_store->db);
        const auto status = handoffs.handoffState(id);
        QCOMPARE(status->state, HandoffState::Completed);
        const QString summary = u"Here on %1: we were planning."_s.arg(platform);
        const QString reply = u"Continuing on %1."_s.arg(platform);
        m_llm->enqueue(FakeLlmReply::withContent({ reply }));

        QString thread;
        if (platform == "discord"_L1) {
            QCOMPARE(m_discord->threads(discordHome).size(), 1);
            thread = m_discord->threads(discordHome).constLast();
            QCOMPARE(m_discord->botMessages(thread), QStringList { summary });
            m_discord->userSends(discordUser, thread, u"go on"_s);
            QTRY_COMPARE(m_discord->botMessages(thread).size(), 2);
            QCOMPARE(m_discord->botMessages(thread).constLast(), reply);
        } else if (platform == "slack"_L1) {
            thread = status->destination.section(u':', 3, 3);
            QCOMPARE(m_slack->botMessages(slackHome, thread), QStringList { summary });
            m_slack->userSends(slackUser, slackHome, u"go on"_s, thread);
            QTRY_COMPARE(m_slack->botMessages(slackHome, thread).size(), 2);
            QCOMPARE(m_slack->botMessages(slackHome, thread).constLast(), reply);
        } else {
            const qint64 topicId = m_telegram->topics(telegramHome).constLast();
            thread = QString::number(topicId);
            QCOMPARE(m_telegram->botMessages(telegramHome, topicId), QStringList { summary });
            m_telegram->userSends(telegramUser, telegramHome, u"go on"_s, topicId);
            QTRY_COMPARE(m_telegram->botMessages(telegramHome, topicId).size(), 2);
        }
        QVERIFY2(status->destination.startsWith(platform + u':') && status->destination.contains(thread),
            qPrintable(status->destination));
        // The same session on both surfaces: its transcript holds the terminal and the thread.
        const QList<Message> transcript = m_sessions->transcript(id);
        QCOMPARE(transcript.constFirst().content, topic);
        QCOMPARE(transcript.at(transcript.size() - 2).content, u"go on"_s);
        QCOMPARE(transcript.constLast().content, reply);
    }

    void aReconnectStormMidConversationLosesAndDoublesNothing_data() { socketPlatforms(); }
    void aReconnectStormMidConversationLosesAndDoublesNothing()
    {
        QFETCH(QString, platform);
        const int count = 100;
        for (int i = 0; i < count; ++i) {
            const QString text = u"%1 storm %2"_s.arg(platform).arg(i);
            if (platform == "discord"_L1) {
                m_discord->userSends(discordUser, discordDm, text);
                i % 2 ? m_discord->closeConnections(4000) : m_discord->dropConnections();
            } else {
                m_slack->userSends(slackUser, slackDm, text);
                m_slack->dropConnections();
            }
            pace(20); // the storm's rhythm, not a proof
        }
        // Every message stored once in the chat's one session, and the conversation answered.
        SessionKeyStore keys(m_store->db);
        const QString key
            = platform == "discord"_L1 ? u"discord:dm:%1"_s.arg(discordDm) : u"slack:dm:%1"_s.arg(slackDm);
        const auto userTexts = [&] {
            QStringList texts;
            if (const auto binding = keys.binding(key)) {
                for (const Message &m : m_sessions->transcript(binding->sessionId))
                    if (m.role == MessageRole::User)
                        texts << m.content;
            }
            return texts;
        };
        QTRY_COMPARE_WITH_TIMEOUT(userTexts().size(), count, 30'000);
        const QString id = keys.binding(key)->sessionId;
        QTRY_VERIFY_WITH_TIMEOUT(!m_sessions->session(id)->turnRunning
                && m_sessions->transcript(id).constLast().role == MessageRole::Assistant,
            30'000);
        // One message after the storm: a duplicate or a late reply would come before its answer.
        const QString last = u"%1 after the storm"_s.arg(platform);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Calm again."_s }));
        if (platform == "discord"_L1)
            m_discord->userSends(discordUser, discordDm, last);
        else
            m_slack->userSends(slackUser, slackDm, last);
        const auto delivered = [&] {
            return platform == "discord"_L1 ? m_discord->botMessages(discordDm) : m_slack->botMessages(slackDm);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!m_sessions->session(id)->turnRunning && userTexts().contains(last)
                && !delivered().isEmpty() && delivered().constLast() == u"Calm again."_s,
            30'000);
        const QStringList texts = userTexts();
        QCOMPARE(texts.size(), count + 1);
        QCOMPARE(QSet<QString>(texts.begin(), texts.end()).size(), count + 1);
        qsizetype replies = 0;
        for (const Message &m : m_sessions->transcript(id))
            replies += m.role == MessageRole::Assistant ? 1 : 0;
        QCOMPARE(delivered().size(), replies); // each reply delivered once
    }

    void messagesWrittenWhileStoppedAreAnsweredAfterwards_data() { socketPlatforms(); }
    void messagesWrittenWhileStoppedAreAnsweredAfterwards()
    {
        QFETCH(QString, platform);
        const bool discord = platform == "discord"_L1;
        const QString missed = u"written on %1 while you were away"_s.arg(platform);
        // The thread the handoff made, where the bot has answered before.
        QString thread;
        HandoffStore handoffs(m_store->db);
        for (const Session &session : m_sessions->sessions()) {
            const auto status = handoffs.handoffState(session.id);
            if (status && status->destination.startsWith(platform + u':'))
                thread = status->destination.section(u':', 3, 3);
        }
        QVERIFY(!thread.isEmpty());
        const auto botMessages
            = [&] { return discord ? m_discord->botMessages(thread) : m_slack->botMessages(slackHome, thread); };
        const qsizetype answered = botMessages().size();
        QVERIFY(answered >= 2);
        m_gateway->terminate();
        QVERIFY(waitForExit(*m_gateway, 15'000));
        QCOMPARE(m_gateway->exitCode(), 0);
        // Qt's own warnings (category "default") mean a bug of ours, such as a call on a null object.
        const QByteArray stopped = m_gateway->readAllStandardError();
        QVERIFY2(!stopped.contains(" W default: "), stopped.constData());

        // Discord pushes nothing to a stopped gateway, and a new session replays nothing; Slack
        // retries an event a few times, then gives up.
        if (discord) {
            m_discord->userSends(discordUser, thread, missed);
        } else {
            QTRY_COMPARE(m_slack->liveConnections(), 0);
            m_slack->userSends(slackUser, slackHome, missed, thread);
            QCOMPARE(m_slack->giveUpOnWaitingEvents(), 1);
        }
        m_llm->enqueue(FakeLlmReply::withContent({ u"Caught up."_s }));
        m_gateway = startBaton({ u"--no-gui"_s }, environment());
        QTRY_COMPARE_WITH_TIMEOUT(botMessages().size(), answered + 1, 10'000);
        QCOMPARE(botMessages().constLast(), u"Caught up."_s);
        // Fetched again, what was answered before the stop is not answered twice: a second answer
        // would come before the answer to a message written now.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Still here."_s }));
        if (discord)
            m_discord->userSends(discordUser, thread, u"and now?"_s);
        else
            m_slack->userSends(slackUser, slackHome, u"and now?"_s, thread);
        QTRY_COMPARE_WITH_TIMEOUT(botMessages().constLast(), u"Still here."_s, 10'000);
        QCOMPARE(botMessages().size(), answered + 2);
        QString sessionId;
        for (const Session &session : m_sessions->sessions()) {
            for (const Message &m : m_sessions->transcript(session.id)) {
                if (m.content == missed) {
                    QVERIFY2(sessionId.isEmpty(), "stored twice");
                    sessionId = session.id;
                }
            }
        }
        QVERIFY(!sessionId.isEmpty());
        QVERIFY2(m_gateway->readAllStandardError().contains("catching up on"), "no catch-up was logged");
    }

    // A reply that once took the gateway down (a fence line longer than any message, then an
    // emoji), and one far longer than anyone reads on a phone: both arrive in parts within the
    // platform's limit, the second shortened with a note, and the gateway answers afterwards.
    void hostileRepliesArriveWithinLimits_data()
    {
        // The limit each platform enforces on what it receives (Telegram counts the text after
        // its HTML is parsed); Slack takes 40,000, Baton splits its Markdown at 4,000.
        QTest::addColumn<QString>("platform");
        QTest::addColumn<int>("limit");
        QTest::newRow("telegram") << u"telegram"_s << 4096;
        QTest::newRow("discord") << u"discord"_s << 2000;
        QTest::newRow("slack") << u"slack"_s << 40'000;
    }
    void hostileRepliesArriveWithinLimits()
    {
        QFETCH(QString, platform);
        QFETCH(int, limit);
        const auto botMessages = [&] {
            if (platform == "telegram"_L1)
                return m_telegram->botMessages(telegramUser);
            return platform == "discord"_L1 ? m_discord->botMessages(discordDm) : m_slack->botMessages(slackDm);
        };
        const auto say = [&](const QString &text) {
            if (platform == "telegram"_L1)
                m_telegram->userSends(telegramUser, telegramUser, text);
            else if (platform == "discord"_L1)
                m_discord->userSends(discordUser, discordDm, text);
            else
                m_slack->userSends(slackUser, slackDm, text);
        };
        const qsizetype before = botMessages().size();

        m_llm->enqueue(FakeLlmReply::withContent(
            { u"```"_s + QString(5000, u'x'), u"\n🚢 ship it\nprint('hi')\n```\n"_s, u"Fence done."_s }));
        say(u"repeat this block"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            !botMessages().isEmpty() && botMessages().constLast().endsWith(u"Fence done."_s), 20'000);
        const QStringList fenceParts = botMessages().mid(before);
        QVERIFY2(fenceParts.size() >= 2 && fenceParts.size() <= 6, qPrintable(QString::number(fenceParts.size())));
        for (const QString &part : fenceParts)
            QVERIFY2(part.size() <= limit, qPrintable(QString::number(part.size())));

        // 400 KB: posted only up to the platform's cap, the rest is in the store.
        const qsizetype afterFence = botMessages().size();
        QString huge;
        for (int i = 0; huge.size() < 400'000; ++i)
            huge += u"Paragraph %1 of a reply nobody reads on a phone.\n\n"_s.arg(i);
        m_llm->enqueue(FakeLlmReply::withContent({ huge }));
        say(u"write a book"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            botMessages().size() > afterFence && botMessages().constLast().contains(u"too long"_s), 20'000);
        const QStringList bookParts = botMessages().mid(afterFence);
        QVERIFY2(bookParts.size() <= 10, qPrintable(QString::number(bookParts.size())));
        qsizetype posted = 0;
        for (const QString &part : bookParts) {
            QVERIFY2(part.size() <= limit, qPrintable(QString::number(part.size())));
            posted += part.size();
        }
        QVERIFY2(posted <= 32'000 + 500, qPrintable(QString::number(posted))); // the cap and its note
        QVERIFY2(bookParts.constLast().contains(u"baton sessions show"_s), qPrintable(bookParts.constLast()));
        bool storedWhole = false;
        for (const Session &session : m_sessions->sessions()) {
            for (const Message &m : m_sessions->transcript(session.id))
                storedWhole = storedWhole || (m.role == MessageRole::Assistant && m.content == huge);
        }
        QVERIFY(storedWhole);

        m_llm->enqueue(FakeLlmReply::withContent({ u"Still here on %1."_s.arg(platform) }));
        say(u"are you still there?"_s);
        QTRY_COMPARE_WITH_TIMEOUT(botMessages().constLast(), u"Still here on %1."_s.arg(platform), 20'000);
    }

    // No conforming client sends more than 40,000 characters; what does is stored cut, with a
    // note the model (and the person reading the transcript) sees, and is still answered.
    void aSetupCodeInADirectMessageMakesAnOwner_data() { socketPlatforms(); }
    void aSetupCodeInADirectMessageMakesAnOwner()
    {
        QFETCH(QString, platform);
        const bool discord = platform == "discord"_L1;
        const QString newcomer = discord ? u"600000000000000099"_s : u"U0000000099"_s;
        const QString theirDm = discord ? u"700000000000000099"_s : u"D0000000099"_s;
        const QString other = discord ? u"600000000000000098"_s : u"U0000000098"_s;
        const QString otherDm = discord ? u"700000000000000098"_s : u"D0000000098"_s;
        if (discord) {
            m_discord->addDmChannel(theirDm, newcomer);
            m_discord->addDmChannel(otherDm, other);
        } else {
            m_slack->addIm(theirDm, newcomer);
            m_slack->addIm(otherDm, other);
        }
        const auto sends = [&](const QString &who, const QString &dm, const QString &text) {
            discord ? m_discord->userSends(who, dm, text) : m_slack->userSends(who, dm, text);
        };
        const auto said
            = [&](const QString &dm) { return discord ? m_discord->botMessages(dm) : m_slack->botMessages(dm); };
        const auto owners = [&] {
            QSettings ini(m_store->dir.filePath(u"baton.ini"_s), QSettings::IniFormat);
            return ini.value(platform + u"/allowed_users"_s).toStringList().join(u',');
        };
        const QString polite = u"Sorry, that setup code does not work"_s;

        // A code nobody made: one polite sentence, nothing else.
        sends(newcomer, theirDm, u"ZZZZ2345"_s);
        QTRY_COMPARE_WITH_TIMEOUT(said(theirDm).size(), 1, 10'000);
        QVERIFY2(said(theirDm).constFirst().startsWith(polite), qPrintable(said(theirDm).constFirst()));

        // The window's code, typed into the DM: an owner at once.
        SetupCodeStore codes(m_store->db);
        const auto code = codes.mint(platform, u"platforms-e2e"_s);
        QVERIFY(code);
        const qsizetype asked = m_llm->requests().size();
        sends(newcomer, theirDm, code->code.toLower());
        QTRY_COMPARE_WITH_TIMEOUT(said(theirDm).size(), 2, 10'000);
        QVERIFY2(said(theirDm).at(1).contains(u"you are my owner"_s), qPrintable(said(theirDm).at(1)));
        QVERIFY2(owners().contains(newcomer), qPrintable(owners()));

        // Used once, it is spent: someone else sending it gets the sentence.
        sends(other, otherDm, code->code);
        QTRY_COMPARE_WITH_TIMEOUT(said(otherDm).size(), 1, 10'000);
        QVERIFY(said(otherDm).constFirst().startsWith(polite));
        QVERIFY(!owners().contains(other));

        // An expired one too.
        codes.setClock([] { return QDateTime::currentMSecsSinceEpoch() - SetupCodeStore::codeLifetimeMs - 1; });
        const auto stale = codes.mint(platform, u"platforms-e2e"_s);
        sends(other, otherDm, stale->code);
        QTRY_COMPARE_WITH_TIMEOUT(said(otherDm).size(), 2, 10'000);
        QVERIFY(said(otherDm).at(1).startsWith(polite));
        QCOMPARE(m_llm->requests().size(), asked);

        // The new owner is served without a restart.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Welcome aboard."_s }));
        sends(newcomer, theirDm, u"hello"_s);
        QTRY_COMPARE_WITH_TIMEOUT(said(theirDm).size(), 3, 10'000);
        QCOMPARE(said(theirDm).at(2), u"Welcome aboard."_s);
    }

    void anOversizedInboundMessageIsStoredCutWithANote()
    {
        const QString flood = u"flood "_s + QString(100'000, u'f');
        m_llm->enqueue(FakeLlmReply::withContent({ u"That was long."_s }));
        m_telegram->userSends(telegramUser, telegramUser, flood);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(telegramUser).constLast(), u"That was long."_s, 20'000);
        QString stored;
        for (const Session &session : m_sessions->sessions()) {
            for (const Message &m : m_sessions->transcript(session.id))
                if (m.role == MessageRole::User && m.content.startsWith(u"flood "_s))
                    stored = m.content;
        }
        QVERIFY(stored.startsWith(flood.left(40'000)));
        QVERIFY2(stored.endsWith(u"this message was 100006 characters long; only the first 40000 were kept.]"_s),
            qPrintable(stored.right(120)));
    }

    void aFatalErrorStopsOnePlatformOnly() // last: Discord stays down afterwards
    {
        // Counted from the close on: a retry would identify again while the others answer below.
        const int identifies = m_discord->identifyCount();
        m_discord->closeConnections(4014);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Telegram still answers."_s }));
        m_telegram->userSends(telegramUser, telegramUser, u"are you there?"_s);
        QTRY_COMPARE(m_telegram->botMessages(telegramUser).constLast(), u"Telegram still answers."_s);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Slack still answers."_s }));
        m_slack->userSends(slackUser, slackDm, u"and you?"_s);
        QTRY_VERIFY(m_slack->botMessages(slackDm).contains(u"Slack still answers."_s));
        QCOMPARE(m_discord->identifyCount(), identifies); // stopped, not retrying
    }
};

QTEST_GUILESS_MAIN(TestPlatformsE2E)
#include "tst_platforms_e2e.moc"
