// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

class QSqlQuery;

enum class HandoffState { None, Pending, Running, Completed, Failed };

[[nodiscard]] QString handoffStateName(HandoffState state);
[[nodiscard]] std::optional<HandoffState> handoffStateFromName(QStringView name);
[[nodiscard]] inline bool isHandoffInFlight(HandoffState s)
{
    return s == HandoffState::Pending || s == HandoffState::Running;
}

/**
 * @brief A session's handoff columns as one value: where it is going and how far it got.
 */
struct HandoffStatus
{
    HandoffState state = HandoffState::None;
    QString platform;
    QString error;
    QString destination;
    QString claimedBy;
    qint64 requestedAt = 0;
    qint64 claimedAt = 0;
    qint64 leaseUntil = 0;
    qint64 finishedAt = 0;

    /// The columns fromQuery() reads, in order, for splicing into a SELECT.
    static QString columns();
    /// Reads columns() starting at @p firstColumn of the current row.
    static HandoffStatus fromQuery(const QSqlQuery &query, int firstColumn);
};
