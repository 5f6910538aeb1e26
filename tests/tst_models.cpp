// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistmodel.h"
#include "segmentlistmodel.h"
#include "sessionlistmodel.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

/// Every model the window shows, under QAbstractItemModelTester and without a window: the
/// sidebar's sessions (inserts, a filter, deletes), one session's messages (a new session, rows
/// appended, a reply streamed into its row, rows written by another connection) and a message's
/// segments (code blocks growing while a reply streams). The tester fails the test on any
/// inconsistent signal or index; the spies check which kind of change each step is.
class TestModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;

    qint64 append(const QString &sessionId, MessageRole role, const QString &text, bool internal = false)
    {
        Message message;
        message.sessionId = sessionId;
        message.role = role;
        message.content = text;
        message.internal = internal;
        const auto result = m_sessions->appendMessage(message);
        return result ? result->id : 0;
    }
    [[nodiscard]] static QString text(const QAbstractItemModel &model, int row, int role)
    {
        return model.data(model.index(row, 0), role).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
    }
    void cleanup()
    {
        m_sessions.reset();
        m_store.reset();
    }

    void sessionListThroughCreateUpdateFilterAndDelete()
    {
        SessionListModel model(*m_sessions);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        const QString ferries = m_sessions->createSession(u"Ferries"_s, u"cli"_s);
        const QString taxes = m_sessions->createSession(u"Taxes"_s);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model, 0, SessionListModel::IdRole), taxes); // most recently active first

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // A message in the newest session: the same rows, their data changed; the view keeps its place.
        QVERIFY(append(taxes, MessageRole::User, u"what is due in April?"_s));
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.data(model.index(0, 0), SessionListModel::MessageCountRole).toInt(), 1);

        // A message in the older one moves it to the top: the order changed.
        QVERIFY(append(ferries, MessageRole::User, u"the ferry to Tallinn"_s));
        QCOMPARE(text(model, 0, SessionListModel::IdRole), ferries);
        QCOMPARE(reset.size(), 1);

        model.setFilter(u"tallinn"_s); // matched through the full-text index
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(ferries), 0);
        QCOMPARE(model.rowOf(taxes), -1);
        model.setFilter(u"tax"_s); // matched by title
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(text(model, 0, SessionListModel::TitleRole), u"Taxes"_s);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 2);

        QVERIFY(m_sessions->setTitle(taxes, QString()));
        QCOMPARE(text(model, model.rowOf(taxes), Qt::DisplayRole), u"New chat"_s);
        QVERIFY(m_sessions->deleteSession(ferries));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(m_sessions->deleteSession(taxes));
        QCOMPARE(model.rowCount(), 0);
    }

    void messageListThroughSessionsAppendsAndAStreamedReply()
    {
        const QString id = m_sessions->createSession(u"Ferries"_s);
        append(id, MessageRole::User, u"when does it leave?"_s);
        const QString other = m_sessions->createSession(u"Other"_s);
        MessageListModel model(*m_sessions);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSession(id);
        QCOMPARE(model.rowCount(), 1);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        append(other, MessageRole::User, u"not this session"_s);
        append(id, MessageRole::User, u"[internal]"_s, true); // a synthetic turn is never shown
        QCOMPARE(inserted.size(), 0);
        const qint64 reply = append(id, MessageRole::Assistant, QString());
        QVERIFY(reply);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 2);

        // The reply streams into its row: data changes only, gathered between flushes.
        model.appendDelta(reply, u"At "_s);
        QCOMPARE(model.data(model.index(1, 0), MessageListModel::StreamingRole).toBool(), true);
        model.appendDelta(reply, u"21:00, "_s);
        QTRY_COMPARE(text(model, 1, MessageListModel::ContentRole), u"At 21:00, "_s);
        model.appendDelta(reply, u"from pier 2.\n```sh\nferry --book"_s);
        QTRY_VERIFY(text(model, 1, MessageListModel::ContentRole).endsWith(u"--book"_s));
        const QVariantList segments = model.data(model.index(1, 0), MessageListModel::SegmentsRole).toList();
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments.at(1).toMap().value(u"code"_s).toBool(), true);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);

        // The stored final text replaces what streamed.
        QVERIFY(m_sessions->updateMessage(reply, u"At 21:00 from pier 2."_s, MessageStatus::Complete));
        QCOMPARE(text(model, 1, MessageListModel::ContentRole), u"At 21:00 from pier 2."_s);
        QCOMPARE(model.data(model.index(1, 0), MessageListModel::StreamingRole).toBool(), false);
        QVERIFY(changed.size() >= 3);

        // A delta for a row this view does not show changes nothing.
        const int changes = int(changed.size());
        model.appendDelta(999'999, u"stray"_s);
        QCOMPARE(changed.size(), changes);

        model.setSession(other);
        QCOMPARE(model.rowCount(), 1);
        model.setSession({});
        QCOMPARE(model.rowCount(), 0);
    }

    void messageListReadsRowsWrittenElsewhere()
    {
        const QString id = m_sessions->createSession(u"Ferries"_s);
        append(id, MessageRole::User, u"one"_s);
        MessageListModel model(*m_sessions);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setSession(id);
        // Another process (the gateway) writes through its own connection: no signal reaches us.
        Database otherDb;
        QVERIFY(otherDb.open(m_store->path()));
        SessionStore elsewhere(otherDb);
        Message reply;
        reply.sessionId = id;
        reply.role = MessageRole::Assistant;
        reply.content = u"two"_s;
        const auto stored = elsewhere.appendMessage(reply);
        QVERIFY(stored);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(elsewhere.updateMessage(stored->id, u"two, edited"_s, MessageStatus::Complete));
        model.refresh();
        QCOMPARE(text(model, 1, MessageListModel::ContentRole), u"two, edited"_s);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(elsewhere.deleteSession(id));
        model.refresh(); // rows gone: the tester checks the reset
        QCOMPARE(model.rowCount(), 0);
    }

    void segmentsGrowChangeAndShrink()
    {
        SegmentListModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        const auto prose = [](const QString &t) {
            return QVariantMap { { u"code"_s, false }, { u"text"_s, t }, { u"language"_s, QString() } };
        };
        const auto code = [](const QString &t) {
            return QVariantMap { { u"code"_s, true }, { u"text"_s, t }, { u"language"_s, u"sh"_s } };
        };
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSegments({ prose(u"Run"_s) });
        model.setSegments({ prose(u"Run this:"_s), code(u"ls"_s) });
        model.setSegments({ prose(u"Run this:"_s), code(u"ls -l"_s), prose(u"Done."_s) });
        QCOMPARE(model.count(), 3);
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(changed.size(), 2); // "Run" -> "Run this:", "ls" -> "ls -l"; the rest kept its row
        const int before = int(changed.size());
        model.setSegments({ prose(u"Run this:"_s), code(u"ls -l"_s), prose(u"Done."_s) });
        QCOMPARE(changed.size(), before); // the same list: nothing
        model.setSegments({ code(u"Run this:"_s) }); // prose became code, two rows went
        QCOMPARE(model.count(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(changed.constLast().at(2).value<QList<int>>(), QList<int> {}); // every role: another delegate
        model.setSegments({});
        QCOMPARE(model.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
