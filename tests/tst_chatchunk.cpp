// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/chatchunk.h"
#include "agent/replymeter.h"
#include "agent/thinksplitter.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestChatChunk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsADelta()
    {
        const ChatChunk chunk = ChatChunk::parse("{\"choices\":[{\"delta\":{\"content\":\"Hi\",\"reasoning\":\"r1\","
                                                 "\"reasoning_content\":\"r2\"},\"finish_reason\":\"stop\"}],"
                                                 "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}");
        QCOMPARE(chunk.kind, ChatChunk::Kind::Delta);
        QCOMPARE(chunk.content, u"Hi"_s);
        QCOMPARE(chunk.reasoning, (QStringList { u"r1"_s, u"r2"_s }));
        QVERIFY(chunk.hasFinishReason);
        QCOMPARE(chunk.finishReason, u"stop"_s);
        QVERIFY(chunk.hasUsage);
        QCOMPARE(chunk.promptTokens, 3);
        QCOMPARE(chunk.completionTokens, 1);
    }

    void readsDoneErrorsAndNonsense()
    {
        QCOMPARE(ChatChunk::parse("[DONE]").kind, ChatChunk::Kind::Done);
        const ChatChunk error = ChatChunk::parse("{\"error\":{\"message\":\"overloaded\"}}");
        QCOMPARE(error.kind, ChatChunk::Kind::Error);
        QCOMPARE(error.error, u"overloaded"_s);
        QCOMPARE(ChatChunk::parse("{not json").kind, ChatChunk::Kind::Malformed);
        QCOMPARE(ChatChunk::parse("[1,2]").kind, ChatChunk::Kind::Malformed);
    }

    void mergesToolCallFragments()
    {
        QList<ToolCall> calls;
        const auto fragments = [](const char *json) { return ChatChunk::parse(json).toolCalls; };
        ChatChunks::mergeToolCalls(calls,
            fragments("{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":"
                      "\"f\",\"arguments\":\"{\\\"x\\\"\"}},"
                      "{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}}]}"));
        ChatChunks::mergeToolCalls(calls,
            fragments(
                "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]}}]}"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).id, u"a"_s);
        QCOMPARE(calls.at(0).name, u"f"_s);
        QCOMPARE(calls.at(0).arguments, u"{\"x\":1}"_s);
        QCOMPARE(calls.at(1).arguments, u"{}"_s);
    }

    // Found with tests/fuzz/fuzz_ssestream: a fragment's index made the list grow to that size, so
    // "index": 2000000000 hung the stream for minutes and gigabytes.
    void aHugeToolCallIndexIsDropped()
    {
        QList<ToolCall> calls;
        const QJsonArray fragments = ChatChunk::parse("{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":2000000000,"
                                                      "\"id\":\"x\"},{\"index\":0,\"id\":\"a\"}]}}]}")
                                         .toolCalls;
        QCOMPARE(ChatChunks::mergeToolCalls(calls, fragments), 1);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.at(0).id, u"a"_s);
        QCOMPARE(ChatChunks::mergeToolCalls(
                     calls, QJsonArray { QJsonObject { { u"index"_s, ChatChunks::maxToolCalls - 1 } } }),
            0);
        QCOMPARE(calls.size(), ChatChunks::maxToolCalls);
    }

    // What a splitter makes of @p deltas, fed one by one, then the end of the stream.
    static ThinkSplitter::Parts split(const QStringList &deltas, bool cut = false)
    {
        ThinkSplitter splitter;
        ThinkSplitter::Parts all;
        for (const QString &delta : deltas) {
            const ThinkSplitter::Parts parts = splitter.feed(delta);
            all.content += parts.content;
            all.reasoning += parts.reasoning;
        }
        if (!cut) {
            const ThinkSplitter::Parts rest = splitter.finish();
            all.content += rest.content;
            all.reasoning += rest.reasoning;
        }
        return all;
    }

    void aLeadingThinkBlockIsReasoning_data()
    {
        QTest::addColumn<QStringList>("deltas");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("reasoning");
        QTest::newRow("whole") << QStringList { u"<think>plan</think>\n\nThe answer."_s } << u"The answer."_s
                               << u"plan"_s;
        QTest::newRow("tags split") << QStringList { u"<th"_s, u"ink>pl"_s, u"an</thi"_s, u"nk>"_s, u"\n"_s, u"The "_s,
            u"answer."_s } << u"The answer."_s
                                    << u"plan"_s;
        QTest::newRow("one character at a time")
            << u"\n<think>a<b</think>ok"_s.split(QString(), Qt::SkipEmptyParts) << u"ok"_s << u"a<b"_s;
        QTest::newRow("no block") << QStringList { u"<"_s, u"b>bold</b>"_s } << u"<b>bold</b>"_s << QString();
        QTest::newRow("a later tag is text") << QStringList { u"Use "_s, u"<think>"_s, u" here</think>"_s }
                                             << u"Use <think> here</think>"_s << QString();
        QTest::newRow("only the start of a tag") << QStringList { u"<thi"_s } << u"<thi"_s << QString();
        QTest::newRow("blank lines without end are no tag")
            << QStringList { QString(2000, u'\n'), u"<think>x</think>"_s }
            << QString(2000, u'\n') + u"<think>x</think>"_s << QString();
        QTest::newRow("unterminated") << QStringList { u"<think>still"_s, u" thinking</thi"_s } << QString()
                                      << u"still thinking</thi"_s;
    }

    void aLeadingThinkBlockIsReasoning()
    {
        QFETCH(QStringList, deltas);
        QFETCH(QString, content);
        QFETCH(QString, reasoning);
        const ThinkSplitter::Parts parts = split(deltas);
        QCOMPARE(parts.content, content);
        QCOMPARE(parts.reasoning, reasoning);
    }

    void nothingOfATagLeaksBeforeItIsClear()
    {
        // Mid-stream, a possible tag is held back rather than shown and taken back.
        const ThinkSplitter::Parts parts = split({ u"<think>plan</th"_s }, true);
        QCOMPARE(parts.reasoning, u"plan"_s);
        QVERIFY(parts.content.isEmpty());
        QVERIFY(split({ u"  <thin"_s }, true).content.isEmpty());
    }

    void reportedUsageIsKept()
    {
        const ChatChunk usage = ChatChunk::parse(
            R"({"id":"x","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":101,"total_tokens":121}})");
        QVERIFY(usage.hasUsage);
        ReplyMeter meter;
        meter.tokenAt(1'000);
        meter.tokenAt(3'500);
        meter.setUsage(usage.promptTokens, usage.completionTokens);
        const ReplyStats stats = meter.stats(u"answer"_s, u"reasoning"_s);
        QCOMPARE(stats.promptTokens, 20);
        QCOMPARE(stats.completionTokens, 101);
        QVERIFY(!stats.estimated);
        QCOMPARE(stats.tokensPerSecond, 40.0); // 100 gaps in 2.5 s: the wait before the first token is not counted
        QCOMPARE(stats.reasoning, u"reasoning"_s);
    }

    void withoutUsageTheCountIsEstimated()
    {
        ReplyMeter meter;
        meter.tokenAt(0);
        meter.tokenAt(1'000);
        const ReplyStats stats = meter.stats(QString(40, u'a'), QString(3, u'b'));
        QVERIFY(stats.estimated);
        QCOMPARE(stats.completionTokens, 11); // 43 characters at four a token, rounded up
        QCOMPARE(stats.tokensPerSecond, 10.0);

        ReplyMeter oneDelta;
        oneDelta.tokenAt(5);
        QCOMPARE(oneDelta.stats(u"hi"_s, {}).tokensPerSecond, 0.0); // no span, no speed
        QVERIFY(ReplyMeter().stats({}, {}).isEmpty()); // nothing arrived: nothing to keep
    }
};

QTEST_GUILESS_MAIN(TestChatChunk)
#include "tst_chatchunk.moc"
