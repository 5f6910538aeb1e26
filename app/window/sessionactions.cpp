// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionactions.h"

#include "chatcontroller.h"
#include "cli/transcriptformat.h"
#include "config/settings.h"
#include "sessionlistmodel.h"
#include "store/sessionstore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
constexpr int defaultUndoMs = 8'000;
}

SessionActions::SessionActions(
    ChatController &controller, SessionStore &store, SessionListModel &list, Settings &settings, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_store(store)
    , m_list(list)
    , m_settings(settings)
    , m_undoTimer(new QTimer(this))
{
    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(defaultUndoMs);
    connect(m_undoTimer, &QTimer::timeout, this, &SessionActions::finishDelete);
}

SessionActions::~SessionActions()
{
    if (!m_pendingId.isEmpty() && !m_store.deleteSession(m_pendingId))
        qWarning().noquote() << "baton: could not delete the chat" << m_pendingId << ":" << m_store.errorString();
}

void SessionActions::setUndoMs(int ms)
{
    m_undoTimer->setInterval(ms);
}

bool SessionActions::fail(const QString &sentence)
{
    m_notice = sentence;
    m_noticeIsError = true;
    Q_EMIT noticeChanged();
    return false;
}

void SessionActions::say(const QString &sentence)
{
    m_notice = sentence;
    m_noticeIsError = false;
    Q_EMIT noticeChanged();
}

void SessionActions::clearNotice()
{
    if (!m_notice.isEmpty())
        say({});
}

void SessionActions::hide(const QString &sessionId)
{
    m_list.setHidden(sessionId.isEmpty() ? QStringList() : QStringList { sessionId });
}

bool SessionActions::rename(const QString &sessionId, const QString &title)
{
    const QString name = title.simplified();
    if (name.isEmpty())
        return fail(tr("A chat needs a title: type at least one character."));
    if (!m_store.setTitle(sessionId, name))
        return fail(m_store.errorString());
    clearNotice();
    // The header and the window title read the open chat's title on this signal.
    if (sessionId == m_controller.sessionId())
        Q_EMIT m_controller.sessionChanged();
    return true;
}

bool SessionActions::remove(const QString &sessionId)
{
    if (!m_pendingId.isEmpty() && m_pendingId != sessionId)
        finishDelete(); // one undo at a time: the earlier delete happens now
    const std::optional<Session> session = m_store.session(sessionId);
    if (!session)
        return fail(m_store.errorString());
    if (session->turnRunning)
        return fail(tr("A reply is being written in this chat; stop it or let it finish, then delete the chat."));
    if (session->handoff.state == HandoffState::Pending || session->handoff.state == HandoffState::Running)
        return fail(tr("This chat is being handed off; wait until the handoff has finished, then delete the chat."));
    if (const QString live = m_controller.livePlatformOf(sessionId); !live.isEmpty())
        return fail(tr("This chat continues on %1. Take it back first, then delete it.")
                        .arg(ChatController::displayName(live)));
    m_pendingId = sessionId;
    m_pendingTitle = session->title.isEmpty() ? tr("New chat") : session->title;
    hide(sessionId);
    m_pendingWasOpen = sessionId == m_controller.sessionId();
    if (m_pendingWasOpen)
        m_controller.newChat();
    clearNotice();
    m_undoTimer->start();
    Q_EMIT pendingDeleteChanged();
    return true;
}

void SessionActions::undoDelete()
{
    if (m_pendingId.isEmpty())
        return;
    m_undoTimer->stop();
    const QString id = std::exchange(m_pendingId, {});
    m_pendingTitle.clear();
    hide({});
    // Back where it was, unless another chat was opened meanwhile.
    if (m_pendingWasOpen && m_controller.sessionId().isEmpty())
        m_controller.openSession(id);
    Q_EMIT pendingDeleteChanged();
}

void SessionActions::finishDelete()
{
    if (m_pendingId.isEmpty())
        return;
    m_undoTimer->stop();
    const QString id = std::exchange(m_pendingId, {});
    m_pendingTitle.clear();
    // A phone message may have started a reply in it meanwhile: then the store refuses and it stays.
    if (!m_store.deleteSession(id))
        fail(m_store.errorString());
    hide({});
    Q_EMIT pendingDeleteChanged();
}

QString SessionActions::exportFileName(const QString &sessionId, const QString &format)
{
    const std::optional<Session> session = m_store.session(sessionId);
    static const QRegularExpression refused(u"[/\\\\:*?\"<>|\\x00-\\x1f]"_s);
    QString name = session ? session->title : QString();
    name = name.replace(refused, u" "_s).simplified().left(80);
    // A leading dot would hide the file.
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    if (name.isEmpty())
        name = tr("chat");
    return name + u'.' + (format == "json"_L1 ? u"json"_s : u"md"_s);
}

QUrl SessionActions::exportFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // Not every home has a Documents folder; a dialog shown a missing one opens somewhere arbitrary.
    return QUrl::fromLocalFile(QFileInfo(documents).isDir() ? documents : QDir::homePath());
}

bool SessionActions::exportTo(const QString &sessionId, const QUrl &file, const QString &format)
{
    const QString path = file.toLocalFile();
    if (path.isEmpty())
        return fail(tr("Exports are written to a local file; choose a folder on this computer."));
    const std::optional<Session> session = m_store.session(sessionId);
    if (!session)
        return fail(m_store.errorString());
    const QList<Message> messages = m_store.transcript(sessionId);
    if (messages.isEmpty() && !m_store.errorString().isEmpty())
        return fail(m_store.errorString());
    const std::optional<QString> prompt = m_store.systemPrompt(sessionId);
    // The same text as `baton sessions export`: Markdown without control sequences, JSON as stored.
    const QByteArray content = format == "json"_L1 ? TranscriptFormat::toJson(*session, messages, prompt)
                                                   : TranscriptFormat::toMarkdown(*session, messages, prompt).toUtf8();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.commit())
        return fail(tr("Could not write %1: %2.").arg(path, out.errorString()));
    say(tr("Exported “%1” to %2.")
            .arg(session->title.isEmpty() ? tr("New chat") : session->title, QFileInfo(path).absoluteFilePath()));
    return true;
}

QString SessionActions::systemPrompt(const QString &sessionId)
{
    return m_store.systemPrompt(sessionId).value_or(QString());
}

bool SessionActions::usesDefaultPrompt(const QString &sessionId)
{
    return !m_store.systemPrompt(sessionId).has_value();
}

QString SessionActions::defaultSystemPrompt() const
{
    return m_settings.systemPrompt();
}

bool SessionActions::setSystemPrompt(const QString &sessionId, bool useDefault, const QString &text)
{
    if (!m_store.setSystemPrompt(sessionId, useDefault ? std::nullopt : std::optional<QString>(text)))
        return fail(m_store.errorString());
    clearNotice();
    return true;
}
