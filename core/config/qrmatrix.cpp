// SPDX-License-Identifier: GPL-3.0-or-later
#include "qrmatrix.h"

#include <qrencode.h>

QrMatrix QrMatrix::encode(const QString &text)
{
    QrMatrix matrix;
    const QByteArray bytes = text.toUtf8();
    QRcode *code = QRcode_encodeData(
        int(bytes.size()), reinterpret_cast<const unsigned char *>(bytes.constData()), 0, QR_ECLEVEL_M);
    if (!code)
        return matrix;
    matrix.m_size = code->width;
    matrix.m_dark.resize(std::size_t(code->width) * code->width);
    // Bit 0 of each byte is the module's colour; the others say what the module is for.
    for (std::size_t i = 0; i < matrix.m_dark.size(); ++i)
        matrix.m_dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return matrix;
}
