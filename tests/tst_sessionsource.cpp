// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/sessionsource.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ChatType = SessionSource::ChatType;

/// The session key rules every adapter builds on (docs/architecture.md, "The handoff", step 3).
class TestSessionSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<int>("chatType");
        QTest::addColumn<QString>("chat");
        QTest::addColumn<QString>("thread");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("key");
        QTest::newRow("dm has no user") << u"telegram"_s << int(ChatType::Direct) << u"111"_s << QString() << u"111"_s
                                        << u"telegram:dm:111"_s;
        QTest::newRow("dm topic keeps the topic")
            << u"telegram"_s << int(ChatType::Direct) << u"111"_s << u"9"_s << u"111"_s << u"telegram:dm:111:9"_s;
        QTest::newRow("group without thread is per user") << u"telegram"_s << int(ChatType::Group) << u"-1001"_s
                                                          << QString() << u"222"_s << u"telegram:group:-1001:222"_s;
        QTest::newRow("forum topic is shared")
            << u"telegram"_s << int(ChatType::Group) << u"-1001"_s << u"7"_s << u"222"_s << u"telegram:group:-1001:7"_s;
        QTest::newRow("discord thread") << u"discord"_s << int(ChatType::Group) << u"555"_s << u"555"_s << u"9"_s
                                        << u"discord:group:555:555"_s;
        QTest::newRow("slack thread keeps channel and ts")
            << u"slack"_s << int(ChatType::Channel) << u"C01"_s << u"1712345678.000100"_s << u"U1"_s
            << u"slack:channel:C01:1712345678.000100"_s;
    }
    void keys()
    {
        QFETCH(QString, platform);
        QFETCH(int, chatType);
        QFETCH(QString, chat);
        QFETCH(QString, thread);
        QFETCH(QString, user);
        QFETCH(QString, key);
        const SessionSource source { platform, ChatType(chatType), chat, thread, user };
        QCOMPARE(source.sessionKey(), key);
    }

    void aThreadKeyIsTheSameForEveryone()
    {
        const SessionSource alice { u"slack"_s, ChatType::Channel, u"C01"_s, u"17.1"_s, u"U1"_s };
        const SessionSource bob { u"slack"_s, ChatType::Channel, u"C01"_s, u"17.1"_s, u"U2"_s };
        const SessionSource handoff { u"slack"_s, ChatType::Channel, u"C01"_s, u"17.1"_s, {} };
        QCOMPARE(alice.sessionKey(), bob.sessionKey());
        QCOMPARE(alice.sessionKey(), handoff.sessionKey());
    }

    // Take back and the sleep notice post where a handoff went: the key is read by the class that builds it.
    void aKeyReadsBackAsItsPlace_data() { keys_data(); }
    void aKeyReadsBackAsItsPlace()
    {
        QFETCH(QString, platform);
        QFETCH(int, chatType);
        QFETCH(QString, chat);
        QFETCH(QString, key);
        const auto place = SessionSource::fromSessionKey(key);
        QVERIFY(place);
        QCOMPARE(place->platform, platform);
        QCOMPARE(int(place->chatType), chatType);
        QCOMPARE(place->chatId, chat);
        QCOMPARE(place->sessionKey(), key);
        QVERIFY(place->userId.isEmpty());
    }

    void aThreadDestinationNamesItsThread()
    {
        const SessionSource thread { u"slack"_s, ChatType::Channel, u"C01"_s, u"1712345678.000100"_s, {} };
        const auto place = SessionSource::fromSessionKey(thread.sessionKey());
        QVERIFY(place);
        QCOMPARE(place->threadId, thread.threadId);
        QCOMPARE(SessionSource::fromSessionKey(u"telegram:dm:111"_s)->threadId, QString());
    }

    void keysNoSourceCouldHaveMadeAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("platform only") << u"telegram"_s;
        QTest::newRow("no chat") << u"telegram:dm"_s;
        QTest::newRow("empty chat") << u"telegram:dm::9"_s;
        QTest::newRow("unknown chat type") << u"telegram:room:111"_s;
        QTest::newRow("too many parts") << u"slack:channel:C01:17.1:U1"_s;
    }
    void keysNoSourceCouldHaveMadeAreRefused()
    {
        QFETCH(QString, key);
        QVERIFY(!SessionSource::fromSessionKey(key));
    }
};

QTEST_GUILESS_MAIN(TestSessionSource)
#include "tst_sessionsource.moc"
