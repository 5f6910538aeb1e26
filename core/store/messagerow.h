// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

class QSqlQuery;

/**
 * @brief The one column layout of a messages row, shared by every reader of that table.
 */
namespace MessageRow {

enum Column {
    Id,
    SessionId,
    Role,
    Content,
    ToolCalls,
    ToolCallId,
    Platform,
    PlatformMessageId,
    PlatformChat,
    Internal,
    Status,
    CreatedAt,
    PlatformThread,
    Interrupted
};

/// "id, session_id, role, ..." in Column order, for a SELECT.
[[nodiscard]] QString columns();
[[nodiscard]] Message fromQuery(const QSqlQuery &query);

} // namespace MessageRow
