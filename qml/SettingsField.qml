// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

TextField {
    /// What the field holds, as its label on the page says it: the name a screen reader reads.
    property string label
    Layout.fillWidth: true
    selectByMouse: true
    Accessible.name: label
    Accessible.ignored: !visible
    // Qt 6.4 gives a password field no name at all (so a password cannot leak through it): there
    // the label goes before the hint in the description.
    Accessible.description: echoMode === TextInput.Normal ? placeholderText
        : qsTr("%1: %2").arg(label).arg(placeholderText)
}
