// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings page "Away from the desk": what a screen lock does, sleep, notifications. A setting
// whose desktop service is missing is greyed out with the reason.
ScrollView {
    // The Settings dialog whose page this is.
    required property var dialog
    id: awayPage
    objectName: "awayPage"
    readonly property AwaySettings away: dialog.settings.away
    visible: dialog.page === "away"
    contentWidth: availableWidth
    clip: true

    readonly property bool dirty: onLockBox.currentIndex !== away.onLock
        || platformBox.currentIndex !== Math.max(0, platformBox.model.indexOf(away.platform))
        || minutesBox.value !== away.activeMinutes || keepAwakeSwitch.checked !== away.keepAwake
        || notifySwitch.checked !== away.notify
    function reset() {
        onLockBox.currentIndex = away.onLock
        platformBox.currentIndex = Math.max(0, platformBox.model.indexOf(away.platform))
        minutesBox.value = away.activeMinutes
        keepAwakeSwitch.checked = away.keepAwake
        notifySwitch.checked = away.notify
    }
    Component.onCompleted: reset()
    Connections {
        target: awayPage.dialog
        function onResetFields() { awayPage.reset() }
    }
    Connections {
        target: awayPage.away
        function onChanged() { awayPage.reset() }
    }

    ColumnLayout {
        x: 28
        width: awayPage.availableWidth - 56
        spacing: 14

        Item { implicitHeight: 8 }
        SettingsTitle { text: qsTr("Away from the desk") }
        SettingsHint {
            text: qsTr("When you lock the screen, the conversation can follow you to your phone; when you unlock it, Baton offers it back.")
            font.pixelSize: Theme.fontBody
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.topMargin: 6
            columns: 2
            columnSpacing: 16
            rowSpacing: 6

            SettingsFieldLabel { text: qsTr("When I lock the screen") }
            ComboBox {
                id: onLockBox
                objectName: "awayOnLock"
                Layout.fillWidth: true
                enabled: awayPage.away.lockUnavailable === ""
                model: [qsTr("Ask"), qsTr("Hand off the active conversation"), qsTr("Do nothing")]
                Accessible.name: qsTr("What Baton does when the screen locks")
            }
            Item { implicitWidth: 1 }
            SettingsHint {
                objectName: "awayLockReason"
                text: awayPage.away.lockUnavailable !== "" ? awayPage.away.lockUnavailable
                    : qsTr("Ask shows a notification with a Hand off to phone button.")
            }

            SettingsFieldLabel { text: qsTr("Platform"); Layout.topMargin: 8 }
            ComboBox {
                id: platformBox
                Layout.topMargin: 8
                Layout.fillWidth: true
                enabled: awayPage.away.lockUnavailable === "" && onLockBox.currentIndex !== 2
                model: [""].concat(awayPage.dialog.settings.platformNames)
                displayText: currentIndex <= 0 ? qsTr("The first one ready") : currentText
                Accessible.name: qsTr("Platform to hand off to when the screen locks")
            }
            Item { implicitWidth: 1 }
            Item { implicitWidth: 1 }

            SettingsFieldLabel { text: qsTr("Active conversation"); Layout.topMargin: 8 }
            RowLayout {
                Layout.topMargin: 8
                spacing: 8
                SpinBox {
                    id: minutesBox
                    from: 1
                    to: 1440
                    editable: true
                    enabled: awayPage.away.lockUnavailable === "" && onLockBox.currentIndex !== 2
                    Accessible.name: qsTr("Minutes a conversation counts as active")
                }
                Label { text: qsTr("minutes") }
            }
            Item { implicitWidth: 1 }
            SettingsHint { text: qsTr("The open conversation, if you used it in the last minutes given here or a reply is being written.") }
        }

        Switch {
            id: keepAwakeSwitch
            objectName: "awayKeepAwake"
            text: qsTr("Keep this computer awake while a conversation is on my phone")
            enabled: awayPage.away.sleepUnavailable === ""
        }
        SettingsHint {
            text: awayPage.away.sleepUnavailable !== "" ? awayPage.away.sleepUnavailable
                : qsTr("Otherwise Baton tells the phone before the computer sleeps and answers when it wakes.")
        }
        Switch {
            id: notifySwitch
            objectName: "awayNotify"
            text: qsTr("Notify me of replies and phone messages the window is not showing")
            enabled: awayPage.away.notificationsUnavailable === ""
        }
        SettingsHint {
            visible: awayPage.away.notificationsUnavailable !== ""
            text: awayPage.away.notificationsUnavailable
        }

        Rectangle { Layout.fillWidth: true; Layout.topMargin: 8; height: 1; color: Theme.line }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Item { Layout.fillWidth: true }
            AccentButton {
                objectName: "saveAwayButton"
                text: qsTr("Save")
                fill: Theme.accent
                enabled: awayPage.dirty
                onClicked: awayPage.away.save(onLockBox.currentIndex, platformBox.currentIndex <= 0 ? "" : platformBox.currentText,
                    minutesBox.value, keepAwakeSwitch.checked, notifySwitch.checked)
            }
        }
        Item { implicitHeight: 12 }
    }
}
