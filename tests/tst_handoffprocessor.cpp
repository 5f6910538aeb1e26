// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatewayrig.h"
#include "handoff/handoffprocessor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111; // an owner
constexpr qint64 dan = 444; // another owner
constexpr qint64 forum = -1001000000001;
constexpr qint64 plainGroup = -1001000000002;

struct Outcome
{
    QString sessionId;
    QString destination;
    QString error;
};
} // namespace

/// A claimed handoff carried out in the gateway, against the fake Telegram and the fake model: a
/// fresh topic in a forum home, the home chat itself where there are no topics (one key per owner
/// in a group), the synthetic turn answered there, and every refusal with its sentence: no home,
/// no such platform, offline, and a home chat another live conversation is using.
class TestHandoffProcessor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GatewayRig> m_rig;
    std::unique_ptr<HandoffProcessor> m_processor;

    [[nodiscard]] bool start(const QString &home)
    {
        if (!m_rig->start({ QString::number(ann), QString::number(dan) }, home))
            return false;
        m_processor
            = std::make_unique<HandoffProcessor>(*m_rig->gateway, m_rig->sessions, m_rig->keys, m_rig->settings);
        return true;
    }
    /// A conversation begun elsewhere, with @p said as its first question.
    [[nodiscard]] QString conversation(const QString &title, const QString &said = u"plan the trip"_s)
    {
        const QString id = m_rig->sessions.createSession(title, u"cli"_s);
        if (id.isEmpty() || said.isEmpty())
            return id;
        Message message;
        message.sessionId = id;
        message.content = said;
        return m_rig->sessions.appendMessage(message) ? id : QString();
    }
    Outcome execute(const QString &sessionId, const QString &platform = u"telegram"_s)
    {
        QSignalSpy executed(m_processor.get(), &HandoffExecutor::executed);
        m_processor->execute(sessionId, platform);
        if (executed.isEmpty() && !executed.wait(15'000))
            return { {}, {}, u"<no answer>"_s };
        if (executed.size() != 1)
            return { {}, {}, u"<%1 answers>"_s.arg(executed.size()) };
        return { executed.first().at(0).toString(), executed.first().at(1).toString(),
            executed.first().at(2).toString() };
    }
    [[nodiscard]] QString boundTo(const QString &key) const
    {
        const auto binding = m_rig->keys.binding(key);
        return binding ? binding->sessionId : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<GatewayRig>();
        m_rig->telegram.addPrivateChat(ann, u"Ann"_s);
        m_rig->telegram.addGroup(forum, u"Forum home"_s, true);
        m_rig->telegram.addGroup(plainGroup, u"Plain home"_s, false);
    }
    void cleanup()
    {
        m_processor.reset();
        m_rig.reset();
    }

    void aForumHomeGetsAFreshTopicWithTheSyntheticTurn()
    {
        QVERIFY(start(QString::number(forum)));
        const QString id = conversation(u"Ferries"_s);
        QVERIFY(!id.isEmpty());
        m_rig->llm.setFixedReply(u"I am here: we were planning the trip."_s);
        const Outcome outcome = execute(id);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.sessionId, id);
        const QList<qint64> topics = m_rig->telegram.topics(forum);
        QCOMPARE(topics.size(), 1);
        QCOMPARE(m_rig->telegram.calls(u"createForumTopic"_s).first().params.value(u"name"_s).toString(),
            u"Baton — Ferries"_s);
        const QString key = u"telegram:group:%1:%2"_s.arg(forum).arg(topics.first());
        QCOMPARE(outcome.destination, key);
        QCOMPARE(boundTo(key), id);
        QCOMPARE(m_rig->telegram.botMessages(forum, topics.first()),
            QStringList { u"I am here: we were planning the trip."_s });
        // The model saw the whole conversation and the synthetic turn, which is not the user's.
        const QJsonArray sent = m_rig->llm.requests().constLast().value(u"messages"_s).toArray();
        QCOMPARE(sent.last().toObject().value(u"content"_s).toString(),
            HandoffProcessor::syntheticTurnText(u"cli"_s, u"Ferries"_s));
        QVERIFY(sent.size() >= 2);
        const QList<Message> transcript = m_rig->sessions.transcript(id, false);
        QVERIFY(!transcript.isEmpty());
        QCOMPARE(transcript.first().content, u"plan the trip"_s);
    }

    // The chat's own system prompt goes with it: the synthetic turn on the phone sends it first.
    void theSyntheticTurnSendsTheChatsSystemPrompt()
    {
        QVERIFY(start(QString::number(forum)));
        const QString id = conversation(u"In Italian"_s);
        QVERIFY(m_rig->sessions.setSystemPrompt(id, u"Answer in Italian."_s));
        const Outcome outcome = execute(id);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        const QJsonArray sent = m_rig->llm.requests().constLast().value(u"messages"_s).toArray();
        QCOMPARE(sent.first().toObject().value(u"role"_s).toString(), u"system"_s);
        QCOMPARE(sent.first().toObject().value(u"content"_s).toString(), u"Answer in Italian."_s);
    }

    void aHomeWithoutTopicsIsUsedItselfUnderEachOwnersKey()
    {
        QVERIFY(start(QString::number(plainGroup)));
        const QString id = conversation(u"Budget"_s);
        const Outcome outcome = execute(id);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        const QString annsKey = u"telegram:group:%1:%2"_s.arg(plainGroup).arg(ann);
        const QString dansKey = u"telegram:group:%1:%2"_s.arg(plainGroup).arg(dan);
        QCOMPARE(outcome.destination, annsKey);
        QCOMPARE(boundTo(annsKey), id);
        QCOMPARE(boundTo(dansKey), id);
        QCOMPARE(m_rig->telegram.botMessages(plainGroup).size(), 1);
        QVERIFY(m_rig->telegram.topics(plainGroup).isEmpty());
        // Ann's next message in the home lands in the handed-off session.
        m_rig->telegram.userSends(ann, plainGroup, u"and the hotel?"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->telegram.botMessages(plainGroup).size(), 2, 10'000);
        QCOMPARE(m_rig->sessions.transcript(id, false).constLast().content.isEmpty(), false);
        QCOMPARE(boundTo(annsKey), id);
    }

    void aHomeChatInUseByAnotherConversationIsRefused()
    {
        QVERIFY(start(QString::number(ann)));
        const QString other = conversation(u"Taxes"_s);
        QVERIFY(m_rig->keys.bind(u"telegram:dm:111"_s, other));
        const QString id = conversation(u"Ferries"_s);
        const Outcome outcome = execute(id);
        QCOMPARE(outcome.destination, QString());
        QCOMPARE(outcome.error,
            u"the home chat is in use by another conversation ('Taxes'); make the home a forum group (or enable "
            "topics) so each handoff gets its own thread, or send /new there first"_s);
        QCOMPARE(boundTo(u"telegram:dm:111"_s), other); // never hijacked
        QCOMPARE(m_rig->llm.requests().size(), 0);
        QCOMPARE(m_rig->telegram.calls(u"sendMessage"_s).size(), 0);
        QCOMPARE(m_rig->telegram.calls(u"createForumTopic"_s).size(), 1); // asked, and there are no topics here
    }

    void aHomeChatInUseInAGroupIsRefusedForAnyOwnersKey()
    {
        QVERIFY(start(QString::number(plainGroup)));
        const QString other = conversation(u"Dan's notes"_s);
        QVERIFY(m_rig->keys.bind(u"telegram:group:%1:%2"_s.arg(plainGroup).arg(dan), other));
        const Outcome outcome = execute(conversation(u"Ferries"_s));
        QVERIFY2(outcome.error.startsWith(u"the home chat is in use by another conversation ('Dan's notes')"_s),
            qPrintable(outcome.error));
        QVERIFY(boundTo(u"telegram:group:%1:%2"_s.arg(plainGroup).arg(ann)).isEmpty());
    }

    void aHomeChatFreedByNewOrLongQuietIsTaken_data()
    {
        QTest::addColumn<bool>("said");
        QTest::addColumn<qint64>("quietForMs");
        QTest::newRow("opened by /new, nothing said") << false << qint64(0);
        QTest::newRow("quiet for longer than the bound") << true << HandoffProcessor::homeInUseMs + 60'000;
        QTest::newRow("quiet for less than the bound") << true << HandoffProcessor::homeInUseMs - 60'000;
    }
    void aHomeChatFreedByNewOrLongQuietIsTaken()
    {
        QFETCH(bool, said);
        QFETCH(qint64, quietForMs);
        QVERIFY(start(QString::number(ann)));
        const QString other = conversation(u"Taxes"_s, said ? u"what is due?"_s : QString());
        QVERIFY(m_rig->keys.bind(u"telegram:dm:111"_s, other));
        if (quietForMs > 0) {
            QVERIFY(m_rig->store.exec(u"UPDATE sessions SET updated_at = %1 WHERE id = '%2'"_s
                                          .arg(QDateTime::currentMSecsSinceEpoch() - quietForMs)
                                          .arg(other)));
        }
        const QString id = conversation(u"Ferries"_s);
        const Outcome outcome = execute(id);
        if (!said || quietForMs > HandoffProcessor::homeInUseMs) {
            QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
            QCOMPARE(outcome.destination, u"telegram:dm:111"_s);
            QCOMPARE(boundTo(u"telegram:dm:111"_s), id);
        } else {
            QVERIFY2(outcome.error.startsWith(u"the home chat is in use"_s), qPrintable(outcome.error));
            QCOMPARE(boundTo(u"telegram:dm:111"_s), other);
        }
    }

    void theSessionsOwnHomeBindingIsNoObstacle()
    {
        QVERIFY(start(QString::number(ann)));
        const QString id = conversation(u"Ferries"_s);
        QVERIFY(m_rig->keys.bind(u"telegram:dm:111"_s, id));
        const Outcome outcome = execute(id);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.destination, u"telegram:dm:111"_s);
    }

    void refusalsBeforeAnythingIsSent_data()
    {
        QTest::addColumn<QString>("home");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<bool>("stopAdapter");
        QTest::addColumn<bool>("knownSession");
        QTest::addColumn<QString>("error");
        QTest::newRow("no home") << QString() << u"telegram"_s << false << true
                                 << u"Telegram has no home channel. Set one with /sethome in the destination chat."_s;
        QTest::newRow("no home on that platform")
            << QString::number(forum) << u"discord"_s << false << true
            << u"Discord has no home channel. Set one with /sethome in the destination chat."_s;
        QTest::newRow("offline") << QString::number(forum) << u"telegram"_s << true << true
                                 << u"Telegram is offline: stopped"_s;
        QTest::newRow("no such session") << QString::number(forum) << u"telegram"_s << false << false << QString();
    }
    void refusalsBeforeAnythingIsSent()
    {
        QFETCH(QString, home);
        QFETCH(QString, platform);
        QFETCH(bool, stopAdapter);
        QFETCH(bool, knownSession);
        QFETCH(QString, error);
        QVERIFY(start(home));
        if (stopAdapter)
            m_rig->adapter->stop();
        const QString id = knownSession ? conversation(u"Ferries"_s) : u"00000000-no-such-session"_s;
        const Outcome outcome = execute(id, platform);
        QCOMPARE(outcome.sessionId, id);
        QCOMPARE(outcome.destination, QString());
        if (error.isEmpty())
            QVERIFY(!outcome.error.isEmpty());
        else
            QCOMPARE(outcome.error, error);
        QCOMPARE(m_rig->telegram.calls(u"createForumTopic"_s).size(), 0);
        QCOMPARE(m_rig->llm.requests().size(), 0);
    }

    void aPlatformWithAHomeButNoAdapterSaysSo()
    {
        m_rig->settings.setHome(u"discord"_s, u"700000000000000010"_s, {});
        QVERIFY(start(QString::number(forum)));
        const Outcome outcome = execute(conversation(u"Ferries"_s), u"discord"_s);
        QCOMPARE(outcome.error,
            u"Discord is not running in this gateway; enable it and set its token, then restart the gateway."_s);
    }

    void destinationKeys_data()
    {
        QTest::addColumn<int>("chatType");
        QTest::addColumn<QString>("thread");
        QTest::addColumn<QStringList>("owners");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("direct") << int(SessionSource::ChatType::Direct) << QString() << QStringList { u"1"_s, u"2"_s }
                                << QStringList { u"telegram:dm:55"_s };
        QTest::newRow("thread") << int(SessionSource::ChatType::Group) << u"9"_s << QStringList { u"1"_s, u"2"_s }
                                << QStringList { u"telegram:group:55:9"_s };
        QTest::newRow("group, per owner")
            << int(SessionSource::ChatType::Group) << QString() << QStringList { u"1"_s, u"2"_s }
            << QStringList { u"telegram:group:55:1"_s, u"telegram:group:55:2"_s };
        QTest::newRow("group, no owners") << int(SessionSource::ChatType::Group) << QString() << QStringList()
                                          << QStringList { u"telegram:group:55"_s };
    }
    void destinationKeys()
    {
        QFETCH(int, chatType);
        QFETCH(QString, thread);
        QFETCH(QStringList, owners);
        QFETCH(QStringList, keys);
        SessionSource destination;
        destination.platform = u"telegram"_s;
        destination.chatType = SessionSource::ChatType(chatType);
        destination.chatId = u"55"_s;
        destination.threadId = thread;
        QCOMPARE(HandoffProcessor::destinationKeys(destination, owners), keys);
    }

    void theSyntheticTurnNamesWhereItCameFrom()
    {
        QVERIFY(HandoffProcessor::syntheticTurnText(u"cli"_s, u"T"_s).contains(u"from the terminal ('T')"_s));
        QVERIFY(HandoffProcessor::syntheticTurnText(u"desktop"_s, u"T"_s).contains(u"from the desktop window ('T')"_s));
        QVERIFY(HandoffProcessor::syntheticTurnText(u"slack"_s, u"T"_s).contains(u"from Slack ('T')"_s));
    }
};

QTEST_GUILESS_MAIN(TestHandoffProcessor)
#include "tst_handoffprocessor.moc"
