// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Baton

// One part of a message: prose, or a fenced code block in its own box. Rows change in place while a
// reply streams, so a block that is not growing keeps its delegate and its colours.
Loader {
    id: segment

    required property bool code
    required property string text
    required property string language
    required property int index
    property real maxWidth: 600
    /// The last segment of a reply that is still streaming: it shows a cursor.
    property bool cursor: false
    /// The message failed: its prose shows in the error colour.
    property bool failed: false

    signal linkActivated(string link)
    signal copyRequested(string text)

    sourceComponent: code ? codeBlock : prose
    Component {
        id: prose
        MessageProse {}
    }
    Component {
        id: codeBlock
        CodeBlock {
            text: ""
            language: ""
        }
    }
    // The loaded item follows the row; Qt 6.4 can neither bind it from inside the components (bound
    // components break Loader) nor compile a Binding element on it ahead of time.
    onLoaded: {
        if (segment.code) {
            const block = segment.item as CodeBlock
            block.text = Qt.binding(() => segment.text)
            block.language = Qt.binding(() => segment.language)
            block.maxWidth = Qt.binding(() => segment.maxWidth)
            block.copyRequested.connect(text => segment.copyRequested(text))
        } else {
            const prose = segment.item as MessageProse
            prose.text = Qt.binding(() => SafeText.prose(segment.text + (segment.cursor ? " ▍" : ""), Theme.prose))
            prose.maxWidth = Qt.binding(() => segment.maxWidth)
            prose.failed = Qt.binding(() => segment.failed)
            prose.linkActivated.connect(link => segment.linkActivated(link))
        }
    }
}
