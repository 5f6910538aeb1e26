// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString window = QStringLiteral(BATON_BINARY);
const QString headless = QStringLiteral(HEADLESS_BINARY);

BatonRun run(const QString &binary, const QStringList &args,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binary, args);
    if (!process.waitForFinished(30'000))
        process.kill();
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

QString mappedFiles(qint64 pid)
{
    QFile maps(u"/proc/%1/maps"_s.arg(pid));
    return maps.open(QIODevice::ReadOnly) ? QString::fromUtf8(maps.readAll()) : QString();
}
} // namespace

/**
 * `baton` for a command that opens no window becomes baton-headless by exec: the same process,
 * exit status, output and signals; found beside `baton`, else on PATH, else a sentence and 127.
 */
class TestHeadlessExec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitStatusAndOutputAreTheHeadlessOnes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("version") << QStringList { u"--version"_s };
        QTest::newRow("unknown session") << QStringList { u"sessions"_s, u"show"_s, u"0000"_s };
        QTest::newRow("unknown command") << QStringList { u"frobnicate"_s };
    }
    void exitStatusAndOutputAreTheHeadlessOnes()
    {
        QFETCH(QStringList, args);
        QTemporaryDir data;
        args << u"--data-dir"_s << data.path();
        const BatonRun direct = run(headless, args);
        const BatonRun through = run(window, args);
        QCOMPARE(through.exitCode, direct.exitCode);
        QCOMPARE(through.out, direct.out);
        QCOMPARE(through.err, direct.err);
        QVERIFY(!direct.out.isEmpty() || !direct.err.isEmpty());
    }

    // The gateway QProcess started as `baton --no-gui` is baton-headless itself: SIGTERM reaches it.
    void theGatewayIsTheSameProcess()
    {
        FakeLlmServer llm;
        FakeTelegramServer telegram(u"4242:exec"_s);
        QVERIFY(llm.listen());
        QVERIFY(telegram.listen());
        telegram.addGroup(-1001, u"Home"_s, true);
        QTemporaryDir data;
        QFile ini(data.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + llm.baseUrl().toString().toUtf8() + "\nmodel=fake\n[telegram]\nenabled=true\n"
            + "api_base=" + telegram.apiBase().toUtf8() + "\nallowed_users=1\nhome_chat=-1001\n");
        ini.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BATON_TELEGRAM_TOKEN"_s, u"4242:exec"_s);
        env.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        QProcess gateway;
        gateway.setProcessEnvironment(env);
        gateway.start(window, { u"--no-gui"_s, u"--data-dir"_s, data.path(), u"--config"_s, ini.fileName() });
        QTRY_VERIFY_WITH_TIMEOUT(!telegram.calls(u"getUpdates"_s).isEmpty(), 10'000);

        const qint64 pid = gateway.processId();
        QCOMPARE(QFileInfo(u"/proc/%1/exe"_s.arg(pid)).canonicalFilePath(), QFileInfo(headless).canonicalFilePath());
        const QString maps = mappedFiles(pid);
        QVERIFY(maps.contains(u"libQt6Core"_s));
        for (const QString &gui : { u"libQt6Gui"_s, u"libQt6Quick"_s, u"libQt6Qml"_s, u"libQt6Widgets"_s, u"libX11"_s })
            QVERIFY2(!maps.contains(gui), qPrintable(gui));

        gateway.terminate();
        QVERIFY(gateway.waitForFinished(15'000));
        QCOMPARE(gateway.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gateway.exitCode(), 0);
    }

    // A symlink to `baton` (as in /usr/local/bin) still finds the real file's sibling.
    void foundBesideTheRealFile()
    {
        QTemporaryDir elsewhere;
        const QString link = elsewhere.filePath(u"baton"_s);
        QVERIFY(QFile::link(window, link));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PATH"_s, elsewhere.path());
        const BatonRun version = run(link, { u"--version"_s }, env);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith(u"baton "_s), qPrintable(version.out + version.err));
    }

    void foundOnPathElseASentence()
    {
        QTemporaryDir alone;
        const QString copy = alone.filePath(u"baton"_s);
        QVERIFY(QFile::copy(window, copy));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();

        env.insert(u"PATH"_s, QFileInfo(headless).absolutePath());
        const BatonRun onPath = run(copy, { u"--version"_s }, env);
        QCOMPARE(onPath.exitCode, 0);
        QVERIFY2(onPath.out.startsWith(u"baton "_s), qPrintable(onPath.out + onPath.err));

        env.insert(u"PATH"_s, alone.filePath(u"nothing-here"_s));
        const BatonRun missing = run(copy, { u"--version"_s }, env);
        QCOMPARE(missing.exitCode, 127);
        QVERIFY2(missing.err.contains(u"cannot start baton-headless"_s), qPrintable(missing.err));
        QVERIFY2(missing.err.contains(alone.path()), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessExec)
#include "tst_headlessexec.moc"
