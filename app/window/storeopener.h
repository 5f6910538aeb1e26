// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"
#include "config/settings.h"
#include "store/database.h"

#include <memory>

/// baton.ini and state.db for a window part, or the one sentence saying why they cannot be used.
[[nodiscard]] inline bool openSettingsAndStore(
    const AppPaths &paths, std::unique_ptr<Settings> &settings, std::unique_ptr<Database> &db, QString *error)
{
    settings = std::make_unique<Settings>(paths.configFile);
    if (!settings->errorString().isEmpty()) {
        *error = settings->errorString();
        return false;
    }
    db = std::make_unique<Database>();
    if (!db->open(paths.databasePath())) {
        *error = db->errorString();
        return false;
    }
    return true;
}
