// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/configcheck.h"
#include "registeredsingleton.h"

#include <QJSEngine>
#include <QObject>
#include <QVariantList>
#include <QtQmlIntegration>

class QFileSystemWatcher;

/**
 * @brief The page the window opens on when baton.ini has problems (ConfigCheck): each one with its
 * line, a way to open the file and to reset the section it is in, and a new check after each.
 *
 * Resetting rewrites the file without that section and keeps the old file beside it as
 * baton.ini.bak. Once nothing is wrong, resolved() lets the window start.
 */
class ConfigRepair : public QObject, public RegisteredSingleton<ConfigRepair>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString file READ file CONSTANT)
    /// [{line, sentence, text, fatal, section, resettable}]: text is the sentence the CLI prints;
    /// section is what a reset removes ("" for the lines before the first section).
    Q_PROPERTY(QVariantList problems READ problems NOTIFY problemsChanged)
    /// Whether a problem stops Baton; without one the page offers to continue.
    Q_PROPERTY(bool blocking READ blocking NOTIFY problemsChanged)
    /// What the last reset did, or why it could not.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    explicit ConfigRepair(const QString &file, QObject *parent = nullptr);

    [[nodiscard]] QString file() const { return m_file; }
    [[nodiscard]] QVariantList problems() const;
    [[nodiscard]] bool blocking() const;
    [[nodiscard]] QString notice() const { return m_notice; }
    /// True when the file has no problem at all.
    [[nodiscard]] bool isFine() const { return m_problems.isEmpty(); }
    /// The sentences the CLI prints, one per problem.
    [[nodiscard]] QStringList sentences() const;

    /// Checks the file again; resolved() follows when nothing is wrong any more.
    Q_INVOKABLE void recheck();
    /// Opens the file in the desktop's editor for it.
    Q_INVOKABLE void openFile();
    /// Rewrites the file without the section of problem @p index, keeping a copy as baton.ini.bak.
    Q_INVOKABLE void resetSection(int index);
    /// Starts Baton despite problems that do not stop it (unknown keys); does nothing while one does.
    Q_INVOKABLE void carryOn();

    /// The lines of @p text around @p line (1-based) that form one section: from its header (or
    /// the top) to the next header; @p section gets its name. Empty range when @p line is 0.
    struct Block
    {
        qsizetype first = 0;
        qsizetype end = 0; // one past the last line
        QString section;
    };
    [[nodiscard]] static Block blockAt(const QStringList &lines, int line);

Q_SIGNALS:
    void problemsChanged();
    void noticeChanged();
    /// The file is fine (or the person continues past what does not stop Baton): start the window.
    void resolved();

private:
    void setNotice(const QString &notice);
    void watch();
    void finish();

    QString m_file;
    QList<ConfigProblem> m_problems;
    QString m_notice;
    QFileSystemWatcher *m_watcher = nullptr;
};
