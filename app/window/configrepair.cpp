// SPDX-License-Identifier: GPL-3.0-or-later
#include "configrepair.h"

#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSaveFile>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
/// "[llm]" or "[llm ; note" -> "llm": what a header line names, whether or not it is closed.
QString headerName(const QString &line)
{
    QString name = line.trimmed().mid(1);
    if (const qsizetype comment = name.indexOf(u';'); comment >= 0)
        name = name.left(comment);
    name = name.trimmed();
    if (name.endsWith(u']'))
        name.chop(1);
    return name.trimmed();
}

bool isHeader(const QString &line)
{
    return line.trimmed().startsWith(u'[');
}
} // namespace

ConfigRepair::ConfigRepair(const QString &file, QObject *parent)
    : QObject(parent)
    , m_file(file)
    , m_problems(ConfigCheck::check(file))
{
    watch();
}

void ConfigRepair::watch()
{
    // An editor saves by writing or by replacing the file: either way the page checks again.
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(m_file);
    m_watcher->addPath(QFileInfo(m_file).absolutePath());
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigRepair::recheck);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (m_watcher && !m_watcher->files().contains(m_file) && QFile::exists(m_file))
            m_watcher->addPath(m_file);
        recheck();
    });
}

ConfigRepair::Block ConfigRepair::blockAt(const QStringList &lines, int line)
{
    Block block;
    if (line <= 0 || line > lines.size())
        return block;
    qsizetype first = line - 1;
    while (first > 0 && !isHeader(lines.at(first)))
        --first;
    block.first = isHeader(lines.at(first)) ? first : 0;
    block.section = isHeader(lines.at(block.first)) ? headerName(lines.at(block.first)) : QString();
    qsizetype end = std::max<qsizetype>(block.first + 1, line);
    while (end < lines.size() && !isHeader(lines.at(end)))
        ++end;
    block.end = end;
    return block;
}

QVariantList ConfigRepair::problems() const
{
    QStringList lines;
    QFile in(m_file);
    if (in.open(QIODevice::ReadOnly))
        lines = QString::fromUtf8(in.readAll()).split(u'\n');
    QVariantList list;
    for (const ConfigProblem &problem : m_problems) {
        const Block block = blockAt(lines, problem.line);
        list << QVariantMap { { u"line"_s, problem.line }, { u"sentence"_s, problem.sentence },
            { u"text"_s, problem.describe(m_file) }, { u"fatal"_s, problem.fatal }, { u"section"_s, block.section },
            { u"resettable"_s, block.end > block.first } };
    }
    return list;
}

bool ConfigRepair::blocking() const
{
    return std::any_of(m_problems.cbegin(), m_problems.cend(), [](const ConfigProblem &p) { return p.fatal; });
}

QStringList ConfigRepair::sentences() const
{
    QStringList list;
    for (const ConfigProblem &problem : m_problems)
        list << problem.describe(m_file);
    return list;
}

void ConfigRepair::setNotice(const QString &notice)
{
    if (notice != m_notice) {
        m_notice = notice;
        Q_EMIT noticeChanged();
    }
}

void ConfigRepair::recheck()
{
    if (!m_watcher)
        return; // resolved already
    const bool wasFine = isFine();
    m_problems = ConfigCheck::check(m_file);
    Q_EMIT problemsChanged();
    if (isFine() && !wasFine)
        finish();
}

void ConfigRepair::finish()
{
    // The window takes over: what the file says from now on is the Settings page's business.
    m_watcher->disconnect(this);
    m_watcher->deleteLater(); // this may run in its own signal
    m_watcher = nullptr;
    Q_EMIT resolved();
}

void ConfigRepair::openFile()
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_file)))
        setNotice(tr("No program opens %1 here: open it in a text editor.").arg(m_file));
}

void ConfigRepair::carryOn()
{
    if (!blocking())
        finish();
}

void ConfigRepair::resetSection(int index)
{
    if (index < 0 || index >= m_problems.size())
        return;
    QFile in(m_file);
    if (!in.open(QIODevice::ReadOnly))
        return setNotice(tr("%1 cannot be read: %2").arg(m_file, in.errorString()));
    const QByteArray original = in.readAll();
    in.close();
    QStringList lines = QString::fromUtf8(original).split(u'\n');
    const Block block = blockAt(lines, m_problems.at(index).line);
    if (block.end <= block.first)
        return;
    const QString backup = m_file + u".bak"_s;
    QSaveFile copy(backup);
    if (!copy.open(QIODevice::WriteOnly) || copy.write(original) != original.size() || !copy.commit())
        return setNotice(
            tr("Nothing was changed: the copy %1 could not be written (%2).").arg(backup, copy.errorString()));
    lines.remove(block.first, block.end - block.first);
    QSaveFile out(m_file);
    if (!out.open(QIODevice::WriteOnly) || out.write(lines.join(u'\n').toUtf8()) < 0 || !out.commit())
        return setNotice(tr("%1 could not be written: %2").arg(m_file, out.errorString()));
    setNotice(block.section.isEmpty()
            ? tr("Removed the lines before the first section. The old file is kept as %1.").arg(backup)
            : tr("Reset [%1]: its settings are gone and Baton uses the defaults. The old file is kept as %2.")
                  .arg(block.section, backup));
    recheck();
}
