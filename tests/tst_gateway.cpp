// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatewayrig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111; // an owner
constexpr qint64 bob = 222; // a stranger
constexpr qint64 cid = 333; // an approved guest
constexpr qint64 group = -1001234567890;
} // namespace

/// Where the gateway sends what people write on a platform, in process against the fake Telegram
/// and the fake model: one session per direct chat, per person in a group, per thread; strangers
/// get one pairing code in a direct chat and nothing in a group; the commands, and what a guest
/// may not do. "Nothing was sent" is counted at the fake after a later reply that would have come
/// after it.
class TestGateway : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GatewayRig> m_rig;
    qint64 topic = 0;

    [[nodiscard]] QStringList shown(qint64 chat, qint64 thread = 0) const
    {
        return m_rig->telegram.botMessages(chat, thread);
    }
    [[nodiscard]] QString sessionAt(const QString &key) const
    {
        const auto binding = m_rig->keys.binding(key);
        return binding ? binding->sessionId : QString();
    }
    /// Sends @p text from @p user into @p chat and waits for the bot's next message there.
    [[nodiscard]] QString exchange(qint64 user, qint64 chat, const QString &text, qint64 thread = 0)
    {
        const qsizetype before = shown(chat, thread).size();
        m_rig->telegram.userSends(user, chat, text, thread);
        // The reply is streamed: its last edit is delivered when the gateway has nothing left to do.
        if (!QTest::qWaitFor([&] { return shown(chat, thread).size() > before && !m_rig->gateway->isBusy(); }, 10'000))
            return u"<no answer>"_s;
        return shown(chat, thread).constLast();
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<GatewayRig>();
        m_rig->telegram.addPrivateChat(ann, u"Ann"_s);
        m_rig->telegram.addPrivateChat(bob, u"Bob"_s);
        m_rig->telegram.addPrivateChat(cid, u"Cid"_s);
        m_rig->telegram.addGroup(group, u"Home"_s, true);
        topic = m_rig->telegram.addTopic(group);
        QVERIFY(m_rig->approveGuest(cid));
        QVERIFY(m_rig->start({ QString::number(ann) }));
    }
    void cleanup() { m_rig.reset(); }

    void aDirectChatKeepsOneSession()
    {
        QCOMPARE(exchange(ann, ann, u"hello"_s), u"You said: hello"_s);
        const QString id = sessionAt(u"telegram:dm:111"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(exchange(ann, ann, u"again"_s), u"You said: again"_s);
        QCOMPARE(sessionAt(u"telegram:dm:111"_s), id);
        QCOMPARE(m_rig->sessions.sessions().size(), 1);
        const QList<Message> transcript = m_rig->sessions.transcript(id);
        QCOMPARE(transcript.size(), 4);
        QCOMPARE(transcript.at(0).content, u"hello"_s);
        QCOMPARE(transcript.at(0).platform, u"telegram"_s);
        QCOMPARE(transcript.at(2).content, u"again"_s);
        QCOMPARE(m_rig->sessions.session(id)->origin, u"telegram"_s);
    }

    void inAGroupEachPersonHasASessionAndAThreadIsShared()
    {
        QCOMPARE(exchange(ann, group, u"mine"_s), u"You said: mine"_s);
        QCOMPARE(exchange(cid, group, u"yours"_s), u"You said: yours"_s);
        const QString annInGroup = sessionAt(u"telegram:group:%1:111"_s.arg(group));
        const QString cidInGroup = sessionAt(u"telegram:group:%1:333"_s.arg(group));
        QVERIFY(!annInGroup.isEmpty() && !cidInGroup.isEmpty());
        QVERIFY(annInGroup != cidInGroup);

        QCOMPARE(exchange(ann, group, u"in the topic"_s, topic), u"You said: in the topic"_s);
        const QString inTopic = sessionAt(u"telegram:group:%1:%2"_s.arg(group).arg(topic));
        QVERIFY(!inTopic.isEmpty());
        QVERIFY(inTopic != annInGroup);
        QCOMPARE(m_rig->sessions.sessions().size(), 3);
        QCOMPARE(m_rig->owners.startedBy(cidInGroup), SessionOwners::person(u"telegram"_s, u"333"_s));
    }

    void theReasoningReachesTelegramOnlyWhenAsked()
    {
        m_rig->llm.setThinking(true);
        QCOMPARE(exchange(ann, ann, u"hello"_s), u"You said: hello"_s);
        // Not in the final text, nor in any preview edit or other call the bot made.
        QVERIFY(!m_rig->telegram.calls(u"sendMessage"_s).isEmpty());
        for (const FakeTelegramServer::Call &call : m_rig->telegram.calls()) {
            const QByteArray params = QJsonDocument(call.params).toJson();
            QVERIFY2(!params.contains("person wrote") && !params.contains("I will echo") && !params.contains("think>"),
                params.constData());
        }
        const QString id = sessionAt(u"telegram:dm:111"_s);
        const Message reply = m_rig->sessions.transcript(id).constLast();
        QCOMPARE(reply.content, u"You said: hello"_s);
        QCOMPARE(m_rig->sessions.replyStats(reply.id)->reasoning, u"The person wrote something; I will echo it."_s);

        m_rig->settings.setGatewayShowThinking(true);
        const QString shownWithThinking = exchange(ann, ann, u"again"_s);
        QVERIFY2(shownWithThinking.startsWith(u"Thinking\nThe person wrote something; I will echo it."_s),
            qPrintable(shownWithThinking));
        QVERIFY2(shownWithThinking.endsWith(u"You said: again"_s), qPrintable(shownWithThinking));
        const QString sent = m_rig->telegram.calls(u"editMessageText"_s).isEmpty()
            ? QString()
            : m_rig->telegram.calls(u"editMessageText"_s).constLast().params.value("text"_L1).toString();
        QVERIFY2(sent.contains(u"<blockquote>"_s), qPrintable(sent)); // marked as a quote, not mixed in
    }

    void aStrangerInADirectChatGetsOneCodeAndNothingElse()
    {
        const QString offer = exchange(bob, bob, u"hi"_s);
        QVERIFY2(offer.contains(u"pairing code"_s), qPrintable(offer));
        m_rig->telegram.userSends(bob, bob, u"hello??"_s);
        // The owner's reply needs a turn at the model: an answer to Bob would be sent before it.
        QCOMPARE(exchange(ann, ann, u"ping"_s), u"You said: ping"_s);
        QCOMPARE(shown(bob).size(), 1);
        QCOMPARE(m_rig->pairing.pendingRequests().size(), 1);
        QVERIFY(sessionAt(u"telegram:dm:222"_s).isEmpty());
        QCOMPARE(m_rig->sessions.sessions().size(), 1);
        QCOMPARE(m_rig->llm.requests().size(), 1);
    }

    void aStrangerInAGroupIsNotAnswered()
    {
        m_rig->telegram.userSends(bob, group, u"who are you?"_s);
        m_rig->telegram.userSends(bob, group, u"/help"_s);
        QCOMPARE(exchange(ann, group, u"ping"_s), u"You said: ping"_s);
        QCOMPARE(shown(group), QStringList { u"You said: ping"_s });
        QVERIFY(sessionAt(u"telegram:group:%1:222"_s.arg(group)).isEmpty());
        QCOMPARE(m_rig->pairing.pendingRequests().size(), 0); // no code handed out in a group
        QCOMPARE(m_rig->llm.requests().size(), 1);
    }

    void helpNamesSethomeToOwnersOnly()
    {
        const QString forOwner = exchange(ann, ann, u"/help"_s);
        QVERIFY2(forOwner.contains(u"/sethome"_s) && forOwner.contains(u"/resume"_s), qPrintable(forOwner));
        const QString forGuest = exchange(cid, cid, u"/help"_s);
        QVERIFY2(forGuest.contains(u"/resume"_s), qPrintable(forGuest));
        QVERIFY2(!forGuest.contains(u"/sethome"_s), qPrintable(forGuest));
        QCOMPARE(m_rig->llm.requests().size(), 0); // commands never reach the model
    }

    void aGuestMayNotChooseTheHome()
    {
        QCOMPARE(exchange(cid, cid, u"/sethome"_s), u"Sorry, only my owner can choose where handoffs go."_s);
        QVERIFY(Settings(m_rig->settings.fileName()).platform(u"telegram"_s).homeChat.isEmpty());
        QCOMPARE(exchange(ann, group, u"/sethome"_s, topic), u"This topic is now the home for handoffs to Telegram."_s);
        const Settings::Platform saved = Settings(m_rig->settings.fileName()).platform(u"telegram"_s);
        QCOMPARE(saved.homeChat, QString::number(group));
        QCOMPARE(saved.homeThread, QString::number(topic));
    }

    void aGuestInAThreadOnSomeoneElsesSessionIsToldSo()
    {
        QCOMPARE(exchange(ann, group, u"plans"_s, topic), u"You said: plans"_s);
        const QString annsSession = sessionAt(u"telegram:group:%1:%2"_s.arg(group).arg(topic));
        QCOMPARE(exchange(cid, group, u"show me"_s, topic),
            u"This chat is on a conversation that is not yours. Send /new to start your own."_s);
        QCOMPARE(m_rig->sessions.transcript(annsSession).size(), 2); // the guest's words are not in it
        // A guest's /status or /stop does not act on the owner's session either.
        QCOMPARE(exchange(cid, group, u"/stop"_s, topic), u"I am not writing anything right now."_s);
        QCOMPARE(exchange(cid, group, u"/new"_s, topic), u"Started a new conversation."_s);
        QCOMPARE(exchange(cid, group, u"my own"_s, topic), u"You said: my own"_s);
        const QString cidsSession = sessionAt(u"telegram:group:%1:%2"_s.arg(group).arg(topic));
        QVERIFY(cidsSession != annsSession);
        QCOMPARE(m_rig->owners.startedBy(cidsSession), SessionOwners::person(u"telegram"_s, u"333"_s));
    }

    void newStartsAFreshSessionNamedByItsFirstMessage()
    {
        QCOMPARE(exchange(ann, ann, u"first"_s), u"You said: first"_s);
        const QString first = sessionAt(u"telegram:dm:111"_s);
        QCOMPARE(exchange(ann, ann, u"/new"_s), u"Started a new conversation."_s);
        const QString second = sessionAt(u"telegram:dm:111"_s);
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(exchange(ann, ann, u"ferry times to Hel"_s), u"You said: ferry times to Hel"_s);
        QCOMPARE(sessionAt(u"telegram:dm:111"_s), second);
        QCOMPARE(m_rig->sessions.session(second)->title, Agent::titleFrom(u"ferry times to Hel"_s));
        QCOMPARE(m_rig->sessions.transcript(first).size(), 2);
    }

    void unknownAndIdleCommandsAreAnsweredWithASentence()
    {
        QCOMPARE(exchange(ann, ann, u"/stop"_s), u"I am not writing anything right now."_s);
        QCOMPARE(
            exchange(ann, ann, u"/frobnicate now"_s), u"I do not know /frobnicate. Send /help for the commands."_s);
        QCOMPARE(exchange(ann, ann, u"/HELP@baton_test_bot"_s).left(10), u"I am Baton"_s);
    }

    void aCommandForAnotherBotIsNeitherAnsweredNorStored()
    {
        m_rig->telegram.userSends(ann, group, u"/help@otherbot"_s);
        QCOMPARE(exchange(ann, group, u"ping"_s), u"You said: ping"_s);
        QCOMPARE(shown(group), QStringList { u"You said: ping"_s });
        const QList<Message> transcript = m_rig->sessions.transcript(sessionAt(u"telegram:group:%1:111"_s.arg(group)));
        QCOMPARE(transcript.size(), 2);
        QCOMPARE(transcript.first().content, u"ping"_s);
    }

    void messagesDuringATurnJoinTheNextTurn()
    {
        m_rig->llm.setEchoDelayMs(150);
        QSignalSpy stored(m_rig->gateway.get(), &Gateway::messageStored);
        m_rig->telegram.userSends(ann, ann, u"one"_s);
        QVERIFY(stored.wait());
        QTRY_COMPARE(m_rig->llm.requests().size(), 1);
        m_rig->telegram.userSends(ann, ann, u"two"_s);
        m_rig->telegram.userSends(ann, ann, u"three"_s);
        QSignalSpy idle(m_rig->gateway.get(), &Gateway::idle);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->llm.requests().size(), 2, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_rig->gateway->isBusy(), 10'000);
        // Two turns: "two" and "three" were answered together, not one turn each.
        QCOMPARE(m_rig->llm.requests().size(), 2);
        QCOMPARE(shown(ann).size(), 2);
        QCOMPARE(shown(ann).constLast(), u"You said: three"_s);
    }

    // A chat handed off from the desktop keeps its own system prompt: the gateway's turns send it.
    void aHandedOffChatKeepsItsSystemPrompt()
    {
        const QString id = m_rig->sessions.createSession(u"From the desk"_s);
        QVERIFY(m_rig->sessions.setSystemPrompt(id, u"Answer in Italian."_s));
        QVERIFY(m_rig->keys.bind(u"telegram:dm:111"_s, id)); // what the handoff binds
        QCOMPARE(exchange(ann, ann, u"ciao"_s), u"You said: ciao"_s);
        const QJsonArray sent = m_rig->llm.requests().constLast().value("messages"_L1).toArray();
        QCOMPARE(sent.first()["role"_L1].toString(), u"system"_s);
        QCOMPARE(sent.first()["content"_L1].toString(), u"Answer in Italian."_s);
        QCOMPARE(sessionAt(u"telegram:dm:111"_s), id);
        // A chat without one sends none here (the rig has no default).
        QCOMPARE(exchange(cid, cid, u"hello"_s), u"You said: hello"_s);
        QCOMPARE(m_rig->llm.requests().constLast()["messages"_L1][0]["role"_L1].toString(), u"user"_s);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
