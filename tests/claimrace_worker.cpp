// SPDX-License-Identifier: GPL-3.0-or-later
// One contender in tst_claimrace: opens state.db, waits for "go" on stdin, then claims every
// pending handoff it can and prints "claimed <session id>" for each one it won.
#include "store/database.h"
#include "store/handoffstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() != 4) {
        out << "error usage: claimrace_worker DB WORKER_ID forward|reverse" << Qt::endl;
        return 2;
    }
    Database db;
    if (!db.open(args.at(1), { .busyTimeoutMs = 30'000, .targetVersion = -1 })) {
        out << "error " << db.errorString() << Qt::endl;
        return 1;
    }
    HandoffStore store(db);
    out << "ready" << Qt::endl;

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly) || in.readLine().trimmed() != "go")
        return 1;

    auto pending = store.listPendingHandoffs();
    if (args.at(3) == "reverse"_L1)
        std::reverse(pending.begin(), pending.end());
    for (const auto &row : pending) {
        if (store.claimHandoff(row.sessionId, args.at(2), 60'000))
            out << "claimed " << row.sessionId << '\n';
        else if (!store.errorString().isEmpty()) {
            out << "error " << store.errorString() << Qt::endl;
            return 1;
        }
    }
    out << "done" << Qt::endl;
    return 0;
}
