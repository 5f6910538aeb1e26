// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

#include <limits>

/// An optional text column: empty binds as SQL NULL, so unique indexes and IS NULL tests work.
[[nodiscard]] inline QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// A NOT NULL text column: a null QString would bind as SQL NULL, so send "" instead.
[[nodiscard]] inline QVariant requiredText(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

/// A LIMIT: negative means no limit, as SQLite reads it; PostgreSQL refuses a negative one.
[[nodiscard]] inline QVariant rowLimit(qint64 limit)
{
    return limit < 0 ? QVariant(std::numeric_limits<qint64>::max()) : QVariant(limit);
}
