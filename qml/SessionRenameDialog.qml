// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// A new title for a chat: the same title `/title` sets in the terminal.
Dialog {
    id: dialog
    objectName: "renameDialog"

    required property ChatController controller
    property string sessionId: ""

    function ask(sessionId: string, title: string) {
        dialog.sessionId = sessionId
        field.text = title
        open()
        field.selectAll()
        field.forceActiveFocus()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    title: qsTr("Rename chat")
    standardButtons: Dialog.Ok | Dialog.Cancel
    onAccepted: dialog.controller.actions.rename(dialog.sessionId, field.text)

    ColumnLayout {
        spacing: Theme.spacing
        Label {
            text: qsTr("Title")
        }
        TextField {
            id: field
            objectName: "renameField"
            Layout.preferredWidth: 360
            Accessible.name: qsTr("Title of the chat")
            onAccepted: dialog.accept()
        }
    }
}
