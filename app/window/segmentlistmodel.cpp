// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentlistmodel.h"

using namespace Qt::StringLiterals;

SegmentListModel::SegmentListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int SegmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SegmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Segment &s = m_rows.at(index.row());
    switch (role) {
    case CodeRole:
        return s.code;
    case Qt::DisplayRole:
    case TextRole:
        return s.text;
    case LanguageRole:
        return s.language;
    default:
        return {};
    }
}

QHash<int, QByteArray> SegmentListModel::roleNames() const
{
    return { { CodeRole, "code" }, { TextRole, "text" }, { LanguageRole, "language" } };
}

QVariantList SegmentListModel::segments() const
{
    QVariantList list;
    for (const Segment &s : m_rows)
        list.append(QVariantMap { { u"code"_s, s.code }, { u"text"_s, s.text }, { u"language"_s, s.language } });
    return list;
}

void SegmentListModel::setSegments(const QVariantList &segments)
{
    QList<Segment> fresh;
    fresh.reserve(segments.size());
    for (const QVariant &v : segments) {
        const QVariantMap m = v.toMap();
        fresh.append({ m.value(u"code"_s).toBool(), m.value(u"text"_s).toString(), m.value(u"language"_s).toString() });
    }
    if (fresh == m_rows)
        return;
    const qsizetype common = std::min(fresh.size(), m_rows.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (fresh.at(i) == m_rows.at(i))
            continue;
        const bool kindChanged = fresh.at(i).code != m_rows.at(i).code;
        m_rows[i] = fresh.at(i);
        // A row turning from prose into code needs another delegate; the Loader follows "code".
        Q_EMIT dataChanged(
            index(int(i)), index(int(i)), kindChanged ? QList<int> {} : QList<int> { TextRole, LanguageRole });
    }
    if (fresh.size() > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), int(fresh.size()) - 1);
        m_rows.append(fresh.sliced(m_rows.size()));
        endInsertRows();
    } else if (fresh.size() < m_rows.size()) {
        beginRemoveRows({}, int(fresh.size()), int(m_rows.size()) - 1);
        m_rows.resize(fresh.size());
        endRemoveRows();
    }
    Q_EMIT segmentsChanged();
}
