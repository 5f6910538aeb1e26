// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/agent.h"
#include "agent/llmclient.h"
#include "fakellmserver.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

/**
 * Variants in the store (docs/variants.md): Regenerate and edit and resend keep what they replace,
 * only the branch shown is history (checked at the fake model: what each request carried), a
 * chosen variant survives reopening the store, Retry replaces a failure, and the agent says when
 * it tries the model again.
 */
class TestVariants : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<LlmClient> m_client;
    std::unique_ptr<Agent> m_agent;
    QString m_session;

    /// What the model was sent in request @p n: "role: content" lines, without the system prompt.
    QStringList sent(qsizetype n) const
    {
        QStringList lines;
        for (const QJsonValue &m : m_llm->requests().at(n).value("messages"_L1).toArray()) {
            const QJsonObject o = m.toObject();
            if (o.value("role"_L1).toString() != "system"_L1)
                lines << o.value("role"_L1).toString() + u": "_s + o.value("content"_L1).toString();
        }
        return lines;
    }
    QStringList shown()
    {
        QStringList lines;
        for (const Message &m : m_sessions->transcript(m_session))
            lines << messageRoleName(m.role) + u": "_s + m.content;
        return lines;
    }
    /// Waits for the turn started just now to end; its reply's row.
    qint64 finish()
    {
        QSignalSpy done(m_agent.get(), &Agent::turnFinished);
        if (!done.wait(15'000))
            return 0;
        return done.first().at(1).toLongLong();
    }
    qint64 ask(const QString &question, const QString &answer)
    {
        m_llm->enqueue(FakeLlmReply::withContent({ answer }));
        Message user;
        user.content = question;
        if (!m_agent->startTurn(m_session, user))
            return 0;
        return finish();
    }
    qint64 idOf(const QString &content)
    {
        return m_store->scalar(u"SELECT id FROM messages WHERE content = '%1'"_s.arg(content)).toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<LlmClient>(m_network.get());
        m_agent = std::make_unique<Agent>(*m_sessions, *m_client);
        m_agent->setConfig({ m_llm->baseUrl(), {}, u"fake-model"_s, u"Be brief."_s });
        m_session = m_sessions->createSession();
        QVERIFY(!m_session.isEmpty());
    }
    void cleanup()
    {
        m_agent.reset();
        m_client.reset();
        m_sessions.reset();
        m_store.reset();
        m_llm.reset();
    }

    void regenerateKeepsTheEarlierReplyAndSendsOnlyTheBranchShown()
    {
        const qint64 first = ask(u"Which ferry?"_s, u"The 9:00 one."_s);
        QVERIFY(first);
        m_llm->enqueue(FakeLlmReply::withContent({ u"The night ferry."_s }));
        QVERIFY2(m_agent->startVariant(m_session, first, Message {}), qPrintable(m_agent->errorString()));
        const qint64 second = finish();
        QVERIFY(second && second != first);
        // The model answered the question again, without the reply it replaces.
        QCOMPARE(sent(1), QStringList { u"user: Which ferry?"_s });
        QCOMPARE(shown(), (QStringList { u"user: Which ferry?"_s, u"assistant: The night ferry."_s }));
        auto variants = m_sessions->variants(m_session);
        QCOMPARE(variants.size(), 1);
        QCOMPARE(variants.value(second).index, 2);
        QCOMPARE(variants.value(second).count, 2);
        QCOMPARE(variants.value(second).previous, first);
        QCOMPARE(variants.value(second).next, 0);
        QCOMPARE(m_sessions->session(m_session)->messageCount, 2);

        // The earlier one is chosen: it is the history now, for the model and for search.
        QVERIFY2(m_sessions->chooseVariant(first), qPrintable(m_sessions->errorString()));
        QCOMPARE(shown(), (QStringList { u"user: Which ferry?"_s, u"assistant: The 9:00 one."_s }));
        QCOMPARE(m_sessions->variants(m_session).value(first).index, 1);
        QVERIFY(m_sessions->search(u"night"_s).isEmpty());
        QCOMPARE(m_sessions->search(u"9:00"_s).size(), 1);
        ask(u"And back?"_s, u"At 18:00."_s);
        QCOMPARE(
            sent(2), (QStringList { u"user: Which ferry?"_s, u"assistant: The 9:00 one."_s, u"user: And back?"_s }));

        // The choice is stored: another connection to the file sees the same branch.
        Database again;
        QVERIFY(again.open(m_store->path()));
        SessionStore reopened(again);
        QStringList lines;
        for (const Message &m : reopened.transcript(m_session))
            lines << m.content;
        QCOMPARE(lines, (QStringList { u"Which ferry?"_s, u"The 9:00 one."_s, u"And back?"_s, u"At 18:00."_s }));
        QCOMPARE(reopened.variants(m_session).value(first).count, 2);
    }

    void editAndResendKeepsTheOldBranchWithItsOwnChoices()
    {
        const qint64 question = [&] {
            ask(u"Plan Lisbon"_s, u"Three days."_s);
            return idOf(u"Plan Lisbon"_s);
        }();
        const qint64 food = [&] {
            ask(u"Food?"_s, u"Pastéis."_s);
            return idOf(u"Pastéis."_s);
        }();
        // A second answer to "Food?", then the first chosen again: the old branch remembers it.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Bacalhau."_s }));
        QVERIFY(m_agent->startVariant(m_session, food, Message {}));
        QVERIFY(finish());
        QVERIFY(m_sessions->chooseVariant(food));

        QSignalSpy branch(m_sessions.get(), &SessionStore::branchChanged);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Two days, then Porto."_s }));
        Message edited;
        edited.content = u"Plan Lisbon and Porto"_s;
        QVERIFY2(m_agent->startVariant(m_session, question, edited), qPrintable(m_agent->errorString()));
        QVERIFY(finish());
        QCOMPARE(branch.size(), 1);
        // The model was sent the edited question alone: nothing of the old branch.
        QCOMPARE(sent(m_llm->requests().size() - 1), QStringList { u"user: Plan Lisbon and Porto"_s });
        QCOMPARE(shown(), (QStringList { u"user: Plan Lisbon and Porto"_s, u"assistant: Two days, then Porto."_s }));
        const qint64 editedId = idOf(u"Plan Lisbon and Porto"_s);
        QCOMPARE(m_sessions->variants(m_session).value(editedId).index, 2);
        QCOMPARE(m_sessions->variants(m_session).value(editedId).previous, question);

        // Back to the old question: its whole branch, with the answer that was chosen in it.
        QVERIFY(m_sessions->chooseVariant(question));
        QCOMPARE(shown(),
            (QStringList {
                u"user: Plan Lisbon"_s, u"assistant: Three days."_s, u"user: Food?"_s, u"assistant: Pastéis."_s }));
        QCOMPARE(m_sessions->variants(m_session).value(question).next, editedId);
        QCOMPARE(m_sessions->variants(m_session).value(food).count, 2);
        // A message written now follows the branch shown.
        ask(u"Where to stay?"_s, u"Alfama."_s);
        QCOMPARE(sent(m_llm->requests().size() - 1).size(), 5);
        QCOMPARE(shown().last(), u"assistant: Alfama."_s);
        QVERIFY(m_sessions->chooseVariant(editedId));
        QCOMPARE(shown().size(), 2);
        QVERIFY(m_sessions->chooseVariant(question));
        QCOMPARE(shown().size(), 6);
    }

    void retryReplacesTheFailedReply()
    {
        FakeLlmReply failing;
        failing.httpStatus = 401;
        failing.errorBody = R"({"error":{"message":"bad key"}})";
        m_llm->enqueue(failing);
        Message user;
        user.content = u"Hello"_s;
        QVERIFY(m_agent->startTurn(m_session, user));
        const qint64 failed = finish();
        QCOMPARE(m_sessions->message(failed)->status, MessageStatus::Error);
        // Only a failure is replaced so, and only the last one.
        QVERIFY(!m_sessions->removeFailedReply(m_session, idOf(u"Hello"_s)));

        m_llm->enqueue(FakeLlmReply::withContent({ u"Hi."_s }));
        QVERIFY2(m_agent->retryFailed(m_session, failed), qPrintable(m_agent->errorString()));
        QVERIFY(finish());
        QCOMPARE(shown(), (QStringList { u"user: Hello"_s, u"assistant: Hi."_s }));
        QCOMPARE(m_store->scalar(u"SELECT count(*) FROM messages"_s).toInt(), 2); // no failure kept anywhere
        QVERIFY(m_sessions->variants(m_session).isEmpty());
        QCOMPARE(sent(1), QStringList { u"user: Hello"_s });
    }

    void noVariantIsChosenWhileAReplyIsWritten()
    {
        const qint64 first = ask(u"Q"_s, u"A1"_s);
        m_llm->enqueue(FakeLlmReply::withContent({ u"A2"_s }));
        QVERIFY(m_agent->startVariant(m_session, first, Message {}));
        QVERIFY(!m_sessions->chooseVariant(first));
        QVERIFY2(m_sessions->errorString().contains(u"when it is finished"_s), qPrintable(m_sessions->errorString()));
        QVERIFY(finish());
        QVERIFY(m_sessions->chooseVariant(first));
        // A variant of another session, or one off the branch shown, does not begin a variant.
        QVERIFY(!m_sessions->beginVariant(m_sessions->createSession(), first));
        QVERIFY(!m_sessions->beginVariant(m_session, idOf(u"A2"_s)));
    }

    void theAgentSaysWhenItTriesTheModelAgain()
    {
        FakeLlmReply busy;
        busy.httpStatus = 503;
        busy.errorBody = R"({"error":{"message":"loading"}})";
        m_llm->enqueue(busy);
        m_llm->enqueue(busy);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Ready."_s }));
        QSignalSpy retrying(m_agent.get(), &Agent::retrying);
        QSignalSpy started(m_agent.get(), &Agent::turnStarted);
        Message user;
        user.content = u"Hi"_s;
        QVERIFY(m_agent->startTurn(m_session, user));
        QCOMPARE(started.size(), 1);
        QVERIFY(finish());
        QCOMPARE(retrying.size(), 2);
        QCOMPARE(retrying.at(0).at(1).toInt(), 2);
        QCOMPARE(retrying.at(1).at(1).toInt(), 3);
        QCOMPARE(retrying.at(1).at(2).toInt(), 4); // the first try and three retries
        QVERIFY2(retrying.at(0).at(3).toString().contains(u"503"_s), qPrintable(retrying.at(0).at(3).toString()));
        QCOMPARE(m_llm->requests().size(), 3); // each try reached the model once
        QCOMPARE(shown().last(), u"assistant: Ready."_s);
    }
};

QTEST_GUILESS_MAIN(TestVariants)
#include "tst_variants.moc"
