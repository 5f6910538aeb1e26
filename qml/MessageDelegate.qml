// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// One message as a bubble: prose as Markdown, each fenced code block in its own box, and below it
// where it came from, whether it was cut short, and a copy button.
Item {
    id: message

    required property ChatController controller
    required property string role
    required property string content
    required property string status
    required property string platform
    required property bool streaming
    required property var segments
    required property int index
    required property var messageId
    required property int variantIndex
    required property int variantCount
    required property var previousVariant
    required property var nextVariant
    required property string reasoning
    required property var stats
    readonly property bool mine: role === "user"
    /// The conversation's column inside this full-width row (MessageList): a ListView places its
    /// delegates itself (Qt 6.8 moves them back to x 0), so the row spans the list and the
    /// bubble sits in the column.
    property real columnX: 0
    property real columnWidth: width

    /// A link in the prose was clicked: it opens only after the address was shown.
    signal linkActivated(string link)
    function toggleThinking(): bool { return thinking.toggle() }

    // A reply another surface has only just begun has no words yet: nothing to show.
    visible: (role === "user" || role === "assistant") && (content !== "" || streaming || reasoning !== "")
    height: visible ? bubbleBox.height : 0
    // What a screen reader says: who wrote it and the words (code blocks included), then where it
    // came from and whether it was cut short.
    Accessible.role: Accessible.ListItem
    Accessible.name: (mine ? qsTr("You: %1") : qsTr("Baton: %1")).arg(content)
    Accessible.description: viaLabel.visible && cutLabel.visible ? viaLabel.text + ", " + cutLabel.text
        : viaLabel.visible ? viaLabel.text : cutLabel.visible ? cutLabel.text : ""
    Accessible.ignored: !visible

    Rectangle {
        id: bubbleBox
        x: message.columnX + (message.mine ? message.columnWidth - width - Theme.marginLarge : Theme.marginLarge)
        width: Math.min(message.columnWidth * 0.78, Math.max(body.childrenRect.width, meta.implicitWidth) + 32)
        height: body.childrenRect.height + meta.implicitHeight + 28
        radius: Theme.radius
        color: message.mine ? Theme.tint(Theme.accent, 0.18) : Theme.bubble

        // Prose as Markdown; each fenced code block in its own monospaced box with a copy button.
        Column {
            id: body
            x: Theme.margin
            y: Theme.padding
            spacing: Theme.spacing
            readonly property real maxWidth: message.columnWidth * 0.78 - 32
            ThinkingSection {
                id: thinking
                reasoning: message.reasoning
                live: message.streaming && message.content === ""
                maxWidth: body.maxWidth
            }
            Repeater {
                // Rows change in place while a reply streams: untouched code blocks keep their colours.
                model: SegmentListModel { segments: message.segments }
                delegate: MessageSegment {
                    maxWidth: body.maxWidth
                    cursor: message.streaming && index === message.segments.length - 1
                    failed: message.status === "error"
                    onLinkActivated: link => message.linkActivated(link)
                    onCopyRequested: text => message.controller.copyText(text)
                }
            }
        }
        RowLayout {
            id: meta
            anchors.top: body.bottom
            anchors.topMargin: 4
            x: Theme.margin
            spacing: Theme.spacing
            Label {
                id: viaLabel
                visible: message.platform !== "desktop" && message.platform !== "cli"
                Accessible.ignored: !visible
                text: qsTr("via %1").arg(message.controller.displayName(message.platform))
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontSmall
                color: Theme.subtle
            }
            Label {
                id: cutLabel
                visible: message.status === "partial" && !message.streaming
                Accessible.ignored: !visible
                text: qsTr("cut short")
                font.pixelSize: Theme.fontSmall
                color: Theme.errorColor
            }
            MessageStats {
                stats: message.stats
            }
            CopyButton {
                objectName: "copyMessage"
                implicitHeight: 22
                visible: !message.streaming
                copyName: message.mine ? qsTr("Copy your message") : qsTr("Copy reply")
                onCopyRequested: message.controller.copyText(message.content)
                Accessible.ignored: !visible
            }
            MessageActions {
                controller: message.controller
                messageId: message.messageId
                role: message.role
                status: message.status
                streaming: message.streaming
                last: message.index === message.ListView.view.count - 1
                variantIndex: message.variantIndex
                variantCount: message.variantCount
                previousVariant: message.previousVariant
                nextVariant: message.nextVariant
            }
        }
    }
}
