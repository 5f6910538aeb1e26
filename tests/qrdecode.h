// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

/**
 * @brief Reading QR codes back in tests with a decoder that is not ours: zbarimg (zbar-tools).
 */
namespace QrDecode {

/// What zbarimg reads in the image file @p path; empty when it finds no code (or is not installed).
[[nodiscard]] inline QString file(const QString &path)
{
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), path });
    if (!zbar.waitForFinished(30'000) || zbar.exitCode() != 0)
        return {};
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

/// Decodes rows of light (true) and dark (false) cells, each drawn as a @p scale pixel square.
[[nodiscard]] inline QString cells(const QList<QList<bool>> &light, int scale = 6)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("code.pgm"));
    const int rows = int(light.size());
    const int columns = rows ? int(light.first().size()) : 0;
    QByteArray pgm = "P5\n" + QByteArray::number(columns * scale) + ' ' + QByteArray::number(rows * scale) + "\n255\n";
    for (const QList<bool> &row : light) {
        QByteArray line;
        for (const bool cell : row)
            line.append(scale, cell ? char(255) : char(0));
        for (int i = 0; i < scale; ++i)
            pgm += line;
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(pgm) != pgm.size())
        return {};
    out.close();
    return file(path);
}

/// Decodes a QR code printed in Unicode half blocks (light drawn, dark blank).
[[nodiscard]] inline QString halfBlocks(const QString &text)
{
    QList<QList<bool>> light;
    for (const QString &line : text.split(u'\n')) {
        if (line.isEmpty())
            continue;
        QList<bool> top, bottom;
        for (const QChar c : line) {
            top << (c == QChar(0x2588) || c == QChar(0x2580));
            bottom << (c == QChar(0x2588) || c == QChar(0x2584));
        }
        light << top << bottom;
    }
    return cells(light);
}

} // namespace QrDecode
