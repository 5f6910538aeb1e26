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

    [[nodiscard]] QString databasePath() const;

    /// Empty options fall back to BATON_DATA_DIR / BATON_CONFIG, then to ~/.local/share/baton and
    /// ~/.config/baton/baton.ini (through QStandardPaths, so XDG_* variables are honoured).
    [[nodiscard]] static AppPaths resolve(const QString &dataDirOption = {}, const QString &configOption = {});
};
