// SPDX-License-Identifier: GPL-3.0-or-later
// A model's event stream: SseDecoder, fed in pieces cut where the input says, must give the events
// a plain reading of the text/event-stream format gives; each event's data then goes through
// ChatChunk::parse and the tool-call merge, whose lists stay bounded. A second mode writes a stream
// of content deltas and checks that exactly that text comes back.
#include "agent/chatchunk.h"
#include "agent/ssedecoder.h"
#include "fuzzcheck.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
// The events of @p stream read line by line, as SseDecoder documents: lines end in \n or \r\n,
// "data" fields (with or without a value) are joined with \n, an event ends at a blank line or at
// the end of the stream.
QList<QByteArray> referenceEvents(const QByteArray &stream)
{
    QList<QByteArray> events;
    QByteArray data;
    bool hasData = false;
    QList<QByteArray> lines = stream.split('\n');
    const bool unterminated = !lines.last().isEmpty();
    if (!unterminated)
        lines.removeLast();
    lines.append(QByteArray()); // the end of the stream ends the event
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            if (hasData)
                events.append(data);
            data.clear();
            hasData = false;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field != "data")
            continue;
        if (hasData)
            data += '\n';
        data += value;
        hasData = true;
    }
    return events;
}

QList<QByteArray> decodeInPieces(const QByteArray &stream, const uint8_t *cuts, size_t cutCount)
{
    SseDecoder decoder;
    QList<QByteArray> events;
    qsizetype at = 0;
    for (size_t i = 0; i < cutCount && at < stream.size(); ++i) {
        const qsizetype length = cuts[i] % 64;
        events += decoder.feed(stream.mid(at, length));
        at += length;
    }
    events += decoder.feed(stream.mid(at));
    events += decoder.finish();
    return events;
}

void parseAll(const QList<QByteArray> &events)
{
    QList<ToolCall> calls;
    qsizetype fragments = 0;
    for (const QByteArray &payload : events) {
        const ChatChunk chunk = ChatChunk::parse(payload);
        FUZZ_CHECK(chunk.kind != ChatChunk::Kind::Done || payload == "[DONE]", u"a Done that was not [DONE]"_s);
        if (chunk.hasToolCalls) {
            fragments += chunk.toolCalls.size();
            const qsizetype dropped = ChatChunks::mergeToolCalls(calls, chunk.toolCalls);
            FUZZ_CHECK(dropped >= 0 && dropped <= chunk.toolCalls.size(), u"dropped %1"_s.arg(dropped));
        }
        // An index past the end fills the gap with empty calls, but never beyond what a reply may hold.
        FUZZ_CHECK(calls.size() <= ChatChunks::maxToolCalls,
            u"%1 tool calls from %2 fragments"_s.arg(calls.size()).arg(fragments));
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const size_t cutCount = std::min<size_t>(data[1], size - 2);
    const uint8_t *cuts = data + 2;
    const QByteArray rest(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    if (data[0] % 2 == 0) {
        // The input is the stream.
        const QList<QByteArray> events = decodeInPieces(rest, cuts, cutCount);
        const QList<QByteArray> expected = referenceEvents(rest);
        FUZZ_CHECK(
            events == expected, u"%1 events where a plain reading finds %2"_s.arg(events.size()).arg(expected.size()));
        parseAll(events);
        return 0;
    }
    // The input is the text of content deltas, 0xff between them; the stream is written from it.
    const bool crlf = data[0] & 2;
    const QByteArray eol = crlf ? "\r\n"_ba : "\n"_ba;
    QByteArray stream = ": keep-alive"_ba + eol + eol;
    QString expected;
    for (const QByteArray &piece : rest.split('\xff')) {
        const QString content = QString::fromUtf8(piece);
        expected += content;
        const QJsonObject chunk { { "choices"_L1,
            QJsonArray {
                QJsonObject { { "index"_L1, 0 }, { "delta"_L1, QJsonObject { { "content"_L1, content } } } } } } };
        stream += "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + eol + eol;
    }
    stream += "data: [DONE]"_ba + eol + eol;
    QString text;
    bool done = false;
    for (const QByteArray &payload : decodeInPieces(stream, cuts, cutCount)) {
        const ChatChunk chunk = ChatChunk::parse(payload);
        FUZZ_CHECK(chunk.kind == ChatChunk::Kind::Delta || chunk.kind == ChatChunk::Kind::Done,
            u"an event of our own stream read as %1"_s.arg(int(chunk.kind)));
        FUZZ_CHECK(!done, u"an event after [DONE]"_s);
        done = chunk.kind == ChatChunk::Kind::Done;
        text += chunk.content;
    }
    FUZZ_CHECK(done, u"[DONE] was not seen"_s);
    FUZZ_CHECK(
        text == expected, u"the deltas give %1 units, the stream held %2"_s.arg(text.size()).arg(expected.size()));
    return 0;
}
