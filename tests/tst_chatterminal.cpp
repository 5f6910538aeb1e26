// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "teststore.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>

#include <csignal>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

/**
 * The real `baton chat` on a pseudo-terminal, typed at as a person would: a bracketed paste of several
 * lines is one message, a backslash continues a line, a double Ctrl-C leaves a clean line behind.
 */
class TestChatTerminal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QSocketNotifier> m_reader;
    int m_master = -1;
    QByteArray m_screen; // everything baton wrote to the terminal

    QList<QString> userMessages(const QJsonObject &request) const
    {
        QList<QString> messages;
        for (const QJsonValue &m : request.value("messages"_L1).toArray()) {
            if (m.toObject().value("role"_L1).toString() == "user"_L1)
                messages << m.toObject().value("content"_L1).toString();
        }
        return messages;
    }
    void type(const QByteArray &keys) { QCOMPARE(::write(m_master, keys.constData(), keys.size()), keys.size()); }
    bool shown(const QByteArray &text) { return m_screen.contains(text); }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_store = std::make_unique<TestStore>();
        QFile ini(m_store->dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n");
        ini.close();

        int slave = -1;
        QCOMPARE(openpty(&m_master, &slave, nullptr, nullptr, nullptr), 0);
        m_screen.clear();
        m_reader = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
        connect(m_reader.get(), &QSocketNotifier::activated, this, [this] {
            char buffer[4096];
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n > 0)
                m_screen.append(buffer, n);
            else
                m_reader->setEnabled(false); // the child closed its end
        });
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        e.insert(u"BATON_CONFIG"_s, m_store->dir.filePath(u"baton.ini"_s));
        e.insert(u"TERM"_s, u"xterm"_s);
        e.insert(u"HOME"_s, m_store->dir.path()); // libedit's history and editrc
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(e);
        // The terminal is the child's controlling terminal, so Ctrl-C typed there is a SIGINT.
        m_process->setChildProcessModifier([slave] {
            ::setsid();
            ::ioctl(slave, TIOCSCTTY, 0);
            for (int fd : { STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO })
                ::dup2(slave, fd);
        });
        m_process->start(batonBinary(), { u"chat"_s });
        QVERIFY(m_process->waitForStarted());
        ::close(slave);
        QTRY_VERIFY_WITH_TIMEOUT(shown("Type /help"), 15'000);
        QTRY_VERIFY(shown("\033[?2004h")); // bracketed paste asked of the terminal
    }

    void cleanup()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished();
        }
        m_reader.reset();
        if (m_master >= 0)
            ::close(m_master);
        m_master = -1;
    }

    void aPasteOfSeveralLinesIsOneMessage()
    {
        QSignalSpy requests(m_llm.get(), &FakeLlmServer::requestReceived);
        // Terminals paste line ends as CR, as Enter sends them.
        type("look: \033[200~first line\rsecond line\rthird line\033[201~");
        QTRY_VERIFY2(shown("[pasted 3 lines]"), QByteArray(m_screen).replace("\033", "<ESC>").constData());
        type(" thanks\r");
        QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, 10'000);
        QCOMPARE(userMessages(requests.first().first().toJsonObject()),
            QList<QString> { u"look: first line\nsecond line\nthird line thanks"_s });
        // The echo came back once; a second message goes out only when typed.
        QTRY_VERIFY(shown("third line thanks"));
        type("and one more\r");
        QTRY_COMPARE(requests.size(), 2);
        QCOMPARE(userMessages(requests.last().first().toJsonObject()).last(), u"and one more"_s);
    }

    void aPasteOfOneLineIsTypedText()
    {
        QSignalSpy requests(m_llm.get(), &FakeLlmServer::requestReceived);
        type("\033[200~just words\033[201~ and more\r");
        QTRY_VERIFY2_WITH_TIMEOUT(
            requests.size() == 1, QByteArray(m_screen).replace("\033", "<ESC>").constData(), 10'000);
        QCOMPARE(userMessages(requests.first().first().toJsonObject()), QList<QString> { u"just words and more"_s });
    }

    void aBackslashContinuesTheLine()
    {
        QSignalSpy requests(m_llm.get(), &FakeLlmServer::requestReceived);
        type("/help\r");
        QTRY_VERIFY(shown("but the last with a backslash"));
        type("dear model,\\\r");
        QTRY_VERIFY(shown("... "));
        type("two lines\r");
        QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, 10'000);
        QCOMPARE(userMessages(requests.first().first().toJsonObject()), QList<QString> { u"dear model,\ntwo lines"_s });
    }

    void theThinkingIsADimLineTheAnswerReplaces()
    {
        m_llm->setThinking(true);
        type("hi\r");
        QTRY_VERIFY_WITH_TIMEOUT(shown("You said: hi"), 10'000);
        const QByteArray screen = m_screen;
        const qsizetype thinking = screen.indexOf("\033[2mthinking\xe2\x80\xa6\033[22m");
        QVERIFY2(thinking >= 0, QByteArray(screen).replace("\033", "<ESC>").constData());
        // Taken away before the answer, which carries none of the reasoning.
        QVERIFY(screen.indexOf("\r\033[K", thinking) < screen.indexOf("You said: hi"));
        QVERIFY(!screen.contains("person wrote"));
        QVERIFY(!screen.contains("I will echo"));
    }

    void aDoubleCtrlCLeavesTheShellACleanLine()
    {
        type("\x03");
        QTRY_VERIFY(shown("Press Ctrl-C again"));
        type("\x03");
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, 10'000);
        QTRY_VERIFY(!m_reader->isEnabled() || m_screen.endsWith("\033[?2004l"));
        QVERIFY2(m_screen.endsWith("\n\033[?2004l"), m_screen.right(40).toHex(' ').constData());
        QCOMPARE(m_process->exitCode(), 0);
    }
};

QTEST_MAIN(TestChatTerminal)
#include "tst_chatterminal.moc"
