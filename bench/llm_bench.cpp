// SPDX-License-Identifier: GPL-3.0-or-later
// llm_bench: what Baton's model client adds on top of the server. Talks to baton-fake-llm running
// as its own process, so the CPU measured here is the client's alone.
// Prints `name: value unit` lines; --quick shrinks the sizes (for a smoke run).
#include "agent/chatstream.h"
#include "agent/llmclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {
QTextStream out(stdout);

[[noreturn]] void die(const QString &what)
{
    QTextStream(stderr) << "llm_bench: " << what << Qt::endl;
    std::exit(1);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double cpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

std::unique_ptr<QProcess> startFake(const QStringList &args, quint16 *port)
{
    auto fake = std::make_unique<QProcess>();
    fake->start(QStringLiteral(FAKE_LLM_BINARY), QStringList { u"--port"_s, u"0"_s } + args);
    if (!fake->waitForReadyRead(10'000))
        die(u"baton-fake-llm did not start"_s);
    const auto match = QRegularExpression(u":(\\d+)/v1"_s).match(QString::fromUtf8(fake->readLine()));
    *port = static_cast<quint16>(match.captured(1).toUInt());
    return fake;
}

// The server's own latency, seen by the thinnest possible client: one socket, bytes in, bytes out.
double rawFirstTokenMs(quint16 port)
{
    const QByteArray body = R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})";
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(5'000))
        die(u"raw connect failed"_s);
    socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray received;
    while (!received.contains("\"content\"")) {
        if (!socket.waitForReadyRead(5'000))
            die(u"raw read failed"_s);
        received += socket.readAll();
    }
    return timer.nsecsElapsed() / 1e6;
}

ChatRequest request(quint16 port)
{
    ChatRequest r;
    r.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    r.model = u"m"_s;
    r.messages = { QJsonObject { { "role"_L1, "user"_L1 }, { "content"_L1, "hi"_L1 } } };
    return r;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = QCoreApplication::arguments().contains(u"--quick"_s);
    const int runs = quick ? 5 : 50;
    const int words = quick ? 1'000 : 10'000;

    quint16 echoPort = 0, wordsPort = 0;
    auto echo = startFake({}, &echoPort);
    auto many = startFake({ u"--words"_s, QString::number(words) }, &wordsPort);
    QNetworkAccessManager network;
    LlmClient client(&network);
    out << "# Qt " << qVersion() << ", baton-fake-llm in its own process on 127.0.0.1" << (quick ? ", --quick" : "")
        << Qt::endl;

    QList<double> raw, baton;
    for (int i = 0; i < runs; ++i) {
        raw << rawFirstTokenMs(echoPort);
        QElapsedTimer timer;
        QEventLoop loop;
        timer.start();
        ChatStream *stream = client.startChat(request(echoPort));
        double firstMs = -1;
        QObject::connect(stream, &ChatStream::deltaReceived, &loop, [&] {
            if (firstMs < 0)
                firstMs = timer.nsecsElapsed() / 1e6;
        });
        QObject::connect(stream, &ChatStream::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (firstMs < 0 || stream->outcome() != ChatStream::Outcome::Complete)
            die(u"stream failed: "_s + stream->errorString());
        baton << firstMs;
        delete stream;
    }
    out << "llm_first_token_raw_socket: " << QString::number(median(raw), 'f', 3) << " ms" << Qt::endl;
    out << "llm_first_token_baton: " << QString::number(median(baton), 'f', 3) << " ms" << Qt::endl;
    out << "llm_first_token_overhead: " << QString::number(median(baton) - median(raw), 'f', 3) << " ms" << Qt::endl;

    QEventLoop loop;
    const double cpuBefore = cpuMs();
    QElapsedTimer wall;
    wall.start();
    ChatStream *stream = client.startChat(request(wordsPort));
    int deltas = 0;
    QObject::connect(stream, &ChatStream::deltaReceived, &loop, [&deltas] { ++deltas; });
    QObject::connect(stream, &ChatStream::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const double cpu = cpuMs() - cpuBefore;
    if (deltas != words || stream->outcome() != ChatStream::Outcome::Complete)
        die(u"expected %1 deltas, got %2 (%3)"_s.arg(words).arg(deltas).arg(stream->errorString()));
    out << "llm_client_cpu_per_10k_tokens: " << QString::number(cpu * 10'000 / words, 'f', 1) << " ms" << Qt::endl;
    out << "llm_stream_rate: " << qRound(words / (wall.nsecsElapsed() / 1e9)) << " tokens/s" << Qt::endl;
    echo->terminate();
    many->terminate();
    echo->waitForFinished(2'000);
    many->waitForFinished(2'000);
    return 0;
}
