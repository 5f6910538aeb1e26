// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

Label {
    Layout.fillWidth: true
    wrapMode: Text.Wrap
    font.pixelSize: Theme.fontHint
    color: Theme.subtle
    Accessible.ignored: !visible
}
