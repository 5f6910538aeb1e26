// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

Label {
    Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
    Layout.preferredWidth: 120
    horizontalAlignment: Text.AlignRight
    Accessible.ignored: !visible
}
