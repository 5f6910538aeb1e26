// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Above the composer while a message is being edited: sending resends it, keeping the old one and
// what followed as a variant; Cancel (or Esc) leaves it as it was.
RowLayout {
    id: bar

    required property ChatController controller

    objectName: "editingBar"
    visible: controller.editing
    spacing: Theme.spacing
    Accessible.ignored: !visible

    Shortcut {
        sequence: "Esc"
        enabled: bar.visible
        onActivated: bar.controller.cancelEdit()
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Editing your message: sending it starts a new variant; the old one stays a click away.")
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.subtle
        font.pixelSize: Theme.fontHint
        Accessible.ignored: !bar.visible
    }
    Button {
        objectName: "cancelEditButton"
        text: qsTr("Cancel")
        flat: true
        onClicked: bar.controller.cancelEdit()
        Accessible.name: qsTr("Cancel editing")
        Accessible.ignored: !bar.visible
    }
}
