// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

/// A dark desktop palette (Breeze Dark's colours), for screenshots of the dark look.
inline QPalette darkTestPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa3, 0xab));
    return p;
}
