// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// What Baton opens on when baton.ini has problems: each with its line and what is wrong, the
// file to open and a section to reset. The chat window follows once the file is fine.
ApplicationWindow {
    id: window

    readonly property ConfigRepair repair: ConfigRepair

    width: 820
    height: 560
    minimumWidth: 560
    minimumHeight: 400
    visible: true
    title: qsTr("Baton — check baton.ini")

    color: Theme.system.window
    palette.window: Theme.system.window
    palette.windowText: Theme.system.windowText
    palette.base: Theme.system.base
    palette.text: Theme.system.text
    palette.button: Theme.system.button
    palette.buttonText: Theme.system.buttonText
    palette.highlight: Theme.system.highlight
    palette.highlightedText: Theme.system.highlightedText

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: Theme.marginLarge
            width: window.width - 2 * Theme.marginLarge
            spacing: 12

            Item { implicitHeight: 12 }
            Label {
                objectName: "configErrorTitle"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: window.repair.blocking ? qsTr("Baton cannot start with its configuration file")
                    : qsTr("Baton's configuration file has settings it does not know")
                font.pixelSize: Theme.fontPageTitle
                font.weight: Font.DemiBold
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.subtle
                text: window.repair.blocking
                    ? qsTr("Fix the lines below in the file, or reset the section they are in. Baton checks the file again when it changes and opens once it is fine.")
                    : qsTr("Baton ignores them. Fix or reset them, or continue as it is.")
            }
            TextEdit {
                objectName: "configFile"
                Layout.fillWidth: true
                text: window.repair.file
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                color: Theme.system.text
                font.family: "monospace"
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("File: %1").arg(window.repair.file)
            }

            Repeater {
                model: window.repair.problems
                delegate: Rectangle {
                    id: problem
                    required property var modelData
                    required property int index
                    objectName: "configProblem"
                    Layout.fillWidth: true
                    implicitHeight: problemColumn.implicitHeight + 24
                    radius: Theme.radius
                    color: Theme.card
                    border.color: modelData.fatal ? Theme.errorColor : Theme.line

                    ColumnLayout {
                        id: problemColumn
                        anchors.fill: parent
                        anchors.margins: 12
                        spacing: 6
                        Label {
                            objectName: "problemLine"
                            text: problem.modelData.line > 0 ? qsTr("Line %1").arg(problem.modelData.line)
                                : qsTr("The whole file")
                            font.weight: Font.DemiBold
                            color: problem.modelData.fatal ? Theme.errorColor : Theme.system.text
                        }
                        Label {
                            objectName: "problemSentence"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            text: problem.modelData.sentence
                            Accessible.name: problem.modelData.text
                        }
                        Button {
                            objectName: "resetSection_" + problem.index
                            visible: problem.modelData.resettable
                            text: problem.modelData.section !== "" ? qsTr("Reset [%1]").arg(problem.modelData.section)
                                : qsTr("Remove the lines before the first section")
                            Accessible.name: problem.modelData.section !== ""
                                ? qsTr("Reset the section %1, keeping a copy of the file").arg(problem.modelData.section)
                                : text
                            Accessible.ignored: !visible
                            onClicked: window.repair.resetSection(problem.index)
                        }
                    }
                }
            }

            Label {
                objectName: "configNotice"
                Layout.fillWidth: true
                visible: text !== ""
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                text: window.repair.notice
                Accessible.ignored: !visible
            }

            RowLayout {
                spacing: 12
                Button {
                    objectName: "openConfigButton"
                    text: qsTr("Open the file")
                    Accessible.name: qsTr("Open %1 in an editor").arg(window.repair.file)
                    onClicked: window.repair.openFile()
                }
                Button {
                    objectName: "recheckButton"
                    text: qsTr("Check again")
                    onClicked: window.repair.recheck()
                }
                AccentButton {
                    objectName: "continueButton"
                    visible: !window.repair.blocking
                    text: qsTr("Continue")
                    fill: Theme.accent
                    Accessible.name: qsTr("Continue without these settings")
                    Accessible.ignored: !visible
                    onClicked: window.repair.carryOn()
                }
            }
            Item { implicitHeight: 12 }
        }
    }
}
