// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QtQmlIntegration>

/**
 * @brief One message's prose and code blocks as rows, for the Repeater that shows them.
 *
 * A Repeater given a new JavaScript array recreates every delegate: each streamed delta would
 * rebuild and re-colour every code block of the reply. Given the new list here, only rows whose
 * text changed report a change, and rows are added or removed at the end: unchanged blocks keep
 * their delegate and their highlighting.
 */
class SegmentListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// [{code, text, language}], as MessageListModel's "segments" role gives it.
    Q_PROPERTY(QVariantList segments READ segments WRITE setSegments NOTIFY segmentsChanged)
    Q_PROPERTY(int count READ count NOTIFY segmentsChanged)

public:
    enum Role { CodeRole = Qt::UserRole + 1, TextRole, LanguageRole };

    explicit SegmentListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QVariantList segments() const;
    void setSegments(const QVariantList &segments);
    [[nodiscard]] int count() const { return int(m_rows.size()); }

Q_SIGNALS:
    void segmentsChanged();

private:
    struct Segment
    {
        bool code = false;
        QString text;
        QString language;
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    QList<Segment> m_rows;
};
