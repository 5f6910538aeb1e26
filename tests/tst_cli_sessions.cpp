// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <poll.h>
#include <pty.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

/// `baton sessions ...` and the global options, run as the real binary on a seeded store.
class TestCliSessions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QString m_trip; // the richer session: every role, a tool call, a handoff
    QString m_notes;

    // Without BATON_DATA_DIR from the caller's environment, unless a test sets it on purpose.
    static BatonRun baton(const QStringList &args, QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
    {
        if (env == QProcessEnvironment::systemEnvironment())
            env.remove(u"BATON_DATA_DIR"_s);
        return runBaton(args, env);
    }
    /// What `baton ARGS` prints when its stdout is a terminal (a pseudo-terminal read here).
    static QString onATerminal(const QStringList &args, const QProcessEnvironment &env)
    {
        int master = -1;
        int slave = -1;
        if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0)
            qFatal("openpty failed");
        QProcess process;
        process.setProcessEnvironment(env);
        process.setChildProcessModifier([slave] { ::dup2(slave, STDOUT_FILENO); });
        process.start(QStringLiteral(BATON_BINARY), args);
        QByteArray out;
        if (process.waitForStarted()) {
            ::close(slave);
            slave = -1;
            // Until the child closes its end: the pty then reads as EIO (Linux) or end of file.
            char buffer[4096];
            for (pollfd pfd { master, POLLIN, 0 }; ::poll(&pfd, 1, 10'000) > 0;) {
                const ssize_t n = ::read(master, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                out.append(buffer, n);
            }
            process.waitForFinished();
        }
        if (slave >= 0)
            ::close(slave);
        ::close(master);
        return QString::fromUtf8(out);
    }

    BatonRun inStore(QStringList args) { return baton(QStringList { u"--data-dir"_s, m_store->dir.path() } + args); }

    static Message message(MessageRole role, const QString &content)
    {
        Message m;
        m.role = role;
        m.content = content;
        return m;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        SessionStore sessions(m_store->db);
        HandoffStore handoffs(m_store->db);
        m_notes = sessions.createSession(u"Grocery notes"_s);
        m_trip = sessions.createSession(u"Trip to Brindisi"_s, u"cli"_s, u"qwen"_s);

        Message call = message(MessageRole::Assistant, {});
        // A plain literal: moc's tokenizer loses its way in raw strings that hold backslashes.
        call.toolCalls = "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"lookup\","
                         "\"arguments\":\"{\\\"q\\\":\\\"x\\\"}\"}}]";
        Message result = message(MessageRole::Tool, u"ferry at 21:00"_s);
        result.toolCallId = u"call_1"_s;
        Message synthetic = message(MessageRole::User, u"[handed off: confirm where we are]"_s);
        synthetic.internal = true;
        Message cut = message(MessageRole::Assistant, u"The ferry leaves"_s);
        cut.status = MessageStatus::Partial;
        for (Message m : { message(MessageRole::System, u"be brief"_s),
                 message(MessageRole::User, u"when does the ferry leave?"_s), call, result, synthetic, cut }) {
            m.sessionId = m_trip;
            QVERIFY(sessions.appendMessage(m));
        }
        Message note = message(MessageRole::User, u"buy olives"_s);
        note.sessionId = m_notes;
        QVERIFY(sessions.appendMessage(note));
        QVERIFY(m_store->exec(u"UPDATE sessions SET updated_at = 1000 WHERE id = '%1'"_s.arg(m_notes)));
        QCOMPARE(handoffs.requestHandoff(m_trip, u"telegram"_s), HandoffStore::RequestResult::Requested);
        QVERIFY(handoffs.claimHandoff(m_trip, u"g"_s, 60'000));
        QVERIFY(handoffs.completeHandoff(m_trip, u"g"_s, u"telegram:group:-1001:7"_s));
    }
    void cleanup() { m_store.reset(); }

    void helpAndVersion()
    {
        const BatonRun help = baton({ u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"sessions export ID --format md|json"_s));
        QVERIFY(help.out.contains(u"--data-dir"_s));
        const BatonRun version = baton({ u"--version"_s });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"baton 0."_s));
    }

    void usageErrorsAreOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("unknown command") << QStringList { u"frobnicate"_s } << u"unknown command 'frobnicate'"_s;
        QTest::newRow("unknown option") << QStringList { u"--frob"_s } << u"Unknown option 'frob'"_s;
        QTest::newRow("unknown sessions command")
            << QStringList { u"sessions"_s, u"frob"_s } << u"unknown sessions command 'frob'"_s;
        QTest::newRow("show without id") << QStringList { u"sessions"_s, u"show"_s }
                                         << u"usage: baton sessions show ID"_s;
        QTest::newRow("format elsewhere") << QStringList { u"sessions"_s, u"list"_s, u"--format"_s, u"json"_s }
                                          << u"--format only applies to `baton sessions export`"_s;
        QTest::newRow("bad format") << QStringList { u"sessions"_s, u"export"_s, u"TRIP"_s, u"--format"_s, u"xml"_s }
                                    << u"unknown export format 'xml'"_s;
        QTest::newRow("unknown id") << QStringList { u"sessions"_s, u"show"_s, u"ffffffff-0000"_s }
                                    << u"no session with id 'ffffffff-0000'"_s;
        QTest::newRow("short prefix") << QStringList { u"sessions"_s, u"show"_s, u"ab"_s }
                                      << u"a prefix needs at least 4 characters"_s;
        QTest::newRow("search nothing") << QStringList { u"sessions"_s, u"search"_s }
                                        << u"usage: baton sessions search"_s;
    }
    void usageErrorsAreOneLineAndExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, sentence);
        args.replaceInStrings(u"TRIP"_s, m_trip);
        const BatonRun run = inStore(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count(u'\n'), 0);
        QVERIFY(run.out.isEmpty());
    }

    void listShowsNewestFirst()
    {
        for (const QStringList &args : { QStringList { u"sessions"_s, u"list"_s }, QStringList { u"sessions"_s } }) {
            const BatonRun run = inStore(args);
            QCOMPARE(run.exitCode, 0);
            const QStringList lines = run.out.trimmed().split(u'\n');
            QCOMPARE(lines.size(), 3);
            QVERIFY(lines.at(0).startsWith(u"ID"_s));
            QVERIFY(lines.at(1).startsWith(m_trip.left(8)));
            QVERIFY(lines.at(1).contains(u"completed telegram"_s));
            QVERIFY(lines.at(1).contains(u"Trip to Brindisi"_s));
            QVERIFY(lines.at(1).contains(u"    6  "_s)); // message count
            QVERIFY(lines.at(2).startsWith(m_notes.left(8)));
        }
    }

    void titlesShowWithoutTheirMarkdown()
    {
        SessionStore sessions(m_store->db);
        const QString id = sessions.createSession(u"**Plan** for `x`"_s);
        for (const QStringList &args :
            { QStringList { u"sessions"_s, u"list"_s }, QStringList { u"sessions"_s, u"show"_s, id.left(8) } }) {
            const BatonRun run = inStore(args);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.contains(u"Plan for x"_s), qPrintable(run.out));
            QVERIFY2(!run.out.contains(u"**Plan**"_s), qPrintable(run.out));
        }
    }

    void listOfAnEmptyStore()
    {
        QTemporaryDir empty;
        const BatonRun run = baton({ u"--data-dir"_s, empty.path(), u"sessions"_s, u"list"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(u"No sessions yet"_s));
    }

    void showByIdAndPrefix()
    {
        for (const QString &id : { m_trip, m_trip.left(8) }) {
            const BatonRun run = inStore({ u"sessions"_s, u"show"_s, id });
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.out.contains(u"Title:    Trip to Brindisi"_s));
            QVERIFY(run.out.contains(u"ID:       "_s + m_trip));
            QVERIFY(run.out.contains(u"Handoff:  completed to telegram (telegram:group:-1001:7)"_s));
            QVERIFY(run.out.contains(u"user (internal):"_s));
            QVERIFY(run.out.contains(u"assistant [partial]:"_s));
            QVERIFY(run.out.contains(u"tool [call_1]:"_s));
            QVERIFY(run.out.indexOf(u"when does the ferry leave?"_s) < run.out.indexOf(u"ferry at 21:00"_s));
        }
    }

    // Only the variant shown is the history (docs/variants.md): the one chosen in the window.
    void showPrintsOnlyTheVariantShown()
    {
        SessionStore sessions(m_store->db);
        Message question = message(MessageRole::User, u"best olives?"_s);
        question.sessionId = m_notes;
        Message first = message(MessageRole::Assistant, u"Kalamata from the market"_s);
        first.sessionId = m_notes;
        QVERIFY(sessions.appendMessage(question));
        const auto kept = sessions.appendMessage(first);
        QVERIFY(kept);
        QVERIFY(sessions.beginVariant(m_notes, kept->id));
        Message second = message(MessageRole::Assistant, u"Taggiasca in oil"_s);
        second.sessionId = m_notes;
        QVERIFY(sessions.appendMessage(second));
        BatonRun run = inStore({ u"sessions"_s, u"show"_s, m_notes });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Taggiasca in oil"_s), qPrintable(run.out));
        QVERIFY2(!run.out.contains(u"Kalamata"_s), qPrintable(run.out));
        QVERIFY(sessions.chooseVariant(kept->id));
        run = inStore({ u"sessions"_s, u"show"_s, m_notes });
        QVERIFY2(run.out.contains(u"Kalamata from the market"_s), qPrintable(run.out));
        QVERIFY2(!run.out.contains(u"Taggiasca"_s), qPrintable(run.out));
    }

    void ambiguousPrefix()
    {
        QVERIFY(m_store->exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('abcd0001-x', 1, 1), "
                              "('abcd0002-y', 1, 1)"_s));
        const BatonRun run = inStore({ u"sessions"_s, u"show"_s, u"abcd"_s });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"'abcd' is ambiguous: it matches abcd0001, abcd0002"_s), qPrintable(run.err));
        QCOMPARE(inStore({ u"sessions"_s, u"show"_s, u"abcd0002"_s }).exitCode, 0);
    }

    void exportJsonKeepsTheRoleAwareTranscript()
    {
        const BatonRun run = inStore({ u"sessions"_s, u"export"_s, m_trip.left(8), u"--format"_s, u"json"_s });
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value("id"_L1).toString(), m_trip);
        QCOMPARE(root.value("model"_L1).toString(), u"qwen"_s);
        QCOMPARE(root.value("handoff"_L1).toObject().value("state"_L1).toString(), u"completed"_s);
        const QJsonArray messages = root.value("messages"_L1).toArray();
        QCOMPARE(messages.size(), 6);
        QStringList roles;
        for (const QJsonValue &m : messages)
            roles << m.toObject().value("role"_L1).toString();
        QCOMPARE(roles, (QStringList { u"system"_s, u"user"_s, u"assistant"_s, u"tool"_s, u"user"_s, u"assistant"_s }));
        const QJsonObject call = messages.at(2).toObject().value("tool_calls"_L1).toArray().first().toObject();
        QCOMPARE(call.value("id"_L1).toString(), u"call_1"_s);
        QCOMPARE(call.value("function"_L1).toObject().value("arguments"_L1).toString(), u"{\"q\":\"x\"}"_s);
        QCOMPARE(messages.at(3).toObject().value("tool_call_id"_L1).toString(), u"call_1"_s);
        QCOMPARE(messages.at(4).toObject().value("internal"_L1).toBool(), true);
        QCOMPARE(messages.at(5).toObject().value("status"_L1).toString(), u"partial"_s);
    }

    void exportMarkdownIsTheDefault()
    {
        const BatonRun md = inStore({ u"sessions"_s, u"export"_s, m_trip, u"--format"_s, u"md"_s });
        const BatonRun plain = inStore({ u"sessions"_s, u"export"_s, m_trip });
        QCOMPARE(md.exitCode, 0);
        QCOMPARE(plain.out, md.out);
        QVERIFY(md.out.startsWith(u"# Trip to Brindisi\n"_s));
        QVERIFY(md.out.contains(u"## Tool result (call_1)"_s));
        QVERIFY(md.out.contains(u"## Assistant (cut short)"_s));
        QVERIFY(md.out.contains(u"Called `lookup` (call_1) with:"_s));
    }

    void exportCarriesTheChatsSystemPrompt()
    {
        QVERIFY(QJsonDocument::fromJson(
            inStore({ u"sessions"_s, u"export"_s, m_trip, u"--format"_s, u"json"_s }).out.toUtf8())["system_prompt"_L1]
                    .isNull()); // the default
        {
            SessionStore sessions(m_store->db);
            QVERIFY(sessions.setSystemPrompt(m_trip, u"Answer in Italian."_s));
        }
        const BatonRun json = inStore({ u"sessions"_s, u"export"_s, m_trip, u"--format"_s, u"json"_s });
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())["system_prompt"_L1].toString(), u"Answer in Italian."_s);
        const BatonRun md = inStore({ u"sessions"_s, u"export"_s, m_trip });
        QVERIFY2(md.out.contains(u"## System prompt of this chat\n\nAnswer in Italian.\n"_s), qPrintable(md.out));
    }

    void searchFindsVisibleMessagesOnly()
    {
        const BatonRun run = inStore({ u"sessions"_s, u"search"_s, u"ferr"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(m_trip.left(8) + u"  Trip to Brindisi  user: when does the ferry leave?"_s),
            qPrintable(run.out));
        const BatonRun internal = inStore({ u"sessions"_s, u"search"_s, u"handed"_s });
        QCOMPARE(internal.exitCode, 1);
        QVERIFY(internal.err.contains(u"No messages match \"handed\"."_s));
        QCOMPARE(inStore({ u"sessions"_s, u"search"_s, u"olives"_s }).exitCode, 0);
    }

    void searchMatchesAreBoldOnATerminalOnly()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TERM"_s, u"xterm"_s);
        const QString shown
            = onATerminal({ u"--data-dir"_s, m_store->dir.path(), u"sessions"_s, u"search"_s, u"ferr"_s }, env);
        QVERIFY2(shown.contains(u"user: when does the \033[1mferry\033[22m leave?"_s), qPrintable(shown));
        // A message cannot fake a match, nor slip its own sequences into the terminal.
        SessionStore sessions(m_store->db);
        Message sly = message(MessageRole::User, u"**bold** \033[1mferry\033[0m and \uE000ferry\uE001"_s);
        sly.sessionId = m_notes;
        QVERIFY(sessions.appendMessage(sly));
        const QString slyShown
            = onATerminal({ u"--data-dir"_s, m_store->dir.path(), u"sessions"_s, u"search"_s, u"bold"_s }, env);
        QVERIFY2(slyShown.contains(u"user: **\033[1mbold\033[22m** ferry and "_s), qPrintable(slyShown));
        QCOMPARE(slyShown.count(u"\033["_s), 2); // the one match, nothing of the message's own
        const BatonRun piped = inStore({ u"sessions"_s, u"search"_s, u"bold"_s });
        QVERIFY2(piped.out.contains(u"user: **bold** ferry and "_s), qPrintable(piped.out));
        QVERIFY(!piped.out.contains(u'\033'));
    }

    void dataDirFromTheEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        const BatonRun run = baton({ u"sessions"_s, u"list"_s }, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Trip to Brindisi"_s));
        // The option wins over the environment.
        QTemporaryDir other;
        const BatonRun option = baton({ u"--data-dir"_s, other.path(), u"sessions"_s, u"list"_s }, env);
        QVERIFY(!option.out.contains(u"Trip to Brindisi"_s));
    }

    void corruptStoreIsOneSentence()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"state.db"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x7f'));
        file.close();
        const BatonRun run = baton({ u"--data-dir"_s, dir.path(), u"sessions"_s, u"list"_s });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"is not a Baton database or is corrupt"_s), qPrintable(run.err));
    }

    void controlSequencesAreStrippedFromShowAndExport()
    {
        SessionStore sessions(m_store->db);
        const QString id = sessions.createSession(u"Evil \x1b]0;pwned\x07title"_s);
        Message m = message(MessageRole::Assistant,
            u"copy \x1b]52;c;ZWNobyBoaQ==\x07this\x1b[2J\x9b"
            u"31m\x1b]8;;file:///etc\x1b\\ok"_s);
        m.sessionId = id;
        QVERIFY(sessions.appendMessage(m));
        const QString prefix = id.left(8);
        for (const QStringList &args : { QStringList { u"sessions"_s, u"show"_s, prefix },
                 QStringList { u"sessions"_s, u"export"_s, prefix, u"--format"_s, u"md"_s },
                 QStringList { u"sessions"_s, u"list"_s } }) {
            const BatonRun run = inStore(args);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.contains(u"Evil title"_s), qPrintable(run.out));
            if (!args.contains(u"list"_s))
                QVERIFY2(run.out.contains(u"copy thisok"_s), qPrintable(run.out));
            for (const QChar c : run.out)
                QVERIFY2(c == u'\n' || c == u'\t'
                        || (c.unicode() >= 0x20 && c.unicode() != 0x7f && (c.unicode() < 0x80 || c.unicode() > 0x9f)),
                    qPrintable(args.join(u' ') + u": control 0x%1 printed"_s.arg(c.unicode(), 0, 16)));
        }
    }

    void codeIsColouredOnATerminalOnly()
    {
        SessionStore sessions(m_store->db);
        const QString id = sessions.createSession(u"Code"_s);
        Message m = message(MessageRole::Assistant, u"Here:\n```cpp\nint main() { return 0; }\n```\nDone."_s);
        m.sessionId = id;
        QVERIFY(sessions.appendMessage(m));
        const QStringList args { u"--data-dir"_s, m_store->dir.path(), u"sessions"_s, u"show"_s, id.left(8) };

        const BatonRun piped = baton(args);
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(piped.out.contains(u"int main() { return 0; }"_s), qPrintable(piped.out));
        QVERIFY2(!piped.out.contains(u'\x1b'), "no colour on a pipe");

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"BATON_DATA_DIR"_s);
        env.remove(u"NO_COLOR"_s);
        env.insert(u"TERM"_s, u"xterm-256color"_s);
        const QString onTerminal = onATerminal(args, env);
        QVERIFY2(onTerminal.contains(u"Done."_s), qPrintable(onTerminal));
