// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "configrepair.h"
#include "quickitems.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
const QByteArray malformed = "[llm\nbase_url=http://127.0.0.1:9/v1\nmodel=x\n"
                             "[telegram]\nenabled=yes please\nhome_chat=-100123\n"
                             "[away]\non_lock=ask\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}
} // namespace

/**
 * The page the window opens on when baton.ini has problems (ConfigErrorWindow.qml on ConfigRepair,
 * as `baton` shows it): each problem with its line, the file opened through the desktop, a section
 * reset with a backup, and the window's start once the file is fine. The page's screenshot goes to
 * <build>/tests/screenshots/config-error.png.
 */
class TestConfigRepair : public QObject
{
    Q_OBJECT

private:
    QStringList m_opened;

public Q_SLOTS:
    void open(const QUrl &url) { m_opened << url.toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        // What the page asks the desktop to open stays in the test.
        QDesktopServices::setUrlHandler(u"file"_s, this, "open");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(u"file"_s); }

    void aSectionIsTheLinesFromItsHeaderToTheNext()
    {
        const QStringList lines = QString::fromUtf8(malformed).split(u'\n');
        const ConfigRepair::Block broken = ConfigRepair::blockAt(lines, 1);
        QCOMPARE(broken.section, u"llm"_s);
        QCOMPARE(broken.first, 0);
        QCOMPARE(broken.end, 3);
        const ConfigRepair::Block value = ConfigRepair::blockAt(lines, 5);
        QCOMPARE(value.section, u"telegram"_s);
        QCOMPARE(value.first, 3);
        QCOMPARE(value.end, 6);
        const QStringList loose { u"stray=1"_s, u"[llm]"_s, u"model=x"_s };
        const ConfigRepair::Block top = ConfigRepair::blockAt(loose, 1);
        QCOMPARE(top.section, QString());
        QCOMPARE(top.end, 1);
        QCOMPARE(ConfigRepair::blockAt(loose, 0).end, 0); // the whole file: nothing to reset
    }

