// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// A link in a message opens only after its whole address was shown, and only web and mail links.
Dialog {
    id: dialog
    property string url: ""
    property color hintColor: palette.placeholderText
    readonly property bool allowed: SafeText.canOpen(url)
    function ask(link) {
        url = link
        open()
    }
    modal: true
    title: allowed ? qsTr("Open this link?") : qsTr("This link cannot be opened")
    standardButtons: allowed ? Dialog.Open | Dialog.Cancel : Dialog.Close
    onAccepted: SafeText.openLink(url)
    ColumnLayout {
        spacing: 8
        Label {
            objectName: "linkDialogUrl"
            Layout.maximumWidth: 480
            text: dialog.url
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
        }
        Label {
            visible: !dialog.allowed
            Layout.maximumWidth: 480
            text: qsTr("Baton opens only web (http, https) and mail (mailto) links.")
            wrapMode: Text.Wrap
            color: dialog.hintColor
        }
    }
}
