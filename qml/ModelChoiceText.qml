// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// What a model ComboBox shows when closed: plain text the box itself names to a screen reader.
Label {
    leftPadding: 8
    rightPadding: 8
    verticalAlignment: Text.AlignVCenter
    elide: Text.ElideRight
    Accessible.ignored: true
}
