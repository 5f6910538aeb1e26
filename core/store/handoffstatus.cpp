// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffstatus.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

QString handoffStateName(HandoffState state)
{
    switch (state) {
    case HandoffState::None:
        return {};
    case HandoffState::Pending:
        return u"pending"_s;
    case HandoffState::Running:
        return u"running"_s;
    case HandoffState::Completed:
        return u"completed"_s;
    case HandoffState::Failed:
        return u"failed"_s;
    }
    return {};
}

std::optional<HandoffState> handoffStateFromName(QStringView name)
{
    for (HandoffState s : { HandoffState::None, HandoffState::Pending, HandoffState::Running, HandoffState::Completed,
             HandoffState::Failed }) {
        if (handoffStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString HandoffStatus::columns()
{
    return u"handoff_state, handoff_platform, handoff_error, handoff_destination, handoff_claimed_by, "
           "handoff_requested_at, handoff_claimed_at, handoff_lease_until, handoff_finished_at"_s;
}

HandoffStatus HandoffStatus::fromQuery(const QSqlQuery &query, int first)
{
    HandoffStatus status;
    status.state = handoffStateFromName(query.value(first).toString()).value_or(HandoffState::None);
    status.platform = query.value(first + 1).toString();
    status.error = query.value(first + 2).toString();
    status.destination = query.value(first + 3).toString();
    status.claimedBy = query.value(first + 4).toString();
    status.requestedAt = query.value(first + 5).toLongLong();
    status.claimedAt = query.value(first + 6).toLongLong();
    status.leaseUntil = query.value(first + 7).toLongLong();
    status.finishedAt = query.value(first + 8).toLongLong();
    return status;
}
