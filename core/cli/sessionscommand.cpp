// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionscommand.h"
#include "text/plaintitle.h"

#include "codecolouring.h"
#include "store/database.h"
#include "store/sessionlookup.h"
#include "store/sessionstore.h"
#include "terminaltext.h"
#include "transcriptformat.h"

#include <unistd.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SessionsCommand", text);
}

constexpr int shortIdLength = 8;

QString shortId(const QString &id)
{
    return id.left(shortIdLength);
}

QString handoffSummary(const HandoffStatus &h)
{
    if (h.state == HandoffState::None)
        return u"-"_s;
    return handoffStateName(h.state) + u' ' + h.platform;
}

// Continuation lines of a message body are indented under its header.
QString indented(const QString &text)
{
    QString body = text;
    body.replace(u'\n', u"\n    "_s);
    return u"    "_s + body;
}
} // namespace

SessionsCommand::SessionsCommand(const CliContext &context)
    : m_ctx(context)
{ }

int SessionsCommand::run(const QStringList &args, const QString &format)
{
    const QString sub = args.value(0, u"list"_s);
    const auto expectArgs = [&](qsizetype count, const QString &usage) {
        return args.size() == count ? ExitOk : m_ctx.fail(ExitUsage, tr("usage: baton sessions %1").arg(usage));
    };

    int status = ExitOk;
    if (sub == "list"_L1)
        status = expectArgs(args.isEmpty() ? 0 : 1, u"list"_s);
    else if (sub == "show"_L1)
        status = expectArgs(2, u"show ID"_s);
    else if (sub == "unlock"_L1)
        status = expectArgs(2, u"unlock ID"_s);
    else if (sub == "export"_L1) {
        status = expectArgs(2, u"export ID --format md|json"_s);
        if (status == ExitOk && !format.isEmpty() && format != "md"_L1 && format != "json"_L1)
            status = m_ctx.fail(ExitUsage, tr("unknown export format '%1'; use md or json.").arg(format));
    } else if (sub == "search"_L1) {
        if (args.size() < 2 || args.mid(1).join(u' ').trimmed().isEmpty())
            status = m_ctx.fail(ExitUsage, tr("usage: baton sessions search TEXT"));
    } else
        status = m_ctx.fail(
            ExitUsage, tr("unknown sessions command '%1'; use list, show, export, search or unlock.").arg(sub));
    if (status != ExitOk)
        return status;

    Database db;
    if (!db.open(m_ctx.paths.storeLocation()))
        return m_ctx.fail(ExitFailure, db.errorString());
    SessionStore store(db);

    if (sub == "list"_L1)
        return list(store);
    if (sub == "search"_L1)
        return search(store, args.mid(1).join(u' '));
    const QString id = resolveId(store, args.at(1), &status);
    if (id.isEmpty())
        return status;
    if (sub == "unlock"_L1)
        return unlock(store, id);
    return sub == "show"_L1 ? show(store, id) : exportSession(store, id, format.isEmpty() ? u"md"_s : format);
}

QString SessionsCommand::resolveId(SessionStore &store, const QString &idOrPrefix, int *status)
{
    const SessionLookup::Result found = SessionLookup::byId(store, idOrPrefix);
    if (found.id.isEmpty()) {
        *status = found.storeFailed ? ExitFailure : ExitUsage;
        m_ctx.fail(*status, found.error);
    }
    return found.id;
}

int SessionsCommand::list(SessionStore &store)
{
    const QList<Session> sessions = store.sessions();
    if (sessions.isEmpty()) {
        if (!store.errorString().isEmpty())
            return m_ctx.fail(ExitFailure, store.errorString());
        m_ctx.err << tr("No sessions yet in %1.").arg(m_ctx.paths.dataDir) << Qt::endl;
        return ExitOk;
    }
    m_ctx.out << QString(tr("ID").leftJustified(10) + tr("UPDATED").leftJustified(18) + tr("MSGS").rightJustified(5)
        + u"  "_s + tr("ORIGIN").leftJustified(10) + tr("HANDOFF").leftJustified(20) + tr("TITLE"))
              << '\n';
    for (const Session &s : sessions) {
        m_ctx.out << QString(shortId(s.id).leftJustified(10)
            + TranscriptFormat::localTime(s.updatedAt).leftJustified(18)
            + QString::number(s.messageCount).rightJustified(5) + u"  "_s + s.origin.leftJustified(10)
            + handoffSummary(s.handoff).leftJustified(20)
            + (s.title.isEmpty() ? tr("(untitled)") : TerminalText::strip(plainTitle(s.title))))
                  << '\n';
    }
    m_ctx.out.flush();
    return ExitOk;
}

