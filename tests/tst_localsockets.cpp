// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoff/handoffpoke.h"
#include "ipc/locallistener.h"
#include "ipc/localsockets.h"

#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <fcntl.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr QFile::Permissions privateDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
    | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

bool writeAll(int fd, const char *data, size_t size)
{
    return ::write(fd, data, size) == ssize_t(size);
}

void reportNumber(int fd, long number)
{
    char text[24];
    int length = 0;
    char digits[24];
    do {
        digits[length++] = char('0' + number % 10);
        number /= 10;
    } while (number > 0);
    for (int i = 0; i < length; ++i)
        text[i] = digits[length - 1 - i];
    text[length++] = '\n';
    writeAll(fd, text, size_t(length));
}

sockaddr_un addressOf(const QByteArray &path)
{
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    ::strncpy(address.sun_path, path.constData(), sizeof(address.sun_path) - 1);
    return address;
}
} // namespace

/// Baton's local sockets: where they live, and that another local user can neither answer for
/// Baton nor talk to it. The hostile peer is a real process running as `nobody` (the tests run as root).
class TestLocalSockets : public QObject
{
    Q_OBJECT

private:
    uid_t m_nobodyUid = 0;
    gid_t m_nobodyGid = 0;

    bool canBecomeNobody() const { return ::geteuid() == 0 && m_nobodyUid != 0; }

