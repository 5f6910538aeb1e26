// SPDX-License-Identifier: GPL-3.0-or-later
// window_bench: the chat window on a 10,000-message session. Process start to the first frame,
// RSS with the window open, and the cost of each streamed delta (model update and bindings) with
// the frame times while 50 deltas a second stream in. Runs on $DISPLAY (Xvfb) or offscreen.
// Prints `name: value unit` lines; --quick shrinks the sizes (for a smoke run).
#include "benchsupport.h"
#include "chatcontroller.h"
#include "rendering.h"
#include "settingscontroller.h"
#include "store/database.h"
#include "store/sessionstore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;
using BenchSupport::percentile;
using BenchSupport::waitFor;

Q_IMPORT_QML_PLUGIN(BatonPlugin)

namespace {
QTextStream out(stdout);

// Milliseconds since this process was started by the kernel (exec and dynamic loading included).
double msSinceProcessStart()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = stat.readAll().split(')').value(1).trimmed().split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (now.tv_sec + now.tv_nsec / 1e9 - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
}

double rssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// A benchmark driver, not library code: it spins the event loop until the figure is in.
void spin(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Rendering::chooseRenderer(); // as `baton` does
    QGuiApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);
    const int messages = quick ? 500 : 10'000;
    const int deltas = quick ? 20 : 200;

    // A store with one long conversation, written before the clock that matters starts.
    QTemporaryDir dir;
    {
        Database db;
        if (!db.open(dir.filePath(u"state.db"_s)))
            BenchSupport::die("window_bench", db.errorString());
        SessionStore store(db);
        const QString id = store.createSession(u"A long conversation"_s);
        QList<Message> batch;
        for (int i = 0; i < messages; ++i) {
            Message m;
            m.sessionId = id;
            m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
            m.content = i % 2 ? u"Here is **point %1**, with a list:\n\n- one\n- two\n\nand `code`."_s.arg(i)
                              : u"Question number %1?"_s.arg(i);
            batch << m;
        }
        if (!store.appendMessages(batch))
            BenchSupport::die("window_bench", store.errorString());
    }
    QFile(dir.filePath(u"baton.ini"_s)).open(QIODevice::WriteOnly);

    ChatController controller({ dir.path(), dir.filePath(u"baton.ini"_s), {} });
    if (!controller.open())
        BenchSupport::die("window_bench", controller.errorText());
    controller.openSession(controller.sessions()->index(0).data(SessionListModel::IdRole).toString());
    // The window reaches the controllers as QML singletons; Settings is never opened here.
    SettingsController settings({ dir.path(), dir.filePath(u"baton.ini"_s), {} });
    ChatController::setInstance(&controller);
    SettingsController::setInstance(&settings);
    QQmlApplicationEngine engine;
    engine.load(QUrl(u"qrc:/qt/qml/Baton/Main.qml"_s));
    auto *window
        = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        BenchSupport::die("window_bench", u"the window did not load"_s);
    bool framed = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (!framed)
            out << "first_frame: " << QString::number(msSinceProcessStart(), 'f', 0) << " ms after process start ("
                << messages << "-message session)" << Qt::endl;
        framed = true;
    });
    QDeadlineTimer deadline(20'000);
    while (!framed && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    if (!framed)
        BenchSupport::die("window_bench", u"no frame within 20 s"_s);
    spin(500);
    out << "rss_window_open: " << QString::number(rssMb(), 'f', 1) << " MB" << Qt::endl;

    // A reply streaming in at 50 deltas a second: the cost of each delta, and the frames meanwhile.
    QList<double> deltaMs, frameMs;
    QElapsedTimer sinceFrame;
    sinceFrame.start();
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        frameMs << sinceFrame.nsecsElapsed() / 1e6;
        sinceFrame.restart();
    });
    const int rows = controller.messages()->rowCount();
    const qint64 lastId = controller.messages()->index(rows - 1).data(MessageListModel::IdRole).toLongLong();
    for (int i = 0; i < deltas; ++i) {
        QElapsedTimer timer;
        timer.start();
        controller.messages()->appendDelta(lastId, u" token%1"_s.arg(i));
        QCoreApplication::sendPostedEvents(); // bindings and the view's bookkeeping, not the paint
        deltaMs << timer.nsecsElapsed() / 1e6;
        spin(20);
    }
    out << "delta_handling_p50: " << QString::number(percentile(deltaMs, 0.5), 'f', 3) << " ms" << Qt::endl;
    out << "delta_handling_p95: " << QString::number(percentile(deltaMs, 0.95), 'f', 3) << " ms" << Qt::endl;
    frameMs.removeFirst();
    out << "frame_interval_p50: " << QString::number(percentile(frameMs, 0.5), 'f', 1) << " ms while streaming"
        << Qt::endl;
    out << "frame_interval_p95: " << QString::number(percentile(frameMs, 0.95), 'f', 1) << " ms while streaming"
        << Qt::endl;
    return 0;
}
