// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "store/handoffstore.h"
#include "store/outboxstore.h"
#include "store/pairingstore.h"
#include "store/processidentity.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111; // allowed
constexpr qint64 stranger = 222;
constexpr qint64 home = -1001234567890; // a forum supergroup: each handoff gets a topic
constexpr qint64 plainGroup = -100888; // a group without topics
const QString token = u"4242:e2e-token"_s;

QString lastUserText(const QJsonObject &request)
{
    const QJsonArray messages = request.value("messages"_L1).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i)["role"_L1] == "user"_L1)
            return messages.at(i)["content"_L1].toString();
    }
    return {};
}
} // namespace

/**
 * The real `baton --no-gui` (and `baton chat`, `baton handoff`) against the fake Telegram Bot API
 * and the fake model: conversations, strangers, the handoff end to end, crashes and restarts.
 */
class TestGatewayE2E : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<QProcess> m_gateway;

    QString configPath() const { return m_store->dir.filePath(u"baton.ini"_s); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        e.insert(u"BATON_CONFIG"_s, configPath());
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        e.insert(u"BATON_HANDOFF_CLAIM_MS"_s, u"10000"_s);
        return e;
    }

    bool startGateway()
    {
        const qsizetype polls = m_telegram->calls(u"getUpdates"_s).size();
        m_gateway = startBaton({ u"--no-gui"_s }, environment());
        return QTest::qWaitFor([&] { return m_telegram->calls(u"getUpdates"_s).size() > polls; }, 10'000);
    }
    /// SIGTERM and a clean exit; returns the exit code.
    int stopGateway()
    {
        if (!m_gateway || m_gateway->state() == QProcess::NotRunning)
            return m_gateway ? m_gateway->exitCode() : 0;
        m_gateway->terminate();
        if (!QTest::qWaitFor([&] { return m_gateway->state() == QProcess::NotRunning; }, 15'000))
            return -1;
        return m_gateway->exitStatus() == QProcess::NormalExit ? m_gateway->exitCode() : -2;
    }
    QString gatewayLog() const { return m_gateway ? QString::fromUtf8(m_gateway->readAllStandardError()) : QString(); }

    /// Restarts the gateway with @p chat as Telegram's home.
    bool moveHomeTo(qint64 chat)
    {
        if (stopGateway() != 0)
            return false;
        QSettings ini(configPath(), QSettings::IniFormat);
        ini.setValue(u"telegram/home_chat"_s, QString::number(chat));
        ini.sync();
        return startGateway();
    }
    /// A stored terminal session with one exchange, ready to be handed off.
    QString terminalSession(const QString &title)
    {
        const QString id = m_sessions->createSession(title, u"cli"_s);
        Message said;
        said.sessionId = id;
        said.content = title;
        (void)m_sessions->appendMessage(said);
        return id;
    }
    BatonRun handoff(const QString &id)
    {
        return runBaton({ u"handoff"_s, id, u"--to"_s, u"telegram"_s, u"--json"_s }, environment());
    }

    /// Outbox rows for @p chat: everything the gateway decided to say there, recorded before it is sent.
    int outboxRows(qint64 chat)
    {
        return m_store->scalar(u"SELECT COUNT(*) FROM outbox WHERE chat = '%1'"_s.arg(chat)).toInt();
    }
    /// Outbox rows not yet sent (nor failed).
    int unsent() { return m_store->scalar(u"SELECT COUNT(*) FROM outbox WHERE state = 'pending'"_s).toInt(); }

    static QStringList roles(const QList<Message> &transcript)
    {
        QStringList list;
        for (const Message &m : transcript)
            list << messageRoleName(m.role) + (m.internal ? u"*"_s : QString()) + u':' + m.content;
        return list;
    }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(ann, u"Ann"_s);
        m_telegram->addPrivateChat(stranger, u"Mallory"_s);
        m_telegram->addGroup(home, u"Home"_s, true);
        m_telegram->addGroup(plainGroup, u"Plain"_s, false);
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        QFile ini(configPath());
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nallowed_users=" + QByteArray::number(ann) + "\nhome_chat=" + QByteArray::number(home) + "\n");
        ini.close();
        QVERIFY(startGateway());
    }
    void cleanup()
    {
        const int status = stopGateway();
        const QString log = gatewayLog();
        if (!QTest::currentTestFailed()) {
            QVERIFY2(status == 0, qPrintable(u"exit %1\n%2"_s.arg(status).arg(log)));
            QVERIFY2(!log.contains(token) && !log.contains(u"e2e-token"_s), qPrintable(log));
        } else
            qWarning().noquote() << "gateway log:\n" << log;
        m_gateway.reset();
        m_sessions.reset();
        m_store.reset();
        m_telegram.reset();
        m_llm.reset();
    }

    void anAllowedPersonGetsTheReplyStreamed()
    {
        FakeLlmReply reply = FakeLlmReply::withContent({ u"The ferry "_s, u"leaves at "_s, u"**21:00**."_s });
        reply.chunkDelayMs = 400; // long enough for the first message to show before the end
        m_llm->enqueue(reply);
        m_telegram->userSends(ann, ann, u"When is the ferry?"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_telegram->botMessages(ann), QStringList { u"The ferry leaves at 21:00."_s }, 10'000);
        // One message, shown early and edited into the final text.
        QVERIFY(!m_telegram->calls(u"editMessageText"_s).isEmpty());
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 1);
        QVERIFY(!m_telegram->calls(u"sendChatAction"_s).isEmpty());
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).first().params["parse_mode"_L1].toString(), u"HTML"_s);

        const QList<Session> sessions = m_sessions->sessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().origin, u"telegram"_s);
        // The last delta may be on screen a moment before the stream's end is stored.
        QTRY_COMPARE(roles(m_sessions->transcript(sessions.first().id)),
            (QStringList { u"user:When is the ferry?"_s, u"assistant:The ferry leaves at **21:00**."_s }));
        QCOMPARE(lastUserText(m_llm->requests().constLast()), u"When is the ferry?"_s);
    }

    void aLongReplyIsSplitAtTheLimit()
    {
        QStringList paragraphs;
        for (int i = 0; i < 30; ++i)
            paragraphs << u"Paragraph %1: "_s.arg(i) + QString(380, u'x');
        FakeLlmReply reply;
        for (const QString &p : std::as_const(paragraphs))
            reply.content << p + u"\n\n"_s;
        reply.chunkDelayMs = 20;
        m_llm->enqueue(reply);
        m_telegram->userSends(ann, ann, u"tell me everything"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->botMessages(ann).size() >= 3
                && m_telegram->botMessages(ann).join(u"\n\n"_s).contains(u"Paragraph 29"_s)
                && !m_sessions->session(m_sessions->sessions().first().id)->turnRunning,
            15'000);
        // The final text is in the outbox once the turn ended: delivered when nothing is pending.
        QTRY_COMPARE_WITH_TIMEOUT(unsent(), 0, 10'000);
        const QStringList parts = m_telegram->botMessages(ann);
        for (const QString &part : parts)
            QVERIFY2(part.size() <= 4096, qPrintable(QString::number(part.size())));
        QCOMPARE(parts.join(u"\n\n"_s).trimmed(), paragraphs.join(u"\n\n"_s));
    }

    void messagesDuringATurnJoinTheNextOne()
    {
        FakeLlmReply slow = FakeLlmReply::withContent({ u"First answer."_s });
        slow.firstTokenDelayMs = 800;
        m_llm->enqueue(slow);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Second answer."_s }));
        m_telegram->userSends(ann, ann, u"one"_s);
        QTRY_COMPARE(m_llm->requests().size(), 1);
        m_telegram->userSends(ann, ann, u"two"_s);
        m_telegram->userSends(ann, ann, u"three"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_telegram->botMessages(ann), (QStringList { u"First answer."_s, u"Second answer."_s }), 10'000);
        // A later message's turn comes after any other turn the late ones could have started.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Fourth answer."_s }));
        m_telegram->userSends(ann, ann, u"four"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann),
            (QStringList { u"First answer."_s, u"Second answer."_s, u"Fourth answer."_s }), 10'000);
        QCOMPARE(m_llm->requests().size(), 3); // one turn for both late messages
        const QString id = m_sessions->sessions().first().id;
        QCOMPARE(roles(m_sessions->transcript(id)),
            (QStringList { u"user:one"_s, u"assistant:First answer."_s, u"user:two"_s, u"user:three"_s,
                u"assistant:Second answer."_s, u"user:four"_s, u"assistant:Fourth answer."_s }));
    }

    void aStrangerGetsOnePairingCodeAndNoModelCall()
    {
        m_telegram->userSends(stranger, stranger, u"hi, who are you?"_s);
        m_telegram->userSends(stranger, stranger, u"hello??"_s);
        QTRY_COMPARE(m_telegram->botMessages(stranger).size(), 1);
        // An owner's command after both: its answer is recorded after anything said to the stranger.
        m_telegram->userSends(ann, ann, u"/status"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 1);
        QCOMPARE(outboxRows(stranger), 1); // one code, once
        QCOMPARE(m_telegram->botMessages(stranger).size(), 1);
        QCOMPARE(m_llm->requests().size(), 0);
        QCOMPARE(m_sessions->sessions().size(), 0); // nothing of theirs is kept

        PairingStore pairing(m_store->db);
        const auto pending = pairing.pendingRequests();
        QCOMPARE(pending.size(), 1);
        QVERIFY(m_telegram->botMessages(stranger).first().contains(pending.first().code));

        const BatonRun approve = runBaton({ u"pairing"_s, u"approve"_s, pending.first().code }, environment());
        QCOMPARE(approve.exitCode, 0);
        m_telegram->userSends(stranger, stranger, u"now?"_s);
        QTRY_COMPARE(m_telegram->botMessages(stranger).size(), 2);
        QCOMPARE(m_llm->requests().size(), 1);
    }

    void groupsAndOtherBotsAreIgnored()
    {
        m_telegram->userSends(stranger, home, u"anyone?"_s); // a stranger in a group: silence
        m_telegram->userSends(ann, ann, u"/help@some_other_bot"_s); // addressed to another bot
        m_telegram->userSends(ann, ann, u"/status@baton_test_bot"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 1);
        // Recorded before it is sent: the answer to /status is the only one anything got.
        QCOMPARE(outboxRows(ann), 1);
        QCOMPARE(outboxRows(home), 0);
        QCOMPARE(m_telegram->botMessages(ann).size(), 1);
        QVERIFY(m_telegram->botMessages(ann).first().contains(u"Telegram: online"_s));
        QCOMPARE(m_telegram->botMessages(home).size(), 0);
        QCOMPARE(m_llm->requests().size(), 0);
    }

    void commandsNewResumeAndSethome()
    {
        m_telegram->userSends(ann, ann, u"remember the ferry"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 1);
        const QString first = m_sessions->sessions().first().id;

        m_telegram->userSends(ann, ann, u"/new"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 2);
        QCOMPARE(m_telegram->botMessages(ann).last(), u"Started a new conversation."_s);
        m_telegram->userSends(ann, ann, u"something else"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 3);
        QCOMPARE(m_sessions->sessions().size(), 2);
        QCOMPARE(m_sessions->sessions().first().title, u"something else"_s);

        m_telegram->userSends(ann, ann, u"/resume "_s + first.left(8));
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 4);
        QVERIFY2(m_telegram->botMessages(ann).last().startsWith(u"Continuing 'remember the ferry'"_s),
            qPrintable(m_telegram->botMessages(ann).last()));
        SessionKeyStore keys(m_store->db);
        QCOMPARE(keys.binding(u"telegram:dm:111"_s)->sessionId, first);

        m_telegram->userSends(ann, ann, u"/sethome"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 5);
        QCOMPARE(m_telegram->botMessages(ann).last(), u"This chat is now the home for handoffs to Telegram."_s);
        QCOMPARE(QSettings(configPath(), QSettings::IniFormat).value(u"telegram/home_chat"_s).toString(), u"111"_s);
        QCOMPARE(m_llm->requests().size(), 2); // commands never reach the model
    }

    void handoffFromTheTerminalContinuesInATopic() // docs/architecture.md scenarios 12-13 end to end, Telegram
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Lisbon in May is lovely."_s }));
        m_llm->enqueue(FakeLlmReply::withContent({ u"I'm here. "_s, u"We were planning Lisbon in May."_s }));
        const BatonRun chat = runBaton({ u"chat"_s }, environment(), "plan a trip to Lisbon\n/handoff telegram\n");
        QVERIFY2(chat.exitCode == 0, qPrintable(chat.out + chat.err));
        QVERIFY2(chat.out.contains(u"Handoff complete"_s), qPrintable(chat.out));

        const QList<qint64> topics = m_telegram->topics(home);
        QCOMPARE(topics.size(), 1);
        QCOMPARE(m_telegram->calls(u"createForumTopic"_s).first().params["name"_L1].toString(),
            u"Baton — plan a trip to Lisbon"_s);
        QCOMPARE(m_telegram->botMessages(home, topics.first()),
            QStringList { u"I'm here. We were planning Lisbon in May."_s });
        // The synthetic turn saw the whole transcript, and said where it came from.
        const QJsonObject synthetic = m_llm->requests().at(1);
        QVERIFY(lastUserText(synthetic).startsWith(u"[This conversation was just handed off from the terminal"_s));
        QCOMPARE(synthetic["messages"_L1].toArray().at(0)["content"_L1].toString(), u"plan a trip to Lisbon"_s);

        const QString id = m_sessions->sessions().first().id;
        HandoffStore handoffs(m_store->db);
        QCOMPARE(handoffs.handoffState(id)->state, HandoffState::Completed);
        QCOMPARE(handoffs.handoffState(id)->destination, u"telegram:group:%1:%2"_s.arg(home).arg(topics.first()));

        // The person answers in the topic: the same session goes on.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Book the tram 28 early."_s }));
        m_telegram->userSends(ann, home, u"and what about trams?"_s, topics.first());
        QTRY_COMPARE(m_telegram->botMessages(home, topics.first()).size(), 2);
        QCOMPARE(m_sessions->sessions().size(), 1);
        QCOMPARE(roles(m_sessions->transcript(id)),
            (QStringList { u"user:plan a trip to Lisbon"_s, u"assistant:Lisbon in May is lovely."_s,
                u"user*:"_s + lastUserText(synthetic), u"assistant:I'm here. We were planning Lisbon in May."_s,
                u"user:and what about trams?"_s, u"assistant:Book the tram 28 early."_s }));
        QCOMPARE(m_sessions->session(id)->endedAt, 0); // handed off, not ended

        // Back in the terminal, the Telegram side of the conversation is there.
        const BatonRun show = runBaton({ u"sessions"_s, u"show"_s, id.left(8) }, environment());
        QVERIFY(show.out.contains(u"and what about trams?"_s));
        QVERIFY(show.out.contains(u"Book the tram 28 early."_s));
        m_llm->enqueue(FakeLlmReply::withContent({ u"You asked about trams."_s }));
        const BatonRun resumed = runBaton(
            { u"chat"_s }, environment(), "/resume " + id.left(8).toUtf8() + "\nwhat did I ask last?\n/quit\n");
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        const QJsonArray seen = m_llm->requests().constLast()["messages"_L1].toArray();
        QCOMPARE(seen.at(seen.size() - 3)["content"_L1].toString(), u"and what about trams?"_s);
        QCOMPARE(seen.at(seen.size() - 2)["content"_L1].toString(), u"Book the tram 28 early."_s);
        QCOMPARE(m_sessions->sessions().size(), 1);
    }

    void aGatewayKilledMidHandoffIsReclaimedAtRestart()
    {
        const QString id = m_sessions->createSession(u"Trip"_s, u"cli"_s);
        Message said;
        said.sessionId = id;
        said.content = u"plan it"_s;
        QVERIFY(m_sessions->appendMessage(said));
        FakeLlmReply stuck = FakeLlmReply::withContent({ u"never seen"_s });
        stuck.firstTokenDelayMs = 60'000;
        m_llm->enqueue(stuck);
        HandoffStore handoffs(m_store->db);
        QCOMPARE(handoffs.requestHandoff(id, u"telegram"_s), HandoffStore::RequestResult::Requested);
        QTRY_COMPARE_WITH_TIMEOUT(handoffs.handoffState(id)->state, HandoffState::Running, 5'000);
        QTRY_COMPARE(m_llm->requests().size(), 1); // the synthetic turn is under way

        m_gateway->kill();
        QVERIFY(waitForExit(*m_gateway));
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(handoffs.handoffState(id)->state, HandoffState::Failed, 5'000);
        QCOMPARE(handoffs.handoffState(id)->error, HandoffStore::reclaimedError);

        const BatonRun again = runBaton({ u"handoff"_s, id, u"--to"_s, u"telegram"_s, u"--json"_s }, environment());
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QCOMPARE(again.json()["state"_L1].toString(), u"completed"_s);
        QCOMPARE(m_telegram->topics(home).size(), 2);
        // The cut synthetic turn was no person's question: not answered again after the restart.
        QCOMPARE(m_llm->requests().size(), 2);
    }

    void aSecondGatewayIsRefused()
    {
        const BatonRun second = runBaton({ u"--no-gui"_s }, environment());
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(
            second.err.contains(u"another gateway (process %1"_s.arg(m_gateway->processId())), qPrintable(second.err));
    }

    void faultsLoseAndDoubleNothing()
    {
        using Fault = FakeTelegramServer::Fault;
        m_telegram->failNext(
            u"sendMessage"_s, Fault { 429, u"Too Many Requests: retry after 1"_s, 1, 0, false, false });
        m_telegram->failNext(u"getUpdates"_s, Fault { 0, {}, 0, 0, false, true }); // dropped connection
        m_telegram->failNext(u"getUpdates"_s, Fault { 0, {}, 0, 0, true, false }); // a proxy's 502 page
        m_telegram->failNext(u"getUpdates"_s, Fault { 500, u"Internal Server Error"_s, 0, 0, false, false });
        const int count = 6;
        for (int i = 0; i < count; ++i)
            m_telegram->userSends(ann, ann, u"message %1"_s.arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(m_sessions->sessions().size() == 1
                && m_sessions->transcript(m_sessions->sessions().first().id).size() >= count + 1,
            20'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sessions->session(m_sessions->sessions().first().id)->turnRunning
                && m_telegram->botMessages(ann).size() >= 1,
            20'000);
        // A last message: its reply comes after every turn and delivery the earlier ones caused.
        m_telegram->userSends(ann, ann, u"last"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->botMessages(ann).constLast() == u"You said: last"_s && unsent() == 0
                && !m_sessions->session(m_sessions->sessions().first().id)->turnRunning,
            20'000);
        const QList<Message> transcript = m_sessions->transcript(m_sessions->sessions().first().id);
        QStringList userTexts;
        for (const Message &m : transcript) {
            if (m.role == MessageRole::User)
                userTexts << m.content;
        }
        QCOMPARE(userTexts.size(), count + 1); // each stored exactly once
        QCOMPARE(QSet<QString>(userTexts.begin(), userTexts.end()).size(), count + 1);
        // Every reply delivered once: as many bot messages as stored replies.
        qsizetype replies = 0;
        for (const Message &m : transcript)
            replies += m.role == MessageRole::Assistant ? 1 : 0;
        QCOMPARE(m_telegram->botMessages(ann).size(), replies);
    }

    void aFinalEditHitBy429ArrivesOnce()
    {
        using Fault = FakeTelegramServer::Fault;
        // Over before the first preview edit is due: the only edit is the final one.
        FakeLlmReply reply = FakeLlmReply::withContent({ u"The ferry "_s, u"leaves at 21:00."_s });
        reply.chunkDelayMs = 300;
        m_llm->enqueue(reply);
        m_telegram->failNext(
            u"editMessageText"_s, Fault { 429, u"Too Many Requests: retry after 1"_s, 1, 0, false, false });
        m_telegram->userSends(ann, ann, u"When is the ferry?"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_telegram->botMessages(ann), QStringList { u"The ferry leaves at 21:00."_s }, 15'000);
        const auto finalEdits = [this] {
            int n = 0;
            for (const auto &call : m_telegram->calls(u"editMessageText"_s))
                n += call.params.value("text"_L1).toString() == u"The ferry leaves at 21:00."_s ? 1 : 0;
            return n;
        };
        QTRY_VERIFY(!m_sessions->session(m_sessions->sessions().first().id)->turnRunning);
        QCOMPARE(finalEdits(), 2); // refused once with 429, then once more: the edit that stuck
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 1);
    }

    void aModelAskingToWaitMinusOneSecondsEndsTheTurn()
    {
        FakeLlmReply limited;
        limited.httpStatus = 429;
        limited.errorBody = R"({"error":{"message":"slow down"}})";
        limited.retryAfter = "-1";
        for (int i = 0; i < 8; ++i)
            m_llm->enqueue(limited);
        m_telegram->userSends(ann, ann, u"Hello?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_sessions->sessions().size() == 1, 10'000);
        const QString id = m_sessions->sessions().first().id;
        // Once the timer for a negative wait never fired: the turn stayed running for good.
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_sessions->session(id)->turnRunning && !m_telegram->botMessages(ann).isEmpty(), 20'000);
        // The chat hears the short sentence; the model's own words are for the owner, in the store.
        QVERIFY2(m_telegram->botMessages(ann).constLast().contains(u"The model did not answer"_s),
            qPrintable(m_telegram->botMessages(ann).join(u" | "_s)));
        const Message reply = m_sessions->transcript(id).constLast();
        QCOMPARE(reply.status, MessageStatus::Error);
        QVERIFY2(reply.content.contains(u"slow down"_s), qPrintable(reply.content));
        QVERIFY(m_llm->requests().size() >= 2 && m_llm->requests().size() <= 8);
    }

    void unsentRepliesGoOutAfterARestartOnce()
    {
        QCOMPARE(stopGateway(), 0);
        OutboxStore outbox(m_store->db);
        OutboxStore::Item item;
        item.platform = u"telegram"_s;
        item.chat = QString::number(ann);
        item.content = u"left behind by a crash"_s;
        QVERIFY(outbox.enqueue(item) > 0);
        QVERIFY(startGateway());
        QTRY_COMPARE(m_telegram->botMessages(ann), QStringList { u"left behind by a crash"_s });
        QTRY_COMPARE(outbox.pending(u"telegram"_s).size(), 0);
        QCOMPARE(stopGateway(), 0);
        QVERIFY(startGateway());
        // The restarted gateway answers a command only after picking up what its outbox holds.
        m_telegram->userSends(ann, ann, u"/status"_s);
        QTRY_VERIFY(m_telegram->botMessages(ann).constLast().contains(u"Telegram: online"_s));
        QCOMPARE(m_telegram->botMessages(ann).size(), 2);
        QCOMPARE(m_telegram->botMessages(ann).first(), u"left behind by a crash"_s);
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 2);
    }

    void stopCutsTheReplyAndSaysSo()
    {
        FakeLlmReply endless;
        for (int i = 0; i < 100; ++i)
            endless.content << u"word%1 "_s.arg(i);
        endless.chunkDelayMs = 100;
        m_llm->enqueue(endless);
        m_telegram->userSends(ann, ann, u"go on and on"_s);
        QTRY_VERIFY(!m_telegram->botMessages(ann).isEmpty()); // the reply is showing
        m_telegram->userSends(ann, ann, u"/stop"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->botMessages(ann).constLast().endsWith(u"(Stopped.)"_s), 5'000);
        const QList<Message> transcript = m_sessions->transcript(m_sessions->sessions().first().id);
        QCOMPARE(transcript.constLast().status, MessageStatus::Partial);
        QVERIFY(!transcript.constLast().content.contains(u"word99"_s));
    }

    void sigtermFinishesTheReplyInFlight()
    {
        FakeLlmReply slow = FakeLlmReply::withContent({ u"Slow "_s, u"but "_s, u"complete."_s });
        slow.chunkDelayMs = 700;
        m_llm->enqueue(slow);
        m_telegram->userSends(ann, ann, u"take your time"_s);
        QTRY_COMPARE(m_llm->requests().size(), 1);
        QCOMPARE(stopGateway(), 0);
        QCOMPARE(m_telegram->botMessages(ann), QStringList { u"Slow but complete."_s });
    }

    void killedMidStreamTheQuestionIsAnsweredAfterRestart()
    {
        FakeLlmReply slow;
        for (int i = 0; i < 60; ++i)
            slow.content << u"word%1 "_s.arg(i);
        slow.chunkDelayMs = 150;
        m_llm->enqueue(slow);
        m_telegram->userSends(ann, ann, u"tell me a long story"_s);
        QTRY_VERIFY(!m_telegram->botMessages(ann).isEmpty()); // the draft is showing
        const QString id = m_sessions->sessions().first().id;
        // The reply is written to the store while it streams, not only when it ends.
        const auto stored = [&] { return m_sessions->transcript(id).constLast(); };
        QTRY_VERIFY_WITH_TIMEOUT(stored().content.contains(u"word3 "_s), 5'000);
        QCOMPARE(stored().status, MessageStatus::Partial);

        m_gateway->kill();
        QVERIFY(waitForExit(*m_gateway));
        const Message cut = stored();
        QVERIFY(!cut.content.contains(u"word59"_s));
        const QString draft = m_telegram->botMessages(ann).constFirst();
        QVERIFY(!draft.contains(u"Interrupted"_s));

        m_llm->enqueue(FakeLlmReply::withContent({ u"Once upon a time, "_s, u"the end."_s }));
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), 2, 10'000);
        QTRY_COMPARE(m_telegram->botMessages(ann).constLast(), u"Once upon a time, the end."_s);
        const QStringList shown = m_telegram->botMessages(ann);
        QVERIFY2(shown.constFirst().contains(u"Interrupted: Baton stopped while writing this."_s),
            qPrintable(shown.constFirst()));
        QVERIFY(shown.constFirst().startsWith(u"word0"_s)); // what was there stays
        // Counted at the fake: the old draft was edited to say so exactly once.
        qsizetype notes = 0;
        for (const auto &call : m_telegram->calls(u"editMessageText"_s))
            notes += call.params["text"_L1].toString().contains(u"Interrupted"_s) ? 1 : 0;
        QCOMPARE(notes, 1);
        // The question was asked again without the fragment; the transcript keeps both, marked.
        QCOMPARE(m_llm->requests().size(), 2);
        const QJsonArray asked = m_llm->requests().constLast()["messages"_L1].toArray();
        QCOMPARE(asked.last()["content"_L1].toString(), u"tell me a long story"_s);
        QTRY_VERIFY(!m_sessions->session(id)->turnRunning);
        const QList<Message> transcript = m_sessions->transcript(id);
        QCOMPARE(transcript.size(), 3);
        QVERIFY(transcript.at(1).interrupted);
        QCOMPARE(transcript.at(1).status, MessageStatus::Partial);
        QCOMPARE(transcript.at(2).content, u"Once upon a time, the end."_s);
        QCOMPARE(transcript.at(2).status, MessageStatus::Complete);

        // Answered once: another restart asks nothing more.
        QCOMPARE(stopGateway(), 0);
        QVERIFY(startGateway());
        m_telegram->userSends(ann, ann, u"thanks"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 3);
        QCOMPARE(m_llm->requests().size(), 3);
        QCOMPARE(lastUserText(m_llm->requests().constLast()), u"thanks"_s);
    }

    // The model finished while the first message was still waiting out a 429; kill -9 then. The
    // final text was in the ledger already: after the restart the first message goes out and is
    // edited into it, and the question is not asked again.
    void killedWhileTheFirstMessageWaitsTheFinalTextArrivesAfterRestart()
    {
        using Fault = FakeTelegramServer::Fault;
        m_telegram->failNext(u"sendMessage"_s, Fault { 429, u"Too Many Requests"_s, 300, 0, false, false });
        m_llm->enqueue(FakeLlmReply::withContent({ u"The ferry "_s, u"leaves at 21:00."_s }));
        m_telegram->userSends(ann, ann, u"When is the ferry?"_s);
        const auto finalRecorded = [this] {
            return m_store
                       ->scalar(u"SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND kind = 'edit' "
                                "AND target_outbox_id IS NOT NULL AND content = 'The ferry leaves at 21:00.'"_s)
                       .toInt()
                == 1;
        };
        // The model may finish before the first send reached Telegram: wait for both.
        QTRY_VERIFY_WITH_TIMEOUT(finalRecorded() && m_telegram->calls(u"sendMessage"_s).size() == 1, 10'000);
        QVERIFY(m_telegram->botMessages(ann).isEmpty());

        m_gateway->kill();
        QVERIFY(waitForExit(*m_gateway));
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_telegram->botMessages(ann), QStringList { u"The ferry leaves at 21:00."_s }, 10'000);
        QTRY_COMPARE(m_store->scalar(u"SELECT COUNT(*) FROM outbox WHERE state <> 'sent'"_s).toInt(), 0);
        QCOMPARE(m_telegram->calls(u"sendMessage"_s).size(), 2);
        QCOMPARE(m_llm->requests().size(), 1);
    }

    // Killed mid-stream while the first message still waited out a 429: after the restart that
    // fragment is not posted (it could never get its "Interrupted" note); the new answer is.
    void aDraftThatNeverWentOutIsWithdrawnWhenTheQuestionIsAnsweredAgain()
    {
        using Fault = FakeTelegramServer::Fault;
        m_telegram->failNext(u"sendMessage"_s, Fault { 429, u"Too Many Requests"_s, 300, 0, false, false });
        FakeLlmReply slow;
        for (int i = 0; i < 60; ++i)
            slow.content << u"word%1 "_s.arg(i);
        slow.chunkDelayMs = 150;
        m_llm->enqueue(slow);
        m_telegram->userSends(ann, ann, u"tell me a long story"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->calls(u"sendMessage"_s).size(), 1, 10'000);
        const auto drafts
            = [this] { return m_store->scalar(u"SELECT COUNT(*) FROM outbox WHERE state = 'pending'"_s).toInt(); };
        QCOMPARE(drafts(), 1);
        m_gateway->kill();
        QVERIFY(waitForExit(*m_gateway));

        m_llm->enqueue(FakeLlmReply::withContent({ u"Once upon a time, "_s, u"the end."_s }));
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_telegram->botMessages(ann), QStringList { u"Once upon a time, the end."_s }, 10'000);
        QTRY_COMPARE(drafts(), 0); // marked sent once Telegram's answer is back
        QVERIFY(m_store->scalar(u"SELECT last_error FROM outbox WHERE content LIKE 'word0%' AND state = 'failed'"_s)
                    .toString()
                    .contains(u"answered again"_s));
        QCOMPARE(m_llm->requests().size(), 2);
    }

    void aStopThatOutlastsItsGraceIsAnsweredAfterRestart()
    {
        FakeLlmReply endless;
        for (int i = 0; i < 300; ++i)
            endless.content << u"word%1 "_s.arg(i);
        endless.chunkDelayMs = 100; // 30 s: longer than the 10 s grace
        m_llm->enqueue(endless);
        m_telegram->userSends(ann, ann, u"go on and on"_s);
        QTRY_VERIFY(!m_telegram->botMessages(ann).isEmpty());
        QCOMPARE(stopGateway(), 0);
        const QString log = gatewayLog();
        QVERIFY2(log.contains(u"answered again at the next start"_s), qPrintable(log));
        const QString id = m_sessions->sessions().first().id;
        QVERIFY(!m_sessions->session(id)->turnRunning);
        QVERIFY(m_sessions->transcript(id).constLast().interrupted);
        QVERIFY(m_sessions->transcript(id).constLast().content.startsWith(u"word0 word1"_s));

        m_llm->enqueue(FakeLlmReply::withContent({ u"Short this time."_s }));
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), 2, 10'000);
        QTRY_COMPARE(m_telegram->botMessages(ann).constLast(), u"Short this time."_s);
        QVERIFY(m_telegram->botMessages(ann).constFirst().contains(u"Interrupted"_s));
    }

    void aStaleTurnOwnerDoesNotBlock_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<qint64>("leaseFromNowMs");
        const QString mine = ProcessIdentity::current();
        const QString host = mine.section(u'/', 0, 1);
        // Same pid and boot, another start: the pid was reused by a later process of ours.
        QTest::newRow("pid reused") << host + u"/%1/1"_s.arg(QCoreApplication::applicationPid()) << 3'600'000LL;
        // pid 1 runs, as another user: kill() says EPERM, which once meant "alive".
        QTest::newRow("another user's pid") << host + u"/1/999999999"_s << 3'600'000LL;
        // A live owner that stopped renewing its lease (hung, or on another machine).
        QTest::newRow("lease ran out") << mine << -1'000LL;
    }
    void aStaleTurnOwnerDoesNotBlock()
    {
        QFETCH(QString, owner);
        QFETCH(qint64, leaseFromNowMs);
        m_telegram->userSends(ann, ann, u"first"_s);
        QTRY_COMPARE(m_telegram->botMessages(ann).size(), 1);
        const QString id = m_sessions->sessions().first().id;
        QTRY_VERIFY(!m_sessions->session(id)->turnRunning);
        QSqlQuery q(m_store->db.connection());
        q.prepare(u"UPDATE sessions SET turn_state = 'running', turn_owner = ?, turn_lease_until = ? WHERE id = ?"_s);
        q.addBindValue(owner);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch() + leaseFromNowMs);
        q.addBindValue(id);
        QVERIFY(q.exec());

        m_telegram->userSends(ann, ann, u"second"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), 2, 5'000);
        QTRY_COMPARE(m_telegram->botMessages(ann).constLast(), u"You said: second"_s);
        QCOMPARE(m_llm->requests().size(), 2);
    }

    void aPendingHandoffOlderThanTheWaitIsFailedAtStart()
    {
        QCOMPARE(stopGateway(), 0);
        const QString id = terminalSession(u"Old request"_s);
        HandoffStore handoffs(m_store->db);
        QCOMPARE(handoffs.requestHandoff(id, u"telegram"_s), HandoffStore::RequestResult::Requested);
        // Its requester (waiting 10 s here) was killed 11 s ago.
        QVERIFY(m_store->exec(u"UPDATE sessions SET handoff_requested_at = handoff_requested_at - 11000"_s));
        QVERIFY(startGateway());
        QTRY_COMPARE_WITH_TIMEOUT(handoffs.handoffState(id)->state, HandoffState::Failed, 5'000);
        QVERIFY2(handoffs.handoffState(id)->error.contains(u"nobody waits for it any more"_s),
            qPrintable(handoffs.handoffState(id)->error));
        QCOMPARE(m_telegram->calls(u"createForumTopic"_s).size(), 0);
        QCOMPARE(m_llm->requests().size(), 0);

        // A fresh request is carried out as ever.
        const BatonRun again = handoff(id);
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    }

    void aHandoffIntoAGroupWithoutTopicsStaysOneSession()
    {
        QVERIFY(moveHomeTo(plainGroup));
        const QString id = terminalSession(u"Group plans"_s);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Here in the group."_s }));
        const BatonRun run = handoff(id);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        // The key the owner's own messages there have: a group without topics keys each person.
        QCOMPARE(run.json()["destination"_L1].toString(), u"telegram:group:%1:%2"_s.arg(plainGroup).arg(ann));
        QCOMPARE(m_telegram->botMessages(plainGroup), QStringList { u"Here in the group."_s });

        m_telegram->userSends(ann, plainGroup, u"and now?"_s);
        QTRY_COMPARE(m_telegram->botMessages(plainGroup).size(), 2);
        QCOMPARE(m_sessions->sessions().size(), 1);
        QCOMPARE(m_sessions->transcript(id).constLast().content, u"You said: and now?"_s);
    }

    // A topic error that is not Telegram saying "no topics here" (a 5xx or 429 is retried first,
    // see tst_outboxretry) fails the handoff: the conversation never lands in the home chat itself.
    void aTopicFailureThatIsNoRefusalFailsTheHandoffInsteadOfUsingTheHome()
    {
        m_telegram->failNext(
            u"createForumTopic"_s, FakeTelegramServer::Fault { 401, u"Unauthorized"_s, {}, 0, false, false });
        const QString id = terminalSession(u"Flaky"_s);
        const BatonRun run = handoff(id);
        QCOMPARE(run.exitCode, 1);
        const QString error = run.json()["error"_L1].toString();
        QVERIFY2(error.contains(u"Telegram could not open a topic (401)"_s), qPrintable(error));
        QVERIFY2(!error.contains(u".."_s), qPrintable(error));
        QCOMPARE(m_telegram->botMessages(home).size(), 0); // nothing landed in the home chat
        QCOMPARE(m_llm->requests().size(), 0);

        const BatonRun again = handoff(id); // the platform is fine again
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QCOMPARE(m_telegram->topics(home).size(), 1);
    }

    void newInTheHomeChatFreesItForAHandoff()
    {
        QVERIFY(moveHomeTo(plainGroup));
        m_telegram->userSends(ann, plainGroup, u"chatting in the group"_s);
        QTRY_COMPARE(m_telegram->botMessages(plainGroup).size(), 1);
        const QString id = terminalSession(u"From the desk"_s);
        const BatonRun refused = handoff(id);
        QCOMPARE(refused.exitCode, 1);
        const QString error = refused.json()["error"_L1].toString();
        QVERIFY2(error.contains(u"or send /new there first. Your session is intact."_s), qPrintable(error));

        m_telegram->userSends(ann, plainGroup, u"/new"_s);
        QTRY_COMPARE(m_telegram->botMessages(plainGroup).size(), 2); // /new says it started afresh
        m_llm->enqueue(FakeLlmReply::withContent({ u"Moved in."_s }));
        const BatonRun moved = handoff(id);
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.out + moved.err));
        QCOMPARE(m_telegram->botMessages(plainGroup).constLast(), u"Moved in."_s);
        m_telegram->userSends(ann, plainGroup, u"still you?"_s);
        QTRY_COMPARE(m_telegram->botMessages(plainGroup).size(), 4);
        QCOMPARE(m_sessions->transcript(id).constLast().content, u"You said: still you?"_s);
    }
};

QTEST_GUILESS_MAIN(TestGatewayE2E)
#include "tst_gateway_e2e.moc"
