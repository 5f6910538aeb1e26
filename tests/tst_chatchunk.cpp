// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/chatchunk.h"

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
};

QTEST_GUILESS_MAIN(TestChatChunk)
#include "tst_chatchunk.moc"
