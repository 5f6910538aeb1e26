// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "postgresserver.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111; // an owner, on her phone
constexpr qint64 home = -1001234567890; // a forum supergroup: each handoff gets a topic
const QString token = u"4242:second-machine"_s;
} // namespace

/**
 * Two machines on one PostgreSQL store: a `baton --no-gui` gateway with its own data directory
 * (the home server), and the CLI with another data directory and no gateway of its own (the
 * laptop). The laptop chats and hands the session off; the gateway, told by the store and not by
 * any local poke, opens the topic; the phone's answer is then read on the laptop.
 */
class TestSecondMachineE2E : public QObject
{
    Q_OBJECT

private:
    FakeLlmServer m_llm;
    FakeTelegramServer m_telegram { token };
    QTemporaryDir m_server; // the gateway's data directory
    QTemporaryDir m_laptop; // the CLI's
    QString m_url;
    std::unique_ptr<QProcess> m_gateway;
    qint64 m_topicCreatedAt = 0; // when the fake Telegram was first asked to create a topic

    QProcessEnvironment environment(const QTemporaryDir &dataDir) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, dataDir.path());
        e.insert(u"BATON_CONFIG"_s, dataDir.filePath(u"baton.ini"_s));
        e.insert(u"BATON_STORE_URL"_s, m_url);
        e.insert(u"BATON_STORE_PASSWORD"_s, QString::fromLatin1(PostgresServer::password));
        e.insert(u"BATON_HANDOFF_CLAIM_MS"_s, u"10000"_s);
        e.remove(u"BATON_TELEGRAM_TOKEN"_s);
        return e;
    }
    QProcessEnvironment gatewayEnvironment() const
    {
        QProcessEnvironment e = environment(m_server);
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        return e;
    }
    BatonRun onLaptop(const QStringList &args, const QByteArray &input = {})
    {
        return runBaton(args, environment(m_laptop), input);
    }
    [[nodiscard]] bool writeConfig(const QTemporaryDir &dir, const QByteArray &telegram)
    {
        QFile ini(dir.filePath(u"baton.ini"_s));
        if (!ini.open(QIODevice::WriteOnly))
            return false;
        ini.write("[llm]\nbase_url=" + m_llm.baseUrl().toString().toUtf8() + "\nmodel=fake-model\n[telegram]\n"
            + telegram + "enabled=true\nhome_chat=" + QByteArray::number(home) + "\n");
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        PostgresServer &server = PostgresServer::shared();
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        qputenv("BATON_STORE_PASSWORD", PostgresServer::password);
        m_url = server.createDatabase();
        QVERIFY2(!m_url.isEmpty(), qPrintable(server.errorString()));
        QVERIFY(m_llm.listen() && m_telegram.listen());
        m_telegram.addPrivateChat(ann, u"Ann"_s);
        m_telegram.addGroup(home, u"Home"_s, true);
        QVERIFY(m_server.isValid() && m_laptop.isValid());
        QVERIFY(writeConfig(m_server,
            "api_base=" + m_telegram.apiBase().toUtf8() + "\nallowed_users=" + QByteArray::number(ann) + "\n"));
        QVERIFY(writeConfig(m_laptop, {})); // the laptop knows the home, not the bot's token

        // The topic's creation at the fake is the moment the gateway acted on the request.
        connect(&m_telegram, &FakeTelegramServer::called, this, [this](const QString &method, const QJsonObject &) {
            if (method == "createForumTopic"_L1 && m_topicCreatedAt == 0)
                m_topicCreatedAt = QDateTime::currentMSecsSinceEpoch();
        });
        m_gateway = startBaton({ u"--no-gui"_s }, gatewayEnvironment());
        QTRY_VERIFY_WITH_TIMEOUT(!m_telegram.calls(u"getUpdates"_s).isEmpty(), 20'000);
    }
    void cleanupTestCase()
    {
        if (!m_gateway)
            return;
        m_gateway->terminate();
        const bool stopped = waitForExit(*m_gateway, 15'000);
        const QString log = QString::fromUtf8(m_gateway->readAllStandardError());
        if (QTest::currentTestFailed() || !stopped || m_gateway->exitCode() != 0)
            qWarning().noquote() << "gateway log:\n" << log;
        QVERIFY(stopped);
        QCOMPARE(m_gateway->exitCode(), 0);
        QVERIFY2(!log.contains(token), qPrintable(log));
    }

    void theLaptopHandsOffThroughTheStore()
    {
        m_llm.enqueue(FakeLlmReply::withContent({ u"Lisbon in May is lovely."_s }));
        const BatonRun chat = onLaptop({ u"chat"_s }, "plan a trip to Lisbon\n/quit\n");
        QVERIFY2(chat.exitCode == 0, qPrintable(chat.out + chat.err));
        QVERIFY2(chat.out.contains(u"Lisbon in May is lovely."_s), qPrintable(chat.out));

        Database store;
        QVERIFY2(store.open(m_url), qPrintable(store.errorString()));
        SessionStore sessions(store);
        QCOMPARE(sessions.sessions().size(), 1);
        const QString id = sessions.sessions().first().id;

        m_llm.enqueue(FakeLlmReply::withContent({ u"I'm here. "_s, u"We were planning Lisbon in May."_s }));
        const BatonRun handoff = onLaptop({ u"handoff"_s, id.left(8), u"--to"_s, u"telegram"_s, u"--json"_s });
        QVERIFY2(handoff.exitCode == 0, qPrintable(handoff.out + handoff.err));
        QCOMPARE(handoff.json().value("state"_L1).toString(), u"completed"_s);

        const QList<qint64> topics = m_telegram.topics(home);
        QCOMPARE(topics.size(), 1);
        QCOMPARE(
            handoff.json().value("destination"_L1).toString(), u"telegram:group:%1:%2"_s.arg(home).arg(topics.first()));
        QCOMPARE(m_telegram.botMessages(home, topics.first()),
            QStringList { u"I'm here. We were planning Lisbon in May."_s });
        // The synthetic turn on the gateway saw the transcript the laptop wrote.
        const QJsonArray seen = m_llm.requests().constLast().value("messages"_L1).toArray();
        QCOMPARE(seen.at(0)["content"_L1].toString(), u"plan a trip to Lisbon"_s);
        QCOMPARE(seen.at(1)["content"_L1].toString(), u"Lisbon in May is lovely."_s);

        const HandoffStatus row = *HandoffStore(store).handoffState(id);
        QCOMPARE(row.state, HandoffState::Completed);
        QVERIFY(m_topicCreatedAt >= row.requestedAt);
        qInfo().noquote() << u"handoff across two processes on PostgreSQL: request -> claim %1 ms, request -> topic "
                             "created at the fake Telegram %2 ms, request -> completed %3 ms"_s
                                 .arg(row.claimedAt - row.requestedAt)
                                 .arg(m_topicCreatedAt - row.requestedAt)
                                 .arg(row.finishedAt - row.requestedAt);

        // Ann answers on her phone; the laptop reads it from the store.
        m_llm.enqueue(FakeLlmReply::withContent({ u"Book the tram 28 early."_s }));
        m_telegram.userSends(ann, home, u"and what about trams?"_s, topics.first());
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram.botMessages(home, topics.first()).size(), 2, 20'000);
        const BatonRun list = onLaptop({ u"sessions"_s, u"list"_s });
        QCOMPARE(list.exitCode, 0);
        const int messages = sessions.session(id)->messageCount;
        QVERIFY(messages >= 5); // the laptop's exchange, the handoff's turn and the phone's
        const QStringList line = list.out.split(u'\n').filter(id.left(8));
        QCOMPARE(line.size(), 1);
        QVERIFY2(line.first().contains(QString::number(messages).rightJustified(5) + u"  "_s), qPrintable(list.out));
        const BatonRun show = onLaptop({ u"sessions"_s, u"show"_s, id.left(8) });
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains(u"and what about trams?"_s), qPrintable(show.out));
        QVERIFY2(show.out.contains(u"Book the tram 28 early."_s), qPrintable(show.out));
    }
};

QTEST_GUILESS_MAIN(TestSecondMachineE2E)
#include "tst_secondmachine_e2e.moc"
