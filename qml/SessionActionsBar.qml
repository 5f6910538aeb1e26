// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Below the sessions: "Chat deleted. Undo" for a few seconds, then what an export or a rename did.
Rectangle {
    id: bar
    objectName: "sessionActionsBar"

    required property ChatController controller
    readonly property SessionActions actions: controller.actions
    readonly property bool pending: actions.pendingDeleteId !== ""

    visible: pending || actions.notice !== ""
    implicitHeight: row.implicitHeight + 2 * Theme.spacingSmall
    radius: 6
    color: Theme.card
    border.color: bar.actions.noticeIsError && !bar.pending ? Theme.errorColor : Theme.line
    Accessible.role: Accessible.AlertMessage
    Accessible.name: noticeLabel.text
    Accessible.ignored: !visible

    Shortcut {
        sequence: "Ctrl+Z"
        enabled: bar.pending
        onActivated: bar.actions.undoDelete()
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacingSmall
        spacing: Theme.spacingSmall
        Label {
            id: noticeLabel
            objectName: "sessionActionsText"
            Layout.fillWidth: true
            text: bar.pending ? qsTr("“%1” deleted.").arg(bar.actions.pendingDeleteTitle) : bar.actions.notice
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: bar.actions.noticeIsError && !bar.pending ? Theme.errorColor : Theme.system.windowText
            Accessible.ignored: !bar.visible
        }
        Button {
            objectName: "undoDeleteButton"
            visible: bar.pending
            text: qsTr("Undo")
            onClicked: bar.actions.undoDelete()
            Accessible.name: qsTr("Undo deleting “%1”").arg(bar.actions.pendingDeleteTitle)
            Accessible.ignored: !visible
        }
        ToolButton {
            objectName: "dismissNoticeButton"
            visible: !bar.pending
            text: "×"
            onClicked: bar.actions.clearNotice()
            Accessible.name: qsTr("Dismiss this note")
            Accessible.ignored: !visible
        }
    }
}
