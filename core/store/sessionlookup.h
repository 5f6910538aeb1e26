// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class SessionStore;

/**
 * @brief Finds the session a person means: a full id, a unique id prefix, or (for /resume) a title.
 */
namespace SessionLookup {

struct Result
{
    QString id; // empty when not found
    QString error; // the sentence saying why, when not found
    bool storeFailed = false; // the error is the store's, not the user's
};

inline constexpr int minimumPrefix = 4;

/// A full id or a unique prefix of at least minimumPrefix characters.
[[nodiscard]] Result byId(SessionStore &store, const QString &text);
/// byId, else an exact title (ignoring case), else a title containing @p text if only one does.
[[nodiscard]] Result byIdOrTitle(SessionStore &store, const QString &text);

} // namespace SessionLookup
