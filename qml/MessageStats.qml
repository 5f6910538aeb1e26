// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// A reply's size and speed under it: "412 tokens · 38 tok/s", or "~400 tokens (estimated)" when
// the server did not report its count.
Label {
    id: line

    /// {tokens, tokensPerSecond, estimated} from the message list; empty when nothing was counted.
    property var stats: ({})
    readonly property int tokens: stats && stats.tokens ? stats.tokens : 0
    readonly property int speed: stats && stats.tokensPerSecond ? stats.tokensPerSecond : 0

    objectName: "messageStats"
    visible: tokens > 0
    text: tokens <= 0 ? "" : (stats.estimated ? qsTr("~%L1 tokens (estimated)") : qsTr("%L1 tokens")).arg(tokens)
        + (speed > 0 ? " · " + qsTr("%L1 tok/s").arg(speed) : "")
    textFormat: Text.PlainText
    font.pixelSize: Theme.fontSmall
    color: Theme.subtle
    Accessible.name: tokens <= 0 ? "" : (stats.estimated ? qsTr("about %L1 tokens, estimated") : qsTr("%L1 tokens")).arg(tokens)
        + (speed > 0 ? ", " + qsTr("%L1 tokens per second").arg(speed) : "")
    Accessible.ignored: !visible
}
