// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// What can be done with a message besides copying it: flip through its variants, edit and resend
// a question, retry a failed reply in its place. From the keyboard on the message (MessageList):
// Alt+Left / Alt+Right, F2, and Ctrl+R.
RowLayout {
    id: actions

    required property ChatController controller
    required property var messageId
    required property string role
    required property string status
    required property bool streaming
    required property bool last // the last message of the conversation shown
    required property int variantIndex
    required property int variantCount
    required property var previousVariant
    required property var nextVariant

    spacing: Theme.spacingSmall

    VariantSwitcher {
        index: actions.variantIndex
        count: actions.variantCount
        previous: actions.previousVariant
        next: actions.nextVariant
        enabled: !actions.controller.busy
        onChosen: messageId => actions.controller.chooseVariant(messageId)
    }
    ToolButton {
        objectName: "editButton"
        text: qsTr("Edit")
        font.pixelSize: Theme.fontSmall
        implicitHeight: 22
        visible: actions.role === "user" && !actions.controller.busy
        focusPolicy: Qt.NoFocus // from the keyboard: F2 on the message
        onClicked: actions.controller.beginEdit(actions.messageId)
        Accessible.name: qsTr("Edit and resend your message")
        Accessible.ignored: !visible
    }
    Button {
        objectName: "retryButton"
        text: qsTr("Retry")
        font.pixelSize: Theme.fontSmall
        visible: actions.role === "assistant" && actions.status === "error" && actions.last
            && !actions.streaming && !actions.controller.busy
        focusPolicy: Qt.NoFocus // from the keyboard: Ctrl+R on the message
        onClicked: actions.controller.retry(actions.messageId)
        Accessible.name: qsTr("Retry this reply")
        Accessible.ignored: !visible
    }
}