int SessionsCommand::show(SessionStore &store, const QString &id)
{
    const std::optional<Session> s = store.session(id);
    if (!s)
        return m_ctx.fail(ExitFailure, store.errorString());
    const QList<Message> messages = store.transcript(id);
    if (messages.isEmpty() && !store.errorString().isEmpty() && s->messageCount > 0)
        return m_ctx.fail(ExitFailure, store.errorString());

    // Titles, messages and platform errors are untrusted: the terminal sees them without controls.
    QString text;
    QTextStream out(&text);
    out << tr("Title:    %1").arg(s->title.isEmpty() ? tr("(untitled)") : plainTitle(s->title)) << '\n'
        << tr("ID:       %1").arg(s->id) << '\n'
        << tr("Origin:   %1").arg(s->origin) << '\n'
        << tr("Model:    %1").arg(s->model.isEmpty() ? tr("(default)") : s->model) << '\n'
        << tr("Created:  %1").arg(TranscriptFormat::localTime(s->createdAt)) << '\n'
        << tr("Updated:  %1").arg(TranscriptFormat::localTime(s->updatedAt)) << '\n'
        << tr("Messages: %1").arg(s->messageCount) << '\n';
    if (s->endedAt > 0)
        out << tr("Ended:    %1 (%2)").arg(TranscriptFormat::localTime(s->endedAt), s->endedReason) << '\n';
    if (s->handoff.state != HandoffState::None) {
        out << tr("Handoff:  %1 to %2").arg(handoffStateName(s->handoff.state), s->handoff.platform);
        if (!s->handoff.destination.isEmpty())
            out << tr(" (%1)").arg(s->handoff.destination);
        if (!s->handoff.error.isEmpty())
            out << tr(": %1").arg(s->handoff.error);
        out << '\n';
    }
    for (const Message &m : messages) {
        QString header = messageRoleName(m.role);
        if (m.internal)
            header += tr(" (internal)");
        if (m.status != MessageStatus::Complete)
            header += u" ["_s + messageStatusName(m.status) + u']';
        if (!m.toolCallId.isEmpty())
            header += u" ["_s + m.toolCallId + u']';
        out << '\n'
            << TranscriptFormat::localTime(m.createdAt) << "  " << header << ":\n"
            << indented(m.content) << '\n';
        if (!m.toolCalls.isEmpty())
            out << indented(tr("tool calls: %1").arg(QString::fromUtf8(m.toolCalls))) << '\n';
    }
    out.flush();
    // Colours only after the strip: the sequences are ours, never the transcript's.
    m_ctx.out << CodeColouring::colour(TerminalText::strip(text), CodeColouring::forStdout());
    m_ctx.out.flush();
    return ExitOk;
}

int SessionsCommand::exportSession(SessionStore &store, const QString &id, const QString &format)
{
    const std::optional<Session> s = store.session(id);
    if (!s)
        return m_ctx.fail(ExitFailure, store.errorString());
    const QList<Message> messages = store.transcript(id);
    const std::optional<QString> prompt = store.systemPrompt(id);
    if (format == "json"_L1)
        m_ctx.out << QString::fromUtf8(TranscriptFormat::toJson(*s, messages, prompt));
    else
        m_ctx.out << TranscriptFormat::toMarkdown(*s, messages, prompt);
    m_ctx.out.flush();
    return ExitOk;
}

int SessionsCommand::search(SessionStore &store, const QString &text)
{
    const QList<SearchHit> hits = store.search(text);
    if (hits.isEmpty()) {
        if (!store.errorString().isEmpty())
            return m_ctx.fail(ExitFailure, store.errorString());
        m_ctx.err << tr("No messages match \"%1\".").arg(text) << Qt::endl;
        return ExitFailure;
    }
    // Matches in bold on a terminal, as grep marks them; plain on a pipe.
    const bool terminal = isatty(STDOUT_FILENO) == 1 && qEnvironmentVariable("TERM") != "dumb"_L1;
    for (const SearchHit &hit : hits) {
        QString snippet;
        qsizetype done = 0;
        for (const auto &[start, length] : hit.matches) {
            snippet += TerminalText::strip(hit.snippet.mid(done, start - done));
            const QString word = TerminalText::strip(hit.snippet.mid(start, length));
            snippet += terminal ? u"\033[1m"_s + word + u"\033[22m"_s : word;
            done = start + length;
        }
        snippet += TerminalText::strip(hit.snippet.mid(done));
        snippet.replace(u'\n', u' ');
        m_ctx.out << shortId(hit.sessionId) << "  "
                  << (hit.sessionTitle.isEmpty() ? tr("(untitled)") : TerminalText::strip(plainTitle(hit.sessionTitle)))
                  << "  " << messageRoleName(hit.role) << ": " << snippet << '\n';
    }
    m_ctx.out.flush();
    return ExitOk;
}

int SessionsCommand::unlock(SessionStore &store, const QString &id)
{
    QString owner;
    if (!store.unlockTurn(id, &owner))
        return m_ctx.fail(ExitFailure, store.errorString());
    m_ctx.out << tr("Unlocked session %1 (its reply was held by %2).")
                     .arg(shortId(id), owner.isEmpty() ? tr("an unknown process") : owner)
              << Qt::endl;
    return ExitOk;
}
