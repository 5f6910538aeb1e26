// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ssedecoder.h"

#include <QTest>

class TestSseDecoder : public QObject
{
    Q_OBJECT

private:
    static QList<QByteArray> decodeInPieces(const QByteArray &stream, qsizetype pieceSize)
    {
        SseDecoder decoder;
        QList<QByteArray> events;
        for (qsizetype at = 0; at < stream.size(); at += pieceSize)
            events += decoder.feed(stream.mid(at, pieceSize));
        events += decoder.finish();
        return events;
    }

private Q_SLOTS:
    void splitsAnywhereGiveTheSameEvents_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("lf") << QByteArray(
            "data: {\"a\":1}\n\n: keep-alive\n\ndata: {\"b\":\"x y\"}\n\ndata: [DONE]\n\n");
        QTest::newRow("crlf") << QByteArray(
            "data: {\"a\":1}\r\n\r\n: keep-alive\r\n\r\ndata: {\"b\":\"x y\"}\r\n\r\ndata: [DONE]\r\n\r\n");
    }
    void splitsAnywhereGiveTheSameEvents()
    {
        QFETCH(QByteArray, stream);
        const QList<QByteArray> expected { "{\"a\":1}", "{\"b\":\"x y\"}", "[DONE]" };
        for (qsizetype piece = 1; piece <= stream.size(); ++piece)
            QCOMPARE(decodeInPieces(stream, piece), expected);
        // Every split point, including between \r and \n.
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseDecoder decoder;
            QList<QByteArray> events = decoder.feed(stream.left(cut));
            events += decoder.feed(stream.mid(cut));
            events += decoder.finish();
            QCOMPARE(events, expected);
        }
    }

    void commentsAndOtherFieldsAreDropped()
    {
        SseDecoder decoder;
        const auto events = decoder.feed(": OPENROUTER PROCESSING\n\nevent: message\nid: 7\nretry: 10\n"
                                         "dataset: not data\ndata: payload\n\n");
        QCOMPARE(events, QList<QByteArray> { "payload" });
    }

    void multiLineDataIsJoined()
    {
        SseDecoder decoder;
        QCOMPARE(decoder.feed("data: first\ndata:second\n\n"), QList<QByteArray> { "first\nsecond" });
    }

    void emptyDataIsAnEvent()
    {
        SseDecoder decoder;
        QCOMPARE(decoder.feed("data:\n\n"), QList<QByteArray> { QByteArray() });
    }

    // Found by tests/fuzz/fuzz_ssestream: a bare "data" line (a field without a colon, whose value
    // is empty) was sliced one byte past its end; the sanitize test's build asserts on that.
    void dataWithoutColonIsAnEmptyValue()
    {
        SseDecoder decoder;
        QCOMPARE(decoder.feed("data\n\n"), QList<QByteArray> { QByteArray() });
        QCOMPARE(decoder.feed("data\ndata: x\n\n"), QList<QByteArray> { "\nx" });
        QVERIFY(decoder.feed("data").isEmpty());
        QCOMPARE(decoder.finish(), QList<QByteArray> { QByteArray() });
    }

    void finishFlushesAnUnterminatedEvent()
    {
        SseDecoder decoder;
        QVERIFY(decoder.feed("data: tail").isEmpty());
        QCOMPARE(decoder.finish(), QList<QByteArray> { "tail" });
        QVERIFY(decoder.finish().isEmpty());
    }

    void anOverlongLineStopsTheDecoder()
    {
        SseDecoder decoder;
        QCOMPARE(decoder.feed("data: {\"a\":1}\n\n"), QList<QByteArray> { "{\"a\":1}" });
        QVERIFY(decoder.feed(QByteArray(SseDecoder::maxLineBytes / 2, 'x')).isEmpty());
        QVERIFY(!decoder.overflowed());
        QVERIFY(decoder.feed(QByteArray(SseDecoder::maxLineBytes / 2 + 1, 'x')).isEmpty());
        QVERIFY(decoder.overflowed());
        QVERIFY(decoder.feed("\n\ndata: {\"b\":2}\n\n").isEmpty()); // nothing after the cap is trusted
        QVERIFY(decoder.finish().isEmpty());
    }

    void manyDataLinesOfOneEventAreCappedToo()
    {
        SseDecoder decoder;
        const QByteArray line = "data: " + QByteArray(1000, 'y') + "\n";
        for (int i = 0; i < 1100 && !decoder.overflowed(); ++i)
            QVERIFY(decoder.feed(line).isEmpty());
        QVERIFY(decoder.overflowed());
    }
};

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "tst_ssedecoder.moc"
