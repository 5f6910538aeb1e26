// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQml.Models
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings page: the model endpoint, each platform's token, home chat and allowed users, and
// the pairing requests waiting for approval. Tokens go to the keychain and are never shown back.
Dialog {
    id: dialog

    required property SettingsController settings
    /// The page on show: model, telegram, discord, slack, pairing or away.
    property string page: "model"
    // Where the pages not shown wait, outside the window: kept with what was typed on them, and
    // out of a screen reader's reach (Qt hands it the children of a hidden item).
    readonly property Item offstage: Item {}

    /// Fields go back to what is saved (on open, and after a save).
    signal resetFields()

    parent: Overlay.overlay
    x: Math.round((parent.width - width) / 2)
    y: Math.round((parent.height - height) / 2)
    width: Math.min(parent.width - 64, 920)
    height: Math.min(parent.height - 56, 640)
    modal: true
    focus: true
    padding: 0
    topPadding: 0
    bottomPadding: 0
    closePolicy: Popup.CloseOnEscape
    onAboutToShow: {
        settings.reload()
        resetFields()
    }

    palette.window: Theme.system.window
    palette.windowText: Theme.system.windowText
    palette.base: Theme.system.base
    palette.text: Theme.system.text
    palette.button: Theme.system.button
    palette.buttonText: Theme.system.buttonText
    palette.highlight: Theme.system.highlight
    palette.highlightedText: Theme.system.highlightedText
    palette.placeholderText: Theme.subtle

    background: Rectangle {
        color: Theme.system.window
        radius: Theme.radius
        border.color: Theme.line
    }
    Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.55 : 0.3) }

    header: Item {
        implicitHeight: 56
        Label {
            anchors.left: parent.left
            anchors.leftMargin: 22
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Settings")
            font.pixelSize: Theme.fontDialogTitle
            font.weight: Font.DemiBold
        }
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.line }
    }

    footer: Item {
        implicitHeight: 56
        Rectangle { anchors.top: parent.top; width: parent.width; height: 1; color: Theme.line }
        Label {
            anchors.left: parent.left
            anchors.leftMargin: 22
            anchors.right: closeButton.left
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Settings are stored in baton.ini; tokens and keys only in the system keychain.")
            color: Theme.subtle
            font.pixelSize: Theme.fontHint
            elide: Text.ElideRight
        }
        Button {
            id: closeButton
            objectName: "settingsCloseButton"
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Close")
            onClicked: dialog.close()
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        SettingsNav {
            Layout.preferredWidth: 210
            Layout.fillHeight: true
            settings: dialog.settings
            page: dialog.page
            onPageChosen: page => dialog.page = page
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            // Why something cannot be shown or used: the config, the store or the keychain.
            Rectangle {
                id: errorBanner
                visible: dialog.settings.errorText !== ""
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.margin
                height: visible ? errorLabel.implicitHeight + 20 : 0
                radius: 6
                color: Theme.tint(Theme.errorColor, 0.12)
                Label {
                    id: errorLabel
                    objectName: "settingsError"
                    Accessible.ignored: !visible
                    anchors.fill: parent
                    anchors.margins: 10
                    text: dialog.settings.errorText
                    color: Theme.errorColor
                    wrapMode: Text.Wrap
                }
            }

            Item {
                id: pages
                anchors.fill: parent
                anchors.topMargin: errorBanner.visible ? errorBanner.height + Theme.margin : 0

                // The model endpoint.
                SettingsModelPage {
                    parent: dialog.page === "model" ? pages : dialog.offstage
                    width: pages.width
                    height: pages.height
                    dialog: dialog // the id: ids come before the page's own properties
                }

                // One page per platform. An Instantiator, not a Repeater: a Repeater would parent
                // every page to itself.
                Instantiator {
                    model: dialog.settings.platformNames
                    delegate: SettingsPlatformPage {
                        id: platformPage
                        parent: dialog.page === platformPage.name ? pages : dialog.offstage
                        width: pages.width
                        height: pages.height
                        settingsDialog: dialog
                    }
                }

                // People waiting for a yes or no.
                SettingsPairingPage {
                    parent: dialog.page === "pairing" ? pages : dialog.offstage
                    width: pages.width
                    height: pages.height
                    dialog: dialog
                }

                // Screen lock, sleep and notifications.
                SettingsAwayPage {
                    parent: dialog.page === "away" ? pages : dialog.offstage
                    width: pages.width
                    height: pages.height
                    dialog: dialog
                }
            }
        }
    }
}
