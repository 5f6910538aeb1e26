// SPDX-License-Identifier: GPL-3.0-or-later
// store_bench: how fast state.db appends, loads transcripts and turns the handoff state machine.
// Prints `name: value unit` lines; --quick shrinks every size tenfold (for a smoke run).
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {
QTextStream out(stdout);

[[noreturn]] void die(const QString &what)
{
    QTextStream(stderr) << "store_bench: " << what << Qt::endl;
    std::exit(1);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// A few hundred characters of plausible chat text, different for every index.
Message chatMessage(const QString &session, int i)
{
    static const QString body = u"Here is what I found about the ferry schedule between Patras and Brindisi. "
                                "Boats leave twice a day in summer; the evening crossing takes about nine hours "
                                "and cabins sell out early, so book a week ahead if you can. "_s;
    Message m;
    m.sessionId = session;
    m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
    m.content = u"#%1 "_s.arg(i) + body + (i % 3 ? body : QString());
    return m;
}

void appendBatched(SessionStore &store, const QString &session, int count, int batchSize)
{
    for (int done = 0; done < count;) {
        QList<Message> batch;
        for (int i = 0; i < batchSize && done < count; ++i, ++done)
            batch << chatMessage(session, done);
        if (!store.appendMessages(batch))
            die(store.errorString());
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int scale = QCoreApplication::arguments().contains(u"--quick"_s) ? 10 : 1;
    QTemporaryDir dir;
    Database db;
    if (!db.open(dir.filePath(u"state.db"_s)))
        die(db.errorString());
    SessionStore store(db);
    HandoffStore handoffs(db);

    QSqlQuery version(db.connection());
    version.exec(u"SELECT sqlite_version()"_s);
    version.next();
    out << "# Qt " << qVersion() << ", SQLite " << version.value(0).toString() << ", WAL, synchronous=FULL"
        << (scale > 1 ? ", --quick" : "") << Qt::endl;

    QElapsedTimer timer;
    {
        const int count = 100'000 / scale;
        const QString session = store.createSession(u"append"_s);
        timer.start();
        appendBatched(store, session, count, 500);
        out << "store_append_batched: " << qRound(count / (timer.nsecsElapsed() / 1e9)) << " messages/s" << Qt::endl;
    }
    {
        const int count = 2'000 / scale;
        const QString session = store.createSession(u"single"_s);
        timer.start();
        for (int i = 0; i < count; ++i) {
            if (!store.appendMessage(chatMessage(session, i)))
                die(store.errorString());
        }
        out << "store_append_single: " << qRound(count / (timer.nsecsElapsed() / 1e9)) << " messages/s" << Qt::endl;
    }
    {
        const int count = 10'000 / scale;
        const QString session = store.createSession(u"transcript"_s);
        appendBatched(store, session, count, 1'000);
        QList<double> ms;
        for (int run = 0; run < 20; ++run) {
            timer.start();
            const QList<Message> transcript = store.transcript(session);
            ms << timer.nsecsElapsed() / 1e6;
            if (transcript.size() != count)
                die(u"transcript has %1 messages, expected %2"_s.arg(transcript.size()).arg(count));
        }
        out << "transcript_load_" << count / 1000 << "k: " << QString::number(median(ms), 'f', 2) << " ms" << Qt::endl;
    }
    {
        const int count = 1'000 / scale;
        QList<double> cycle, claimOnly;
        for (int i = 0; i < count; ++i) {
            const QString session = store.createSession();
            timer.start();
            if (handoffs.requestHandoff(session, u"telegram"_s) != HandoffStore::RequestResult::Requested)
                die(handoffs.errorString());
            QElapsedTimer claim;
            claim.start();
            if (!handoffs.claimHandoff(session, u"bench"_s, 60'000))
                die(u"claim refused"_s);
            claimOnly << claim.nsecsElapsed() / 1e3;
            if (!handoffs.completeHandoff(session, u"bench"_s, u"telegram:private:1"_s))
                die(u"complete refused"_s);
            cycle << timer.nsecsElapsed() / 1e3;
        }
        out << "claim_roundtrip: " << qRound(median(cycle)) << " us" << Qt::endl;
        out << "claim_only: " << qRound(median(claimOnly)) << " us" << Qt::endl;
    }
    {
        QList<double> ms;
        for (int run = 0; run < 5; ++run) {
            QTemporaryDir fresh;
            Database db2;
            timer.start();
            if (!db2.open(fresh.filePath(u"state.db"_s)))
                die(db2.errorString());
            ms << timer.nsecsElapsed() / 1e6;
        }
        out << "store_open_migrate: " << QString::number(median(ms), 'f', 2) << " ms" << Qt::endl;
    }
    return 0;
}
