// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistmodel.h"

#include "replystatsview.h"
#include "safemarkdown.h"
#include "store/sessionstore.h"

using namespace Qt::StringLiterals;

MessageListModel::MessageListModel(SessionStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(&m_store, &SessionStore::messageAppended, this, &MessageListModel::onAppended);
    connect(&m_store, &SessionStore::messageUpdated, this, &MessageListModel::onUpdated);
    // A variant begun or chosen, a failed reply gone: the branch shown is read again.
    connect(&m_store, &SessionStore::branchChanged, this, [this](const QString &sessionId) {
        if (sessionId == m_sessionId)
            refresh();
    });
    m_flush.setSingleShot(true);
    m_flush.setInterval(flushIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &MessageListModel::flushDeltas);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.content;
    case IdRole:
        return m.id;
    case RoleNameRole:
        return messageRoleName(m.role);
    case StatusRole:
        return messageStatusName(m.status);
    case PlatformRole:
        return m.platform;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(m.createdAt);
    case StreamingRole:
        return m.id == m_streamingId;
    case SegmentsRole:
        return segments(displayed(m.content));
    case VariantIndexRole:
        return m_variants.value(m.id).index;
    case VariantCountRole:
        return m_variants.value(m.id).count;
    case PreviousVariantRole:
        return m_variants.value(m.id).previous;
    case NextVariantRole:
        return m_variants.value(m.id).next;
    case ReasoningRole:
        return m_stats.value(m.id).reasoning;
    case StatsRole:
        return m.id == m_streamingId ? QVariantMap {} : ReplyStatsView::toMap(m_stats.value(m.id));
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return { { IdRole, "messageId" }, { RoleNameRole, "role" }, { ContentRole, "content" }, { StatusRole, "status" },
        { PlatformRole, "platform" }, { CreatedAtRole, "createdAt" }, { StreamingRole, "streaming" },
        { SegmentsRole, "segments" }, { VariantIndexRole, "variantIndex" }, { VariantCountRole, "variantCount" },
        { PreviousVariantRole, "previousVariant" }, { NextVariantRole, "nextVariant" }, { ReasoningRole, "reasoning" },
        { StatsRole, "stats" } };
}

void MessageListModel::setSession(const QString &sessionId)
{
    beginResetModel();
    m_sessionId = sessionId;
    m_streamingId = 0;
    m_pendingText.clear();
    m_pendingReasoning.clear();
    m_flush.stop();
    m_stats = sessionId.isEmpty() ? QHash<qint64, ReplyStats> {} : m_store.replyStatsOf(sessionId);
    // Synthetic turns go to the model but are never shown as something the user said.
    m_messages = sessionId.isEmpty() ? QList<Message> {} : m_store.transcript(sessionId, false);
    m_variants = sessionId.isEmpty() ? decltype(m_variants) {} : m_store.variants(sessionId);
    endResetModel();
}

int MessageListModel::rowOf(qint64 messageId) const
{
    // The rows that change are the last few: look from the end.
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        if (m_messages.at(i).id == messageId)
            return int(i);
    }
    return -1;
}

void MessageListModel::onAppended(const QString &sessionId, qint64 messageId)
{
    if (sessionId != m_sessionId || rowOf(messageId) >= 0)
        return;
    const auto message = m_store.message(messageId);
    if (!message || message->internal)
        return;
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(*message);
    endInsertRows();
    readVariants(); // a new variant changes its siblings' count
}

void MessageListModel::readVariants()
{
    const auto fresh = m_store.variants(m_sessionId);
    if (fresh == m_variants)
        return;
    const auto old = std::exchange(m_variants, fresh);
    const QList<int> roles { VariantIndexRole, VariantCountRole, PreviousVariantRole, NextVariantRole };
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        const qint64 id = m_messages.at(i).id;
        if (old.contains(id) || fresh.contains(id))
            Q_EMIT dataChanged(index(int(i)), index(int(i)), roles);
    }
}

void MessageListModel::onUpdated(const QString &sessionId, qint64 messageId)
{
    const int row = sessionId == m_sessionId ? rowOf(messageId) : -1;
    if (row < 0)
        return;
    if (const auto message = m_store.message(messageId)) {
        m_messages[row] = *message;
        if (const auto stats = m_store.replyStats(messageId))
            m_stats.insert(messageId, *stats);
        if (m_streamingId == messageId) {
            m_streamingId = 0; // the stored text is the final one
            m_pendingText.clear();
            m_pendingReasoning.clear();
            m_flush.stop();
        }
        Q_EMIT dataChanged(index(row), index(row));
    }
}

