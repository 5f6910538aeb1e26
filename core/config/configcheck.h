// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

/// One thing wrong in baton.ini, where it is and what is wrong, in a sentence people read.
struct ConfigProblem
{
    int line = 0; // 1-based; 0 when the problem is the file as a whole
    QString section;
    QString key;
    QString sentence;
    /// A problem Baton cannot start with (a malformed line, a bad value); an unknown key is not.
    bool fatal = true;

    /// "<file>, line 3: ..." (or the file alone when no line applies).
    [[nodiscard]] QString describe(const QString &file) const;
};

/**
 * @brief Reads baton.ini line by line against what Baton understands (README "Configuration").
 *
 * QSettings says only "format error" and reads a bad value as its default; this names the line,
 * the key and what is wrong. The CLI, `baton doctor` and the window all ask this one check.
 */
namespace ConfigCheck {

/// Every problem in @p file, in line order; empty for an absent file or one that is fine.
[[nodiscard]] QList<ConfigProblem> check(const QString &file);
/// The same for text already read (what check() does after reading the file).
[[nodiscard]] QList<ConfigProblem> checkText(const QString &text);

} // namespace ConfigCheck