    void thePageNamesTheLinesAndItsButtonsWork()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"baton.ini"_s);
        QVERIFY(writeAll(file, malformed));
        ConfigRepair repair(file);
        QVERIFY(!repair.isFine());
        QVERIFY(repair.blocking());
        ConfigRepair::setInstance(&repair);
        QQmlApplicationEngine engine;
        engine.load(QUrl(u"qrc:/qt/qml/Baton/ConfigErrorWindow.qml"_s));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        window->resize(820, 560);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QQuickItem *root = window->contentItem();
        const auto click = [root](const QString &name) {
            QQuickItem *button = findItem(root, name, true);
            if (!button)
                qWarning() << "no visible button" << name;
            return button && button->isEnabled() && QMetaObject::invokeMethod(button, "clicked");
        };

        // The file, and each problem with its line and the CLI's sentence.
        QCOMPARE(findItem(root, u"configFile"_s, true)->property("text").toString(), file);
        QQuickItem *line = findItem(root, u"problemLine"_s, true);
        QVERIFY(line);
        QCOMPARE(line->property("text").toString(), u"Line 1"_s);
        QQuickItem *sentence = findItem(root, u"problemSentence"_s, true);
        QVERIFY(sentence->property("text").toString().contains(u"lacks its closing \"]\""_s));
        QCOMPARE(repair.sentences().size(), 2);
        QVERIFY2(repair.sentences().at(0).startsWith(file + u", line 1: "_s), qPrintable(repair.sentences().at(0)));
        QVERIFY(repair.sentences().at(1).contains(u"line 5: enabled=yes please"_s));
        QVERIFY(!findItem(root, u"continueButton"_s, true)); // nothing goes on while Baton cannot start
        QCOMPARE(findItem(root, u"resetSection_0"_s, true)->property("text").toString(), u"Reset [llm]"_s);
        QDir().mkpath(u"screenshots"_s);
        QVERIFY(window->grabWindow().save(u"screenshots/config-error.png"_s));

        QVERIFY(click(u"openConfigButton"_s));
        QCOMPARE(m_opened, QStringList { QUrl::fromLocalFile(file).toString() });

        // Reset [llm]: the file without it, the old one kept beside it, and the page says so.
        QSignalSpy resolved(&repair, &ConfigRepair::resolved);
        QVERIFY(click(u"resetSection_0"_s));
        QCOMPARE(readAll(file + u".bak"_s), malformed);
        QCOMPARE(readAll(file), "[telegram]\nenabled=yes please\nhome_chat=-100123\n[away]\non_lock=ask\n"_ba);
        const QString notice = findItem(root, u"configNotice"_s, true)->property("text").toString();
        QVERIFY2(notice.contains(u"[llm]"_s) && notice.contains(file + u".bak"_s), qPrintable(notice));
        // What is left is named at its new line.
        QTRY_COMPARE(findItem(root, u"problemLine"_s, true)->property("text").toString(), u"Line 2"_s);
        QCOMPARE(resolved.size(), 0);

        // Fixed in the editor: the page notices the file change and lets the window start.
        QVERIFY(writeAll(file, "[telegram]\nenabled=true\nhome_chat=-100123\n[away]\non_lock=ask\n"));
        QVERIFY(resolved.wait(10'000));
        QVERIFY(repair.isFine());
        QCOMPARE(resolved.size(), 1);
        ConfigRepair::setInstance(nullptr);
    }

    void problemsThatDoNotStopBatonCanBeLeft()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"baton.ini"_s);
        QVERIFY(writeAll(file, "[llm]\nmodel=x\ncolour=blue\n"));
        ConfigRepair repair(file);
        QVERIFY(!repair.isFine());
        QVERIFY(!repair.blocking());
        QSignalSpy resolved(&repair, &ConfigRepair::resolved);
        repair.carryOn();
        QCOMPARE(resolved.size(), 1);

        QVERIFY(writeAll(file, "[llm\nmodel=x\n"));
        ConfigRepair stuck(file);
        QSignalSpy stillStuck(&stuck, &ConfigRepair::resolved);
        stuck.carryOn(); // a malformed line stops Baton: carrying on is not offered
        stuck.recheck();
        QCOMPARE(stillStuck.size(), 0);
    }

    void batonStartedOnAMalformedFileOpensThePageInsteadOfExiting()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"baton.ini"_s);
        QVERIFY(writeAll(file, malformed));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        auto baton = startBaton({ u"--data-dir"_s, dir.path(), u"--config"_s, file }, env);
        QVERIFY(baton->waitForStarted());
        // The same sentences the CLI prints, then the page: Baton stays to show it.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += baton->readAllStandardError()).contains("the window shows what to fix"), 20'000);
        QVERIFY2(err.contains(QByteArray(file.toUtf8() + ", line 1: the section name")), err.constData());
        QCOMPARE(baton->state(), QProcess::Running);
        baton->terminate();
        QVERIFY(waitForExit(*baton));
        QCOMPARE(baton->exitCode(), 2); // closed with the file still broken: as the CLI's exit

        // Fixed while the page shows: the window starts (its gateway says so) in the same process.
        auto again = startBaton({ u"--data-dir"_s, dir.path(), u"--config"_s, file }, env);
        QVERIFY(again->waitForStarted());
        err.clear();
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += again->readAllStandardError()).contains("the window shows what to fix"), 20'000);
        QVERIFY(!err.contains("running for"));
        QVERIFY(writeAll(file, "[llm]\nmodel=x\n"));
        QTRY_VERIFY_WITH_TIMEOUT((err += again->readAllStandardError()).contains("running for"), 20'000);
        again->terminate();
        QVERIFY(waitForExit(*again));
        QCOMPARE(again->exitCode(), 0);
        QVERIFY(writeAll(file, malformed));

        // The CLI keeps its sentence on stderr and exit 2.
        const BatonRun cli = runBaton({ u"--config"_s, file, u"--data-dir"_s, dir.path(), u"--no-gui"_s });
        QCOMPARE(cli.exitCode, 2);
        QVERIFY2(cli.err.contains(file + u", line 1:"_s), qPrintable(cli.err));
    }
};

QTEST_MAIN(TestConfigRepair)
#include "tst_configrepair.moc"
