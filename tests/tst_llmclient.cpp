// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/chatstream.h"
#include "agent/llmclient.h"
#include "fakellmserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// Defined after the class: moc's tokenizer loses its way in raw strings that hold \".
QByteArrayList fragmentedToolCalls();
QByteArrayList wholeToolCalls();

/// The streaming client against the fake OpenAI-compatible server, edge case by edge case.
class TestLlmClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<LlmClient> m_client;
    const QString m_key = u"sk-test-91f0"_s;

    ChatRequest request() const
    {
        ChatRequest r;
        r.baseUrl = m_server->baseUrl();
        r.apiKey = m_key;
        r.model = u"fake-model"_s;
        r.messages = { QJsonObject { { "role"_L1, "user"_L1 }, { "content"_L1, "hi"_L1 } } };
        r.retryBaseDelayMs = 10;
        return r;
    }

    // Runs one stream to its end; the caller owns the result.
    std::unique_ptr<ChatStream> run(
        const ChatRequest &r, QStringList *deltas = nullptr, QStringList *reasoning = nullptr)
    {
        std::unique_ptr<ChatStream> stream(m_client->startChat(r));
        if (deltas)
            connect(stream.get(), &ChatStream::deltaReceived, this, [deltas](const QString &d) { *deltas << d; });
        if (reasoning)
            connect(
                stream.get(), &ChatStream::reasoningReceived, this, [reasoning](const QString &d) { *reasoning << d; });
        QSignalSpy finished(stream.get(), &ChatStream::finished);
        finished.wait(10'000);
        return stream;
    }
    std::unique_ptr<ChatStream> run(QStringList *deltas = nullptr) { return run(request(), deltas); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeLlmServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<LlmClient>(m_network.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_server.reset();
    }

    void streamsDeltasInOrder()
    {
        m_server->enqueue(FakeLlmReply::withContent({ u"Hel"_s, u"lo, "_s, u"wörld"_s }));
        QStringList deltas;
        const auto stream = run(&deltas);
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(deltas, (QStringList { u"Hel"_s, u"lo, "_s, u"wörld"_s }));
        QCOMPARE(stream->text(), u"Hello, wörld"_s);
        QCOMPARE(stream->finishReason(), u"stop"_s);
        QVERIFY(stream->errorString().isEmpty());
    }

    void sendsTheRequestTheServerExpects()
    {
        ChatRequest r = request();
        r.includeUsage = true;
        const auto stream = run(r);
        QCOMPARE(m_server->requests().size(), 1);
        const QJsonObject body = m_server->requests().first();
        QCOMPARE(body.value("model"_L1).toString(), u"fake-model"_s);
        QCOMPARE(body.value("stream"_L1).toBool(), true);
        QCOMPARE(body.value("stream_options"_L1).toObject().value("include_usage"_L1).toBool(), true);
        QCOMPARE(body.value("messages"_L1).toArray().size(), 1);
        QCOMPARE(m_server->authorizations().first(), "Bearer " + m_key.toUtf8());

        r.apiKey.clear();
        r.includeUsage = false;
        r.baseUrl = QUrl(m_server->baseUrl().toString() + u'/'); // a trailing slash must not double
        const auto second = run(r);
        QCOMPARE(second->outcome(), ChatStream::Outcome::Complete);
        QVERIFY(m_server->authorizations().at(1).isEmpty());
        QVERIFY(!m_server->requests().at(1).contains("stream_options"_L1));
    }

    void survivesSplitsCrlfAndKeepAlives()
    {
        FakeLlmReply hostile = FakeLlmReply::withContent({ u"one "_s, u"two "_s, u"three"_s });
        hostile.splitBytes = 3;
        hostile.crlf = true;
        hostile.keepAliveComments = true;
        m_server->enqueue(hostile);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->text(), u"one two three"_s);
    }

    void reasoningAndUsage()
    {
        FakeLlmReply r = FakeLlmReply::withContent({ u"42"_s });
        r.reasoning = { u"Let me "_s, u"think."_s };
        r.usageChunk = true;
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->reasoning(), u"Let me think."_s);
        QCOMPARE(stream->text(), u"42"_s);
        QCOMPARE(stream->promptTokens(), 12);
        QCOMPARE(stream->completionTokens(), 1);

        FakeLlmReply llamaCpp;
        llamaCpp.rawEvents = { R"({"choices":[{"index":0,"delta":{"reasoning_content":"hmm"}}]})",
            R"({"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]})",
            R"({"choices":null,"usage":{"prompt_tokens":3,"completion_tokens":1}})" };
        llamaCpp.finishReason.clear();
        m_server->enqueue(llamaCpp);
        const auto second = run();
        QCOMPARE(second->reasoning(), u"hmm"_s);
        QCOMPARE(second->text(), u"ok"_s);
        QCOMPARE(second->outcome(), ChatStream::Outcome::Complete);
    }

    void thinkingIsKeptApartFromTheAnswer()
    {
        m_server->setThinking(true);
        ChatRequest r = request();
        r.includeUsage = true;
        QStringList deltas;
        QStringList reasoning;
        const auto stream = run(r, &deltas, &reasoning);
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->text(), u"You said: hi"_s);
        QCOMPARE(deltas.join(QString()), u"You said: hi"_s);
        QCOMPARE(stream->reasoning(), u"The person wrote something; I will echo it."_s);
        QCOMPARE(reasoning.join(QString()), stream->reasoning());
        const ReplyStats stats = stream->stats();
        QVERIFY(!stats.estimated);
        QCOMPARE(stats.completionTokens, 9); // what the usage chunk said: 7 content and 2 reasoning deltas
        QCOMPARE(stats.promptTokens, 12);
    }

    void aCutThinkBlockStaysReasoning()
    {
        FakeLlmReply cut = FakeLlmReply::withContent({ u"<think>one"_s, u" two</th"_s });
        cut.truncate = true;
        m_server->enqueue(cut);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Partial);
        QCOMPARE(stream->reasoning(), u"one two</th"_s);
        QVERIFY(stream->text().isEmpty());
        QVERIFY(stream->stats().estimated);
    }

    void aServerRefusingStreamOptionsIsAskedAgainWithout()
    {
        m_server->setRejectStreamOptions(true);
        ChatRequest r = request();
        r.includeUsage = true;
        const auto stream = run(r);
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->text(), u"You said: hi"_s);
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(m_server->requests().at(0).contains("stream_options"_L1));
        QVERIFY(!m_server->requests().at(1).contains("stream_options"_L1));
        const ReplyStats stats = stream->stats();
        QVERIFY(stats.estimated);
        QCOMPARE(stats.completionTokens, ReplyMeter::estimateTokens(stream->text().size()));

        // A 400 for another reason is the answer: no second request.
        m_server->setRejectStreamOptions(false);
        FakeLlmReply refused;
        refused.httpStatus = 400;
        refused.errorBody = R"({"error":{"message":"context too long"}})";
        m_server->enqueue(refused);
        const auto second = run(r);
        QCOMPARE(second->outcome(), ChatStream::Outcome::Failed);
        QVERIFY2(second->errorString().contains(u"context too long"_s), qPrintable(second->errorString()));
        QCOMPARE(m_server->requests().size(), 3);
        QVERIFY(m_server->requests().at(2).contains("stream_options"_L1));
    }

    void toolCallFragmentsAreAccumulated()
    {
        FakeLlmReply r;
        r.rawEvents = fragmentedToolCalls();
        r.finishReason.clear();
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->finishReason(), u"tool_calls"_s);
        const QList<ToolCall> calls = stream->toolCalls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).id, u"call_a"_s);
        QCOMPARE(calls.at(0).name, u"weather"_s);
        QCOMPARE(calls.at(0).arguments, u"{\"city\":\"Oslo\"}"_s);
        QCOMPARE(calls.at(1).name, u"time"_s);

        // Some servers omit the index and send each call whole.
        FakeLlmReply whole;
        whole.rawEvents = wholeToolCalls();
        whole.finishReason.clear();
        m_server->enqueue(whole);
        const auto second = run();
        QCOMPARE(second->toolCalls().size(), 2);
        QCOMPARE(second->toolCalls().at(0).arguments, u"{\"x\":1}"_s);
        QCOMPARE(second->toolCalls().at(1).id, u"c2"_s);
    }

    void midStreamErrorKeepsTheText()
    {
        FakeLlmReply r = FakeLlmReply::withContent({ u"Partial answer"_s });
        r.midStreamError = R"({"error":{"message":"upstream overloaded","code":502}})";
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Failed);
        QCOMPARE(stream->text(), u"Partial answer"_s);
        QVERIFY2(stream->errorString().contains(u"upstream overloaded"_s), qPrintable(stream->errorString()));
        QCOMPARE(m_server->requests().size(), 1);
    }

    // A server that never ends a line must not grow a buffer without end: the stream stops at
    // the cap with what came before it kept.
    void anEndlessLineEndsTheStreamAndKeepsTheText()
    {
        FakeLlmReply r;
        r.rawEvents = { R"({"choices":[{"index":0,"delta":{"content":"Partial answer"}}]})",
            QByteArray(SseDecoder::maxLineBytes + 1024, 'x') };
        r.splitBytes = 256 * 1024;
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Partial);
        QCOMPARE(stream->text(), u"Partial answer"_s);
        QVERIFY2(stream->errorString().contains(u"longer than 1 MiB"_s), qPrintable(stream->errorString()));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void anEndlessReplyStopsAtTheCap()
    {
        const QString chunk(1'000'000, u'a');
        m_server->enqueue(FakeLlmReply::withContent({ chunk, chunk, chunk, chunk, chunk, chunk }));
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Partial);
        QVERIFY(stream->text().size() > ChatStream::maxReplyChars);
        QVERIFY(stream->text().size() <= ChatStream::maxReplyChars + chunk.size());
        QVERIFY2(stream->errorString().contains(u"Baton stopped it there"_s), qPrintable(stream->errorString()));
    }

    void truncationIsPartialAndNeverRetried()
    {
        FakeLlmReply r = FakeLlmReply::withContent({ u"The answer"_s });
        r.truncate = true;
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Partial);
        QCOMPARE(stream->text(), u"The answer"_s);
        QCOMPARE(stream->errorString(), u"The reply was cut off before it finished."_s);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void rejectedKeyIsASentenceWithoutTheKey()
    {
        FakeLlmReply denied;
        denied.httpStatus = 401;
        denied.errorBody = R"({"error":{"message":"Invalid API key","type":"invalid_request_error"}})";
        m_server->enqueue(denied);
        std::unique_ptr<ChatStream> stream(m_client->startChat(request()));
        QSignalSpy errors(stream.get(), &ChatStream::errorOccurred);
        QSignalSpy finished(stream.get(), &ChatStream::finished);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Failed);
        QCOMPARE(stream->errorString(),
            u"The model endpoint rejected the API key (401): Invalid API key. Set it with `baton secret set "
            "llm.api_key`."_s);
        QVERIFY(!stream->errorString().contains(m_key));
        QCOMPARE(m_server->requests().size(), 1); // 401 is never retried
    }

    void notFoundNamesTheModel()
    {
        FakeLlmReply missing;
        missing.httpStatus = 404;
        missing.errorBody = "model 'fake-model' not found"; // not even JSON, as some proxies answer
        m_server->enqueue(missing);
        const auto stream = run();
        QVERIFY2(stream->errorString().contains(u"answered 404 (model 'fake-model' not found)"_s),
            qPrintable(stream->errorString()));
        QVERIFY(stream->errorString().contains(u"Check base_url and the model name 'fake-model'"_s));
    }

    void serverErrorsAndRateLimitsAreRetriedBeforeTheFirstToken()
    {
        FakeLlmReply busy;
        busy.httpStatus = 503;
        busy.errorBody = R"({"error":{"message":"loading model"}})";
        FakeLlmReply limited;
        limited.httpStatus = 429;
        limited.errorBody = R"({"error":{"message":"slow down"}})";
        m_server->enqueue(busy);
        m_server->enqueue(limited);
        m_server->enqueue(FakeLlmReply::withContent({ u"finally"_s }));
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->text(), u"finally"_s);
        QCOMPARE(stream->attempts(), 3);
        QCOMPARE(m_server->requests().size(), 3);
    }

    void oddRetryAfterValuesNeverHangOrSpin()
    {
        // Retry-After: -1 once made a timer that never fired: the turn hung with no answer.
        FakeLlmReply negative;
        negative.httpStatus = 429;
        negative.errorBody = R"({"error":{"message":"slow down"}})";
        negative.retryAfter = "-1";
        for (int i = 0; i < 4; ++i)
            m_server->enqueue(negative);
        QElapsedTimer clock;
        clock.start();
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Failed);
        QCOMPARE(stream->attempts(), 4);
        QVERIFY2(clock.elapsed() >= 2'500, qPrintable(QString::number(clock.elapsed()))); // 1 s floors, no spin
        QVERIFY2(stream->errorString().contains(u"slow down"_s), qPrintable(stream->errorString()));

        FakeLlmReply absurd = negative;
        absurd.retryAfter = "1000000000";
        m_server->enqueue(absurd);
        const auto once = run();
        QCOMPARE(once->outcome(), ChatStream::Outcome::Failed);
        QCOMPARE(once->attempts(), 1);
        QVERIFY2(once->errorString().contains(u"It asked to wait 1000000000 s"_s), qPrintable(once->errorString()));
    }

    void retriesGiveUpWithTheLastSentence()
    {
        FakeLlmReply busy;
        busy.httpStatus = 500;
        busy.errorBody = R"({"message":"internal"})";
        for (int i = 0; i < 4; ++i)
            m_server->enqueue(busy);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Failed);
        QCOMPARE(stream->attempts(), 4); // the first try and maxRetries = 3
        QCOMPARE(stream->errorString(), u"The model endpoint answered 500: internal"_s);
    }

    void droppedConnectionIsRetried()
    {
        FakeLlmReply dropped;
        dropped.dropBeforeHeaders = true;
        m_server->enqueue(dropped);
        m_server->enqueue(FakeLlmReply::withContent({ u"back"_s }));
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->text(), u"back"_s);
    }

    void unreachableServerSaysSo()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        ChatRequest r = request();
        r.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
        r.maxRetries = 1;
        const auto stream = run(r);
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Failed);
        QVERIFY2(
            stream->errorString().startsWith(u"Cannot reach the model endpoint at http://127.0.0.1:%1/v1"_s.arg(port)),
            qPrintable(stream->errorString()));
        QVERIFY(stream->errorString().endsWith(u"Is the server running?"_s));
        QCOMPARE(stream->attempts(), 2);
    }

    void cancelStopsAtOnceAndKeepsTheText()
    {
        FakeLlmReply slow = FakeLlmReply::withContent({ u"first "_s, u"second "_s, u"third"_s });
        slow.chunkDelayMs = 2'000;
        m_server->enqueue(slow);
        std::unique_ptr<ChatStream> stream(m_client->startChat(request()));
        QSignalSpy deltas(stream.get(), &ChatStream::deltaReceived);
        QSignalSpy finished(stream.get(), &ChatStream::finished);
        QVERIFY(deltas.wait(10'000));
        stream->cancel();
        QCOMPARE(finished.size(), 1); // at once, not at the next chunk
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Cancelled);
        QCOMPARE(stream->text(), u"first "_s);
        // Whatever cancel() set in motion (the aborted reply, queued signals) is delivered now.
        QCoreApplication::sendPostedEvents();
        QCOMPARE(finished.size(), 1);
    }

    void lengthLimitIsCompleteButNoted()
    {
        FakeLlmReply r = FakeLlmReply::withContent({ u"long"_s });
        r.finishReason = u"length"_s;
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QVERIFY(stream->truncatedByLength());
    }

    void malformedEventsAreSkipped()
    {
        FakeLlmReply r;
        r.rawEvents = { "{not json", R"({"choices":[{"delta":{"content":"fine"},"finish_reason":"stop"}]})" };
        r.finishReason.clear();
        m_server->enqueue(r);
        const auto stream = run();
        QCOMPARE(stream->outcome(), ChatStream::Outcome::Complete);
        QCOMPARE(stream->text(), u"fine"_s);
    }

private:
    // Listing models: the one way the window, Settings and `baton doctor` ask.
    struct Listing
    {
        QList<QStringList> listed;
        QStringList failed;
    };
    Listing list(const QString &baseUrl, const QString &key)
    {
        Listing answers;
        QSignalSpy listed(m_client.get(), &LlmClient::modelsListed);
        QSignalSpy failed(m_client.get(), &LlmClient::modelsFailed);
        m_client->listModels(baseUrl, key);
        if (!QTest::qWaitFor([&] { return listed.size() + failed.size() > 0; }, 20'000))
            return answers;
        for (const auto &args : listed)
            answers.listed << args.at(0).toStringList();
        for (const auto &args : failed)
            answers.failed << args.at(0).toString();
        return answers;
    }

private Q_SLOTS:
    void listModelsNamesWhatTheServerOffers()
    {
        m_server->setModels({ u"llama3"_s, u"qwen2.5-coder"_s, u"fake-model"_s });
        const Listing answers = list(m_server->baseUrl().toString() + u"/"_s, m_key);
        QCOMPARE(answers.failed, QStringList());
        QCOMPARE(answers.listed, (QList<QStringList> { { u"llama3"_s, u"qwen2.5-coder"_s, u"fake-model"_s } }));
        QCOMPARE(m_server->modelsAuthorizations(), (QList<QByteArray> { "Bearer " + m_key.toUtf8() }));
        QCOMPARE(LlmClient::listedSentence(answers.listed.value(0), u"llama3"_s),
            u"The model endpoint answered: 3 models available."_s);
        QCOMPARE(LlmClient::listedSentence({ u"a"_s }, u"b"_s),
            u"The model endpoint answered: 1 model available, but none is called 'b'."_s);
    }

    void listModelsWithoutAKeySendsNoAuthorization()
    {
        const Listing answers = list(m_server->baseUrl().toString(), {});
        QCOMPARE(answers.listed, (QList<QStringList> { { u"fake-model"_s } }));
        QCOMPARE(m_server->modelsAuthorizations(), (QList<QByteArray> { QByteArray() }));
    }

    void listModelsSaysWhyTheServerRefused_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("rejected key, echoed")
            << 401 << R"({"error":{"message":"Incorrect API key sk-test-91f0"}})"_ba << m_key
            << u"The model endpoint rejected the API key (401): Incorrect API key …."_s;
        QTest::newRow("no key") << 401 << R"({"error":{"message":"auth required"}})"_ba << QString()
                                << u"The model endpoint wants an API key (401): auth required."_s;
        QTest::newRow("server error") << 500 << R"({"error":"overloaded"})"_ba << m_key
                                      << u"The model endpoint answered 500: overloaded."_s;
    }
    void listModelsSaysWhyTheServerRefused()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, key);
        QFETCH(QString, sentence);
        m_server->setModelsError(status, body);
        const Listing answers = list(m_server->baseUrl().toString(), key);
        QCOMPARE(answers.listed, QList<QStringList>());
        QCOMPARE(answers.failed, QStringList { sentence });
    }

    void listModelsSaysWhenTheAddressIsNotAModelEndpoint()
    {
        // The server's root: a 404 with a hint about /v1.
        QUrl root = m_server->baseUrl();
        root.setPath(QString());
        const Listing answers = list(root.toString(), m_key);
        QCOMPARE(answers.failed.size(), 1);
        QVERIFY2(answers.failed.at(0).contains(u"answered 404"_s) && answers.failed.at(0).contains(u"/v1"_s),
            qPrintable(answers.failed.at(0)));
        QCOMPARE(list(u"ftp://example.org/v1"_s, m_key).failed,
            QStringList {
                u"The model endpoint must be an http:// or https:// address, like http://127.0.0.1:11434/v1."_s });
    }

    void listModelsSaysTheEndpointIsUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const Listing answers = list(u"http://127.0.0.1:%1/v1"_s.arg(port), m_key);
        QCOMPARE(answers.listed, QList<QStringList>());
        QCOMPARE(answers.failed,
            QStringList { u"Cannot reach the model endpoint at http://127.0.0.1:%1/v1: the connection was refused. Is "
                          "the server running?"_s.arg(port) });
    }
};

QByteArrayList fragmentedToolCalls()
{
    return {
        R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"weather","arguments":""}}]}}]})",
        R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}}]})",
        R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"time","arguments":"{}"}}]}}]})",
        R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Oslo\"}"}}]}}]})",
        R"({"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]})",
    };
}

QByteArrayList wholeToolCalls()
{
    return {
        R"({"choices":[{"delta":{"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}}]}}]})",
        R"({"choices":[{"delta":{"tool_calls":[{"id":"c2","type":"function","function":{"name":"g","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})",
    };
}

QTEST_GUILESS_MAIN(TestLlmClient)
#include "tst_llmclient.moc"
