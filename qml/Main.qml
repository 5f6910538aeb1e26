// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The chat window: sessions on the left, the conversation on the right, the composer below it.
ApplicationWindow {
    id: window

    // What the window shows and changes, registered by the application as QML singletons.
    readonly property ChatController controller: ChatController
    readonly property SettingsController settingsController: SettingsController
    /// Whether the desktop's palette is dark (tests and screenshots name their look by it).
    readonly property bool dark: Theme.dark

    width: 1100
    height: 720
    minimumWidth: 720
    minimumHeight: 480
    visible: true
    title: qsTr("Baton — %1").arg(controller.title)

    // Controls follow the desktop's palette, light or dark, whatever style is in use.
    color: Theme.system.window
    palette.window: Theme.system.window
    palette.windowText: Theme.system.windowText
    palette.base: Theme.system.base
    palette.text: Theme.system.text
    palette.button: Theme.system.button
    palette.buttonText: Theme.system.buttonText
    palette.highlight: Theme.system.highlight
    palette.highlightedText: Theme.system.highlightedText
    palette.placeholderText: Theme.subtle

    function newChat() {
        window.controller.newChat()
        composer.focusInput()
    }
    function openSettings() {
        settingsDialog.open()
    }
    function openSettingsAt(page) {
        settingsDialog.page = page
        settingsDialog.open()
    }

    Shortcut { sequence: "Ctrl+N"; onActivated: window.newChat() }
    Shortcut { sequence: "Ctrl+K"; onActivated: sidebar.focusSearch() }
    Shortcut { sequence: "Esc"; enabled: window.controller.busy; onActivated: window.controller.stop() }

    LinkDialog {
        id: linkDialog
        objectName: "linkDialog"
        anchors.centerIn: Overlay.overlay
        hintColor: Theme.subtle
    }

    SettingsDialog {
        id: settingsDialog
        objectName: "windowSettings"
        settings: window.settingsController
    }

    TakeBackDialog {
        controller: window.controller
    }
    Shortcut { sequence: "Ctrl+,"; onActivated: window.openSettings() }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        SessionSidebar {
            id: sidebar
            Layout.preferredWidth: 280
            Layout.fillHeight: true
            controller: window.controller
            gatewayNote: window.settingsController.gatewayNote
            onNewChatRequested: window.newChat()
            onSettingsRequested: window.openSettings()
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ChatHeader {
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                controller: window.controller
            }

            LiveBanner {
                Layout.fillWidth: true
                Layout.preferredHeight: 44
                controller: window.controller
            }

            HandoffFailureBanner {
                Layout.fillWidth: true
                controller: window.controller
                onSettingsRequested: page => window.openSettingsAt(page)
            }

            MessageList {
                id: messageList
                Layout.fillWidth: true
                Layout.fillHeight: true
                controller: window.controller
                onLinkActivated: link => linkDialog.ask(link)
                onSetUpRequested: platform => {
                    settingsDialog.page = platform
                    settingsDialog.open()
                    window.settingsController.setup.begin(platform)
                }
            }

            // The model's failure, with a way to try again.
            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.marginLarge
                Layout.rightMargin: Theme.marginLarge
                // While no model works, the "Connect a model" card says why.
                visible: window.controller.errorText !== "" && !window.settingsController.modelSetup.needed
                Label {
                    objectName: "errorText"
                    Layout.fillWidth: true
                    text: window.controller.errorText
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.errorColor
                    Accessible.ignored: !visible
                }
                Button {
                    text: qsTr("Retry")
                    onClicked: window.controller.regenerate()
                    Accessible.ignored: !visible
                }
            }

            EditingBar {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.marginLarge
                Layout.rightMargin: Theme.marginLarge
                controller: window.controller
            }

            Composer {
                id: composer
                objectName: "composerPane"
                // Under the conversation's column, as wide as it.
                Layout.fillWidth: true
                Layout.maximumWidth: messageList.maximumColumnWidth
                Layout.alignment: Qt.AlignHCenter
                controller: window.controller
                hasMessages: messageList.count > 0
            }
        }
    }
}