#ifdef BATON_HAVE_ANSI_PLUGIN
        QVERIFY2(onTerminal.contains(QRegularExpression(u"\x1b\\[38;[25];[0-9;]+m(return)\x1b\\[0m"_s)),
            qPrintable(QString(onTerminal).replace(u'\x1b', u"\\e"_s)));
#else
        QVERIFY2(!onTerminal.contains(u'\x1b'), "without the plugin the terminal stays plain");
#endif
        env.insert(u"NO_COLOR"_s, u"1"_s);
        QVERIFY2(!onATerminal(args, env).contains(u'\x1b'), "NO_COLOR is respected");
    }

    void filesArePrivate()
    {
        QTemporaryDir parent;
        const QString dataDir = parent.filePath(u"fresh"_s);
        const BatonRun run = baton({ u"--data-dir"_s, dataDir, u"sessions"_s, u"list"_s });
        QCOMPARE(run.exitCode, 0);
        // Owner, group and other bits (Qt's "user" bits repeat the owner's).
        const auto modes = [](const QString &path) { return QFile::permissions(path) & QFile::Permissions(0x7077); };
        QCOMPARE(modes(dataDir), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(modes(dataDir + u"/state.db"_s), QFile::ReadOwner | QFile::WriteOwner);
    }
};

QTEST_GUILESS_MAIN(TestCliSessions)
#include "tst_cli_sessions.moc"
