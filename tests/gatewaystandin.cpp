// SPDX-License-Identifier: GPL-3.0-or-later
// Plays the gateway's side of a handoff for tst_handoffcli: watches state.db for a pending
// handoff, claims it after CLAIM_DELAY ms, then after FINISH_DELAY ms completes it (with a
// destination) or fails it (with a reason), and exits. Prints each step on stdout.
#include "store/database.h"
#include "store/handoffstore.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() != 5) {
        out << "usage: gatewaystandin DB complete|fail CLAIM_DELAY_MS FINISH_DELAY_MS" << Qt::endl;
        return 2;
    }
    Database db;
    if (!db.open(args.at(1))) {
        out << "error " << db.errorString() << Qt::endl;
        return 1;
    }
    HandoffStore store(db);
    const bool complete = args.at(2) == "complete"_L1;
    const int claimDelay = args.at(3).toInt();
    const int finishDelay = args.at(4).toInt();
    const QString gatewayId = u"standin"_s;

    QTimer watch;
    watch.setInterval(20);
    QObject::connect(&watch, &QTimer::timeout, &app, [&] {
        const auto pending = store.listPendingHandoffs();
        if (pending.isEmpty())
            return;
        watch.stop();
        const QString session = pending.first().sessionId;
        out << "seen " << session << Qt::endl;
        QTimer::singleShot(claimDelay, &app, [&, session] {
            if (!store.claimHandoff(session, gatewayId, 60'000)) {
                out << "lost " << session << Qt::endl;
                QCoreApplication::exit(3);
                return;
            }
            out << "claimed " << session << Qt::endl;
            QTimer::singleShot(finishDelay, &app, [&, session] {
                const bool done = complete ? store.completeHandoff(session, gatewayId, u"telegram:group:-1001:77"_s)
                                           : store.failHandoff(session, u"Telegram rejected the bot token (401)"_s);
                out << (done ? "finished " : "refused ") << session << Qt::endl;
                QCoreApplication::exit(done ? 0 : 4);
            });
        });
    });
    watch.start();
    out << "ready" << Qt::endl;
    return app.exec();
}
