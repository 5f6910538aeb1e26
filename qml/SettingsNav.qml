// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings pages to choose from: the model, each platform with its state, pairing and away.
Rectangle {
    id: nav

    required property SettingsController settings
    /// The page on show; a click changes it.
    required property string page
    signal pageChosen(string page)

    function pageNames() {
        let names = ["model"]
        for (const name of nav.settings.platformNames)
            names.push(name)
        names.push("pairing", "away")
        return names
    }

    color: Theme.sidebar
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: Theme.spacingTiny
        Repeater {
            model: nav.pageNames()
            delegate: ItemDelegate {
                id: entry
                required property string modelData
                required property int index
                readonly property var platform: index > 0 && modelData !== "pairing" && modelData !== "away"
                    ? (nav.settings.platforms[index - 1] || {}) : null
                readonly property string title: modelData === "model" ? qsTr("Model")
                    : modelData === "pairing" ? qsTr("Pairing requests")
                    : modelData === "away" ? qsTr("Away from the desk")
                    : (platform.displayName || "")
                // A platform's state: on and ready, on without a token, or off.
                readonly property string stateText: !platform ? "" : !platform.enabled ? qsTr("off")
                    : platform.tokenSet ? qsTr("on") : qsTr("no token")
                readonly property int waiting: modelData === "pairing" ? nav.settings.pairingRequests.length : 0
                objectName: "settingsNav_" + modelData
                Accessible.name: stateText !== "" ? qsTr("%1, %2").arg(title).arg(stateText)
                    : waiting > 0 ? qsTr("%1, %n waiting", "", waiting).arg(title) : title
                Layout.fillWidth: true
                implicitHeight: 38
                highlighted: nav.page === modelData
                onClicked: nav.pageChosen(modelData)
                background: Rectangle {
                    radius: 6
                    color: entry.highlighted ? Theme.tint(Theme.accent, 0.18)
                        : entry.hovered ? Theme.tint(Theme.accent, 0.08)
                        : "transparent"
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: entry.title
                        font.weight: entry.highlighted ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: entry.platform !== null
                        text: entry.stateText
                        Accessible.ignored: !visible
                        font.pixelSize: Theme.fontSmall
                        color: entry.platform && entry.platform.enabled
                            ? (entry.platform.tokenSet ? Theme.accent : Theme.errorColor) : Theme.subtle
                    }
                    CountBadge {
                        visible: entry.waiting > 0
                        count: entry.waiting
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
    Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.line }
}
