// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings page of one platform: on or off, the guided setup, the fields by hand, a connection
// test and Save.
ScrollView {
    id: platformPage

    // The Settings dialog whose page this is.
    required property var settingsDialog
    required property string modelData
    required property int index
    readonly property string name: modelData
    readonly property var info: settingsDialog.settings.platforms[index] || ({ secrets: [] })
    readonly property var test: settingsDialog.settings.tests[name] || ({})
    readonly property var save: settingsDialog.settings.saves[name] || ({})
    readonly property bool dirty: enabledSwitch.checked !== (info.enabled || false)
        || fields.homeChat !== (info.homeChat || "") || fields.allowedUsers !== (info.allowedUsers || "")
        || fields.token !== "" || fields.appToken !== ""

    objectName: "platformPage_" + name
    visible: settingsDialog.page === name
    contentWidth: availableWidth
    clip: true

    function reset() {
        enabledSwitch.checked = info.enabled || false
        fields.homeChat = info.homeChat || ""
        fields.allowedUsers = info.allowedUsers || ""
        fields.token = ""
        fields.appToken = ""
    }
    Component.onCompleted: reset()
    Connections {
        target: platformPage.settingsDialog
        function onResetFields() { platformPage.reset() }
    }
    Connections {
        // The setup wrote the token, the owner or the home: the fields show it.
        target: platformPage.settingsDialog.settings.setup
        function onChanged() {
            if (platformPage.settingsDialog.settings.setup.platform === platformPage.name)
                platformPage.reset()
        }
    }
    Connections {
        target: platformPage.settingsDialog.settings
        function onSaved(what, error) {
            if (what === platformPage.name && error === "")
                platformPage.reset()
        }
    }

    ColumnLayout {
        x: 28
        width: platformPage.availableWidth - 56
        spacing: 14

        Item { implicitHeight: 8 }
        RowLayout {
            Layout.fillWidth: true
            SettingsTitle { Layout.fillWidth: true; text: platformPage.info.displayName || "" }
            Switch {
                id: enabledSwitch
                objectName: "enabledSwitch"
                text: checked ? qsTr("Enabled") : qsTr("Disabled")
            }
        }
        SettingsHint {
            text: qsTr("Talk to Baton from %1 and hand conversations off to it.")
                .arg(platformPage.info.displayName || "")
            font.pixelSize: Theme.fontBody
        }
        PlatformSetup {
            Layout.fillWidth: true
            visible: platformPage.settingsDialog.settings.setup !== null
            setup: platformPage.settingsDialog.settings.setup
            platform: platformPage.name
            displayName: platformPage.info.displayName || ""
        }
        Label {
            Layout.topMargin: 6
            text: qsTr("Or by hand")
            font.weight: Font.DemiBold
        }
        SettingsPlatformFields {
            id: fields
            Layout.fillWidth: true
            Layout.topMargin: 6
            platform: platformPage.name
            info: platformPage.info
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 10
            Layout.leftMargin: 136
            spacing: Theme.padding
            Button {
                objectName: "testPlatformButton"
                Layout.alignment: Qt.AlignTop
                text: qsTr("Test connection")
                enabled: platformPage.test.state !== "running"
                onClicked: platformPage.settingsDialog.settings.testPlatform(platformPage.name, fields.token)
            }
            SettingsOutcome {
                objectName: "platformTestResult"
                Layout.alignment: Qt.AlignVCenter
                result: platformPage.test
                dotColor: Theme.stateColor(result.state)
            }
            Item { Layout.fillWidth: true; visible: !platformPage.test.text }
        }

        Rectangle { Layout.fillWidth: true; Layout.topMargin: 8; height: 1; color: Theme.line }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.padding
            SettingsOutcome {
                objectName: "platformSaveResult"
                result: platformPage.save
                dotColor: Theme.stateColor(result.state)
            }
            Item { Layout.fillWidth: true; visible: !platformPage.save.text }
            AccentButton {
                objectName: "savePlatformButton"
                text: qsTr("Save")
                fill: Theme.accent
                enabled: platformPage.dirty && platformPage.save.state !== "saving"
                onClicked: platformPage.settingsDialog.settings.savePlatform(platformPage.name, enabledSwitch.checked,
                    fields.homeChat, fields.allowedUsers, fields.token, fields.appToken)
            }
        }
        Item { implicitHeight: 12 }
    }
}