    // Forks a process that, as @p uid, serves one connection on @p path: it says "ready" on the
    // returned pipe once listening, then how many bytes its client sent before hanging up.
    pid_t forkServer(const QByteArray &path, uid_t uid, gid_t gid, int *report)
    {
        int fds[2];
        if (::pipe(fds) != 0)
            return -1;
        const sockaddr_un address = addressOf(path);
        const pid_t pid = ::fork();
        if (pid == 0) {
            // Only async-signal-safe calls from here: the parent has threads.
            ::close(fds[0]);
            if ((gid != ::getgid() && ::setgid(gid) != 0) || (uid != ::getuid() && ::setuid(uid) != 0))
                ::_exit(2);
            const int server = ::socket(AF_UNIX, SOCK_STREAM, 0);
            if (server < 0 || ::bind(server, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0
                || ::listen(server, 4) != 0)
                ::_exit(3);
            writeAll(fds[1], "ready\n", 6);
            const int client = ::accept(server, nullptr, nullptr);
            long total = 0;
            char buffer[256];
            for (ssize_t n; client >= 0 && (n = ::read(client, buffer, sizeof(buffer))) > 0;)
                total += n;
            reportNumber(fds[1], total);
            ::_exit(0);
        }
        ::close(fds[1]);
        *report = fds[0];
        return pid;
    }

    static QByteArray readLine(int fd)
    {
        QByteArray line;
        char c = 0;
        while (::read(fd, &c, 1) == 1 && c != '\n')
            line += c;
        return line;
    }

    // A server run as @p uid, holding the exact socket path @p target Baton uses: only the peer
    // check stands in the way. Returns its pid, and the pipe where it reports (see forkServer).
    pid_t plantServer(const QString &target, uid_t uid, gid_t gid, int *report)
    {
        QTemporaryDir open;
        QFile::setPermissions(open.path(), everyone); // where `nobody` may make its socket
        const QByteArray made = QFile::encodeName(open.filePath(u"s"_s));
        const pid_t pid = forkServer(made, uid, gid, report);
        if (pid < 0 || readLine(*report) != "ready") {
            qWarning("the stand-in server did not start");
            return -1;
        }
        if (::rename(made.constData(), QFile::encodeName(target).constData()) != 0) {
            qWarning("cannot move the stand-in socket into place");
            return -1;
        }
        ::fcntl(*report, F_SETFL, O_NONBLOCK);
        return pid;
    }

    // What the planted server @p pid heard, once its client hung up; empty if it never did.
    static QByteArray heardBy(pid_t pid, int report)
    {
        QByteArray heard;
        const bool reported = QTest::qWaitFor(
            [&] {
                char c = 0;
                while (::read(report, &c, 1) == 1)
                    heard += c;
                return heard.endsWith('\n');
            },
            20'000);
        ::close(report);
        if (!reported)
            ::kill(pid, SIGKILL); // it never heard a hang-up: the result says so
        int status = 0;
        ::waitpid(pid, &status, 0);
        return heard.trimmed();
    }

    // Pokes the watcher socket of a store while a server run as @p uid holds it; returns what it heard.
    QByteArray pokeServedBy(uid_t uid, gid_t gid)
    {
        QTemporaryDir data;
        int report = -1;
        const pid_t pid = plantServer(HandoffPoke::serverName(data.path()), uid, gid, &report);
        if (pid < 0)
            return "failed";
        HandoffPoke::send(data.path(), u"session-1"_s, this);
        return heardBy(pid, report);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("XDG_RUNTIME_DIR");
        if (const passwd *nobody = ::getpwnam("nobody")) {
            m_nobodyUid = nobody->pw_uid;
            m_nobodyGid = nobody->pw_gid;
        }
    }

    void socketsLiveInAPrivateFolder()
    {
        QTemporaryDir data;
        QTemporaryDir runtime;
        // A private runtime folder of ours: sockets go there, named after the store.
        QVERIFY(QFile::setPermissions(runtime.path(), privateDir));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        const QString inRuntime = LocalSockets::path(data.path(), u"handoff"_s);
        QCOMPARE(QFileInfo(inRuntime).absolutePath(), runtime.path());
        QVERIFY(QFileInfo(inRuntime).fileName().startsWith(u"baton-handoff-"_s));
        QVERIFY(LocalSockets::path(data.path(), u"window"_s) != inRuntime);

        // One others may enter is not trusted: a 0700 folder under the data dir is used instead.
        QVERIFY(QFile::setPermissions(runtime.path(), everyone));
        const QString fallback = LocalSockets::path(data.path(), u"handoff"_s);
        QCOMPARE(fallback, data.filePath(u"run/handoff"_s));
        QCOMPARE(QFileInfo(data.filePath(u"run"_s)).permissions() & everyone, privateDir);

        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(LocalSockets::path(data.path(), u"window"_s), data.filePath(u"run/window"_s));
    }

    void listenerSocketIsOursOnly()
    {
        QTemporaryDir data;
        LocalListener listener;
        const QString path = LocalSockets::path(data.path(), u"window"_s);
        QVERIFY2(listener.listen(path), qPrintable(listener.errorString()));
        QCOMPARE(QFileInfo(path).permissions() & everyone & ~privateDir, QFile::Permissions());
    }

    void pokeReachesAWatcherOfOurs()
    {
        // The stand-in that proves the next test can fail: the same server run as us hears the id.
        QCOMPARE(pokeServedBy(::getuid(), ::getgid()), QByteArray("10"));
    }

    void pokeIsNotSentToAnotherUsersSocket()
    {
        if (!canBecomeNobody())
            QSKIP("needs root to run the other user's server as nobody");
        QCOMPARE(pokeServedBy(m_nobodyUid, m_nobodyGid), QByteArray("0"));
    }

    void listenerRefusesAnotherUser()
    {
        if (!canBecomeNobody())
            QSKIP("needs root to connect as nobody");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), everyone);
        const QString path = dir.filePath(u"window"_s);
        LocalListener listener;
        QVERIFY2(listener.listen(path), qPrintable(listener.errorString()));
        // Open the socket file itself to everyone, so that only the peer check is left to refuse.
        QVERIFY(QFile::setPermissions(path, everyone));
        QSignalSpy refused(&listener, &LocalListener::peerRefused);
        QSignalSpy received(&listener, &LocalListener::received);

        const sockaddr_un address = addressOf(QFile::encodeName(path));
        const uid_t uid = m_nobodyUid;
        const gid_t gid = m_nobodyGid;
        const pid_t pid = ::fork();
        if (pid == 0) {
            if (::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(2);
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0)
                ::_exit(3);
            // MSG_NOSIGNAL: the listener may already have hung up, which must not kill this process.
            ::send(fd, "raise\n", 6, MSG_NOSIGNAL);
            char c;
            while (::read(fd, &c, 1) > 0) { }
            ::_exit(0);
        }
        QVERIFY(pid > 0);
        QVERIFY(refused.wait(10'000));
        QCOMPARE(refused.first().first().toLongLong(), qint64(uid));
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the other user could not connect at all");
        QCOMPARE(received.size(), 0);

        // And one of ours is heard, on the same listener.
        QLocalSocket ours;
        ours.connectToServer(path);
        QVERIFY(ours.waitForConnected(5'000));
        ours.write("raise\n");
        QVERIFY(received.wait(5'000));
        QCOMPARE(received.first().first().toByteArray(), QByteArray("raise\n"));
        QCOMPARE(refused.size(), 1);
    }

#ifdef BATON_WITH_GUI
    void windowOpensDespiteAnotherUsersSocket()
    {
        if (!canBecomeNobody())
            QSKIP("needs root to run the other user's server as nobody");
        QTemporaryDir data;
        const QString path = LocalSockets::path(data.path(), u"window"_s);
        int report = -1;
        const pid_t pid = plantServer(path, m_nobodyUid, m_nobodyGid, &report);
        QVERIFY(pid > 0);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"BATON_DATA_DIR"_s);
        env.remove(u"XDG_RUNTIME_DIR"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        QProcess baton;
        baton.setProcessEnvironment(env);
        baton.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        baton.start(QStringLiteral(BATON_BINARY),
            { u"--data-dir"_s, data.path(), u"--config"_s, data.filePath(u"baton.ini"_s) });
        // It asked the stranger nothing: before the fix it said "raise" and left as "already open".
        QCOMPARE(heardBy(pid, report), QByteArray("0"));
        // And the window took the name over: a connection there now reaches a process of ours.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QLocalSocket probe;
                probe.connectToServer(path);
                return probe.waitForConnected(1'000) && LocalSockets::peerIsUs(probe);
            }(),
            20'000);
        QCOMPARE(baton.state(), QProcess::Running);
        baton.terminate();
        QVERIFY(baton.waitForFinished(30'000));
    }
#endif
};

QTEST_GUILESS_MAIN(TestLocalSockets)
#include "tst_localsockets.moc"