bool MessageListModel::startStreaming(qint64 messageId)
{
    if (messageId == m_streamingId)
        return true;
    flushDeltas();
    const int row = rowOf(messageId);
    if (row < 0)
        return false;
    m_streamingId = messageId;
    Q_EMIT dataChanged(index(row), index(row), { StreamingRole, StatsRole });
    return true;
}

void MessageListModel::appendDelta(qint64 messageId, const QString &text)
{
    if (!startStreaming(messageId))
        return;
    m_pendingText += text;
    if (!m_flush.isActive())
        m_flush.start();
}

void MessageListModel::appendReasoning(qint64 messageId, const QString &text)
{
    if (!startStreaming(messageId))
        return;
    m_pendingReasoning += text;
    if (!m_flush.isActive())
        m_flush.start();
}

void MessageListModel::flushDeltas()
{
    m_flush.stop();
    if (m_pendingText.isEmpty() && m_pendingReasoning.isEmpty())
        return;
    const int row = rowOf(m_streamingId);
    if (row < 0) {
        m_pendingText.clear();
        m_pendingReasoning.clear();
        return;
    }
    QList<int> roles;
    if (!m_pendingReasoning.isEmpty()) {
        m_stats[m_streamingId].reasoning += std::exchange(m_pendingReasoning, {});
        roles << ReasoningRole;
    }
    if (!m_pendingText.isEmpty()) {
        m_messages[row].content += std::exchange(m_pendingText, {});
        roles << ContentRole << SegmentsRole;
    }
    Q_EMIT dataChanged(index(row), index(row), roles);
}

QString MessageListModel::displayed(const QString &content)
{
    if (content.size() <= maxDisplayedChars)
        return content;
    // Laying out megabytes of text would freeze the window for seconds, at every streamed delta.
    qsizetype cut = maxDisplayedChars;
    if (content.at(cut - 1).isHighSurrogate())
        --cut;
    return content.first(cut)
        + tr("\n\n*(This message is %L1 characters long; the window shows the first %L2. The whole text is in the "
             "store: `baton sessions export` writes it out.)*")
              .arg(content.size())
              .arg(cut);
}

QVariantList MessageListModel::segments(const QString &markdown)
{
    // Code blocks get their own monospaced box with a copy button; the rest is Markdown prose.
    QVariantList parts;
    QStringList prose, code;
    QString language;
    bool inCode = false;
    const auto flush = [&](bool isCode, QStringList &lines) {
        const QString text = lines.join(u'\n');
        // Prose is Markdown the window renders: it must never carry HTML or an image (SafeMarkdown).
        if (!text.trimmed().isEmpty())
            parts.append(QVariantMap { { u"code"_s, isCode },
                { u"text"_s, isCode ? text : SafeMarkdown::toDisplay(text) }, { u"language"_s, language } });
        lines.clear();
    };
    for (const QString &line : markdown.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"```"_s)) {
            if (!inCode) {
                flush(false, prose);
                language = trimmed.mid(3).trimmed().left(32); // a label, not a line of the reply
            } else {
                flush(true, code);
                language.clear();
            }
            inCode = !inCode;
            continue;
        }
        (inCode ? code : prose) << line;
    }
    flush(inCode, inCode ? code : prose); // a block still being written shows as code already
    return parts;
}

void MessageListModel::refresh()
{
    if (m_sessionId.isEmpty())
        return;
    const QList<Message> fresh = m_store.transcript(m_sessionId, false);
    QHash<qint64, ReplyStats> stats = m_store.replyStatsOf(m_sessionId);
    if (m_streamingId != 0 && m_stats.contains(m_streamingId))
        stats.insert(m_streamingId, m_stats.value(m_streamingId)); // ours: the stream is ahead of the store
    m_stats = stats;
    // Rows are only ever added at the end or changed in place.
    const qsizetype common = std::min(fresh.size(), m_messages.size());
    bool prefixSame = true;
    for (qsizetype i = 0; i < common && prefixSame; ++i)
        prefixSame = fresh.at(i).id == m_messages.at(i).id;
    if (!prefixSame || fresh.size() < m_messages.size()) {
        beginResetModel();
        m_messages = fresh;
        m_variants = m_store.variants(m_sessionId);
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < common; ++i) {
        if (fresh.at(i).content != m_messages.at(i).content || fresh.at(i).status != m_messages.at(i).status) {
            if (fresh.at(i).id == m_streamingId)
                continue; // ours, still streaming: the deltas are ahead of the store
            m_messages[i] = fresh.at(i);
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
        }
    }
    if (fresh.size() > m_messages.size()) {
        beginInsertRows({}, int(m_messages.size()), int(fresh.size()) - 1);
        m_messages.append(fresh.mid(m_messages.size()));
        endInsertRows();
    }
    readVariants();
}
