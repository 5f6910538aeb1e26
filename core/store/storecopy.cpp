// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecopy.h"

#include "database.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include <QHash>
#include <QMap>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// Names come from the two schemas' catalogues, never from a user.
QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

QString columnList(const QStringList &columns)
{
    QStringList names;
    for (const QString &column : columns)
        names << quoted(column);
    return names.join(u", "_s);
}

bool isNumber(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

// SQLite and PostgreSQL hand the same value back as different types (a 64-bit integer that one
// driver reads signed and the other unsigned, a double that went through text): compare meanings.
bool sameValue(const QVariant &source, const QVariant &target)
{
    if (source.isNull() || target.isNull())
        return source.isNull() == target.isNull();
    if (source.metaType().id() == QMetaType::Double || target.metaType().id() == QMetaType::Double) {
        const double a = source.toDouble(), b = target.toDouble();
        return std::abs(a - b) <= 1e-9 * std::max({ 1.0, std::abs(a), std::abs(b) });
    }
    if (isNumber(source) && isNumber(target))
        return source.toLongLong() == target.toLongLong();
    return source.toString() == target.toString();
}
} // namespace

struct StoreCopy::Columns
{
    QStringList names; // read from the source and written to the target, in this order
    QStringList key; // the primary key's columns
};

StoreCopy::StoreCopy(Database &source, Database &target)
    : m_source(source)
    , m_target(target)
{ }

QStringList StoreCopy::liveStateTables()
{
    // Which gateway leads a platform now: a copied lease would name a gateway of the old store.
    return { u"platform_leases"_s };
}

QStringList StoreCopy::tables(QString *error)
{
    QSqlQuery q(m_source.connection());
    if (!q.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid"_s)) {
        *error = m_source.describeError(tr("reading the tables"), sqlMessage(q.lastError()));
        return {};
    }
    QStringList all;
    QStringList searchIndexes;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (name.startsWith("sqlite_"_L1) || liveStateTables().contains(name))
            continue;
        // A virtual table (FTS5) and its shadow tables are a search index: PostgreSQL has its own.
        if (q.value(1).toString().startsWith("CREATE VIRTUAL TABLE"_L1, Qt::CaseInsensitive))
            searchIndexes << name;
        else
            all << name;
    }
    all.removeIf([&](const QString &name) {
        return std::any_of(searchIndexes.cbegin(), searchIndexes.cend(),
            [&](const QString &index) { return name.startsWith(index + u'_'); });
    });

    // Parents first, so every foreign key finds its row; otherwise the order they were made in.
    QHash<QString, QStringList> parents;
    for (const QString &table : std::as_const(all)) {
        if (!q.exec(u"PRAGMA foreign_key_list(%1)"_s.arg(quoted(table)))) {
            *error = m_source.describeError(tr("reading the foreign keys"), sqlMessage(q.lastError()));
            return {};
        }
        while (q.next()) {
            const QString parent = q.value(u"table"_s).toString();
            if (parent != table && all.contains(parent))
                parents[table] << parent;
        }
    }
    QStringList ordered;
    while (ordered.size() < all.size()) {
        const auto next = std::find_if(all.cbegin(), all.cend(), [&](const QString &table) {
            return !ordered.contains(table)
                && std::all_of(parents[table].cbegin(), parents[table].cend(),
                    [&](const QString &parent) { return ordered.contains(parent); });
        });
        if (next == all.cend()) {
            *error = tr("The tables of %1 reference each other in a circle; the copy cannot order them.")
                         .arg(m_source.path());
            return {};
        }
        ordered << *next;
    }
    return ordered;
}

