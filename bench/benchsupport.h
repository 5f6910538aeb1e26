// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmark drivers share. They are drivers, not library code: they may spin the event
// loop until a figure is in.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <utility>

namespace BenchSupport {

[[noreturn]] inline void die(const char *bench, const QString &what)
{
    QTextStream(stderr) << bench << ": " << what << Qt::endl;
    std::exit(1);
}

inline bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * p)));
}

/**
 * @brief Figures side by side: one row per figure, one column per store (SQLite, PostgreSQL),
 * the unit last. Rows keep the order they were first set in; a cell never set prints as "-".
 */
class Table
{
public:
    explicit Table(QStringList columns)
        : m_columns(std::move(columns))
    { }

    void set(const QString &figure, qsizetype column, const QString &value, const QString &unit = {})
    {
        auto row = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.figure == figure; });
        if (row == m_rows.end()) {
            m_rows.append(Row { figure, unit, QStringList(m_columns.size()) });
            row = m_rows.end() - 1;
        }
        row->values[column] = value;
        if (!unit.isEmpty())
            row->unit = unit;
    }

    void print(QTextStream &out) const
    {
        qsizetype nameWidth = 6;
        QList<qsizetype> widths;
        for (const QString &column : m_columns)
            widths << column.size();
        for (const Row &row : m_rows) {
            nameWidth = std::max(nameWidth, row.figure.size());
            for (qsizetype c = 0; c < m_columns.size(); ++c)
                widths[c] = std::max(widths[c], std::max<qsizetype>(1, row.values[c].size()));
        }
        out << QStringLiteral("figure").leftJustified(nameWidth);
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            out << "  " << m_columns[c].rightJustified(widths[c]);
        out << Qt::endl;
        for (const Row &row : m_rows) {
            out << row.figure.leftJustified(nameWidth);
            for (qsizetype c = 0; c < m_columns.size(); ++c) {
                const QString &value = row.values[c];
                out << "  " << (value.isEmpty() ? QStringLiteral("-") : value).rightJustified(widths[c]);
            }
            out << "  " << row.unit << Qt::endl;
        }
    }

private:
    struct Row
    {
        QString figure;
        QString unit;
        QStringList values;
    };
    QStringList m_columns;
    QList<Row> m_rows;
};

} // namespace BenchSupport
