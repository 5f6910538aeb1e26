// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Where Baton keeps its config and data: command-line option, then environment, then XDG default.
 */
struct AppPaths
{
    QString dataDir;
    QString configFile;
    /// `[store] url` (BATON_STORE_URL wins): a PostgreSQL store; empty for state.db in dataDir.
    QString storeUrl;

    /// What Database::open takes: storeUrl, or state.db in the data directory.
    [[nodiscard]] QString storeLocation() const;

    /// Empty options fall back to BATON_DATA_DIR / BATON_CONFIG, then to ~/.local/share/baton and
    /// ~/.config/baton/baton.ini (through QStandardPaths, so XDG_* variables are honoured); the
    /// store's url comes from BATON_STORE_URL, then from the config file.
    [[nodiscard]] static AppPaths resolve(const QString &dataDirOption = {}, const QString &configOption = {});
};