bool StoreCopy::readColumns(const QString &table, Columns *columns, QString *error)
{
    QSqlQuery q(m_source.connection());
    if (!q.exec(u"PRAGMA table_info(%1)"_s.arg(quoted(table)))) {
        *error = m_source.describeError(tr("reading the columns"), sqlMessage(q.lastError()));
        return false;
    }
    QMap<int, QString> key;
    while (q.next()) {
        const QString name = q.value(u"name"_s).toString();
        columns->names << name;
        if (const int position = q.value(u"pk"_s).toInt(); position > 0)
            key.insert(position, name);
    }
    columns->key = key.values();
    if (columns->key.isEmpty()) {
        *error = tr("The table %1 of %2 has no primary key, so the copy cannot tell its rows apart.")
                     .arg(table, m_source.path());
        return false;
    }

    QSqlQuery target(m_target.connection());
    target.prepare(u"SELECT column_name FROM information_schema.columns "
                   "WHERE table_schema = current_schema() AND table_name = ?"_s);
    target.addBindValue(table);
    if (!target.exec()) {
        *error = m_target.describeError(tr("reading the columns"), sqlMessage(target.lastError()));
        return false;
    }
    QStringList targetColumns;
    while (target.next())
        targetColumns << target.value(0).toString();
    for (const QString &column : std::as_const(columns->names)) {
        if (!targetColumns.contains(column)) {
            *error = tr("The store at %1 has no column %2.%3, which %4 has; is Baton there a different version?")
                         .arg(m_target.path(), table, column, m_source.path());
            return false;
        }
    }
    // SQLite's implicit rowid is an explicit column on PostgreSQL (sessions): it keeps the order.
    if (targetColumns.contains("rowid"_L1) && !columns->names.contains("rowid"_L1)
        && q.exec(u"SELECT rowid FROM %1 LIMIT 0"_s.arg(quoted(table))))
        columns->names.prepend(u"rowid"_s);
    return true;
}

bool StoreCopy::copyTable(const QString &name, Result *result)
{
    Table table;
    table.name = name;
    Columns columns;
    if (!readColumns(name, &columns, &result->error))
        return false;

    QSqlQuery read(m_source.connection());
    read.setForwardOnly(true);
    if (!read.exec(
            u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(columnList(columns.names), quoted(name), columnList(columns.key)))) {
        result->error = m_source.describeError(tr("reading %1").arg(name), sqlMessage(read.lastError()));
        return false;
    }
    QList<QSqlRecord> batch;
    while (read.next()) {
        batch << read.record();
        if (batch.size() == batchRows) {
            if (!writeBatch(name, columns, batch, &table, result))
                return false;
            batch.clear();
        }
    }
    if (!batch.isEmpty() && !writeBatch(name, columns, batch, &table, result))
        return false;
    result->tables << table;
    return true;
}

bool StoreCopy::writeBatch(
    const QString &name, const Columns &columns, const QList<QSqlRecord> &rows, Table *table, Result *result)
{
    // Many rows a statement: a server across the internet costs a round trip per statement.
    const auto keyOf = [&columns](const QSqlRecord &row, bool byName) {
        QStringList values;
        for (qsizetype i = 0; i < columns.key.size(); ++i)
            values << (byName ? row.value(columns.key.at(i)) : row.value(int(i))).toString();
        return values.join(u'\x1f');
    };
    const auto tuples = [&rows](qsizetype width) {
        QStringList placeholders;
        placeholders.fill(u"?"_s, width);
        QStringList all;
        all.fill(u'(' + placeholders.join(u", "_s) + u')', rows.size());
        return all.join(u", "_s);
    };
    table->rows += rows.size();

    QSqlQuery insert(m_target.connection());
    // No conflict target: a clash on any unique index (a pairing code, a platform message) is caught too.
    insert.prepare(u"INSERT INTO %1 (%2) VALUES %3 ON CONFLICT DO NOTHING RETURNING %4"_s.arg(
        quoted(name), columnList(columns.names), tuples(columns.names.size()), columnList(columns.key)));
    int position = 0;
    for (const QSqlRecord &row : rows) {
        for (int i = 0; i < row.count(); ++i)
            insert.bindValue(position++, row.value(i));
    }
    if (!insert.exec()) {
        result->error = m_target.describeError(tr("writing %1").arg(name), sqlMessage(insert.lastError()));
        return false;
    }
    QSet<QString> inserted;
    while (insert.next())
        inserted << keyOf(insert.record(), false);
    table->copied += inserted.size();
    if (inserted.size() == rows.size())
        return true;

    // The rest were there already: the same, or a conflict.
    QList<QSqlRecord> others;
    for (const QSqlRecord &row : rows) {
        if (!inserted.contains(keyOf(row, true)))
            others << row;
    }
    QSqlQuery existing(m_target.connection());
    existing.prepare(u"SELECT %1 FROM %2 WHERE (%3) IN (%4)"_s.arg(
        columnList(columns.key + columns.names), quoted(name), columnList(columns.key), tuples(columns.key.size())));
    position = 0;
    for (const QSqlRecord &row : std::as_const(others)) {
        for (const QString &column : columns.key)
            existing.bindValue(position++, row.value(column));
    }
    if (!existing.exec()) {
        result->error = m_target.describeError(tr("reading %1").arg(name), sqlMessage(existing.lastError()));
        return false;
    }
    QHash<QString, QSqlRecord> there;
    while (existing.next()) {
        const QSqlRecord found = existing.record();
        there.insert(keyOf(found, false), found);
    }
    const int offset = int(columns.key.size());
    for (const QSqlRecord &row : std::as_const(others)) {
        const auto found = there.constFind(keyOf(row, true));
        bool same = found != there.cend();
        for (int i = 0; same && i < row.count(); ++i)
            same = sameValue(row.value(i), found->value(offset + i));
        if (same) {
            ++table->present;
            continue;
        }
        ++table->conflicts;
        if (result->conflicts.size() < 5) {
            QStringList key;
            for (const QString &column : std::as_const(columns.key))
                key << column + u'=' + row.value(column).toString();
            result->conflicts << name + u' ' + key.join(u' ');
        }
    }
    return true;
}

