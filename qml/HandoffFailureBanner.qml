// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// A failed handoff of the open conversation, in full and until it is dismissed or handed off
// again, with the Settings page that fixes it.
Rectangle {
    id: banner

    required property ChatController controller
    readonly property HandoffPresenter handoff: controller.handoff

    /// Open the Settings page named @p page (a platform's).
    signal settingsRequested(string page)

    visible: handoff.failure !== ""
    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    color: Theme.tint(Theme.errorColor, 0.12)
    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.padding
        spacing: Theme.spacing
        Label {
            objectName: "handoffFailure"
            Layout.fillWidth: true
            text: banner.handoff.failure
            textFormat: Text.PlainText
            wrapMode: Text.Wrap // the whole reason, however long
            color: Theme.errorColor
            Accessible.ignored: !banner.visible
        }
        Button {
            objectName: "handoffFixButton"
            visible: banner.handoff.fixPage !== ""
            text: banner.handoff.fixLabel
            onClicked: banner.settingsRequested(banner.handoff.fixPage)
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Button {
            objectName: "handoffFailureClose"
            text: qsTr("Dismiss")
            flat: true
            onClicked: banner.handoff.dismissFailure()
            Accessible.name: qsTr("Dismiss the handoff failure")
            Accessible.ignored: !banner.visible
        }
    }
}
