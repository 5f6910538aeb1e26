// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Asked once when a message is typed into a conversation that lives on a platform: sending it
// takes the conversation back, and the phone is told so, as Take back tells it.
Dialog {
    id: dialog

    required property ChatController controller
    readonly property HandoffPresenter handoff: controller.handoff

    objectName: "takeBackDialog"
    title: qsTr("Take this conversation back?")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(460, Overlay.overlay ? Overlay.overlay.width - 40 : 460)
    closePolicy: Popup.CloseOnEscape

    Connections {
        target: dialog.handoff
        function onTakeBackAsked() {
            dialog.open()
        }
    }

    Label {
        width: dialog.availableWidth
        text: qsTr("It continues on %1. Sending this message continues it here instead; %1 gets a note saying so.")
            .arg(dialog.controller.displayName(dialog.controller.livePlatform))
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
    }

    footer: RowLayout {
        spacing: Theme.spacing
        Item { Layout.fillWidth: true }
        Button {
            objectName: "takeBackConfirm"
            text: qsTr("Take back and send")
            Layout.bottomMargin: Theme.padding
            highlighted: true
            onClicked: dialog.accept()
            Accessible.name: text
        }
        Button {
            objectName: "takeBackCancel"
            Layout.rightMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
            text: qsTr("Keep it there")
            onClicked: dialog.reject()
            Accessible.name: text
        }
    }
    onAccepted: handoff.confirmTakeBack()
    onRejected: handoff.cancelTakeBack()
}
