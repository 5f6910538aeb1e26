// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Shown while no model works (none is set, or the one set does not answer): choose the server,
// test it, pick one of the models it lists and save. Tests and saves go through the Settings
// page's own calls, so the key lands in the keychain as there.
Rectangle {
    id: card

    readonly property SettingsController settings: SettingsController
    // Read as plain values: the maps' keys and the list's methods are JavaScript's.
    readonly property var tests: settings.tests
    readonly property var saves: settings.saves
    readonly property var offered: settings.testedModels
    readonly property ModelSetup modelSetup: settings.modelSetup
    /// The preset chosen (an index into modelSetup.presets).
    property int preset: 0
    readonly property var chosen: modelSetup.presets[preset]
    readonly property var test: tests["model"] || {}
    // The fields' labels line up across the rows.
    readonly property real labelWidth: Math.max(urlLabel.implicitWidth, keyLabel.implicitWidth, pickLabel.implicitWidth)
    /// The address the last Test asked: its models belong to it, not to what is typed since.
    property string testedUrl: ""
    readonly property bool listed: test.state === "ok" && testedUrl === urlField.text.trim()
        && offered.length > 0

    function choose(index) {
        preset = index
        urlField.text = modelSetup.presets[index].url
        if (modelSetup.presets[index].key)
            urlField.forceActiveFocus()
    }

    objectName: "connectModelCard"
    implicitWidth: 560
    implicitHeight: column.implicitHeight + 36
    radius: Theme.radius
    color: Theme.tint(Theme.accent, 0.08)
    border.color: Theme.tint(Theme.accent, 0.35)

    // Start from what baton.ini has: a preset's address selects it, any other is "Other server".
    Component.onCompleted: {
        const saved = settings.baseUrl
        const presets = modelSetup.presets
        preset = 0
        for (let i = 0; i < presets.length; ++i) {
            if (presets[i].url === saved || (presets[i].url === "" && i === presets.length - 1))
                preset = i
            if (presets[i].url === saved)
                break
        }
        urlField.text = presets[preset].url === "" ? saved : presets[preset].url
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 18
        spacing: 10

        Label {
            text: qsTr("Connect a model")
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            Accessible.ignored: !visible
        }
        Label {
            objectName: "connectModelReason"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: card.modelSetup.reason !== "" ? Theme.errorColor : Theme.subtle
            text: card.modelSetup.reason !== "" ? card.modelSetup.reason
                : qsTr("Baton writes with a model on an OpenAI-compatible server, on this computer or elsewhere. Choose the server you run; Baton asks it which models it has.")
            Accessible.ignored: !visible
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: card.modelSetup.presets
                delegate: Button {
                    id: presetButton
                    required property var modelData
                    required property int index
                    objectName: "preset_" + modelData.name
                    text: modelData.label
                    checkable: true
                    checked: card.preset === index
                    Accessible.name: modelData.url !== "" ? qsTr("%1 at %2").arg(modelData.label).arg(modelData.url)
                        : qsTr("Any OpenAI-compatible server")
                    Accessible.ignored: !visible
                    onClicked: card.choose(presetButton.index)
                }
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 12
            rowSpacing: 6
            Label {
                id: urlLabel
                Layout.preferredWidth: card.labelWidth
                text: qsTr("Address")
                Accessible.ignored: true
            }
            SettingsField {
                id: urlField
                objectName: "connectUrlField"
                label: urlLabel.text
                placeholderText: "https://api.example.com/v1"
            }
            Label {
                id: keyLabel
                Layout.preferredWidth: card.labelWidth
                text: qsTr("API key")
                visible: card.chosen.key
                Accessible.ignored: true
            }
            SettingsField {
                id: keyField
                objectName: "connectKeyField"
                visible: card.chosen.key
                label: keyLabel.text
                echoMode: TextInput.Password
                placeholderText: card.settings.apiKeySet ? qsTr("Saved in the keychain — type to replace")
                    : qsTr("If the server asks for one")
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Button {
                objectName: "connectTestButton"
                text: qsTr("Test")
                Accessible.name: qsTr("Test the server and list its models")
                Accessible.ignored: !visible
                enabled: urlField.text.trim() !== "" && card.test.state !== "running"
                onClicked: {
                    card.testedUrl = urlField.text.trim()
                    card.settings.testModel(card.testedUrl, keyField.visible ? keyField.text : "", "")
                }
            }
            SettingsOutcome {
                objectName: "connectTestResult"
                result: card.testedUrl !== "" ? card.test : ({})
                dotColor: Theme.stateColor(result.state)
            }
        }
        GridLayout {
            Layout.fillWidth: true
            visible: card.listed
            columns: 2
            columnSpacing: 12
            Label {
                id: pickLabel
                Layout.preferredWidth: card.labelWidth
                text: qsTr("Model")
                visible: card.listed
                Accessible.ignored: true
            }
            ComboBox {
                id: picker
                objectName: "connectModelPicker"
                Layout.fillWidth: true
                visible: card.listed
                model: card.offered
                Accessible.name: pickLabel.text
                Accessible.ignored: !visible
                onModelChanged: currentIndex = Math.max(0, card.offered.indexOf(card.settings.model))
                // The style's text field would reach a screen reader even while the box is hidden.
                contentItem: ModelChoiceText { text: picker.displayText }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            SettingsOutcome {
                objectName: "connectSaveResult"
                result: card.saves["model"] || {}
                dotColor: Theme.stateColor(result.state)
            }
            Item { Layout.fillWidth: true }
            AccentButton {
                objectName: "connectSaveButton"
                text: qsTr("Use this model")
                fill: Theme.accent
                Accessible.ignored: !visible
                enabled: card.listed && picker.currentText !== ""
                    && (card.saves["model"] || {}).state !== "saving"
                onClicked: card.settings.saveModel(card.testedUrl, picker.currentText,
                    keyField.visible ? keyField.text : "")
            }
        }
    }
}