bool StoreCopy::continueSequences(QString *error)
{
    QSqlQuery q(m_target.connection());
    if (!q.exec(u"SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name"_s)) {
        *error = m_target.describeError(tr("reading the identity columns"), sqlMessage(q.lastError()));
        return false;
    }
    QList<std::pair<QString, QString>> identities;
    while (q.next())
        identities.append({ q.value(0).toString(), q.value(1).toString() });
    for (const auto &[table, column] : std::as_const(identities)) {
        // Only ever forward: ids a target handed out before are not handed out again.
        const QString sequence = u"pg_get_serial_sequence('%1', '%2')"_s.arg(quoted(table), column);
        const QString sql = u"SELECT setval(%1, GREATEST((SELECT COALESCE(max(%2), 0) + 1 FROM %3), "
                            "COALESCE(pg_sequence_last_value(%1::regclass) + 1, 1)), false)"_s.arg(
                                sequence, quoted(column), quoted(table));
        if (!q.exec(sql)) {
            *error = m_target.describeError(tr("continuing the ids of %1").arg(table), sqlMessage(q.lastError()));
            return false;
        }
    }
    return true;
}

StoreCopy::Result StoreCopy::run(const Progress &progress)
{
    Result result;
    const QStringList order = tables(&result.error);
    if (order.isEmpty()) {
        if (result.error.isEmpty())
            result.error = tr("%1 holds no tables.").arg(m_source.path());
        return result;
    }
    // One snapshot of the source, even while a gateway still writes to it.
    QSqlQuery snapshot(m_source.connection());
    if (!snapshot.exec(u"BEGIN"_s)) {
        result.error = m_source.describeError(tr("starting to read"), sqlMessage(snapshot.lastError()));
        return result;
    }
    const auto endSnapshot = qScopeGuard([&] { snapshot.exec(u"ROLLBACK"_s); });
    WriteTransaction transaction(m_target.connection());
    if (!transaction.isActive()) {
        result.error = m_target.describeError(tr("starting to write"), sqlMessage(transaction.lastError()));
        return result;
    }
    for (const QString &table : order) {
        if (!copyTable(table, &result))
            return result;
        if (progress)
            progress(result.tables.constLast());
    }
    qint64 conflicts = 0;
    for (const Table &table : std::as_const(result.tables))
        conflicts += table.conflicts;
    if (conflicts > 0) {
        result.error = tr("The store at %1 already holds other values for %2 of the rows being copied (%3). Nothing "
                          "was copied: copy into an empty database, or one this state.db was copied into before.")
                           .arg(m_target.path())
                           .arg(conflicts)
                           .arg(result.conflicts.join(u", "_s));
        return result;
    }
    if (!continueSequences(&result.error))
        return result;
    if (!transaction.commit()) {
        result.error = m_target.describeError(tr("committing the copy"), sqlMessage(transaction.lastError()));
        return result;
    }
    // Fresh statistics, or the planner scans whole tables of copied messages until autovacuum
    // comes round (a minute later). Not fatal: the rows are in.
    QSqlQuery analyze(m_target.connection());
    if (!analyze.exec(u"ANALYZE"_s))
        qWarning().noquote() << m_target.describeError(tr("updating the statistics"), sqlMessage(analyze.lastError()));
    result.ok = true;
    return result;
}
