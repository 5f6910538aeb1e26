// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

/**
 * @brief A QR code's modules, made by libqrencode: what the window paints as an image and the
 * terminal prints in half blocks. Core keeps to the matrix; pixels are the window's business.
 */
class QrMatrix
{
public:
    /// Encodes @p text (UTF-8, byte mode, error correction M); isValid() is false if it cannot be.
    [[nodiscard]] static QrMatrix encode(const QString &text);

    [[nodiscard]] bool isValid() const { return m_size > 0; }
    /// Modules per side, without the quiet zone.
    [[nodiscard]] int size() const { return m_size; }
    /// True for a dark module; false outside the code, so the quiet zone needs no special case.
    [[nodiscard]] bool dark(int x, int y) const
    {
        return x >= 0 && y >= 0 && x < m_size && y < m_size && m_dark[std::size_t(y) * m_size + x];
    }
    /// Modules of light border a reader needs around the code.
    static constexpr int quietZone = 4;

private:
    int m_size = 0;
    std::vector<bool> m_dark;
};
